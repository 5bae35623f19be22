/** Spec → plan: resolve the spec, then run every rule. */
import { attachFixes, mayFix, propose } from "../allocate/propose";
import { NO_CONTEXT, type AllocContext } from "../allocate/types";
import { parseSpec } from "../parse/parse";
import { surgeOf } from "../parse/values";
import { capFindings, internalError, sortFindings, type Finding } from "../core/findings";
import type { Spec, Surge } from "../parse/types";
import { usesPodSubnet } from "./model";
import { DEFAULTS, resolve } from "./resolve";
import { computeGrowth } from "./growth/growth";
import { RULES } from "./rules";
import type { NoteLink } from "../parse/types";
import { planNetwork } from "./network";
import { moveToOverlay, type Migration } from "./migration/migration";
import { planWhatIf } from "./whatif";
import type { LinkedVnet, PlanResult, UnsizedSubnetPlan } from "./types";
import { readingKey, type PlanStore } from "./readings";

export interface PlanOptions {
	/** 1-based line of the opening fence in the note; 0 for a bare spec file (the default). */
	fenceLine?: number;
	/** maxSurge for pools when the spec sets none, e.g. "10%" or "1"; invalid text is ignored. */
	defaultMaxSurge?: string;
	/** Ranges of the rest of the estate (the vault registry) that proposals stay clear of. */
	context?: AllocContext;
	/**
	 * fix (the default): proposals answer findings; fill: they also write down every range the
	 * spec leaves to a default ("Fill in missing ranges").
	 */
	proposals?: "fix" | "fill";
	/**
	 * The network a `vnet: [[Note]]` link names, when the caller knows the other notes (the
	 * registry); without it, subnet names the cluster takes from that network are not checked.
	 */
	linkedVnet?: (link: NoteLink) => LinkedVnet | null;
	/**
	 * Plans by reading (see readings.ts): a body read as one planned before with the same options
	 * gets that plan back. A block re-rendered as it is typed into keeps its plan while only a
	 * comment or the layout changes.
	 */
	readings?: PlanStore;
	/**
	 * Only the findings and the ranges: no proposals, growth or migration (findings carry no `fix`).
	 * For a plan that is read once and summed up, as the vault registry does for every note.
	 */
	lean?: boolean;
}

export function emptyPlan(line: number, findings: Finding[]): PlanResult {
	return {
		line,
		kind: "cluster",
		parsed: false,
		cluster: "",
		clusterDefaulted: true,
		model: "azure-cni-overlay",
		modelKnown: true,
		dataplane: null,
		ipFamilies: ["IPv4"],
		outboundType: "loadBalancer",
		vnet: [],
		subnets: [],
		nodeSubnets: [],
		unsizedNodeSubnets: [],
		podSubnets: [],
		podCidrs: [],
		serviceCidrs: [],
		pools: [],
		loadBalancers: [],
		peered: [],
		ranges: [],
		links: { vnet: null, peered: [] },
		ignore: [],
		nodesAtFullScale: 0,
		findings: capFindings(sortFindings(findings)),
		suppressed: [],
		proposals: [],
		show: null,
		growth: null,
		whatIf: null,
	};
}

/** Plans one spec body. Never throws: an internal failure becomes an error finding. */
export function planBody(source: string, options: PlanOptions = {}): PlanResult {
	const fenceLine = options.fenceLine ?? 0;
	const blockLine = Math.max(fenceLine, 1);
	try {
		const parsed = parseSpec(source, fenceLine);
		const spec = parsed.spec;
		if (!spec) return emptyPlan(blockLine, parsed.findings);
		const network = spec.kind?.value === "network";
		const linked = spec.vnetLink && !network ? (options.linkedVnet?.(spec.vnetLink) ?? null) : null;
		const allocate = { context: options.context ?? NO_CONTEXT, mode: options.proposals ?? "fix" };
		const surge = options.defaultMaxSurge;
		const lean = options.lean;
		// A lean plan is not kept by reading: it would answer for a whole one.
		const store = lean ? undefined : options.readings;
		const key = store && readingKey(spec, parsed.findings, [fenceLine, surge ?? null, allocate, linked]);
		const known = key === undefined ? undefined : store?.get(key);
		if (known) return known;
		const plan = network
			? planNetwork(spec, parsed.findings, blockLine, fenceLine + 1)
			: planSpec(
					spec,
					parsed.findings,
					blockLine,
					fenceLine + 1,
					surgeOf(surge),
					lean ? { linked, lean } : { linked, allocate },
				);
		if (key !== undefined) store?.set(key, plan);
		return plan;
	} catch (e) {
		return emptyPlan(blockLine, [internalError("The plan could not be computed", e, fenceLine + 1)]);
	}
}

export function planSpec(
	spec: Spec,
	parseFindings: Finding[],
	blockLine: number,
	firstLine: number,
	defaultSurge?: Surge,
	estate: Estate = {},
): PlanResult {
	// A plan that is only compared with (a what-if's today) needs no proposals.
	const core = (s: Spec, extra: Finding[], shown = true) =>
		planCore(
			s,
			[...parseFindings, ...extra],
			blockLine,
			firstLine,
			defaultSurge,
			shown ? estate : { ...estate, allocate: undefined },
		);
	const { plan, spec: planned } = spec.whatIf ? planWhatIf(spec, core) : { plan: core(spec, []), spec };
	if (estate.lean) return plan;
	// The move is planned only when asked for (it plans a second spec): see migrationOf.
	const routed = estate.allocate?.context.routed ?? [];
	const linked = estate.linked ?? null;
	moves.set(plan, () => moveToOverlay(plan, planned, (body) => planTarget(body, defaultSurge, linked), routed));
	return plan;
}

/** What the rest of the estate tells a plan: the linked network, and what proposals stay clear of. */
interface Estate {
	linked?: LinkedVnet | null;
	allocate?: { context: AllocContext; mode: "fix" | "fill" };
	/** See PlanOptions.lean. */
	lean?: boolean;
}

const moves = new WeakMap<PlanResult, () => Migration>();

/**
 * The move of a plan's cluster to Azure CNI Overlay: preconditions for every model, and for
 * kubenet and Azure CNI node subnet the target block, capacity and command. Computed on first
 * use (the panel, aks-ip migrate) and kept; null for a body that was not read, or a lean plan.
 */
export function migrationOf(plan: PlanResult): Migration | null {
	const make = moves.get(plan);
	if (!make) return null;
	const m = make();
	moves.set(plan, () => m);
	return m;
}

/**
 * A migration's target block, planned as a bare spec (no what-if, no migration of its own), in
 * the network the cluster's `vnet` link names (`linked`: the same note, so the same network; null
 * when it is not known, and then the target's subnet names are not checked either).
 */
function planTarget(body: string, defaultSurge?: Surge, linked: LinkedVnet | null = null): PlanResult {
	const parsed = parseSpec(body, 0);
	if (!parsed.spec) return emptyPlan(1, parsed.findings);
	return planCore(parsed.spec, parsed.findings, 1, 1, defaultSurge, {
		linked: parsed.spec.vnetLink ? linked : null,
	});
}

/** A node subnet declared without a CIDR is reported once, where it is: that finding gets its need. */
function withNeeds(findings: Finding[], unsized: UnsizedSubnetPlan[]): void {
	for (const u of unsized) {
		const f = u.pending && findings.find((x) => x.code === "missing-key" && x.line === u.pending?.line);
		if (f && u.pending) f.message = `${f.message} ${u.pending.text}`;
	}
}

/** The plan of a spec as written: resolve, every rule, then growth. */
function planCore(
	spec: Spec,
	parseFindings: Finding[],
	blockLine: number,
	firstLine: number,
	defaultSurge?: Surge,
	{ linked = null, allocate, lean = false }: Estate = {},
): PlanResult {
	const findings = [...parseFindings];
	const r = resolve(spec, firstLine, (f) => findings.push(f), defaultSurge, linked);
	withNeeds(findings, r.unsizedNodeSubnets);
	const subnets = r.registry.list;
	for (const s of subnets) s.free = s.usable - s.required;
	const vnetLine = spec.vnetLink?.line ?? firstLine;
	const plan: PlanResult = {
		line: blockLine,
		kind: "cluster",
		parsed: true,
		cluster: spec.cluster?.value ?? "AKS cluster",
		clusterDefaulted: spec.cluster === undefined,
		model: r.model,
		// Pools with pod subnets tell the model even without the cluster's network profile.
		modelKnown: !spec.networkUnknown || usesPodSubnet(r.model),
		dataplane: spec.networkDataplane?.value ?? null,
		ipFamilies: r.families.map((f) => (f === 4 ? "IPv4" : "IPv6")),
		// Without the cluster's network profile its egress is not known either.
		outboundType: spec.outboundType?.value ?? (spec.networkUnknown ? "unknown" : "loadBalancer"),
		vnet: r.managedVnet
			? [{ cidr: DEFAULTS.managedVnet, line: firstLine, defaulted: true }]
			: linked
				? linked.spaces.map((cidr) => ({ cidr, line: vnetLine, defaulted: false, from: linked.note }))
				: spec.vnet.map((v) => ({ cidr: v.value, line: v.line, defaulted: false })),
		subnets,
		nodeSubnets: subnets.filter((s) => s.role === "node"),
		unsizedNodeSubnets: r.unsizedNodeSubnets,
		podSubnets: subnets.filter((s) => s.role === "pod"),
		podCidrs: r.podCidrs,
		serviceCidrs: r.serviceCidrs,
		pools: r.pools,
		loadBalancers: r.loadBalancers,
		peered: spec.peered.map((p) => ({ name: p.name, cidr: p.cidr, line: p.line })),
		ranges: [],
		links: { vnet: spec.vnetLink ?? null, peered: spec.peeredLinks },
		ignore: spec.ignore.map((i) => i.value),
		nodesAtFullScale: r.pools.reduce((sum, p) => sum + p.nodesAtFullScale, 0),
		findings: [],
		suppressed: [],
		proposals: [],
		show: spec.show?.value ?? null,
		growth: null,
		whatIf: null,
	};
	for (const rule of RULES) {
		rule.check(plan, spec, (severity, message, line) =>
			findings.push({ severity, code: rule.code, message, line }),
		);
	}
	settleFindings(plan, findings, allocate && (() => proposeFor(plan, spec, allocate)));
	if (!lean) plan.growth = computeGrowth(plan, spec);
	return plan;
}

/** The allocator's proposals, each attached to the findings it answers. */
function proposeFor(plan: PlanResult, spec: Spec, allocate: NonNullable<Estate["allocate"]>): void {
	if (allocate.mode !== "fill" && !mayFix(plan, allocate.context)) return;
	plan.proposals = propose(plan, spec, allocate.context, allocate.mode);
	attachFixes(plan, plan.proposals);
}

/**
 * Sorts the findings and moves those the spec ignores to `suppressed`. `allocate` sees them all,
 * before a flooding code is capped.
 */
export function settleFindings(plan: PlanResult, findings: Finding[], allocate?: () => void): PlanResult {
	const ignored = new Set(plan.ignore);
	const split = (list: Finding[]) => {
		plan.findings = list.filter((f) => !ignored.has(f.code));
		plan.suppressed = list.filter((f) => ignored.has(f.code));
	};
	// Sorted first, so the findings kept of a flooding code are the first by line.
	const sorted = sortFindings(findings);
	if (allocate) {
		split(sorted);
		allocate();
	}
	split(capFindings(sorted));
	return plan;
}
