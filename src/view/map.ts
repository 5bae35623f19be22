/**
 * The address map: each VNet address space as a bar, its subnets to scale with free gaps
 * labelled beneath, pod and service ranges beside it, overlaps marked. Positions are CSS
 * variables set per element; nothing is measured.
 */
import { formatRange, overlaps, sizeOf, type Cidr, type Range } from "../net/address";
import type { PlanResult, SubnetPlan } from "../plan/types";
import { groupDigits } from "../core/numbers";

interface Segment {
	range: Range;
	label: string;
	kind: "node" | "pod" | "other" | "free";
	overlap: boolean;
}

/** `part` addresses as a percent of `whole`, to two decimals. */
function share(part: bigint, whole: Range): string {
	return `${Number((part * 10000n) / sizeOf(whole)) / 100}%`;
}

/** Percent of `whole` at which `value` sits. */
function at(value: bigint, whole: Range): string {
	return share(value - whole.start, whole);
}

function subnetText(s: SubnetPlan): string {
	const role = s.role === "node" ? "nodes" : s.role === "pod" ? "pods" : s.purpose;
	return `${s.name ?? s.cidr.text}${s.name ? ` ${s.cidr.text}` : ""} (${role})`;
}

/** Subnets of one address space in address order, with the free gaps between them. */
function segments(space: Cidr, subnets: SubnetPlan[]): Segment[] {
	const inside = subnets
		.filter((s) => overlaps(s.cidr, space))
		.sort((a, b) => (a.cidr.start < b.cidr.start ? -1 : a.cidr.start > b.cidr.start ? 1 : 0));
	const out: Segment[] = [];
	let cursor = space.start;
	let reach = space.start - 1n;
	inside.forEach((s, i) => {
		const start = s.cidr.start < space.start ? space.start : s.cidr.start;
		const end = s.cidr.end > space.end ? space.end : s.cidr.end;
		if (start > cursor)
			out.push({
				range: { family: space.family, start: cursor, end: start - 1n },
				label: "free",
				kind: "free",
				overlap: false,
			});
		const next = inside[i + 1];
		const overlap = start <= reach || (next !== undefined && next.cidr.start <= end);
		out.push({ range: { family: space.family, start, end }, label: subnetText(s), kind: s.role, overlap });
		if (end > reach) reach = end;
		if (end + 1n > cursor) cursor = end + 1n;
	});
	if (cursor <= space.end)
		out.push({
			range: { family: space.family, start: cursor, end: space.end },
			label: "free",
			kind: "free",
			overlap: false,
		});
	return out;
}

function bar(parent: HTMLElement, title: string, space: Range, segs: Segment[]): void {
	const row = parent.createDiv({ cls: "aks-ip-map-row" });
	row.createDiv({ cls: "aks-ip-map-title", text: title });
	const track = row.createDiv({
		cls: "aks-ip-map-bar",
		attr: {
			role: "img",
			"aria-label": `${title}: ${segs.map((s) => `${formatRange(s.range)} ${s.label}`).join("; ")}`,
		},
	});
	const legend = row.createEl("ol", { cls: "aks-ip-map-legend" });
	for (const s of segs) {
		const cls = `aks-ip-seg is-${s.kind}${s.overlap ? " is-overlap" : ""}`;
		const seg = track.createDiv({ cls });
		seg.setCssProps({
			"--aks-ip-start": at(s.range.start, space),
			"--aks-ip-width": share(sizeOf(s.range), space),
		});
		const li = legend.createEl("li", { cls });
		li.createSpan({ cls: "aks-ip-swatch" });
		li.createSpan({
			text:
				s.kind === "free"
					? `Free ${formatRange(s.range)} (${groupDigits(sizeOf(s.range))} addresses)`
					: s.label,
		});
		if (s.overlap) li.createSpan({ cls: "aks-ip-tag is-bad", text: "overlap" });
	}
}

export function renderMap(parent: HTMLElement, plan: PlanResult): void {
	const map = parent.createDiv({ cls: "aks-ip-map" });
	if (plan.vnet.length === 0) {
		map.createEl("p", { cls: "aks-ip-none", text: "No VNet address space given: the map needs one." });
	}
	for (const v of plan.vnet)
		bar(
			map,
			`VNet ${v.cidr.text}${v.defaulted ? " (AKS-managed default)" : ""}`,
			v.cidr,
			segments(v.cidr, plan.subnets),
		);
	const outside = plan.subnets.filter((s) => !plan.vnet.some((v) => overlaps(v.cidr, s.cidr)));
	const beside = map.createEl("ul", { cls: "aks-ip-map-beside" });
	const subnets = plan.subnets.map((s) => s.cidr);
	const pods = plan.podCidrs.map((c) => c.cidr);
	const services = plan.serviceCidrs.map((c) => c.cidr);
	const peered = plan.peered.map((p) => p.cidr);
	const vnet = plan.vnet.map((v) => v.cidr);
	const where = (r: Range): string =>
		vnet.some((v) => overlaps(v, r)) ? "inside the VNet space" : "outside the VNet";
	// Ranges that must stay apart (the range-overlap rule's pairs), marked as the subnets are.
	for (const c of plan.podCidrs)
		besideItem(
			beside,
			"is-podcidr",
			`Pod CIDR ${c.cidr.text}: ${where(c.cidr)}, ${groupDigits(c.blocks)} node blocks`,
			clash(c.cidr, [subnets, services, peered]),
		);
	for (const c of plan.serviceCidrs)
		besideItem(
			beside,
			"is-service",
			`Service CIDR ${c.cidr.text}: ${where(c.cidr)}`,
			clash(c.cidr, [subnets, pods, peered]),
		);
	for (const p of plan.peered)
		besideItem(
			beside,
			"is-peered",
			`Peered ${p.name === p.cidr.text ? p.cidr.text : `${p.name} ${p.cidr.text}`}`,
			clash(p.cidr, [vnet, pods, services]),
		);
	for (const s of outside)
		beside.createEl("li", { cls: "aks-ip-seg is-overlap", text: `Outside every VNet space: ${subnetText(s)}` });
}

/** True when `range` shares addresses with a range of `groups`. */
function clash(range: Range, groups: Range[][]): boolean {
	return groups.some((group) => group.some((other) => overlaps(other, range)));
}

function besideItem(list: HTMLElement, kind: string, text: string, overlap: boolean): void {
	const li = list.createEl("li", { cls: `aks-ip-seg ${kind}${overlap ? " is-overlap" : ""}`, text });
	if (overlap) li.createSpan({ cls: "aks-ip-tag is-bad", text: "overlap" });
}
