/**
 * What one block means to others: the network a `vnet: [[Note]]` link hands a cluster, and the
 * part of a block that decides networks and links.
 */
import type { LinkedVnet, PlanResult } from "../plan/types";
import type { RangeItem } from "./items";
import { noteName } from "./links";

/** The network a cluster linking `path` lives in, from that note's block `plan`. */
export function linkedVnetOf(path: string, plan: PlanResult): LinkedVnet | null {
	if (!plan.parsed) return null;
	return {
		note: `[[${noteName(path)}]]`,
		spaces: plan.vnet.filter((v) => !v.defaulted).map((v) => v.cidr),
		subnets: plan.subnets
			.filter((s) => s.name !== null && !s.defaulted)
			.map((s) => ({ name: s.name ?? "", cidr: s.cidr, purpose: s.purpose })),
	};
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
export function topoKey(plan: PlanResult, items: RangeItem[], vnet: string | null, peers: (string | null)[]): string {
	const ranges = items
		.filter((i) => (i.top && i.kind !== "pod" && i.kind !== "service") || i.kind === "peered")
		.map((i) => `${i.kind}:${i.cidr.text}`)
		.join(",");
	return `${plan.kind}|${plan.cluster}|${ranges}|${vnet ?? ""}|${peers.join(",")}`;
}
