/**
 * The move to Azure CNI Overlay of a kubenet or Azure CNI node subnet cluster: preconditions, a
 * pod CIDR, the target block and its plan, capacity before and after, and the az aks update
 * command that performs it. https://learn.microsoft.com/azure/aks/update-azure-cni
 */
import type { Finding } from "../../core/findings";
import type { Spec } from "../../parse/types";
import type { ClusterGrowth } from "../growth/types";
import type { ModelId, PlanResult } from "../types";
import { preconditions, type CheckStatus, type Precondition } from "./preconditions";
import type { Range } from "../../net/address";
import { proposePodCidr, targetBody, type PodCidrProposal } from "./target";

export interface CapacityChange {
	/** Node subnets: usable IPs, and what the pools need at full scale before and after. */
	nodeSubnets: { cidr: string; usable: bigint; before: bigint; after: bigint }[];
	/** Pod CIDR /24 blocks before (kubenet) and after, with the blocks needed at full scale. */
	podCidr: {
		before: { cidr: string; blocks: bigint } | null;
		after: { cidr: string; blocks: bigint };
		needed: bigint;
	};
	/** Cluster growth in proportion, before and after: total ceilings and the limit that binds. */
	growth: { before: ClusterGrowth | null; after: ClusterGrowth | null };
}

export interface Migration {
	from: ModelId;
	preconditions: Precondition[];
	/** fail when a precondition fails, unknown when one cannot be judged, else pass. */
	verdict: CheckStatus;
	/** What to know before running it: one way, every pool reimaged at once, … */
	notes: string[];
	podCidr: PodCidrProposal | null;
	/** The spec after the move, and its plan's errors (none when the move is clean). */
	target: { body: string; errors: Finding[]; warnings: Finding[] } | null;
	capacity: CapacityChange | null;
	command: string | null;
}

/** Plans a target body (a bare spec). */
type TargetPlanner = (body: string) => PlanResult;

/** True for the models the panel is for: the two that move to overlay in place. */
export function movesToOverlay(model: ModelId): boolean {
	return model === "kubenet" || model === "azure-cni-node-subnet";
}

function verdictOf(checks: Precondition[]): CheckStatus {
	if (checks.some((c) => c.status === "fail")) return "fail";
	return checks.some((c) => c.status === "unknown") ? "unknown" : "pass";
}

function notes(model: ModelId): string[] {
	const out = [
		`The move cannot be undone: no way back to ${model === "kubenet" ? "kubenet" : "node subnet"}.`,
		"It reimages every node pool at once.",
		"A custom azure-ip-masq-agent configuration can break: overlay pod IPs are unreachable from outside the nodes.",
	];
	out.push(
		model === "kubenet"
			? "AKS deletes a managed route table, and removes the pod routes from one you attached."
			: "Move to Cilium in a separate update, not with this one.",
	);
	return out;
}

/** A shell word: plain when safe, else single-quoted. */
function shellWord(text: string): string {
	return /^[A-Za-z0-9_.-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function overlayCommand(plan: PlanResult, podCidr: string): string {
	const name = plan.clusterDefaulted ? "<cluster>" : shellWord(plan.cluster);
	return [
		"az aks update",
		"  --resource-group <resource-group>",
		`  --name ${name}`,
		"  --network-plugin azure",
		"  --network-plugin-mode overlay",
		`  --pod-cidr ${podCidr}`,
	].join(" \\\n");
}

function capacity(plan: PlanResult, target: PlanResult): CapacityChange {
	const after = target.podCidrs.find((c) => c.cidr.family === 4);
	const before = plan.model === "kubenet" ? plan.podCidrs.find((c) => c.cidr.family === 4) : undefined;
	return {
		nodeSubnets: plan.nodeSubnets
			.filter((s) => s.cidr.family === 4)
			.map((s) => ({
				cidr: s.cidr.text,
				usable: s.usable,
				before: s.required,
				after: target.nodeSubnets.find((t) => t.cidr.text === s.cidr.text)?.required ?? s.required,
			})),
		podCidr: {
			before: before ? { cidr: before.cidr.text, blocks: before.blocks } : null,
			after: { cidr: after?.cidr.text ?? "", blocks: after?.blocks ?? 0n },
			needed: after?.requiredBlocks ?? 0n,
		},
		growth: { before: plan.growth?.cluster ?? null, after: target.growth?.cluster ?? null },
	};
}

/** The move of `plan` (planned from `spec`) to Azure CNI Overlay. */
export function moveToOverlay(
	plan: PlanResult,
	spec: Spec,
	planTarget: TargetPlanner,
	estate: readonly Range[] = [],
): Migration {
	const checks = preconditions(plan, spec);
	const base: Migration = {
		from: plan.model,
		preconditions: checks,
		verdict: verdictOf(checks),
		notes: [],
		podCidr: null,
		target: null,
		capacity: null,
		command: null,
	};
	if (!movesToOverlay(plan.model)) return base;
	const podCidr = proposePodCidr(plan, estate);
	if (!podCidr) return { ...base, notes: notes(plan.model) };
	const body = targetBody(plan, spec, podCidr.cidr);
	const target = planTarget(body);
	return {
		...base,
		notes: notes(plan.model),
		podCidr,
		target: {
			body,
			errors: target.findings.filter((f) => f.severity === "error"),
			warnings: target.findings.filter((f) => f.severity === "warning"),
		},
		capacity: capacity(plan, target),
		command: overlayCommand(plan, podCidr.cidr.text),
	};
}
