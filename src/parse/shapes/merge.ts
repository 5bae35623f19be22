/**
 * Parts → one spec: a cluster (or the spec written by hand) gives the top-level keys, pools join
 * from wherever they come, the cluster's VNet gives `vnet` and `subnets` (its subnets resolve the
 * cluster's subnet IDs by name), other VNets and peerings become `peered`.
 */
import { isMap, Pair, type Node } from "yaml";
import { clip } from "../../core/text";
import type { Entry, Reader } from "../reader";
import type { Normalised } from "./index";
import { mapOf, scalarAt, seqOf } from "./nodes";
import type { ClusterPart, Part, PoolPart, SubnetPart, VnetPart } from "./parts";

export function merge(r: Reader, parts: Part[]): Normalised | null {
	const specs = parts.filter((p): p is ClusterPart => p.kind === "spec");
	const clusters = parts.filter((p): p is ClusterPart => p.kind === "cluster");
	const vnets = parts.filter((p): p is VnetPart => p.kind === "vnet");
	const written = parts.some((p) => p.kind !== "spec");
	if (parts.length === 0) return null;
	const top = new Map<string, Entry>();
	for (const p of [...specs, ...clusters.slice(0, 1)]) for (const [k, e] of p.entries) if (!top.has(k)) top.set(k, e);
	const [cluster, ...others] = clusters;
	if (cluster && others.length > 0) {
		const names = others.map((c) => `"${clip(textOr(c.entries.get("cluster"), "?"))}" (line ${c.line})`);
		r.report(
			"warning",
			"input-format",
			`A block plans one cluster: it reads "${clip(textOr(cluster.entries.get("cluster"), "the first"))}" and ignores ${names.join(", ")}. Put each cluster in its own block.`,
			others[0]?.line ?? cluster.line,
		);
	}
	const pools = [...(cluster?.pools ?? []), ...parts.filter((p): p is PoolPart => p.kind === "pool")];
	if (!top.has("agentPools")) addPools(top, pools, cluster);
	if (!cluster && !top.has("cluster")) {
		const owner = pools.find((p) => p.cluster)?.cluster;
		if (owner)
			top.set("cluster", {
				key: "cluster",
				line: r.line(owner.at, r.firstLine),
				node: scalarAt(owner.name, owner.at),
			});
	}
	const vnet = chooseVnet(vnets, pools);
	if (vnet?.prefixes && !top.has("vnet")) top.set("vnet", { ...vnet.prefixes, key: "vnet" });
	addSubnets(r, top, parts, vnet, pools);
	addPeered(r, top, vnets, vnet);
	const networkUnknown = specs.length === 0 && clusters.length === 0;
	if (networkUnknown) reportNetworkUnknown(r, parts);
	return {
		top,
		written,
		sources: [...new Set(parts.map((p) => p.source).filter((s) => s !== ""))],
		networkUnknown,
		unmapped: cluster?.unmapped ?? (() => []),
		unused: parts.flatMap((p) => (p.kind === "other" ? [p.what] : [])),
	};
}

function textOr(e: Entry | undefined, fallback: string): string {
	const v = (e?.node as { value?: unknown } | null)?.value;
	return typeof v === "string" ? v : fallback;
}

/** Pools of the cluster and standalone ones; a pool shown twice (by two commands) is read once. */
function addPools(top: Map<string, Entry>, pools: PoolPart[], cluster: ClusterPart | undefined): void {
	if (pools.length === 0) return;
	const seen = new Set<string>();
	const nodes: Node[] = [];
	for (const p of pools) {
		const key = p.name.toLowerCase();
		if (key !== "" && seen.has(key)) continue;
		seen.add(key);
		nodes.push(p.node);
	}
	const line = cluster?.poolsLine ?? pools[0]?.line ?? 1;
	top.set("agentPools", { key: "agentPools", line, node: seqOf(nodes) });
}

/** Subnet names Azure reserves for a hub's services. */
const HUB_SUBNETS =
	/^(?:AzureFirewallSubnet|AzureFirewallManagementSubnet|AzureBastionSubnet|GatewaySubnet|RouteServerSubnet)$/i;

/** The VNet that holds the pools' subnets; else the one with most subnets of its own (not a hub's). */
function chooseVnet(vnets: VnetPart[], pools: PoolPart[]): VnetPart | undefined {
	const used = new Set(pools.flatMap((p) => p.subnets.map((s) => s.toLowerCase())));
	const holding = vnets.find((v) => v.subnets.some((s) => used.has(s.name.toLowerCase())));
	if (holding) return holding;
	const own = (v: VnetPart) => v.subnets.filter((s) => !HUB_SUBNETS.test(s.name)).length;
	return vnets.reduce<VnetPart | undefined>(
		(best, v) => (best === undefined || own(v) > own(best) ? v : best),
		undefined,
	);
}

function addSubnets(
	r: Reader,
	top: Map<string, Entry>,
	parts: Part[],
	vnet: VnetPart | undefined,
	pools: PoolPart[],
): void {
	const standalone = parts.filter((p): p is SubnetPart => p.kind === "subnet");
	const inVnet = (s: SubnetPart) => !vnet || !s.vnet || s.vnet.toLowerCase() === vnet.name.toLowerCase();
	const subnets = [...(vnet?.subnets ?? []), ...standalone.filter(inVnet)];
	if (subnets.length === 0) return;
	const used = new Set(pools.flatMap((p) => p.subnets.map((s) => s.toLowerCase())));
	const given = top.get("subnets");
	const pairs: Pair[] = isMap(given?.node) ? [...given.node.items] : [];
	if (given && pairs.length === 0 && !r.isEmpty(given.node)) return;
	const seen = new Set<string>();
	for (const s of subnets) {
		const key = s.name.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		const mine = used.has(key);
		const extras: { key: string; value: Node | null }[] = [];
		if (s.purpose && !mine) extras.push({ key: "purpose", value: scalarAt(s.purpose, s.at) });
		if (s.ipConfigurations && !mine) extras.push({ key: "extraIps", value: scalarAt(s.ipConfigurations, s.at) });
		const value = extras.length > 0 && s.cidr ? mapOf([{ key: "cidr", value: s.cidr }, ...extras], s.at) : s.cidr;
		pairs.push(new Pair(scalarAt(s.name, s.at), value));
	}
	const line = given?.line ?? r.line(subnets[0]?.at, r.firstLine);
	const map = mapOf([]);
	map.items.push(...pairs);
	top.set("subnets", { key: "subnets", line, node: map });
}

/** Other VNets' address spaces and the chosen VNet's peerings, by VNet name. */
function addPeered(r: Reader, top: Map<string, Entry>, vnets: VnetPart[], vnet: VnetPart | undefined): void {
	if (top.has("peered")) return;
	const ranges: { name: string; node: Node; at: Node | null }[] = [];
	for (const v of vnets)
		if (v !== vnet && v.prefixes?.node) ranges.push({ name: v.name, node: v.prefixes.node, at: v.prefixes.node });
	for (const p of vnet?.peered ?? []) ranges.push(p);
	const seen = new Set<string>();
	const pairs = ranges.filter((p) => !seen.has(p.name.toLowerCase()) && seen.add(p.name.toLowerCase()));
	if (pairs.length === 0) return;
	const node = mapOf(pairs.map((p) => ({ key: p.name, keyAt: p.at, value: p.node })));
	top.set("peered", { key: "peered", line: r.line(pairs[0]?.at, r.firstLine), node });
}

function reportNetworkUnknown(r: Reader, parts: Part[]): void {
	const what = parts.some((p) => p.kind === "pool") ? "node pools" : "a VNet";
	const sources = [...new Set(parts.map((p) => p.source))].join(", ");
	r.report(
		"warning",
		"missing-key",
		`This block holds ${what} only (${sources}): the cluster's network model and its pod and service ranges are unknown. Add the cluster's az aks show -o json output to this block.`,
		parts[0]?.line ?? r.firstLine,
	);
}
