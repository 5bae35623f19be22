/**
 * Links to other notes inside a spec, and the keys that take them. A link is written as Obsidian
 * writes it, `[[Note]]`, `[[Folder/Note]]` or `[[Note|alias]]`: quoted ("[[Hub]]"), or bare as
 * the editor autocompletes it, which YAML reads as a list holding a one-item list.
 */
import { isMap, isScalar, isSeq, type Node } from "yaml";
import type { Cidr } from "../net/address";
import { clip } from "../core/text";
import type { Entry, Reader } from "./reader";
import type { Loc, NoteLink, PeeredSpec, Spec } from "./types";
import { readCidrList } from "./values";

const QUOTED = /^\s*\[\[([^[\]]+)\]\]\s*$/;

/** The parts of a link's inner text ("Folder/Note#Heading|alias"); null when there is no path. */
export function parseLinkText(inner: string, line: number): NoteLink | null {
	const bar = inner.indexOf("|");
	const target = bar >= 0 ? inner.slice(0, bar) : inner;
	const alias = bar >= 0 ? inner.slice(bar + 1).trim() : null;
	const hash = target.indexOf("#");
	const path = (hash >= 0 ? target.slice(0, hash) : target).trim();
	if (path === "") return null;
	return { path, subpath: hash >= 0 ? target.slice(hash + 1).trim() : "", alias: alias || null, text: inner, line };
}

function scalarText(node: Node | null): string | null {
	if (!isScalar(node)) return null;
	const v = node.value;
	return typeof v === "string" || typeof v === "number" || typeof v === "bigint" ? String(v) : null;
}

/** The link a value holds: "[[Note]]" as text, or [[Note]] as YAML reads it; else null. */
function linkOf(r: Reader, node: Node | null, line: number): NoteLink | null {
	const text = scalarText(node);
	if (text !== null) {
		const m = QUOTED.exec(text);
		return m?.[1] ? parseLinkText(m[1], r.line(node, line)) : null;
	}
	if (!isSeq(node) || node.items.length !== 1) return null;
	const inner = r.resolve(node.items[0]);
	if (!isSeq(inner) || inner.items.length !== 1) return null;
	const bare = scalarText(r.resolve(inner.items[0]));
	return bare === null || /[[\]]/.test(bare) ? null : parseLinkText(bare, r.line(node, line));
}

/**
 * `vnet`: CIDRs, or one link to the note of the network whose VNet the cluster lives in. The link
 * goes to `spec.vnetLink`; the CIDRs are returned.
 */
export function readVnet(r: Reader, e: Entry, spec: Spec): Loc<Cidr>[] | undefined {
	const whole = linkOf(r, e.node, e.line);
	if (whole) {
		spec.vnetLink = whole;
		return [];
	}
	const items = r.items(e.node, e.line);
	const links = items.map((item) => linkOf(r, item.node, item.line));
	const first = links.find((l) => l !== null);
	if (first) {
		spec.vnetLink = first;
		if (items.length > 1)
			r.report(
				"error",
				"invalid-value",
				`vnet takes either one link to a network note or address spaces (CIDRs), not both; the link ${clip(`[[${first.text}]]`)} is used.`,
				e.line,
			);
		return [];
	}
	const cidrs = readCidrList(r, e);
	return cidrs.length > 0 ? cidrs : undefined;
}

interface RangesRead {
	cidrs: PeeredSpec[];
	links: { name: string; link: NoteLink }[];
}

/**
 * `peered` (and a network's `ranges`): a list of CIDRs and links, or a map of name to a CIDR, a
 * list of CIDRs, or a link. Links are refused where `allowLinks` is false.
 */
function readRanges(r: Reader, e: Entry, key: string, allowLinks: boolean): RangesRead {
	const out: RangesRead = { cidrs: [], links: [] };
	const take = (name: string, item: Entry): void => {
		const link = linkOf(r, item.node, item.line);
		if (link && allowLinks) {
			out.links.push({ name, link });
			return;
		}
		if (link) {
			r.report(
				"error",
				"invalid-value",
				`${key} takes CIDRs, not links: link other networks under peered.`,
				link.line,
			);
			return;
		}
		const label = name ? `${key === "peered" ? "Peered range" : "Range"} "${clip(name)}"` : key;
		for (const item2 of r.items(item.node, item.line)) {
			const inner = linkOf(r, item2.node, item2.line);
			if (inner && allowLinks) out.links.push({ name, link: inner });
			else
				for (const c of readCidrList(r, { ...item2, key: label }))
					out.cidrs.push({ name: name || c.value.text, line: c.line, cidr: c.value });
		}
	};
	if (isMap(e.node)) {
		for (const item of r.namedEntries(e.node, `in ${key}`)) take(item.key, item);
		return out;
	}
	take("", e);
	return out;
}

/** Keys a network block reads; the others describe a cluster. */
const NETWORK_KEYS = new Set(["kind", "cluster", "vnet", "subnets", "peered", "ranges", "ignore", "show"]);

/** A network block ignores cluster keys, and a cluster has no `ranges`: both said where they stand. */
function checkKindKeys(r: Reader, top: Map<string, Entry>, spec: Spec): void {
	const network = spec.kind?.value === "network";
	for (const [key, e] of top) {
		if (network && !NETWORK_KEYS.has(key))
			r.report(
				"warning",
				"model-mismatch",
				`${e.key} is a cluster key: a network block (kind: network) ignores it. Describe the cluster in a block of its own.`,
				e.line,
			);
		if (!network && key === "ranges")
			r.report(
				"warning",
				"model-mismatch",
				"ranges is for network blocks (kind: network); a cluster lists the ranges it reaches under peered. It is ignored here.",
				e.line,
			);
	}
	if (network && spec.vnetLink) {
		r.report(
			"error",
			"invalid-value",
			`A network block gives its own address space under vnet (CIDRs); link other networks under peered. [[${clip(spec.vnetLink.text)}]] is ignored.`,
			spec.vnetLink.line,
		);
		delete spec.vnetLink;
	}
}

/** `peered` (CIDRs and links), a network's `ranges`, and what each kind of block ignores. */
export function readNetworkKeys(r: Reader, top: Map<string, Entry>, spec: Spec): void {
	const peered = top.get("peered");
	if (peered) {
		const read = readRanges(r, peered, "peered", true);
		spec.peered = read.cidrs;
		spec.peeredLinks = read.links;
	}
	const ranges = top.get("ranges");
	if (ranges) spec.ranges = readRanges(r, ranges, "ranges", false).cidrs;
	checkKindKeys(r, top, spec);
}
