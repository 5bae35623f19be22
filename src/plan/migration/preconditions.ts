/**
 * The documented preconditions of the in-place move to Azure CNI Overlay, each judged from what
 * the spec says: pass, fail, or unknown when the spec cannot tell.
 * https://learn.microsoft.com/azure/aks/update-azure-cni
 */
import type { Spec } from "../../parse/types";
import type { PlanResult } from "../types";

export type CheckStatus = "pass" | "fail" | "unknown";

type PreconditionId =
	"source-model" | "kubernetes-version" | "network-policy" | "windows-pools" | "dual-stack" | "managed-identity";

export interface Precondition {
	id: PreconditionId;
	/** What is required, in a few words. */
	title: string;
	status: CheckStatus;
	/** Why, and what to do. */
	detail: string;
	/** The spec line it is judged from, when there is one. */
	line: number | null;
}

const TITLES: Record<PreconditionId, string> = {
	"source-model": "Azure CNI node subnet or kubenet",
	"kubernetes-version": "Kubernetes 1.22 or later",
	"network-policy": "No network policy engine",
	"windows-pools": "No Windows pool on Docker",
	"dual-stack": "IPv4 only",
	"managed-identity": "A user-assigned managed identity",
};

function check(id: PreconditionId, status: CheckStatus, detail: string, line?: number | null): Precondition {
	return { id, title: TITLES[id], status, detail, line: line ?? null };
}

const RECREATE = "recreate the cluster with Azure CNI Overlay.";

/** The IPAM move goes to overlay only from node subnet and kubenet; pod subnets cannot move in place. */
function sourceModel(plan: PlanResult, spec: Spec): Precondition {
	const line = spec.networkPlugin?.line;
	if (!plan.modelKnown)
		return check("source-model", "unknown", "The input does not say the network model: add networkPlugin.", line);
	if (plan.model === "kubenet" || plan.model === "azure-cni-node-subnet")
		return check("source-model", "pass", "The move to overlay starts from this model.", line);
	if (plan.model === "azure-cni-overlay")
		return check("source-model", "fail", "The cluster already uses Azure CNI Overlay.", line);
	if (plan.model === "none")
		return check("source-model", "fail", `A cluster with its own CNI has no documented move: ${RECREATE}`, line);
	const what =
		plan.model === "azure-cni-pod-subnet-dynamic"
			? "Dynamic IP allocation (a pod subnet)"
			: "A static block pod subnet";
	const podLine = spec.podSubnet?.line ?? spec.pools.find((p) => p.podSubnet)?.podSubnet?.line ?? line;
	return check("source-model", "fail", `${what} cannot move to overlay in place: ${RECREATE}`, podLine);
}

/**
 * An existing cluster can be updated to overlay on Kubernetes 1.22 or later
 * (https://learn.microsoft.com/azure/aks/upgrade-aks-ipam-and-dataplane).
 */
const MIN_MINOR = 22;

function version(spec: Spec): Precondition {
	const v = spec.kubernetesVersion;
	if (!v)
		return check(
			"kubernetes-version",
			"unknown",
			"No version given: add kubernetesVersion (az aks show prints it).",
		);
	const ok = v.value.major > 1 || (v.value.major === 1 && v.value.minor >= MIN_MINOR);
	const detail = ok
		? `The cluster runs ${v.value.text}.`
		: `The cluster runs ${v.value.text}: upgrade it to 1.${MIN_MINOR} or later first.`;
	return check("kubernetes-version", ok ? "pass" : "fail", detail, v.line);
}

function policy(spec: Spec): Precondition {
	const p = spec.networkPolicy;
	const value = p?.value.toLowerCase();
	if (!p || value === "none")
		return check(
			"network-policy",
			"pass",
			p ? "networkPolicy is none." : "No networkPolicy given: AKS's default is none.",
			p?.line,
		);
	if (value === "azure" || value === "calico")
		return check("network-policy", "fail", `networkPolicy is ${p.value}: uninstall it before the move.`, p.line);
	return check(
		"network-policy",
		"unknown",
		`networkPolicy is ${p.value}; the move is documented without network policies: check first.`,
		p.line,
	);
}

function windows(plan: PlanResult, spec: Spec): Precondition {
	const pools = plan.pools.filter((p) => p.osType === "Windows").map((p) => p.name);
	if (pools.length === 0) return check("windows-pools", "pass", "Every pool runs Linux.");
	const line = spec.pools.find((p) => p.osType?.value === "Windows")?.osType?.line;
	return check(
		"windows-pools",
		"unknown",
		`Windows pools ${pools.join(", ")} need containerd, not Docker, and Windows Server build 20348.1668 or later; the spec does not say.`,
		line,
	);
}

function dualStack(plan: PlanResult, spec: Spec): Precondition {
	if (plan.ipFamilies.length < 2)
		return check("dual-stack", "pass", "The cluster is IPv4 only.", spec.ipFamilies?.line);
	return check(
		"dual-stack",
		"fail",
		`The move takes one IPv4 pod CIDR; none is documented for dual-stack: ${RECREATE}`,
		spec.ipFamilies?.line,
	);
}

export function preconditions(plan: PlanResult, spec: Spec): Precondition[] {
	const out = [sourceModel(plan, spec), version(spec), policy(spec), windows(plan, spec), dualStack(plan, spec)];
	// Kubenet's route table is detached during the move, which takes a user-assigned identity.
	if (plan.model === "kubenet")
		out.push(
			check(
				"managed-identity",
				"unknown",
				"Detaching kubenet's route table needs a user-assigned managed identity; the spec does not say.",
			),
		);
	return out;
}
