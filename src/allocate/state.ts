/** The allocator's working state for one plan, and the small helpers its steps share. */
import { bitsOf, overlaps, sizeOf, type Cidr, type Family, type Range } from "../net/address";
import type { Finding, FindingCode } from "../core/findings";
import { groupDigits } from "../core/numbers";
import type { Spec } from "../parse/types";
import type { PlanResult, PodCidrPlan, PoolPlan, ServiceCidrPlan, SubnetPlan } from "../plan/types";
import type { AllocContext, Proposal } from "./types";

/** A subnet the plan needs somewhere in the VNet: a moved one, a missing one, or one without a CIDR. */
export interface Wanted {
	/** The subnet it replaces, when there is one. */
	subnet: SubnetPlan | null;
	family: Family;
	/** Its size, set when it is placed (wantedPrefix). */
	prefix: number;
	/** Demand at full scale, and when every node runs maxPods (pod subnets). */
	required: bigint;
	dense: bigint;
	/** Without demand: the size it gets (a firewall subnet's /26). */
	bare?: number;
	/** Where it goes; null while no room is found. */
	place: Cidr | null;
	/** Builds the proposal once a place is known. */
	propose: (place: Cidr, why: string) => Proposal;
	/** The proposal made, once placed. */
	proposal?: Proposal;
	/** A missing node subnet: the pools it becomes the node subnet of. */
	pools?: PoolPlan[];
}

export interface Alloc {
	plan: PlanResult;
	spec: Spec;
	context: AllocContext;
	/** fix: answer findings, freeing what moves; fill: write down what the spec leaves out. */
	mode: "fix" | "fill";
	proposals: Proposal[];
	/** Subnets that move (their old CIDR is free for others), and the new ones placed. */
	wanted: Wanted[];
	/** Pod and service CIDRs that move (or, filling, are written down), then where to. */
	movingPods: Set<PodCidrPlan>;
	/** Ranges that move because the registry's ranges collide with them (no finding of the plan names them). */
	estate: Set<object>;
	movingServices: Set<ServiceCidrPlan>;
	movedPods: Map<PodCidrPlan, Cidr>;
	movedServices: Map<ServiceCidrPlan, Cidr>;
	/** Defaults written down in fix mode, for a spec that asks for its node subnet (question.ts). */
	fills: Set<PodCidrPlan | ServiceCidrPlan>;
	/** Static load-balancer IPs as they will be, by load balancer index. */
	lbIps: Map<number, bigint>;
	/** The subnet each internal load balancer's frontend will be in, by index (frontends.ts). */
	lbOwners: Map<number, Wanted | SubnetPlan>;
}

export function newAlloc(plan: PlanResult, spec: Spec, context: AllocContext, mode: "fix" | "fill"): Alloc {
	return {
		plan,
		spec,
		context,
		mode,
		proposals: [],
		wanted: [],
		movingPods: new Set(),
		estate: new Set(),
		movingServices: new Set(),
		movedPods: new Map(),
		movedServices: new Map(),
		fills: new Set(),
		lbIps: new Map(),
		lbOwners: new Map(),
	};
}

/** Subnets staying where they are. */
function stayingSubnets(a: Alloc): SubnetPlan[] {
	const moving = new Set(a.wanted.map((w) => w.subnet));
	return a.plan.subnets.filter((s) => !moving.has(s));
}

/** Every subnet as it will be: those that stay, the new places, and where no room was found, the old. */
export function finalSubnets(a: Alloc): Range[] {
	const wanted = a.wanted.flatMap((w) => (w.place ? [w.place] : w.subnet ? [w.subnet.cidr] : []));
	return [...stayingSubnets(a).map((s) => s.cidr), ...wanted];
}

export function finalPods(a: Alloc): Range[] {
	return a.plan.podCidrs.map((c) => a.movedPods.get(c) ?? c.cidr);
}

export function finalServices(a: Alloc): Range[] {
	return a.plan.serviceCidrs.map((c) => a.movedServices.get(c) ?? c.cidr);
}

/** Ranges outside the cluster's VNet that are routed to it: peered ranges and the registry's. */
export function connected(a: Alloc): Range[] {
	return [...a.plan.peered.map((p) => p.cidr), ...a.context.routed, ...a.context.taken];
}

export function vnetSpaces(a: Alloc, family: Family): Cidr[] {
	return a.plan.vnet.filter((v) => !v.defaulted && v.cidr.family === family).map((v) => v.cidr);
}

export function overlapsAny(r: Range, list: readonly Range[]): boolean {
	return list.some((x) => overlaps(x, r));
}

/** Usable addresses of an Azure subnet of `prefix` (IPv4: size less the 5 Azure keeps). */
function usableOf(family: Family, prefix: number): bigint {
	const size = 1n << BigInt(bitsOf(family) - prefix);
	return family === 4 ? (size > 5n ? size - 5n : 0n) : size - 5n;
}

/**
 * The smallest subnet that holds `required` with at least 10% of it left (so the fix raises no
 * low-headroom warning) and `dense` at all (pod subnets at full density): /29 at most for IPv4,
 * exactly /64 for IPv6 (Azure's rules). Null when no subnet is that large.
 */
function subnetPrefix(family: Family, required: bigint, dense: bigint): number | null {
	if (family === 6) return 64;
	for (let p = 29; p >= 1; p--) {
		const usable = usableOf(4, p);
		if (usable >= dense && (usable - required) * 10n >= usable) return p;
	}
	return null;
}

/**
 * The size a wanted subnet gets: the smallest that holds its demand with 10% left; a subnet
 * that moves and was large enough keeps its size, up to twice that (room it was given to grow).
 */
export function wantedPrefix(w: Wanted): number | null {
	if (w.required === 0n && w.dense === 0n && w.bare !== undefined) return w.bare;
	const need = subnetPrefix(w.family, w.required, w.dense > w.required ? w.dense : w.required);
	if (need === null) return null;
	const current = w.subnet?.cidr.prefix;
	return current !== undefined && w.family === 4 && current <= need ? Math.max(current, need - 1) : need;
}

/** "22%": what is left, rounded down to a whole percent. */
export function leftPercent(free: bigint, total: bigint): string {
	return total > 0n ? `${((free * 100n) / total).toString()}%` : "0%";
}

/** "10.10.8.0/21 is free and holds 1,581 with 22% left". */
export function holdsText(place: Cidr, required: bigint): string {
	const usable = place.family === 4 ? usableOf(4, place.prefix) : sizeOf(place) - 5n;
	return `${place.text} is free and holds ${groupDigits(required)} with ${leftPercent(usable - required, usable)} left`;
}

/**
 * True when a finding that `ignore` does not silence, of one of `codes`, names `subject`: only
 * what the plan reports is changed, so every proposal answers a finding the user sees.
 */
export function reported(a: Alloc, codes: readonly FindingCode[], subject: string): boolean {
	return a.plan.findings.some((f) => codes.includes(f.code) && mentions(f, subject));
}

/** Messages in lower case, made once per finding: a plan with hundreds of findings asks often. */
const lowered = new WeakMap<Finding, string>();

function lower(f: Finding): string {
	let text = lowered.get(f);
	if (text === undefined) lowered.set(f, (text = f.message.toLowerCase()));
	return text;
}

/**
 * True when the finding's message names `what` as a whole token (10.0.0.0/2 is not named by
 * 10.0.0.0/24), case aside: "Service CIDR 10.0.0.0/16" and "inside the service CIDR 10.0.0.0/16"
 * name the same range.
 */
export function mentions(f: Finding, what: string): boolean {
	const text = lower(f);
	const subject = what.toLowerCase();
	for (let at = text.indexOf(subject); at >= 0; at = text.indexOf(subject, at + 1)) {
		const before = text.charAt(at - 1);
		const after = text.charAt(at + subject.length);
		const next = text.charAt(at + subject.length + 1);
		// A full stop or colon ends a sentence or a clause, unless an address goes on after it.
		const ends = after === "" || !/[\w/:.]/.test(after) || (/[.:]/.test(after) && !/[\w]/.test(next));
		if (!/[\w.:/]/.test(before) && ends) return true;
	}
	return false;
}
