/** The cluster-wide keys of a spec. */
import { isMap, isSeq, type YAMLMap } from "yaml";
import { isFindingCode, FINDING_CODES } from "../core/findings";
import {
	ACCESS_PROFILE_KEYS,
	didYouMean,
	LB_PROFILE_KEYS,
	MANAGED_OUTBOUND_IPS_KEYS,
	OUTBOUND_IPS_KEYS,
	type KeySchema,
} from "./keys";
import { clip } from "../core/text";
import { readVnet } from "./links";
import type { Entry, Reader } from "./reader";
import { SECTIONS, type Loc, type Section, type Spec } from "./types";
import { readKubernetesVersion } from "./version";
import { readWhatIf } from "./whatif";
import {
	readAddress,
	readBool,
	readCidr,
	readCidrList,
	readEnum,
	readInt,
	readNodeSubnets,
	readString,
	readSubnetRef,
	readSurge,
} from "./values";

const OUTBOUND_TYPES = [
	"loadBalancer",
	"managedNATGateway",
	"managedNATGatewayV2",
	"userAssignedNATGateway",
	"userDefinedRouting",
	"none",
	"block",
] as const;

/** Range keys whose empty value is reported: Convert writes them so when the source leaves them unknown. */
const RANGE_KEYS = new Set(["vnet", "podCidr", "podCidrs", "serviceCidr", "serviceCidrs", "dnsServiceIp"]);

const CODE_SCHEMA: KeySchema = {
	lookup: new Map(Object.keys(FINDING_CODES).map((c) => [c, c])),
	canonical: Object.keys(FINDING_CODES),
};

export function readTopLevel(r: Reader, top: Map<string, Entry>, spec: Spec): void {
	/** Reads a key; a key that was given but could not be used is remembered as invalid. */
	function read<T>(key: string, reader: (e: Entry) => T | undefined): T | undefined {
		const e = top.get(key);
		if (!e) return undefined;
		const value = reader(e);
		if (value !== undefined) return value;
		if (!r.isEmpty(e.node) || r.unknownNote(e.node) !== undefined || emptyToFill(r, e, key, spec))
			spec.invalid.add(key);
		return value;
	}
	const loc = <T>(e: Entry, v: T | undefined): Loc<T> | undefined =>
		v === undefined ? undefined : { value: v, line: e.line };

	spec.cluster = read("cluster", (e) => readString(r, e));
	spec.networkPlugin = read("networkPlugin", (e) => readEnum(r, e, ["azure", "kubenet", "none"] as const));
	spec.networkPluginMode = read("networkPluginMode", (e) => readEnum(r, e, ["overlay"] as const));
	spec.networkDataplane = read("networkDataplane", (e) => readEnum(r, e, ["azure", "cilium"] as const));
	spec.networkPolicy = read("networkPolicy", (e) => readString(r, e));
	spec.outboundType = read("outboundType", (e) => readEnum(r, e, OUTBOUND_TYPES));
	spec.outboundIps = read("outboundIps", (e) => readInt(r, e, 1, 100));
	spec.allocatedOutboundPorts = read("allocatedOutboundPorts", (e) => readPorts(r, e));
	const profile = top.get("loadBalancerProfile");
	if (profile && isMap(profile.node)) readLoadBalancerProfile(r, profile.node, spec);
	spec.kind = read("kind", (e) => readEnum(r, e, ["cluster", "network"] as const));
	spec.vnet = read("vnet", (e) => readVnet(r, e, spec)) ?? [];
	const nodeSubnets = read("nodeSubnet", (e) => readNodeSubnets(r, e));
	spec.nodeSubnet = nodeSubnets?.v4;
	spec.nodeSubnet6 = nodeSubnets?.v6;
	spec.podSubnet = read("podSubnet", (e) => readSubnetRef(r, e));
	spec.podCidr = read("podCidr", (e) => loc(e, readCidr(r, e, 4)));
	spec.podCidrs = read("podCidrs", (e) => nonEmpty(readCidrList(r, e)));
	spec.serviceCidr = read("serviceCidr", (e) => loc(e, readCidr(r, e, 4)));
	spec.serviceCidrs = read("serviceCidrs", (e) => nonEmpty(readCidrList(r, e)));
	spec.dnsServiceIp = read("dnsServiceIp", (e) => readAddress(r, e, 4));
	spec.maxSurge = read("maxSurge", (e) => readSurge(r, e));
	spec.maxUnavailable = read("maxUnavailable", (e) => readSurge(r, e));
	spec.maxPods = read("maxPods", (e) => readInt(r, e, 0, 100_000));
	spec.podIpAllocationMode = read("podIpAllocationMode", (e) =>
		readEnum(r, e, ["DynamicIndividual", "StaticBlock"] as const),
	);
	spec.ipFamilies = read("ipFamilies", (e) => readFamilies(r, e));
	spec.privateCluster = read("privateCluster", (e) => readBool(r, e));
	spec.apiServerVnetIntegration = read("apiServerVnetIntegration", (e) => readBool(r, e));
	const access = top.get("apiServerAccessProfile");
	if (access && isMap(access.node)) {
		const flags = r.entries(access.node, ACCESS_PROFILE_KEYS, "in apiServerAccessProfile", true);
		const privateFlag = flags.get("enablePrivateCluster");
		const vnetFlag = flags.get("enableVnetIntegration");
		if (!spec.privateCluster && privateFlag) spec.privateCluster = readBool(r, privateFlag);
		if (!spec.apiServerVnetIntegration && vnetFlag) spec.apiServerVnetIntegration = readBool(r, vnetFlag);
	}
	spec.ignore = read("ignore", (e) => readIgnore(r, e)) ?? [];
	spec.show = read("show", (e) => readShow(r, e));
	spec.whatIf = read("whatIf", (e) => readWhatIf(r, e));
	spec.kubernetesVersion = read("kubernetesVersion", (e) => readKubernetesVersion(r, e));
}

/**
 * A key written with nothing after it, in a block (not in a pasted document, where null means
 * unset): a range still to fill in, not a request for the default (Convert writes what the source
 * leaves unknown so). An empty networkPlugin leaves the model unknown.
 */
function emptyToFill(r: Reader, e: Entry, key: string, spec: Spec): boolean {
	if (spec.azShape || r.unknownNote(e.node) !== undefined) return false;
	if (key === "networkPlugin") {
		r.report(
			"warning",
			"missing-key",
			`${e.key} has no value yet: the network model and its pod and service ranges are unknown until it is given.`,
			e.line,
		);
		markNetworkUnknown(spec);
		return false;
	}
	if (!RANGE_KEYS.has(key)) return false;
	r.report(
		"warning",
		"missing-key",
		`${e.key} has no value yet: write it after the colon, or remove the key to take the default.`,
		e.line,
	);
	return true;
}

/** No cluster network profile: the model is not known, and no default range stands in for the cluster's. */
export function markNetworkUnknown(spec: Spec): void {
	spec.networkUnknown = true;
	for (const key of ["podCidr", "podCidrs", "serviceCidr", "serviceCidrs", "dnsServiceIp"]) spec.invalid.add(key);
}

function readPorts(r: Reader, e: Entry): Loc<number> | undefined {
	const ports = readInt(r, e, 0, 64_000);
	if (ports && ports.value % 8 !== 0) {
		r.report(
			"error",
			"invalid-value",
			`allocatedOutboundPorts is ${ports.value}; it must be a multiple of 8 (0 for automatic allocation).`,
			e.line,
		);
		return undefined;
	}
	return ports;
}

/**
 * `az aks show`'s networkProfile.loadBalancerProfile: ports per node, and the outbound IP count
 * (managed IPs, else the public IPs listed). Keys the top level gives win.
 */
function readLoadBalancerProfile(r: Reader, map: YAMLMap, spec: Spec): void {
	const keys = r.entries(map, LB_PROFILE_KEYS, "in loadBalancerProfile", true);
	const ports = keys.get("allocatedOutboundPorts");
	if (ports && !spec.allocatedOutboundPorts) spec.allocatedOutboundPorts = readPorts(r, ports);
	const managed = keys.get("managedOutboundIPs");
	const count =
		managed && isMap(managed.node)
			? r.entries(managed.node, MANAGED_OUTBOUND_IPS_KEYS, "in managedOutboundIPs", true).get("count")
			: undefined;
	if (count && !spec.outboundIps)
		spec.outboundIps = readInt(r, { ...count, key: `${managed?.key ?? "managedOutboundIPs"}.count` }, 1, 100);
	const outbound = keys.get("outboundIPs");
	const ips =
		outbound && isMap(outbound.node)
			? r.entries(outbound.node, OUTBOUND_IPS_KEYS, "in outboundIPs", true).get("publicIPs")
			: undefined;
	if (ips && isSeq(ips.node) && ips.node.items.length > 0 && !spec.outboundIps)
		spec.outboundIps = { value: ips.node.items.length, line: ips.line };
}

function nonEmpty<T>(list: T[]): T[] | undefined {
	return list.length > 0 ? list : undefined;
}

function readFamilies(r: Reader, e: Entry): Loc<(4 | 6)[]> | undefined {
	const families: (4 | 6)[] = [];
	for (const item of r.items(e.node, e.line)) {
		const v = readEnum(r, { ...item, key: "ipFamilies" }, ["IPv4", "IPv6"] as const);
		if (!v) return undefined;
		families.push(v.value === "IPv4" ? 4 : 6);
	}
	const text = families.map((f) => `IPv${f}`).join(", ");
	if (text !== "IPv4" && text !== "IPv4, IPv6") {
		r.report(
			"error",
			"invalid-value",
			`ipFamilies is [${text}]; AKS takes [IPv4] or [IPv4, IPv6] (no IPv6-only clusters).`,
			e.line,
		);
		return undefined;
	}
	return { value: families, line: e.line };
}

function readIgnore(r: Reader, e: Entry): Loc<string>[] {
	const out: Loc<string>[] = [];
	for (const item of r.items(e.node, e.line)) {
		const s = readString(r, { ...item, key: "ignore" });
		if (!s) continue;
		const code = s.value.toLowerCase();
		if (!isFindingCode(code)) {
			const guess = didYouMean(code, CODE_SCHEMA);
			r.report(
				"warning",
				"invalid-value",
				`"${clip(s.value)}" in ignore is not a finding code.${guess ? ` Did you mean "${guess}"?` : ""}`,
				item.line,
			);
			continue;
		}
		out.push({ value: code, line: item.line });
	}
	return out;
}

function readShow(r: Reader, e: Entry): Loc<Section[]> | undefined {
	const out: Section[] = [];
	for (const item of r.items(e.node, e.line)) {
		const v = readEnum(r, { ...item, key: "show" }, SECTIONS);
		if (v && !out.includes(v.value)) out.push(v.value);
	}
	return { value: out, line: e.line };
}
