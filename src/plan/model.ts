/** Network models: how AKS picks one from the keys, and what each means for addresses. */
import type { Spec } from "../parse/types";
import type { ModelId } from "./types";

/**
 * The model, decided the way AKS decides it (README, "The spec language"; default Overlay:
 * https://learn.microsoft.com/azure/aks/azure-cni-overlay).
 */
export function detectModel(spec: Spec): ModelId {
	const plugin = spec.networkPlugin?.value;
	const podSubnet =
		spec.podSubnet !== undefined ||
		spec.invalid.has("pool.podSubnet") ||
		spec.pools.some((p) => p.podSubnet !== undefined);
	if (plugin === "kubenet") return "kubenet";
	if (plugin === "none") return "none";
	// Pools alone: a pod subnet means Azure CNI with pod subnets; otherwise overlay, whose
	// one address per node is the least any model takes (the header says the model is unknown).
	if (spec.networkUnknown && podSubnet) return staticOrDynamic(spec);
	if (plugin === undefined || spec.networkPluginMode?.value === "overlay") return "azure-cni-overlay";
	if (!podSubnet) return "azure-cni-node-subnet";
	return staticOrDynamic(spec);
}

function staticOrDynamic(spec: Spec): ModelId {
	const staticBlock =
		spec.podIpAllocationMode?.value === "StaticBlock" ||
		spec.pools.some((p) => p.podIpAllocationMode?.value === "StaticBlock");
	return staticBlock ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
}

export const MODEL_LABELS: Record<ModelId, string> = {
	"azure-cni-overlay": "Azure CNI Overlay",
	"azure-cni-node-subnet": "Azure CNI node subnet",
	"azure-cni-pod-subnet-dynamic": "Azure CNI pod subnet, dynamic IP allocation",
	"azure-cni-pod-subnet-static": "Azure CNI pod subnet, static block allocation",
	kubenet: "Kubenet",
	none: "Bring your own CNI",
};

function modelLabel(model: ModelId, dataplane: "azure" | "cilium" | null): string {
	return dataplane === "cilium" ? `${MODEL_LABELS[model]}, Cilium data plane` : MODEL_LABELS[model];
}

/** The model of a plan in words; a block of node pools or VNets alone says it does not know it. */
export function planModelLabel(plan: {
	model: ModelId;
	dataplane: "azure" | "cilium" | null;
	modelKnown: boolean;
}): string {
	return plan.modelKnown ? modelLabel(plan.model, plan.dataplane) : "Network model unknown";
}

/** Default maxPods per model (plugin decision); BYO CNI does not size pods. */
export const DEFAULT_MAX_PODS: Record<ModelId, number | null> = {
	"azure-cni-overlay": 250,
	"azure-cni-node-subnet": 30,
	"azure-cni-pod-subnet-dynamic": 250,
	"azure-cni-pod-subnet-static": 250,
	kubenet: 110,
	none: null,
};

/** Models whose pods draw from a cluster-internal pod CIDR, one /24 per node. */
export function usesPodCidr(model: ModelId): boolean {
	return model === "azure-cni-overlay" || model === "kubenet";
}

export function usesPodSubnet(model: ModelId): boolean {
	return model === "azure-cni-pod-subnet-dynamic" || model === "azure-cni-pod-subnet-static";
}

/** Addresses a node takes from a pod subnet: lots of 16 (dynamic floor) or /28 blocks (static). */
export function staticBlocks(maxPods: number): number {
	return Math.ceil((maxPods + 1) / 16);
}

export function dynamicFullDensity(maxPods: number): number {
	return 16 * Math.ceil((maxPods + 8) / 16);
}

/** Percent of the pool's sizing count, rounded up, never above the count. */
export function surgeNodes(surge: { kind: "count" | "percent"; value: number }, sizingCount: number): number {
	const nodes = surge.kind === "percent" ? Math.ceil((sizingCount * surge.value) / 100) : surge.value;
	return Math.min(nodes, sizingCount);
}
