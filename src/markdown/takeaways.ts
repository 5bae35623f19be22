/** Key takeaways that follow from the model and the numbers. */
import { podsInVnet, usesPodCidr } from "../plan/model";
import type { PlanResult } from "../plan/types";
import { code } from "./escape";

export function takeaways(plan: PlanResult): string[] {
	const out: string[] = [];
	const peered = plan.peered.length > 0 ? " and peered networks" : "";
	out.push(`Nodes have IPs in the VNet subnets, reachable from the VNet${peered}.`);
	if (usesPodCidr(plan.model)) {
		const range = plan.podCidrs.map((c) => code(c.cidr.text)).join(", ");
		out.push(
			`Pods use the cluster-internal range ${range}: not reachable from outside the cluster; their traffic leaves with the node's IP.`,
		);
		out.push(
			`The pod CIDR is fixed at creation${plan.model === "azure-cni-overlay" ? " (growing it is a preview feature)" : ""}: it must hold one /24 per node at the largest scale.`,
		);
	} else if (podsInVnet(plan.model)) {
		out.push(`Pods take VNet addresses: reachable from the VNet${peered}, and each pod is its own source IP.`);
		out.push(
			plan.model === "azure-cni-node-subnet"
				? "Every node books maxPods + 1 subnet addresses up front, so the node subnet bounds the cluster's size."
				: "Pod addresses come from the pod subnet in lots of 16 per node, so the pod subnet bounds the cluster's size.",
		);
	} else {
		out.push("Pod addresses are up to the bring-your-own CNI; AKS plans only node addresses.");
	}
	out.push("Services use internal cluster IPs, never visible from outside the cluster.");
	if (plan.loadBalancers.some((lb) => lb.type === "public"))
		out.push("Services of type LoadBalancer with public frontends get an Azure public IP for outside access.");
	if (plan.loadBalancers.some((lb) => lb.type === "internal"))
		out.push("Internal load balancers take an address of a VNet subnet, counted above.");
	const tight = plan.nodeSubnets.concat(plan.podSubnets).filter((s) => s.free < 0n);
	if (tight.length > 0) out.push(`Too small at full scale: ${tight.map((s) => code(s.cidr.text)).join(", ")}.`);
	return out;
}
