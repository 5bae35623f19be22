import { describe, expect, it } from "vitest";
import { planNote, planSource } from "../../src/api";
import { findBlocks } from "../../src/note/blocks";
import { expandLeadingTabs } from "../../src/parse/parse";
import { codes, find, plan } from "../plan/helpers";

describe("reading a body", () => {
	it("expands leading tabs to 4-column stops and keeps lines", () => {
		expect(expandLeadingTabs("a:\n\t- b\n  \tc: 1\nd\te")).toBe("a:\n    - b\n    c: 1\nd\te");
		const p = planSource("agentPools:\n\t- name: a\n\t  count: 4\n\t- name: b\n\t  count: 2\n");
		expect(codes(p)).toEqual([]);
		expect(p.pools.map((x) => [x.name, x.count])).toEqual([
			["a", 4],
			["b", 2],
		]);
	});

	it("reads JSON bodies", () => {
		const p = planSource('{ "cluster": "c1", "networkPlugin": "kubenet", "count": 5, "podCidr": "10.244.0.0/16" }');
		expect(p.cluster).toBe("c1");
		expect(p.model).toBe("kubenet");
		expect(p.pools[0]?.count).toBe(5);
	});

	it("matches keys case-insensitively and takes the documented aliases", () => {
		const p = plan(`
			NetworkPlugin: Azure
			networkpluginmode: Overlay
			dnsServiceIP: 10.0.0.12
			nodePools:
			  - { Name: a, COUNT: 2 }
		`);
		expect(p.model).toBe("azure-cni-overlay");
		expect(p.serviceCidrs[0]?.dnsServiceIp?.text).toBe("10.0.0.12");
		expect(p.pools[0]).toMatchObject({ name: "a", count: 2 });
		expect(codes(p)).toEqual([]);
	});

	it("reports keys that differ only in case as duplicates, keeping the first", () => {
		const p = plan("dnsServiceIP: 10.0.0.10\ndnsServiceIp: 10.0.0.11");
		const [f] = find(p, "duplicate-key");
		expect(f?.line).toBe(2);
		expect(f?.message).toContain("first at line 1");
		expect(p.serviceCidrs[0]?.dnsServiceIp?.text).toBe("10.0.0.10");
	});

	it("suggests the closest key for an unknown one, and only a close one", () => {
		expect(find(plan("servceCidr: 10.1.0.0/16"), "unknown-key")[0]?.message).toContain(
			'Did you mean "serviceCidr"',
		);
		expect(find(plan("zzz: 1"), "unknown-key")[0]?.message).toBe(
			'Unknown key "zzz" at the top level; it is ignored.',
		);
		expect(find(plan("agentPools: [{ name: a, cuont: 3 }]"), "unknown-key")[0]?.message).toContain('"count"');
	});

	it("reports a syntax error at the parser's line and plans nothing", () => {
		const p = planSource("cluster: a\nagentPools:\n  - name: [b\n");
		expect(p.parsed).toBe(false);
		expect(find(p, "yaml-syntax")[0]?.line).toBeGreaterThanOrEqual(3);
		expect(planSource("a: 1\n  b: 2\n").findings[0]?.code).toBe("yaml-syntax");
	});

	it("plans on after yaml's warnings, reporting each at its line", () => {
		const tagged = planSource("cluster: a\nvnet: !!binary 10.0.0.0/16\nsubnets:\n  s: !cidr 10.0.1.0/24\n");
		expect(tagged.parsed).toBe(true);
		expect(find(tagged, "yaml-syntax").map((f) => [f.severity, f.line, f.message])).toEqual([
			["warning", 2, "YAML: Unresolved tag: !!binary; the value is read as written."],
			["warning", 4, "YAML: Unresolved tag: !cidr; the value is read as written."],
		]);
		expect(tagged.vnet.map((v) => v.cidr.text)).toEqual(["10.0.0.0/16"]);
		const directive = planSource("%FOO bar\n---\ncluster: a\n");
		expect(find(directive, "yaml-syntax").map((f) => [f.severity, f.line, f.message])).toEqual([
			["warning", 1, "YAML: Unknown directive %FOO; the directive is ignored."],
		]);
		// A %YAML 1.1 document is read with the core schema (src/parse/parse.ts): 0x3 is 3,
		// but 1.1's 0b11110 and yes are text, which the spec refuses out loud.
		const v11 = planSource(
			"%YAML 1.1\n---\ncluster: a\nagentPools:\n  - name: p\n    count: 0x3\n    maxPods: 0b11110\n    enableAutoScaling: yes\n",
		);
		expect(v11.pools.map((p) => p.count)).toEqual([3]);
		expect(find(v11, "yaml-syntax").map((f) => [f.severity, f.line, f.message])).toEqual([
			[
				"warning",
				1,
				"The body declares %YAML 1.1, but it is read as YAML 1.2: write true and false, and numbers without leading zeros.",
			],
		]);
		expect(find(v11, "invalid-value").map((f) => f.message)).toEqual([
			'maxPods must be a whole number, not "0b11110".',
			'enableAutoScaling must be true or false, not "yes".',
		]);
	});

	it("refuses a body that is not a map", () => {
		const p = planSource("- a\n- b");
		expect(p.parsed).toBe(false);
		expect(p.findings[0]?.code).toBe("invalid-value");
	});

	it("plans an empty body as AKS's defaults", () => {
		const p = planSource("");
		expect(p.model).toBe("azure-cni-overlay");
		expect(p.vnet[0]?.cidr.text).toBe("10.224.0.0/12");
		expect(p.nodeSubnets[0]).toMatchObject({ name: "aks-subnet", defaulted: true });
		expect(p.podCidrs[0]?.cidr.text).toBe("10.244.0.0/16");
		expect(p.serviceCidrs[0]?.dnsServiceIp?.text).toBe("10.0.0.10");
		expect(p.findings.map((f) => f.severity)).toEqual(["info"]);
	});

	it("reads YAML anchors and aliases, and stops an alias bomb", () => {
		const p = plan(`
			agentPools:
			  - &p { name: a, count: 2 }
			  - { name: b, count: 3 }
		`);
		expect(p.pools).toHaveLength(2);
		const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
		for (let i = 0; i < 8; i++)
			bomb.push(
				`${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(10)
					.fill(`*${i === 0 ? "a" : "bcdefghij"[i - 1]}`)
					.join(", ")}]`,
			);
		bomb.push(`agentPools: [${Array(2000).fill("*j").join(", ")}]`);
		const q = planSource(bomb.join("\n"));
		expect(q.findings.map((f) => f.code)).toContain("yaml-syntax");
	});

	it("refuses numbers beyond 2^53 without losing them", () => {
		const [f] = find(plan("count: 123456789012345678901"), "invalid-value");
		expect(f?.message).toContain("between 0 and 100,000");
	});

	it("plans with the network address when host bits are set", () => {
		const p = plan("vnet: 10.10.0.5/16\nnodeSubnet: 10.10.1.0/24");
		expect(find(p, "host-bits-set")[0]?.message).toContain("10.10.0.0/16");
		expect(p.vnet[0]?.cidr.text).toBe("10.10.0.0/16");
		expect(codes(p)).not.toContain("outside-vnet");
	});
});

describe("az aks show output", () => {
	const show = {
		id: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-prod",
		location: "westeurope",
		name: "aks-prod",
		kubernetesVersion: "1.32.4",
		agentPoolProfiles: [
			{
				name: "system",
				count: 3,
				enableAutoScaling: false,
				maxCount: null,
				minCount: null,
				maxPods: 30,
				mode: "System",
				osType: "Linux",
				vmSize: "Standard_D4s_v5",
				upgradeSettings: { maxSurge: "33%" },
				vnetSubnetId:
					"/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks-nodes",
				podSubnetId: null,
			},
			{
				name: "apps",
				count: 4,
				enableAutoScaling: true,
				minCount: 2,
				maxCount: 20,
				maxPods: 110,
				mode: "User",
				osType: "Linux",
				upgradeSettings: { maxSurge: "10%" },
			},
		],
		networkProfile: {
			networkPlugin: "azure",
			networkPluginMode: "overlay",
			networkDataplane: "cilium",
			networkPolicy: "cilium",
			podCidr: "10.244.0.0/16",
			serviceCidr: "10.0.0.0/16",
			dnsServiceIP: "10.0.0.10",
			outboundType: "loadBalancer",
			loadBalancerSku: "standard",
			loadBalancerProfile: { managedOutboundIPs: { count: 1 } },
			podCidrs: ["10.244.0.0/16"],
			serviceCidrs: ["10.0.0.0/16"],
			ipFamilies: ["IPv4"],
		},
		sku: { name: "Base", tier: "Standard" },
	};

	it("is a valid body: it reads the nested shape and ignores Azure's other keys", () => {
		const p = planSource(JSON.stringify(show, null, 2));
		expect(p.cluster).toBe("aks-prod");
		expect(p.model).toBe("azure-cni-overlay");
		expect(p.dataplane).toBe("cilium");
		expect(p.pools.map((x) => [x.name, x.count, x.maxCount, x.surge, x.maxPods])).toEqual([
			["system", 3, null, 1, 30],
			["apps", 4, 20, 2, 110],
		]);
		expect(codes(p)).not.toContain("unknown-key");
	});

	it("asks, as missing-key, for subnets known only by resource ID", () => {
		const p = planSource(JSON.stringify(show, null, 2));
		const missing = find(p, "missing-key");
		expect(missing[0]?.message).toContain("aks-nodes");
		expect(missing[0]?.line).toBe(20);
	});

	it("resolves a resource ID through a subnets entry of the same name", () => {
		const body = `${JSON.stringify(show, null, 2).slice(0, -2)},\n  "vnet": "10.1.0.0/16",\n  "subnets": { "aks-nodes": "10.1.0.0/22" }\n}`;
		const p = planSource(body);
		expect(p.pools[0]?.nodeSubnet?.cidr.text).toBe("10.1.0.0/22");
		expect(p.nodeSubnets[0]?.name).toBe("aks-nodes");
	});

	it("reads ARM's properties wrapper", () => {
		const p = planSource(
			JSON.stringify({
				name: "c",
				properties: {
					networkProfile: { networkPlugin: "kubenet" },
					agentPoolProfiles: [{ name: "a", count: 2 }],
				},
			}),
		);
		expect(p.model).toBe("kubenet");
		expect(p.pools[0]?.count).toBe(2);
	});
});

describe("a subnet whose CIDR is not filled in yet", () => {
	it("is reported once, where it is, and a pool naming it gets no second finding", () => {
		const p = planSource("vnet: 10.1.0.0/16\nsubnets:\n  aks-nodes:\nnodeSubnet: aks-nodes\ncount: 3");
		expect(p.findings.map((f) => [f.code, f.line])).toEqual([["missing-key", 3]]);
		expect(p.findings[0]?.message).toContain('Subnet "aks-nodes" has no CIDR yet');
		expect(p.subnets).toEqual([]);
	});

	it("in the list form too", () => {
		const p = planSource("vnet: 10.1.0.0/16\nsubnets:\n  -\nnodeSubnet: subnet1\ncount: 3");
		expect(p.findings.map((f) => f.code)).toEqual(["missing-key"]);
	});

	it("leaves the VNet AKS-managed when nothing else is given", () => {
		expect(planSource("subnets:\n  later:").vnet.map((v) => v.defaulted)).toEqual([true]);
	});
});

describe("loadBalancerProfile", () => {
	const profile = (yaml: string) => planSource(`networkProfile:\n  loadBalancerProfile:\n${yaml}`);

	it("reads ports, managed IPs and listed public IPs, each under its own name and line", () => {
		const p = profile(
			"    AllocatedOutboundPorts: 1001\n    managedOutboundIPs:\n      count: two\n    unknownThing: 1",
		);
		const bad = p.findings.filter((f) => f.code === "invalid-value");
		expect(bad.map((f) => [f.line, f.message])).toEqual([
			[3, "allocatedOutboundPorts is 1001; it must be a multiple of 8 (0 for automatic allocation)."],
			[5, 'managedOutboundIPs.count must be a whole number, not "two".'],
		]);
		expect(p.findings.filter((f) => f.code === "unknown-key")).toEqual([]);
		const listed = profile("    outboundIPs:\n      publicIPs: [{ id: a }, { id: b }, { id: c }]");
		expect(listed.findings.filter((f) => f.code === "invalid-value")).toEqual([]);
		const count = profile("    managedOutboundIPs: { count: 3 }\n    allocatedOutboundPorts: 1024");
		expect(count.findings.filter((f) => f.code === "invalid-value")).toEqual([]);
	});

	it("yields to the top-level keys", () => {
		const p = planSource(
			"outboundIps: 2\nallocatedOutboundPorts: 0\nnetworkProfile:\n  loadBalancerProfile:\n    allocatedOutboundPorts: 7\n    managedOutboundIPs: { count: 0 }",
		);
		expect(p.findings.filter((f) => f.code === "invalid-value")).toEqual([]);
	});
});

describe("lines in notes", () => {
	const note = [
		"---", // 1
		"tags: [networking]", // 2
		"---", // 3
		"# Prod", // 4
		"", // 5
		"Some prose with `inline` code.", // 6
		"", // 7
		"````markdown", // 8
		"```aks-ip", // 9 (an example inside another fence: not a block)
		"count: nope", // 10
		"```", // 11
		"````", // 12
		"", // 13
		"```aks-ip", // 14
		"cluster: prod", // 15
		"vnet: 10.10.0.0/16", // 16
		"nodeSubnet: 10.10.0.0/22", // 17
		"agentPools:", // 18
		"  - name: system", // 19
		"    count: 3", // 20
		"    maxPods: 5", // 21
		"serviceCidr: 10.10.0.0/16", // 22
		"```", // 23
		"", // 24
		"~~~aks-ip", // 25
		"count: [", // 26
		"~~~", // 27
	].join("\n");

	it("finds only real aks-ip blocks", () => {
		expect(findBlocks(note).map((b) => [b.fenceLine, b.closeLine])).toEqual([
			[14, 23],
			[25, 27],
		]);
	});

	it("puts every finding on the note line of its key or list item", () => {
		const [first, second] = planNote(note);
		expect(first?.line).toBe(14);
		const lines = Object.fromEntries((first?.findings ?? []).map((f) => [f.code, f.line]));
		expect(lines["max-pods-out-of-range"]).toBe(19);
		expect(lines["range-overlap"]).toBe(22);
		expect(second?.line).toBe(25);
		expect(second?.findings[0]).toMatchObject({ code: "yaml-syntax" });
		expect(second?.findings[0]?.line).toBeGreaterThanOrEqual(26);
		expect(second?.findings[0]?.line).toBeLessThanOrEqual(27);
	});

	it("keeps lines with CRLF line ends and an unclosed block", () => {
		const crlf = "# a\r\n```aks-ip\r\ncount: 3\r\nbogus: 1\r\n";
		const [p] = planNote(crlf);
		expect(find(p!, "unknown-key")[0]?.line).toBe(4);
	});
});
