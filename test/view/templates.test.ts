import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import AksIpPlugin from "../../main";
import { findBlocks } from "../../src/note/blocks";
import { TEMPLATES } from "../../src/templates/templates";
import { loadPlugin, makeContext, renderCodeBlock } from "../obsidian-stub";
import { prettyHtml } from "./pretty";

describe("approved renderings", () => {
	it.each(TEMPLATES.map((t) => [t.id, t.body]))("the %s template", async (id, body) => {
		const { plugin } = await loadPlugin(AksIpPlugin);
		const { el } = await renderCodeBlock(plugin, body);
		expect(el.querySelector(".aks-ip-status.is-error")).toBeNull();
		await expect(prettyHtml(el)).toMatchFileSnapshot(`./approved/template-${id}.html`);
	});

	it("the example note with deliberate mistakes", async () => {
		const note = readFileSync("examples/Plan with mistakes.md", "utf8");
		const [block] = findBlocks(note);
		const { plugin } = await loadPlugin(AksIpPlugin);
		const { el } = await renderCodeBlock(plugin, block?.body ?? "");
		expect(el.querySelectorAll(".aks-ip-finding.is-error").length).toBeGreaterThan(5);
		await expect(prettyHtml(el)).toMatchFileSnapshot("./approved/mistakes.html");
	});

	it("the same, typed into: each keystroke draws what a block drawn afresh would (parts kept: src/view/memo.ts)", async () => {
		const note = readFileSync("examples/Plan with mistakes.md", "utf8");
		const body = findBlocks(note)[0]?.body ?? "";
		const approved = readFileSync("test/view/approved/mistakes.html", "utf8");
		const { plugin } = await loadPlugin(AksIpPlugin);
		const ctx = makeContext();
		const type = async (source: string) => (await renderCodeBlock(plugin, source, { ctx })).el;
		const first = await type(body);
		// Panels opened in a block stay with it: the next block starts with them closed.
		for (const action of ["summary", "overlay-toggle"])
			first.querySelector<HTMLElement>(`[data-aks-ip-action="${action}"]`)?.click();
		expect(first.querySelector(".aks-ip-overlay-body")?.childElementCount).toBeGreaterThan(0);
		expect(prettyHtml(await type(`${body}# a`))).toBe(approved);
		// A value typed: some parts change, and they are built anew.
		const changed = await type(body.replace("count: 5", "count: 50"));
		const afresh = (await renderCodeBlock(plugin, body.replace("count: 5", "count: 50"))).el;
		expect(prettyHtml(changed)).toBe(prettyHtml(afresh));
		expect(prettyHtml(changed)).not.toBe(approved);
		expect(prettyHtml(await type(`${body}# ab`))).toBe(approved);
		expect(prettyHtml(await type(body))).toBe(approved);
	});
});
