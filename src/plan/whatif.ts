/**
 * `whatIf`: plans the spec with other ceilings and says what breaks first. The block then shows
 * the plan as it would be; `whatIf` on the result compares it with today's.
 */
import type { Finding } from "../core/findings";
import { clip } from "../core/text";
import type { Spec } from "../parse/types";
import { withCeilings } from "./ceilings";
import { planLimits, refOf } from "./growth/limits";
import { ceilingOf, firstBreak, limitSet, scalePath, scaled, type Path } from "./growth/search";
import type { LimitRef } from "./growth/types";
import type { PlanResult } from "./types";

export interface WhatIfResult {
	line: number;
	scale: number | null;
	/** The pools whose ceiling changes: today's and the what-if's. */
	changes: { pool: string; from: number; to: number }[];
	/** Today's plan's errors. */
	today: { errors: number };
	/** Errors the what-if plan has that today's has not. */
	newErrors: Finding[];
	/**
	 * The first limit broken on the way from today's ceilings to the what-if's, with the ceilings
	 * of the pools that grow at the step that breaks it (and the scale, for a plain scale).
	 */
	breaksFirst: { limit: LimitRef; at: { pool: string; ceiling: number }[]; scale: number | null } | null;
}

/** Plans a spec; `shown: false` for today's plan, which is only compared with (no proposals). */
type Planner = (spec: Spec, extra: Finding[], shown?: boolean) => PlanResult;

/** Targets by pool index; names the plan lacks become warnings. */
function targets(spec: Spec, today: PlanResult, unknown: Finding[]): (number | undefined)[] {
	const what = spec.whatIf;
	const ceilings = today.pools.map(ceilingOf);
	const out: (number | undefined)[] = what?.scale
		? scaled(ceilings, what.scale.value)
		: ceilings.map(() => undefined);
	for (const p of what?.pools ?? []) {
		const i = today.pools.findIndex((x) => x.name.toLowerCase() === p.name.toLowerCase());
		if (i >= 0) out[i] = p.ceiling;
		else
			unknown.push({
				severity: "warning",
				code: "invalid-value",
				message: `whatIf names pool "${clip(p.name)}", which this plan does not have.`,
				line: p.line,
			});
	}
	return out;
}

function counts(findings: Finding[]): Map<string, Finding[]> {
	const out = new Map<string, Finding[]>();
	for (const f of findings) {
		if (f.severity !== "error") continue;
		const key = `${f.code}@${f.line}`;
		out.set(key, [...(out.get(key) ?? []), f]);
	}
	return out;
}

/** Errors of `after` beyond those of `before`, counted by code and line. */
function errorsAdded(before: PlanResult, after: PlanResult): Finding[] {
	const was = counts(before.findings);
	const out: Finding[] = [];
	for (const [key, list] of counts(after.findings)) out.push(...list.slice(was.get(key)?.length ?? 0));
	return out;
}

/**
 * The path from today's ceilings to `to`, over steps `from` to `end`: a plain scale grows every
 * pool as cluster growth does (s from 1 to the scale); otherwise pools that shrink do so at once
 * and those that grow move in step (t from 0 to 1).
 */
function pathTo(
	today: PlanResult,
	to: (number | undefined)[],
	scale: number | null,
): { path: Path; from: number; end: number } {
	const now = today.pools.map(ceilingOf);
	if (scale !== null && to.every((t, i) => t === scaled([now[i] ?? 0], scale)[0])) {
		return { path: scalePath(now), from: 1, end: scale };
	}
	const goal = now.map((c, i) => to[i] ?? c);
	const delta = Math.max(1, ...goal.map((g, i) => Math.abs(g - (now[i] ?? 0))));
	const at = (t: number) =>
		now.map((c, i) => {
			const g = goal[i] ?? c;
			return g <= c ? g : Math.floor(c + t * (g - c) + 0.5);
		});
	return { path: { at, resolution: 1 / (4 * delta * delta) }, from: 0, end: 1 };
}

function breaksFirst(
	spec: Spec,
	today: PlanResult,
	to: (number | undefined)[],
	scale: number | null,
): WhatIfResult["breaksFirst"] {
	const { errors } = planLimits(today, spec);
	const set = limitSet(errors, today.pools);
	const active = errors.map((l, k) => (set.demand[k] ?? 0) <= l.cap);
	const { path, from, end } = pathTo(today, to, scale);
	const found = end > from ? firstBreak(today.pools, errors, active, path, from, end) : null;
	const limit = found ? errors[found.limits[0] ?? -1] : undefined;
	if (!found || !limit) return null;
	const at = path.at(found.hi);
	const now = today.pools.map(ceilingOf);
	return {
		limit: refOf(limit),
		at: today.pools.map((p, i) => ({ pool: p.name, ceiling: at[i] ?? 0 })).filter((x, i) => x.ceiling !== now[i]),
		scale: from === 1 ? found.hi : null,
	};
}

/** The what-if plan of a spec with `whatIf`, carrying the comparison with today's plan, and the spec it planned. */
export function planWhatIf(spec: Spec, plan: Planner): { plan: PlanResult; spec: Spec } {
	const plain: Spec = { ...spec, whatIf: undefined };
	const today = plan(plain, [], false);
	const unknown: Finding[] = [];
	const to = targets(spec, today, unknown);
	const used = withCeilings(plain, to);
	const result = plan(used, unknown);
	const scale = spec.whatIf?.scale?.value ?? null;
	const changes = today.pools
		.map((p, i) => ({ pool: p.name, from: ceilingOf(p), to: to[i] ?? ceilingOf(p) }))
		.filter((c) => c.from !== c.to);
	result.whatIf = {
		line: spec.whatIf?.line ?? result.line,
		scale,
		changes,
		today: { errors: today.findings.filter((f) => f.severity === "error").length },
		newErrors: errorsAdded(today, result),
		breaksFirst: changes.some((c) => c.to > c.from) ? breaksFirst(plain, today, to, scale) : null,
	};
	return { plan: result, spec: used };
}
