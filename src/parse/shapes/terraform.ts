/**
 * `terraform show -json` of a saved plan or of the state: azurerm_kubernetes_cluster (its
 * network_profile and default_node_pool), azurerm_kubernetes_cluster_node_pool,
 * azurerm_virtual_network and azurerm_subnet. A value known only after apply is marked unknown,
 * with a note naming the resource address; a subnet ID known only after apply is resolved through
 * the configuration's reference to the azurerm_subnet resource when the plan holds it.
 */
import { isScalar, isSeq, type Node } from "yaml";
import type { Entry, Reader } from "../reader";
import { Fields, mapOf, scalarAt, textOf } from "./nodes";
import { expressions, resources, Tf, type Resource } from "./terraform-json";
import { purposeOfDelegation, type ClusterPart, type Part, type PoolPart, type SubnetPart } from "./parts";

export function terraformParts(r: Reader, root: Fields): Part[] {
	const plan = root.has("resource_changes") || root.has("planned_values");
	const source = `terraform show -json of ${plan ? "a plan" : "the state"}`;
	const all = resources(r, root);
	const exprs = expressions(root);
	const byAddress = new Map(all.map((res) => [res.address, res]));
	const parts: Part[] = [];
	const subnetName = (res: Resource, block: string, key: string): string | undefined => {
		let e = exprs.get(res.address.slice(res.module.length));
		if (block) e = e?.maps(block)[0];
		const refs =
			e
				?.map(key)
				?.seq("references")
				.map((n) => textOf(n) ?? "") ?? [];
		for (const ref of refs) {
			const m = /^((?:data\.)?azurerm_subnet\.[\w-]+)/.exec(ref);
			const target = m?.[1] ? byAddress.get(`${res.module}${m[1]}`) : undefined;
			const name = target?.values.str("name");
			if (name) return name;
		}
		return undefined;
	};
	for (const res of all) {
		const tf = new Tf(r, res, res.values, res.unknown, "");
		if (res.type === "azurerm_kubernetes_cluster") parts.push(cluster(r, tf, source, subnetName));
		else if (res.type === "azurerm_kubernetes_cluster_node_pool")
			parts.push(pool(r, tf, source, "", false, subnetName));
		else if (res.type === "azurerm_virtual_network") parts.push(...vnet(r, tf, source));
		else if (res.type === "azurerm_subnet") parts.push(subnet(tf, source));
	}
	return parts;
}

/** network_profile attributes read when known, by spec key. */
const NETWORK_PROFILE: [string, string][] = [
	["networkPlugin", "network_plugin"],
	["networkPluginMode", "network_plugin_mode"],
	["networkPolicy", "network_policy"],
	["outboundType", "outbound_type"],
	["podCidr", "pod_cidr"],
	["podCidrs", "pod_cidrs"],
	["serviceCidrs", "service_cidrs"],
	["ipFamilies", "ip_versions"],
];

type SubnetName = (res: Resource, block: string, key: string) => string | undefined;

function cluster(r: Reader, tf: Tf, source: string, subnetName: SubnetName): ClusterPart {
	const entries = new Map<string, Entry>();
	// Messages name the spec's key; the line is the attribute's.
	const put = (key: string, e: Entry | undefined) => {
		if (e) entries.set(key, { ...e, key });
	};
	put("cluster", tf.known("name"));
	put("privateCluster", tf.known("private_cluster_enabled"));
	const np = tf.block("network_profile");
	for (const [key, attr] of NETWORK_PROFILE) put(key, np.known(attr));
	put("networkDataplane", np.known("network_data_plane") ?? np.known("ebpf_data_plane"));
	// Unknown ranges are reported; a pod CIDR only under kubenet and overlay, elsewhere it is no news.
	const plugin = textOf(np.known("network_plugin")?.node);
	if (plugin === "kubenet" || textOf(np.known("network_plugin_mode")?.node) === "overlay")
		put("podCidr", np.entry("pod_cidr"));
	put("serviceCidr", np.entry("service_cidr"));
	put("dnsServiceIp", np.entry("dns_service_ip"));
	const lb = np.block("load_balancer_profile");
	put("outboundIps", lb.known("managed_outbound_ip_count"));
	put("allocatedOutboundPorts", lb.known("outbound_ports_allocated"));
	const part: ClusterPart = {
		kind: "cluster",
		source,
		line: tf.res.line,
		entries,
		pools: [],
		unmapped: () => [],
	};
	const dnp = tf.block("default_node_pool");
	if (dnp.known("name")) part.pools.push(pool(r, dnp, source, "default_node_pool", true, subnetName));
	return part;
}

function pool(r: Reader, tf: Tf, source: string, block: string, system: boolean, subnetName: SubnetName): PoolPart {
	const pairs: { key: string; keyAt?: Node | null; value: Node | null }[] = [];
	const add = (key: string, e: Entry | undefined) => {
		if (e) pairs.push({ key, keyAt: scalarAt(e.key, e.node), value: e.node });
	};
	const nameEntry = tf.known("name");
	add("name", nameEntry);
	if (system) pairs.push({ key: "mode", value: scalarAt("System", nameEntry?.node) });
	else add("mode", tf.known("mode"));
	const autoscale = tf.known("auto_scaling_enabled") ?? tf.known("enable_auto_scaling");
	add("count", tf.known("node_count"));
	if (isScalar(autoscale?.node) && autoscale.node.value === true) {
		add("minCount", tf.entry("min_count"));
		add("maxCount", tf.entry("max_count"));
	}
	add("maxPods", tf.entry("max_pods"));
	add("osType", tf.known("os_type"));
	add("maxSurge", tf.block("upgrade_settings").known("max_surge"));
	const subnets: string[] = [];
	for (const [key, attr] of [
		["nodeSubnet", "vnet_subnet_id"],
		["podSubnet", "pod_subnet_id"],
	] as const) {
		const known = tf.known(attr);
		if (known) {
			add(key, known);
			continue;
		}
		if (!tf.isUnknown(attr)) continue;
		const name = subnetName(tf.res, block, attr);
		const where = `${block ? `${block}.` : ""}${attr} of ${tf.res.address}`;
		if (name) {
			pairs.push({ key, keyAt: tf.unknownKey(attr), value: scalarAt(name, tf.unknownKey(attr)) });
			subnets.push(name);
		} else
			add(
				key,
				tf.unknownEntry(attr, `${where} is known only after apply, from a subnet this plan does not hold`),
			);
	}
	const name = textOf(nameEntry?.node) ?? "pool";
	return { kind: "pool", source, line: tf.res.line, name, node: mapOf(pairs), subnets };
}

function vnet(r: Reader, tf: Tf, source: string): Part[] {
	const name = textOf(tf.known("name")?.node) ?? tf.res.address;
	const subnets: SubnetPart[] = [];
	for (const s of tf.maps("subnet")) {
		const inner = new Tf(r, tf.res, s, undefined, "subnet.");
		subnets.push(subnet(inner, source, name));
	}
	const prefixes = tf.entry("address_space");
	return [
		{
			kind: "vnet",
			source,
			line: tf.res.line,
			name,
			...(prefixes ? { prefixes } : {}),
			subnets,
			peered: [],
		},
	];
}

function subnet(tf: Tf, source: string, vnetName?: string): SubnetPart {
	const nameEntry = tf.known("name");
	const prefixes = tf.known("address_prefixes") ?? tf.known("address_prefix");
	let cidr: Node | null = null;
	if (prefixes && isSeq(prefixes.node)) cidr = (prefixes.node.items[0] as Node | undefined) ?? null;
	else if (prefixes) cidr = prefixes.node;
	else if (tf.isUnknown("address_prefixes"))
		cidr = tf.unknownEntry(
			"address_prefixes",
			`address_prefixes of ${tf.res.address} is known only after apply`,
		).node;
	const part: SubnetPart = {
		kind: "subnet",
		source,
		line: tf.res.line,
		name: textOf(nameEntry?.node) ?? tf.res.address,
		at: cidr ?? nameEntry?.node ?? null,
		cidr,
	};
	const owner = vnetName ?? textOf(tf.known("virtual_network_name")?.node);
	if (owner) part.vnet = owner;
	for (const d of tf.maps("delegation")) {
		for (const sd of d.maps("service_delegation")) part.purpose ??= purposeOfDelegation(sd.str("name"));
	}
	return part;
}

export function isTerraform(f: Fields): boolean {
	return f.has("format_version") && (f.has("values") || f.has("planned_values") || f.has("resource_changes"));
}
