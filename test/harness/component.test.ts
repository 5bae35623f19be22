import { describe, expect, it, vi } from "vitest";
import { Component, Events, MarkdownRenderChild, childrenOf, isLoaded, makeContext, sectionOf } from "../obsidian-stub";

class Tracked extends MarkdownRenderChild {
	loads = 0;
	unloads = 0;
	clicks = 0;

	override onload(): void {
		this.loads++;
		this.registerDomEvent(this.containerEl, "click", () => this.clicks++);
	}

	override onunload(): void {
		this.unloads++;
	}
}

describe("Component", () => {
	it("loads children with the parent and unloads them, cleanups and itself exactly once", () => {
		const order: string[] = [];
		const parent = new Component();
		const child = parent.addChild(new Component());
		child.register(() => order.push("child cleanup"));
		parent.register(() => order.push("parent cleanup 1"));
		parent.register(() => order.push("parent cleanup 2"));
		parent.onunload = () => order.push("parent onunload");
		parent.load();
		expect(isLoaded(parent) && isLoaded(child)).toBe(true);
		parent.unload();
		parent.unload();
		expect(order).toEqual(["child cleanup", "parent cleanup 2", "parent cleanup 1", "parent onunload"]);
		expect(isLoaded(child)).toBe(false);
		expect(childrenOf(parent)).toHaveLength(0);
	});

	it("a child added to a loaded parent loads at once; removeChild unloads it", () => {
		const parent = new Component();
		parent.load();
		const child = parent.addChild(new Component());
		expect(isLoaded(child)).toBe(true);
		parent.removeChild(child);
		expect(isLoaded(child)).toBe(false);
	});

	it("registerDomEvent really listens, and stops on unload", () => {
		const child = new Tracked(createDiv());
		child.load();
		child.containerEl.click();
		child.unload();
		child.containerEl.click();
		expect(child.clicks).toBe(1);
	});

	it("registerEvent detaches the listener; registerInterval clears the timer", () => {
		vi.useFakeTimers();
		try {
			const events = new Events();
			const seen: unknown[] = [];
			const c = new Component();
			c.load();
			c.registerEvent(events.on("changed", (value: string) => seen.push(value)));
			let ticks = 0;
			c.registerInterval(window.setInterval(() => ticks++, 10));
			events.trigger("changed", "a");
			vi.advanceTimersByTime(25);
			c.unload();
			events.trigger("changed", "b");
			vi.advanceTimersByTime(50);
			expect(seen).toEqual(["a"]);
			expect(ticks).toBe(2);
			expect(events.listenerCount("changed")).toBe(0);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe("fake MarkdownPostProcessorContext", () => {
	it("loads added children and unloads them when the block is re-rendered", () => {
		const ctx = makeContext({ sourcePath: "notes/prod.md" });
		const section = createDiv();
		activeDocument.body.appendChild(section);
		const first = new Tracked(section.createDiv());
		ctx.addChild(first);
		expect(first.loads).toBe(1);
		ctx.rerender();
		expect(first.unloads).toBe(1);
		expect(first.containerEl.isConnected).toBe(false);
		const second = new Tracked(section.createDiv());
		ctx.addChild(second);
		ctx.rerender();
		ctx.rerender();
		expect([first.unloads, second.unloads]).toEqual([1, 1]);
		expect(ctx.replaced).toEqual([first, second]);
		expect(ctx.children).toHaveLength(0);
	});

	it("getSectionInfo answers null by default, or the given value, and counts calls", () => {
		const note = "# Title\n\n```aks-ip\nvnet: 10.0.0.0/16\n```\n\n~~~aks-ip\nx: 1\n~~~\n";
		expect(makeContext().getSectionInfo(createDiv())).toBeNull();
		const info = sectionOf(note);
		expect(info).toEqual({ text: note, lineStart: 2, lineEnd: 4 });
		expect(sectionOf(note, "aks-ip", 1)).toMatchObject({ lineStart: 6, lineEnd: 8 });
		expect(sectionOf(note, "aks-ip", 2)).toBeNull();
		const ctx = makeContext({ sectionInfo: () => info });
		expect(ctx.getSectionInfo(createDiv())).toBe(info);
		expect(ctx.sectionInfoCalls).toBe(1);
	});
});
