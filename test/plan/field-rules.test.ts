/**
 * Field corrections of issues 12 and 17, rules: upgrade settings, cluster limits, system pools,
 * IPv6 pod blocks, public ranges, dual-stack and the pod CIDR in the VNet. Each rule at its
 * boundary, the case that must stay quiet beside it, and the Microsoft Learn page it comes from.
 */
import { describe, expect, it } from "vitest";
import type { PlanResult } from "../../src/plan/types";
import { find, messages, plan } from "./helpers";

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
