/**
 * The address map: each VNet address space as a bar, its subnets to scale with free gaps
 * labelled beneath, pod and service ranges beside it, overlaps marked. Positions are CSS
 * variables set per element; nothing is measured.
 */
import { formatRange, overlaps, sizeOf, type Cidr, type Range } from "../net/address";
import type { PlanResult, SubnetPlan } from "../plan/types";
import { groupDigits } from "../core/numbers";
import { drawn } from "./memo";

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

/** One segment as drawn: its classes, place on the bar, and legend text. */
interface SegmentModel {
	cls: string;
	start: string;
	width: string;
	text: string;
	overlap: boolean;
}

/** A range beside the bars; `tag` marks it "overlap". */
interface BesideModel {
	cls: string;
	text: string;
	tag: boolean;
}

interface MapModel {
	bars: { title: string; label: string; segs: SegmentModel[] }[];
	beside: BesideModel[];
}

function barModel(title: string, space: Range, segs: Segment[]): MapModel["bars"][number] {
	return {
		title,
		label: `${title}: ${segs.map((s) => `${formatRange(s.range)} ${s.label}`).join("; ")}`,
		segs: segs.map((s) => ({
			cls: `aks-ip-seg is-${s.kind}${s.overlap ? " is-overlap" : ""}`,
			start: at(s.range.start, space),
			width: share(sizeOf(s.range), space),
			text:
				s.kind === "free"
					? `Free ${formatRange(s.range)} (${groupDigits(sizeOf(s.range))} addresses)`
					: s.label,
			overlap: s.overlap,
		})),
	};
}

function drawBar(parent: HTMLElement, { title, label, segs }: MapModel["bars"][number]): void {
	const row = parent.createDiv({ cls: "aks-ip-map-row" });
	row.createDiv({ cls: "aks-ip-map-title", text: title });
	const track = row.createDiv({ cls: "aks-ip-map-bar", attr: { role: "img", "aria-label": label } });
	const legend = row.createEl("ol", { cls: "aks-ip-map-legend" });
	for (const s of segs) {
		track.createDiv({ cls: s.cls }).setCssProps({ "--aks-ip-start": s.start, "--aks-ip-width": s.width });
		const li = legend.createEl("li", { cls: s.cls });
		li.createSpan({ cls: "aks-ip-swatch" });
		li.createSpan({ text: s.text });
		if (s.overlap) li.createSpan({ cls: "aks-ip-tag is-bad", text: "overlap" });
	}
}

function drawMap(parent: HTMLElement, { bars, beside }: MapModel): HTMLElement {
	const map = parent.createDiv({ cls: "aks-ip-map" });
	if (bars.length === 0) {
		map.createEl("p", { cls: "aks-ip-none", text: "No VNet address space given: the map needs one." });
	}
	for (const b of bars) drawBar(map, b);
	const list = map.createEl("ul", { cls: "aks-ip-map-beside" });
	for (const b of beside) {
		const li = list.createEl("li", { cls: b.cls, text: b.text });
		if (b.tag) li.createSpan({ cls: "aks-ip-tag is-bad", text: "overlap" });
	}
	return map;
}

/** The map of a plan's VNet spaces and the ranges beside them (copied when drawn before: memo.ts). */
export function renderMap(parent: HTMLElement, plan: PlanResult): void {
	const bars = plan.vnet.map((v) =>
		barModel(
			`VNet ${v.cidr.text}${v.defaulted ? " (AKS-managed default)" : ""}`,
			v.cidr,
			segments(v.cidr, plan.subnets),
		),
	);
	const outside = plan.subnets.filter((s) => !plan.vnet.some((v) => overlaps(v.cidr, s.cidr)));
	const subnets = plan.subnets.map((s) => s.cidr);
	const pods = plan.podCidrs.map((c) => c.cidr);
	const services = plan.serviceCidrs.map((c) => c.cidr);
	const peered = plan.peered.map((p) => p.cidr);
	const vnet = plan.vnet.map((v) => v.cidr);
	const where = (r: Range): string =>
		vnet.some((v) => overlaps(v, r)) ? "inside the VNet space" : "outside the VNet";
	const item = (kind: string, text: string, overlap: boolean): BesideModel => ({
		cls: `aks-ip-seg ${kind}${overlap ? " is-overlap" : ""}`,
		text,
		tag: overlap,
	});
	// Ranges that must stay apart (the range-overlap rule's pairs), marked as the subnets are; a
	// subnet outside every space is marked, without the tag.
	const beside = [
		...plan.podCidrs.map((c) =>
			item(
				"is-podcidr",
				`Pod CIDR ${c.cidr.text}: ${where(c.cidr)}, ${groupDigits(c.blocks)} node blocks`,
				clash(c.cidr, [subnets, services, peered]),
			),
		),
		...plan.serviceCidrs.map((c) =>
			item("is-service", `Service CIDR ${c.cidr.text}: ${where(c.cidr)}`, clash(c.cidr, [subnets, pods, peered])),
		),
		...plan.peered.map((p) =>
			item(
				"is-peered",
				`Peered ${p.name === p.cidr.text ? p.cidr.text : `${p.name} ${p.cidr.text}`}`,
				clash(p.cidr, [vnet, pods, services]),
			),
		),
		...outside.map((s) => item("is-overlap", `Outside every VNet space: ${subnetText(s)}`, false)),
	];
	drawn(parent, "map", { bars, beside }, drawMap);
}

/** True when `range` shares addresses with a range of `groups`. */
function clash(range: Range, groups: Range[][]): boolean {
	return groups.some((group) => group.some((other) => overlaps(other, range)));
}
