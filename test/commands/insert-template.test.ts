import { describe, expect, it } from "vitest";
import { planNote } from "../../src/api";
import { TemplatePicker } from "../../src/commands/template-picker";
import { TEMPLATES, templateBlock } from "../../src/templates/templates";
import { chooseSuggestion, openModals, runCommand, setQuery } from "../obsidian-stub";
import { lastModal, withEditor } from "./helpers";

const NOTE = "# Plan\n\nIntro.\n";

async function insert(text: string, cursor: { line: number; ch: number }, id: string, data?: unknown) {
	const setup = await withEditor(text, cursor, data);
	expect(await runCommand(setup.plugin, "insert-template")).toBe(true);
	const picker = lastModal(TemplatePicker);
	await chooseSuggestion(picker, (t) => t.id === id);
	return { ...setup, picker };
}

describe("Insert plan from template", () => {
	it.each(TEMPLATES.map((t) => [t.id, t] as const))(
		"inserts the %s template on its own lines, in one undoable edit, and it plans with no error",
		async (id, template) => {
			const { editor } = await insert(NOTE, { line: 1, ch: 0 }, id);
			const block = templateBlock(template);
			expect(editor.getValue()).toBe(`# Plan\n${block}\nIntro.\n`);
			expect(editor.transactions).toBe(1);
			expect(editor.edits).toHaveLength(1);
			const firstBodyLine = block.split("\n")[1] ?? "";
			expect(editor.getCursor()).toEqual({ line: 2, ch: firstBodyLine.length });
			expect(editor.getLine(2)).toMatch(/^cluster: /);
			const plans = planNote(editor.getValue());
			expect(plans).toHaveLength(1);
			expect(plans[0]?.findings.filter((f) => f.severity === "error")).toEqual([]);
			editor.undo();
			expect(editor.getValue()).toBe(NOTE);
			expect(editor.getCursor()).toEqual({ line: 1, ch: 0 });
		},
	);

	it("breaks the line when the cursor is in the middle of text", async () => {
		const { editor } = await insert("abcdef", { line: 0, ch: 3 }, "kubenet");
		const block = templateBlock(TEMPLATES.find((t) => t.id === "kubenet") ?? TEMPLATES[0]!);
		expect(editor.getValue()).toBe(`abc\n${block}\ndef`);
		expect(editor.getCursor()).toEqual({ line: 2, ch: "cluster: aks-kubenet".length });
		expect(editor.transactions).toBe(1);
		editor.undo();
		expect(editor.getValue()).toBe("abcdef");
	});

	it("adds a line break only before when the cursor ends a line, only after when it starts one", async () => {
		const block = templateBlock(TEMPLATES[0]!);
		const end = await insert("text", { line: 0, ch: 4 }, "overlay");
		expect(end.editor.getValue()).toBe(`text\n${block}`);
		const start = await insert("text", { line: 0, ch: 0 }, "overlay");
		expect(start.editor.getValue()).toBe(`${block}\ntext`);
		expect(start.editor.getCursor()).toEqual({ line: 1, ch: "cluster: aks-prod-weu".length });
	});

	it("keeps selected text and inserts the block after the selection", async () => {
		const { plugin, editor } = await withEditor("one\ntwo three\n");
		editor.setSelection({ line: 0, ch: 0 }, { line: 1, ch: 3 });
		await runCommand(plugin, "insert-template");
		await chooseSuggestion(lastModal(TemplatePicker), 0);
		const block = templateBlock(TEMPLATES[0]!);
		expect(editor.getValue()).toBe(`one\ntwo\n${block}\n three\n`);
		expect(editor.getSelection()).toBe("");
		expect(editor.getCursor()).toEqual({ line: 3, ch: "cluster: aks-prod-weu".length });
		expect(editor.transactions).toBe(1);
		editor.undo();
		expect(editor.getValue()).toBe("one\ntwo three\n");
		expect(editor.getSelection()).toBe("one\ntwo");
	});

	it("lists every template with its description, the default template first", async () => {
		const { plugin } = await withEditor(NOTE, { line: 0, ch: 0 }, { defaultTemplate: "kubenet" });
		await runCommand(plugin, "insert-template");
		const picker = lastModal(TemplatePicker);
		expect((await setQuery(picker, "")).map((t) => t.id)).toEqual([
			"kubenet",
			...TEMPLATES.map((t) => t.id).filter((id) => id !== "kubenet"),
		]);
		const items = [...picker.resultContainerEl.querySelectorAll(".suggestion-item")];
		expect(items).toHaveLength(TEMPLATES.length);
		expect(items[0]?.querySelector(".aks-ip-template-name")?.textContent).toBe("Kubenet (legacy)");
		expect(items[0]?.querySelector(".aks-ip-template-description")?.textContent).toContain("route table");
		expect((await setQuery(picker, "firewall")).map((t) => t.id)).toEqual(["hub-spoke"]);
		expect((await setQuery(picker, "pod subnet static")).map((t) => t.id)).toEqual(["pod-subnet-static"]);
	});

	it("falls back to overlay first when the saved default is not a template", async () => {
		const { plugin } = await withEditor(NOTE, { line: 0, ch: 0 }, { defaultTemplate: "gone" });
		await runCommand(plugin, "insert-template");
		expect((await setQuery(lastModal(TemplatePicker), ""))[0]?.id).toBe("overlay");
	});

	it("changes nothing when the picker is closed without a choice", async () => {
		const { plugin, editor } = await withEditor(NOTE, { line: 1, ch: 0 });
		await runCommand(plugin, "insert-template");
		lastModal(TemplatePicker).close();
		expect(openModals).toHaveLength(0);
		expect(editor.getValue()).toBe(NOTE);
		expect(editor.transactions).toBe(0);
	});
});
