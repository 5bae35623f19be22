/**
 * The rules across notes, run over the whole registry by sorting its ranges once and sweeping
 * (never by comparing every pair of ranges):
 *
 * - `cross-note-overlap`: routed ranges (VNet address spaces, subnets, a network's `ranges`) of
 *   two notes overlap: an error when their networks are connected, else a warning (unless turned
 *   off). Subnets of one VNet are compared subnet by subnet; other networks by their spaces.
 * - `range-overlap`: a cluster's pod or service range overlaps a routed range of a network
 *   connected to the cluster's (peered ranges included): pods could not reach those hosts.
 *   Cluster-private ranges may repeat across clusters.
 * - `unresolved-link`: a link that leads to no block.
 *
 * Each overlap is reported in both blocks, at the line of the range in that block, naming the
 * other note, its range and how the networks connect, with `related` pointing there.
 */
import { formatRange, intersection, sizeOf } from "../net/address";
import { groupDigits } from "../core/numbers";
import { sortFindings, type Finding, type FindingCode, type Severity } from "../core/findings";
import { clip } from "../core/text";
import { compareItems, isPrivate, sweep, sweepBetween, type RangeItem } from "./items";
import { noteRef } from "./links";
import { networkView, viewKey } from "./network-view";
import { pathText, topology, type Connection, type Topology } from "./networks";
import type { Registry, RegistryBlock } from "./registry";

export interface CheckState extends Topology {
	/** Every range of the registry, sorted by address. */
	sorted: RangeItem[];
	/** What each block showed after this check: its findings across notes and its network's view. */
	keys: Map<string, string>;
	/** Blocks whose findings across notes (or network view) changed since the check before. */
	changed: Set<string>;
}

/** At most this many findings across notes per range; the rest are counted in one more. */
const CAP = 10;

type Add = (block: string, f: Finding) => void;

function where(self: RegistryBlock, other: RegistryBlock, line: number): string {
	return other.path === self.path ? `in this note (line ${line})` : `in ${noteRef(other.path)} (line ${line})`;
}

function shared(a: RangeItem, b: RangeItem): string {
	const span = intersection(a.cidr, b.cidr);
	return span ? `${formatRange(span)} (${groupDigits(sizeOf(span))} addresses)` : "";
}

function overlapText(
	self: RangeItem,
	other: RangeItem,
	selfBlock: RegistryBlock,
	otherBlock: RegistryBlock,
	path: string,
	c: Connection,
): string {
	const head = `${self.label} overlaps ${other.label} ${where(selfBlock, otherBlock, other.line)}: they share ${shared(self, other)}`;
	if (c.how === "same") return `${head}, ${path}. Subnets of one VNet never overlap: move or resize one.`;
	if (c.how === "none")
		return `${head}. The networks are not connected, but they would collide the day they are peered: pick disjoint ranges.`;
	return `${head}, and the networks are ${path}. Connected networks need disjoint address spaces (Azure refuses to peer overlapping ones): move one of the ranges.`;
}

function reachText(
	self: RangeItem,
	other: RangeItem,
	selfBlock: RegistryBlock,
	otherBlock: RegistryBlock,
	path: string,
): string {
	if (self.kind === "pod" || self.kind === "service")
		return `${self.label} overlaps ${other.label} ${where(selfBlock, otherBlock, other.line)}, which this cluster reaches (${path}): pods could not reach hosts in ${shared(self, other)}. Pick a range no connected network uses.`;
	return `${self.label} overlaps ${other.label} of cluster ${clip(otherBlock.plan.cluster)} ${where(selfBlock, otherBlock, other.line)}, whose network reaches this one (${path}): its pods could not reach hosts in ${shared(self, other)}. Move the cluster's range.`;
}

function both(
	reg: Registry,
	add: Add,
	code: FindingCode,
	severity: Severity,
	a: RangeItem,
	b: RangeItem,
	text: (x: RangeItem, y: RangeItem, xb: RegistryBlock, yb: RegistryBlock) => string,
): void {
	const ab = reg.block(a.block);
	const bb = reg.block(b.block);
	if (!ab || !bb) return;
	add(a.block, {
		severity,
		code,
		message: text(a, b, ab, bb),
		line: a.line,
		related: { file: bb.path, line: b.line },
	});
	add(b.block, {
		severity,
		code,
		message: text(b, a, bb, ab),
		line: b.line,
		related: { file: ab.path, line: a.line },
	});
}

function isNetwork(reg: Registry, key: string): boolean {
	return reg.block(key)?.plan.kind === "network";
}

function overlapRule(reg: Registry, t: Topology, sorted: RangeItem[], add: Add): void {
	const routed = sorted.filter((i) => i.kind === "vnet" || i.kind === "subnet" || i.kind === "range");
	const unconnected = reg.options.reportUnconnected !== false;
	sweep(routed, (a, b) => {
		if (a.block === b.block) return;
		const na = t.netOf.get(a.block) ?? "";
		const nb = t.netOf.get(b.block) ?? "";
		const c: Connection = na === nb ? { how: "same" } : t.connection(na, nb);
		if (c.how === "same") {
			if (a.kind !== "subnet" || b.kind !== "subnet") return;
			// The same subnet, declared in the network's note and written again by a cluster.
			if (a.cidr.text === b.cidr.text && (isNetwork(reg, a.block) || isNetwork(reg, b.block))) return;
		} else if (!a.top || !b.top || (c.how === "none" && !unconnected)) return;
		const path = pathText(c, t.nets.get(na));
		both(reg, add, "cross-note-overlap", c.how === "none" ? "warning" : "error", a, b, (x, y, xb, yb) =>
			overlapText(x, y, xb, yb, path, c),
		);
	});
}

function reachRule(reg: Registry, t: Topology, sorted: RangeItem[], add: Add): void {
	const list = sorted.filter(
		(i) =>
			isPrivate(i) ||
			i.kind === "vnet" ||
			i.kind === "subnet" ||
			i.kind === "range" ||
			(i.kind === "peered" && !t.naming.has(i)),
	);
	sweepBetween(list, isPrivate, (p, r) => {
		if (p.block === r.block) return;
		const np = t.netOf.get(p.block) ?? "";
		const nr = t.netOf.get(r.block) ?? "";
		// In its own VNet a cluster's ranges meet subnets; other networks are met by their spaces.
		if (np === nr ? r.kind === "vnet" : !r.top) return;
		const c = np === nr ? ({ how: "same" } as const) : t.connection(np, nr);
		if (c.how === "none") return;
		const path = pathText(c, t.nets.get(np));
		both(reg, add, "range-overlap", "error", p, r, (x, y, xb, yb) => reachText(x, y, xb, yb, path));
	});
}

function linkProblem(reg: Registry, target: string | null): string | null {
	if (target === null) return "which names no note";
	const note = reg.notes.get(target);
	if (!note) return "which is outside the registry (not a note, or in a folder it leaves out)";
	return note.blocks.length === 0 ? "a note with no aks-ip block" : null;
}

function linkRule(reg: Registry, blocks: RegistryBlock[], add: Add): void {
	for (const b of blocks) {
		const vnet = b.plan.links.vnet;
		const problem = vnet ? linkProblem(reg, b.vnetTarget) : null;
		if (vnet && problem)
			add(b.key, {
				severity: "warning",
				code: "unresolved-link",
				message: `vnet links [[${clip(vnet.text)}]], ${problem}: the cluster's subnets and ranges cannot be checked against its network. Link a note with a network block, or give the VNet's CIDRs.`,
				line: vnet.line,
			});
		b.plan.links.peered.forEach((p, i) => {
			const why = linkProblem(reg, b.peerTargets[i] ?? null);
			if (why)
				add(b.key, {
					severity: "warning",
					code: "unresolved-link",
					message: `peered links [[${clip(p.link.text)}]], ${why}: overlaps with that network cannot be checked. Link a note with an aks-ip block, or give the peered CIDRs.`,
					line: p.link.line,
				});
		});
	}
}

/** Keeps CAP findings per block line and code, and counts the rest in one more. */
function capped(list: Finding[]): Finding[] {
	const groups = new Map<string, Finding[]>();
	for (const f of list) {
		const key = `${f.line}|${f.code}`;
		const g = groups.get(key);
		if (g) g.push(f);
		else groups.set(key, [f]);
	}
	const out: Finding[] = [];
	for (const g of groups.values()) {
		out.push(...g.slice(0, CAP));
		const rest = g.slice(CAP);
		if (rest.length === 0) continue;
		out.push({
			severity: rest.some((f) => f.severity === "error") ? "error" : (rest[0]?.severity ?? "warning"),
			code: rest[0]?.code ?? "cross-note-overlap",
			message: `…and ${groupDigits(rest.length)} more overlaps with ranges of other notes at this line (aks-ip registry lists every range).`,
			line: rest[0]?.line ?? 1,
		});
	}
	return out;
}

/** Runs the rules across notes and records what each block shows. */
export function checkRegistry(reg: Registry, before: CheckState | null): CheckState {
	const blocks = reg.blocks();
	const sorted: RangeItem[] = [];
	for (const b of blocks) for (const i of b.items) sorted.push(i);
	sorted.sort(compareItems);
	const t = topology(reg, blocks, sorted);
	const found = new Map<string, Finding[]>();
	const add: Add = (block, f) => {
		const list = found.get(block);
		if (list) list.push(f);
		else found.set(block, [f]);
	};
	overlapRule(reg, t, sorted, add);
	reachRule(reg, t, sorted, add);
	linkRule(reg, blocks, add);
	const keys = new Map<string, string>();
	const changed = new Set<string>();
	for (const b of blocks) {
		const ignored = new Set(b.plan.ignore);
		b.cross = sortFindings(capped((found.get(b.key) ?? []).filter((f) => !ignored.has(f.code))));
		const key = `${b.envKey}\u0000${JSON.stringify(b.cross)}${b.plan.kind === "network" ? `\u0000${viewKey(networkView(t, b))}` : ""}`;
		keys.set(b.key, key);
		if (before?.keys.get(b.key) !== key) changed.add(b.key);
	}
	for (const k of before?.keys.keys() ?? []) if (!keys.has(k)) changed.add(k);
	return { ...t, sorted, keys, changed };
}
