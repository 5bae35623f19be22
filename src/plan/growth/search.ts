/**
 * How far ceilings can rise under a set of limits. Per pool: each limit gives the largest node
 * count at full scale it allows, and a binary search over the ceiling (surge is a step function of
 * it) finds the ceiling that reaches it. For the cluster: every pool's ceiling is round(ceiling ×
 * s), and a bisection on s finds the first step that breaks a limit, checking all limits at each
 * step in one pass.
 */
import { surgeNodes } from "../model";
import type { PoolPlan } from "../types";
import { demandOf, HARD, refOf, type Limit } from "./limits";
import type { ClusterGrowth, LimitAt, LimitRef, PoolGrowth } from "./types";

/** The ceiling a pool sizes by: maxCount when autoscaling, else count. */
export function ceilingOf(p: PoolPlan): number {
	return p.maxCount ?? p.count;
}

/** Nodes at full scale with ceiling `c`: c plus the pool's surge at c. */
export function nodesAt(p: PoolPlan, c: number): number {
	return c + surgeNodes(p.surgeSetting, c);
}

/** The largest ceiling from `from` up whose nodes at full scale stay within `maxNodes`; HARD when none binds. */
function largestCeiling(p: PoolPlan, from: number, maxNodes: number): number {
	// nodesAt(c) ≥ c, so no ceiling above maxNodes fits.
	let lo = from;
	let hi = Math.min(Math.max(maxNodes, from), HARD);
	if (nodesAt(p, hi) <= maxNodes) return hi;
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (nodesAt(p, mid) <= maxNodes) lo = mid;
		else hi = mid;
	}
	return lo;
}

function byCeiling(a: { at: LimitAt; order: number }, b: { at: LimitAt; order: number }): number {
	return a.at.canGrowTo - b.at.canGrowTo || a.order - b.order;
}

/** Limits with today's demand, and for each pool the limits it counts in: [limit index, weight]. */
interface LimitSet {
	limits: readonly Limit[];
	demand: readonly number[];
	byPool: [number, number][][];
}

export function limitSet(limits: readonly Limit[], pools: readonly PoolPlan[]): LimitSet {
	const nodes = pools.map((p) => p.nodesAtFullScale);
	const byPool: [number, number][][] = pools.map(() => []);
	limits.forEach((l, k) => {
		for (const [i, w] of l.weights) if (w > 0) byPool[i]?.push([k, w]);
	});
	const total = nodes.reduce((a, b) => a + b, 0);
	return { limits, demand: limits.map((l) => demandOf(l, nodes, total)), byPool };
}

/** Each limit on pool `i` with the ceiling it allows, ascending; limits already passed apart. */
function limitsOnPool(p: PoolPlan, on: [number, number][], set: LimitSet): { at: LimitAt[]; over: LimitRef[] } {
	const at: { at: LimitAt; order: number }[] = [];
	const over: LimitRef[] = [];
	for (const [k, w] of on) {
		const l = set.limits[k];
		const demand = set.demand[k] ?? 0;
		if (!l) continue;
		if (demand > l.cap) {
			over.push(refOf(l));
			continue;
		}
		const maxNodes = Math.floor((l.cap - (demand - w * p.nodesAtFullScale)) / w);
		const c = largestCeiling(p, ceilingOf(p), maxNodes);
		if (c < HARD) at.push({ at: { ...refOf(l), canGrowTo: c }, order: k });
	}
	return { at: at.sort(byCeiling).map((x) => x.at), over };
}

export function poolGrowth(i: number, p: PoolPlan, errors: LimitSet, warnings: LimitSet): PoolGrowth {
	const e = limitsOnPool(p, errors.byPool[i] ?? [], errors);
	const w = limitsOnPool(p, warnings.byPool[i] ?? [], warnings);
	const first = e.at[0];
	return {
		pool: p.name,
		ceiling: ceilingOf(p),
		autoscaled: p.maxCount !== null,
		canGrowTo: first?.canGrowTo ?? null,
		boundBy: first ? refOf(first) : null,
		then: e.at[1] ?? null,
		firstWarning: w.at[0] ?? null,
		alreadyOver: e.over,
	};
}

/** Ceilings when every pool grows by `s`: round(ceiling × s), halves up. */
export function scaled(ceilings: readonly number[], s: number): number[] {
	return ceilings.map((c) => Math.floor(c * s + 0.5));
}

/** Indexes of the active limits that nodes at full scale for `ceilings` break. */
function broken(
	pools: readonly PoolPlan[],
	limits: readonly Limit[],
	active: readonly boolean[],
	ceilings: number[],
): number[] {
	const nodes = ceilings.map((c, i) => {
		const p = pools[i];
		return p ? nodesAt(p, c) : 0;
	});
	const total = nodes.reduce((a, b) => a + b, 0);
	const out: number[] = [];
	for (let k = 0; k < limits.length; k++) {
		const l = limits[k];
		if (l && active[k] && demandOf(l, nodes, total) > l.cap) out.push(k);
	}
	return out;
}

interface Break {
	/** Largest step checked that breaks nothing, and the smallest that breaks something. */
	lo: number;
	hi: number;
	limits: number[];
}

/**
 * A path of growth: the ceilings at each step t, and a resolution below which two steps where a
 * ceiling changes are never closer, so a bisection can stop there with one step in between.
 */
export interface Path {
	at: (t: number) => number[];
	resolution: number;
}

const largest = (values: readonly number[]): number => values.reduce((a, b) => Math.max(a, b), 0);

/**
 * Every pool at round(ceiling × s): pool i steps from a to a + 1 at s = (2a + 1) / 2c_i, and two
 * such steps, when they differ, differ by at least 1 / (2 c_i c_j).
 */
export function scalePath(ceilings: readonly number[]): Path {
	const c = Math.max(1, largest(ceilings));
	return { at: (s) => scaled(ceilings, s), resolution: 1 / (4 * c * c) };
}

/**
 * The first step of `path` after `from` that breaks an active limit: up to `to`, or doubling
 * without end until HARD nodes when `to` is null. Null when no step breaks one. Demand only grows
 * along a path, so a bisection finds the step.
 */
export function firstBreak(
	pools: readonly PoolPlan[],
	limits: readonly Limit[],
	active: readonly boolean[],
	path: Path,
	from: number,
	to: number | null,
): Break | null {
	if (!active.some(Boolean)) return null;
	let lo = from;
	let hi = to ?? from * 2;
	let hit = broken(pools, limits, active, path.at(hi));
	while (hit.length === 0) {
		if (to !== null || largest(path.at(hi)) > HARD) return null;
		lo = hi;
		hi *= 2;
		hit = broken(pools, limits, active, path.at(hi));
	}
	while (hi - lo >= path.resolution) {
		const mid = (lo + hi) / 2;
		if (mid <= lo || mid >= hi) break;
		const h = broken(pools, limits, active, path.at(mid));
		if (h.length === 0) lo = mid;
		else {
			hi = mid;
			hit = h;
		}
	}
	return { lo, hi, limits: hit };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * All pools grown together, each in proportion to its ceiling: the largest step with no new
 * error, the limit the next step breaks, and the limit after that (found with the first set aside).
 */
export function clusterGrowth(
	pools: readonly PoolPlan[],
	limits: readonly Limit[],
	demandNow: readonly number[],
): ClusterGrowth {
	const ceilings = pools.map(ceilingOf);
	const active = limits.map((l, k) => (demandNow[k] ?? 0) <= l.cap);
	const total = sum(ceilings);
	const path = scalePath(ceilings);
	const first = total > 0 ? firstBreak(pools, limits, active, path, 1, null) : null;
	const limit = first ? limits[first.limits[0] ?? -1] : undefined;
	if (!first || !limit) {
		const none = { canGrowTo: null, scale: null, nodesAtFullScale: null, boundBy: null, then: null };
		return { ceilings: total, poolCeilings: [], breaksAt: [], ...none };
	}
	const at = scaled(ceilings, first.lo);
	const grown = sum(at);
	for (const k of first.limits) active[k] = false;
	const next = firstBreak(pools, limits, active, path, first.lo, null);
	const nextLimit = next ? limits[next.limits[0] ?? -1] : undefined;
	return {
		ceilings: total,
		canGrowTo: grown,
		scale: total > 0 ? grown / total : null,
		poolCeilings: pools.map((p, i) => ({ pool: p.name, ceiling: at[i] ?? 0 })),
		breaksAt: scaled(ceilings, first.hi),
		nodesAtFullScale: sum(at.map((c, i) => nodesAt(pools[i] as PoolPlan, c))),
		boundBy: refOf(limit),
		then: next && nextLimit ? { ...refOf(nextLimit), canGrowTo: sum(scaled(ceilings, next.lo)) } : null,
	};
}
