/** The spec side of networks and links: `kind: network`, `ranges`, links under `vnet` and `peered`. */
import { describe, expect, it } from "vitest";
import { planSource } from "../../src/api";
import type { LinkedVnet } from "../../src/plan/types";
import { parseCidr, type Cidr } from "../../src/net/address";
import { codes, find, plan } from "../plan/helpers";

function cidr(text: string): Cidr {
	const p = parseCidr(text);
	if (!p.ok) throw new Error(text);
	return p.value;
}

describe("links in a spec", () => {
	it.each([
		["quoted", 'vnet: "[[Spoke]]"', "Spoke", null, ""],
		["bare, as the editor writes it", "vnet: [[Spoke]]", "Spoke", null, ""],
		["with an alias", "vnet: [[Spoke|the spoke]]", "Spoke", "the spoke", ""],
		["with a folder", "vnet: [[networks/Spoke]]", "networks/Spoke", null, ""],
		["with a heading", 'vnet: "[[Spoke#Address space|spoke]]"', "Spoke", "spoke", "Address space"],
		["in a list", 'vnet: ["[[Spoke]]"]', "Spoke", null, ""],
	])("reads a vnet link %s", (_name, yaml, path, alias, subpath) => {
		const p = plan(`${yaml}\nnodeSubnet: aks`);
		expect(p.links.vnet).toMatchObject({ path, alias, subpath, line: 1 });
		expect(p.vnet).toEqual([]);
		// Without the registry the linked network is unknown: its subnet names are not judged here.
		expect(codes(p)).toEqual([]);
	});

	it("reads peered links in every form, beside CIDRs, each with its line", () => {
		const list = plan(`peered: [[Hub]]`);
		expect(list.links.peered.map((l) => [l.name, l.link.path, l.link.line])).toEqual([["", "Hub", 1]]);
		const mixed = plan(`peered:\n  - [[Hub]]\n  - "[[On-premises|dc]]"\n  - 10.200.0.0/16`);
		expect(mixed.links.peered.map((l) => [l.link.path, l.link.alias, l.link.line])).toEqual([
			["Hub", null, 2],
			["On-premises", "dc", 3],
		]);
		expect(mixed.peered.map((p) => [p.cidr.text, p.line])).toEqual([["10.200.0.0/16", 4]]);
		const map = plan(`peered:\n  hub: [[Hub]]\n  onprem: 10.200.0.0/16`);
		expect(map.links.peered.map((l) => [l.name, l.link.path, l.link.line])).toEqual([["hub", "Hub", 2]]);
		expect(map.peered.map((p) => p.name)).toEqual(["onprem"]);
		expect(codes(map)).toEqual([]);
	});

	it("refuses a vnet that mixes a link and CIDRs, using the link", () => {
		const p = plan(`vnet: ["[[Spoke]]", 10.0.0.0/16]`);
		expect(p.links.vnet?.path).toBe("Spoke");
		expect(find(p, "invalid-value")[0]?.message).toContain("not both");
	});

	it("takes subnets by name from the linked network, at the cluster's lines", () => {
		const linked: LinkedVnet = {
			note: "[[Spoke]]",
			spaces: [cidr("10.1.0.0/16")],
			subnets: [
				{ name: "aks-nodes", cidr: cidr("10.1.0.0/22"), purpose: "other" },
				{ name: "firewall", cidr: cidr("10.1.8.0/26"), purpose: "firewall" },
			],
		};
		const p = planSource(
			"vnet: [[Spoke]]\nnodeSubnet: aks-nodes\ncount: 3\nloadBalancers:\n  - { name: in, type: internal, subnet: 10.1.9.0/24 }",
			{
				linkedVnet: () => linked,
			},
		);
		expect(p.vnet.map((v) => [v.cidr.text, v.line, v.from])).toEqual([["10.1.0.0/16", 1, "[[Spoke]]"]]);
		expect(p.nodeSubnets.map((s) => [s.name, s.cidr.text, s.line, s.from, s.required])).toEqual([
			["aks-nodes", "10.1.0.0/22", 2, "[[Spoke]]", 4n],
		]);
		// The network's other subnets stay out of the cluster's plan.
		expect(p.subnets.map((s) => s.cidr.text)).toEqual(["10.1.0.0/22", "10.1.9.0/24"]);
		expect(codes(p)).toEqual([]);
		const missing = planSource("vnet: [[Spoke]]\nnodeSubnet: nope", { linkedVnet: () => linked });
		expect(find(missing, "invalid-value")[0]?.message).toContain("here or in [[Spoke]]");
		const outside = planSource("vnet: [[Spoke]]\nnodeSubnet: 10.9.0.0/24", { linkedVnet: () => linked });
		expect(find(outside, "outside-vnet")[0]?.line).toBe(2);
	});
});

describe("network blocks", () => {
	it("plans a VNet: subnets sized, the VNet's rules run, no cluster defaults", () => {
		const p = plan(`
			kind: network
			name: hub
			vnet: 10.0.0.0/16
			subnets:
			  AzureFirewallSubnet: 10.0.0.0/27
			  GatewaySubnet: 10.0.1.0/27
			  apps: { cidr: 10.0.2.0/24, extraIps: 20 }
			peered: [[On-premises]]
		`);
		expect([p.kind, p.cluster, p.parsed]).toEqual(["network", "hub", true]);
		expect(p.pools).toEqual([]);
		expect(p.serviceCidrs).toEqual([]);
		expect(p.podCidrs).toEqual([]);
		expect(p.subnets.map((s) => [s.name, s.purpose, s.free])).toEqual([
			["AzureFirewallSubnet", "firewall", 27n],
			["GatewaySubnet", "gateway", 27n],
			["apps", "other", 231n],
		]);
		expect(codes(p)).toEqual(["subnet-size"]);
		expect(find(p, "subnet-size")[0]?.line).toBe(5);
	});

	it("plans routed ranges, overlapping its VNet reported", () => {
		const p = plan(`kind: network\nranges:\n  dc: 10.200.0.0/16\n  vpn: 172.20.0.0/22\nvnet: 10.200.0.0/24`);
		expect(p.ranges.map((r) => [r.name, r.cidr.text, r.line])).toEqual([
			["dc", "10.200.0.0/16", 3],
			["vpn", "172.20.0.0/22", 4],
		]);
		expect(find(p, "range-overlap")[0]?.message).toContain('Routed range "dc" 10.200.0.0/16');
	});

	it("says which keys a network ignores, and that a cluster has no ranges", () => {
		const n = plan(`kind: network\nvnet: 10.0.0.0/16\npodCidr: 10.244.0.0/16\ncount: 3`);
		expect(find(n, "model-mismatch").map((f) => f.line)).toEqual([3, 4]);
		const c = plan(`ranges: [10.1.0.0/16]`);
		expect(find(c, "model-mismatch")[0]?.message).toContain("under peered");
		expect(find(plan(`kind: network\nvnet: [[Hub]]`), "invalid-value")[0]?.message).toContain("own address space");
		expect(find(plan(`kind: network`), "missing-key")[0]?.line).toBe(1);
		expect(find(plan(`kind: rack`), "invalid-value")[0]?.message).toContain("cluster, network");
	});
});
