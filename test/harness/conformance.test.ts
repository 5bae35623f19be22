// Compile-time checks (npm run typecheck): the stub's core classes have the public shape of
// Obsidian's, so values can pass between src code (real types) and tests (stub types).
import type * as O from "obsidian";
import { describe, expect, it } from "vitest";
import { FakeEditor } from "../editor-fake";
import { Component, Events, MarkdownRenderChild, makeContext } from "../obsidian-stub";

describe("stub conformance", () => {
	it("core stub values are assignable to Obsidian's types", () => {
		const component: O.Component = new Component();
		const child: O.MarkdownRenderChild = new MarkdownRenderChild(createDiv());
		const events: O.Events = new Events();
		const ctx: O.MarkdownPostProcessorContext = makeContext();
		const editor: O.Editor = new FakeEditor("x");
		const back: Component = component;
		expect([component, child, events, ctx, editor, back].every(Boolean)).toBe(true);
	});
});
