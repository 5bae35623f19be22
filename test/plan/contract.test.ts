import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blockJson, planNote, planSource } from "../../src/api";
import { jsonInt } from "../../src/plan/json";

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");

describe("the JSON contract of plan --json (README, Command line)", () => {
	it("gives exactly the documented block for the example spec", () => {
		const note = `# Prod\n\nText.\n\n\`\`\`aks-ip\n${EXAMPLE}\`\`\`\n`;
		const [plan] = planNote(note);
		// Growth and whatIf are additions to the documented shape (issue 16), checked below.
		const { growth: _growth, whatIf: _whatIf, pools, ...block } = blockJson(plan!, "notes/prod.md");
		const documented = { ...block, pools: pools.map(({ canGrowTo: _c, boundBy: _b, ...p }) => p) };
		expect(documented).toEqual({
			file: "notes/prod.md",
			line: 5,
			model: "azure-cni-overlay",
			ipFamilies: ["IPv4"],
			nodeSubnets: [
				{
					cidr: "10.10.0.0/22",
					size: 1024,
					reserved: 5,
					usable: 1019,
					required: 5,
					free: 1014,
					pools: ["system"],
				},
				{
					cidr: "10.10.4.0/22",
					size: 1024,
					reserved: 5,
					usable: 1019,
					required: 42,
					free: 977,
					pools: ["apps"],
				},
			],
			podSubnets: [],
			podCidrs: [{ cidr: "192.168.0.0/16", blockPrefix: 24, blocks: 256, requiredBlocks: 46 }],
			serviceCidrs: [
				{ cidr: "172.16.0.0/16", size: 65536, dnsServiceIp: "172.16.0.10", kubernetesServiceIp: "172.16.0.1" },
			],
			pools: [
				{
					name: "system",
					count: 3,
					maxCount: null,
					maxPods: 30,
					surge: 1,
					nodesAtFullScale: 4,
					nodeSubnet: "10.10.0.0/22",
					podSubnet: null,
				},
				{
					name: "apps",
					count: 6,
					maxCount: 40,
					maxPods: 250,
					surge: 2,
					nodesAtFullScale: 42,
					nodeSubnet: "10.10.4.0/22",
					podSubnet: null,
				},
			],
			loadBalancers: [
				{ name: "ingress-internal", type: "internal", ip: "10.10.3.250", subnet: "10.10.0.0/22" },
				{ name: "ingress-public", type: "public", ip: null, subnet: null },
			],
			findings: [],
		});
	});

	it("adds canGrowTo and boundBy to each pool, and the cluster's growth and sizing", () => {
		const json = blockJson(planSource(EXAMPLE), "x.yaml");
		expect(json.pools.map((p) => [p.name, p.canGrowTo, p.boundBy])).toEqual([
			[
				"system",
				194,
				{
					code: "pod-cidr-too-small",
					range: "192.168.0.0/16",
					kind: "pod-cidr",
					then: { code: "node-limit", range: "1,000 nodes per pool", kind: "pool-nodes", canGrowTo: 909 },
				},
			],
			[
				"apps",
				250,
				{
					code: "pod-cidr-too-small",
					range: "192.168.0.0/16",
					kind: "pod-cidr",
					then: { code: "node-limit", range: "1,000 nodes per pool", kind: "pool-nodes", canGrowTo: 998 },
				},
			],
		]);
		expect(json.growth).toMatchObject({
			ceilings: 43,
			canGrowTo: 252,
			nodesAtFullScale: 256,
			poolCeilings: [
				{ name: "system", ceiling: 18 },
				{ name: "apps", ceiling: 234 },
			],
			boundBy: { code: "pod-cidr-too-small", range: "192.168.0.0/16" },
			sizing: [
				{
					code: "pod-cidr-too-small",
					range: "192.168.0.0/16",
					unit: "/24 node blocks",
					nodesToday: 46,
					prefixes: [
						{ prefix: 16, capacity: 256, nodes: 256 },
						{ prefix: 15, capacity: 512, nodes: 512 },
					],
				},
			],
		});
		expect(json.whatIf).toBeNull();
		const whatIf = blockJson(planSource(`${EXAMPLE}whatIf: {apps: 300}\n`), "x.yaml").whatIf;
		expect(whatIf).toMatchObject({
			scale: null,
			pools: [{ name: "apps", from: 40, to: 300 }],
			newErrors: [{ code: "pod-cidr-too-small" }],
			breaksFirst: { code: "pod-cidr-too-small", pools: [{ name: "apps", ceiling: 251 }], scale: null },
		});
	});

	it("writes integers up to 2^53 as numbers and above as decimal strings", () => {
		expect([jsonInt(2n ** 53n), jsonInt(2n ** 53n + 1n), jsonInt(-(2n ** 53n)), jsonInt(0n)]).toEqual([
			2 ** 53,
			"9007199254740993",
			-(2 ** 53),
			0,
		]);
	});

	it("writes integers above 2^53 as decimal strings (IPv6)", () => {
		const plan = planSource(`
ipFamilies: [IPv4, IPv6]
vnet: [10.0.0.0/16, "fd00::/48"]
nodeSubnet: [10.0.0.0/24, "fd00::/64"]
podCidrs: [10.244.0.0/16, "fd12:3456:789a::/64"]
serviceCidrs: [10.1.0.0/16, "fd12:3456:789a:1::/108"]
dnsServiceIp: 10.1.0.10
count: 3
`);
		const json = blockJson(plan, "x.yaml");
		expect(json.podCidrs[1]).toEqual({
			cidr: "fd12:3456:789a::/64",
			blockPrefix: 80,
			blocks: 65536,
			requiredBlocks: 4,
		});
		expect(json.nodeSubnets[1]).toMatchObject({ cidr: "fd00::/64", size: "18446744073709551616", required: 4 });
		expect(json.serviceCidrs[1]?.size).toBe(1048576);
		expect(json.ipFamilies).toEqual(["IPv4", "IPv6"]);
		expect(json.findings).toEqual([]);
		expect(JSON.parse(JSON.stringify(json))).toEqual(json);
	});

	it("gives pod subnets requiredAtFullDensity", () => {
		const plan = planSource(
			"networkPlugin: azure\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\npodSubnet: 10.0.16.0/20\ncount: 3\nmaxSurge: 1\nmaxPods: 50",
		);
		expect(blockJson(plan, "x").podSubnets).toEqual([
			{
				cidr: "10.0.16.0/20",
				size: 4096,
				reserved: 5,
				usable: 4091,
				required: 64,
				free: 4027,
				pools: ["nodepool1"],
				requiredAtFullDensity: 4 * 64,
			},
		]);
	});
});
