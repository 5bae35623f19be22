/** Growth in words, shared by the block, the Markdown summary and the command line. */
import { groupDigits } from "../../core/numbers";
import type { WhatIfResult } from "../whatif";
import type { ClusterGrowth, LimitRef, PoolGrowth } from "./types";

const RANGE_WORDS: Partial<Record<LimitRef["kind"], string>> = {
	"node-subnet": "node subnet",
	"pod-subnet": "pod subnet",
	"pod-cidr": "pod CIDR",
};

/**
 * A limit as a noun phrase: "the pod CIDR 192.168.0.0/16", "1,000 nodes per pool". `cidr` formats
 * the range (code spans in Markdown); `article` puts "the" before a range.
 */
export function limitText(r: LimitRef, cidr: (text: string) => string = (t) => t, article = true): string {
	if (!r.isRange) return r.range;
	const the = article ? "the " : "";
	if (r.kind === "headroom") return `10% headroom in ${cidr(r.range)}`;
	return `${the}${RANGE_WORDS[r.kind] ?? "range"} ${cidr(r.range)}`;
}

/** "×2.4": a scale with at most two decimals, rounded down (or up: where something breaks). */
export function scaleText(scale: number, up = false): string {
	const hundredths = up ? Math.ceil(scale * 100 - 1e-9) : Math.floor(scale * 100 + 1e-9);
	return `×${hundredths / 100}`;
}

/**
 * One sentence per pool: "apps can grow from 40 to 250 nodes; the pod CIDR 192.168.0.0/16 binds
 * first, then 1,000 nodes per pool."
 */
export function poolSentence(g: PoolGrowth, cidr?: (text: string) => string, name = g.pool): string {
	const over =
		g.alreadyOver.length > 0 ? ` Already over ${g.alreadyOver.map((r) => limitText(r, cidr)).join(" and ")}.` : "";
	if (g.canGrowTo === null || !g.boundBy) return `${name}: no limit left to break.${over}`;
	const then = g.then ? `, then ${limitText(g.then, cidr)} (at ${groupDigits(g.then.canGrowTo)})` : "";
	const growth =
		g.canGrowTo === g.ceiling
			? `${name} cannot grow past ${groupDigits(g.ceiling)} nodes`
			: `${name} can grow from ${groupDigits(g.ceiling)} to ${groupDigits(g.canGrowTo)} nodes`;
	return `${growth}; ${limitText(g.boundBy, cidr)} binds first${then}.${over}`;
}

/** The cluster's sentence: all pools together, in proportion to their ceilings. */
export function clusterSentence(c: ClusterGrowth, cidr?: (text: string) => string): string {
	if (c.canGrowTo === null || !c.boundBy) return "All pools together: no limit left to break.";
	const then = c.then ? `, then ${limitText(c.then, cidr)} (at ${groupDigits(c.then.canGrowTo)} in all)` : "";
	const scale = c.scale === null ? "" : ` (${scaleText(c.scale)})`;
	return `All pools together, in proportion, can grow from ${groupDigits(c.ceilings)} to ${groupDigits(c.canGrowTo)} nodes${scale}; ${limitText(c.boundBy, cidr)} binds first${then}.`;
}

/** What a `whatIf` changes: "every pool ×1.5 (system 3 → 5, apps 40 → 60)". */
export function whatIfChanges(w: WhatIfResult, name: (pool: string) => string = (p) => p): string {
	const pools = w.changes.map((c) => `${name(c.pool)} ${groupDigits(c.from)} → ${groupDigits(c.to)}`).join(", ");
	const lead = w.scale === null ? "" : `every pool ${scaleText(w.scale)}`;
	if (!pools) return lead ? `${lead} (no ceiling changes)` : "no ceiling changes";
	return lead ? `${lead} (${pools})` : pools;
}

/** What breaks first on the way, or that nothing does. */
export function whatIfOutcome(
	w: WhatIfResult,
	cidr?: (text: string) => string,
	name: (pool: string) => string = (p) => p,
): string {
	const first = w.breaksFirst;
	const added = w.newErrors.length;
	const errors = `${groupDigits(added)} new error${added === 1 ? "" : "s"}`;
	if (!first) return added > 0 ? `${errors}, from the lower ceilings.` : "nothing breaks: no new error.";
	const at = first.at.map((x) => `${name(x.pool)} at ${groupDigits(x.ceiling)}`).join(", ");
	const scale = first.scale === null ? "" : ` (${scaleText(first.scale, true)})`;
	return `${limitText(first.limit, cidr)} breaks first, with ${at}${scale}; ${errors}.`;
}
