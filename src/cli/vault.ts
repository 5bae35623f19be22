/**
 * The notes the command line reads, as one registry: every note of every PATH goes in, so the
 * findings across notes (overlaps between networks, links) are found as the plugin finds them.
 * Links resolve from the vault root: `--vault DIR`, else the folder common to every PATH.
 */
import { dirname, relative, resolve, sep } from "node:path";
import { sortFindings, type Finding } from "../core/findings";
import { planBody } from "../plan/plan";
import type { NoteLink } from "../parse/types";
import type { PlanResult } from "../plan/types";
import { Registry, setNotes, type NoteInput } from "../registry/registry";
import { displayName, isBareSpec, planInput, readInput, type Input } from "./io";
import type { Io } from "./main";
import { expandPaths } from "./walk";

interface LoadedNote {
	input: Input;
	/** The note's path from the vault root, its key in the registry; null for standard input. */
	key: string | null;
}

interface Loaded {
	registry: Registry;
	notes: LoadedNote[];
	/** Files given or found. */
	files: number;
	/** Files named but not read (missing, unreadable, binary, not UTF-8). */
	unreadable: number;
	root: string;
}

/** The deepest folder holding every path (folders as they are, files by their folder). */
export function commonRoot(paths: string[]): string {
	const dirs = paths.filter((p) => p !== "-").map((p) => resolve(p));
	if (dirs.length === 0) return process.cwd();
	let parts = dirs[0]?.split(sep) ?? [];
	for (const d of dirs) {
		const other = d.split(sep);
		let i = 0;
		while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
		parts = parts.slice(0, i);
	}
	return parts.join(sep) || sep;
}

function folderOfEach(paths: string[], files: Set<string>): string[] {
	return paths.map((p) => (files.has(p) ? dirname(p) : p));
}

export function loadNotes(paths: string[], vault: string | undefined, io: Io): Loaded {
	const expanded = expandPaths(paths);
	let unreadable = expanded.problems.length;
	for (const p of expanded.problems) io.err(`aks-ip: ${displayName(p.path)}: ${p.reason}\n`);
	const given = new Set(expanded.files);
	const root = vault !== undefined ? resolve(vault) : commonRoot(folderOfEach(paths, given));
	const registry = new Registry();
	const notes: LoadedNote[] = [];
	const inputs: NoteInput[] = [];
	const progress = io.isTTY === true && expanded.files.length > 500;
	expanded.files.forEach((path, i) => {
		if (progress && i % 250 === 0) io.err(`\rReading ${i}/${expanded.files.length}…`);
		const read = readInput(path, io.stdin);
		if (!read.ok) {
			io.err(`aks-ip: ${read.name}: ${read.reason}; skipped\n`);
			unreadable++;
			return;
		}
		const key = path === "-" ? null : relative(root, resolve(path)).split(sep).join("/");
		if (key !== null) inputs.push({ path: key, text: read.input.text, bare: isBareSpec(read.input) });
		notes.push({ input: read.input, key });
	});
	if (progress) io.err("\r\x1b[K");
	setNotes(registry, inputs);
	registry.check();
	return { registry, notes, files: expanded.files.length, unreadable, root };
}

/** A registry path as the command line prints it: relative to the working folder. */
export function shownPath(loaded: Loaded, key: string): string {
	return displayName(resolve(loaded.root, key));
}

/** A block as `check` reports it: see planned(). */
interface PlannedBlock {
	/** Its own findings and those across notes, in line order. */
	findings: Finding[];
	/**
	 * Its whole plan (`check --json` prints proposals and growth, which the registry does not keep),
	 * with the same findings, whose proposals carry their `fix`.
	 */
	whole: () => { plan: PlanResult; findings: Finding[] };
}

/** Each block of a note with its own findings and those across notes, and its whole plan on demand. */
export function planned(loaded: Loaded, note: LoadedNote): PlannedBlock[] {
	const key = note.key;
	const blocks = key === null ? null : loaded.registry.notes.get(key)?.blocks;
	if (key === null || !blocks)
		return planInput(note.input).map((plan) => ({
			findings: plan.findings,
			whole: () => ({ plan, findings: plan.findings }),
		}));
	return blocks.map((b) => {
		const cross = b.cross.map((f) =>
			f.related ? { ...f, related: { ...f.related, file: shownPath(loaded, f.related.file) } } : f,
		);
		return {
			findings: sortFindings([...b.plan.findings, ...cross]),
			whole: () => {
				const linkedVnet = (link: NoteLink) => loaded.registry.linkedVnet(link, key);
				const plan = planBody(b.body, { fenceLine: b.fenceLine, linkedVnet });
				return { plan, findings: sortFindings([...plan.findings, ...cross]) };
			},
		};
	});
}
