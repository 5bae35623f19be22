/** What the registry tells others: the inventory, a network's view and an allocator's inputs. */
import { describe, expect, it } from "vitest";
import { Registry } from "../../src/registry/registry";
import { inventory, inventoryCsv, parseFilter, type InventoryFilter } from "../../src/registry/inventory";
import { networkView } from "../../src/registry/network-view";
import { allocationInputs } from "../../src/registry/allocation";
import { VAULT } from "./vault";

const reg = new Registry();
for (const [path, text] of Object.entries(VAULT)) reg.setNote(path, text);
reg.check();

function filter(where?: string, folder?: string): InventoryFilter {
	const f = parseFilter(where, folder);
	if (typeof f === "string") throw new Error(f);
	return f;
}

describe("the inventory", () => {
	it("lists every range in address order with its network, connections and findings", () => {
		const rows = inventory(reg);
		expect(rows[0]).toMatchObject({ range: "10.0.0.0/16", type: "VNet", name: "hub-weu", file: "networks/Hub.md" });
		const hub = rows.find((r) => r.file === "networks/Hub.md" && r.type === "VNet");
		expect(hub?.connected).toEqual([
			"[[On-premises]]",
			"[[Spoke prod network]]",
			"[[Spoke test network]]",
			"[[Staging]]",
		]);
		expect(hub?.findings).toEqual(["error range-overlap"]);
		const service = rows.find((r) => r.file === "clusters/Prod.md" && r.type === "service");
		expect(service).toMatchObject({ range: "10.0.0.0/16", detail: "default", network: "[[Spoke prod network]]" });
		expect(rows.filter((r) => r.type === "on-premises").map((r) => [r.detail, r.range])).toEqual(
			[
				["vpn-clients", "172.20.0.0/22"],
				["dc-paris", "10.200.0.0/16"],
			].sort((a, b) => (a[1] === "10.200.0.0/16" ? -1 : b[1] === "10.200.0.0/16" ? 1 : 0)),
		);
	});

	it("keeps the ranges inside a CIDR, and the notes of a folder", () => {
		expect(inventory(reg, filter("10.50.0.0/16")).map((r) => [r.file, r.range, r.type])).toEqual([
			["shared/Shared.md", "10.50.0.0/16", "VNet"],
			["shared/Team A.md", "10.50.0.0/22", "subnet"],
			["shared/Team B.md", "10.50.2.0/23", "subnet"],
			["shared/Shared.md", "10.50.8.0/24", "subnet"],
			["shared/Team B.md", "10.50.8.0/24", "service"],
			["shared/Shared.md", "10.50.100.0/24", "subnet"],
		]);
		expect(new Set(inventory(reg, filter(undefined, "/labs/")).map((r) => r.file))).toEqual(
			new Set(["labs/Lab one.md", "labs/Lab two.md"]),
		);
		expect(parseFilter("10.0.0.1/8", undefined)).toContain("host bits");
	});

	it("gives each row the findings about its range, not every finding at its line", () => {
		const rows = inventory(reg);
		const at = (file: string, type: string) => rows.filter((r) => r.file === file && r.type === type);
		// Default pod and service ranges share the cluster's first line with "no node pools given".
		for (const file of ["labs/Lab one.md", "labs/Lab two.md", "drafts/Draft.md"])
			for (const type of ["pod", "service"]) expect(at(file, type)[0]?.findings, `${file} ${type}`).toEqual([]);
		// A finding across notes about a default range stays with it.
		expect(at("clusters/Prod.md", "service")[0]?.findings).toEqual(["error range-overlap"]);
		expect(at("shared/Team B.md", "service")[0]?.findings).toEqual([
			"warning service-cidr-in-vnet",
			"error range-overlap",
		]);
	});

	it("matches findings by range where ranges share a line, and keeps a default's own findings", () => {
		const fence = (lines: string[]) => ["```aks-ip", ...lines, "```", ""].join("\n");
		const r = new Registry();
		r.setNote("A.md", fence(["kind: network", "vnet: [10.1.0.0/16, 172.30.0.0/16]"]));
		r.setNote("B.md", fence(["kind: network", "vnet: 10.1.0.0/16"]));
		// The default pod and service CIDRs lie in the VNet written at the block's first line.
		r.setNote("C.md", fence(["vnet: 10.0.0.0/8", "nodeSubnet: 10.1.0.0/24", "count: 3"]));
		r.check();
		const rows = inventory(r);
		const of = (file: string, range: string, type = "VNet") =>
			rows.find((x) => x.file === file && x.range === range && x.type === type)?.findings;
		// 172.30.0.0/16 is reserved by AKS: that finding of the block names it.
		expect(of("A.md", "10.1.0.0/16")).toEqual(["warning cross-note-overlap"]);
		expect(of("A.md", "172.30.0.0/16")).toEqual(["error reserved-range"]);
		expect(of("C.md", "10.0.0.0/8")).toEqual([
			"warning range-overlap",
			"warning service-cidr-in-vnet",
			"warning cross-note-overlap",
		]);
		expect(of("C.md", "10.0.0.0/16", "service")).toEqual(["warning service-cidr-in-vnet"]);
		expect(of("C.md", "10.244.0.0/16", "pod")).toEqual(["warning range-overlap"]);
	});

	it("writes CSV that spreadsheets read as text", () => {
		const csv = inventoryCsv([
			{
				name: "=cmd",
				block: "cluster",
				file: "a, b.md",
				line: 3,
				range: "10.0.0.0/8",
				type: "VNet",
				detail: 'say "hi"',
				network: "[[a, b]]",
				connected: ["x", "y"],
				findings: [],
			},
		]);
		expect(csv).toBe(
			'name,block,file,line,range,type,detail,network,connected,findings\r\n\'=cmd,cluster,"a, b.md",3,10.0.0.0/8,VNet,"say ""hi""","[[a, b]]",x; y,\r\n',
		);
	});
});

describe("a network's view", () => {
	it("lists the clusters in its VNet and those that reach it, and what other notes take in it", () => {
		const shared = reg.notes.get("shared/Shared.md")?.blocks[1];
		const state = reg.checked;
		if (!shared || !state) throw new Error("no block");
		const view = networkView(reg, state, shared);
		expect(view.members.map((m) => [m.name, m.how, m.line])).toEqual([
			["ops-tools", "In this VNet", 5],
			["aks-team-a", "In this VNet", 1],
			["aks-team-b", "In this VNet", 1],
		]);
		expect(view.taken.map((t) => [t.cidr.text, t.owner, t.line])).toEqual([
			["10.50.0.0/22", "aks-team-a", 4],
			["10.50.2.0/23", "aks-team-b", 4],
		]);
		expect([...view.usedBy]).toEqual([["tools", ["ops-tools"]]]);
		const hub = reg.notes.get("networks/Hub.md")?.blocks[0];
		if (!hub) throw new Error("no hub");
		expect(networkView(reg, state, hub).members.map((m) => [m.name, m.how])).toEqual([
			["aks-prod", "Peered"],
			["aks-staging", "Peered"],
		]);
		const onPrem = reg.notes.get("networks/On-premises.md")?.blocks[0];
		if (!onPrem) throw new Error("no on-premises");
		expect(networkView(reg, state, onPrem).members.map((m) => [m.name, m.how])).toEqual([
			["aks-prod", "Peered through [[Hub]]"],
			["aks-staging", "Peered through [[Hub]]"],
		]);
	});
});

describe("what an allocator must avoid", () => {
	it("gives a cluster the routed ranges connected to it and the subnets taken in its VNet", () => {
		const prod = allocationInputs(reg, "clusters/Prod.md", 0);
		expect(prod?.routed.map((r) => [r.cidr.text, r.file])).toEqual([
			["10.0.0.0/16", "networks/Hub.md"],
			["10.1.0.0/16", "networks/Spoke test network.md"],
			["10.2.0.0/16", "clusters/Staging.md"],
			["10.200.0.0/16", "networks/On-premises.md"],
			["172.20.0.0/22", "networks/On-premises.md"],
		]);
		expect(prod?.taken.map((r) => [r.cidr.text, r.line])).toEqual([
			["10.1.0.0/22", 8],
			["10.1.4.0/22", 9],
			["10.1.8.0/24", 10],
		]);
		const teamA = allocationInputs(reg, "shared/Team A.md", 0);
		expect(teamA?.routed).toEqual([]);
		expect(teamA?.taken.map((r) => [r.cidr.text, r.file])).toEqual([
			["10.50.2.0/23", "shared/Team B.md"],
			["10.50.8.0/24", "shared/Shared.md"],
			["10.50.100.0/24", "shared/Shared.md"],
		]);
		expect(allocationInputs(reg, "nowhere.md", 0)).toBeNull();
	});
});

describe("a block being edited", () => {
	it("keeps its findings across notes at the lines of their ranges, and drops those it no longer has", async () => {
		const { crossFindingsFor } = await import("../../src/registry/view");
		const { planSource } = await import("../../src/api");
		const saved = reg.notes.get("clusters/Staging.md")?.blocks[0]?.body ?? "";
		const at = (source: string) =>
			crossFindingsFor(reg, "clusters/Staging.md", source, planSource(source)).map((f) => [f.code, f.line]);
		expect(at(saved)).toEqual([
			["cross-note-overlap", 2],
			["range-overlap", 5],
		]);
		const moved = `# a comment line\n${saved}`;
		expect(at(moved)).toEqual([
			["cross-note-overlap", 3],
			["range-overlap", 6],
		]);
		expect(at(saved.replace("serviceCidr: 10.200.0.0/16", "serviceCidr: 172.16.0.0/16"))).toEqual([
			["cross-note-overlap", 2],
		]);
	});
});
