import type { Examples, FindingCode, Severity } from "../../core/findings";
import type { Spec } from "../../parse/types";
import type { PlanResult, PoolPlan, SubnetPlan } from "../types";

export type Report = (severity: Severity, message: string, line: number) => void;

/**
 * A rule: one AKS constraint, named after it, with the code of every finding it reports. What it
 * checks and where it comes from is the comment above each rule; the user-facing wording of each
 * code is FINDING_CODES.
 */
export interface Rule {
	code: FindingCode;
	/** Specs that get a finding of `code` (fails) and specs that get none (passes); a test plans them all. */
	examples: Examples;
	check(plan: PlanResult, spec: Spec, report: Report): void;
}

/**
 * The pools of each node (or pod) subnet, in one pass over the pools: filtering the pools once per
 * subnet is quadratic, and a spec of 3,000 pools in 3,000 subnets would take seconds.
 */
export function poolsBySubnet(plan: PlanResult, role: "node" | "pod"): Map<SubnetPlan, PoolPlan[]> {
	const out = new Map<SubnetPlan, PoolPlan[]>();
	for (const p of plan.pools) {
		const s = role === "node" ? p.nodeSubnet : p.podSubnet;
		if (!s) continue;
		const list = out.get(s);
		if (list) list.push(p);
		else out.set(s, [p]);
	}
	return out;
}
