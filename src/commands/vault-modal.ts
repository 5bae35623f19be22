/**
 * "Check plans in vault": plans every `aks-ip` block of the vault in slices, with progress and a
 * cancel button, and lists the notes with errors or warnings; a finding opens its note at its line.
 */
import { countOf, groupDigits } from "../core/numbers";
import { Modal, type App, type TFile } from "obsidian";
import type { AksIpSettings } from "../settings/settings";
import type { VaultRegistry } from "../vault/registry-service";
import { noteFindings } from "../registry/view";
import type { Finding } from "../core/findings";
import { scanNotes, type NoteReport, type ScanSummary } from "../note/scan";
import { findingItem } from "../view/findings";

const SLICE = 50;

function outcome(s: ScanSummary<unknown>): string {
	const found =
		s.reports.length === 0
			? "no errors or warnings"
			: `${countOf(s.reports.length, "note")} with errors or warnings`;
	if (s.cancelled)
		return `Cancelled after ${groupDigits(s.checked)} of ${groupDigits(s.total)} notes: ${found} so far.`;
	return `Checked ${countOf(s.total, "note")}, ${groupDigits(s.withPlans)} with plans: ${found}.`;
}

export class VaultCheckModal extends Modal {
	/** Settles when the scan stops: finished, cancelled or closed. Null before the modal opens. */
	done: Promise<ScanSummary<TFile>> | null = null;
	private cancelled = false;
	private running = false;

	constructor(
		app: App,
		private readonly settings: AksIpSettings,
		private readonly registry?: VaultRegistry,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.titleEl.setText("Check plans in vault");
		contentEl.empty();
		contentEl.addClass("aks-ip-vault-check");
		const status = contentEl.createEl("p", { cls: "aks-ip-vault-status" });
		const button = contentEl
			.createDiv({ cls: "modal-button-container" })
			.createEl("button", { text: "Cancel", attr: { type: "button" } });
		const results = contentEl.createDiv({ cls: "aks-ip-vault-results" });
		button.addEventListener("click", () => {
			if (this.running) this.cancelled = true;
			else this.close();
		});
		this.cancelled = false;
		this.done = this.run(status, button, results);
	}

	onClose(): void {
		this.cancelled = true;
		this.contentEl.empty();
	}

	private async run(status: HTMLElement, button: HTMLElement, results: HTMLElement): Promise<ScanSummary<TFile>> {
		const files = this.app.vault.getMarkdownFiles();
		const total = files.length;
		this.running = true;
		const registry = this.registry;
		if (registry && !registry.ready) {
			// Findings across notes need the whole registry first.
			status.setText("Reading the vault's networks…");
			await registry.whenReady();
		}
		status.setText(`Checking ${countOf(total, "note")}…`);
		try {
			const summary = await scanNotes({
				check: registry ? (file, text) => noteFindings(registry.registry, file.path, text) : undefined,
				files,
				sliceSize: SLICE,
				defaultMaxSurge: this.settings.defaultMaxSurge,
				read: (file) => this.app.vault.cachedRead(file),
				pause: () => new Promise<void>((resolve) => window.setTimeout(resolve, 0)),
				isCancelled: () => this.cancelled,
				onProgress: (checked) =>
					status.setText(`Checked ${groupDigits(checked)} of ${groupDigits(total)} notes`),
				onReport: (report) => this.renderReport(results, report),
			});
			status.setText(outcome(summary));
			return summary;
		} finally {
			this.running = false;
			button.setText("Close");
		}
	}

	private renderReport(parent: HTMLElement, report: NoteReport<TFile>): void {
		const section = parent.createDiv({ cls: "aks-ip-vault-note" });
		const heading = section.createEl("h3", { cls: "aks-ip-vault-note-title" });
		heading.createSpan({ cls: "aks-ip-vault-path", text: report.file.path });
		const counts = [
			report.errors > 0 ? countOf(report.errors, "error") : "",
			report.warnings > 0 ? countOf(report.warnings, "warning") : "",
		];
		heading.createSpan({ cls: "aks-ip-vault-counts", text: ` (${counts.filter((c) => c !== "").join(", ")})` });
		const list = section.createEl("ul", { cls: "aks-ip-finding-list" });
		for (const f of report.findings) {
			const li = findingItem(list, f, { label: `Open ${report.file.path} at line ${f.line}` });
			li.addEventListener("click", () => this.openAt(report.file, f));
		}
	}

	/** Opens the note with the cursor on the finding's line (eState lines are 0-based). */
	private openAt(file: TFile, finding: Finding): void {
		this.close();
		void this.app.workspace.getLeaf(false).openFile(file, { eState: { line: finding.line - 1 } });
	}
}
