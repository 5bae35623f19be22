/**
 * Field corrections of issue 12, subnets: where internal load balancers go, peered ranges, the API
 * server subnet, and node subnets without a CIDR. Each rule at its boundary (an exact fit passes,
 * one more fails), the case that must stay quiet beside it, and the Microsoft Learn page it comes
 * from.
 */
import { describe, expect, it } from "vitest";
import type { PlanResult } from "../../src/plan/types";
import { find, messages, plan } from "./helpers";

// https://learn.microsoft.com/azure/aks/internal-lb: without the azure-load-balancer-internal-subnet
// annotation the frontend takes an address of the cluster's subnet (the first pool's node subnet).
describe("internal load balancer without subnet: the cluster's default subnet", () => {
	const spec = (ip: string, subnet = "") => `
		vnet: 10.10.0.0/16
		agentPools:
		  - { name: system, count: 3, nodeSubnet: 10.10.0.0/24 }
		  - { name: apps, count: 3, nodeSubnet: 10.10.4.0/24 }
		loadBalancers:
		  - { name: ingress, type: internal, ip: ${ip}${subnet} }`;

	it("a static IP inside the first pool's subnet is quiet, and counted there", () => {
		const p = plan(spec("10.10.0.254"));
		expect(find(p, "lb-ip-invalid")).toEqual([]);
		expect(p.loadBalancers[0]?.subnet?.cidr.text).toBe("10.10.0.0/24");
		expect(p.nodeSubnets.map((s) => s.required)).toEqual([4n + 1n, 4n]);
	});

	it("a static IP of a second pool's subnet, with no subnet:, is an error that says what to add", () => {
		const p = plan(spec("10.10.4.10"));
		const [m] = messages(p, "lb-ip-invalid", "error");
		expect(m).toContain("default subnet 10.10.0.0/24");
		expect(m).toContain("PrivateIPAddressNotInSubnet");
		expect(m).toContain("Add subnet: 10.10.4.0/24 (the");
		expect(m).toContain("azure-load-balancer-internal-subnet");
		expect(m).toContain("or pick an address of 10.10.0.0/24");
	});

	it("the same IP with the second pool's subnet named is quiet, and counted there", () => {
		for (const subnet of [", subnet: apps", ", subnet: 10.10.4.0/24"]) {
			const p = plan(spec("10.10.4.10", subnet));
			expect(find(p, "lb-ip-invalid")).toEqual([]);
			expect(p.loadBalancers[0]?.subnet?.cidr.text).toBe("10.10.4.0/24");
		}
	});

	it("names a declared subnet that holds the address; an IPv6 address goes to the first pool's IPv6 prefix", () => {
		const declared = plan(
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\nsubnets:\n  lbs: 10.10.8.0/28\nloadBalancers:\n  - { name: i, type: internal, ip: 10.10.8.4 }",
		);
		expect(messages(declared, "lb-ip-invalid")[0]).toContain("Add subnet: lbs (the");
		const dual = (ip: string) =>
			`ipFamilies: [IPv4, IPv6]\nvnet: [10.10.0.0/16, "fd00::/48"]\nnodeSubnet: [10.10.0.0/24, "fd00::/64"]\nloadBalancers:\n  - { name: i, type: internal, ip: "${ip}" }`;
		expect(plan(dual("fd00::10")).loadBalancers[0]?.subnet?.cidr.text).toBe("fd00::/64");
		expect(find(plan(dual("fd00::10")), "lb-ip-invalid")).toEqual([]);
		expect(messages(plan(dual("fd00:0:0:1::10")), "lb-ip-invalid")[0]).toContain("default subnet fd00::/64");
	});

	it("the last usable address of the default subnet passes, the broadcast address is reserved", () => {
		expect(find(plan(spec("10.10.0.254")), "lb-ip-invalid")).toEqual([]);
		expect(messages(plan(spec("10.10.0.255")), "lb-ip-invalid")[0]).toContain("reserves");
		expect(messages(plan(spec("10.10.1.0")), "lb-ip-invalid")[0]).toContain("subnet: <its subnet>");
	});
});

// https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering: peered VNets
// need address spaces that do not overlap, so every subnet clears every peered range.
describe("peered ranges against subnets when vnet is left out", () => {
	const spec = (peered: string, vnet = "") => `
		${vnet}
		networkPlugin: azure
		nodeSubnet: 10.10.0.0/24
		podSubnet: 10.10.4.0/24
		subnets:
		  endpoints: { cidr: 10.10.8.0/28, purpose: privateEndpoints }
		count: 3
		peered:
		  hub: ${peered}`;
	const overlaps = (p: PlanResult) =>
		find(p, "range-overlap").filter((f) => f.severity === "error" && f.message.includes("Peered range"));

	it("a peered range next to the node subnet is quiet; one address into it is an error", () => {
		expect(overlaps(plan(spec("10.10.1.0/24")))).toEqual([]);
		const [f] = overlaps(plan(spec("10.10.0.255/32")));
		expect(f?.message).toContain("Node subnet 10.10.0.0/24");
		expect(f?.message).toContain("share 10.10.0.255/32 (1 addresses)");
	});

	it("pod and other subnets too, each named", () => {
		expect(overlaps(plan(spec("10.10.4.0/22")))[0]?.message).toContain("Pod subnet 10.10.4.0/24");
		expect(overlaps(plan(spec("10.10.8.0/29")))[0]?.message).toContain('Subnet "endpoints" 10.10.8.0/28');
		expect(overlaps(plan(spec("10.10.9.0/24")))).toEqual([]);
	});

	it("with vnet given, the VNet finding alone reports it (no second finding per subnet)", () => {
		const found = overlaps(plan(spec("10.10.0.0/24", "vnet: 10.10.0.0/16")));
		expect(found).toHaveLength(1);
		expect(found[0]?.message).toContain("VNet address space 10.10.0.0/16");
	});
});

// https://learn.microsoft.com/azure/aks/api-server-vnet-integration: each cluster reserves at least
// 9 addresses of the API server subnet, which clusters may share; nothing else goes there.
describe("API server VNet integration subnet: 9 per cluster plus extraIps, nothing else", () => {
	const spec = (cidr: string, more = "", tail = "") =>
		`vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\ncount: 3\nsubnets:\n  apiserver: { cidr: ${cidr}, purpose: apiServer${more} }\n${tail}`;
	const size = (p: PlanResult) => messages(p, "subnet-size");
	const endpoints = (count: number) =>
		spec(
			"10.10.1.0/27",
			"",
			`  endpoints: { cidr: 10.10.2.0/28, purpose: privateEndpoints, privateEndpoints: ${count} }`,
		);

	it("a /28 (11 usable) holds this cluster's 9 and 2 more; 3 more is subnet-size", () => {
		const fits = plan(spec("10.10.1.0/28", ", extraIps: 2"));
		expect(fits.subnets.find((s) => s.name === "apiserver")?.required).toBe(11n);
		expect(size(fits)).toEqual([]);
		const [m] = size(plan(spec("10.10.1.0/28", ", extraIps: 3")));
		expect(m).toContain("11 usable IPs but 12 are asked of it");
		expect(m).toContain("9 for this cluster's API server, 3 IPs of other clusters (extraIps, 9 each)");
	});

	it("a /27 (27 usable) shared with two more clusters fits exactly; a third does not", () => {
		expect(size(plan(spec("10.10.1.0/27", ", extraIps: 18")))).toEqual([]);
		expect(size(plan(spec("10.10.1.0/27", ", extraIps: 27")))[0]).toContain("9 short");
	});

	it("a /29 reports the /28 minimum once, not also a shortage", () => {
		expect(size(plan(spec("10.10.1.0/29")))).toEqual([expect.stringContaining("at least a /28")]);
	});

	it("private endpoints or a load-balancer frontend there are an error", () => {
		const [m] = messages(plan(spec("10.10.1.0/27", ", privateEndpoints: 2")), "invalid-value", "error");
		expect(m).toContain("API server VNet integration subnet");
		expect(m).toContain("2 private endpoints");
		const lb = plan(spec("10.10.1.0/27", "", "loadBalancers:\n  - { name: i, type: internal, subnet: apiserver }"));
		expect(messages(lb, "invalid-value", "error")[0]).toContain("1 load-balancer frontend");
	});

	it("private endpoints in their own subnet are quiet, and counted: 11 fit a /28, 12 do not", () => {
		const apart = plan(endpoints(11));
		expect(messages(apart, "invalid-value")).toEqual([]);
		expect(size(apart)).toEqual([]);
		expect(apart.subnets.find((s) => s.name === "endpoints")?.required).toBe(11n);
		expect(size(plan(endpoints(12)))[0]).toContain("12 private endpoints");
	});
});

// https://learn.microsoft.com/azure/aks/api-server-vnet-integration: with API server VNet
// integration a private cluster's endpoint lives in the API server subnet, not in the node subnet.
describe("API server VNet integration on a private cluster: no endpoint in the node subnet", () => {
	const spec = (more: string) =>
		`privateCluster: true\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\ncount: 11\nmaxSurge: 0\nmaxUnavailable: 1\n${more}`;
	const short = (p: PlanResult) => find(p, "node-subnet-too-small");

	it("without integration the endpoint takes the 12th address of a /28 (11 usable): too small", () => {
		expect(short(plan(spec("")))[0]?.message).toContain("1 private cluster endpoint");
	});

	it("the flag, az aks show's apiServerAccessProfile, or an apiServer subnet each leave it out: an exact fit", () => {
		for (const more of [
			"apiServerVnetIntegration: true",
			"apiServerAccessProfile: { enableVnetIntegration: true }",
			"subnets:\n  api: { cidr: 10.10.1.0/28, purpose: apiServer }",
		]) {
			const p = plan(spec(more));
			expect(short(p), more).toEqual([]);
			expect(p.nodeSubnets[0]?.free).toBe(0n);
		}
		const show = plan(
			"apiServerAccessProfile: { enablePrivateCluster: true, enableVnetIntegration: true }\nagentPoolProfiles: [{ name: a, count: 3 }]",
		);
		expect(show.nodeSubnets[0]?.extras).toEqual([]);
	});

	it("integration switched off keeps the endpoint in the node subnet", () => {
		expect(short(plan(spec("apiServerVnetIntegration: false")))).toHaveLength(1);
	});
});

// A node subnet named without a CIDR still has a need: every pool in it at maxCount + surge, the
// default subnet's internal frontends and a private cluster's endpoint (README, How sizes are computed);
// usable(p) = 2^(32 − p) − 5 (https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq).
describe("a node subnet known only by name or resource ID: its need and smallest prefix", () => {
	const id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-aks";
	const spec = (ref: string, count: number, more = "") =>
		`${more}nodeSubnet: ${ref}\nagentPools:\n  - { name: sys, count: 2, maxSurge: 1 }\n  - { name: apps, count: ${count}, maxSurge: 0, maxUnavailable: 1 }\nloadBalancers:\n  - { name: ilb, type: internal }`;

	it("by resource ID: one warning for both pools, with the need; 56 addresses fit a /26 (59 usable) exactly, 60 need a /25", () => {
		// sys 2 + 1 surge, apps 52, one frontend: 56 addresses; a /26 has 59 usable.
		const p = plan(spec(id, 52));
		const warnings = find(p, "missing-key");
		expect(warnings).toHaveLength(1);
		expect(warnings[0]?.message).toContain('pools "sys", "apps"');
		expect(warnings[0]?.message).toContain(
			"must hold 56 addresses (sys: 3 nodes × 1 IP, apps: 52 nodes × 1 IP, 1 load-balancer frontend): a /26 or larger (59 usable)",
		);
		expect(p.unsizedNodeSubnets).toEqual([
			{
				name: "snet-aks",
				line: 1,
				pools: ["sys", "apps"],
				required: 56n,
				prefix: 26,
				usable: 59n,
				pending: null,
			},
		]);
		expect(plan(spec(id, 55)).unsizedNodeSubnets[0]).toMatchObject({ required: 59n, prefix: 26 });
		expect(plan(spec(id, 56)).unsizedNodeSubnets[0]).toMatchObject({ required: 60n, prefix: 25 });
	});

	it("by a name under subnets with no CIDR yet: its one finding gets the need, and the summary says it", async () => {
		const p = plan(spec("snet-aks", 52, "subnets:\n  snet-aks:\n"));
		expect(find(p, "missing-key").map((f) => [f.severity, f.line])).toEqual([["warning", 2]]);
		const [m] = messages(p, "missing-key");
		expect(m).toContain('Subnet "snet-aks" has no CIDR yet');
		expect(m).toContain('It is the node subnet of pools "sys", "apps". At full scale it must hold 56 addresses');
		const { toMarkdown } = await import("../../src/api");
		expect(toMarkdown(p)).toContain(
			"- **Capacity:** snet-aks (CIDR not given): 56 addresses needed at full scale, a /26 or larger",
		);
	});

	it("by a name that is nowhere: the error carries the need too; a private cluster's endpoint counts", () => {
		const [m] = messages(plan(spec("snet-typo", 52, "privateCluster: true\n")), "invalid-value", "error");
		expect(m).toContain("no subnet has that name under subnets");
		expect(m).toContain("must hold 57 addresses");
		expect(m).toContain("1 private cluster endpoint");
	});

	it("a node subnet given as a CIDR has no such finding", () => {
		expect(plan(spec("10.0.0.0/26", 52)).unsizedNodeSubnets).toEqual([]);
	});
});
