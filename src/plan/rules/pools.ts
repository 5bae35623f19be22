/**
 * Pool and cluster limits. Sources:
 * - https://learn.microsoft.com/azure/aks/quotas-skus-regions
 * - https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
 * - maxPods: https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 * - kubenet's 400 nodes: https://learn.microsoft.com/azure/aks/configure-kubenet
 */
import { staticBlocks } from "../model";
import type { Surge } from "../../parse/types";
import type { PlanResult } from "../types";
import { clip } from "../../core/text";
import { countOf, groupDigits } from "../../core/numbers";
import type { Report, Rule } from "./rule";

/**
 * maxPods runs from 10 to 250 in every model; above 110 on Windows is a warning.
 */
export const maxPodsOutOfRange: Rule = {
	code: "max-pods-out-of-range",
	examples: {
		fails: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nmaxPods: 251"],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nmaxPods: 250"],
	},
	check(plan, _spec, report) {
		for (const p of plan.pools) {
			if (p.maxPods === null || p.maxPodsDefaulted) continue;
			if (p.maxPods < 10 || p.maxPods > 250) {
				report(
					"error",
					`Pool "${p.name}" sets maxPods ${groupDigits(p.maxPods)}; AKS accepts 10 to 250. It cannot change once the pool exists.`,
					p.line,
				);
			} else if (p.osType === "Windows" && p.maxPods > 110) {
				report(
					"warning",
					`Windows pool "${p.name}" sets maxPods ${p.maxPods}; at most 110 is advised on Windows nodes.`,
					p.line,
				);
			}
		}
	},
};

/**
 * A pool has room for at least 30 pods (nodes × maxPods, at minCount when autoscaling): maxPods
 * below 30 needs enough nodes.
 */
export const poolMinPods: Rule = {
	code: "pool-min-pods",
	examples: { fails: ["count: 2\nmaxPods: 10"], passes: ["count: 3\nmaxPods: 10"] },
	check(plan, _spec, report) {
		for (const p of plan.pools) {
			if (p.maxPods === null || p.maxPods < 10 || p.maxPods > 250) continue;
			const nodes = p.minCount ?? p.count;
			if (nodes === 0 || nodes * p.maxPods >= 30) continue;
			report(
				"error",
				`Pool "${p.name}" has room for ${groupDigits(nodes * p.maxPods)} pods (${groupDigits(nodes)} × maxPods ${p.maxPods}); AKS requires room for at least 30. Raise maxPods or use at least ${Math.ceil(30 / p.maxPods)} nodes.`,
				p.line,
			);
		}
	},
};

/** Pods a cluster could run at full scale and maxPods. */
export function podsAtFullScale(pools: readonly { nodesAtFullScale: number; maxPods: number | null }[]): number {
	return pools.reduce((sum, p) => sum + p.nodesAtFullScale * (p.maxPods ?? 0), 0);
}

/** Pods per cluster at full scale and maxPods, against what each network model supports. */
function podsLimit(plan: PlanResult, line: number, report: Report): void {
	const total = plan.nodesAtFullScale;
	const pods = podsAtFullScale(plan.pools);
	if (plan.model === "azure-cni-overlay" && pods > 250_000) {
		report(
			"warning",
			`At full scale and maxPods the cluster could run ${groupDigits(pods)} pods; Azure CNI Overlay supports 250,000 per cluster (one guide says 200,000). Lower maxPods or node counts.`,
			line,
		);
	}
	if (plan.model === "azure-cni-node-subnet") {
		// Each node books maxPods + 1: its pods and itself.
		const ips = pods + total;
		if (ips > 64_000)
			report(
				"warning",
				`At full scale the cluster books ${groupDigits(ips)} VNet IPs for nodes and pods; Azure CNI node subnet supports about 64,000 per cluster. Move to Azure CNI Overlay or lower maxPods.`,
				line,
			);
	}
	if (plan.model === "azure-cni-pod-subnet-dynamic" && pods > 65_000) {
		report(
			"warning",
			`At full scale and maxPods the cluster could run ${groupDigits(pods)} pods; a pod subnet with dynamic allocation supports about 65,000 (64,000 IPs) per cluster.`,
			line,
		);
	}
	if (plan.model === "azure-cni-pod-subnet-static" && pods > 1_000_000) {
		report(
			"warning",
			`At full scale and maxPods the cluster could run ${groupDigits(pods)} pods; static block allocation supports about 1,000,000 per cluster.`,
			line,
		);
	}
}

/**
 * At most 1,000 nodes in a pool (surge included), 5,000 in a cluster, 400 on kubenet, 100 pools
 * and 300 LoadBalancer services: a node NIC holds 300 load-balancing rules, one per service port
 * and IP family (https://learn.microsoft.com/azure/aks/use-multiple-standard-load-balancer).
 * Pods per cluster (warnings, as Microsoft Learn gives them as approximate): overlay 250,000;
 * node subnet about 64,000 IPs; dynamic pod subnet about 65,000 pods; static block about
 * 1,000,000 pods (https://learn.microsoft.com/azure/aks/plan-pod-networking).
 */
export const nodeLimit: Rule = {
	code: "node-limit",
	examples: {
		fails: ["networkPlugin: kubenet\ncount: 401\nmaxSurge: 0", "count: 1000\nmaxSurge: 1"],
		passes: ["networkPlugin: kubenet\ncount: 400\nmaxSurge: 0", "count: 999\nmaxSurge: 1"],
	},
	check(plan, spec, report) {
		for (const p of plan.pools) {
			if (p.nodesAtFullScale > 1000) {
				report(
					"error",
					`Pool "${p.name}" reaches ${groupDigits(p.nodesAtFullScale)} nodes with surge; a pool (a scale set) holds at most 1,000, so upgrades are refused. Split it into several pools.`,
					p.line,
				);
			}
		}
		const total = plan.nodesAtFullScale;
		const line = spec.poolsLine ?? plan.pools[0]?.line ?? plan.line;
		if (plan.model === "kubenet" && total > 400) {
			report(
				"error",
				`Kubenet clusters hold at most 400 nodes (one route each in a 400-route table); this one reaches ${groupDigits(total)} at full scale. Move to Azure CNI Overlay.`,
				spec.networkPlugin?.line ?? line,
			);
		}
		if (total > 5000)
			report(
				"error",
				`The cluster reaches ${groupDigits(total)} nodes at full scale; AKS allows 5,000 across all pools.`,
				line,
			);
		if (plan.pools.length > 100)
			report("error", `The cluster has ${groupDigits(plan.pools.length)} pools; AKS allows 100.`, line);
		podsLimit(plan, line, report);
		if (plan.loadBalancers.length > 300) {
			report(
				"error",
				`The plan has ${groupDigits(plan.loadBalancers.length)} LoadBalancer services; each takes a load-balancing rule per port and IP family on every node NIC, and a NIC holds 300, so a cluster serves at most 300 single-port services.`,
				plan.loadBalancers[300]?.line ?? line,
			);
		}
	},
};

/**
 * Static block allocation gives each node ceil((maxPods + 1) / 16) /28 blocks; maxPods of the form
 * 16n − 1 (15, 31 … 255) uses them fully.
 */
export const staticBlockWaste: Rule = {
	code: "static-block-waste",
	examples: {
		fails: [
			"networkPlugin: azure\nnodeSubnet: 10.1.0.0/24\npodSubnet: 10.2.0.0/16\npodIpAllocationMode: StaticBlock\nmaxPods: 30",
		],
		passes: [
			"networkPlugin: azure\nnodeSubnet: 10.1.0.0/24\npodSubnet: 10.2.0.0/16\npodIpAllocationMode: StaticBlock\nmaxPods: 31",
		],
	},
	check(plan, _spec, report) {
		for (const p of plan.pools) {
			if (p.allocationMode !== "StaticBlock" || p.maxPods === null || (p.maxPods + 1) % 16 === 0) continue;
			const blocks = staticBlocks(p.maxPods);
			const room = 16 * blocks - 1;
			report(
				"info",
				`Pool "${p.name}": maxPods ${p.maxPods} takes ${blocks} /28 blocks (${16 * blocks} addresses) per node, room for ${room} pods; maxPods ${room > 250 ? 16 * (blocks - 1) - 1 : room} would use the blocks fully.`,
				p.line,
			);
		}
	},
};

/**
 * With load-balancer egress, floor(64,000 / ports per node) × outbound IPs nodes get SNAT ports;
 * automatic allocation gives 1,024 ports up to 50 nodes, 512 up to 100 and fewer beyond. A NAT
 * gateway takes 1 to 16 IPs of 64,512 ports each. Sources:
 * https://learn.microsoft.com/azure/aks/configure-load-balancer-standard, https://learn.microsoft.com/azure/aks/nat-gateway.
 */
export const snatPorts: Rule = {
	code: "snat-ports",
	examples: {
		fails: ["count: 60\nmaxSurge: 0", "outboundType: managedNATGateway\noutboundIps: 17"],
		passes: ["count: 50\nmaxSurge: 0", "outboundType: managedNATGateway\noutboundIps: 16"],
	},
	check(plan, spec, report) {
		if (plan.outboundType.includes("NATGateway")) {
			const ips = spec.outboundIps;
			if (ips && ips.value > 16) {
				report(
					"error",
					`A NAT gateway takes 1 to 16 public IPs (64,512 SNAT ports each, 1,032,192 at most); outboundIps is ${ips.value}.`,
					ips.line,
				);
			}
			return;
		}
		if (plan.outboundType !== "loadBalancer") return;
		const total = plan.nodesAtFullScale;
		const ips = spec.outboundIps?.value ?? 1;
		const ports = spec.allocatedOutboundPorts?.value ?? 0;
		const line =
			spec.allocatedOutboundPorts?.line ??
			spec.outboundIps?.line ??
			spec.outboundType?.line ??
			spec.poolsLine ??
			plan.pools[0]?.line ??
			plan.line;
		if (ports > 0) {
			const served = Math.floor(64_000 / ports) * ips;
			if (total > served) {
				report(
					"error",
					`With ${groupDigits(ports)} SNAT ports per node and ${countOf(ips, "outbound IP")}, the load balancer serves floor(64,000 / ${groupDigits(ports)}) × ${ips} = ${groupDigits(served)} nodes, but the cluster reaches ${groupDigits(total)} at full scale. Add outbound IPs or lower the ports per node.`,
					line,
				);
			}
			return;
		}
		if (total <= 50) return;
		const each = total <= 100 ? "512" : "fewer than 512";
		report(
			"info",
			`At full scale the cluster has ${groupDigits(total)} nodes: with automatic SNAT allocation each node gets ${each} outbound ports (1,024 up to 50 nodes). Busy egress may drop; set allocatedOutboundPorts and outboundIps, or use a NAT gateway.`,
			line,
		);
	},
};

/** "2", "33%". */
function surgeText(surge: Surge): string {
	return `${surge.value}${surge.kind === "percent" ? "%" : ""}`;
}

/**
 * Upgrade settings: maxSurge 0 with maxUnavailable above 0 is the documented in-place upgrade for
 * subnets without room for surge nodes (info: upgrades take nodes out of service); maxSurge 0 with
 * maxUnavailable 0 (its default) is refused. maxUnavailable lowers no address count: the plan sizes
 * surge nodes only. https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
 */
export const upgradeSettings: Rule = {
	code: "upgrade-settings",
	examples: {
		fails: [
			"count: 3\nmaxSurge: 0",
			"count: 3\nmaxSurge: 0\nmaxUnavailable: 0",
			"count: 3\nmaxSurge: 0\nmaxUnavailable: 1",
		],
		passes: ["count: 3\nmaxSurge: 1", "count: 3\nmaxSurge: 1\nmaxUnavailable: 1"],
	},
	check(plan, spec, report) {
		for (const [i, p] of plan.pools.entries()) {
			const surge = spec.pools[i]?.maxSurge ?? spec.maxSurge;
			if (!surge || surge.value.value !== 0 || p.nodesAtFullScale === 0) continue;
			const unavailable = spec.pools[i]?.maxUnavailable ?? spec.maxUnavailable;
			if (unavailable && unavailable.value.value > 0) {
				report(
					"info",
					`Pool "${p.name}" upgrades in place (maxSurge 0, maxUnavailable ${surgeText(unavailable.value)}): each round takes up to ${unavailable.value.kind === "percent" ? `${unavailable.value.value}% of the nodes` : countOf(unavailable.value.value, "node")} out of service while their pods move to the others, and needs no surge addresses.`,
					unavailable.line,
				);
				continue;
			}
			report(
				"error",
				`Pool "${p.name}" has maxSurge 0 and maxUnavailable 0${unavailable ? "" : " (its default)"}: AKS refuses upgrade settings that neither add nor remove a node. Set maxUnavailable to 1 or more for an in-place upgrade (the way to upgrade a subnet without room for surge nodes), or a maxSurge above 0.`,
				unavailable?.line ?? surge.line,
			);
		}
	},
};

/**
 * System pools run Linux: a pool with mode System and osType Windows is refused
 * (https://learn.microsoft.com/azure/aks/use-system-pools).
 */
export const systemPoolOs: Rule = {
	code: "invalid-value",
	examples: {
		fails: [
			"agentPools:\n  - { name: sys, mode: System, count: 3 }\n  - { name: win, mode: System, osType: Windows, count: 3 }",
		],
		passes: [
			"agentPools:\n  - { name: sys, mode: System, count: 3 }\n  - { name: win, mode: User, osType: Windows, count: 3 }",
		],
	},
	check(plan, spec, report) {
		for (const [i, p] of plan.pools.entries()) {
			const given = spec.pools[i];
			if (given?.mode?.value !== "System" || p.osType !== "Windows") continue;
			report(
				"error",
				`Pool "${p.name}" is a System pool with osType Windows; AKS runs system pools on Linux only. Make it a User pool (mode: User) and keep a Linux System pool.`,
				given.osType?.line ?? given.mode.line,
			);
		}
	},
};

/**
 * AKS pool names: lowercase letters and digits, starting with a letter; 1 to 12 characters on
 * Linux, 1 to 6 on Windows (AKS's node pool limitations). AKS refuses any other name.
 */
export const poolName: Rule = {
	code: "pool-name",
	examples: {
		fails: ["agentPools:\n  - name: Apps-1", "agentPools:\n  - { name: win1234, osType: Windows }"],
		passes: ["agentPools:\n  - name: apps1\n  - { name: win123, osType: Windows }"],
	},
	check(plan, spec, report) {
		for (const [i, p] of plan.pools.entries()) {
			const given = spec.pools[i];
			if (!given || given.assumed) continue;
			const name = given.name.value;
			const max = p.osType === "Windows" ? 6 : 12;
			const why: string[] = [];
			if (!/^[a-z][a-z0-9]*$/.test(name)) why.push("lowercase letters and digits, starting with a letter");
			if (name.length > max)
				why.push(`at most ${max} characters on ${p.osType === "Windows" ? "Windows" : "Linux"}`);
			if (why.length > 0)
				report(
					"error",
					`Pool name "${clip(name)}" is not one AKS accepts: ${why.join(", and ")}.`,
					given.name.line,
				);
		}
	},
};
