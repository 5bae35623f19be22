import { describe, expect, it } from "vitest";
import AksIpPlugin from "../../main";
import { FakeEditor } from "../editor-fake";
import { MarkdownView, Notice, TFile, loadPlugin, renderCodeBlock, runCommand, sectionOf } from "../obsidian-stub";

const BODY = [
	"networkPlugin: azure",
	"vnet: 10.10.0.0/16",
	"nodeSubnet: '10.10.0.0/22'   # nodes",
	"count: 50",
	"maxPods: 30",
	"maxSurge: 1",
	"serviceCidr: 10.10.0.0/16",
	"subnets:",
	"  other: 10.10.4.0/22",
].join("\n");
const NOTE = `---\ntags: [x]\n---\n# Prod\n\n\`\`\`aks-ip\n${BODY}\n\`\`\`\n\nAfter.\n`;
const FIXED = NOTE.replace("'10.10.0.0/22'", "'10.10.8.0/21'").replace(
	"serviceCidr: 10.10.0.0/16",
	"serviceCidr: 10.0.0.0/16",
);

async function setup(note: string, source: string, withSection: boolean) {
	const { plugin, app } = await loadPlugin(AksIpPlugin);
	const editor = new FakeEditor(note);
	app.workspace.setActiveView(new MarkdownView(null, editor, new TFile(undefined, "notes/prod.md")));
	const { el } = await renderCodeBlock(plugin, source, {
		sourcePath: "notes/prod.md",
		sectionInfo: withSection ? sectionOf(note) : null,
	});
	return { el, editor, plugin };
}

function click(el: Element | null | undefined): void {
	(el as HTMLElement).dispatchEvent(new MouseEvent("click", { bubbles: true }));
}

function fixButtonOf(el: HTMLElement, code: string): Element | null | undefined {
	const item = [...el.querySelectorAll(".aks-ip-finding")].find(
		(li) => li.querySelector(".aks-ip-code")?.textContent === code,
	);
	return item?.querySelector(".aks-ip-fix-button");
}

describe("a finding's proposal", () => {
	it("is shown under the finding, with a Fix button", async () => {
		const { el } = await setup(NOTE, BODY, true);
		const item = fixButtonOf(el, "node-subnet-too-small")?.closest(".aks-ip-finding");
		expect(item?.querySelector(".aks-ip-fix-why")?.textContent).toBe(
			"Proposal: 10.10.8.0/21 is free and holds 1,581 with 22% left.",
		);
		expect(item?.querySelector(".aks-ip-fix-button")?.textContent).toBe("Fix");
	});

	it.each([true, false])(
		"Fix rewrites that value in one undoable edit (section info known: %s)",
		async (withSection) => {
			const { el, editor } = await setup(NOTE, BODY, withSection);
			click(fixButtonOf(el, "node-subnet-too-small"));
			expect(editor.getValue()).toBe(NOTE.replace("'10.10.0.0/22'", "'10.10.8.0/21'"));
			expect(editor.transactions).toBe(1);
			expect(Notice.messages.at(-1)).toBe("Changed '10.10.0.0/22' to '10.10.8.0/21'.");
			editor.undo();
			expect(editor.getValue()).toBe(NOTE);
		},
	);

	it("Apply all fixes makes every automatic fix in one undoable edit", async () => {
		const { el, editor } = await setup(NOTE, BODY, true);
		const all = el.querySelector(".aks-ip-fix-all button");
		expect(all?.textContent).toBe("Apply all fixes");
		click(all);
		expect(editor.getValue()).toBe(FIXED);
		expect(editor.transactions).toBe(1);
		editor.undo();
		expect(editor.getValue()).toBe(NOTE);
	});

	it("refuses with a notice when the block changed since it was drawn", async () => {
		const edited = NOTE.replace("count: 50", "count: 51");
		const { el, editor } = await setup(edited, BODY, true);
		click(fixButtonOf(el, "node-subnet-too-small"));
		expect(editor.getValue()).toBe(edited);
		expect(editor.transactions).toBe(0);
		expect(Notice.messages.at(-1)).toBe(
			"The block changed since it was drawn: nothing was changed. Try again once it has redrawn.",
		);
	});

	it("asks for the editor when the note is not open", async () => {
		const { el, editor } = await setup("# another note\n", BODY, false);
		click(fixButtonOf(el, "node-subnet-too-small"));
		expect(editor.getValue()).toBe("# another note\n");
		expect(Notice.messages.at(-1)).toContain("could not be located");
	});
});

describe("Fill in missing ranges", () => {
	const Q = "# Q\n\n```aks-ip\nvnet: 10.20.0.0/16   # the question\nagentPools:\n  - name: sys\n    count: 3\n```\n";

	it("writes every range the block at the cursor needs, in one undoable edit", async () => {
		const { plugin, app } = await loadPlugin(AksIpPlugin);
		const editor = new FakeEditor(Q, { line: 4, ch: 0 });
		app.workspace.setActiveView(new MarkdownView(null, editor, new TFile(undefined, "notes/q.md")));
		expect(await runCommand(plugin, "fill-missing-ranges")).toBe(true);
		expect(editor.getValue()).toBe(
			Q.replace(
				"# the question\n",
				"# the question\nnodeSubnet: 10.20.0.0/28\npodCidr: 10.244.0.0/16\nserviceCidr: 10.0.0.0/16\ndnsServiceIp: 10.0.0.10\n",
			),
		);
		expect(editor.transactions).toBe(1);
		expect(await runCommand(plugin, "fill-missing-ranges")).toBe(true);
		expect(Notice.messages.at(-1)).toBe("Nothing to fill in: the block writes every range it needs.");
		expect(editor.transactions).toBe(1);
	});

	it("is offered only with the cursor in a block", async () => {
		const { plugin, app } = await loadPlugin(AksIpPlugin);
		const editor = new FakeEditor(Q, { line: 0, ch: 0 });
		app.workspace.setActiveView(new MarkdownView(null, editor, new TFile(undefined, "notes/q.md")));
		expect(await runCommand(plugin, "fill-missing-ranges")).toBe(false);
	});
});
