/** Pool and cluster limits (aks-networking.md sections 2 and 8). */
import { staticBlocks } from "../model";
import { n, type Rule } from "./rule";

export const maxPodsOutOfRange: Rule = {
	code: "max-pods-out-of-range",
	description: "maxPods runs from 10 to 250 in every model; above 110 on Windows is a warning.",
	check(plan, _spec, report) {
		for (const p of plan.pools) {
			if (p.maxPods === null || p.maxPodsDefaulted) continue;
			if (p.maxPods < 10 || p.maxPods > 250) {
				report("error", `Pool "${p.name}" sets maxPods ${n(p.maxPods)}; AKS accepts 10 to 250. It cannot change once the pool exists.`, p.line);
			} else if (p.osType === "Windows" && p.maxPods > 110) {
				report("warning", `Windows pool "${p.name}" sets maxPods ${p.maxPods}; at most 110 is advised on Windows nodes.`, p.line);
			}
		}
	},
};

export const poolMinPods: Rule = {
	code: "pool-min-pods",
	description: "A pool has room for at least 30 pods (nodes × maxPods, at minCount when autoscaling): maxPods below 30 needs enough nodes.",
	check(plan, _spec, report) {
		for (const p of plan.pools) {
			if (p.maxPods === null || p.maxPods < 10 || p.maxPods > 250) continue;
			const nodes = p.minCount ?? p.count;
			if (nodes === 0 || nodes * p.maxPods >= 30) continue;
			report("error", `Pool "${p.name}" has room for ${n(nodes * p.maxPods)} pods (${n(nodes)} × maxPods ${p.maxPods}); AKS requires room for at least 30. Raise maxPods or use at least ${Math.ceil(30 / p.maxPods)} nodes.`, p.line);
		}
	},
};

export const nodeLimit: Rule = {
	code: "node-limit",
	description: "At most 1,000 nodes in a pool (surge included), 5,000 in a cluster, 400 on kubenet, and 100 pools; overlay clusters hold at most 250,000 pods.",
	check(plan, spec, report) {
		for (const p of plan.pools) {
			if (p.nodesAtFullScale > 1000) {
				report("error", `Pool "${p.name}" reaches ${n(p.nodesAtFullScale)} nodes with surge; a pool (a scale set) holds at most 1,000, so upgrades are refused. Split it into several pools.`, p.line);
			}
		}
		const total = plan.nodesAtFullScale;
		const line = spec.poolsLine ?? plan.pools[0]?.line ?? plan.line;
		if (plan.model === "kubenet" && total > 400) {
			report("error", `Kubenet clusters hold at most 400 nodes (one route each in a 400-route table); this one reaches ${n(total)} at full scale. Move to Azure CNI Overlay.`, spec.networkPlugin?.line ?? line);
		}
		if (total > 5000) report("error", `The cluster reaches ${n(total)} nodes at full scale; AKS allows 5,000 across all pools.`, line);
		if (plan.pools.length > 100) report("error", `The cluster has ${n(plan.pools.length)} pools; AKS allows 100.`, line);
		if (plan.model === "azure-cni-overlay") {
			const pods = plan.pools.reduce((sum, p) => sum + p.nodesAtFullScale * (p.maxPods ?? 0), 0);
			if (pods > 250_000) {
				report("warning", `At full scale and maxPods the cluster could run ${n(pods)} pods; Azure CNI Overlay supports 250,000 per cluster (one guide says 200,000). Lower maxPods or node counts.`, line);
			}
		}
	},
};

export const staticBlockWaste: Rule = {
	code: "static-block-waste",
	description: "Static block allocation gives each node ceil((maxPods + 1) / 16) /28 blocks; maxPods of the form 16n − 1 (15, 31 … 255) uses them fully.",
	check(plan, _spec, report) {
		for (const p of plan.pools) {
			if (p.allocationMode !== "StaticBlock" || p.maxPods === null || (p.maxPods + 1) % 16 === 0) continue;
			const blocks = staticBlocks(p.maxPods);
			const room = 16 * blocks - 1;
			report("info", `Pool "${p.name}": maxPods ${p.maxPods} takes ${blocks} /28 blocks (${16 * blocks} addresses) per node, room for ${room} pods; maxPods ${room > 250 ? 16 * (blocks - 1) - 1 : room} would use the blocks fully.`, p.line);
		}
	},
};

export const snatPorts: Rule = {
	code: "snat-ports",
	description: "With load-balancer egress and automatic SNAT ports, nodes get 1,024 ports up to 50 nodes, 512 up to 100 and fewer beyond: notes a cluster that passes 50 or 100 nodes at full scale.",
	check(plan, spec, report) {
		if (plan.outboundType !== "loadBalancer") return;
		const total = plan.nodesAtFullScale;
		if (total <= 50) return;
		const ports = total <= 100 ? "512" : "fewer than 512";
		report("info", `At full scale the cluster has ${n(total)} nodes: with automatic SNAT allocation each node gets ${ports} outbound ports (1,024 up to 50 nodes). Busy egress may drop; set allocated outbound ports and outbound IPs, or use a NAT gateway.`, spec.outboundType?.line ?? spec.poolsLine ?? plan.pools[0]?.line ?? plan.line);
	},
};
