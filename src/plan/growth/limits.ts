/**
 * The plan's limits that depend on node counts, each as a linear constraint
 *   base + Σ weight(pool) × N(pool) ≤ cap,   N(pool) = ceiling + surge(ceiling),
 * and each named after the rule that checks it (its finding code). The rules compare the same
 * numbers (`required`, `usable`, `blocks`, node totals); growth.test.ts re-plans to prove the two
 * agree.
 */
import type { FindingCode, Severity } from "../../core/findings";
import { groupDigits } from "../../core/numbers";
import type { Cidr } from "../../net/address";
import type { Spec } from "../../parse/types";
import { usesPodCidr } from "../model";
import { lowHeadroom, nodeSubnetTooSmall, podCidrTooSmall, podSubnetTooSmall } from "../rules/capacity";
import { nodeLimit, snatPorts } from "../rules/pools";
import type { PlanResult, PoolPlan, SubnetPlan } from "../types";
import type { LimitKind, LimitRef } from "./types";

/** Beyond this, a number of nodes means nothing: a limit that allows more does not bind. */
export const HARD = 1_000_000;

export interface Limit extends LimitRef {
	/** Demand allowed: the limit holds while base + Σ weight × N ≤ cap. */
	cap: number;
	/** Demand that no pool's size changes (load-balancer frontends, extras, other pools' share is not here). */
	base: number;
	/** [pool index, what one node at full scale takes]. */
	weights: [number, number][];
	/** The weight every pool has, when every pool counts alike: demand is then base + it × all nodes. */
	uniform: number | null;
	/** The range, for the sizing table; null for counts. */
	cidr: Cidr | null;
	/** Addresses a range of this kind loses (5 for Azure subnets, 0 for pod CIDRs). */
	reserved: number;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A bigint as a number, capped at 2^53 − 1 (IPv6 sizes): no count of nodes comes near. */
function toNumber(value: bigint): number {
	return value > MAX ? Number.MAX_SAFE_INTEGER : Number(value);
}

function ref(code: FindingCode, severity: Severity, kind: LimitKind, range: string, isRange: boolean): LimitRef {
	return { code, severity, kind, range, isRange };
}

/** Every limit is built here, with its fields in one order: one object shape keeps the search fast. */
function makeLimit(r: LimitRef, cap: number, base: number, weights: [number, number][], cidr: Cidr | null): Limit {
	return {
		code: r.code,
		severity: r.severity,
		kind: r.kind,
		range: r.range,
		isRange: r.isRange,
		cap,
		base,
		weights,
		uniform: null,
		cidr,
		reserved: r.kind === "pod-cidr" || cidr === null ? 0 : 5,
	};
}

/** Demand of pools at today's size. */
function poolDemand(weights: [number, number][], pools: readonly PoolPlan[]): number {
	return weights.reduce((sum, [i, w]) => sum + w * (pools[i]?.nodesAtFullScale ?? 0), 0);
}

/** A range's limit: `demandNow` is the plan's own figure, so `base` is what pools do not take. */
function rangeLimit(
	r: LimitRef,
	cidr: Cidr,
	cap: bigint,
	demandNow: bigint,
	weights: [number, number][],
	pools: readonly PoolPlan[],
): Limit {
	return makeLimit(r, toNumber(cap), toNumber(demandNow) - poolDemand(weights, pools), weights, cidr);
}

/** Ten percent headroom: the low-headroom rule is quiet while free × 10 ≥ capacity, i.e. need ≤ 0.9 × capacity. */
function headroomCap(capacity: bigint): bigint {
	return (capacity * 9n) / 10n;
}

/** The weights of each subnet's pools, [pool index, addresses per node], in one pass over the pools. */
function subnetWeights(pools: readonly PoolPlan[]): {
	node: Map<SubnetPlan, [number, number][]>;
	pod: Map<SubnetPlan, [number, number][]>;
} {
	const node = new Map<SubnetPlan, [number, number][]>();
	const pod = new Map<SubnetPlan, [number, number][]>();
	const add = (map: Map<SubnetPlan, [number, number][]>, s: SubnetPlan | null, entry: [number, number]): void => {
		if (!s) return;
		const list = map.get(s);
		if (list) list.push(entry);
		else map.set(s, [entry]);
	};
	pools.forEach((p, i) => {
		add(node, p.nodeSubnet, [i, p.nodeSubnetIpsPerNode]);
		if (p.nodeSubnet6 !== p.nodeSubnet) add(node, p.nodeSubnet6, [i, 1]);
		add(pod, p.podSubnet, [i, p.podIpsPerNode]);
	});
	return { node, pod };
}

function subnetLimits(
	s: SubnetPlan,
	weightsOf: ReturnType<typeof subnetWeights>,
	pools: readonly PoolPlan[],
	errors: Limit[],
	warnings: Limit[],
): void {
	const role = s.role === "pod" ? "pod" : "node";
	const weights = weightsOf[role].get(s) ?? [];
	if (weights.length === 0) return;
	const code = role === "pod" ? podSubnetTooSmall.code : nodeSubnetTooSmall.code;
	const kind = role === "pod" ? "pod-subnet" : "node-subnet";
	errors.push(rangeLimit(ref(code, "error", kind, s.cidr.text, true), s.cidr, s.usable, s.required, weights, pools));
	const headroom = ref(lowHeadroom.code, "warning", "headroom", s.cidr.text, true);
	warnings.push(rangeLimit(headroom, s.cidr, headroomCap(s.usable), s.required, weights, pools));
}

function everyPool(pools: readonly PoolPlan[], weight: (p: PoolPlan) => number): [number, number][] {
	return pools.map((p, i): [number, number] => [i, weight(p)]).filter(([, w]) => w > 0);
}

function countLimit(r: LimitRef, cap: number, weights: [number, number][]): Limit {
	return makeLimit(r, cap, 0, weights, null);
}

function nodeLimits(plan: PlanResult, errors: Limit[]): void {
	const all = everyPool(plan.pools, () => 1);
	plan.pools.forEach((_, i) =>
		errors.push(
			countLimit(ref(nodeLimit.code, "error", "pool-nodes", "1,000 nodes per pool", false), 1000, [[i, 1]]),
		),
	);
	if (plan.model === "kubenet")
		errors.push(
			countLimit(ref(nodeLimit.code, "error", "kubenet-nodes", "400 nodes per kubenet cluster", false), 400, all),
		);
	errors.push(countLimit(ref(nodeLimit.code, "error", "cluster-nodes", "5,000 nodes per cluster", false), 5000, all));
}

/** Load-balancer egress with fixed ports per node serves floor(64,000 / ports) × IPs nodes. */
function snatLimit(plan: PlanResult, spec: Spec, errors: Limit[]): void {
	if (plan.outboundType !== "loadBalancer") return;
	const ports = spec.allocatedOutboundPorts?.value ?? 0;
	if (ports <= 0) return;
	const ips = spec.outboundIps?.value ?? 1;
	const served = Math.floor(64_000 / ports) * ips;
	const words = `SNAT ports for ${groupDigits(served)} nodes (${groupDigits(ports)} per node, ${ips} outbound IP${ips === 1 ? "" : "s"})`;
	errors.push(
		countLimit(
			ref(snatPorts.code, "error", "snat-ports", words, false),
			served,
			everyPool(plan.pools, () => 1),
		),
	);
}

/**
 * Every node-count limit of the plan, errors first, each group in the order the rules run (the
 * order ties are broken in). Limits whose code the spec ignores are left out: their findings
 * would be silenced, so they never add an error.
 */
export function planLimits(plan: PlanResult, spec: Spec): { errors: Limit[]; warnings: Limit[] } {
	const errors: Limit[] = [];
	const warnings: Limit[] = [];
	const weightsOf = subnetWeights(plan.pools);
	for (const s of plan.nodeSubnets) subnetLimits(s, weightsOf, plan.pools, errors, warnings);
	for (const s of plan.podSubnets) subnetLimits(s, weightsOf, plan.pools, errors, warnings);
	if (usesPodCidr(plan.model)) {
		const all = everyPool(plan.pools, () => 1);
		for (const c of plan.podCidrs) {
			const r = ref(podCidrTooSmall.code, "error", "pod-cidr", c.cidr.text, true);
			errors.push(rangeLimit(r, c.cidr, c.blocks, c.requiredBlocks, all, plan.pools));
			const h = ref(lowHeadroom.code, "warning", "headroom", c.cidr.text, true);
			warnings.push(rangeLimit(h, c.cidr, headroomCap(c.blocks), c.requiredBlocks, all, plan.pools));
		}
	}
	nodeLimits(plan, errors);
	snatLimit(plan, spec, errors);
	const ignored = new Set(spec.ignore.map((i) => i.value));
	const keep = (l: Limit) => !ignored.has(l.code);
	const count = plan.pools.length;
	for (const l of [...errors, ...warnings]) {
		const w = l.weights[0]?.[1];
		if (l.weights.length === count && w !== undefined && l.weights.every(([, x]) => x === w)) l.uniform = w;
	}
	return { errors: errors.filter(keep), warnings: warnings.filter(keep) };
}

/** The limit's demand for nodes at full scale `nodes` (by pool index), whose sum is `total`. */
export function demandOf(limit: Limit, nodes: readonly number[], total: number): number {
	if (limit.uniform !== null) return limit.base + limit.uniform * total;
	let sum = limit.base;
	const weights = limit.weights;
	for (let k = 0; k < weights.length; k++) {
		const entry = weights[k];
		if (entry) sum += entry[1] * (nodes[entry[0]] ?? 0);
	}
	return sum;
}

export function refOf(l: LimitRef): LimitRef {
	return { code: l.code, severity: l.severity, kind: l.kind, range: l.range, isRange: l.isRange };
}
