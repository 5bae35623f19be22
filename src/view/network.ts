/**
 * A network block (`kind: network`): its address spaces with the free space left once every
 * note's subnets are placed, its subnets (its own and those other notes carve out of it), its
 * findings, an address map, and the clusters of the registry that live in it or reach it, each a
 * link to its note.
 */
import { sizeOf, type Range } from "../net/address";
import { newSubnet } from "../plan/subnets";
import type { PlanResult, SubnetPlan } from "../plan/types";
import type { NetworkView } from "../registry/network-view";
import { noteLink, noteTitle, renderFindings } from "./findings";
import { groupDigits as num, percentOf as pct } from "../core/numbers";
import { renderMap } from "./map";
import type { ViewOptions } from "./render";
import { table } from "./tables";

/** Addresses of `space` that no range of `taken` covers, never enumerating addresses. */
function freeIn(space: Range, taken: readonly Range[]): bigint {
	const inside = taken
		.filter((r) => r.family === space.family && r.start <= space.end && r.end >= space.start)
		.map((r) => ({
			start: r.start < space.start ? space.start : r.start,
			end: r.end > space.end ? space.end : r.end,
		}))
		.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
	let covered = 0n;
	let reach = space.start - 1n;
	for (const r of inside) {
		const start = r.start > reach ? r.start : reach + 1n;
		if (r.end >= start) covered += r.end - start + 1n;
		if (r.end > reach) reach = r.end;
	}
	return sizeOf(space) - covered;
}

/** The subnets other notes declare in this VNet, as subnets of this plan (for the map). */
function takenSubnets(view: NetworkView | null): SubnetPlan[] {
	return (view?.taken ?? []).map((t) =>
		newSubnet(t.cidr, `${t.name || t.cidr.text} (${t.owner})`, "other", "other", t.line),
	);
}

function spacesTable(parent: HTMLElement, plan: PlanResult, taken: SubnetPlan[]): void {
	const subnets = [...plan.subnets, ...taken].map((s) => s.cidr);
	const rows = [
		...plan.vnet.map((v) => {
			const free = freeIn(v.cidr, subnets);
			const count = subnets.filter(
				(s) => s.family === v.cidr.family && s.start >= v.cidr.start && s.end <= v.cidr.end,
			);
			return [
				v.cidr.text,
				"VNet address space",
				num(count.length),
				`${num(free)} (${pct(free, sizeOf(v.cidr))})`,
			];
		}),
		...plan.ranges.map((r) => [r.cidr.text, `Routed range${r.name !== r.cidr.text ? ` "${r.name}"` : ""}`, "", ""]),
		...plan.peered.map((p) => [p.cidr.text, `Peered${p.name !== p.cidr.text ? ` "${p.name}"` : ""}`, "", ""]),
	];
	table(parent, "Address spaces", ["Range", "Kind", "Subnets", "Free addresses"], rows, "aks-ip-spaces");
}

function subnetsTable(parent: HTMLElement, plan: PlanResult, view: NetworkView | null): void {
	const rows = [
		...plan.subnets.map((s) => [
			s.name ?? s.cidr.text,
			s.cidr.text,
			s.purpose,
			`${num(s.usable)} usable`,
			(view?.usedBy.get((s.name ?? "").toLowerCase()) ?? []).join(", "),
			"This note",
		]),
		...(view?.taken ?? []).map((t) => [t.name || t.cidr.text, t.cidr.text, "", "", t.owner, noteTitle(t.path)]),
	];
	if (rows.length === 0) return;
	table(
		parent,
		"Subnets",
		["Subnet", "Range", "Purpose", "Capacity", "Used by", "Declared in"],
		rows,
		"aks-ip-subnets",
	);
}

function members(parent: HTMLElement, view: NetworkView | null): void {
	const section = parent.createDiv({ cls: "aks-ip-section aks-ip-members-section" });
	section.createDiv({ cls: "aks-ip-section-title", text: "Clusters" });
	if (!view) {
		section.createEl("p", { cls: "aks-ip-none", text: "The vault's registry is not built yet." });
		return;
	}
	if (view.members.length === 0) {
		section.createEl("p", {
			cls: "aks-ip-none",
			text: "No cluster of the registry lives in this network or reaches it.",
		});
		return;
	}
	const list = section.createEl("ul", { cls: "aks-ip-members" });
	for (const m of view.members) {
		const li = list.createEl("li");
		noteLink(li, m.path, m.name, m.line);
		li.appendText(`: ${m.how.charAt(0).toLowerCase()}${m.how.slice(1)} (${noteTitle(m.path)})`);
	}
}

export function renderNetwork(
	el: HTMLElement,
	plan: PlanResult,
	options: ViewOptions,
	view: NetworkView | null,
	on: (section: "table" | "findings" | "map") => boolean,
	titled: (el: HTMLElement, title: string, cls: string) => HTMLElement,
): void {
	const taken = takenSubnets(view);
	if (on("table")) {
		const section = el.createDiv({ cls: "aks-ip-section aks-ip-network-section" });
		spacesTable(section, plan, taken);
		subnetsTable(section, plan, view);
	}
	if (on("findings"))
		renderFindings(
			titled(el, "Findings", "aks-ip-findings-section"),
			plan.findings,
			options.showSuppressed ? plan.suppressed : [],
		);
	if (on("map") && plan.vnet.length > 0)
		renderMap(titled(el, "Address map", "aks-ip-map-section"), { ...plan, subnets: [...plan.subnets, ...taken] });
	members(el, view);
}
