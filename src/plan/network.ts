/**
 * The plan of a network block (`kind: network`): a VNet that is not a cluster's (a hub, a shared
 * spoke) or other routed space (`ranges`: on-premises, VPN clients, other clouds). Its subnets are
 * sized as a cluster's other subnets are, and the rules that apply to any VNet are run.
 */
import type { Finding } from "../core/findings";
import type { Spec } from "../parse/types";
import { emptyPlan, settleFindings } from "./plan";
import { outsideVnet, rangeOverlap } from "./rules/overlap";
import { reservedRange } from "./rules/reserved";
import type { Rule } from "./rules/rule";
import { subnetSize } from "./rules/subnets";
import { vnetLimit } from "./rules/vnet";
import { SubnetRegistry } from "./subnets";
import type { PlanResult } from "./types";

/** The rules of RULES that concern a VNet rather than a cluster. */
const NETWORK_RULES: readonly Rule[] = [rangeOverlap, outsideVnet, reservedRange, subnetSize, vnetLimit];

export function planNetwork(spec: Spec, parseFindings: Finding[], blockLine: number, firstLine: number): PlanResult {
	const findings = [...parseFindings];
	const subnets = new SubnetRegistry(spec.subnets, (f) => findings.push(f)).list;
	for (const s of subnets) {
		const extra = BigInt(s.extras.reduce((sum, e) => sum + e.count, 0));
		s.required += extra;
		s.requiredWithoutSurge += extra;
		s.free = s.usable - s.required;
	}
	const plan: PlanResult = {
		...emptyPlan(blockLine, []),
		kind: "network",
		parsed: true,
		cluster: spec.cluster?.value ?? "Network",
		clusterDefaulted: spec.cluster === undefined,
		vnet: spec.vnet.map((v) => ({ cidr: v.value, line: v.line, defaulted: false })),
		subnets,
		peered: spec.peered.map((p) => ({ name: p.name, cidr: p.cidr, line: p.line })),
		ranges: spec.ranges.map((p) => ({ name: p.name, cidr: p.cidr, line: p.line })),
		links: { vnet: null, peered: spec.peeredLinks },
		ignore: spec.ignore.map((i) => i.value),
		show: spec.show?.value ?? null,
	};
	if (plan.vnet.length === 0 && plan.ranges.length === 0 && spec.subnets.length === 0) {
		findings.push({
			severity: "warning",
			code: "missing-key",
			message:
				"A network block needs its address space: vnet (a VNet's CIDRs, with its subnets) or ranges (routed ranges such as on-premises).",
			line: spec.kind?.line ?? firstLine,
		});
	}
	for (const rule of NETWORK_RULES) {
		rule.check(plan, spec, (severity, message, line) =>
			findings.push({ severity, code: rule.code, message, line }),
		);
	}
	return settleFindings(plan, findings);
}
