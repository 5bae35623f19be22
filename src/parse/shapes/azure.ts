/**
 * Azure's own shapes: `az aks show` (and ARM's `properties` wrapper: `az resource show`, REST
 * bodies, ARM template resources, what-if), `az aks nodepool show`, `az network vnet show` and
 * `az network vnet subnet show`, each read into parts (parts.ts) with the source nodes kept.
 */
import { isMap, type YAMLMap } from "yaml";
import { clip } from "../../core/text";
import {
	ACCESS_PROFILE_KEYS,
	LB_PROFILE_KEYS,
	MANAGED_OUTBOUND_IPS_KEYS,
	NETWORK_PROFILE_KEYS,
	TOP_KEYS,
	type KeySchema,
} from "../keys";
import type { Entry, Reader } from "../reader";
import { Fields, fieldsOf, lastSegment, mapOf, scalarAt, subnetOfId, textOf } from "./nodes";
import {
	purposeOfDelegation,
	SUBNET_KEYS_OF_POOL,
	type ClusterPart,
	type PoolPart,
	type SubnetPart,
	type VnetPart,
} from "./parts";

/** Spec keys that Azure's cluster documents spell differently and that are read apart. */
const READ_APART = new Set(["networkProfile", "properties", "agentPools"]);
const ARM_ENVELOPE = ["apiVersion", "dependsOn", "resources", "condition", "copy", "scope", "comments"];

/** `az aks show`, or any managed cluster resource with its `properties`. */
export function clusterPart(r: Reader, map: YAMLMap, source: string): ClusterPart {
	const root = fieldsOf(r, map);
	const props = root.map("properties");
	const entries = new Map<string, Entry>();
	for (const f of props ? [root, props] : [root]) {
		for (const raw of f.keys()) {
			const canonical = TOP_KEYS.lookup.get(raw.toLowerCase());
			if (canonical === undefined || READ_APART.has(canonical) || entries.has(canonical)) continue;
			const e = f.entry(raw);
			if (e) entries.set(canonical, e);
		}
	}
	const net = root.map("networkProfile") ?? props?.map("networkProfile");
	if (net) readNetworkProfile(r, net, entries);
	const part: ClusterPart = {
		kind: "cluster",
		source,
		line: r.line(map, r.firstLine),
		entries,
		pools: [],
		unmapped: () => [],
	};
	// An ARM resource's envelope: read elsewhere (child resources) or of no concern to addresses.
	for (const key of ARM_ENVELOPE) root.use(key);
	const poolsKey = root.has("agentPoolProfiles") ? root : props;
	const pools = poolsKey?.entry("agentPoolProfiles");
	if (pools) {
		part.poolsLine = pools.line;
		for (const m of poolsKey?.seq("agentPoolProfiles") ?? []) if (isMap(m)) part.pools.push(poolPart(r, m, source));
	}
	part.unmapped = () => [
		...root.unused(""),
		...(props?.unused("properties.") ?? []),
		...(net?.unused("networkProfile.") ?? []),
		// What the spec reader takes from these profiles (top.ts), by their schemas.
		...unusedOf(net?.map("loadBalancerProfile"), "networkProfile.loadBalancerProfile.", LB_PROFILE_KEYS),
		...unusedOf(
			net?.map("loadBalancerProfile")?.map("managedOutboundIPs"),
			"networkProfile.loadBalancerProfile.managedOutboundIPs.",
			MANAGED_OUTBOUND_IPS_KEYS,
		),
		...unusedOf(
			(props ?? root).map("apiServerAccessProfile") ?? root.map("apiServerAccessProfile"),
			"apiServerAccessProfile.",
			ACCESS_PROFILE_KEYS,
		),
	];
	return part;
}

function unusedOf(f: Fields | undefined, path: string, read: KeySchema): string[] {
	if (!f) return [];
	for (const k of read.canonical) f.use(k);
	return f.unused(path);
}

/** networkProfile's keys as if they stood at the top; one given at both places keeps the first. */
function readNetworkProfile(r: Reader, net: Fields, entries: Map<string, Entry>): void {
	for (const raw of net.keys()) {
		const canonical = TOP_KEYS.lookup.get(raw.toLowerCase());
		if (canonical === undefined || !NETWORK_PROFILE_KEYS.has(canonical)) continue;
		const e = net.entry(raw);
		if (!e) continue;
		const existing = entries.get(canonical);
		if (existing) {
			r.report(
				"error",
				"duplicate-key",
				`${canonical} is given both at line ${existing.line} and in networkProfile; the first is used.`,
				e.line,
			);
			continue;
		}
		entries.set(canonical, e);
	}
}

/**
 * A node pool: `az aks nodepool show`, an item of agentPoolProfiles, or an ARM agentPools
 * resource, whose settings sit under `properties` and whose name is `cluster/pool`.
 */
export function poolPart(r: Reader, map: YAMLMap, source: string): PoolPart {
	const f = fieldsOf(r, map);
	const props = f.map("properties");
	const nameNode = f.node("name");
	const fullName = textOf(nameNode) ?? "";
	let node = map;
	if (props) {
		const pairs = props.keys().map((k) => ({ key: k, keyAt: props.keyNode(k), value: props.node(k) }));
		const name = scalarAt(lastSegment(fullName), nameNode);
		node = mapOf([{ key: "name", keyAt: f.keyNode("name"), value: name }, ...pairs], map);
	}
	const part: PoolPart = {
		kind: "pool",
		source,
		line: r.line(map, r.firstLine),
		name: lastSegment(fullName),
		node,
		subnets: [],
	};
	const owner = /\/managedClusters\/([^/]+)\/agentPools\//i.exec(textOf(f.node("id")) ?? "")?.[1];
	const cluster = owner ?? (fullName.includes("/") ? fullName.split("/")[0] : undefined);
	if (cluster) part.cluster = { name: cluster, at: nameNode };
	const settings = props ?? f;
	for (const key of SUBNET_KEYS_OF_POOL) {
		const ref = subnetOfId(textOf(settings.node(key)));
		if (ref) part.subnets.push(ref.name);
	}
	return part;
}

/** `az network vnet show` (or a virtualNetworks resource with `properties`). */
export function vnetPart(r: Reader, map: YAMLMap, source: string): VnetPart {
	const f = fieldsOf(r, map);
	const p = f.map("properties") ?? f;
	const name = textOf(f.node("name")) ?? "vnet";
	const part: VnetPart = {
		kind: "vnet",
		source,
		line: r.line(map, r.firstLine),
		name: lastSegment(name),
		subnets: [],
		peered: [],
	};
	const space = p.map("addressSpace");
	const prefixes = space?.entry("addressPrefixes");
	if (prefixes) part.prefixes = prefixes;
	for (const s of p.maps("subnets")) part.subnets.push(subnetPart(r, s.raw, source, part.name));
	for (const peering of p.maps("virtualNetworkPeerings")) {
		const pp = peering.map("properties") ?? peering;
		const remote = pp.map("remoteAddressSpace")?.entry("addressPrefixes");
		if (!remote?.node) continue;
		const id = textOf(pp.map("remoteVirtualNetwork")?.node("id"));
		const remoteName = id ? lastSegment(id) : (textOf(peering.node("name")) ?? "peering");
		part.peered.push({ name: remoteName, node: remote.node, at: remote.node });
	}
	return part;
}

/** A subnet: an item of a VNet's `subnets`, `az network vnet subnet show`, or a subnets resource. */
export function subnetPart(r: Reader, map: YAMLMap, source: string, vnet?: string): SubnetPart {
	const f = fieldsOf(r, map);
	const p = f.map("properties") ?? f;
	const nameNode = f.node("name");
	const fullName = textOf(nameNode) ?? "subnet";
	const prefix = p.entry("addressPrefix");
	const list = p.seq("addressPrefixes");
	const cidr = prefix?.node ?? list[0] ?? null;
	const part: SubnetPart = {
		kind: "subnet",
		source,
		line: r.line(map, r.firstLine),
		name: lastSegment(fullName),
		at: cidr ?? nameNode,
		cidr,
	};
	const owner = subnetOfId(textOf(f.node("id")))?.vnet ?? (fullName.includes("/") ? fullName.split("/")[0] : vnet);
	if (owner) part.vnet = owner;
	if (!prefix?.node && list.length > 1) {
		r.report(
			"info",
			"input-format",
			`Subnet "${clip(part.name)}" has ${list.length} address prefixes; the plan reads the first only.`,
			r.line(cidr, part.line),
		);
	}
	for (const d of p.maps("delegations")) {
		const service = textOf((d.map("properties") ?? d).node("serviceName"));
		part.purpose ??= purposeOfDelegation(service);
	}
	if (p.seq("applicationGatewayIPConfigurations").length > 0) part.purpose ??= "appGateway";
	const ipConfigurations = p.seq("ipConfigurations").length;
	if (ipConfigurations > 0) part.ipConfigurations = ipConfigurations;
	return part;
}

/** The type of an Azure resource document, lower-cased; "" when it has none. */
export function azureType(r: Reader, map: YAMLMap): string {
	const type = fieldsOf(r, map).peek("type");
	return (textOf(type) ?? "").toLowerCase();
}
