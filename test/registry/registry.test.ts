/** The registry across notes: networks, connections and the rules between notes, on a small estate. */
import { describe, expect, it } from "vitest";
import { planSource } from "../../src/api";
import type { PlanResult } from "../../src/plan/types";
import { Registry, setNotes, type RegistryBlock, type RegistryOptions } from "../../src/registry/registry";
import type { Finding } from "../../src/core/findings";
import { compareItems } from "../../src/registry/items";
import { VAULT } from "./vault";

/** A registry block planned whole, in the network the registry knows (the registry keeps a summary). */
function whole(reg: Registry, b: RegistryBlock): PlanResult {
	return planSource(b.body, { fenceLine: b.fenceLine, linkedVnet: (link) => reg.linkedVnet(link, b.path) });
}

function build(files: Record<string, string> = VAULT, options: RegistryOptions = {}): Registry {
	const reg = new Registry(options);
	for (const [path, text] of Object.entries(files)) reg.setNote(path, text);
	reg.check();
	return reg;
}

/** Every finding across notes as "file:line severity code → related file:line". */
function cross(reg: Registry): string[] {
	return reg
		.blocks()
		.flatMap((b) => b.cross.map((f) => row(b.path, f)))
		.sort();
}

function row(path: string, f: Finding): string {
	const related = f.related ? ` → ${f.related.file}:${f.related.line}` : "";
	return `${path}:${f.line} ${f.severity} ${f.code}${related}`;
}

function message(reg: Registry, path: string, line: number, code: string): string {
	return (
		reg.notes
			.get(path)
			?.blocks.flatMap((b) => b.cross)
			.find((f) => f.line === line && f.code === code)?.message ?? ""
	);
}

describe("the registry of the test estate", () => {
	const reg = build();

	it("reports every rule in both blocks, at each range's line, pointing at the other", () => {
		expect(cross(reg)).toEqual(
			[
				// The default service CIDR of a cluster in a spoke peered with the hub overlaps the hub.
				"clusters/Prod.md:4 error range-overlap → networks/Hub.md:8",
				"networks/Hub.md:8 error range-overlap → clusters/Prod.md:4",
				// A service CIDR on the on-premises range, reached through the hub.
				"clusters/Staging.md:6 error range-overlap → networks/On-premises.md:5",
				"networks/On-premises.md:5 error range-overlap → clusters/Staging.md:6",
				// Two spokes of the same space peered with one hub.
				"networks/Spoke prod network.md:6 error cross-note-overlap → networks/Spoke test network.md:4",
				"networks/Spoke test network.md:4 error cross-note-overlap → networks/Spoke prod network.md:6",
				// Two clusters carving overlapping subnets out of one shared VNet.
				"shared/Team A.md:4 error cross-note-overlap → shared/Team B.md:4",
				"shared/Team B.md:4 error cross-note-overlap → shared/Team A.md:4",
				// A service CIDR on a subnet of the shared VNet.
				"shared/Team B.md:5 error range-overlap → shared/Shared.md:17",
				"shared/Shared.md:17 error range-overlap → shared/Team B.md:5",
				// Networks that are not connected: a warning.
				"clusters/Staging.md:3 warning cross-note-overlap → labs/Lab one.md:3",
				"labs/Lab one.md:3 warning cross-note-overlap → clusters/Staging.md:3",
				// A link to a note that does not exist.
				"drafts/Draft.md:6 warning unresolved-link",
			].sort(),
		);
	});

	it("names the other note, its range and the path between the networks", () => {
		expect(message(reg, "networks/Spoke prod network.md", 6, "cross-note-overlap")).toBe(
			"VNet address space 10.1.0.0/16 overlaps VNet address space 10.1.0.0/16 in [[Spoke test network]] (line 4): they share 10.1.0.0/16 (65,536 addresses), and the networks are peered through [[Hub]]. Connected networks need disjoint address spaces (Azure refuses to peer overlapping ones): move one of the ranges.",
		);
		expect(message(reg, "clusters/Staging.md", 6, "range-overlap")).toContain(
			'Service CIDR 10.200.0.0/16 overlaps Routed range "dc-paris" 10.200.0.0/16 in [[On-premises]] (line 5), which this cluster reaches (peered through [[Hub]])',
		);
		expect(message(reg, "clusters/Prod.md", 4, "range-overlap")).toContain(
			"Service CIDR 10.0.0.0/16 (default) overlaps VNet address space 10.0.0.0/16 in [[Hub]] (line 8), which this cluster reaches (peered directly)",
		);
		expect(message(reg, "networks/Hub.md", 8, "range-overlap")).toContain(
			"of cluster aks-prod in [[Prod]] (line 4)",
		);
		expect(message(reg, "shared/Team A.md", 4, "cross-note-overlap")).toContain("in the same VNet [[Shared]]");
		expect(message(reg, "clusters/Staging.md", 3, "cross-note-overlap")).toContain("not connected");
		expect(message(reg, "drafts/Draft.md", 6, "unresolved-link")).toContain("[[Old hub]], which names no note");
	});

	it("lets cluster-private ranges repeat: the same pod CIDR in connected clusters is quiet", () => {
		const pods = reg
			.blocks()
			.flatMap((b) => b.items.filter((i) => i.kind === "pod").map((i) => [b.path, i.cidr.text]));
		expect(pods).toEqual(
			expect.arrayContaining([
				["clusters/Prod.md", "192.168.0.0/16"],
				["clusters/Staging.md", "192.168.0.0/16"],
				["shared/Team A.md", "10.244.0.0/16"],
				["shared/Team B.md", "10.244.0.0/16"],
			]),
		);
		expect(
			reg
				.blocks()
				.flatMap((b) => b.cross)
				.filter((f) => f.message.includes("Pod CIDR")),
		).toEqual([]);
	});

	it("plans a cluster in a linked VNet with the network's subnets, and links a note's first network block", () => {
		const prod = reg.notes.get("clusters/Prod.md")?.blocks[0];
		expect(prod?.plan.findings).toEqual([]);
		expect(prod && whole(reg, prod).nodeSubnets.map((s) => [s.name, s.cidr.text, s.from])).toEqual([
			["aks-nodes", "10.1.0.0/22", "[[Spoke prod network]]"],
			["aks-apps", "10.1.4.0/22", "[[Spoke prod network]]"],
		]);
		expect(prod?.plan.borrowed).toEqual(["aks-nodes", "aks-apps"]);
		const tools = reg.notes.get("shared/Shared.md")?.blocks[0];
		expect(tools && whole(reg, tools).nodeSubnets[0]?.cidr.text).toBe("10.50.100.0/24");
		const net = reg.checked?.netOf;
		expect(net?.get("shared/Team B.md#0")).toBe("n:shared/Shared.md#1");
		expect(net?.get("clusters/Prod.md#0")).toBe("n:networks/Spoke prod network.md#0");
	});
});

const fence = "```";
const note = (body: string) => `${fence}aks-ip\n${body}\n${fence}\n`;

describe("keeping the registry current", () => {
	it("re-plans the clusters of a network whose note changed, and says which blocks changed", () => {
		const reg = build();
		const spoke = VAULT["networks/Spoke prod network.md"] ?? "";
		reg.setNote(
			"networks/Spoke prod network.md",
			spoke.replace("aks-nodes: 10.1.0.0/22", "aks-nodes: 10.1.0.0/29"),
		);
		const changed = reg.check();
		// The network's own block is drawn afresh by Obsidian; across notes only the cluster changed.
		expect([...changed]).toEqual(["clusters/Prod.md#0"]);
		expect(reg.notes.get("clusters/Prod.md")?.blocks[0]?.plan.findings.map((f) => f.code)).toContain(
			"node-subnet-too-small",
		);
	});

	it("keeps lines right in the other note when a note's lines move", () => {
		const reg = build();
		reg.setNote("networks/Hub.md", `# Hub\n\nMore text.\nAnd more.\n\n${VAULT["networks/Hub.md"]?.slice(7) ?? ""}`);
		const changed = reg.check();
		expect(changed.has("clusters/Prod.md#0")).toBe(true);
		expect(reg.notes.get("clusters/Prod.md")?.blocks[0]?.cross[0]?.related).toEqual({
			file: "networks/Hub.md",
			line: 11,
		});
		expect(changed.has("labs/Lab one.md#0")).toBe(false);
	});

	it("drops a fixed conflict in both blocks only", () => {
		const reg = build();
		const staging = VAULT["clusters/Staging.md"] ?? "";
		reg.setNote("clusters/Staging.md", staging.replace("serviceCidr: 10.200.0.0/16", "serviceCidr: 172.16.0.0/16"));
		expect([...reg.check()].sort()).toEqual(["clusters/Staging.md#0", "networks/On-premises.md#0"]);
	});

	it("follows deletions and renames: links that lead nowhere are reported, and found again", () => {
		const reg = build();
		reg.renameNote("networks/Hub.md", "networks/Hub WEU.md");
		reg.check();
		const unresolved = (r: Registry) =>
			r
				.blocks()
				.flatMap((b) => b.cross.filter((f) => f.code === "unresolved-link").map((f) => b.path))
				.sort();
		expect(unresolved(reg)).toEqual([
			"clusters/Staging.md",
			"drafts/Draft.md",
			"networks/Spoke prod network.md",
			"networks/Spoke test network.md",
		]);
		reg.renameNote("networks/Hub WEU.md", "networks/Hub.md");
		reg.check();
		expect(unresolved(reg)).toEqual(["drafts/Draft.md"]);
		reg.removeNote("networks/On-premises.md");
		reg.check();
		expect(cross(reg).filter((r) => r.includes("On-premises"))).toEqual([]);
		expect(message(reg, "networks/Hub.md", 12, "unresolved-link")).toContain(
			"[[On-premises]], which names no note",
		);
		reg.setNote("networks/On-premises.md", VAULT["networks/On-premises.md"] ?? "");
		reg.check();
		expect(cross(reg)).toEqual(cross(build()));
	});

	it("plans a cluster whose network note arrives after it", () => {
		const reg = new Registry();
		reg.setNote("a.md", note("vnet: [[Net]]\nnodeSubnet: nodes\ncount: 3"));
		reg.setNote("Net.md", note("kind: network\nvnet: 10.0.0.0/16\nsubnets:\n  nodes: 10.0.0.0/24"));
		reg.check();
		const a = reg.notes.get("a.md")?.blocks[0];
		expect(a && whole(reg, a).nodeSubnets[0]?.cidr.text).toBe("10.0.0.0/24");
		expect(a?.envKey).toContain("nodes=10.0.0.0/24");
	});
});

describe("connections", () => {
	it("treats clusters declaring the same address space as one VNet: their subnets must not overlap", () => {
		const files = {
			"a.md": note("vnet: 10.5.0.0/16\nnodeSubnet: 10.5.0.0/24"),
			"b.md": note("vnet: 10.5.0.0/16\nnodeSubnet: 10.5.0.0/25"),
			"c.md": note("vnet: 10.5.0.0/16\nnodeSubnet: 10.5.1.0/24"),
		};
		expect(cross(build(files))).toEqual([
			"a.md:3 error cross-note-overlap → b.md:3",
			"b.md:3 error cross-note-overlap → a.md:3",
		]);
	});

	it("takes a peered CIDR covering a network's space as a peering", () => {
		const files = {
			"hub.md": note("kind: network\nvnet: 10.0.0.0/16"),
			"spoke.md": note(
				"vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24\nserviceCidr: 10.0.0.0/16\npeered: [10.0.0.0/8]",
			),
		};
		const reg = build(files);
		expect(cross(reg)).toEqual([
			"hub.md:3 error range-overlap → spoke.md:4",
			"spoke.md:4 error range-overlap → hub.md:3",
		]);
		expect(message(reg, "spoke.md", 4, "range-overlap")).toContain("peered directly");
	});

	it("reports a connected network's peered CIDRs to its clusters, but not a CIDR that names a network", () => {
		const files = {
			"hub.md": note("kind: network\nvnet: 10.0.0.0/16\npeered:\n  onprem: 10.200.0.0/16\n  spoke: 10.1.0.0/16"),
			"spoke.md": note("vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/24\nserviceCidr: 10.200.0.0/24\npeered: [[hub]]"),
		};
		expect(cross(build(files))).toEqual([
			"hub.md:5 error range-overlap → spoke.md:4",
			"spoke.md:4 error range-overlap → hub.md:5",
		]);
	});

	it("leaves out overlaps of unconnected networks when asked, and honours a block's ignore", () => {
		expect(cross(build(VAULT, { reportUnconnected: false })).filter((r) => r.includes("warning cross"))).toEqual(
			[],
		);
		const files = {
			"a.md": note("vnet: 10.5.0.0/16\nnodeSubnet: 10.5.0.0/24\nignore: [cross-note-overlap]"),
			"b.md": note("vnet: 10.5.0.0/17\nnodeSubnet: 10.5.0.0/24"),
		};
		expect(cross(build(files))).toEqual(["b.md:2 warning cross-note-overlap → a.md:2"]);
	});

	it("counts overlaps past ten at one range in one more finding", () => {
		const files: Record<string, string> = { "hub.md": note("kind: network\nvnet: 10.0.0.0/16") };
		for (let i = 0; i < 14; i++)
			files[`c${i}.md`] = note(`vnet: 10.${i + 1}.0.0/16\nnodeSubnet: 10.${i + 1}.0.0/24\npeered: [[hub]]`);
		const hub = build(files).notes.get("hub.md")?.blocks[0]?.cross ?? [];
		expect(hub).toHaveLength(11);
		expect(hub[10]?.message).toContain("…and 4 more overlaps");
	});
});

describe("checking only what changed", () => {
	/** Edits that leave networks and links alone: only the changed blocks are judged again. */
	const EDITS: [string, string, string][] = [
		["clusters/Staging.md", "serviceCidr: 10.200.0.0/16", "serviceCidr: 10.0.5.0/24"],
		["clusters/Staging.md", "nodeSubnet: 10.2.0.0/22", "nodeSubnet: 10.2.0.0/23"],
		["shared/Team A.md", "nodeSubnet: 10.50.0.0/22", "nodeSubnet: 10.50.100.0/25"],
		["shared/Team B.md", "serviceCidr: 10.50.8.0/24", "serviceCidr: 172.16.0.0/16"],
		["clusters/Prod.md", "podCidr: 192.168.0.0/16", "podCidr: 10.200.0.0/16"],
		["labs/Lab two.md", "nodeSubnet: 10.70.0.0/24", "nodeSubnet: 10.70.1.0/24\nserviceCidr: 10.2.0.0/24"],
		["networks/Spoke prod network.md", "  aks-apps: 10.1.4.0/22", "  aks-apps: 10.1.4.0/23\n  extra: 10.0.1.0/24"],
	];

	it("finds what a registry built afresh finds, edit after edit", () => {
		const reg = build();
		const files = { ...VAULT };
		const order = [3, 0, 5, 1, 6, 2, 4, 0, 3];
		for (const n of order) {
			const [path, from, to] = EDITS[n] ?? ["", "", ""];
			const text = files[path] ?? "";
			files[path] = text.includes(from) ? text.replace(from, to) : text.replace(to, from);
			reg.setNote(path, files[path] ?? "");
			reg.check();
			const all = (r: Registry) => r.blocks().map((b) => [b.key, b.cross]);
			expect(all(reg), `after editing ${path}`).toEqual(all(build(files)));
		}
	});
});

describe("adding many notes at once", () => {
	const reversed = Object.entries(VAULT).reverse();

	it("plans clusters after the networks they link, and finds what notes added one by one find", () => {
		const one = new Registry();
		for (const [path, text] of reversed) one.setNote(path, text);
		const many = new Registry();
		setNotes(
			many,
			reversed.map(([path, text]) => ({ path, text })),
		);
		const prod = (r: Registry) => r.notes.get("clusters/Prod.md")?.blocks[0]?.plan;
		const before = [prod(one), prod(many)];
		one.check();
		many.check();
		// Prod was planned before its network came, then again; at once, only with it.
		expect([prod(one) === before[0], prod(many) === before[1]]).toEqual([false, true]);
		expect([...many.notes.keys()]).toEqual([...one.notes.keys()]);
		const all = (r: Registry) => r.blocks().map((b) => [b.key, b.plan, b.cross]);
		expect(all(many)).toEqual(all(one));
	});
});

describe("the check in steps", () => {
	it("finds what the one-shot check finds, in many steps", () => {
		const one = build();
		const reg = new Registry();
		for (const [path, text] of Object.entries(VAULT)) reg.setNote(path, text);
		const steps = reg.checkSteps();
		let count = 0;
		let step = steps.next();
		while (!step.done) {
			count++;
			step = steps.next();
		}
		expect(count).toBeGreaterThan(Object.keys(VAULT).length);
		expect(cross(reg)).toEqual(cross(one));
		expect([...step.value].sort()).toEqual(
			reg
				.blocks()
				.map((b) => b.key)
				.sort(),
		);
	});

	it("sorts thousands of ranges in runs as one stable sort would", () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 300; i++)
			files[`c${i}.md`] = note(
				`vnet: 10.${i % 7}.${i % 5}.0/22\nnodeSubnet: 10.${i % 7}.${i % 5}.0/24\npodCidr: 192.168.0.0/16\nserviceCidr: 172.16.${i % 3}.0/24`,
			);
		const reg = build(files);
		const all = reg.blocks().flatMap((b) => b.items);
		expect(all.length).toBeGreaterThan(1024);
		const sorted = [...all].sort(compareItems);
		expect(reg.checked?.sorted.every((item, i) => item === sorted[i])).toBe(true);
	});
});
