/**
 * Field corrections (aks-networking.md section 11) and the rules of issue 12: each rule at its
 * boundary (an exact fit passes, one more fails), the case that must stay quiet beside it, and
 * the Microsoft Learn page it comes from.
 */
import { describe, expect, it } from "vitest";
import type { PlanResult } from "../../src/plan/types";
import { find, plan } from "./helpers";

function messages(p: PlanResult, code: string, severity?: string): string[] {
	return find(p, code)
		.filter((f) => severity === undefined || f.severity === severity)
		.map((f) => f.message);
}

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

// https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling: maxSurge 0 with
// maxUnavailable above 0 upgrades in place (for subnets without room for surge nodes); both 0 is
// refused; maxUnavailable defaults to 0.
describe("upgrade settings: maxSurge 0 and maxUnavailable", () => {
	const spec = (settings: string, count = 11) =>
		`vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\nagentPools:\n  - { name: apps, count: ${count}${settings} }`;

	it("maxSurge 0 with maxUnavailable 1 is an info line and fills a /28 with 11 nodes; 12 do not fit", () => {
		const p = plan(spec(", maxSurge: 0, maxUnavailable: 1"));
		expect(find(p, "upgrade-settings").map((f) => [f.severity, f.line])).toEqual([["info", 4]]);
		expect(messages(p, "upgrade-settings")[0]).toContain("takes up to 1 node out of service");
		expect(find(p, "node-subnet-too-small")).toEqual([]);
		expect(p.nodeSubnets[0]?.free).toBe(0n);
		expect(find(plan(spec(", maxSurge: 0, maxUnavailable: 1", 12)), "node-subnet-too-small")).toHaveLength(1);
	});

	it("maxSurge 0 with maxUnavailable 0, given or by default, is an error", () => {
		expect(find(plan(spec(", maxSurge: 0, maxUnavailable: 0")), "upgrade-settings")[0]?.severity).toBe("error");
		const [m] = messages(plan(spec(", maxSurge: 0")), "upgrade-settings", "error");
		expect(m).toContain("maxUnavailable 0 (its default)");
		expect(m).toContain("in-place upgrade");
	});

	it("maxUnavailable lowers no address count, and with a surge it is quiet", () => {
		const surge = plan(spec(", maxSurge: 1", 10));
		const both = plan(spec(", maxSurge: 1, maxUnavailable: 3", 10));
		expect(both.nodeSubnets[0]?.required).toBe(surge.nodeSubnets[0]?.required);
		expect(both.nodeSubnets[0]?.required).toBe(11n);
		expect(find(both, "upgrade-settings")).toEqual([]);
	});

	it("reads upgradeSettings.maxUnavailable per pool (az aks show) and a top-level default", () => {
		const show = plan(
			"agentPoolProfiles:\n  - name: apps\n    count: 3\n    upgradeSettings: { maxSurge: '0', maxUnavailable: '33%' }\n  - name: sys\n    count: 3\n    upgradeSettings: { maxSurge: '0' }",
		);
		expect(find(show, "upgrade-settings").map((f) => f.severity)).toEqual(["info", "error"]);
		expect(messages(show, "upgrade-settings")[0]).toContain("33% of the nodes");
		const top = plan("maxSurge: 0\nmaxUnavailable: 2\ncount: 3");
		expect(find(top, "upgrade-settings").map((f) => f.severity)).toEqual(["info"]);
		expect(find(plan("maxUnavailable: many"), "invalid-value")[0]?.message).toContain("maxUnavailable is");
	});
});

// https://learn.microsoft.com/azure/aks/use-network-policies: Azure Network Policy Manager is not
// supported past 250 nodes or 20,000 pods.
describe("Azure Network Policy Manager: 250 nodes, 20,000 pods at full scale", () => {
	const spec = (policy: string, pools: string) =>
		`networkPlugin: azure\nnetworkPluginMode: overlay\nnetworkPolicy: ${policy}\nvnet: 10.0.0.0/8\nnodeSubnet: 10.0.0.0/16\npodCidr: 10.128.0.0/12\nmaxSurge: 0\nmaxUnavailable: 1\nagentPools:\n${pools}`;
	const npm = (p: PlanResult) => find(p, "node-limit").filter((f) => f.message.includes("Network Policy Manager"));

	it("250 nodes pass, 251 warn with the numbers", () => {
		expect(npm(plan(spec("azure", "  - { name: a, count: 250, maxPods: 30 }")))).toEqual([]);
		const [f] = npm(plan(spec("azure", "  - { name: a, count: 251, maxPods: 30 }")));
		expect(f?.severity).toBe("warning");
		expect(f?.line).toBe(3);
		expect(f?.message).toContain("reaches 251 nodes and 7,530 pods");
	});

	it("20,000 pods pass, 20,010 warn; surge nodes count", () => {
		expect(npm(plan(spec("azure", "  - { name: a, count: 80, maxPods: 250 }")))).toEqual([]);
		const more = "  - { name: a, count: 80, maxPods: 250 }\n  - { name: b, count: 1, maxPods: 10 }";
		expect(npm(plan(spec("azure", more)))[0]?.message).toContain("81 nodes and 20,010 pods");
		const surged = spec("azure", "  - { name: a, count: 80, maxPods: 250, maxSurge: 1 }");
		expect(npm(plan(surged))[0]?.message).toContain("81 nodes and 20,250 pods");
	});

	it("Cilium and Calico policy stay quiet at any size", () => {
		for (const policy of ["cilium", "calico"])
			expect(npm(plan(spec(policy, "  - { name: a, count: 900, maxPods: 250 }")))).toEqual([]);
	});
});

// https://learn.microsoft.com/azure/aks/use-system-pools: system pools must run Linux.
describe("System pools run Linux", () => {
	const spec = (mode: string, os: string) =>
		`agentPools:\n  - { name: sys, mode: System, count: 3 }\n  - name: win\n    mode: ${mode}\n    osType: ${os}\n    count: 3`;
	const errors = (p: PlanResult) => messages(p, "invalid-value", "error");

	it("a System pool with osType Windows is an error at its osType line", () => {
		const p = plan(spec("System", "Windows"));
		expect(errors(p)).toEqual([expect.stringContaining('Pool "win" is a System pool with osType Windows')]);
		expect(find(p, "invalid-value")[0]?.line).toBe(5);
	});

	it("a Windows User pool and a Linux System pool are quiet", () => {
		expect(errors(plan(spec("User", "Windows")))).toEqual([]);
		expect(errors(plan(spec("System", "Linux")))).toEqual([]);
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

// https://learn.microsoft.com/azure/aks/configure-dual-stack: under Azure CNI Overlay dual-stack
// AKS's node listing shows a /80 of the IPv6 pod CIDR per node (e.g. fd12:3456:789a:0:1::/80).
describe("IPv6 pod blocks: a /80 per node", () => {
	const spec = (v6: string, count: number) =>
		`ipFamilies: [IPv4, IPv6]\nvnet: [10.0.0.0/16, "fd00::/48"]\nnodeSubnet: [10.0.0.0/22, "fd00::/64"]\npodCidrs: [10.244.0.0/16, "${v6}"]\nserviceCidrs: [10.1.0.0/16, "fd12:3456:789a:1::/108"]\ndnsServiceIp: 10.1.0.10\ncount: ${count}\nmaxSurge: 0\nmaxUnavailable: 1`;
	const v6 = (p: PlanResult) => p.podCidrs[1];

	it("a /64 holds 65,536 node blocks of /80", () => {
		expect(v6(plan(spec("fd12:3456:789a::/64", 3)))).toMatchObject({ blockPrefix: 80, blocks: 65536n });
	});

	it("a /77 holds exactly 8 nodes; a 9th does not fit", () => {
		expect(find(plan(spec("fd12:3456:789a::/77", 8)), "pod-cidr-too-small")).toEqual([]);
		expect(messages(plan(spec("fd12:3456:789a::/77", 9)), "pod-cidr-too-small")[0]).toContain("8 /80 node blocks");
	});
});

// https://learn.microsoft.com/azure/aks/azure-cni-overlay: public pod ranges are not blocked but
// are outside Microsoft's support; AKS blocks public service ranges (AKS release 2023-10-01).
describe("public ranges: pod ranges warn, service ranges fail", () => {
	const pod = (cidr: string) => `networkPlugin: kubenet\npodCidr: ${cidr}`;
	const service = (cidr: string, dns: string) => `serviceCidr: ${cidr}\ndnsServiceIp: ${dns}`;

	it("the last /16 of 100.64.0.0/10 is private and quiet; the next /16 is a public pod range, a warning", () => {
		expect(find(plan(pod("100.127.0.0/16")), "public-range")).toEqual([]);
		expect(find(plan(pod("100.128.0.0/16")), "public-range").map((f) => f.severity)).toEqual(["warning"]);
	});

	it("the same edge for a service range is an error", () => {
		expect(find(plan(service("100.127.0.0/16", "100.127.0.10")), "public-range")).toEqual([]);
		expect(find(plan(service("100.128.0.0/16", "100.128.0.10")), "public-range").map((f) => f.severity)).toEqual([
			"error",
		]);
	});
});

// A node subnet named without a CIDR still has a need: every pool in it at maxCount + surge, the
// default subnet's internal frontends and a private cluster's endpoint (aks-networking.md 1.1);
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
			{ name: "snet-aks", line: 1, pools: ["sys", "apps"], required: 56n, prefix: 26, usable: 59n },
		]);
		expect(plan(spec(id, 55)).unsizedNodeSubnets[0]).toMatchObject({ required: 59n, prefix: 26 });
		expect(plan(spec(id, 56)).unsizedNodeSubnets[0]).toMatchObject({ required: 60n, prefix: 25 });
	});

	it("by a name under subnets with no CIDR yet: an info line with the need, and the summary says it", async () => {
		const p = plan(spec("snet-aks", 52, "subnets:\n  snet-aks:\n"));
		expect(messages(p, "missing-key", "info")).toEqual([
			expect.stringContaining(
				'Node subnet "snet-aks" of pools "sys", "apps" has no CIDR yet. At full scale it must hold 56',
			),
		]);
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

// Issue 17. https://learn.microsoft.com/azure/aks/internal-lb: Private Link Service is IPv4 only.
// https://learn.microsoft.com/azure/aks/configure-dual-stack: dual-stack requires Azure CNI Overlay;
// static block dual-stack appears only in the AKS release notes of 2026-06-19.
// https://learn.microsoft.com/azure/aks/azure-cni-overlay: the 2024-10-25 relaxation of the pod
// CIDR against the VNet space covers Azure CNI Overlay.
describe("dual-stack and pod CIDR statements (issue 17)", () => {
	const dual = `ipFamilies: [IPv4, IPv6]\nvnet: [10.0.0.0/16, "fd00::/48"]\nnodeSubnet: [10.0.0.0/22, "fd00::/64"]\n`;
	const mismatch = (p: PlanResult) => find(p, "model-mismatch").map((f) => [f.severity, f.message]);

	it("Private Link Service on dual-stack: a warning naming the IPv6-frontend condition; an IPv6 frontend is an error", () => {
		const pls = (ip: string) => `${dual}loadBalancers:\n  - { name: api, type: internal, privateLinkIps: 1${ip} }`;
		const [[severity, m] = []] = mismatch(plan(pls("")));
		expect(severity).toBe("warning");
		expect(m).toContain("IPv4 only and fails when its load balancer also has an IPv6 frontend");
		expect(mismatch(plan(pls(', ip: "fd00::10"')))).toEqual([
			["error", expect.stringContaining("has an IPv6 frontend (fd00::10)")],
		]);
		expect(mismatch(plan(`${dual}loadBalancers:\n  - { name: api, type: internal }`))).toEqual([]);
	});

	it("static block dual-stack: a warning as the release note says, planned for IPv4 pods only", () => {
		const p = plan(
			`networkPlugin: azure\npodIpAllocationMode: StaticBlock\npodSubnet: 10.0.64.0/18\nmaxPods: 31\n${dual}`,
		);
		expect(p.model).toBe("azure-cni-pod-subnet-static");
		const [[severity, m] = []] = mismatch(p);
		expect(severity).toBe("warning");
		expect(m).toContain("release notes (2026-06-19)");
		expect(m).toContain("not IPv6 pod addresses");
		expect(p.podSubnets.map((s) => [s.cidr.text, s.required])).toEqual([["10.0.64.0/18", 4n * 32n]]);
		expect(p.podCidrs).toEqual([]);
	});

	it("BYO CNI dual-stack: a warning that says what is and is not documented; dynamic pod subnet: an error", () => {
		const [[severity, m] = []] = mismatch(plan(`networkPlugin: none\n${dual}`));
		expect(severity).toBe("warning");
		expect(m).toContain("AKS documents dual-stack for Azure CNI Overlay only");
		expect(mismatch(plan(`networkPlugin: azure\npodSubnet: 10.0.64.0/18\n${dual}`))).toEqual([
			["error", expect.stringContaining("requires Azure CNI Overlay")],
		]);
		expect(mismatch(plan(dual))).toEqual([]);
	});

	it("a pod CIDR in the VNet space, clear of subnets: overlay warns; kubenet and BYO CNI fail", () => {
		const inside = (plugin: string) =>
			`${plugin}vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\npodCidr: 10.10.128.0/17\ncount: 3`;
		const overlap = (p: PlanResult) =>
			find(p, "range-overlap").map((f) => [f.severity, f.message.includes("lies in the VNet address space")]);
		expect(overlap(plan(inside("")))).toEqual([["warning", true]]);
		expect(overlap(plan(inside("networkPlugin: kubenet\n")))).toEqual([["error", true]]);
		expect(messages(plan(inside("networkPlugin: none\n")), "range-overlap", "error")[0]).toContain(
			"covers Azure CNI Overlay only",
		);
		// Right after the VNet (10.11.0.0 follows 10.10.255.255): quiet for every model.
		for (const plugin of ["", "networkPlugin: kubenet\n", "networkPlugin: none\n"])
			expect(overlap(plan(inside(plugin).replace("10.10.128.0/17", "10.11.0.0/16")))).toEqual([]);
	});
});
