import { describe, expect, it } from "vitest";
import { planSource } from "../../src/api";
import { renderNote } from "../../src/cli/render";
import { SUMMARY_END, SUMMARY_START, summaryRegion } from "../../src/markdown/region";
import { toMarkdown } from "../../src/markdown/summary";
import { Notice, runCommand } from "../obsidian-stub";
import { withEditor } from "./helpers";

const FIRST = "cluster: aks-one\nnetworkPlugin: azure\nnetworkPluginMode: overlay\nnodeSubnet: 10.1.0.0/24";
const SECOND =
	"cluster: aks-two\nnetworkPlugin: kubenet\nvnet: 10.2.0.0/16\nnodeSubnet: 10.2.0.0/24\nagentPools:\n  - name: system\n    count: 3";
const NOTE = `# Clusters\n\n\`\`\`aks-ip\n${FIRST}\n\`\`\`\n\nBetween.\n\n\`\`\`aks-ip\n${SECOND}\n\`\`\`\n\nAfter.\n`;
/** 0-based line of the second block's opening fence. */
const SECOND_FENCE = NOTE.split("\n").indexOf("```aks-ip", 3);

function summaryOf(body: string, maxSurge = "10%", headingLevel = 2): string {
	return summaryRegion(toMarkdown(planSource(body, { defaultMaxSurge: maxSurge }), { headingLevel }));
}

function occurrences(text: string, part: string): number {
	return text.split(part).length - 1;
}

describe("Write summary below", () => {
	it("writes what aks-ip render writes: errors listed at their note lines", async () => {
		const note = `# Broken\n\nText.\n\n\`\`\`aks-ip\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\ncount: 20\n\`\`\`\n`;
		const { plugin, editor } = await withEditor(note, { line: 6, ch: 0 });
		await runCommand(plugin, "write-summary");
		expect(editor.getValue()).toBe(renderNote(note));
		expect(editor.getValue()).toMatch(/^- Line 7: /m);
	});

	it("writes the summary right after the block at the cursor, in one undoable edit", async () => {
		const cursor = { line: SECOND_FENCE + 2, ch: 4 };
		const { plugin, editor } = await withEditor(NOTE, cursor);
		expect(await runCommand(plugin, "write-summary")).toBe(true);
		const at = NOTE.indexOf("\n\nAfter.");
		expect(editor.getValue()).toBe(`${NOTE.slice(0, at)}\n\n${summaryOf(SECOND)}${NOTE.slice(at)}`);
		expect(editor.getValue()).toContain("## aks-two: IP allocation");
		expect(editor.transactions).toBe(1);
		expect(editor.edits).toHaveLength(1);
		expect(editor.getCursor()).toEqual(cursor);
		expect(Notice.messages.at(-1)).toBe("Summary written below the block.");
		editor.undo();
		expect(editor.getValue()).toBe(NOTE);
	});

	it("refreshes the region in place instead of adding a copy, leaving text outside it alone", async () => {
		const { plugin, editor } = await withEditor(NOTE, { line: SECOND_FENCE, ch: 0 });
		await runCommand(plugin, "write-summary");
		const once = editor.getValue();
		await runCommand(plugin, "write-summary");
		expect(editor.getValue()).toBe(once);
		expect(editor.transactions).toBe(1);
		expect(Notice.messages.at(-1)).toBe("The summary is already up to date.");

		const countLine = SECOND_FENCE + 7;
		expect(editor.getLine(countLine)).toBe("    count: 3");
		editor.replaceRange("    count: 30", { line: countLine, ch: 0 }, { line: countLine, ch: 12 });
		const edited = editor.getValue();
		await runCommand(plugin, "write-summary");
		const twice = editor.getValue();
		expect(editor.transactions).toBe(2);
		expect(occurrences(twice, SUMMARY_START)).toBe(1);
		expect(occurrences(twice, SUMMARY_END)).toBe(1);
		const start = edited.indexOf(SUMMARY_START);
		const end = edited.indexOf(SUMMARY_END) + SUMMARY_END.length;
		const body = SECOND.replace("count: 3", "count: 30");
		expect(twice).toBe(`${edited.slice(0, start)}${summaryOf(body)}${edited.slice(end)}`);
		editor.undo();
		expect(editor.getValue()).toBe(edited);
	});

	it("is available on the fences and inside a block only", async () => {
		const lines = NOTE.split("\n");
		const closing = lines.indexOf("```", SECOND_FENCE);
		for (const [line, available] of [
			[0, false],
			[2, true],
			[4, true],
			[6, true],
			[8, false],
			[SECOND_FENCE, true],
			[closing, true],
			[closing + 2, false],
		] as const) {
			const { plugin, editor } = await withEditor(NOTE, { line, ch: 0 });
			expect([line, await runCommand(plugin, "write-summary")]).toEqual([line, available]);
			if (!available) expect(editor.transactions).toBe(0);
		}
	});

	it("uses the settings' default max surge and heading level", async () => {
		const { plugin, editor } = await withEditor(
			NOTE,
			{ line: 3, ch: 0 },
			{ defaultMaxSurge: "2", summaryHeadingLevel: 3 },
		);
		await runCommand(plugin, "write-summary");
		const at = NOTE.indexOf("\n\nBetween.");
		expect(editor.getValue()).toBe(`${NOTE.slice(0, at)}\n\n${summaryOf(FIRST, "2", 3)}${NOTE.slice(at)}`);
		expect(editor.getValue()).toContain("\n### aks-one: IP allocation\n");
	});

	it("asks for a closing fence instead of writing into an unclosed block", async () => {
		const note = "Text\n\n```aks-ip\ncluster: open\n";
		const { plugin, editor } = await withEditor(note, { line: 3, ch: 0 });
		expect(await runCommand(plugin, "write-summary")).toBe(true);
		expect(editor.getValue()).toBe(note);
		expect(editor.transactions).toBe(0);
		expect(Notice.messages.at(-1)).toContain("Close the code block");
	});
});
