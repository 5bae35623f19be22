/**
 * What one block means to others: the part of its plan the registry keeps (with the network a
 * `vnet: [[Note]]` link hands a cluster), and the part of a block that decides networks and links.
 */
import type { LinkedVnet, PlanResult } from "../plan/types";
import type { RangeItem } from "./items";

/**
 * What the registry keeps of a block's plan: what the rules across notes, the links, the network
 * view and the inventory read, with the block's own findings. A whole plan (pools, sized subnets,
 * growth, the spec it came from) weighs several times more, and a vault holds thousands of blocks
 * that stay in memory; a block drawn on screen is planned whole by its view.
 */
export interface RegistryPlan extends Pick<
	PlanResult,
	"kind" | "parsed" | "cluster" | "links" | "ignore" | "findings"
> {
	/** What a cluster whose `vnet` links this block is planned with; null when the body was not read. */
	network: Omit<LinkedVnet, "note"> | null;
	/** Names of the subnets the block takes from the network its `vnet` links, in plan order. */
	borrowed: string[];
}

export function registryPlan(plan: PlanResult): RegistryPlan {
	const { kind, parsed, cluster, links, ignore, findings, vnet, subnets } = plan;
	const named = subnets.filter((s) => s.name !== null && !s.defaulted);
	return {
		kind,
		parsed,
		cluster,
		links,
		ignore,
		findings,
		network: parsed
			? {
					spaces: vnet.filter((v) => !v.defaulted).map((v) => v.cidr),
					subnets: named.map((s) => ({ name: s.name ?? "", cidr: s.cidr, purpose: s.purpose })),
				}
			: null,
		borrowed: subnets.flatMap((s) => (s.from !== undefined && s.name !== null ? [s.name] : [])),
	};
}

/** A linked VNet as text ("" for none): the same text, the same plan. */
export function envKey(env: LinkedVnet | null): string {
	if (!env) return "";
	const subnets = env.subnets.map((s) => `${s.name}=${s.cidr.text}:${s.purpose}`).join(",");
	return `${env.note}|${env.spaces.map((c) => c.text).join(",")}|${subnets}`;
}

/**
 * What a block means to networks and links, as text: its kind, name, the ranges that stand for its
 * network or name others (VNet spaces, routed ranges, subnets outside its spaces, peered CIDRs)
 * and where its links lead. When a new plan of a block changes it, every pair is judged again.
 * Made only to compare an old plan with a new one, not kept with every block.
 */
export function topoKey(b: {
	plan: RegistryPlan;
	items: readonly RangeItem[];
	vnetTarget: string | null;
	peerTargets: readonly (string | null)[];
}): string {
	const ranges = b.items
		.filter((i) => (i.top && i.kind !== "pod" && i.kind !== "service") || i.kind === "peered")
		.map((i) => `${i.kind}:${i.cidr.text}`)
		.join(",");
	return `${b.plan.kind}|${b.plan.cluster}|${ranges}|${b.vnetTarget ?? ""}|${b.peerTargets.join(",")}`;
}
