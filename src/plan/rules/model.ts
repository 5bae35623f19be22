/** Keys that do not fit the network model, and the kubenet retirement. */
import type { Spec } from "../../parse/types";
import { MODEL_LABELS, usesPodSubnet } from "../model";
import type { PlanResult } from "../types";
import { groupDigits } from "../../core/numbers";
import { podsAtFullScale } from "./pools";
import { poolsBySubnet, type Report, type Rule } from "./rule";

function podCidrLine(spec: Spec): number | undefined {
	return spec.podCidr?.line ?? spec.podCidrs?.[0]?.line;
}

function podSubnetLine(spec: Spec): number | undefined {
	return spec.podSubnet?.line ?? spec.pools.find((p) => p.podSubnet)?.podSubnet?.line;
}

function checkPodKeys(plan: PlanResult, spec: Spec, report: Report): void {
	const label = MODEL_LABELS[plan.model];
	const cidrLine = podCidrLine(spec);
	if (cidrLine !== undefined && plan.model === "azure-cni-node-subnet") {
		report(
			"error",
			`${label} gives pods addresses of the node subnet, and AKS rejects a pod CIDR with it. Remove podCidr, or set networkPluginMode: overlay to use it.`,
			cidrLine,
		);
	} else if (cidrLine !== undefined && usesPodSubnet(plan.model)) {
		report("warning", `${label} takes pod IPs from the pod subnet; podCidr is ignored.`, cidrLine);
	}
	const subnetLine = podSubnetLine(spec);
	if (subnetLine !== undefined && (plan.model === "azure-cni-overlay" || plan.model === "kubenet")) {
		const fix =
			plan.model === "azure-cni-overlay"
				? " For pod subnets, set networkPlugin: azure without networkPluginMode: overlay."
				: "";
		report(
			"error",
			`${label} takes pod IPs from the pod CIDR; AKS rejects a pod subnet with it.${fix}`,
			subnetLine,
		);
	}
	const mode = spec.podIpAllocationMode ?? spec.pools.find((p) => p.podIpAllocationMode)?.podIpAllocationMode;
	if (mode && !usesPodSubnet(plan.model)) {
		report("warning", `podIpAllocationMode applies to pod subnets only; ${label} ignores it.`, mode.line);
	}
	const pls = plan.loadBalancers.find((lb) => lb.privateLinkIps > 0);
	if (pls && plan.model === "azure-cni-pod-subnet-static") {
		report(
			"error",
			`Static block allocation takes no LoadBalancer service behind a Private Link Service (load balancer "${pls.name}").`,
			pls.line,
		);
	}
	const bySubnet = poolsBySubnet(plan, "pod");
	for (const s of plan.podSubnets) {
		const modes = new Set((bySubnet.get(s) ?? []).map((p) => p.allocationMode));
		if (modes.size > 1)
			report(
				"error",
				`Pod subnet ${s.cidr.text} is shared by pools with different podIpAllocationMode; a subnet has one mode.`,
				s.line,
			);
	}
}

function checkDataplane(plan: PlanResult, spec: Spec, report: Report): void {
	const plugin = spec.networkPlugin;
	if (spec.networkPluginMode && plugin && plugin.value !== "azure") {
		report(
			"error",
			`networkPluginMode: overlay needs networkPlugin: azure, not ${plugin.value}.`,
			spec.networkPluginMode.line,
		);
	}
	const windows = plan.pools.find((p) => p.osType === "Windows");
	const windowsLine = spec.pools.find((p) => p.osType?.value === "Windows")?.osType?.line ?? windows?.line;
	if (spec.networkDataplane?.value === "cilium") {
		if (plan.model === "kubenet") {
			report(
				"error",
				"Cilium needs Azure CNI (overlay, pod subnet or node subnet); a kubenet cluster moves to overlay first.",
				spec.networkDataplane.line,
			);
		}
		if (windows && windowsLine !== undefined)
			report(
				"error",
				`Azure CNI powered by Cilium runs Linux nodes only; pool "${windows.name}" is Windows.`,
				windowsLine,
			);
	}
	if (plan.model === "kubenet" && windows && windowsLine !== undefined) {
		report(
			"error",
			`Kubenet cannot run Windows pools; pool "${windows.name}" is Windows. Use Azure CNI Overlay.`,
			windowsLine,
		);
	}
	for (const s of plan.subnets.filter((x) => x.purpose === "virtualNodes")) {
		if (plan.model === "kubenet" || plan.model === "none") {
			report(
				"error",
				`Virtual nodes need Azure CNI; ${plan.model === "kubenet" ? "kubenet" : "a cluster with its own CNI"} cannot use subnet ${s.cidr.text}.`,
				s.line,
			);
		} else if (plan.ipFamilies.length > 1) {
			report("error", `Virtual nodes do not work with dual-stack clusters (subnet ${s.cidr.text}).`, s.line);
		}
	}
}

/**
 * Dual-stack per model. The dual-stack guide requires Azure CNI Overlay
 * (https://learn.microsoft.com/azure/aks/configure-dual-stack). Static block pod subnets appear only
 * in the AKS release notes of 2026-06-19, which say AKS computes the IPv6 pod range from the pod
 * subnet: a warning, and the plan sizes IPv4 pod addresses only. BYO CNI: nothing documented, and
 * pod addresses of either family are the CNI's.
 */
function checkDualStackModel(plan: PlanResult, line: number, report: Report): void {
	if (plan.model === "azure-cni-overlay") return;
	if (plan.model === "azure-cni-pod-subnet-static") {
		report(
			"warning",
			"Dual-stack with static block allocation appears only in the AKS release notes (2026-06-19), which say AKS computes the IPv6 pod range from the pod subnet; the dual-stack guide documents Azure CNI Overlay only. This plan sizes IPv4 pod addresses and IPv6 node addresses, not IPv6 pod addresses.",
			line,
		);
	} else if (plan.model === "none") {
		report(
			"warning",
			"AKS documents dual-stack for Azure CNI Overlay only; with your own CNI nothing documents it, and pod addresses of both families are the CNI's to assign. Check that your CNI supports dual-stack on AKS; this plan sizes node addresses only.",
			line,
		);
	} else {
		report(
			"error",
			`${MODEL_LABELS[plan.model]} has no documented dual-stack support; the AKS dual-stack guide requires Azure CNI Overlay.`,
			line,
		);
	}
}

/**
 * Private Link Service is IPv4 only: it fails when its load balancer also has an IPv6 frontend
 * (https://learn.microsoft.com/azure/aks/internal-lb). A static IPv6 address is such a frontend.
 */
function checkPrivateLinkDualStack(plan: PlanResult, report: Report): void {
	for (const lb of plan.loadBalancers) {
		if (lb.privateLinkIps === 0) continue;
		if (lb.ip?.family === 6)
			report(
				"error",
				`Load balancer "${lb.name}" has an IPv6 frontend (${lb.ip.text}) and a Private Link Service, which is IPv4 only and fails on a load balancer with an IPv6 frontend. Give it an IPv4 address.`,
				lb.line,
			);
		else
			report(
				"warning",
				`Load balancer "${lb.name}" has a Private Link Service in a dual-stack cluster: Private Link Service is IPv4 only and fails when its load balancer also has an IPv6 frontend. Keep this service single-stack IPv4 (ipFamilyPolicy: SingleStack, ipFamilies: [IPv4]).`,
				lb.line,
			);
	}
}

function checkDualStack(plan: PlanResult, spec: Spec, report: Report): void {
	const node6 = spec.nodeSubnet6 ?? spec.pools.find((p) => p.nodeSubnet6)?.nodeSubnet6;
	if (node6 && plan.ipFamilies.length < 2) {
		report(
			"error",
			"An IPv6 node subnet prefix needs a dual-stack cluster: set ipFamilies: [IPv4, IPv6].",
			node6.line,
		);
	}
	const families = spec.ipFamilies;
	if (!families || families.value.length < 2) return;
	checkDualStackModel(plan, families.line, report);
	const policy = spec.networkPolicy;
	if (policy && ["azure", "calico"].includes(policy.value.toLowerCase())) {
		report("error", `Dual-stack clusters cannot use ${policy.value} network policy; use Cilium.`, policy.line);
	}
	checkPrivateLinkDualStack(plan, report);
	if (spec.outboundType?.value === "managedNATGateway") {
		report(
			"error",
			"The Standard NAT gateway is IPv4 only and does not work with dual-stack clusters; use a load balancer or managedNATGatewayV2.",
			spec.outboundType.line,
		);
	} else if (spec.outboundType?.value === "userAssignedNATGateway") {
		report(
			"warning",
			"A dual-stack cluster needs a StandardV2 NAT gateway with StandardV2 public IPs; the Standard SKU is IPv4 only.",
			spec.outboundType.line,
		);
	}
}

/** Kubenet takes no Azure network policy (Calico works): https://learn.microsoft.com/azure/aks/configure-kubenet. */
function checkKubenetPolicy(plan: PlanResult, spec: Spec, report: Report): void {
	const policy = spec.networkPolicy;
	if (plan.model === "kubenet" && policy?.value.toLowerCase() === "azure") {
		report(
			"error",
			"Kubenet clusters cannot use Azure network policy; use Calico, or move to Azure CNI Overlay.",
			policy.line,
		);
	}
}

/**
 * Keys fit the network model: no pod CIDR with Azure CNI node subnet, no pod subnet with overlay
 * or kubenet, no Cilium with kubenet or Windows, no Windows or Azure network policy with kubenet,
 * dual-stack only where the model has it (a warning for BYO CNI and a user-assigned NAT gateway).
 */
export const modelMismatch: Rule = {
	code: "model-mismatch",
	examples: {
		fails: [
			"networkPlugin: azure\npodCidr: 10.244.0.0/16",
			"networkPlugin: kubenet\nnetworkDataplane: cilium",
			// Dual-stack: a Private Link Service (warning), static block and BYO CNI (warnings).
			"ipFamilies: [IPv4, IPv6]\nloadBalancers:\n  - { name: api, type: internal, privateLinkIps: 1 }",
			"networkPlugin: azure\npodSubnet: 10.1.0.0/16\npodIpAllocationMode: StaticBlock\nipFamilies: [IPv4, IPv6]",
			"networkPlugin: none\nipFamilies: [IPv4, IPv6]",
		],
		passes: [
			"networkPlugin: azure\nnetworkPluginMode: overlay\npodCidr: 10.244.0.0/16",
			"ipFamilies: [IPv4, IPv6]\nloadBalancers:\n  - { name: api, type: internal }",
		],
	},
	check(plan, spec, report) {
		checkPodKeys(plan, spec, report);
		checkDataplane(plan, spec, report);
		checkDualStack(plan, spec, report);
		checkKubenetPolicy(plan, spec, report);
	},
};

/** An overlay cluster with Azure Network Policy Manager and no surge; pools follow. */
const NPM_BASE =
	"networkPolicy: azure\nvnet: 10.0.0.0/8\nnodeSubnet: 10.0.0.0/16\npodCidr: 10.128.0.0/12\nmaxSurge: 0\nmaxUnavailable: 1\n";

/**
 * Azure Network Policy Manager (networkPolicy: azure) is not supported past 250 nodes or 20,000
 * pods: it runs out of memory (https://learn.microsoft.com/azure/aks/use-network-policies). Counted
 * at full scale: every pool at maxCount plus surge, each node at maxPods.
 */
export const networkPolicyManagerLimit: Rule = {
	code: "node-limit",
	examples: {
		fails: [`${NPM_BASE}count: 251`, `${NPM_BASE}count: 81\nmaxPods: 250`],
		passes: [`${NPM_BASE}count: 250\nmaxPods: 30`, `${NPM_BASE}count: 80\nmaxPods: 250`],
	},
	check(plan, spec, report) {
		const policy = spec.networkPolicy;
		if (policy?.value.toLowerCase() !== "azure" || plan.model === "kubenet" || plan.model === "none") return;
		const nodes = plan.nodesAtFullScale;
		const pods = podsAtFullScale(plan.pools);
		if (nodes <= 250 && pods <= 20_000) return;
		report(
			"warning",
			`Azure Network Policy Manager (networkPolicy: azure) is not supported past 250 nodes or 20,000 pods (it runs out of memory); at full scale this cluster reaches ${groupDigits(nodes)} nodes and ${groupDigits(pods)} pods at maxPods. Use Cilium (networkDataplane: cilium, networkPolicy: cilium) or Calico.`,
			policy.line,
		);
	},
};

/**
 * Kubenet is retired on 2028-03-31 (plugin decision: warn).
 */
export const kubenetRetirement: Rule = {
	code: "kubenet-retirement",
	examples: { fails: ["networkPlugin: kubenet"], passes: ["networkPlugin: azure\nnetworkPluginMode: overlay"] },
	check(plan, spec, report) {
		if (plan.model !== "kubenet") return;
		report(
			"warning",
			"Kubenet is retired on 2028-03-31. Plan the move to Azure CNI Overlay, which keeps pods on a private pod CIDR and needs no route table: see Move to Azure CNI Overlay (aks-ip migrate).",
			spec.networkPlugin?.line ?? plan.line,
		);
	},
};
