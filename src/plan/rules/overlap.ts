/**
 * Ranges that must be disjoint. One sweep over all ranges sorted by start finds, for every range,
 * an earlier range it overlaps, without comparing every pair.
 */
import { contains, formatRange, intersection, overlaps, sizeOf, type Range } from "../../net/address";
import type { PlanResult, SubnetPlan, VnetSpace } from "../types";
import { groupDigits } from "../../core/numbers";
import type { Report, Rule } from "./rule";

type Group = "vnet" | "subnet" | "pod" | "service" | "peered";

interface Item {
	group: Group;
	range: Range;
	label: string;
	line: number;
	defaulted: boolean;
}

/** Which groups each group must stay clear of. */
const CONFLICTS: Record<Group, Group[]> = {
	vnet: ["vnet", "peered"],
	subnet: ["subnet", "pod", "service", "peered"],
	pod: ["subnet", "peered", "service"],
	service: ["subnet", "peered", "pod"],
	peered: ["vnet", "subnet", "pod", "service"],
};

function advice(a: Group, b: Group): string {
	const pair = [a, b].sort().join("+");
	switch (pair) {
		case "subnet+subnet":
			return "Subnets of a VNet never overlap: move or resize one.";
		case "vnet+vnet":
			return "A VNet's address spaces must not overlap.";
		case "peered+subnet":
			return "Peered networks need address spaces disjoint from this VNet's subnets: traffic to the shared span cannot be routed. Move the subnet or correct the peered range.";
		case "peered+vnet":
			return "Peering needs disjoint address spaces: traffic to the shared span cannot be routed.";
		case "pod+subnet":
			return "The pod CIDR must stay clear of the cluster's subnets: pick another private range.";
		case "service+subnet":
			return "AKS refuses this (ServiceCidrOverlapExistingSubnetsCidr): pick a service range used nowhere in the VNet.";
		case "peered+pod":
		case "peered+service":
			return "Pods could not reach hosts in the shared span (the traffic stays in the cluster): pick a range no connected network uses.";
		default:
			return "Pod and service ranges must be disjoint.";
	}
}

export function subnetLabel(s: SubnetPlan): string {
	const kind = s.role === "node" ? "Node subnet" : s.role === "pod" ? "Pod subnet" : "Subnet";
	const name = s.name !== null ? ` "${s.name}"` : "";
	const pools =
		s.role !== "other" && s.pools.length > 0
			? ` (${s.pools.length > 1 ? "pools" : "pool"} ${s.pools.slice(0, 3).join(", ")}${s.pools.length > 3 ? ", …" : ""})`
			: "";
	return `${kind}${name} ${s.cidr.text}${pools}${s.defaulted ? " (default)" : ""}`;
}

function collectRanges(plan: PlanResult): Item[] {
	const items: Item[] = [];
	for (const v of plan.vnet)
		items.push({
			group: "vnet",
			range: v.cidr,
			label: `VNet address space ${v.cidr.text}`,
			line: v.line,
			defaulted: v.defaulted,
		});
	for (const s of plan.subnets)
		items.push({ group: "subnet", range: s.cidr, label: subnetLabel(s), line: s.line, defaulted: s.defaulted });
	for (const c of plan.podCidrs)
		items.push({
			group: "pod",
			range: c.cidr,
			label: `Pod CIDR ${c.cidr.text}${c.defaulted ? " (default)" : ""}`,
			line: c.line,
			defaulted: c.defaulted,
		});
	for (const c of plan.serviceCidrs)
		items.push({
			group: "service",
			range: c.cidr,
			label: `Service CIDR ${c.cidr.text}${c.defaulted ? " (default)" : ""}`,
			line: c.line,
			defaulted: c.defaulted,
		});
	for (const p of plan.peered)
		items.push({
			group: "peered",
			range: p.cidr,
			label: `Peered range ${p.name === p.cidr.text ? p.cidr.text : `"${p.name}" ${p.cidr.text}`}`,
			line: p.line,
			defaulted: false,
		});
	// A network's routed ranges stay clear of its VNet as peered ranges do.
	for (const p of plan.ranges)
		items.push({
			group: "peered",
			range: p.cidr,
			label: `Routed range ${p.name === p.cidr.text ? p.cidr.text : `"${p.name}" ${p.cidr.text}`}`,
			line: p.line,
			defaulted: false,
		});
	return items;
}

/** Which side of a clash a finding points at: the range a user would most likely move. */
const MOVABLE: Record<Group, number> = { service: 0, pod: 1, subnet: 2, vnet: 3, peered: 4 };

function reportPair(a: Item, b: Item, report: Report, vnet: readonly VnetSpace[]): void {
	const shared = intersection(a.range, b.range);
	if (!shared) return;
	// A subnet inside a VNet space that clashes with a peered range: the VNet finding says it already.
	const pair = a.group === "peered" ? b.group : b.group === "peered" ? a.group : null;
	if (pair === "subnet" && vnet.some((v) => overlaps(v.cidr, shared))) return;
	let [first, second] = MOVABLE[a.group] < MOVABLE[b.group] ? [a, b] : [b, a];
	if (first.defaulted && !second.defaulted) [first, second] = [second, first];
	const line = first.line;
	report(
		"error",
		`${b.label} overlaps ${a.label}: they share ${formatRange(shared)} (${groupDigits(sizeOf(shared))} addresses). ${advice(a.group, b.group)}`,
		line,
	);
}

/** The VNet address space a range overlaps while missing every subnet (those clashes are errors). */
function inVnetClearOfSubnets(plan: PlanResult, range: Range): VnetSpace | undefined {
	if (plan.subnets.some((s) => overlaps(s.cidr, range))) return undefined;
	return plan.vnet.find((v) => overlaps(v.cidr, range));
}

/**
 * Subnets, VNet address spaces, peered ranges, pod CIDRs and service CIDRs that must be disjoint
 * do not overlap. Peered VNets need disjoint address spaces, so every subnet clears every peered
 * range whether or not the VNet's own space is written down
 * (https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering). A pod CIDR
 * inside the VNet space but clear of its subnets is a warning under Azure CNI Overlay (accepted
 * since the AKS release of 2024-10-25) and an error under kubenet and BYO CNI, which that
 * relaxation does not cover (https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 */
export const rangeOverlap: Rule = {
	code: "range-overlap",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  a: 10.10.1.0/24",
			// No vnet: the node subnet still clears every peered range.
			"nodeSubnet: 10.10.0.0/22\ncount: 3\npeered:\n  hub: 10.10.3.0/24",
			// A kubenet pod CIDR may not overlap the VNet space (the 2024-10 relaxation is Overlay's).
			"networkPlugin: kubenet\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 10.10.128.0/17",
		],
		passes: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  a: 10.10.4.0/24",
			"nodeSubnet: 10.10.0.0/22\ncount: 3\npeered:\n  hub: 10.10.4.0/24",
			"networkPlugin: kubenet\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 10.11.0.0/16",
		],
	},
	check(plan, _spec, report) {
		const items = collectRanges(plan).sort((x, y) => {
			if (x.range.family !== y.range.family) return x.range.family - y.range.family;
			if (x.range.start !== y.range.start) return x.range.start < y.range.start ? -1 : 1;
			return x.range.end === y.range.end ? 0 : x.range.end > y.range.end ? -1 : 1;
		});
		let best = new Map<Group, Item>();
		let family = 0;
		for (const x of items) {
			if (x.range.family !== family) {
				family = x.range.family;
				best = new Map();
			}
			for (const g of CONFLICTS[x.group]) {
				const b = best.get(g);
				if (b && b.range.end >= x.range.start) reportPair(b, x, report, plan.vnet);
			}
			const current = best.get(x.group);
			if (!current || x.range.end > current.range.end) best.set(x.group, x);
		}
		for (const c of plan.podCidrs) {
			const space = inVnetClearOfSubnets(plan, c.cidr);
			if (!space) continue;
			const line = c.defaulted ? space.line : c.line;
			if (plan.model === "azure-cni-overlay")
				report(
					"warning",
					`Pod CIDR ${c.cidr.text} lies in the VNet address space ${space.cidr.text}, though clear of its subnets. Azure CNI Overlay accepts this since 2024-10 (it used to refuse it), but a subnet added later in that span would clash: prefer a range outside the VNet.`,
					line,
				);
			else
				report(
					"error",
					`Pod CIDR ${c.cidr.text} lies in the VNet address space ${space.cidr.text}. AKS refuses a ${plan.model === "kubenet" ? "kubenet" : "bring-your-own CNI"} pod CIDR that overlaps the VNet: the 2024-10 relaxation covers Azure CNI Overlay only. Pick a range outside the VNet.`,
					line,
				);
		}
	},
};

/**
 * Warns when the service CIDR lies in the VNet address space without hitting a subnet: a subnet
 * created there later would clash with service IPs. A VNet linked from a network note is shared:
 * the subnets other notes name there are the registry's to report, so the block speaks of its own.
 */
export const serviceCidrInVnet: Rule = {
	code: "service-cidr-in-vnet",
	examples: {
		fails: ["vnet: 10.0.0.0/8\nnodeSubnet: 10.240.0.0/16"],
		passes: ["vnet: 10.0.0.0/8\nnodeSubnet: 10.240.0.0/16\nserviceCidr: 172.16.0.0/16\ndnsServiceIp: 172.16.0.10"],
	},
	check(plan, _spec, report) {
		for (const c of plan.serviceCidrs) {
			const space = inVnetClearOfSubnets(plan, c.cidr);
			if (!space) continue;
			report(
				"warning",
				`Service CIDR ${c.cidr.text}${c.defaulted ? " (default)" : ""} lies in the VNet address space ${space.cidr.text}. ${space.from ? `No subnet of this block uses it, but one of ${space.from} there` : "No subnet uses it yet, but one created there later"} would clash with service IPs: pick a range outside the VNet.`,
				c.defaulted ? space.line : c.line,
			);
		}
	},
};

/**
 * Every subnet and every internal load balancer's static IP lies inside one of the VNet's address
 * spaces.
 */
export const outsideVnet: Rule = {
	code: "outside-vnet",
	examples: {
		fails: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  x: 10.20.0.0/24"],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  x: 10.10.8.0/24"],
	},
	check(plan, _spec, report) {
		if (plan.vnet.length === 0) return;
		const spaces = plan.vnet.map((v) => v.cidr.text).join(", ");
		for (const s of plan.subnets) {
			if (plan.vnet.some((v) => contains(v.cidr, s.cidr))) continue;
			const partly = plan.vnet.some((v) => overlaps(v.cidr, s.cidr));
			report(
				"error",
				`${subnetLabel(s)} ${partly ? "reaches outside" : "is outside"} the VNet address space (${spaces}). Subnets lie inside the VNet: add an address space or move the subnet.`,
				s.line,
			);
		}
		for (const lb of plan.loadBalancers) {
			const ip = lb.ip;
			if (lb.type !== "internal" || !ip) continue;
			if (
				plan.vnet.some((v) => v.cidr.family === ip.family && v.cidr.start <= ip.value && ip.value <= v.cidr.end)
			)
				continue;
			report(
				"error",
				`Load balancer "${lb.name}" has static IP ${ip.text}, outside the VNet address space (${spaces}).`,
				lb.line,
			);
		}
	},
};
