/**
 * Key names of the spec language: canonical camelCase names (as the AKS API and `az aks show`
 * print them) with their documented aliases. Matching is case-insensitive.
 */

export interface KeySchema {
	/** lower-cased name or alias → canonical name */
	lookup: Map<string, string>;
	/** The names an unknown-key finding lists: `az aks show`'s wrappers are read but not offered. */
	canonical: string[];
}

function schema(keys: Record<string, string[]>, unlisted: string[] = []): KeySchema {
	const lookup = new Map<string, string>();
	for (const [name, aliases] of Object.entries(keys)) {
		lookup.set(name.toLowerCase(), name);
		for (const alias of aliases) lookup.set(alias.toLowerCase(), name);
	}
	return { lookup, canonical: Object.keys(keys).filter((k) => !unlisted.includes(k)) };
}

export const TOP_KEYS = schema(
	{
		kind: [],
		cluster: ["name", "clusterName"],
		networkPlugin: ["plugin"],
		networkPluginMode: ["pluginMode"],
		networkDataplane: ["dataplane"],
		networkPolicy: [],
		kubernetesVersion: [],
		outboundType: [],
		outboundIps: ["managedOutboundIpCount", "outboundIpCount"],
		allocatedOutboundPorts: [],
		loadBalancerProfile: [],
		privateCluster: ["enablePrivateCluster"],
		apiServerVnetIntegration: ["enableVnetIntegration", "enableApiserverVnetIntegration"],
		apiServerAccessProfile: [],
		vnet: ["vnetCidr", "vnetCidrs", "addressSpace", "addressPrefixes", "vnetAddressSpace"],
		nodeSubnet: ["vnetSubnet", "vnetSubnetId", "nodeSubnetId"],
		podSubnet: ["podSubnetId"],
		podCidr: [],
		podCidrs: [],
		serviceCidr: [],
		serviceCidrs: [],
		dnsServiceIp: ["dnsIp"],
		maxSurge: [],
		maxUnavailable: [],
		podIpAllocationMode: [],
		ipFamilies: [],
		agentPools: ["pools", "nodePools", "agentPoolProfiles"],
		count: ["nodeCount"],
		minCount: [],
		maxCount: [],
		maxPods: [],
		osType: [],
		loadBalancers: ["lbs"],
		subnets: [],
		peered: ["peerings", "peeredRanges"],
		ranges: [],
		ignore: [],
		show: [],
		whatIf: [],
		networkProfile: [],
		properties: [],
	},
	["loadBalancerProfile", "apiServerAccessProfile", "networkProfile", "properties"],
);

export const POOL_KEYS = schema({
	name: [],
	mode: [],
	count: ["nodeCount"],
	minCount: [],
	maxCount: [],
	enableAutoScaling: ["autoscaling"],
	maxPods: [],
	maxSurge: [],
	maxUnavailable: [],
	upgradeSettings: [],
	nodeSubnet: ["vnetSubnet", "vnetSubnetId", "subnet"],
	podSubnet: ["podSubnetId"],
	osType: ["os"],
	podIpAllocationMode: [],
	vmSize: [],
	osSku: [],
	availabilityZones: ["zones"],
});

export const LB_KEYS = schema({
	name: [],
	type: [],
	ip: ["address", "staticIp"],
	subnet: [],
	privateLinkIps: ["privateLinkNatIps"],
});

export const SUBNET_KEYS = schema({
	name: [],
	cidr: ["addressPrefix", "prefix"],
	purpose: [],
	extraIps: ["otherIps"],
	privateEndpoints: [],
});

export const UPGRADE_KEYS = schema({
	maxSurge: [],
	maxUnavailable: [],
	drainTimeoutInMinutes: [],
	nodeSoakDurationInMinutes: [],
});

/** `az aks show`'s networkProfile.loadBalancerProfile: ports per node and outbound IPs. */
export const LB_PROFILE_KEYS = schema({ allocatedOutboundPorts: [], managedOutboundIPs: [], outboundIPs: [] });
export const MANAGED_OUTBOUND_IPS_KEYS = schema({ count: [] });
export const OUTBOUND_IPS_KEYS = schema({ publicIPs: [] });

/** `az aks show`'s apiServerAccessProfile: whether the cluster is private, and API server VNet integration. */
export const ACCESS_PROFILE_KEYS = schema({ enablePrivateCluster: [], enableVnetIntegration: [] });

/** Keys of `az aks show`'s networkProfile that the plan reads; its other keys are ignored. */
export const NETWORK_PROFILE_KEYS = new Set([
	"networkPlugin",
	"networkPluginMode",
	"networkDataplane",
	"networkPolicy",
	"outboundType",
	"loadBalancerProfile",
	"podCidr",
	"podCidrs",
	"serviceCidr",
	"serviceCidrs",
	"dnsServiceIp",
	"ipFamilies",
	"podIpAllocationMode",
]);

/**
 * Edit distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`: only a
 * typo-sized distance matters, and most candidates are ruled out by length or in a row or two.
 */
function distance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	const row: number[] = [];
	for (let j = 0; j <= b.length; j++) row.push(j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0] ?? 0;
		row[0] = i;
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j] ?? 0;
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			const value = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
			row[j] = value;
			if (value < rowMin) rowMin = value;
			diagonal = above;
		}
		if (rowMin > limit) return limit + 1;
	}
	return row[b.length] ?? 0;
}

/** Guesses by schema and key: a block re-rendered as it is typed asks again for the same key. */
const guesses = new WeakMap<KeySchema, Map<string, string | undefined>>();

/** The closest canonical key, if it is close enough to be a likely typo. */
export function didYouMean(key: string, keys: KeySchema): string | undefined {
	const lower = key.toLowerCase();
	if (lower.length > 64) return undefined;
	let memo = guesses.get(keys);
	if (!memo) guesses.set(keys, (memo = new Map<string, string | undefined>()));
	if (memo.has(lower)) return memo.get(lower);
	const allowed = Math.max(2, Math.floor(lower.length / 4));
	let best: string | undefined;
	let bestDistance = allowed + 1;
	for (const [candidate, canonical] of keys.lookup) {
		// Ties keep the first candidate, as the full search did.
		const d = distance(lower, candidate, bestDistance - 1);
		if (d < bestDistance) {
			bestDistance = d;
			best = canonical;
		}
	}
	if (memo.size >= 1000) memo.clear();
	memo.set(lower, best);
	return best;
}
