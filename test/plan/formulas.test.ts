import { describe, expect, it } from "vitest";
import { codes, find, plan } from "./helpers";

describe("examples worked on Microsoft Learn, or derived from its rules", () => {
	// https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
	it("node subnet, 50 nodes + surge 1 at maxPods 30 needs 1,581: a /22 fails, a /21 passes", () => {
		const spec = (subnet: string) => `
			networkPlugin: azure
			vnet: 10.0.0.0/8
			nodeSubnet: ${subnet}
			count: 50
			maxSurge: 1
			maxPods: 30
		`;
		const small = plan(spec("10.1.0.0/22"));
		expect(small.nodeSubnets[0]?.required).toBe(1581n);
		expect(small.nodeSubnets[0]?.usable).toBe(1019n);
		const [finding] = find(small, "node-subnet-too-small");
		expect(finding?.severity).toBe("error");
		expect(finding?.message).toContain("1,581");
		expect(finding?.message).toContain("562 short");
		expect(finding?.message).toContain("/21 (2,043 usable)");
		const big = plan(spec("10.1.0.0/21"));
		expect(codes(big)).not.toContain("node-subnet-too-small");
		expect(big.nodeSubnets[0]?.free).toBe(2043n - 1581n);
	});

	// Derived from https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (1 + maxPods per
	// node) and https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq (5 reserved).
	it("node subnet /24 at maxPods 30: 8 nodes take 248 of 251, a 9th needs 279", () => {
		const spec = (count: number) => `
			networkPlugin: azure
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.1.0/24
			count: ${count}
			maxSurge: 1
			maxPods: 30
		`;
		const eight = plan(spec(7));
		expect(eight.nodeSubnets[0]?.required).toBe(248n);
		expect(codes(eight)).not.toContain("node-subnet-too-small");
		const nine = plan(spec(8));
		expect(nine.nodeSubnets[0]?.required).toBe(279n);
		expect(find(nine, "node-subnet-too-small")[0]?.message).toContain("28 short");
	});

	// https://learn.microsoft.com/azure/aks/configure-azure-cni-static-block-allocation
	it("static block maxPods 30 / 31 / 32 take 2 / 2 / 3 blocks (32 / 32 / 48 addresses)", () => {
		const perNode = [30, 31, 32].map(
			(maxPods) =>
				plan(`
					networkPlugin: azure
					vnet: 10.0.0.0/16
					nodeSubnet: 10.0.0.0/24
					podSubnet: 10.0.16.0/20
					podIpAllocationMode: StaticBlock
					count: 1
					maxPods: ${maxPods}
				`).pools[0]?.podIpsPerNode,
		);
		expect(perNode).toEqual([32, 32, 48]);
	});

	// Derived from https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation
	// (lots of 16, a new lot when fewer than 8 are free).
	it("dynamic pod subnet /24 holds 15 nodes; full density at maxPods 250 is 272 per node", () => {
		const spec = (count: number) => `
			networkPlugin: azure
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/24
			podSubnet: 10.0.1.0/24
			count: ${count}
			maxSurge: 1
			maxPods: 250
		`;
		const fifteen = plan(spec(14));
		expect(fifteen.model).toBe("azure-cni-pod-subnet-dynamic");
		expect(fifteen.podSubnets[0]?.required).toBe(240n);
		expect(fifteen.podSubnets[0]?.requiredAtFullDensity).toBe(15n * 272n);
		expect(codes(fifteen)).not.toContain("pod-subnet-too-small");
		expect(find(fifteen, "pod-subnet-full-density")[0]?.severity).toBe("warning");
		const sixteen = plan(spec(15));
		expect(sixteen.podSubnets[0]?.required).toBe(256n);
		expect(codes(sixteen)).toContain("pod-subnet-too-small");
	});

	// Derived from https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (one /24 per node).
	it("overlay pod CIDR /16 holds 256 nodes; a /22 holds 4, 5 fail (1,280 > 1,024); 5,000 nodes need a /11", () => {
		const spec = (cidr: string, count: number) => `
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/18
			podCidr: ${cidr}
			maxSurge: 0
			agentPools:
			  - { name: a, count: ${Math.min(count, 1000)} }
			${Array.from({ length: Math.max(0, Math.ceil(count / 1000) - 1) }, (_, i) => `  - { name: p${i}, count: ${Math.min(1000, count - 1000 * (i + 1))} }`).join("\n\t\t\t")}
		`;
		expect(plan(spec("10.244.0.0/16", 3)).podCidrs[0]?.blocks).toBe(256n);
		expect(codes(plan(spec("10.244.0.0/22", 4)))).not.toContain("pod-cidr-too-small");
		const five = find(plan(spec("10.244.0.0/22", 5)), "pod-cidr-too-small")[0];
		expect(five?.message).toContain("1,280 addresses > 1,024");
		expect(five?.message).toContain("/21");
		const big = plan(spec("10.64.0.0/12", 5000));
		expect(big.podCidrs[0]?.blocks).toBe(4096n);
		expect(find(big, "pod-cidr-too-small")[0]?.message).toContain("smallest pod CIDR that fits is a /11");
		expect(codes(plan(spec("10.32.0.0/11", 5000)))).not.toContain("pod-cidr-too-small");
	});

	// https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
	it("surge 50% on five pools of 4 adds 2 nodes each, 10 in all", () => {
		const p = plan(`
			maxSurge: 50%
			agentPools: [{name: a, count: 4}, {name: b, count: 4}, {name: c, count: 4}, {name: d, count: 4}, {name: e, count: 4}]
		`);
		expect(p.pools.map((x) => x.surge)).toEqual([2, 2, 2, 2, 2]);
		expect(p.nodesAtFullScale).toBe(30);
	});

	// https://learn.microsoft.com/azure/aks/configure-load-balancer-standard
	it("SNAT: 1,000 ports × 2 IPs serve 128 nodes; 4,000 ports × 7 IPs serve 112", () => {
		const spec = (nodes: number, ports: number, ips: number) =>
			`count: ${nodes}\nmaxSurge: 0\nallocatedOutboundPorts: ${ports}\noutboundIps: ${ips}`;
		expect(codes(plan(spec(128, 1000, 2)))).not.toContain("snat-ports");
		expect(find(plan(spec(129, 1000, 2)), "snat-ports")[0]?.severity).toBe("error");
		expect(codes(plan(spec(112, 4000, 7)))).not.toContain("snat-ports");
		expect(find(plan(spec(113, 4000, 7)), "snat-ports")[0]?.message).toContain("= 112 nodes");
	});

	it("reads SNAT settings from az aks show's loadBalancerProfile", () => {
		const body = JSON.stringify({
			agentPoolProfiles: [{ name: "a", count: 130, upgradeSettings: { maxSurge: "0" } }],
			networkProfile: { loadBalancerProfile: { allocatedOutboundPorts: 1000, managedOutboundIPs: { count: 2 } } },
		});
		expect(find(plan(body), "snat-ports")[0]?.message).toContain("= 128 nodes");
	});

	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
	it("pod CIDR 172.16.0.0/12 is refused: it contains 172.30/16 and 172.31/16", () => {
		const [f] = find(plan("podCidr: 172.16.0.0/12"), "reserved-range");
		expect(f?.severity).toBe("error");
		expect(f?.message).toContain("172.30.0.0/16, 172.31.0.0/16");
	});
});

describe("sizing counts", () => {
	it("takes maxCount when autoscaling, plus surge of 10% rounded up by default", () => {
		const p = plan(`
			agentPools:
			  - { name: a, count: 3 }
			  - { name: b, count: 2, maxCount: 11 }
			  - { name: c, count: 0 }
		`);
		expect(p.pools.map((x) => [x.surge, x.nodesAtFullScale])).toEqual([
			[1, 4],
			[2, 13],
			[0, 0],
		]);
	});

	it("lowers a surge above the pool size to the pool size", () => {
		expect(plan("count: 2\nmaxSurge: 5").pools[0]?.surge).toBe(2);
		expect(plan("count: 2\nmaxSurge: 100%").pools[0]?.surge).toBe(2);
	});

	it("uses the model's default maxPods", () => {
		const maxPods = (keys: string) => plan(keys).pools[0]?.maxPods;
		expect(maxPods("networkPlugin: kubenet")).toBe(110);
		expect(maxPods("networkPlugin: azure")).toBe(30);
		expect(maxPods("networkPlugin: azure\npodSubnet: 10.1.0.0/16\nnodeSubnet: 10.2.0.0/16")).toBe(250);
		expect(maxPods("networkPlugin: azure\nnetworkPluginMode: overlay")).toBe(250);
		expect(maxPods("{}")).toBe(250);
		expect(maxPods("networkPlugin: none")).toBeNull();
	});

	it("counts internal load-balancer frontends in their subnet", () => {
		const p = plan(`
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/24
			count: 3
			loadBalancers:
			  - { name: a, type: internal }
			  - { name: b, type: internal, ip: 10.0.0.200 }
			  - { name: c, type: public }
		`);
		expect(p.nodeSubnets[0]?.required).toBe(4n + 2n);
		expect(p.nodeSubnets[0]?.loadBalancers).toEqual(["a", "b"]);
	});

	it("sums every pool sharing a subnet", () => {
		const p = plan(`
			networkPlugin: azure
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/24
			maxPods: 30
			maxSurge: 0
			agentPools: [{ name: a, count: 4 }, { name: b, count: 4, nodeSubnet: 10.0.0.0/24 }]
		`);
		expect(p.nodeSubnets).toHaveLength(1);
		expect(p.nodeSubnets[0]?.required).toBe(248n);
		expect(p.nodeSubnets[0]?.pools).toEqual(["a", "b"]);
	});
});

describe("dual-stack", () => {
	const spec = `
		ipFamilies: [IPv4, IPv6]
		vnet: [10.60.0.0/16, "fd00:60::/48"]
		nodeSubnet: [10.60.0.0/22, "fd00:60::/64"]
		podCidrs: [192.168.0.0/16, "fd12:3456:789a::/64"]
		serviceCidrs: [172.16.0.0/16, "fd12:3456:789a:1::/108"]
		dnsServiceIp: 172.16.0.10
		count: 3
	`;

	it("gives each node an address of the IPv4 subnet and of its IPv6 prefix", () => {
		const p = plan(spec);
		expect(p.findings).toEqual([]);
		expect(p.nodeSubnets.map((s) => [s.cidr.text, s.required])).toEqual([
			["10.60.0.0/22", 4n],
			["fd00:60::/64", 4n],
		]);
		expect(p.pools[0]?.nodeSubnet6?.cidr.text).toBe("fd00:60::/64");
		expect(p.podCidrs.map((c) => [c.blockPrefix, c.blocks])).toEqual([
			[24, 256n],
			[80, 65536n],
		]);
	});

	it("refuses an IPv6 prefix in a single-stack cluster, or put first", () => {
		const single = 'vnet: [10.60.0.0/16, "fd00:60::/48"]\nnodeSubnet: [10.60.0.0/22, "fd00:60::/64"]\ncount: 3';
		expect(find(plan(single), "model-mismatch")[0]?.message).toContain("IPv6 node subnet");
		expect(codes(plan('nodeSubnet: ["fd00::/64", 10.0.0.0/24]'))).toContain("invalid-cidr");
		expect(
			find(
				plan(
					'ipFamilies: [IPv4, IPv6]\nvnet: [10.0.0.0/16, "fd00::/48"]\nnodeSubnet: [10.0.0.0/24, "fd00::/80"]',
				),
				"subnet-size",
			)[0]?.message,
		).toContain("/64");
	});

	it("checks an IPv6 service range of at most /108", () => {
		expect(
			find(plan(spec.replace("fd12:3456:789a:1::/108", "fd12:3456:789a:1::/100")), "service-cidr-too-large")[0]
				?.severity,
		).toBe("error");
	});
});

// Sources: https://learn.microsoft.com/azure/aks/internal-lb (frontends, Private Link NAT IPs), https://learn.microsoft.com/azure/aks/private-clusters (endpoint).
describe("extras(subnet): other addresses in a subnet", () => {
	const node = (extra: string, more = "") =>
		`vnet: 10.1.0.0/16\nserviceCidr: 10.2.0.0/16\ndnsServiceIp: 10.2.0.10\nsubnets:\n  nodes: { cidr: 10.1.0.0/28${extra} }\nnodeSubnet: nodes\ncount: 8\nmaxSurge: 1\n${more}`;

	it("counts extraIps and a private cluster's endpoint in the node subnet: a /28 (11 usable) holds 9 nodes and 2 more, not 3", () => {
		const fits = plan(node(", extraIps: 2"));
		expect(fits.nodeSubnets[0]?.required).toBe(11n);
		expect(codes(fits)).not.toContain("node-subnet-too-small");
		const full = plan(node(", extraIps: 2", "privateCluster: true"));
		expect(full.nodeSubnets[0]?.required).toBe(12n);
		expect(find(full, "node-subnet-too-small")[0]?.message).toContain(
			"(nodepool1: 9 nodes × 1 IP, 2 other IPs (extraIps), 1 private cluster endpoint): 1 short",
		);
	});

	it("puts a private cluster's endpoint in the first pool's node subnet, also from az aks show's apiServerAccessProfile", () => {
		const az = plan(
			"apiServerAccessProfile: { enablePrivateCluster: true }\nnetworkProfile: { networkPlugin: azure, networkPluginMode: overlay }\nagentPoolProfiles: [{ name: a, count: 3 }]",
		);
		expect(az.nodeSubnets[0]?.required).toBe(5n); // 3 nodes + 1 surge + the endpoint
		expect(plan("privateCluster: false\ncount: 3").nodeSubnets[0]?.required).toBe(4n);
		// With API server VNet integration the API server sits in its own subnet: no endpoint in the node subnet.
		const integrated = plan(
			"privateCluster: true\nvnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24\nsubnets:\n  api: { cidr: 10.1.1.0/28, purpose: apiServer }\ncount: 3",
		);
		expect(integrated.nodeSubnets[0]?.required).toBe(4n);
	});

	it("counts a Private Link Service's 1 to 8 NAT IPs in its load balancer's subnet", () => {
		const lbs = (nat: number) =>
			`vnet: 10.1.0.0/16\nserviceCidr: 10.2.0.0/16\ndnsServiceIp: 10.2.0.10\nnodeSubnet: 10.1.0.0/24\nsubnets:\n  lbs: 10.1.1.0/29\nloadBalancers:\n  - { name: api, type: internal, subnet: lbs, privateLinkIps: ${nat} }`;
		expect(find(plan(lbs(2)), "subnet-size")).toEqual([]); // 1 frontend + 2 NAT IPs = 3 usable of a /29
		expect(find(plan(lbs(3)), "subnet-size")[0]?.message).toContain(
			'has 3 usable IPs but 4 are asked of it (1 load-balancer frontend, 3 Private Link NAT IPs of "api"): 1 short',
		);
		expect(find(plan(lbs(9)), "invalid-value")[0]?.message).toContain("between 1 and 8");
		expect(
			find(plan("loadBalancers:\n  - { name: web, type: public, privateLinkIps: 2 }"), "invalid-value")[0]
				?.message,
		).toContain("needs an internal load balancer");
	});

	it("warns of a Private Link Service with dual-stack, and refuses it with static block allocation", () => {
		const pls = "loadBalancers:\n  - { name: api, type: internal, privateLinkIps: 1 }";
		expect(
			find(plan(`ipFamilies: [IPv4, IPv6]\n${pls}`), "model-mismatch").some(
				(f) =>
					f.severity === "warning" &&
					f.message.includes("fails when its load balancer also has an IPv6 frontend"),
			),
		).toBe(true);
		const staticBlock = `networkPlugin: azure\nvnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24\npodSubnet: 10.1.64.0/18\npodIpAllocationMode: StaticBlock\nserviceCidr: 10.2.0.0/16\ndnsServiceIp: 10.2.0.10\n${pls}`;
		expect(find(plan(staticBlock), "model-mismatch").some((f) => f.message.includes("Private Link Service"))).toBe(
			true,
		);
	});
});
