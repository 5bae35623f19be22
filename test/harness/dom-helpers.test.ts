import { describe, expect, it } from "vitest";

describe("DOM helpers (test/setup.ts)", () => {
	it("createEl applies cls (string or array), text and attr, and appends to the parent", () => {
		const parent = createDiv();
		const el = parent.createEl("a", {
			cls: ["one", "two three"],
			text: "Go",
			attr: { "data-x": 5, hidden: true, gone: null },
			href: "https://example.org/",
		});
		expect(el.parentElement).toBe(parent);
		expect([...el.classList]).toEqual(["one", "two", "three"]);
		expect(el.textContent).toBe("Go");
		expect(el.getAttribute("data-x")).toBe("5");
		expect(el.getAttribute("hidden")).toBe("true");
		expect(el.hasAttribute("gone")).toBe(false);
		expect(el.getAttribute("href")).toBe("https://example.org/");
	});

	it("a string option is a class name; prepend puts the element first; the callback runs", () => {
		const parent = createDiv();
		parent.createSpan({ text: "last" });
		let seen: HTMLElement | null = null;
		const first = parent.createDiv({ cls: "first", prepend: true }, (el) => (seen = el));
		const plain = parent.createDiv("plain");
		expect(parent.firstChild).toBe(first);
		expect(seen).toBe(first);
		expect(plain.className).toBe("plain");
	});

	it("text is never parsed as HTML", () => {
		const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
		const el = createDiv({ text: hostile });
		expect(el.childNodes).toHaveLength(1);
		expect(el.firstChild?.nodeType).toBe(Node.TEXT_NODE);
		expect(el.textContent).toBe(hostile);
		expect(el.querySelector("img")).toBeNull();
		el.setText(hostile);
		expect(el.querySelector("b")).toBeNull();
		expect(el.innerHTML).toContain("&lt;img");
	});

	it("setText accepts a fragment; empty() removes every child", () => {
		const frag = createFragment((f) => {
			f.createSpan({ text: "a" });
			f.appendText("b");
		});
		const el = createDiv({ text: "old" });
		el.setText(frag);
		expect(el.textContent).toBe("ab");
		el.empty();
		expect(el.childNodes).toHaveLength(0);
	});

	it("class helpers follow Obsidian", () => {
		const el = createDiv();
		el.addClass("a", "b", "c");
		el.toggleClass("d", true);
		el.toggleClass(["b", "c"], false);
		expect(el.hasClass("d")).toBe(true);
		expect(el.className).toBe("a d");
	});

	it("setCssProps sets custom properties; setAttr(null) removes; detach() leaves the parent", () => {
		const parent = createDiv();
		const el = parent.createDiv();
		el.setCssProps({ "--aks-ip-start": "12.5%" });
		expect(el.style.getPropertyValue("--aks-ip-start")).toBe("12.5%");
		el.setAttr("role", "row");
		el.setAttr("title", "t");
		el.setAttr("title", null);
		expect(el.getAttribute("role")).toBe("row");
		expect(el.hasAttribute("title")).toBe(false);
		el.detach();
		expect(el.parentNode).toBeNull();
	});

	it("instanceOf works; globals exist", () => {
		expect(createSpan().instanceOf(HTMLSpanElement)).toBe(true);
		expect(createDiv().instanceOf(HTMLSpanElement)).toBe(false);
		expect(activeDocument).toBe(document);
		expect(activeWindow).toBe(window);
	});
});
