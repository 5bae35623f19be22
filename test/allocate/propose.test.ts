import { describe, expect, it } from "vitest";
import { proposalEdits } from "../../src/allocate/edits";
import { blockJson, planSource, type PlanResult } from "../../src/api";
import { parseCidr, type Cidr } from "../../src/net/address";

function c(text: string): Cidr {
	const r = parseCidr(text);
	if (!r.ok) throw new Error(text);
	return r.value;
}

/** A spec written as an indented template literal (tabs or spaces). */
function dedent(text: string): string {
	const lines = text
		.replace(/^\n/, "")
		.replace(/\n[\t ]*$/, "\n")
		.split("\n");
	const lead = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^[\t ]*/.exec(l)?.[0].length ?? 0));
	return lines.map((l) => l.slice(lead)).join("\n");
}

function fixes(plan: PlanResult) {
	return plan.findings.filter((f) => f.fix).map((f) => ({ code: f.code, to: f.fix?.to, why: f.fix?.why }));
}

/** The spec with every active, automatic proposal applied. */
function applied(text: string, plan = planSource(text)): string {
	const r = proposalEdits(
		text,
		0,
		plan.proposals.filter((p) => p.active && p.auto),
	);
	if (!r.ok) throw new Error(r.reason);
	return r.text;
}

describe("node and pod subnets", () => {
	it("a node subnet too small moves to the first free aligned place that holds it with 10% left", () => {
		// aks-networking.md example 1: 50 nodes, surge 1, maxPods 30 need 1,581 addresses.
		const spec = dedent(`
			networkPlugin: azure
			vnet: 10.10.0.0/16
			nodeSubnet: 10.10.0.0/22   # nodes
			count: 50
			maxPods: 30
			maxSurge: 1
			subnets:
			  other: 10.10.4.0/22
		`);
		const plan = planSource(spec);
		expect(fixes(plan)).toEqual([
			{
				code: "node-subnet-too-small",
				to: "10.10.8.0/21",
				why: "10.10.8.0/21 is free and holds 1,581 with 22% left",
			},
		]);
		expect(applied(spec, plan)).toBe(spec.replace("10.10.0.0/22   # nodes", "10.10.8.0/21   # nodes"));
	});

	it("a low-headroom subnet gets the smallest one with 10% left; a subnet sized for the pools stays", () => {
		const spec = "vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/28\ncount: 9\nmaxSurge: 1\n";
		expect(fixes(planSource(spec))).toEqual([
			{ code: "low-headroom", to: "10.1.0.0/27", why: "10.1.0.0/27 is free and holds 10 with 62% left" },
		]);
		expect(planSource("vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/27\ncount: 9\n").proposals).toEqual([]);
	});

	it("of two overlapping node subnets the one written later moves, keeping up to twice its need", () => {
		const spec = dedent(`
			vnet: 10.1.0.0/16
			agentPools:
			  - { name: a, count: 3, nodeSubnet: 10.1.0.0/24 }
			  - { name: b, count: 3, nodeSubnet: 10.1.0.128/25 }
			  - { name: c, count: 3, nodeSubnet: 10.1.2.0/24 }
			subnets:
			  AzureFirewallSubnet: 10.1.2.0/26
		`);
		const out = applied(spec);
		expect(out).toBe(
			spec.replace("10.1.0.128/25", "10.1.1.0/27").replace("nodeSubnet: 10.1.2.0/24", "nodeSubnet: 10.1.1.32/27"),
		);
		expect(planSource(out).findings.filter((f) => f.severity === "error")).toEqual([]);
	});

	it("a spec with only a VNet and pools is a question: its node subnet's fix writes the whole plan", () => {
		const spec = "vnet: 10.20.0.0/16\nagentPools:\n  - name: sys\n    count: 3\n  - name: apps\n    count: 20\n";
		const [f] = planSource(spec).findings;
		expect(f?.code).toBe("missing-key");
		expect(f?.fix).toMatchObject({
			from: null,
			to: "10.20.0.0/26",
			why: "10.20.0.0/26 is free and holds 26 with 55% left; with podCidr 10.244.0.0/16, serviceCidr 10.0.0.0/16, dnsServiceIp 10.0.0.10 written down, each free and clear of the rest",
		});
		expect(applied(spec)).toBe(
			spec.replace(
				"/16\n",
				"/16\nnodeSubnet: 10.20.0.0/26\npodCidr: 10.244.0.0/16\nserviceCidr: 10.0.0.0/16\ndnsServiceIp: 10.0.0.10\n",
			),
		);
	});

	it("pod subnets are sized for every pod at full density", () => {
		const spec =
			"networkPlugin: azure\nvnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24\npodSubnet: 10.1.1.0/24\ncount: 10\nmaxPods: 30\n";
		// 11 nodes at 16 x ceil(38 / 16) = 48 each: 528, a /22 (1,019 usable).
		expect(planSource(spec).findings.find((f) => f.code === "pod-subnet-full-density")?.fix?.to).toBe(
			"10.1.4.0/22",
		);
	});

	it("an IPv6 node prefix that is not a /64 gets a /64 of the VNet's IPv6 space", () => {
		const spec = dedent(`
			ipFamilies: [IPv4, IPv6]
			vnet: [10.1.0.0/16, "fd00:1::/48"]
			nodeSubnet: [10.1.0.0/24, "fd00:1::/80"]
		`);
		expect(planSource(spec).findings.find((f) => f.code === "subnet-size")?.fix?.to).toBe("fd00:1::/64");
	});
});

describe("pod and service CIDRs", () => {
	it.each([
		["serviceCidr: 10.1.0.0/16", "10.0.0.0/16", "range-overlap"],
		["serviceCidr: 10.1.128.0/17", "10.0.0.0/17", "service-cidr-in-vnet"],
		["serviceCidr: 10.0.0.0/8", "10.0.0.0/16", "service-cidr-too-large"],
		["serviceCidr: 172.30.0.0/16", "10.0.0.0/16", "reserved-range"],
		["serviceCidr: 8.8.0.0/16", "10.0.0.0/16", "public-range"],
		["podCidr: 10.1.0.0/16", "10.244.0.0/16", "range-overlap"],
		["podCidr: 192.168.0.0/24", "10.244.0.0/16", "pod-cidr-too-small"],
		["podCidr: 10.244.0.0/16\npeered: [10.244.0.0/16]", "10.2.0.0/16", "range-overlap"],
	])("%s becomes %s (%s)", (line, to, code) => {
		const plan = planSource(`vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24\ncount: 3\n${line}\n`);
		expect(plan.findings.find((f) => f.code === code)?.fix?.to).toBe(to);
	});

	it("the AKS defaults are written down when they collide, the DNS IP moving with the range", () => {
		const spec = "vnet: 10.0.0.0/8\nnodeSubnet: 10.0.0.0/24\ncount: 3\n";
		const plan = planSource(spec);
		expect(plan.findings.map((f) => [f.code, f.fix?.from, f.fix?.to])).toEqual([
			["range-overlap", null, "172.16.0.0/16"],
			["range-overlap", null, "172.17.0.0/16"],
		]);
		expect(plan.findings[1]?.fix?.why).toContain("DNS service IP 172.17.0.10");
		expect(applied(spec, plan)).toBe(
			"vnet: 10.0.0.0/8\nnodeSubnet: 10.0.0.0/24\npodCidr: 172.16.0.0/16\nserviceCidr: 172.17.0.0/16\ncount: 3\n",
		);
	});

	it("a written DNS service IP follows its service CIDR; a DNS IP outside it becomes the .10", () => {
		const moved = applied(
			"vnet: 10.1.0.0/16\nserviceCidr: 10.1.0.0/16\ndnsServiceIp: 10.1.0.10\ncount: 1\nnodeSubnet: 10.1.0.0/24\n",
		);
		expect(moved).toContain("serviceCidr: 10.0.0.0/16\ndnsServiceIp: 10.0.0.10\n");
		const dns = planSource("serviceCidr: 10.0.0.0/16\ndnsServiceIp: 10.9.0.1\n");
		expect(dns.findings.find((f) => f.code === "dns-ip-outside-service-cidr")?.fix?.to).toBe("10.0.0.10");
	});

	it("pod and service CIDRs overlapping each other: the service CIDR moves", () => {
		const plan = planSource(
			"vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24\npodCidr: 10.244.0.0/16\nserviceCidr: 10.244.0.0/16\n",
		);
		expect(plan.proposals.map((p) => [p.from, p.to])).toEqual([["10.244.0.0/16", "10.0.0.0/16"]]);
	});
});

describe("static load-balancer IPs", () => {
	it("an IP outside its subnet, or taken, gets the highest free address of the subnet", () => {
		const spec = dedent(`
			vnet: 10.1.0.0/16
			nodeSubnet: 10.1.0.0/24
			loadBalancers:
			  - { name: a, type: internal, ip: 10.1.0.254 }
			  - { name: b, type: internal, ip: 10.1.0.254 }
			  - { name: c, type: internal, ip: 10.1.5.1, subnet: 10.1.0.0/24 }
		`);
		const out = applied(spec);
		expect(out).toContain("ip: 10.1.0.254 }\n  - { name: b, type: internal, ip: 10.1.0.253 }");
		expect(out).toContain("ip: 10.1.0.252, subnet");
	});

	it("an IP in a subnet that moves moves with it, in the same proposal", () => {
		const spec = dedent(`
			vnet: 10.1.0.0/16
			nodeSubnet: 10.1.0.0/24
			count: 3
			subnets:
			  AzureFirewallSubnet: 10.1.0.0/26
			loadBalancers:
			  - { name: a, type: internal, ip: 10.1.0.200 }
		`);
		const plan = planSource(spec);
		expect(plan.proposals).toHaveLength(1);
		const out = applied(spec, plan);
		expect(out).toBe(
			spec.replace("nodeSubnet: 10.1.0.0/24", "nodeSubnet: 10.1.0.64/27").replace("10.1.0.200", "10.1.0.94"),
		);
	});
});

describe("no room", () => {
	it("says how much larger the VNet must become and proposes an address space clear of what is connected", () => {
		const spec = "vnet: 10.1.0.0/24\nnodeSubnet: 10.1.0.0/26\ncount: 250\npeered: [10.1.1.0/24]\n";
		const plan = planSource(spec);
		const f = plan.findings.find((x) => x.code === "node-subnet-too-small");
		const p = f?.fix ? plan.proposals[f.fix.proposal] : undefined;
		expect(p?.auto).toBe(false);
		expect(p?.why).toBe(
			"No room: the VNet has no free /23. It must grow by 512 addresses: add the address space 10.1.2.0/23 (clear of every connected range) to vnet; then 10.1.2.0/23 is free and holds 275 with 45% left",
		);
		// Not applied by "Apply all fixes" (which fixes the pod CIDR, too small for 275 nodes); its own
		// Fix adds the space and moves the subnet there.
		expect(applied(spec, plan)).toBe(spec.replace("count", "podCidr: 10.244.0.0/15\ncount"));
		const r = proposalEdits(spec, 0, p ? [p] : []);
		expect(r.ok && r.text).toBe(
			"vnet: [10.1.0.0/24, 10.1.2.0/23]\nnodeSubnet: 10.1.2.0/23\ncount: 250\npeered: [10.1.1.0/24]\n",
		);
	});
});

describe("the registry context", () => {
	it("keeps proposals clear of ranges other notes take and of routed ranges", () => {
		const spec = "vnet: 10.1.0.0/16\ncount: 3\npodCidr: 10.1.0.0/16\n";
		const context = { taken: [c("10.1.0.0/24")], routed: [c("10.244.0.0/16")] };
		const plan = planSource(spec, { context });
		expect(plan.proposals.map((p) => p.to)).toEqual(["10.1.1.0/28", "10.2.0.0/16"]);
		// The service CIDR written down with the node subnet keeps AKS's default: it is free.
		expect(plan.proposals[0]?.edits.map((e) => e.to)).toEqual(["10.1.1.0/28", "10.0.0.0/16", "10.0.0.10"]);
		expect(planSource(spec).proposals.map((p) => p.to)).toEqual(["10.1.0.0/28", "10.244.0.0/16"]);
	});
});

describe("what the plan carries", () => {
	it("a silenced finding gets no proposal: only what the plan reports is changed", () => {
		const plan = planSource(
			"vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/28\ncount: 9\nmaxSurge: 1\nignore: [low-headroom]\n",
		);
		expect(plan.suppressed.map((f) => [f.code, f.fix])).toEqual([["low-headroom", undefined]]);
		expect(plan.proposals).toEqual([]);
	});

	it("findings past the cap of 20 per code are answered too", () => {
		const subnets = Array.from({ length: 40 }, (_, i) => `  s${i}: 10.1.${i}.0/24`).join("\n");
		const plan = planSource(
			`vnet: 10.1.0.0/16\nnodeSubnet: 10.1.200.0/24\ncount: 3\nsubnets:\n${subnets}\nserviceCidr: 10.1.0.0/16\n`,
		);
		expect(plan.findings.filter((f) => f.code === "range-overlap")).toHaveLength(21);
		expect(plan.proposals.map((p) => [p.from, p.to])).toEqual([["10.1.0.0/16", "10.0.0.0/16"]]);
	});

	it("what a tool printed gets no proposal: Convert selection to plan makes it a spec first", () => {
		const az = JSON.stringify({
			networkProfile: { networkPlugin: "azure", serviceCidr: "10.0.0.0/16" },
			agentPoolProfiles: [{ name: "a", count: 3, vnetSubnetId: "/subscriptions/x/virtualNetworks/v/subnets/s" }],
		});
		const plan = planSource(az);
		expect(plan.findings.map((f) => f.code)).toContain("missing-key");
		expect(plan.proposals).toEqual([]);
	});

	it("plan --json gives each finding with a proposal its fix: line, from, to", () => {
		const json = blockJson(planSource("vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/28\ncount: 20\n"), "x.yaml");
		expect(json.findings[0]).toMatchObject({
			code: "node-subnet-too-small",
			fix: { line: 2, from: "10.1.0.0/28", to: "10.1.0.0/27" },
		});
	});

	it("fill mode writes down every range the spec leaves to a default", () => {
		const spec = "vnet: 10.20.0.0/16\ncount: 3\n";
		const plan = planSource(spec, { proposals: "fill" });
		const r = proposalEdits(spec, 0, plan.proposals);
		expect(r.ok && r.text).toBe(
			"vnet: 10.20.0.0/16\nnodeSubnet: 10.20.0.0/28\npodCidr: 10.244.0.0/16\nserviceCidr: 10.0.0.0/16\ndnsServiceIp: 10.0.0.10\ncount: 3\n",
		);
	});
});
