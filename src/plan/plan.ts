/** Spec → plan: resolve the spec, then run every rule. */
import { attachFixes, mayFix, propose } from "../allocate/propose";
import { NO_CONTEXT, type AllocContext } from "../allocate/types";
import { errorText } from "../core/text";
import { parseSpec } from "../parse/parse";
import { surgeOf } from "../parse/values";
import { capFindings, sortFindings, type Finding } from "../core/findings";
import type { Spec, Surge } from "../parse/types";
import { usesPodSubnet } from "./model";
import { DEFAULTS, resolve } from "./resolve";
import { RULES } from "./rules";
import type { PlanResult } from "./types";

interface PlanOptions {
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
}

function emptyPlan(line: number, findings: Finding[]): PlanResult {
	return {
		line,
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
		podSubnets: [],
		podCidrs: [],
		serviceCidrs: [],
		pools: [],
		loadBalancers: [],
		peered: [],
		nodesAtFullScale: 0,
		findings: capFindings(sortFindings(findings)),
		suppressed: [],
		proposals: [],
		show: null,
	};
}

/** Plans one spec body. Never throws: an internal failure becomes an error finding. */
export function planBody(source: string, options: PlanOptions = {}): PlanResult {
	const fenceLine = options.fenceLine ?? 0;
	const blockLine = Math.max(fenceLine, 1);
	try {
		const parsed = parseSpec(source, fenceLine);
		if (!parsed.spec) return emptyPlan(blockLine, parsed.findings);
		const allocate = { context: options.context ?? NO_CONTEXT, mode: options.proposals ?? "fix" };
		return planSpec(
			parsed.spec,
			parsed.findings,
			blockLine,
			fenceLine + 1,
			surgeOf(options.defaultMaxSurge),
			allocate,
		);
	} catch (e) {
		const message = errorText(e);
		return emptyPlan(blockLine, [
			{
				severity: "error",
				code: "internal-error",
				message: `The plan could not be computed (${message}). The spec is not at fault: this is a bug in aks-ip; please report it with the block.`,
				line: fenceLine + 1,
			},
		]);
	}
}

export function planSpec(
	spec: Spec,
	parseFindings: Finding[],
	blockLine: number,
	firstLine: number,
	defaultSurge?: Surge,
	allocate?: { context: AllocContext; mode: "fix" | "fill" },
): PlanResult {
	const findings = [...parseFindings];
	const r = resolve(spec, firstLine, (f) => findings.push(f), defaultSurge);
	const subnets = r.registry.list;
	for (const s of subnets) s.free = s.usable - s.required;
	const plan: PlanResult = {
		line: blockLine,
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
			: spec.vnet.map((v) => ({ cidr: v.value, line: v.line, defaulted: false })),
		subnets,
		nodeSubnets: subnets.filter((s) => s.role === "node"),
		podSubnets: subnets.filter((s) => s.role === "pod"),
		podCidrs: r.podCidrs,
		serviceCidrs: r.serviceCidrs,
		pools: r.pools,
		loadBalancers: r.loadBalancers,
		peered: spec.peered.map((p) => ({ name: p.name, cidr: p.cidr, line: p.line })),
		nodesAtFullScale: r.pools.reduce((sum, p) => sum + p.nodesAtFullScale, 0),
		findings: [],
		suppressed: [],
		proposals: [],
		show: spec.show?.value ?? null,
	};
	for (const rule of RULES) {
		rule.check(plan, spec, (severity, message, line) =>
			findings.push({ severity, code: rule.code, message, line }),
		);
	}
	const ignored = new Set(spec.ignore.map((i) => i.value));
	const split = (list: Finding[]) => {
		plan.findings = list.filter((f) => !ignored.has(f.code));
		plan.suppressed = list.filter((f) => ignored.has(f.code));
	};
	// The allocator sees every finding, before a flooding code is capped.
	split(sortFindings(findings));
	if (allocate && (allocate.mode === "fill" || mayFix(plan))) {
		plan.proposals = propose(plan, spec, allocate.context, allocate.mode);
		attachFixes(plan, plan.proposals);
	}
	// Sorted first, so the findings kept of a flooding code are the first by line.
	split(capFindings(sortFindings(findings)));
	return plan;
}
