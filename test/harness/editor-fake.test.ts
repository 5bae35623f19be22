import { describe, expect, it } from "vitest";
import { FakeEditor } from "../editor-fake";

const text = "alpha\nbeta\ngamma";

describe("FakeEditor", () => {
	it("converts positions and offsets, clipping like CodeMirror", () => {
		const ed = new FakeEditor(text);
		expect(ed.lineCount()).toBe(3);
		expect(ed.lastLine()).toBe(2);
		expect(ed.posToOffset({ line: 1, ch: 2 })).toBe(8);
		expect(ed.offsetToPos(8)).toEqual({ line: 1, ch: 2 });
		expect(ed.posToOffset({ line: 1, ch: 99 })).toBe(10);
		expect(ed.posToOffset({ line: 9, ch: 0 })).toBe(text.length);
		expect(ed.posToOffset({ line: -1, ch: 3 })).toBe(0);
		expect(ed.offsetToPos(999)).toEqual({ line: 2, ch: 5 });
		expect(ed.getRange({ line: 0, ch: 3 }, { line: 1, ch: 2 })).toBe("ha\nbe");
		expect(() => ed.getLine(3)).toThrow(RangeError);
	});

	it("tracks cursor and selection", () => {
		const ed = new FakeEditor(text);
		ed.setSelection({ line: 1, ch: 4 }, { line: 0, ch: 1 });
		expect(ed.getSelection()).toBe("lpha\nbeta");
		expect(ed.getCursor()).toEqual({ line: 0, ch: 1 });
		expect(ed.getCursor("anchor")).toEqual({ line: 1, ch: 4 });
		expect(ed.getCursor("from")).toEqual({ line: 0, ch: 1 });
		expect(ed.getCursor("to")).toEqual({ line: 1, ch: 4 });
		expect(ed.somethingSelected()).toBe(true);
		ed.setCursor(2);
		expect(ed.somethingSelected()).toBe(false);
		expect(ed.listSelections()).toEqual([{ anchor: { line: 2, ch: 0 }, head: { line: 2, ch: 0 } }]);
	});

	it("applies a transaction atomically: positions refer to the text before it", () => {
		const ed = new FakeEditor(text, { line: 2, ch: 5 });
		ed.transaction(
			{
				changes: [
					{ from: { line: 0, ch: 0 }, text: "> " },
					{ from: { line: 2, ch: 0 }, to: { line: 2, ch: 5 }, text: "GAMMA\nDELTA" },
					{ from: { line: 1, ch: 0 }, to: { line: 1, ch: 4 }, text: "B" },
				],
				selection: { from: { line: 3, ch: 0 }, to: { line: 3, ch: 5 } },
			},
			"aks-ip",
		);
		expect(ed.getValue()).toBe("> alpha\nB\nGAMMA\nDELTA");
		expect(ed.getSelection()).toBe("DELTA");
		expect(ed.transactions).toBe(1);
		expect(ed.edits).toHaveLength(1);
		expect(ed.edits[0]?.origin).toBe("aks-ip");
		expect(() =>
			ed.transaction({
				changes: [
					{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 3 }, text: "x" },
					{ from: { line: 0, ch: 2 }, to: { line: 0, ch: 4 }, text: "y" },
				],
			}),
		).toThrow(RangeError);
		expect(ed.getValue()).toBe("> alpha\nB\nGAMMA\nDELTA");
	});

	it("maps the selection through changes when the transaction sets none", () => {
		const ed = new FakeEditor("abcdef", { line: 0, ch: 3 });
		ed.replaceRange("XY", { line: 0, ch: 3 });
		expect(ed.getCursor()).toEqual({ line: 0, ch: 3 });
		ed.replaceRange("", { line: 0, ch: 0 }, { line: 0, ch: 2 });
		expect(ed.getCursor()).toEqual({ line: 0, ch: 1 });
		ed.setSelection({ line: 0, ch: 1 }, { line: 0, ch: 3 });
		ed.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: "__" }] });
		expect(ed.getSelection()).toBe("XY");
	});

	it("replaceSelection replaces every selection and leaves cursors after the text", () => {
		const ed = new FakeEditor("one two three");
		ed.setSelections([
			{ anchor: { line: 0, ch: 4 }, head: { line: 0, ch: 7 } },
			{ anchor: { line: 0, ch: 0 }, head: { line: 0, ch: 3 } },
		]);
		ed.replaceSelection("X");
		expect(ed.getValue()).toBe("X X three");
		expect(ed.listSelections().map((s) => s.head.ch)).toEqual([3, 1]);
		expect(ed.edits).toHaveLength(1);
	});

	it("undo restores text and selection exactly; redo re-applies; a new edit clears redo", () => {
		const ed = new FakeEditor(text);
		ed.setSelection({ line: 1, ch: 1 }, { line: 1, ch: 3 });
		ed.transaction({
			changes: [{ from: { line: 1, ch: 0 }, to: { line: 1, ch: 4 }, text: "```aks-ip\n\n```" }],
			selection: { from: { line: 2, ch: 0 } },
		});
		const after = { value: ed.getValue(), sel: ed.listSelections() };
		ed.setValue("replaced");
		expect(ed.undoDepth).toBe(2);
		ed.undo();
		expect({ value: ed.getValue(), sel: ed.listSelections() }).toEqual(after);
		ed.undo();
		expect(ed.getValue()).toBe(text);
		expect(ed.listSelections()).toEqual([{ anchor: { line: 1, ch: 1 }, head: { line: 1, ch: 3 } }]);
		ed.undo();
		expect(ed.getValue()).toBe(text);
		ed.redo();
		expect({ value: ed.getValue(), sel: ed.listSelections() }).toEqual(after);
		ed.replaceRange("!", { line: 0, ch: 0 });
		ed.redo();
		expect(ed.getValue()).toBe(`!${after.value}`);
		expect(ed.edits.map((e) => e.kind)).toEqual(["transaction", "setValue", "replaceRange"]);
	});

	it("a selection-only transaction is counted but is no edit", () => {
		const ed = new FakeEditor(text);
		ed.transaction({ selection: { from: { line: 2, ch: 1 } } });
		expect(ed.getCursor()).toEqual({ line: 2, ch: 1 });
		expect([ed.transactions, ed.edits.length, ed.undoDepth]).toEqual([1, 0, 0]);
	});
});
