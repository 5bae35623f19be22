import { describe, expect, it } from "vitest";
import { MarkdownRenderer, isLoaded, loadPlugin, makeContext, renderCodeBlock } from "../obsidian-stub";
import type * as O from "obsidian";
import AksIpPlugin from "../../main";
import { AksIpBlock, type BlockHost } from "../../src/view/block";
import { DEFAULT_SETTINGS, mergeSettings } from "../../src/settings/settings";
import { prettyHtml } from "./pretty";
import { readFileSync } from "node:fs";

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");

/** Opens the collapsed summary, which renders it. */
function openSummary(el: HTMLElement): void {
	el.querySelector('button[data-aks-ip-action="summary"]')?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
}

async function render(source: string) {
	const { plugin } = await loadPlugin(AksIpPlugin);
	return { plugin, ...(await renderCodeBlock(plugin, source)) };
}

describe("the aks-ip code block", () => {
	it("registers a processor for aks-ip and gives each block its own render child", async () => {
		const { ctx, el } = await render(EXAMPLE);
		expect(ctx.children).toHaveLength(1);
		expect(ctx.children[0]).toBeInstanceOf(AksIpBlock);
		expect(ctx.children[0]?.containerEl).toBe(el);
	});

	it("says the model is unknown for a VNet pasted alone, and asserts no default range", async () => {
		const { el } = await render(readFileSync("test/fixtures/shapes/az-network-vnet-show.json", "utf8"));
		expect(el.querySelector(".aks-ip-model")?.textContent).toBe("Network model unknown");
		const rows = [...el.querySelectorAll(".aks-ip-allocation tbody tr")].map((tr) => tr.textContent ?? "");
		expect(rows.filter((r) => r.startsWith("Pod IPs") || r.startsWith("Service IPs"))).toEqual([
			"Pod IPsUnknownNot in the block: add the cluster's az aks show",
			"Service IPsUnknownNot in the block: add the cluster's az aks show",
		]);
		expect(el.textContent).not.toContain("10.0.0.0/16 (default)");
		openSummary(el);
		const summary = MarkdownRenderer.calls.at(-1)?.markdown ?? "";
		expect(summary).toContain("Network model unknown, IPv4");
		expect(summary).toContain("The cluster's network model is unknown here");
	});

	it("renders header, allocation and pool tables, findings, map and summary", async () => {
		const { el } = await render(EXAMPLE);
		expect(el.querySelector(".aks-ip-title")?.textContent).toBe("aks-prod-weu");
		expect(el.querySelector(".aks-ip-model")?.textContent).toBe("Azure CNI Overlay, Cilium data plane");
		expect(el.querySelector(".aks-ip-status")?.textContent).toBe("OK");
		const tables = [...el.querySelectorAll("table")];
		expect(tables.map((t) => t.querySelector("caption")?.textContent)).toEqual([
			"Allocation",
			"Node pools",
			"Growth",
			"Sizing: pod CIDR 192.168.0.0/16 (46 nodes today)",
		]);
		for (const t of tables) {
			expect(t.parentElement?.classList.contains("aks-ip-scroll")).toBe(true);
			expect([...t.querySelectorAll("thead th")].every((th) => th.getAttribute("scope") === "col")).toBe(true);
		}
		expect(el.querySelector(".aks-ip-findings .aks-ip-none")).not.toBeNull();
		expect(el.querySelectorAll(".aks-ip-map-bar")).toHaveLength(1);
		expect(MarkdownRenderer.calls).toHaveLength(0);
		const toggle = el.querySelector('button[data-aks-ip-action="summary"]');
		const panel = el.querySelector(".aks-ip-summary");
		expect([toggle?.textContent, toggle?.getAttribute("aria-expanded"), panel?.hasAttribute("hidden")]).toEqual([
			"Show the summary",
			"false",
			true,
		]);
		openSummary(el);
		expect(MarkdownRenderer.calls.at(-1)?.markdown).toContain("### 1. Node IPs");
		expect([toggle?.textContent, toggle?.getAttribute("aria-expanded"), panel?.hasAttribute("hidden")]).toEqual([
			"Hide the summary",
			"true",
			false,
		]);
		// Hidden and shown again: rendered once.
		openSummary(el);
		expect(panel?.hasAttribute("hidden")).toBe(true);
		openSummary(el);
		expect(panel?.hasAttribute("hidden")).toBe(false);
		expect(MarkdownRenderer.calls).toHaveLength(1);
	});

	it("matches the approved rendering of the example spec", async () => {
		const { el } = await render(EXAMPLE);
		await expect(prettyHtml(el)).toMatchFileSnapshot("./approved/example-spec.html");
	});

	it("shows the cluster DNS IP with the service range, marked when defaulted", async () => {
		const rowOf = (el: HTMLElement) =>
			[...el.querySelectorAll(".aks-ip-allocation tbody tr")].find(
				(tr) => tr.querySelector("th")?.textContent === "Cluster DNS IP",
			);
		const given = rowOf((await render(EXAMPLE)).el);
		expect([...(given?.querySelectorAll("td") ?? [])].map((td) => td.textContent)).toEqual([
			"172.16.0.10",
			"Service range 172.16.0.0/16",
			"Kubernetes",
			"Cluster only",
			"",
			"1",
			"",
		]);
		const defaulted = rowOf((await render("vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24")).el);
		expect(defaulted?.querySelector("td")?.textContent).toBe("10.0.0.10default");
		expect(defaulted?.querySelector("td .aks-ip-tag")?.textContent).toBe("default");
	});

	it("shows an error box with the line when the body does not parse", async () => {
		const { el } = await render("cluster: a\nagentPools:\n  - name: [b\n");
		const box = el.querySelector(".aks-ip-error");
		expect(box?.getAttribute("role")).toBe("alert");
		expect(box?.querySelector(".aks-ip-code")?.textContent).toBe("yaml-syntax");
		expect(box?.querySelector(".aks-ip-line")?.textContent).toMatch(/^Line [34]$/);
		await expect(prettyHtml(el)).toMatchFileSnapshot("./approved/parse-error.html");
	});

	it("turns an unexpected exception into an error box, never a blank block", () => {
		const el = createDiv();
		const host = {
			app: {} as O.App,
			get settings(): never {
				throw new Error("boom");
			},
			onSettingsChange: () => () => undefined,
		} as unknown as BlockHost;
		const block = new AksIpBlock(el, "count: 3", makeContext(), host);
		expect(() => block.render()).not.toThrow();
		expect(el.querySelector(".aks-ip-error")?.textContent).toContain("The plan could not be drawn (boom)");
		expect(el.querySelector(".aks-ip-error .aks-ip-code")?.textContent).toBe("internal-error");
	});

	it("keeps spec text as text: markup in names creates no element, attribute or URL", async () => {
		const evil = '<img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a>';
		const { el } = await render(
			`cluster: '${evil}'\nagentPools:\n  - name: '[link](http://evil) **b** ${evil}'\n    count: 2\nsubnets:\n  '<b>s</b>': 10.224.200.0/24\nloadBalancers:\n  - { name: '<script>x</script>', type: public }\n`,
		);
		expect(el.querySelectorAll("img, a, script, b, iframe")).toHaveLength(0);
		expect(el.querySelector(".aks-ip-title")?.textContent).toBe(evil);
		for (const node of el.querySelectorAll("*")) {
			for (const attr of node.attributes) expect(attr.value).not.toMatch(/evil|javascript|onerror/);
		}
		openSummary(el);
		const markdown = MarkdownRenderer.calls.at(-1)?.markdown ?? "";
		expect(markdown).not.toMatch(/(^|[^\\])<(img|script|a )|(^|[^\\])\]\(http/);
		expect(markdown).toContain("\\<img");
	});

	it("sets no inline style but --aks-ip-* properties, and renders the same twice", async () => {
		const { el } = await render(EXAMPLE);
		for (const node of el.querySelectorAll("[style]")) {
			const props = (node.getAttribute("style") ?? "")
				.split(";")
				.map((p) => p.trim())
				.filter(Boolean);
			for (const p of props) expect(p).toMatch(/^--aks-ip-[a-z-]+:/);
		}
		const again = await render(EXAMPLE);
		expect(again.el.innerHTML).toBe(el.innerHTML);
	});

	it("unloads a re-rendered block's child and removes its settings listener", async () => {
		const { plugin } = await loadPlugin(AksIpPlugin);
		const ctx = makeContext();
		await renderCodeBlock(plugin, EXAMPLE, { ctx });
		const first = ctx.children[0];
		await renderCodeBlock(plugin, `${EXAMPLE}\n# edited`, { ctx });
		expect(first && isLoaded(first)).toBe(false);
		expect(ctx.replaced).toContain(first);
		const el = ctx.children[0]?.containerEl;
		plugin.settings.sections.map = false;
		await plugin.saveSettings();
		expect(el?.querySelector(".aks-ip-map")).toBeNull();
		// The replaced block was not drawn again: its sections stay (the parts inside them went
		// to the new block when it was unloaded, off screen: src/view/memo.ts).
		expect(first?.containerEl.querySelector(".aks-ip-map-section")).not.toBeNull();
	});

	it("follows show: and the section settings", async () => {
		const { el } = await render(`${EXAMPLE}\nshow: [findings]`);
		expect(el.querySelector("table")).toBeNull();
		expect(el.querySelector(".aks-ip-findings")).not.toBeNull();
		expect(mergeSettings({ sections: { map: false } }).sections).toEqual({
			...DEFAULT_SETTINGS.sections,
			map: false,
		});
	});
});
