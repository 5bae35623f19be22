/**
 * Checking every note of a vault for plans with errors or warnings, a slice of notes at a time,
 * pausing between slices so the app stays responsive. No Obsidian import: the caller reads files.
 */
import { planNote } from "../api";
import { LANGUAGE } from "./blocks";
import { mayHoldFence } from "./fences";
import type { Finding } from "../core/findings";

export interface NoteReport<F> {
	file: F;
	/** Errors and warnings of every block of the note, by line. */
	findings: Finding[];
	errors: number;
	warnings: number;
}

export interface ScanSummary<F> {
	total: number;
	checked: number;
	/** Notes with at least one `aks-ip` block. */
	withPlans: number;
	reports: NoteReport<F>[];
	cancelled: boolean;
}

interface ScanOptions<F> {
	files: readonly F[];
	read: (file: F) => Promise<string>;
	defaultMaxSurge?: string;
	/** Notes per slice (50 unless given). */
	sliceSize?: number;
	/** Waits between slices, e.g. a zero timeout. */
	pause: () => Promise<void>;
	isCancelled: () => boolean;
	onProgress?: (checked: number, total: number) => void;
	onReport?: (report: NoteReport<F>) => void;
	/** Checks one note (default: checkNote); the plugin adds what the registry finds across notes. */
	check?: (file: F, text: string) => { plans: number; findings: Finding[] };
}

/** A quick test before planning: could the note hold an `aks-ip` block at all? */
export function mayHavePlan(text: string): boolean {
	return mayHoldFence(text, LANGUAGE);
}

/** The errors and warnings of a note's blocks, and how many blocks it has. */
function checkNote(text: string, defaultMaxSurge?: string): { plans: number; findings: Finding[] } {
	const plans = planNote(text, { defaultMaxSurge });
	const findings = plans.flatMap((p) => p.findings).filter((f) => f.severity !== "info");
	return { plans: plans.length, findings: findings.sort((a, b) => a.line - b.line) };
}

export async function scanNotes<F>(options: ScanOptions<F>): Promise<ScanSummary<F>> {
	const size = Math.max(1, Math.floor(options.sliceSize ?? 50));
	const summary: ScanSummary<F> = {
		total: options.files.length,
		checked: 0,
		withPlans: 0,
		reports: [],
		cancelled: false,
	};
	for (let start = 0; start < options.files.length; start += size) {
		if (options.isCancelled()) {
			summary.cancelled = true;
			break;
		}
		for (const file of options.files.slice(start, start + size)) {
			summary.checked++;
			let text: string;
			try {
				text = await options.read(file);
			} catch {
				continue; // deleted or unreadable since the list was taken
			}
			if (!mayHavePlan(text)) continue;
			const { plans, findings } = options.check
				? options.check(file, text)
				: checkNote(text, options.defaultMaxSurge);
			if (plans > 0) summary.withPlans++;
			if (findings.length === 0) continue;
			const report: NoteReport<F> = {
				file,
				findings,
				errors: findings.filter((f) => f.severity === "error").length,
				warnings: findings.filter((f) => f.severity === "warning").length,
			};
			summary.reports.push(report);
			options.onReport?.(report);
		}
		options.onProgress?.(summary.checked, summary.total);
		if (summary.checked < summary.total) await options.pause();
	}
	return summary;
}
