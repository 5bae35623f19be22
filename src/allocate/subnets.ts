/**
 * Node and pod subnets: which ones move (too small, too little headroom, below Azure's minimum,
 * outside the VNet, or overlapping what cannot move) and which are missing, each sized as the
 * smallest subnet that holds the need at full scale with 10% left (place.ts puts them).
 */
import { contains, type Family } from "../net/address";
import type { FindingCode } from "../core/findings";
import { clip } from "../core/text";
import type { PoolSpec, Purpose, Spec, SubnetRef, SubnetSpec } from "../parse/types";
import type { PlanResult, SubnetPlan } from "../plan/types";
import { Space } from "./free";
import { overlapsAny, reported, vnetSpaces, type Alloc, type Wanted } from "./state";
import type { InsertKey, Proposal } from "./types";

/** Lines of every key whose CIDR names `s`: its `subnets` entry, and pool or load-balancer keys. */
function subnetRefLines(plan: PlanResult, spec: Spec, s: SubnetPlan): number[] {
	const lines = new Set<number>();
	// The registry lists the declared subnets first, in order, less those without a CIDR yet.
	spec.subnets
		.filter((d) => d.cidr !== null)
		.forEach((d, k) => {
			if (plan.subnets[k] === s) lines.add(d.line);
		});
	const add = (ref: SubnetRef | undefined, subnet: SubnetPlan | null) => {
		if (ref?.kind === "cidr" && subnet === s) lines.add(ref.line);
	};
	spec.pools.forEach((sp, i) => {
		const pp = plan.pools[i];
		if (!pp) return;
		add(sp.nodeSubnet ?? spec.nodeSubnet, pp.nodeSubnet);
		add(sp.nodeSubnet ? sp.nodeSubnet6 : (sp.nodeSubnet6 ?? spec.nodeSubnet6), pp.nodeSubnet6);
		add(sp.podSubnet ?? spec.podSubnet, pp.podSubnet);
	});
	spec.loadBalancers.forEach((lb, j) => add(lb.subnet, plan.loadBalancers[j]?.subnet ?? null));
	return [...lines].sort((x, y) => x - y);
}

function dense(s: SubnetPlan): bigint {
	return s.requiredAtFullDensity !== null && s.requiredAtFullDensity > s.required
		? s.requiredAtFullDensity
		: s.required;
}

/** Why a node or pod subnet cannot stay as it is, as the codes of the findings that say so. */
function ownReasons(a: Alloc, s: SubnetPlan, fixed: Space | undefined): FindingCode[] {
	const out: FindingCode[] = [];
	const family = s.cidr.family;
	if ((family === 4 && s.cidr.prefix > 29) || (family === 6 && s.cidr.prefix !== 64)) out.push("subnet-size");
	if (family === 4 && s.required > s.usable)
		out.push(s.role === "pod" ? "pod-subnet-too-small" : "node-subnet-too-small");
	else if (family === 4 && s.required > 0n && (s.usable - s.required) * 10n < s.usable) out.push("low-headroom");
	if (family === 4 && s.required <= s.usable && dense(s) > s.usable) out.push("pod-subnet-full-density");
	if (!vnetSpaces(a, family).some((v) => contains(v, s.cidr))) out.push("outside-vnet");
	if (fixed && !fixed.isFree(s.cidr)) out.push("range-overlap");
	return out;
}

/** Decides which node and pod subnets move (fix mode): each gets a Wanted entry. */
export function chooseMoves(a: Alloc): void {
	if (a.mode !== "fix") return;
	const movable = a.plan.subnets.filter(
		(s) => (s.role === "node" || s.role === "pod") && !s.defaulted && vnetSpaces(a, s.cidr.family).length > 0,
	);
	const isMovable = new Set(movable);
	const others = a.plan.subnets.filter((s) => !isMovable.has(s)).map((s) => s.cidr);
	// Overlaps with subnets that stay are a reason to move. Peered and registry ranges are not: the
	// rules report a VNet overlapping a peered range, not its subnets (new places avoid them all).
	const fixed = new Map<Family, Space>(([4, 6] as const).map((f) => [f, new Space(others, f)]));
	const reasons = new Map<SubnetPlan, Set<FindingCode>>();
	for (const s of movable) {
		const r = ownReasons(a, s, fixed.get(s.cidr.family));
		if (r.length > 0) reasons.set(s, new Set(r));
	}
	// Movable subnets overlapping each other: the one written later moves, unless either moves anyway.
	const sorted = [...movable].sort((x, y) =>
		x.cidr.family !== y.cidr.family ? x.cidr.family - y.cidr.family : x.cidr.start < y.cidr.start ? -1 : 1,
	);
	let kept: SubnetPlan | null = null;
	for (const s of sorted) {
		if (reasons.has(s)) continue;
		if (kept && kept.cidr.family === s.cidr.family && kept.cidr.end >= s.cidr.start) {
			const later: SubnetPlan = s.line >= kept.line ? s : kept;
			reasons.set(later, new Set(["range-overlap"]));
			// The one that moves no longer takes space: the other is the one to compare with.
			if (later === s) continue;
			kept = s;
			continue;
		}
		if (!kept || kept.cidr.family !== s.cidr.family || s.cidr.end > kept.cidr.end) kept = s;
	}
	for (const s of movable)
		if (reasons.has(s) ? subnetSubjects(s).some((x) => reported(a, SUBNET_CODES, x)) : takenElsewhere(a, s))
			a.wanted.push(moved(a, s));
}

/**
 * A subnet that overlaps one another note takes in the same VNet: the registry reports it
 * (cross-note-overlap), not the block's plan, so the registry's ranges are the reason to move.
 */
function takenElsewhere(a: Alloc, s: SubnetPlan): boolean {
	const clash = s.from === undefined && a.context.taken.length > 0 && overlapsAny(s.cidr, a.context.taken);
	if (clash) a.estate.add(s);
	return clash;
}

/** How findings name a subnet: "Node subnet 10.10.0.0/22" or `Subnet "aks" 10.10.0.0/22`. */
function subnetSubjects(s: SubnetPlan): string[] {
	const kind = `${s.role === "pod" ? "pod" : "node"} subnet ${s.cidr.text}`;
	return s.name === null ? [kind] : [kind, `subnet "${s.name}" ${s.cidr.text}`];
}

/** Every finding that names a subnet is answered by moving it. */
const SUBNET_CODES: FindingCode[] = [
	"node-subnet-too-small",
	"pod-subnet-too-small",
	"pod-subnet-full-density",
	"low-headroom",
	"subnet-size",
	"outside-vnet",
	"range-overlap",
];

function moved(a: Alloc, s: SubnetPlan): Wanted {
	const lines = subnetRefLines(a.plan, a.spec, s);
	return {
		subnet: s,
		family: s.cidr.family,
		prefix: 0,
		required: s.required,
		dense: dense(s),
		place: null,
		propose: (place, why): Proposal => ({
			kind: "fix",
			codes: a.estate.has(s) ? [...SUBNET_CODES, "cross-note-overlap"] : [...SUBNET_CODES],
			subjects: subnetSubjects(s),
			line: s.line,
			from: s.cidr.text,
			to: place.text,
			why,
			edits: lines.map((line) => ({ kind: "replace", line, from: s.cidr.text, to: place.text })),
			auto: true,
			active: a.estate.has(s),
		}),
	};
}

function hasRef(spec: Spec, pool: PoolSpec | undefined, key: "nodeSubnet" | "podSubnet"): boolean {
	return pool?.[key] !== undefined || spec[key] !== undefined;
}

/** A subnet to add as a top-level key, for the pools that have none. */
function missing(a: Alloc, key: "nodeSubnet" | "podSubnet"): Wanted | null {
	const { plan, spec } = a;
	if (spec.invalid.has(key) || vnetSpaces(a, 4).length === 0) return null;
	const role = key === "nodeSubnet" ? "node" : "pod";
	const pools = plan.pools.filter(
		(p, i) => (role === "node" ? p.nodeSubnet : p.podSubnet) === null && !hasRef(spec, spec.pools[i], key),
	);
	if (pools.length === 0 || (role === "pod" && !plan.pools.some((p) => p.allocationMode !== null))) return null;
	if (a.mode === "fix" && !reported(a, ["missing-key"], `No ${role} subnet`)) return null;
	let required = 0n;
	let full = 0n;
	for (const p of pools) {
		const per = role === "node" ? p.nodeSubnetIpsPerNode : p.podIpsPerNode;
		const densePer =
			role === "pod" && p.allocationMode === "DynamicIndividual"
				? 16 * Math.ceil(((p.maxPods ?? 0) + 8) / 16)
				: per;
		required += BigInt(p.nodesAtFullScale * per);
		full += BigInt(p.nodesAtFullScale * densePer);
	}
	// The first pool's node subnet holds a private cluster's endpoint (load balancers: frontends.ts).
	if (role === "node" && plan.pools[0] && pools.includes(plan.pools[0]))
		if (spec.privateCluster?.value && !plan.subnets.some((s) => s.purpose === "apiServer")) required += 1n;
	if (full < required) full = required;
	const line = pools[0]?.line ?? plan.line;
	return {
		subnet: null,
		family: 4,
		prefix: 0,
		required,
		dense: full,
		place: null,
		propose: (place, why) => insertProposal(key, [`No ${role} subnet`], line, place.text, why),
		pools: role === "node" ? pools : undefined,
	};
}

function insertProposal(key: InsertKey, subjects: string[], line: number, to: string, why: string): Proposal {
	return {
		kind: "fix",
		codes: ["missing-key"],
		subjects,
		line,
		from: null,
		to,
		why,
		edits: [{ kind: "insert", key, to }],
		auto: true,
		active: false,
	};
}

/** Sizes of special subnets (aks-networking.md section 7), for one written without a CIDR. */
const SPECIAL: Partial<Record<Purpose, number>> = {
	firewall: 26,
	bastion: 26,
	gateway: 27,
	apiServer: 28,
	appGateway: 24,
	appGatewayForContainers: 24,
};

/** Demand of the pools that name `name` as their node or pod subnet. */
function namedDemand(a: Alloc, name: string): { required: bigint; full: bigint } {
	const { plan, spec } = a;
	let required = 0n;
	let full = 0n;
	spec.pools.forEach((sp, i) => {
		const p = plan.pools[i];
		if (!p) return;
		const named = (ref: SubnetRef | undefined) =>
			ref !== undefined && ref.kind !== "cidr" && ref.name.toLowerCase() === name;
		if (named(sp.nodeSubnet ?? spec.nodeSubnet)) required += BigInt(p.nodesAtFullScale * p.nodeSubnetIpsPerNode);
		if (named(sp.podSubnet ?? spec.podSubnet) && p.allocationMode !== null) {
			required += BigInt(p.nodesAtFullScale * p.podIpsPerNode);
			if (p.allocationMode === "DynamicIndividual")
				full += BigInt(p.nodesAtFullScale * 16 * Math.ceil(((p.maxPods ?? 0) + 8) / 16));
		}
	});
	return { required, full: full > required ? full : required };
}

/** An entry of `subnets` written without its CIDR, sized for the pools that name it. */
function pending(a: Alloc, entry: SubnetSpec): Wanted | null {
	const name = entry.name.toLowerCase();
	const { required, full } = namedDemand(a, name);
	const bare = SPECIAL[entry.purpose];
	if ((required === 0n && bare === undefined) || vnetSpaces(a, 4).length === 0) return null;
	const subject = `Subnet "${clip(entry.name)}" has no CIDR`;
	if (a.mode === "fix" && !reported(a, ["missing-key"], subject)) return null;
	return {
		subnet: null,
		family: 4,
		prefix: 0,
		required,
		dense: full,
		bare,
		place: null,
		propose: (place, why) => ({
			...insertProposal("nodeSubnet", [subject], entry.line, place.text, why),
			edits: [{ kind: "fill", name, to: place.text }],
		}),
	};
}

/** Subnets the plan lacks: pools without a node (or pod) subnet, and `subnets` entries without a CIDR. */
export function chooseMissing(a: Alloc): void {
	for (const w of [
		missing(a, "nodeSubnet"),
		missing(a, "podSubnet"),
		...a.spec.subnets.filter((d) => d.cidr === null).map((d) => pending(a, d)),
	])
		if (w) a.wanted.push(w);
}
