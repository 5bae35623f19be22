/**
 * The ranges a block brings to the registry, each with its kind, its line in the note and the
 * words that name it in messages. IPv4 bounds are kept as numbers too, so sorting and sweeping
 * thousands of ranges compares numbers, not bigints.
 */
import { contains, type Cidr } from "../net/address";
import { usesPodCidr } from "../plan/model";
import { subnetLabel } from "../plan/rules/overlap";
import type { PlanResult } from "../plan/types";

/**
 * vnet, subnet, range (a network's routed `ranges`): the block's own routed space. peered: a
 * range it reaches. pod, service: cluster-private ranges.
 */
export type ItemKind = "vnet" | "subnet" | "range" | "peered" | "pod" | "service";

export interface RangeItem {
	/** Key of the block (see Registry). */
	block: string;
	kind: ItemKind;
	cidr: Cidr;
	line: number;
	label: string;
	defaulted: boolean;
	/** Subnet name, range name or peered name; "" when unnamed. */
	name: string;
	/** Not inside one of the block's VNet address spaces: the range stands for its network. */
	top: boolean;
	/** Sort keys: family, then start ascending and end descending (numbers for IPv4). */
	family: number;
	s: number;
	e: number;
}

function item(
	block: string,
	kind: ItemKind,
	cidr: Cidr,
	line: number,
	label: string,
	name = "",
	defaulted = false,
): RangeItem {
	const v4 = cidr.family === 4;
	return {
		top: true,
		block,
		kind,
		cidr,
		line,
		label,
		defaulted,
		name,
		family: cidr.family,
		s: v4 ? Number(cidr.start) : 0,
		e: v4 ? Number(cidr.end) : 0,
	};
}

function named(what: string, name: string, cidr: Cidr): string {
	return `${what} ${name === "" || name === cidr.text ? cidr.text : `"${name}" ${cidr.text}`}`;
}

/**
 * A block's ranges. Defaulted routed space (an AKS-managed VNet) is left out: it is private to
 * that cluster. Subnets taken from a linked network belong to that network's note.
 */
export function itemsOf(block: string, plan: PlanResult): RangeItem[] {
	if (!plan.parsed) return [];
	const out: RangeItem[] = [];
	for (const v of plan.vnet)
		if (!v.defaulted && v.from === undefined)
			out.push(item(block, "vnet", v.cidr, v.line, `VNet address space ${v.cidr.text}`));
	const spaces = plan.vnet.filter((v) => !v.defaulted).map((v) => v.cidr);
	for (const s of plan.subnets) {
		if (s.defaulted || s.from !== undefined) continue;
		const subnet = item(block, "subnet", s.cidr, s.line, subnetLabel(s), s.name ?? "");
		subnet.top = !spaces.some((v) => contains(v, s.cidr));
		out.push(subnet);
	}
	for (const r of plan.ranges)
		out.push(item(block, "range", r.cidr, r.line, named("Routed range", r.name, r.cidr), r.name));
	for (const p of plan.peered)
		out.push(item(block, "peered", p.cidr, p.line, named("Peered range", p.name, p.cidr), p.name));
	if (plan.kind === "cluster") {
		if (usesPodCidr(plan.model) || plan.model === "none")
			for (const c of plan.podCidrs)
				out.push(
					item(
						block,
						"pod",
						c.cidr,
						c.line,
						`Pod CIDR ${c.cidr.text}${c.defaulted ? " (default)" : ""}`,
						"",
						c.defaulted,
					),
				);
		for (const c of plan.serviceCidrs)
			out.push(
				item(
					block,
					"service",
					c.cidr,
					c.line,
					`Service CIDR ${c.cidr.text}${c.defaulted ? " (default)" : ""}`,
					"",
					c.defaulted,
				),
			);
	}
	return out;
}

/** Orders items by family, then start ascending, then end descending (enclosing ranges first). */
export function compareItems(a: RangeItem, b: RangeItem): number {
	if (a.family !== b.family) return a.family - b.family;
	if (a.family === 4) return a.s - b.s || b.e - a.e;
	if (a.cidr.start !== b.cidr.start) return a.cidr.start < b.cidr.start ? -1 : 1;
	return a.cidr.end === b.cidr.end ? 0 : a.cidr.end > b.cidr.end ? -1 : 1;
}

/** True when `b`, which sorts at or after `a`, still overlaps `a`. */
function reaches(a: RangeItem, b: RangeItem): boolean {
	if (a.family !== b.family) return false;
	return a.family === 4 ? b.s <= a.e : b.cidr.start <= a.cidr.end;
}

export function isPrivate(i: RangeItem): boolean {
	return i.kind === "pod" || i.kind === "service";
}

/** Keeps the items of `active` that still reach `x`, calling `each` on them; returns how many. */
function prune(active: RangeItem[], x: RangeItem, each: (a: RangeItem) => void): void {
	let keep = 0;
	for (const a of active) {
		if (!reaches(a, x)) continue;
		active[keep++] = a;
		each(a);
	}
	active.length = keep;
}

/** Runs steps to the end: the one-shot form of a check that can also run in slices. */
export function drain<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Items a sweep takes between two of its steps. */
const SWEEP_STEP = 512;

/**
 * Every pair of overlapping items of a sorted list, found by one sweep (never by comparing every
 * pair): an item meets only the earlier items that still reach it.
 */
export function sweep(sorted: readonly RangeItem[], found: (earlier: RangeItem, later: RangeItem) => void): void {
	drain(sweepSteps(sorted, found));
}

/** `sweep` in steps, pausing every SWEEP_STEP items. */
export function* sweepSteps(
	sorted: readonly RangeItem[],
	found: (earlier: RangeItem, later: RangeItem) => void,
): Generator<void, void> {
	const active: RangeItem[] = [];
	let n = 0;
	for (const x of sorted) {
		prune(active, x, (a) => found(a, x));
		active.push(x);
		if (++n % SWEEP_STEP === 0) yield;
	}
}

/**
 * The overlapping pairs between two kinds of items of one sorted list (`left` or not), in one
 * sweep; items of the same side never meet, so ranges repeated a thousand times cost nothing.
 */
export function sweepBetween(
	sorted: readonly RangeItem[],
	left: (i: RangeItem) => boolean,
	found: (l: RangeItem, r: RangeItem) => void,
): void {
	drain(sweepBetweenSteps(sorted, left, found));
}

/** `sweepBetween` in steps, pausing every SWEEP_STEP items. */
export function* sweepBetweenSteps(
	sorted: readonly RangeItem[],
	left: (i: RangeItem) => boolean,
	found: (l: RangeItem, r: RangeItem) => void,
): Generator<void, void> {
	const lefts: RangeItem[] = [];
	const rights: RangeItem[] = [];
	let n = 0;
	for (const x of sorted) {
		const isLeft = left(x);
		prune(isLeft ? rights : lefts, x, (a) => (isLeft ? found(x, a) : found(a, x)));
		// The same side is only pruned, for the next item of the other side.
		(isLeft ? lefts : rights).push(x);
		if (++n % SWEEP_STEP === 0) yield;
	}
}

/**
 * For a sorted list, the largest end among each item and those before it of its family: a
 * backward scan from any point can stop where this falls below the start it looks for.
 */
export function endIndex(sorted: readonly RangeItem[]): (number | bigint)[] {
	const out: (number | bigint)[] = [];
	let family = 0;
	let max: number | bigint = 0;
	for (const i of sorted) {
		const end = i.family === 4 ? i.e : i.cidr.end;
		if (i.family !== family) {
			family = i.family;
			max = end;
		} else if (end > max) max = end;
		out.push(max);
	}
	return out;
}

/** Calls `each` for every item of the sorted list that overlaps `x` (x itself included if listed). */
export function overlapping(
	sorted: readonly RangeItem[],
	ends: readonly (number | bigint)[],
	x: RangeItem,
	each: (y: RangeItem) => void,
): void {
	const v4 = x.family === 4;
	const xEnd = v4 ? x.e : x.cidr.end;
	const xStart = v4 ? x.s : x.cidr.start;
	// The first item past x's end: of a later family, or of x's family starting after its end.
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const y = sorted[mid] as RangeItem;
		const after = y.family > x.family || (y.family === x.family && (v4 ? y.s : y.cidr.start) > xEnd);
		if (after) hi = mid;
		else lo = mid + 1;
	}
	for (let i = lo - 1; i >= 0; i--) {
		const y = sorted[i] as RangeItem;
		if (y.family !== x.family || (ends[i] as number | bigint) < xStart) break;
		if ((v4 ? y.e : y.cidr.end) >= xStart) each(y);
	}
}

/** Two sorted runs as one; of equal items, those of `a` first (a stable merge). */
function mergeRuns(a: readonly RangeItem[], b: readonly RangeItem[]): RangeItem[] {
	const out: RangeItem[] = [];
	let j = 0;
	for (const item of a) {
		while (j < b.length && compareItems(b[j] as RangeItem, item) < 0) out.push(b[j++] as RangeItem);
		out.push(item);
	}
	while (j < b.length) out.push(b[j++] as RangeItem);
	return out;
}

/** Items sorted, in steps: runs of SWEEP_STEP sorted apart, then merged two by two (stable). */
function* sortSteps(items: RangeItem[]): Generator<void, RangeItem[]> {
	let runs: RangeItem[][] = [];
	for (let i = 0; i < items.length; i += SWEEP_STEP) {
		runs.push(items.slice(i, i + SWEEP_STEP).sort(compareItems));
		yield;
	}
	while (runs.length > 1) {
		const next: RangeItem[][] = [];
		for (let i = 0; i < runs.length; i += 2) {
			const b = runs[i + 1];
			next.push(b ? mergeRuns(runs[i] as RangeItem[], b) : (runs[i] as RangeItem[]));
		}
		runs = next;
		yield;
	}
	return runs[0] ?? [];
}

/**
 * `sorted` without the `removed` items and with the `added` ones, in order: a merge, not a sort
 * of everything; in steps, as the first check of a vault sorts every range of it.
 */
export function* mergeSortedSteps(
	sorted: readonly RangeItem[],
	removed: ReadonlySet<RangeItem>,
	added: readonly RangeItem[],
): Generator<void, RangeItem[]> {
	const kept = removed.size > 0 ? sorted.filter((i) => !removed.has(i)) : [...sorted];
	const fresh = yield* sortSteps(added.filter((i) => !removed.has(i)));
	if (fresh.length === 0) return kept;
	yield;
	return mergeRuns(kept, fresh);
}
