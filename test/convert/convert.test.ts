import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { planSource } from "../../src/api";
import { convertAzAksShow, convertToPlan, type Converted } from "../../src/convert/convert";
import { findBlocks } from "../../src/note/blocks";
import { Notice, runCommand } from "../obsidian-stub";
import { withEditor } from "../commands/helpers";

const FULL = readFileSync("test/fixtures/az-aks-show.json", "utf8");

function converted(text: string): Converted {
	const r = convertAzAksShow(text);
	if (!r.ok) throw new Error(r.error);
	return r;
}

const bodyOf = (block: string): string => findBlocks(block)[0]?.body ?? "";

const PARTIAL = {
	name: "aks-dev",
	location: "northeurope",
	networkProfile: {
		networkPlugin: "azure",
		networkPluginMode: "overlay",
		networkPolicy: null,
		podCidr: "192.168.0.0/16",
		podCidrs: ["192.168.0.0/16"],
		serviceCidr: "10.0.0.0/16",
		dnsServiceIp: "10.0.0.10",
		loadBalancerProfile: { allocatedOutboundPorts: 1024, managedOutboundIPs: { count: 1 } },
		loadBalancerSku: "standard",
	},
};

const PARTIAL_BLOCK = `\`\`\`aks-ip
# Converted from az aks show.
cluster: aks-dev
networkPlugin: azure
networkPluginMode: overlay
outboundIps: 1                  # outbound public IPs
allocatedOutboundPorts: 1024    # SNAT ports per node
podCidr: 192.168.0.0/16
serviceCidr: 10.0.0.0/16
dnsServiceIp: 10.0.0.10
# Not mapped from az aks show: location, networkProfile.loadBalancerSku
\`\`\``;

describe("convertAzAksShow", () => {
	it.each([
		["not JSON or YAML", "{ name: [", /neither JSON nor YAML/],
		["empty", "  \n", /empty/],
		["a list", "[1, 2]", /not a JSON or YAML object/],
		["a number", "42", /not a JSON or YAML object/],
		["plain text", "hello world", /not a JSON or YAML object/],
		[
			"an object without a network profile or pools",
			'{"name": "aks", "location": "westeurope"}',
			/^The selection does not look like the output of az aks show, az aks nodepool show or list, /,
		],
		["a spec written by hand", "cluster: aks\nvnet: 10.0.0.0/16\n", /does not look like the output/],
		["YAML with a list as a key", "name: aks\n? [a, b]\n: c\n", /does not look like the output/],
	])("rejects %s", (_, text, message) => {
		const r = convertAzAksShow(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});

	it("converts a partial document, listing unused keys but not null ones", () => {
		const r = converted(JSON.stringify(PARTIAL, null, 2));
		expect(r.block).toBe(PARTIAL_BLOCK);
		expect(r.unmapped).toEqual(["location", "networkProfile.loadBalancerSku"]);
		expect(r.subnets).toEqual([]);
		expect(r.hole).toBeNull();
		expect(planSource(bodyOf(r.block)).findings.filter((f) => f.severity === "error")).toEqual([]);
	});

	it("converts a full az aks show document", async () => {
		const r = converted(FULL);
		await expect(`${r.block}\n`).toMatchFileSnapshot("./approved/az-aks-show.md");
		expect(r.subnets).toEqual(["snet-aks-nodes", "snet-aks-pods"]);
		expect(r.unmapped).toContain("sku");
		expect(r.unmapped).toContain("networkProfile.loadBalancerProfile.effectiveOutboundIPs");
		for (const skipped of [
			"azureMonitorProfile",
			"workloadAutoScalerProfile",
			"networkProfile.natGatewayProfile",
			"networkProfile.podCidr",
			"agentPoolProfiles",
			"name",
		]) {
			expect(r.unmapped).not.toContain(skipped);
		}
		const lines = r.block.split("\n");
		expect(lines[r.hole?.line ?? -1]?.slice(0, r.hole?.ch)).toBe("  snet-aks-nodes: ");
	});

	it("plans with no findings once the subnet CIDRs are filled in", () => {
		const body = bodyOf(converted(FULL).block);
		const before = planSource(body).findings;
		expect(before.some((f) => f.message.includes("snet-aks-nodes"))).toBe(true);
		const filled = body
			.replace(/^# vnet: +/m, "vnet: 10.30.0.0/16 ")
			.replace(/^( {2}snet-aks-nodes: ) +/m, "$110.30.0.0/24 ")
			.replace(/^( {2}snet-aks-pods: ) +/m, "$110.30.16.0/20 ");
		expect(filled).toContain("  snet-aks-nodes: 10.30.0.0/24 # CIDR? node subnet");
		const plan = planSource(filled);
		expect(plan.findings).toEqual([]);
		expect(plan.nodeSubnets.map((s) => [s.name, s.cidr.text, s.pools])).toEqual([
			["snet-aks-nodes", "10.30.0.0/24", ["system", "apps", "win22"]],
		]);
	});

	it("reads YAML of the same shape, and ARM's properties wrapper, to the same block", () => {
		const full = converted(FULL).block;
		expect(converted(stringify(JSON.parse(FULL))).block).toBe(full);
		const { name, location, id, ...properties } = JSON.parse(FULL) as Record<string, unknown>;
		const arm = converted(JSON.stringify({ name, location, id, properties }));
		expect(bodyOf(arm.block).replace(/^#.*\n?/gm, "")).toBe(bodyOf(full).replace(/^#.*\n?/gm, ""));
		expect(arm.unmapped).toContain("properties.sku");
	});

	it("carries a private cluster over, and its API server endpoint is counted in the node subnet", () => {
		const r = converted(
			JSON.stringify({
				name: "aks-private",
				apiServerAccessProfile: { enablePrivateCluster: true, authorizedIpRanges: ["1.2.3.4/32"] },
				networkProfile: { networkPlugin: "azure", networkPluginMode: "overlay" },
				agentPoolProfiles: [{ name: "system", count: 3 }],
			}),
		);
		expect(r.block).toMatch(/^privateCluster: true +# its API server endpoint takes 1 node-subnet IP$/m);
		expect(r.unmapped).toContain("apiServerAccessProfile.authorizedIpRanges");
		expect(planSource(bodyOf(r.block)).nodeSubnets[0]?.required).toBe(5n);
	});

	it("carries API server VNet integration over: a private cluster's endpoint is then not in the node subnet", () => {
		const r = converted(
			JSON.stringify({
				name: "aks-private",
				apiServerAccessProfile: { enablePrivateCluster: true, enableVnetIntegration: true },
				agentPoolProfiles: [{ name: "system", count: 3 }],
			}),
		);
		expect(r.block).toMatch(/^apiServerVnetIntegration: true +# the API server subnet takes 9 IPs per cluster$/m);
		expect(r.unmapped.join()).not.toContain("enableVnetIntegration");
		expect(planSource(bodyOf(r.block)).nodeSubnets[0]?.required).toBe(4n);
	});

	it("carries upgradeSettings.maxUnavailable over: maxSurge 0 with maxUnavailable 1 upgrades in place", () => {
		const r = converted(
			JSON.stringify({
				name: "aks-tight",
				agentPoolProfiles: [
					{ name: "apps", count: 3, upgradeSettings: { maxSurge: "0", maxUnavailable: "1" } },
				],
			}),
		);
		expect(r.block).toMatch(/^ {4}maxSurge: 0\n {4}maxUnavailable: 1$/m);
		expect(r.unmapped.join()).not.toContain("maxUnavailable");
		const p = planSource(bodyOf(r.block));
		expect(p.findings.filter((f) => f.code === "upgrade-settings").map((f) => f.severity)).toEqual(["info"]);
	});

	it("matches keys case-insensitively (ARM spells dnsServiceIP and vnetSubnetID)", () => {
		const r = converted(
			JSON.stringify({
				name: "aks-arm",
				networkProfile: {
					networkPlugin: "kubenet",
					podCidr: "10.244.0.0/16",
					serviceCidr: "10.0.0.0/16",
					dnsServiceIP: "10.0.0.10",
				},
				agentPoolProfiles: [
					{
						name: "nodepool1",
						count: 3,
						enableAutoScaling: false,
						minCount: 1,
						maxCount: 5,
						vnetSubnetID:
							"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default",
					},
				],
			}),
		);
		expect(bodyOf(r.block)).toContain(
			"dnsServiceIp: 10.0.0.10\n# vnet:                         # the address space of VNet vnet1, not in az aks show\n",
		);
		expect(
			bodyOf(r.block).endsWith("agentPools:\n  - name: nodepool1\n    count: 3\n    nodeSubnet: default"),
		).toBe(true);
		expect(r.block).not.toContain("minCount");
	});

	it("keeps both ranges of a dual-stack cluster, quoting IPv6", () => {
		const r = converted(
			JSON.stringify({
				networkProfile: {
					networkPlugin: "azure",
					networkPluginMode: "overlay",
					ipFamilies: ["IPv4", "IPv6"],
					podCidrs: ["10.244.0.0/16", "fd12:3456:789a::/64"],
					serviceCidrs: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
					podCidr: "10.244.0.0/16",
					serviceCidr: "10.0.0.0/16",
				},
			}),
		);
		expect(bodyOf(r.block)).toContain('ipFamilies: [IPv4, IPv6]\npodCidrs: [10.244.0.0/16, "fd12:3456:789a::/64"]');
		const plan = planSource(bodyOf(r.block));
		expect(plan.ipFamilies).toEqual(["IPv4", "IPv6"]);
		expect(plan.podCidrs.map((c) => c.cidr.text)).toEqual(["10.244.0.0/16", "fd12:3456:789a::/64"]);
	});

	it("says which values it read but could not use", () => {
		const r = converted(
			JSON.stringify({
				name: 7,
				networkProfile: {
					networkPlugin: 5,
					serviceCidr: "10.0.0.0/16",
					loadBalancerProfile: { managedOutboundIPs: { count: "two" } },
				},
			}),
		);
		expect(r.block).toBe(
			[
				"```aks-ip",
				"# Converted from az aks show.",
				'cluster: "7"',
				"serviceCidr: 10.0.0.0/16",
				'# Not read: networkPlugin is "5"; it must be one of azure, kubenet, none.',
				'# Not read: managedOutboundIPs.count must be a whole number, not "two".',
				"```",
			].join("\n"),
		);
	});

	it("reads a selection that still has its code fence", () => {
		expect(converted("```json\n" + JSON.stringify(PARTIAL) + "\n```").block).toBe(PARTIAL_BLOCK);
	});
});

describe("every pasted shape", () => {
	const shapes = [
		"terminal-az-aks-create.txt",
		"az-aks-nodepool-list.txt",
		"az-aks-nodepool-show.json",
		"az-network-vnet-show.json",
		"az-network-vnet-list.json",
		"az-network-vnet-subnet-list.txt",
		"cluster-and-vnet.txt",
		"arm-template.json",
		"what-if.txt",
		"terraform-plan.txt",
		"terraform-state.txt",
	];

	it.each(shapes)("%s becomes a clean block that plans as the paste does", async (name) => {
		const text = readFileSync(`test/fixtures/shapes/${name}`, "utf8");
		const r = converted(text);
		await expect(`${r.block}\n`).toMatchFileSnapshot(`./approved/${name.replace(/\.\w+$/, "")}.md`);
		const pasted = planSource(text);
		const block = planSource(bodyOf(r.block));
		const pools = (p: typeof pasted) => p.pools.map((x) => [x.name, x.count, x.maxCount, x.maxPods, x.surge]);
		expect(pools(block)).toEqual(pools(pasted));
		expect(block.subnets.map((s) => [s.name, s.cidr.text, s.purpose, s.required])).toEqual(
			pasted.subnets.map((s) => [s.name, s.cidr.text, s.purpose, s.required]),
		);
		expect(block.vnet).toEqual(pasted.vnet.map((v) => ({ ...v, line: expect.any(Number) as number })));
		expect(block.serviceCidrs.map((c) => c.cidr.text)).toEqual(pasted.serviceCidrs.map((c) => c.cidr.text));
		expect(block.podCidrs.map((c) => c.cidr.text)).toEqual(pasted.podCidrs.map((c) => c.cidr.text));
		expect(block.findings.filter((f) => f.severity === "error")).toEqual([]);
	});

	it("says why it refuses a format, as the plan does", () => {
		const r = convertToPlan(readFileSync("test/fixtures/shapes/refuse-main.bicep", "utf8"));
		expect(r).toEqual({ ok: false, error: expect.stringMatching(/^This is Bicep.*az bicep build/) as string });
	});
});

describe("Convert selection to plan", () => {
	const json = JSON.stringify(PARTIAL, null, 2);
	const jsonLines = json.split("\n");

	it("replaces the selected output with the block in one undoable edit", async () => {
		const note = `Before\n${json}\nAfter\n`;
		const { plugin, editor } = await withEditor(note);
		editor.setSelection({ line: 1, ch: 0 }, { line: jsonLines.length, ch: 1 });
		expect(await runCommand(plugin, "convert-selection")).toBe(true);
		expect(editor.getValue()).toBe(`Before\n${PARTIAL_BLOCK}\nAfter\n`);
		expect(editor.transactions).toBe(1);
		expect(editor.getCursor()).toEqual({ line: PARTIAL_BLOCK.split("\n").length, ch: 3 });
		expect(Notice.messages.at(-1)).toBe("Plan created from the selection.");
		editor.undo();
		expect(editor.getValue()).toBe(note);
	});

	it("replaces a json code block whose body is selected, and puts the cursor on the first CIDR to fill in", async () => {
		const full = converted(FULL);
		const note = `# Prod\n\`\`\`json\n${FULL.trimEnd()}\n\`\`\`\nEnd\n`;
		const { plugin, editor } = await withEditor(note);
		editor.setSelection({ line: 2, ch: 0 }, { line: 2 + FULL.trimEnd().split("\n").length, ch: 0 });
		await runCommand(plugin, "convert-selection");
		expect(editor.getValue()).toBe(`# Prod\n${full.block}\nEnd\n`);
		expect(editor.getCursor()).toEqual({ line: 1 + (full.hole?.line ?? 0), ch: full.hole?.ch });
		expect(editor.getLine(editor.getCursor().line)).toMatch(/^ {2}snet-aks-nodes: +# CIDR\?/);
		expect(Notice.messages.at(-1)).toBe("Plan created: fill in the CIDR of 2 subnets under subnets.");
		editor.undo();
		expect(editor.getValue()).toBe(note);
	});

	it("converts a terminal paste of node pools in one undoable edit, the cursor on the first CIDR", async () => {
		const paste = readFileSync("test/fixtures/shapes/az-aks-nodepool-list.txt", "utf8").trimEnd();
		const note = `# Pools\n${paste}\nEnd\n`;
		const { plugin, editor } = await withEditor(note);
		const last = paste.split("\n").length;
		editor.setSelection({ line: 1, ch: 0 }, { line: last, ch: (paste.split("\n").at(-1) ?? "").length });
		await runCommand(plugin, "convert-selection");
		expect(editor.transactions).toBe(1);
		expect(editor.getValue()).toBe(`# Pools\n${converted(paste).block}\nEnd\n`);
		expect(editor.getLine(editor.getCursor().line)).toMatch(/^ {2}snet-aks-system: +# CIDR\? node subnet$/);
		expect(Notice.messages.at(-1)).toBe("Plan created: fill in the CIDR of 3 subnets under subnets.");
		editor.undo();
		expect(editor.getValue()).toBe(note);
	});

	it("puts the block on its own lines when the selection starts or ends inside a line", async () => {
		const flat = JSON.stringify(PARTIAL);
		const { plugin, editor } = await withEditor(`x = ${flat}; y`);
		editor.setSelection({ line: 0, ch: 4 }, { line: 0, ch: 4 + flat.length });
		await runCommand(plugin, "convert-selection");
		expect(editor.getValue()).toBe(`x = \n${PARTIAL_BLOCK}\n; y`);
		expect(editor.transactions).toBe(1);
	});

	it("changes nothing and says why when the selection is not az aks show output", async () => {
		for (const text of ["just some words", "{ broken: [", '{"location": "westeurope"}']) {
			const { plugin, editor } = await withEditor(`A\n${text}\nB`);
			editor.setSelection({ line: 1, ch: 0 }, { line: 1, ch: text.length });
			expect(await runCommand(plugin, "convert-selection")).toBe(true);
			expect(editor.getValue()).toBe(`A\n${text}\nB`);
			expect(editor.transactions).toBe(0);
			expect(Notice.messages.at(-1)).toMatch(/^The selection/);
		}
	});

	it("is available only with a selection", async () => {
		const { plugin } = await withEditor(json, { line: 0, ch: 0 });
		expect(await runCommand(plugin, "convert-selection")).toBe(false);
	});
});
