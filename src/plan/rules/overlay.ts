/** The move to Azure CNI Overlay (https://learn.microsoft.com/azure/aks/update-azure-cni). */
import type { Rule } from "./rule";

/**
 * An Azure CNI node subnet cluster with room to spare (every node subnet keeps 10% free at full
 * scale) can move to Azure CNI Overlay in place: an info line pointing at the panel. Clusters
 * short of room hear about the move from the capacity findings.
 */
export const moveToOverlay: Rule = {
	code: "move-to-overlay",
	examples: {
		fails: ["networkPlugin: azure\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/22\nmaxPods: 30\ncount: 3"],
		passes: [
			"networkPlugin: azure\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\nmaxPods: 30\ncount: 8\nmaxSurge: 0",
			"networkPlugin: kubenet\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24",
		],
	},
	check(plan, spec, report) {
		if (plan.model !== "azure-cni-node-subnet" || plan.nodeSubnets.length === 0) return;
		if (plan.nodeSubnets.some((s) => s.free * 10n < s.usable)) return;
		report(
			"info",
			"This Azure CNI node subnet cluster can move to Azure CNI Overlay in place, each node then taking 1 subnet address instead of maxPods + 1: see Move to Azure CNI Overlay (aks-ip migrate).",
			spec.networkPlugin?.line ?? plan.line,
		);
	},
};
