/** The JSON contract of `aks-ip plan --json` (README, "Command line"). */
import type { Finding } from "../core/findings";
import type { Growth, LimitAt, LimitRef, PoolGrowth } from "./growth/types";
import type { PlanResult, SubnetPlan } from "./types";
import type { WhatIfResult } from "./whatif";

/** 2^53, exact as a double: the README's contract writes larger integers as decimal strings. */
const LIMIT = 2n ** 53n;

/** Integers up to 2^53 as JSON numbers, larger ones (IPv6) as decimal strings. */
export function jsonInt(value: bigint): number | string {
	return value <= LIMIT && value >= -LIMIT ? Number(value) : value.toString();
}

function subnetJson(s: SubnetPlan, withDensity: boolean) {
	const base = {
		cidr: s.cidr.text,
		size: jsonInt(s.size),
		reserved: jsonInt(s.reserved),
		usable: jsonInt(s.usable),
		required: jsonInt(s.required),
		free: jsonInt(s.free),
		pools: [...s.pools],
	};
	return withDensity ? { ...base, requiredAtFullDensity: jsonInt(s.requiredAtFullDensity ?? s.required) } : base;
}

function limitJson(r: LimitRef) {
	return { code: r.code, range: r.range, kind: r.kind };
}

function atJson(r: LimitAt | null) {
	return r ? { ...limitJson(r), canGrowTo: r.canGrowTo } : null;
}

/** A pool's growth: canGrowTo, and boundBy with the limit after it. */
function poolGrowthJson(g: PoolGrowth | undefined) {
	if (!g) return { canGrowTo: null, boundBy: null };
	return {
		canGrowTo: g.canGrowTo,
		boundBy: g.boundBy ? { ...limitJson(g.boundBy), then: atJson(g.then) } : null,
	};
}

function growthJson(growth: Growth | null) {
	if (!growth) return null;
	const c = growth.cluster;
	return {
		ceilings: c.ceilings,
		canGrowTo: c.canGrowTo,
		scale: c.scale,
		nodesAtFullScale: c.nodesAtFullScale,
		poolCeilings: c.poolCeilings.map((p) => ({ name: p.pool, ceiling: p.ceiling })),
		boundBy: c.boundBy ? { ...limitJson(c.boundBy), then: atJson(c.then) } : null,
		sizing: growth.sizing.map((t) => ({
			...limitJson(t.limit),
			unit: t.unit,
			nodesToday: t.nodesToday,
			prefixes: t.rows.map((r) => ({ prefix: r.prefix, capacity: r.capacity, nodes: r.nodes })),
		})),
	};
}

function whatIfJson(w: WhatIfResult | null) {
	if (!w) return null;
	return {
		scale: w.scale,
		pools: w.changes.map((c) => ({ name: c.pool, from: c.from, to: c.to })),
		newErrors: w.newErrors.map((f) => ({ code: f.code, message: f.message, line: f.line })),
		breaksFirst: w.breaksFirst
			? {
					...limitJson(w.breaksFirst.limit),
					pools: w.breaksFirst.at.map((x) => ({ name: x.pool, ceiling: x.ceiling })),
					scale: w.breaksFirst.scale,
				}
			: null,
	};
}

/** A finding in JSON; one found across notes names the other note and line (`related`), one with a proposal its `fix`. */
function findingJson(f: Finding) {
	return {
		severity: f.severity,
		code: f.code,
		message: f.message,
		line: f.line,
		...(f.related ? { related: { file: f.related.file, line: f.related.line } } : {}),
		// A proposal that answers it: the value on `line` (null `from`: a key to add) becomes `to`.
		...(f.fix ? { fix: { line: f.fix.line, from: f.fix.from, to: f.fix.to } } : {}),
	};
}

/** One block in JSON; `findings` defaults to the plan's own (the command line adds those across notes). */
export function blockJson(plan: PlanResult, file: string, findings: Finding[] = plan.findings) {
	return {
		file,
		line: plan.line,
		// Only network blocks say their kind: a cluster's block keeps the documented shape.
		...(plan.kind === "network" ? { kind: "network" as const } : {}),
		model: plan.parsed && plan.kind === "cluster" && plan.modelKnown ? plan.model : null,
		ipFamilies: [...plan.ipFamilies],
		nodeSubnets: plan.nodeSubnets.map((s) => subnetJson(s, false)),
		podSubnets: plan.podSubnets.map((s) => subnetJson(s, true)),
		podCidrs: plan.podCidrs.map((c) => ({
			cidr: c.cidr.text,
			blockPrefix: c.blockPrefix,
			blocks: jsonInt(c.blocks),
			requiredBlocks: jsonInt(c.requiredBlocks),
		})),
		serviceCidrs: plan.serviceCidrs.map((c) => ({
			cidr: c.cidr.text,
			size: jsonInt(c.size),
			dnsServiceIp: c.dnsServiceIp?.text ?? null,
			kubernetesServiceIp: c.kubernetesServiceIp.text,
		})),
		pools: plan.pools.map((p, i) => ({
			name: p.name,
			count: p.count,
			maxCount: p.maxCount,
			maxPods: p.maxPods,
			surge: p.surge,
			nodesAtFullScale: p.nodesAtFullScale,
			nodeSubnet: p.nodeSubnet?.cidr.text ?? null,
			podSubnet: p.podSubnet?.cidr.text ?? null,
			...poolGrowthJson(plan.growth?.pools[i]),
		})),
		loadBalancers: plan.loadBalancers.map((lb) => ({
			name: lb.name,
			type: lb.type,
			ip: lb.ip?.text ?? null,
			subnet: lb.subnet?.cidr.text ?? null,
		})),
		findings: findings.map(findingJson),
		growth: growthJson(plan.growth),
		whatIf: whatIfJson(plan.whatIf),
	};
}

export type BlockJson = ReturnType<typeof blockJson>;
