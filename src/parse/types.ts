/** The parsed spec: what the user wrote, each value with the note line it came from. */
import type { Address, Cidr, Family } from "../net/address";
import type { KubernetesVersion } from "./version";

export interface Loc<T> {
	value: T;
	line: number;
}

type NetworkPlugin = "azure" | "kubenet" | "none";
type Dataplane = "azure" | "cilium";
type AllocationMode = "DynamicIndividual" | "StaticBlock";
export type OsType = "Linux" | "Windows";
export type PoolMode = "System" | "User";
export type Section = "table" | "pools" | "findings" | "growth" | "migration" | "map" | "summary";
export const SECTIONS: readonly Section[] = ["table", "pools", "findings", "growth", "migration", "map", "summary"];

export type Purpose =
	| "apiServer"
	| "appGateway"
	| "appGatewayForContainers"
	| "firewall"
	| "bastion"
	| "gateway"
	| "privateEndpoints"
	| "virtualNodes"
	| "other";

export type Surge = { kind: "count"; value: number } | { kind: "percent"; value: number };

/** A reference to a subnet: a CIDR, the name of an entry of `subnets`, or an Azure resource ID. */
export type SubnetRef =
	| { kind: "cidr"; cidr: Cidr; line: number }
	| { kind: "name"; name: string; line: number }
	| { kind: "id"; id: string; name: string; line: number };

export interface PoolSpec {
	line: number;
	name: Loc<string>;
	/** True when the spec gave no pools and the planner assumes AKS's default pool. */
	assumed: boolean;
	mode?: Loc<PoolMode>;
	count?: Loc<number>;
	minCount?: Loc<number>;
	maxCount?: Loc<number>;
	enableAutoScaling?: Loc<boolean>;
	maxPods?: Loc<number>;
	maxSurge?: Loc<Surge>;
	/** Nodes an upgrade may take out of service at a time (AKS default 0). */
	maxUnavailable?: Loc<Surge>;
	nodeSubnet?: SubnetRef;
	/** Dual-stack: the IPv6 prefix of the node subnet. */
	nodeSubnet6?: SubnetRef;
	podSubnet?: SubnetRef;
	osType?: Loc<OsType>;
	podIpAllocationMode?: Loc<AllocationMode>;
	/** Subnet references a pasted document leaves unknown (reported where they are). */
	unknownRefs?: ("nodeSubnet" | "podSubnet")[];
}

export interface LoadBalancerSpec {
	line: number;
	name: string;
	type: Loc<"internal" | "public">;
	ip?: Loc<Address>;
	subnet?: SubnetRef;
	/** NAT IPs of a Private Link Service on this internal load balancer (1 to 8). */
	privateLinkIps?: Loc<number>;
}

export interface SubnetSpec {
	line: number;
	name: string;
	/** null while the CIDR is not filled in yet (`name:` with no value, reported once, there). */
	cidr: Cidr | null;
	purpose: Purpose;
	/** Addresses other resources take here: private endpoints, VMs, other NICs. */
	extraIps?: Loc<number>;
	/** Private endpoints in this subnet, one address each. */
	privateEndpoints?: Loc<number>;
}

/** A link to another note, as written in the spec: `[[path#subpath|alias]]`. */
export interface NoteLink {
	/** The link path, before `#` and `|` ("Folder/Note"). */
	path: string;
	/** After `#`, or "". */
	subpath: string;
	alias: string | null;
	/** The text between the brackets, as written. */
	text: string;
	line: number;
}

/** What a block describes: a cluster (the default) or a network that is not one. */
export type BlockKind = "cluster" | "network";

export interface PeeredSpec {
	line: number;
	name: string;
	cidr: Cidr;
}

/** `whatIf`: other ceilings to plan with, by scale and by pool name. */
export interface WhatIfSpec {
	line: number;
	scale?: Loc<number>;
	pools: { name: string; ceiling: number; line: number }[];
}

export interface Spec {
	/** Keys given with a value that could not be used: the planner applies no default for them. */
	invalid: Set<string>;
	/** The body is `az aks show` output (or contains its nested shape). */
	azShape: boolean;
	/** The body holds node pools or VNets but no cluster: the network model is not known. */
	networkUnknown?: boolean;
	cluster?: Loc<string>;
	networkPlugin?: Loc<NetworkPlugin>;
	networkPluginMode?: Loc<"overlay">;
	networkDataplane?: Loc<Dataplane>;
	networkPolicy?: Loc<string>;
	outboundType?: Loc<string>;
	/** Outbound public IPs of the cluster load balancer (load-balancer egress). */
	outboundIps?: Loc<number>;
	/** SNAT ports per node; 0 or absent: automatic allocation. */
	allocatedOutboundPorts?: Loc<number>;
	vnet: Loc<Cidr>[];
	nodeSubnet?: SubnetRef;
	nodeSubnet6?: SubnetRef;
	podSubnet?: SubnetRef;
	podCidr?: Loc<Cidr>;
	podCidrs?: Loc<Cidr>[];
	serviceCidr?: Loc<Cidr>;
	serviceCidrs?: Loc<Cidr>[];
	dnsServiceIp?: Loc<Address>;
	maxSurge?: Loc<Surge>;
	maxUnavailable?: Loc<Surge>;
	maxPods?: Loc<number>;
	podIpAllocationMode?: Loc<AllocationMode>;
	ipFamilies?: Loc<Family[]>;
	pools: PoolSpec[];
	poolsLine?: number;
	/** A private cluster: its API server endpoint takes 1 address of the first pool's node subnet. */
	privateCluster?: Loc<boolean>;
	/** API server VNet integration: the API server (and a private cluster's endpoint) in its own subnet. */
	apiServerVnetIntegration?: Loc<boolean>;
	loadBalancers: LoadBalancerSpec[];
	subnets: SubnetSpec[];
	peered: PeeredSpec[];
	/** `kind:`; absent means a cluster. */
	kind?: Loc<BlockKind>;
	/** `vnet: [[Note]]`: the cluster lives in that note's network. */
	vnetLink?: NoteLink;
	/** Links under `peered`, with their names in the map form ("" in a list). */
	peeredLinks: { name: string; link: NoteLink }[];
	/** A network's routed ranges (`ranges`): on-premises, VPN clients, other clouds. */
	ranges: PeeredSpec[];
	ignore: Loc<string>[];
	show?: Loc<Section[]>;
	whatIf?: WhatIfSpec;
	kubernetesVersion?: Loc<KubernetesVersion>;
}
