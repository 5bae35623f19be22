// Compile-time checks (npm run typecheck): the stub's core classes have the public shape of
// Obsidian's, so values can pass between src code (real types) and tests (stub types).
import type * as O from "obsidian";
import { describe, expect, it } from "vitest";
import { FakeEditor } from "../editor-fake";
import {
	Component,
	Events,
	MarkdownRenderChild,
	Notice,
	Platform,
	debounce,
	makeContext,
	normalizePath,
} from "../obsidian-stub";

describe("stub conformance", () => {
	it("core stub values are assignable to Obsidian's types", () => {
		const component: O.Component = new Component();
		const child: O.MarkdownRenderChild = new MarkdownRenderChild(createDiv());
		const events: O.Events = new Events();
		const notice: O.Notice = new Notice("Saved");
		const ctx: O.MarkdownPostProcessorContext = makeContext();
		const editor: O.Editor = new FakeEditor("x");
		const platform: typeof O.Platform = Platform;
		const debounced: O.Debouncer<[string], void> = debounce((s: string) => void s, 10);
		const back: Component = component;
		expect([component, child, events, notice, ctx, editor, platform, debounced, back].every(Boolean)).toBe(true);
	});

	it("normalizePath behaves like Obsidian's", () => {
		expect(normalizePath("/a//b\\c/")).toBe("a/b/c");
		expect(normalizePath("")).toBe("/");
		expect(normalizePath("a\u00a0b.md")).toBe("a b.md");
	});
});
