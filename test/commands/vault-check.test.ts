import type { TFile as ObsidianFile } from "obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import AksIpPlugin from "../../main";
import { scanNotes, mayHavePlan } from "../../src/note/scan";
import { VaultCheckModal } from "../../src/commands/vault-modal";
import { App, loadPlugin, openModals, runCommand } from "../obsidian-stub";
import { lastModal, tick } from "./helpers";

const NOTES = 2000;
const GOOD = "```aks-ip\ncluster: fine\nnetworkPlugin: azure\nnetworkPluginMode: overlay\n```\n";
/** A block with an error (a /28 node subnet for 20 nodes) and a warning (an unknown key). */
const BAD = "```aks-ip\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\ncount: 20\nbogus: 1\n```\n";
const TILDE_BAD = "~~~aks-ip\nnodeSubnet: 10.0.0.0/33\n~~~\n";
const BAD_NOTES: Record<number, string> = {
	3: BAD,
	777: `# Prod\n\nText.\n\n${BAD}`,
	1500: TILDE_BAD,
	1999: `${GOOD}\n${BAD}`,
};
const GOOD_NOTES = [10, 20, 30, 1000, 1998];

function path(i: number): string {
	return `notes/${String(Math.floor(i / 100)).padStart(2, "0")}/note-${String(i).padStart(4, "0")}.md`;
}

function vault(): Record<string, string> {
	const files: Record<string, string> = { "attachments/data.json": "```aks-ip\nbroken: [\n```" };
	for (let i = 0; i < NOTES; i++) {
		files[path(i)] =
			BAD_NOTES[i] ??
			(GOOD_NOTES.includes(i)
				? `Plan:\n\n${GOOD}`
				: `# Note ${i}\n\nNothing to plan here, only \`code\` and\n\n\`\`\`yaml\nkey: value\n\`\`\`\n`);
	}
	return files;
}

async function open() {
	const { plugin, app } = await loadPlugin(AksIpPlugin, { files: vault() });
	const statuses: string[] = [];
	const realTimeout = window.setTimeout.bind(window);
	const spy = vi.spyOn(window, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
		statuses.push(activeDocument.querySelector(".aks-ip-vault-status")?.textContent ?? "");
		return realTimeout(fn, ms);
	}) as typeof window.setTimeout);
	expect(await runCommand(plugin, "check-vault")).toBe(true);
	const modal = lastModal(VaultCheckModal);
	const status = () => modal.contentEl.querySelector(".aks-ip-vault-status")?.textContent ?? "";
	const button = modal.contentEl.querySelector("button") as HTMLButtonElement;
	return { app, modal, statuses, status, button, spy };
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe("Check plans in vault", () => {
	it("checks 2,000 notes in slices, reporting progress, and lists the notes with errors or warnings", async () => {
		const { modal, statuses, status, button } = await open();
		const summary = await modal.done;
		expect(summary?.checked).toBe(NOTES);
		expect(summary?.cancelled).toBe(false);
		const progress = statuses.filter((s) => /^Checked [\d,]+ of 2,000 notes$/.test(s));
		expect(progress.length).toBeGreaterThan(1);
		expect(progress[0]).toBe("Checked 50 of 2,000 notes");
		expect(progress).toContain("Checked 1,000 of 2,000 notes");
		expect(status()).toBe("Checked 2,000 notes, 9 with plans: 4 notes with errors or warnings.");
		expect(button.textContent).toBe("Close");

		const notes = [...modal.contentEl.querySelectorAll(".aks-ip-vault-note")];
		expect(notes.map((n) => n.querySelector(".aks-ip-vault-path")?.textContent)).toEqual(
			[3, 777, 1500, 1999].map(path),
		);
		const first = notes[0];
		expect(first?.querySelector(".aks-ip-vault-counts")?.textContent).toMatch(/^ \(\d+ errors?, \d+ warnings?\)$/);
		const items = [...(first?.querySelectorAll(".aks-ip-finding") ?? [])];
		expect(items.length).toBeGreaterThan(1);
		const unknown = items.find((li) => li.querySelector(".aks-ip-code")?.textContent === "unknown-key");
		expect(unknown?.querySelector(".aks-ip-severity")?.textContent).toBe("Warning");
		expect(unknown?.querySelector(".aks-ip-line")?.textContent).toBe("Line 5");
		const lines = [...(notes[1]?.querySelectorAll(".aks-ip-finding") ?? [])].map((li) => [
			li.querySelector(".aks-ip-code")?.textContent,
			li.querySelector(".aks-ip-line")?.textContent,
		]);
		expect(lines).toContainEqual(["unknown-key", "Line 9"]);
		expect(lines[0]?.[1]).toBe("Line 7");
		expect(modal.contentEl.querySelectorAll(".aks-ip-finding.is-info")).toHaveLength(0);
	});

	it("opens the note at the finding's line when a finding is clicked", async () => {
		const { app, modal } = await open();
		await modal.done;
		const li = [...modal.contentEl.querySelectorAll(".aks-ip-vault-note")][1]?.querySelector(
			".aks-ip-finding .aks-ip-line",
		) as HTMLElement;
		const line = Number(li.textContent?.replace("Line ", ""));
		li.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(app.workspace.opened.at(-1)).toEqual({
			via: "openFile",
			path: path(777),
			state: { eState: { line: line - 1 } },
		});
		expect(openModals).toHaveLength(0);
	});

	it("can be cancelled midway with the button, keeping what it found so far", async () => {
		const { modal, status, button } = await open();
		let seen = 0;
		for (let i = 0; i < 1000 && seen < 800; i++) {
			await tick();
			seen = Number(/^Checked ([\d,]+) of/.exec(status())?.[1]?.replace(/,/g, "") ?? 0);
		}
		expect(seen).toBeGreaterThanOrEqual(800);
		expect(button.textContent).toBe("Cancel");
		button.click();
		const summary = await modal.done;
		expect(summary?.cancelled).toBe(true);
		expect(summary?.checked).toBe(seen);
		expect(summary?.checked).toBeLessThan(NOTES);
		expect(status()).toBe(
			`Cancelled after ${seen.toLocaleString("en-US")} of 2,000 notes: 2 notes with errors or warnings so far.`,
		);
		expect(modal.contentEl.querySelectorAll(".aks-ip-vault-note")).toHaveLength(2);
		expect(openModals).toEqual([modal]);
		button.click();
		expect(openModals).toHaveLength(0);
	});

	it("stops when the modal is closed", async () => {
		const { modal, status } = await open();
		for (let i = 0; i < 100 && !status().startsWith("Checked 1"); i++) await tick();
		modal.close();
		const summary = await modal.done;
		expect(summary?.cancelled).toBe(true);
		expect(summary?.checked).toBeLessThan(NOTES);
		expect(openModals).toHaveLength(0);
	});
});

describe("scanNotes", () => {
	it("reads every file once, pauses between slices and skips unreadable files", async () => {
		const app = new App({ files: vault() });
		const files = app.vault.getMarkdownFiles() as unknown as ObsidianFile[];
		const progress: number[] = [];
		let pauses = 0;
		const summary = await scanNotes({
			files,
			sliceSize: 300,
			read: (f) => (f.path === path(3) ? Promise.reject(new Error("gone")) : app.vault.cachedRead(f as never)),
			pause: () => {
				pauses++;
				return Promise.resolve();
			},
			isCancelled: () => false,
			onProgress: (checked) => progress.push(checked),
		});
		expect(progress).toEqual([300, 600, 900, 1200, 1500, 1800, 2000]);
		expect(pauses).toBe(6);
		expect(summary.reports.map((r) => r.file.path)).toEqual([777, 1500, 1999].map(path));
		expect(summary.reports.every((r) => r.errors + r.warnings === r.findings.length)).toBe(true);
	});

	it("looks for aks-ip fences before planning", () => {
		expect(mayHavePlan("```aks-ip\n")).toBe(true);
		expect(mayHavePlan("~~~~ aks-ip\n")).toBe(true);
		expect(mayHavePlan("```yaml\naks-ip: 1\n```")).toBe(false);
	});
});
