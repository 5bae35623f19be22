/**
 * Growth of a plan: per pool, the largest ceiling before a new error and the limit that binds;
 * for the cluster, the same with every pool grown in proportion; sizing tables for the ranges
 * that bind. Computed from the plan's own figures, never by re-planning.
 */
import type { Spec } from "../../parse/types";
import type { PlanResult } from "../types";
import { planLimits, type Limit } from "./limits";
import { clusterGrowth, limitSet, poolGrowth } from "./search";
import { sizingTable } from "./sizing";
import type { Growth, LimitRef, SizingTable } from "./types";

const RANGE_KINDS = new Set(["node-subnet", "pod-subnet", "pod-cidr"]);

/** Limits are the same when their kind, range and code are. */
function limitKey(l: LimitRef): string {
	return `${l.kind}\u0000${l.range}\u0000${l.code}`;
}

/**
 * Pools beyond which growth is not computed: ten times the 100 AKS allows (such a plan already
 * has an error), so a hostile spec costs no more than planning it.
 */
const GROWTH_MAX_POOLS = 1000;

export function computeGrowth(plan: PlanResult, spec: Spec): Growth | null {
	if (plan.pools.length > GROWTH_MAX_POOLS) return null;
	const { errors, warnings } = planLimits(plan, spec);
	const e = limitSet(errors, plan.pools);
	const w = limitSet(warnings, plan.pools);
	const pools = plan.pools.map((p, i) => poolGrowth(i, p, e, w));
	const cluster = clusterGrowth(plan.pools, errors, e.demand);
	// Each binding range once, in order of first mention, with its error limit (the first of that
	// kind, range and code): keyed lookups, since a plan may have a thousand pools and limits.
	const firstError = new Map<string, Limit>();
	for (const l of errors) if (!firstError.has(limitKey(l))) firstError.set(limitKey(l), l);
	const binding = new Map<string, LimitRef>();
	for (const r of [...pools.flatMap((p) => [p.boundBy, p.then]), cluster.boundBy, cluster.then]) {
		if (r && RANGE_KINDS.has(r.kind) && !binding.has(limitKey(r))) binding.set(limitKey(r), r);
	}
	const sizing = [...binding.keys()]
		.map((k) => firstError.get(k))
		.map((l) => (l ? sizingTable(l, plan.pools) : null))
		.filter((t): t is SizingTable => t !== null);
	return { pools, cluster, sizing };
}
