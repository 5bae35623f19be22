import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import AksIpPlugin from "../../main";
import { renderNote } from "../../src/cli/render";
import { SUMMARY_END, SUMMARY_START } from "../../src/markdown/region";
import { FakeEditor } from "../editor-fake";
import { MarkdownView, Notice, TFile, loadPlugin, renderCodeBlock, sectionOf } from "../obsidian-stub";

const BODY = readFileSync("test/fixtures/example-spec.yaml", "utf8").replace(/\n$/, "");
const BROKEN = "vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\ncount: 20\nbogus: 1";
const NOTE = `---\ntags: [x]\n---\n# Prod\n\nIntro.\n\n\`\`\`aks-ip\n${BROKEN}\n\`\`\`\n\nAfter.\n`;

async function setup(note: string, source: string, withSection: boolean) {
	const { plugin, app } = await loadPlugin(AksIpPlugin);
	const editor = new FakeEditor(note);
	const file = new TFile(undefined, "notes/prod.md");
	app.workspace.setActiveView(new MarkdownView(null, editor, file));
	const { el } = await renderCodeBlock(plugin, source, {
		sourcePath: "notes/prod.md",
		sectionInfo: withSection ? sectionOf(note) : null,
	});
	return { el, editor };
}

function click(el: Element | null | undefined): void {
	(el as HTMLElement).dispatchEvent(new MouseEvent("click", { bubbles: true }));
}

describe("clicking a finding", () => {
	it.each([true, false])(
		"puts the cursor on the finding's line of the note (section info known: %s)",
		async (withSection) => {
			const { el, editor } = await setup(NOTE, BROKEN, withSection);
			const items = [...el.querySelectorAll(".aks-ip-finding")];
			const unknown = items.find((li) => li.querySelector(".aks-ip-code")?.textContent === "unknown-key");
			expect(unknown?.querySelector(".aks-ip-line")?.textContent).toBe("Line 4");
			click(unknown?.querySelector(".aks-ip-line"));
			expect(editor.getCursor()).toEqual({ line: 11, ch: 0 });
			expect(editor.getLine(11)).toBe("bogus: 1");
		},
	);

	it("does nothing harmful when the note is not open or the block cannot be found", async () => {
		const { el, editor } = await setup("# another note\n", BROKEN, false);
		click(el.querySelector(".aks-ip-line"));
		expect(editor.getValue()).toBe("# another note\n");
		expect(Notice.messages.at(-1)).toContain("could not be located");
	});
});

describe("insert below", () => {
	it("writes the summary after the block in one edit, then refreshes it in place", async () => {
		const { el, editor } = await setup(NOTE, BROKEN, false);
		const button = [...el.querySelectorAll("button")].find((b) => b.textContent === "Insert below");
		click(button);
		const once = editor.getValue();
		expect(editor.transactions).toBe(1);
		expect(once.startsWith(NOTE.slice(0, NOTE.indexOf("\n\nAfter.")))).toBe(true);
		expect(once.endsWith("\n\nAfter.\n")).toBe(true);
		expect(once.split(SUMMARY_START)).toHaveLength(2);
		expect(once).toContain(SUMMARY_END);
		expect(once).toContain("### 1. Node IPs");
		click(button);
		expect(editor.getValue()).toBe(once);
		editor.undo();
		expect(editor.getValue()).toBe(NOTE);
	});

	it.each([true, false])(
		"writes what aks-ip render writes, with note lines (section info known: %s)",
		async (withSection) => {
			const { el, editor } = await setup(NOTE, BROKEN, withSection);
			click([...el.querySelectorAll("button")].find((b) => b.textContent === "Insert below"));
			expect(editor.getValue()).toBe(renderNote(NOTE));
			// The block's error on body line 2 is note line 10 in the summary.
			expect(editor.getValue()).toMatch(/^- Line 10: /m);
		},
	);

	it("the summary of the example spec carries its numbers in the production example note's shape", async () => {
		const { el } = await setup(`\`\`\`aks-ip\n${BODY}\n\`\`\`\n`, BODY, true);
		const copy = [...el.querySelectorAll("button")].find((b) => b.textContent === "Copy as Markdown");
		expect(copy).toBeDefined();
		el.querySelector('button[data-aks-ip-action="summary"]')?.dispatchEvent(
			new MouseEvent("click", { bubbles: true }),
		);
		const summary = el.querySelector(".aks-ip-summary")?.textContent ?? "";
		for (const heading of [
			"## aks-prod-weu: IP allocation",
			"### 1. Node IPs",
			"### 2. Pod IPs",
			"### 3. Service IPs",
			"### 4. Load balancer IPs",
			"### 5. Egress",
			"### IP management",
			"### Key takeaways",
		]) {
			expect(summary).toContain(heading);
		}
		expect(summary).toContain("**Source:** Cluster-internal pod CIDR `192.168.0.0/16`");
		expect(summary).toContain("256 /24 node blocks, 46 needed at full scale, 210 free (82.0%)");
		expect(summary).toContain("nothing outside the cluster can connect to a pod directly");
	});
});
