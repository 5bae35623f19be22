/** What the registry keeps of a block's plan, and when a new plan of a block changes networks and links. */
import { describe, expect, it } from "vitest";
import { planSource } from "../../src/api";
import { registryPlan, topoKey } from "../../src/registry/linked";
import { Registry, type RegistryBlock } from "../../src/registry/registry";

const fence = "```";
const note = (lines: string[]) => `${fence}aks-ip\n${lines.join("\n")}\n${fence}\n`;

const NET = note(["kind: network", "vnet: 10.30.0.0/16", "subnets:", "  aks: 10.30.0.0/22", "  tools: 10.30.8.0/24"]);
const CLUSTER = [
	"cluster: prod",
	"vnet: 10.10.0.0/16",
	"nodeSubnet: 10.10.0.0/22",
	"podCidr: 192.168.0.0/16",
	"subnets:",
	"  ingress: 10.10.8.0/24",
	"peered: [[Net]]",
];

function blockOf(lines: string[]): RegistryBlock {
	const reg = new Registry();
	reg.setNote("Net.md", NET);
	reg.setNote("a.md", note(lines));
	const block = reg.notes.get("a.md")?.blocks[0];
	if (!block) throw new Error("no block");
	return block;
}

describe("the plan the registry keeps", () => {
	it("keeps the network a linking cluster is planned in, and the subnets taken from a linked network", () => {
		const net = registryPlan(planSource(NET.split("\n").slice(1, -2).join("\n")));
		expect(net.network?.spaces.map((c) => c.text)).toEqual(["10.30.0.0/16"]);
		expect(net.network?.subnets.map((s) => [s.name, s.cidr.text, s.purpose])).toEqual([
			["aks", "10.30.0.0/22", "other"],
			["tools", "10.30.8.0/24", "other"],
		]);
		const reg = new Registry();
		reg.setNote("Net.md", NET);
		reg.setNote("c.md", note(["vnet: [[Net]]", "nodeSubnet: aks", "count: 3"]));
		expect(reg.notes.get("c.md")?.blocks[0]?.plan.borrowed).toEqual(["aks"]);
		expect(registryPlan(planSource("cluster: 'unclosed")).network).toBeNull();
	});
});

describe("topoKey: whether a new plan of a block changes networks and links", () => {
	const before = blockOf(CLUSTER);
	const cases: [string, string[], boolean][] = [
		["the same block", CLUSTER, true],
		[
			"a pod range moved (private to the cluster)",
			CLUSTER.map((l) => l.replace("192.168.0.0/16", "172.16.0.0/16")),
			true,
		],
		["a subnet moved inside its VNet", CLUSTER.map((l) => l.replace("10.10.8.0/24", "10.10.9.0/24")), true],
		["the cluster renamed", CLUSTER.map((l) => l.replace("prod", "production")), false],
		["the VNet's space changed", CLUSTER.map((l) => l.replace("vnet: 10.10.0.0/16", "vnet: 10.11.0.0/16")), false],
		["a peered CIDR added", [...CLUSTER.slice(0, -1), 'peered: ["[[Net]]", 10.200.0.0/16]'], false],
		["the peering link removed", CLUSTER.slice(0, -1), false],
		["a network instead of a cluster", ["kind: network", ...CLUSTER.slice(1)], false],
	];
	it.each(cases)("%s", (_what, lines, same) => {
		expect(topoKey(blockOf(lines)) === topoKey(before)).toBe(same);
	});
});
