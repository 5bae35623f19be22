/**
 * What one block means to others: the part of its plan the registry keeps, the network a
 * `vnet: [[Note]]` link hands a cluster, and the part of a block that decides networks and links.
 */
import type { LinkedVnet, PlanResult } from "../plan/types";
import type { RangeItem } from "./items";
import { noteName } from "./links";

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
	const { kind, parsed, cluster, links, ignore, findings } = plan;
	const borrowed: string[] = [];
	for (const s of plan.subnets) if (s.from !== undefined && s.name !== null) borrowed.push(s.name);
	const network = parsed
		? {
				spaces: plan.vnet.filter((v) => !v.defaulted).map((v) => v.cidr),
				subnets: plan.subnets
					.filter((s) => s.name !== null && !s.defaulted)
					.map((s) => ({ name: s.name ?? "", cidr: s.cidr, purpose: s.purpose })),
			}
		: null;
	return { kind, parsed, cluster, links, ignore, findings, network, borrowed };
}

/** The network a cluster linking `path` lives in, from that note's block `plan`. */
export function linkedVnetOf(path: string, plan: RegistryPlan): LinkedVnet | null {
	return plan.network ? { note: `[[${noteName(path)}]]`, ...plan.network } : null;
}

/** A linked VNet as text ("" for none): the same text, the same plan. */
export function envKey(env: LinkedVnet | null): string {
	if (!env) return "";
	const subnets = env.subnets.map((s) => `${s.name}=${s.cidr.text}:${s.purpose}`).join(",");
	return `${env.note}|${env.spaces.map((c) => c.text).join(",")}|${subnets}`;
}

/**
 * What a block means to networks and links: its kind, name, the ranges that stand for its
 * network or name others (VNet spaces, routed ranges, subnets outside its spaces, peered CIDRs)
 * and where its links lead. When it changes, every pair is judged again.
 */
export function topoKey(plan: RegistryPlan, items: RangeItem[], vnet: string | null, peers: (string | null)[]): string {
	const ranges = items
		.filter((i) => (i.top && i.kind !== "pod" && i.kind !== "service") || i.kind === "peered")
		.map((i) => `${i.kind}:${i.cidr.text}`)
		.join(",");
	return `${plan.kind}|${plan.cluster}|${ranges}|${vnet ?? ""}|${peers.join(",")}`;
}
