import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import AksIpPlugin from "../../main";
import { loadPlugin, renderCodeBlock } from "../obsidian-stub";
import { prettyHtml } from "./pretty";

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");

async function render(source: string) {
	const { plugin } = await loadPlugin(AksIpPlugin);
	return (await renderCodeBlock(plugin, source)).el;
}

const cells = (row: Element | null | undefined) => [...(row?.children ?? [])].map((c) => c.textContent);

describe("the Growth section", () => {
	it("has a row per pool and one for all pools, and a sizing table per binding range", async () => {
		const el = await render(`${EXAMPLE}show: [growth]\n`);
		const rows = [...el.querySelectorAll(".aks-ip-growth tbody tr")];
		expect(rows.map(cells)).toEqual([
			[
				"system",
				"3 (count)",
				"194",
				"Pod CIDR 192.168.0.0/16",
				"1,000 nodes per pool (at 909)",
				"10% headroom in 192.168.0.0/16 (at 170)",
			],
			[
				"apps",
				"40 (maxCount)",
				"250",
				"Pod CIDR 192.168.0.0/16",
				"1,000 nodes per pool (at 998)",
				"10% headroom in 192.168.0.0/16 (at 224)",
			],
			[
				"All pools, in proportion",
				"43",
				"252 (×5.86)",
				"Pod CIDR 192.168.0.0/16",
				"1,000 nodes per pool (at 1,073)",
				"",
			],
		]);
		expect(el.querySelector(".aks-ip-sizing caption")?.textContent).toBe(
			"Sizing: pod CIDR 192.168.0.0/16 (46 nodes today)",
		);
		// show: [growth] shows nothing else.
		expect(el.querySelector(".aks-ip-allocation")).toBeNull();
		expect(el.querySelector(".aks-ip-findings")).toBeNull();
	});

	it("a node subnet that binds gets a sizing table up to twice today's nodes", async () => {
		const el = await render(
			"networkPlugin: azure\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\nmaxPods: 30\ncount: 5\nshow: [growth]\n",
		);
		const rows = [...el.querySelectorAll(".aks-ip-sizing tbody tr")].map(cells);
		expect(rows).toEqual([
			["/24today", "251", "8"],
			["/23", "507", "16"],
		]);
	});

	it("a what-if block says so above everything, with what breaks first", async () => {
		const el = await render(`${EXAMPLE}whatIf: {apps: 300}\n`);
		const banner = el.querySelector(".aks-ip-whatif");
		expect(banner?.previousElementSibling?.classList.contains("aks-ip-header")).toBe(true);
		expect(banner?.textContent).toBe(
			"What ifCeilings: apps 40 → 300. This is the plan as it would be. The pod CIDR 192.168.0.0/16 breaks first, with apps at 251; 1 new error. Today: no errors. Remove whatIf for today's plan.",
		);
		expect(el.querySelector(".aks-ip-status")?.textContent).toBe("1 error");
		await expect(prettyHtml(banner as HTMLElement)).toMatchFileSnapshot("./approved/whatif-banner.html");
	});

	it("keeps pool names as text", async () => {
		const el = await render("agentPools:\n  - name: '<b>x</b>'\n    count: 2\nshow: [growth]\n");
		expect(el.querySelector(".aks-ip-growth b")).toBeNull();
		expect(el.querySelector(".aks-ip-growth tbody th")?.textContent).toBe("<b>x</b>");
	});
});
