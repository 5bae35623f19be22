import { describe, expect, it } from "vitest";
import { collect, drawn, spare } from "../../src/view/memo";

let n = 0;
/** A part kind of its own for each test: the kept drawings are shared by the whole module. */
const kindOf = (): string => `test-${n++}`;

/** Draws a list item with `text`, counting the builds. */
function counter() {
	const built: string[] = [];
	const draw = (parent: HTMLElement, model: { text: string }): HTMLElement => {
		built.push(model.text);
		return parent.createEl("li", { cls: "item", text: model.text });
	};
	return { built, draw };
}

describe("parts drawn before (memo.ts)", () => {
	it("builds a part twice, then copies it: the same elements every time", () => {
		const kind = kindOf();
		const { built, draw } = counter();
		const lists = [1, 2, 3, 4].map(() => createDiv());
		const roots = lists.map((list) => drawn(list, kind, { text: "a" }, draw));
		expect(built).toEqual(["a", "a"]);
		for (const [i, list] of lists.entries()) {
			expect(list.innerHTML).toBe('<li class="item">a</li>');
			expect(roots[i]?.parentElement).toBe(list);
		}
		expect(new Set(roots).size).toBe(4);
	});

	it("builds each model on its own, and a model once drawn only from that model", () => {
		const kind = kindOf();
		const { built, draw } = counter();
		for (const text of ["a", "b", "a", "b", "a", "c"]) drawn(createDiv(), kind, { text }, draw);
		expect(built).toEqual(["a", "b", "a", "b", "c"]);
		const el = createDiv();
		drawn(el, kind, { text: "b" }, draw);
		expect(el.textContent).toBe("b");
	});

	it("moves a gone block's part into the next drawing of the same model, without a build or a copy", () => {
		const kind = kindOf();
		const { built, draw } = counter();
		const first = createDiv();
		const [parts] = collect(() => {
			drawn(first, kind, { text: "a" }, draw);
			drawn(first, kind, { text: "b" }, draw);
		});
		expect(parts).toHaveLength(2);
		const [a] = parts;
		spare(parts, first);
		expect(first.childElementCount).toBe(0);
		const next = createDiv();
		expect(drawn(next, kind, { text: "a" }, draw)).toBe(a?.root);
		expect(built).toEqual(["a", "b"]);
		// A spare is used once: the next drawing builds (and now keeps a copy).
		drawn(createDiv(), kind, { text: "a" }, draw);
		expect(built).toEqual(["a", "b", "a"]);
	});

	it("leaves a container that is still on screen as it is", () => {
		const kind = kindOf();
		const { built, draw } = counter();
		const shown = activeDocument.body.createDiv();
		const [parts] = collect(() => drawn(shown, kind, { text: "a" }, draw));
		spare(parts, shown);
		expect(shown.textContent).toBe("a");
		drawn(createDiv(), kind, { text: "a" }, draw);
		expect(built).toEqual(["a", "a"]);
		shown.detach();
	});

	it("lists neither a part the user changes in place nor the parts inside another part", () => {
		const kind = kindOf();
		const inner = kindOf();
		const { draw } = counter();
		const el = createDiv();
		const [parts] = collect(() => {
			drawn(el, kind, { text: "panel" }, draw, true);
			drawn(el, kind, { text: "outer" }, (parent) => {
				const ul = parent.createEl("ul");
				drawn(ul, inner, { text: "inside" }, draw);
				return ul;
			});
		});
		expect(parts.map((p) => p.root.tagName)).toEqual(["UL"]);
		spare(parts, el);
		expect(el.innerHTML).toBe('<li class="item">panel</li>');
	});

	it("hands over only the parts still in the gone block's container", () => {
		const kind = kindOf();
		const { built, draw } = counter();
		const first = createDiv();
		const [parts] = collect(() => drawn(first, kind, { text: "a" }, draw));
		spare(parts, first);
		const second = createDiv();
		drawn(second, kind, { text: "a" }, draw);
		// The first block's list still names the part, now in the second container: not taken again.
		spare(parts, first);
		expect(second.textContent).toBe("a");
		expect(built).toEqual(["a"]);
	});
});
