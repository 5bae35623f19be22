import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import AksIpPlugin from "../../main";
import { findBlocks } from "../../src/note/blocks";
import { TEMPLATES } from "../../src/templates/templates";
import { loadPlugin, renderCodeBlock } from "../obsidian-stub";
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
});
