/**
 * The documented preconditions of the in-place move to Azure CNI Overlay, each judged from what
 * the spec says: pass, fail, or unknown when the spec cannot tell.
 * https://learn.microsoft.com/azure/aks/update-azure-cni
 */
import type { Spec } from "../../parse/types";
import type { PlanResult } from "../types";

export type CheckStatus = "pass" | "fail" | "unknown";

export interface Precondition {
	id: "source-model" | "kubernetes-version" | "network-policy" | "windows-pools" | "dual-stack" | "managed-identity";
	/** What is required, in a few words. */
	title: string;
	status: CheckStatus;
	/** Why, and what to do. */
	detail: string;
	/** The spec line it is judged from, when there is one. */
	line: number | null;
}

/** Kubernetes version from which the move is documented. */
const MIN_VERSION = { major: 1, minor: 27 };

/** The IPAM move goes to overlay only from node subnet and kubenet; pod subnets cannot move in place. */
function sourceModel(plan: PlanResult, spec: Spec): Precondition {
	const line = spec.networkPlugin?.line ?? null;
	const title = "Azure CNI node subnet or kubenet";
	switch (plan.model) {
		case "kubenet":
		case "azure-cni-node-subnet":
			return {
				id: "source-model",
				title,
				status: "pass",
				detail: "The move to overlay starts from this model.",
				line,
			};
		case "azure-cni-overlay":
			return {
				id: "source-model",
				title,
				status: "fail",
				detail: "The cluster already uses Azure CNI Overlay.",
				line,
			};
		case "none":
			return {
				id: "source-model",
				title,
				status: "fail",
				detail: "A cluster with its own CNI has no documented move to overlay: recreate the cluster.",
				line,
			};
		default:
			return {
				id: "source-model",
				title,
				status: "fail",
				detail: `${plan.model === "azure-cni-pod-subnet-dynamic" ? "Dynamic IP allocation (a pod subnet)" : "A static block pod subnet"} cannot move to overlay in place: recreate the cluster with Azure CNI Overlay.`,
				line: spec.podSubnet?.line ?? spec.pools.find((p) => p.podSubnet)?.podSubnet?.line ?? line,
			};
	}
}

function version(spec: Spec): Precondition {
	const v = spec.kubernetesVersion;
	const title = `Kubernetes ${MIN_VERSION.major}.${MIN_VERSION.minor} or later`;
	if (!v)
		return {
			id: "kubernetes-version",
			title,
			status: "unknown",
			detail: "The spec gives no version: add kubernetesVersion (az aks show prints it).",
			line: null,
		};
	const ok =
		v.value.major > MIN_VERSION.major ||
		(v.value.major === MIN_VERSION.major && v.value.minor >= MIN_VERSION.minor);
	return {
		id: "kubernetes-version",
		title,
		status: ok ? "pass" : "fail",
		detail: ok
			? `The cluster runs ${v.value.text}.`
			: `The cluster runs ${v.value.text}: upgrade it to ${MIN_VERSION.major}.${MIN_VERSION.minor} or later first.`,
		line: v.line,
	};
}

function policy(spec: Spec): Precondition {
	const p = spec.networkPolicy;
	const title = "No network policy engine";
	const value = p?.value.toLowerCase();
	if (!p || value === "none")
		return {
			id: "network-policy",
			title,
			status: "pass",
			detail: p ? "networkPolicy is none." : "No networkPolicy is given: AKS's default is none.",
			line: p?.line ?? null,
		};
	if (value === "azure" || value === "calico")
		return {
			id: "network-policy",
			title,
			status: "fail",
			detail: `networkPolicy is ${p.value}: uninstall Azure Network Policy Manager or Calico before the move, and plan how policies are enforced after it.`,
			line: p.line,
		};
	return {
		id: "network-policy",
		title,
		status: "unknown",
		detail: `networkPolicy is ${p.value}; the move is documented for clusters without network policies enabled: check with Microsoft's guide before moving.`,
		line: p.line,
	};
}

function windows(plan: PlanResult, spec: Spec): Precondition {
	const pools = plan.pools.filter((p) => p.osType === "Windows");
	const title = "No Windows pool on Docker";
	if (pools.length === 0)
		return { id: "windows-pools", title, status: "pass", detail: "Every pool runs Linux.", line: null };
	const line = spec.pools.find((p) => p.osType?.value === "Windows")?.osType?.line ?? pools[0]?.line ?? null;
	return {
		id: "windows-pools",
		title,
		status: "unknown",
		detail: `Windows pool${pools.length > 1 ? "s" : ""} ${pools.map((p) => p.name).join(", ")}: the move needs containerd, not Docker, and Windows Server build 20348.1668 or later; the spec does not say which.`,
		line,
	};
}

function dualStack(plan: PlanResult, spec: Spec): Precondition {
	const title = "IPv4 only";
	if (plan.ipFamilies.length < 2)
		return {
			id: "dual-stack",
			title,
			status: "pass",
			detail: "The cluster is IPv4 only.",
			line: spec.ipFamilies?.line ?? null,
		};
	return {
		id: "dual-stack",
		title,
		status: "fail",
		detail: "The documented move takes one IPv4 pod CIDR; no in-place path is documented for a dual-stack cluster: recreate it with dual-stack Azure CNI Overlay.",
		line: spec.ipFamilies?.line ?? null,
	};
}

/** Kubenet's route table is detached during the move, which needs a user-assigned managed identity. */
function identity(): Precondition {
	return {
		id: "managed-identity",
		title: "A user-assigned managed identity",
		status: "unknown",
		detail: "The kubenet route table is detached during the move, which needs a user-assigned managed identity on the cluster (not a system-assigned one); the spec does not say which it has.",
		line: null,
	};
}

export function preconditions(plan: PlanResult, spec: Spec): Precondition[] {
	const out = [sourceModel(plan, spec), version(spec), policy(spec), windows(plan, spec), dualStack(plan, spec)];
	if (plan.model === "kubenet") out.push(identity());
	return out;
}
