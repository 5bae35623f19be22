/**
 * Whether two overlapping ranges of different blocks break a rule across notes, and the words
 * for it in each block:
 *
 * - `cross-note-overlap`: routed ranges (VNet address spaces, subnets, a network's `ranges`) of
 *   two notes overlap: an error when their networks are connected, else a warning (unless turned
 *   off). Subnets of one VNet are compared subnet by subnet; other networks by their spaces.
 * - `range-overlap`: a cluster's pod or service range overlaps a routed range of a network
 *   connected to the cluster's (peered ranges included): pods could not reach those hosts.
 *   Cluster-private ranges may repeat across clusters.
 */
import { formatRange, intersection, sizeOf } from "../net/address";
import { groupDigits } from "../core/numbers";
import type { FindingCode, Severity } from "../core/findings";
import { clip } from "../core/text";
import { isPrivate, type RangeItem } from "./items";
import { noteRef } from "./links";
import { pathText, type Connection, type Topology } from "./networks";
import type { Registry, RegistryBlock } from "./registry";

/** One side of a broken rule: the finding `self`'s block gets, about `other`. */
export interface Pair {
	code: FindingCode;
	severity: Severity;
	self: RangeItem;
	other: RangeItem;
	conn: Connection;
	/** The network of `self`'s block, whose name the words for `conn` may use. */
	net: string;
}

/** What two ranges break, before it is said from either side. */
type Verdict = Omit<Pair, "self" | "other">;

const SAME: Connection = { how: "same" };

function isRouted(i: RangeItem): boolean {
	return i.kind === "vnet" || i.kind === "subnet" || i.kind === "range";
}

function overlapPair(reg: Registry, t: Topology, a: RangeItem, b: RangeItem): Verdict | null {
	const na = t.netOf.get(a.block) ?? "";
	const nb = t.netOf.get(b.block) ?? "";
	// Two spaces of one VNet, or a subnet in its space: nothing to judge.
	if (na === nb && (a.kind !== "subnet" || b.kind !== "subnet")) return null;
	if (na !== nb && (!a.top || !b.top)) return null;
	const conn = na === nb ? SAME : t.connection(na, nb);
	if (conn.how === "same") {
		// The same subnet, declared in the network's note and written again by a cluster.
		const network = reg.block(a.block)?.plan.kind === "network" || reg.block(b.block)?.plan.kind === "network";
		if (a.cidr.text === b.cidr.text && network) return null;
	} else if (conn.how === "none" && reg.options.reportUnconnected === false) return null;
	const severity = conn.how === "none" ? "warning" : "error";
	return { code: "cross-note-overlap", severity, conn, net: na };
}

function reachPair(t: Topology, p: RangeItem, r: RangeItem): Verdict | null {
	if (!isRouted(r) && !(r.kind === "peered" && !t.naming.has(r))) return null;
	const np = t.netOf.get(p.block) ?? "";
	const nr = t.netOf.get(r.block) ?? "";
	// In its own VNet a cluster's ranges meet subnets; other networks are met by their spaces.
	if (np === nr ? r.kind === "vnet" : !r.top) return null;
	const conn = np === nr ? SAME : t.connection(np, nr);
	if (conn.how === "none") return null;
	return { code: "range-overlap", severity: "error", conn, net: np };
}

/** The two sides of the rule two overlapping ranges break, or null when they break none. */
export function judge(reg: Registry, t: Topology, x: RangeItem, y: RangeItem): [Pair, Pair] | null {
	if (x.block === y.block) return null;
	let v: Verdict | null = null;
	if (isRouted(x) && isRouted(y)) v = overlapPair(reg, t, x, y);
	else if (isPrivate(x) !== isPrivate(y)) v = isPrivate(x) ? reachPair(t, x, y) : reachPair(t, y, x);
	if (!v) return null;
	return [
		{ code: v.code, severity: v.severity, conn: v.conn, net: v.net, self: x, other: y },
		{ code: v.code, severity: v.severity, conn: v.conn, net: v.net, self: y, other: x },
	];
}

function where(self: RegistryBlock, other: RegistryBlock, line: number): string {
	return other.path === self.path ? `in this note (line ${line})` : `in ${noteRef(other.path)} (line ${line})`;
}

function shared(a: RangeItem, b: RangeItem): string {
	const span = intersection(a.cidr, b.cidr);
	return span ? `${formatRange(span)} (${groupDigits(sizeOf(span))} addresses)` : "";
}

/** The message `self`'s block shows. */
export function pairMessage(t: Topology, pair: Pair, selfBlock: RegistryBlock, otherBlock: RegistryBlock): string {
	const { self, other, conn } = pair;
	const path = pathText(conn, t.nets.get(pair.net));
	const at = where(selfBlock, otherBlock, other.line);
	if (pair.code === "range-overlap") {
		if (isPrivate(self))
			return `${self.label} overlaps ${other.label} ${at}, which this cluster reaches (${path}): pods could not reach hosts in ${shared(self, other)}. Pick a range no connected network uses.`;
		return `${self.label} overlaps ${other.label} of cluster ${clip(otherBlock.plan.cluster)} ${at}, whose network reaches this one (${path}): its pods could not reach hosts in ${shared(self, other)}. Move the cluster's range.`;
	}
	const head = `${self.label} overlaps ${other.label} ${at}: they share ${shared(self, other)}`;
	if (conn.how === "same") return `${head}, ${path}. Subnets of one VNet never overlap: move or resize one.`;
	if (conn.how === "none")
		return `${head}. The networks are not connected, but they would collide the day they are peered: pick disjoint ranges.`;
	return `${head}, and the networks are ${path}. Connected networks need disjoint address spaces (Azure refuses to peer overlapping ones): move one of the ranges.`;
}
