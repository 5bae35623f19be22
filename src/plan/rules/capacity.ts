/** Capacity rules: does every range hold what the pools need at full scale (maxCount + surge)? */
import { bitsOf, smallestPrefixFor, AZURE_RESERVED } from "../../net/address";
import { dynamicFullDensity } from "../model";
import { MODEL_STATEMENTS } from "../statements";
import type { PlanResult, PoolPlan, SubnetPlan } from "../types";
import { countOf, groupDigits, percentOf } from "../../core/numbers";
import { poolsBySubnet, type Report, type Rule } from "./rule";

/** "apps: 42 nodes × 31 IPs" for up to three pools, then a count of the rest, frontends and extras. */
export function breakdown(subnet: SubnetPlan, pools: PoolPlan[], perNode: (p: PoolPlan) => number): string {
	const parts = pools
		.slice(0, 3)
		.map((p) => `${p.name}: ${countOf(p.nodesAtFullScale, "node")} × ${countOf(perNode(p), "IP")}`);
	if (pools.length > 3) parts.push(`${pools.length - 3} more pools`);
	if (subnet.loadBalancers.length > 0) parts.push(countOf(subnet.loadBalancers.length, "load-balancer frontend"));
	for (const e of subnet.extras) parts.push(e.what);
	return parts.join(", ");
}

function fitHint(need: bigint, subnet: SubnetPlan): string {
	const prefix = smallestPrefixFor(need, subnet.cidr.family, AZURE_RESERVED);
	if (prefix === null) return "No subnet is large enough: split the pools across subnets.";
	const usable = (1n << BigInt(bitsOf(subnet.cidr.family) - prefix)) - AZURE_RESERVED;
	return `The smallest subnet that fits is a /${prefix} (${groupDigits(usable)} usable).`;
}

function surgeHint(subnet: SubnetPlan): string {
	return subnet.requiredWithoutSurge <= subnet.usable
		? ` Without upgrade surge it would fit (${groupDigits(subnet.requiredWithoutSurge)}): the cluster runs, but upgrades fail for want of surge-node addresses.`
		: "";
}

/** Reports every subnet of `role` whose demand at full scale passes its usable IPs. */
function reportShort(plan: PlanResult, role: "node" | "pod", report: Report): void {
	const subnets = role === "node" ? plan.nodeSubnets : plan.podSubnets;
	const perNode = role === "node" ? (p: PoolPlan) => p.nodeSubnetIpsPerNode : (p: PoolPlan) => p.podIpsPerNode;
	const pools = poolsBySubnet(plan, role);
	for (const s of subnets) {
		if (s.required <= s.usable) continue;
		const detail = breakdown(s, pools.get(s) ?? [], perNode);
		report(
			"error",
			`${role === "node" ? "Node" : "Pod"} subnet ${s.cidr.text} has ${groupDigits(s.usable)} usable IPs but needs ${groupDigits(s.required)} at full scale (${detail}): ${groupDigits(s.required - s.usable)} short. ${fitHint(s.required, s)}${surgeHint(s)}`,
			s.line,
		);
	}
}

/**
 * A node subnet's usable IPs (size − 5) cover every pool in it at maxCount + surge, times 1 IP per
 * node (maxPods + 1 under Azure CNI node subnet), plus internal load-balancer frontends.
 */
export const nodeSubnetTooSmall: Rule = {
	code: "node-subnet-too-small",
	examples: {
		fails: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\ncount: 11"],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\ncount: 9"],
	},
	check: (plan, _spec, report) => reportShort(plan, "node", report),
};

/**
 * A pod subnet's usable IPs cover 16 per node (dynamic) or 16 × ceil((maxPods + 1) / 16) per node
 * (static block) for every pool in it at full scale.
 */
export const podSubnetTooSmall: Rule = {
	code: "pod-subnet-too-small",
	examples: {
		fails: [
			"networkPlugin: azure\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\npodSubnet: 10.10.1.0/26\ncount: 3",
		],
		passes: [
			"networkPlugin: azure\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\npodSubnet: 10.10.1.0/25\ncount: 3",
		],
	},
	check: (plan, _spec, report) => reportShort(plan, "pod", report),
};

/**
 * A dynamic pod subnet that passes at 16 IPs per node should also hold every node at maxPods: 16 ×
 * ceil((maxPods + 8) / 16) per node, since a node asks for 16 more when fewer than 8 are free.
 */
export const podSubnetFullDensity: Rule = {
	code: "pod-subnet-full-density",
	examples: {
		fails: [
			"networkPlugin: azure\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\npodSubnet: 10.10.1.0/24\ncount: 3",
		],
		passes: [
			"networkPlugin: azure\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\npodSubnet: 10.10.1.0/24\ncount: 3\nmaxPods: 30",
		],
	},
	check(plan, _spec, report) {
		const bySubnet = poolsBySubnet(plan, "pod");
		for (const s of plan.podSubnets) {
			const dense = s.requiredAtFullDensity;
			if (dense === null || s.required > s.usable || dense <= s.usable) continue;
			const pools = (bySubnet.get(s) ?? []).filter((p) => p.allocationMode === "DynamicIndividual");
			if (pools.length === 0) continue;
			const detail = pools
				.slice(0, 3)
				.map(
					(p) =>
						`${p.name}: ${countOf(p.nodesAtFullScale, "node")} × ${groupDigits(dynamicFullDensity(p.maxPods ?? 0))}`,
				)
				.join(", ");
			report(
				"warning",
				`Pod subnet ${s.cidr.text} holds the first 16 IPs of every node (${groupDigits(s.required)} of ${groupDigits(s.usable)}) but not every node at maxPods, which takes ${groupDigits(dense)} (${detail}). ${fitHint(dense, s)} Or lower maxPods.`,
				s.line,
			);
		}
	},
};

/**
 * A kubenet or overlay pod CIDR holds 2^(24 − prefix) /24 node blocks; every node at full scale,
 * over the whole cluster, takes one.
 */
export const podCidrTooSmall: Rule = {
	code: "pod-cidr-too-small",
	examples: {
		fails: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 10.244.0.0/23"],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 10.244.0.0/22"],
	},
	check(plan, _spec, report) {
		if (plan.model !== "azure-cni-overlay" && plan.model !== "kubenet") return;
		for (const c of plan.podCidrs) {
			if (c.requiredBlocks <= c.blocks) continue;
			const blockSize = 1n << BigInt(bitsOf(c.cidr.family) - c.blockPrefix);
			const prefix = smallestPrefixFor(c.requiredBlocks * blockSize, c.cidr.family, 0n);
			const fit = prefix === null ? "" : ` The smallest pod CIDR that fits is a /${prefix}.`;
			report(
				"error",
				`Pod CIDR ${c.cidr.text} has ${countOf(c.blocks, `/${c.blockPrefix} node block`)} but ${countOf(c.requiredBlocks, "node")} at full scale need ${groupDigits(c.requiredBlocks)} (${groupDigits(c.requiredBlocks * blockSize)} addresses > ${groupDigits(c.blocks * blockSize)}).${fit}`,
				c.line,
			);
		}
	},
};

/** Whether a kubenet or overlay pod CIDR can grow (overlay: Linux-only clusters, IPv4 ranges). */
function growth(plan: PlanResult, family: 4 | 6): string {
	const says = MODEL_STATEMENTS[plan.model];
	if (family === 6 && says.headroomIpv6) return says.headroomIpv6;
	if (plan.pools.some((p) => p.osType === "Windows") && says.headroomWindows) return says.headroomWindows;
	return says.headroom ?? "";
}

/**
 * Warns when under 10% of a node subnet, pod subnet or pod CIDR is left at full scale; for a pod
 * CIDR, says whether it can grow.
 */
export const lowHeadroom: Rule = {
	code: "low-headroom",
	examples: {
		fails: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/27\ncount: 24\nmaxSurge: 1"],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/27\ncount: 20\nmaxSurge: 1"],
	},
	check(plan, _spec, report) {
		for (const s of [...plan.nodeSubnets, ...plan.podSubnets]) {
			if (s.required === 0n || s.required > s.usable || s.free * 10n >= s.usable) continue;
			const what = s.role === "pod" ? "Pod subnet" : "Node subnet";
			report(
				"warning",
				`${what} ${s.cidr.text} has ${groupDigits(s.free)} of ${groupDigits(s.usable)} usable IPs (${percentOf(s.free, s.usable)}) left at full scale: a new pool or a higher maxCount will not fit.`,
				s.line,
			);
		}
		if (plan.model !== "azure-cni-overlay" && plan.model !== "kubenet") return;
		for (const c of plan.podCidrs) {
			const free = c.blocks - c.requiredBlocks;
			if (c.requiredBlocks === 0n || free < 0n || free * 10n >= c.blocks) continue;
			report(
				"warning",
				`Pod CIDR ${c.cidr.text} has ${countOf(free, "node block")} of ${groupDigits(c.blocks)} (${percentOf(free, c.blocks)}) left at full scale; ${growth(plan, c.cidr.family)}.`,
				c.line,
			);
		}
	},
};
