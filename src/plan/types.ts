/** The plan: numbers and findings computed from a spec. Sizes are bigints (IPv6 ranges are huge). */
import type { Address, Cidr } from "../net/address";
import type { Finding } from "../core/findings";
import type { Proposal } from "../allocate/types";
import type { Growth } from "./growth/types";
import type { WhatIfResult } from "./whatif";
import type { BlockKind, NoteLink, OsType, PoolMode, Purpose, Section, Surge } from "../parse/types";

export type ModelId =
	| "azure-cni-overlay"
	| "azure-cni-node-subnet"
	| "azure-cni-pod-subnet-dynamic"
	| "azure-cni-pod-subnet-static"
	| "kubenet"
	| "none";

export type Role = "node" | "pod" | "other";

/**
 * What else takes addresses in a subnet: `extraIps`, private endpoints, Private Link NAT IPs, a
 * private cluster's endpoint, or API servers (this cluster's 9 under VNet integration).
 */
type ExtraKind = "extraIps" | "privateEndpoints" | "privateLink" | "clusterEndpoint" | "apiServer";

/** A subnet of the VNet, with what the plan puts in it. */
export interface SubnetPlan {
	cidr: Cidr;
	name: string | null;
	role: Role;
	purpose: Purpose;
	/** Line of the key that first named it. */
	line: number;
	/** Assumed by the planner (AKS-managed VNet), not written in the spec. */
	defaulted: boolean;
	size: bigint;
	reserved: bigint;
	usable: bigint;
	/** Demand at full scale: nodes (or pods) of every pool here, plus internal load balancers. */
	required: bigint;
	/** Pod subnets: the demand when every node runs maxPods. */
	requiredAtFullDensity: bigint | null;
	/** Demand without upgrade surge, to tell "fits, but upgrades fail". */
	requiredWithoutSurge: bigint;
	free: bigint;
	pools: string[];
	loadBalancers: string[];
	/** Other demand counted in `required` (private endpoints, Private Link NAT IPs, other NICs), described with its count. */
	extras: { what: string; count: number; kind: ExtraKind }[];
	/** Declared in the linked network's note (named there), not in this block. */
	from?: string;
}

/** A node subnet named by resource ID or name without a CIDR: what it must hold at full scale. */
export interface UnsizedSubnetPlan {
	name: string;
	line: number;
	pools: string[];
	required: bigint;
	/** The smallest IPv4 prefix whose usable addresses hold `required` (null: none does). */
	prefix: number | null;
	usable: bigint | null;
	/** Declared under subnets without a CIDR: that finding's line, and what to add to its message. */
	pending: { line: number; text: string } | null;
}

export interface PodCidrPlan {
	cidr: Cidr;
	line: number;
	defaulted: boolean;
	blockPrefix: number;
	blocks: bigint;
	requiredBlocks: bigint;
}

export interface ServiceCidrPlan {
	cidr: Cidr;
	line: number;
	defaulted: boolean;
	size: bigint;
	dnsServiceIp: Address | null;
	dnsLine: number;
	dnsDefaulted: boolean;
	kubernetesServiceIp: Address;
}

export interface PoolPlan {
	name: string;
	line: number;
	mode: PoolMode;
	osType: OsType;
	count: number;
	countDefaulted: boolean;
	minCount: number | null;
	maxCount: number | null;
	maxPods: number | null;
	maxPodsDefaulted: boolean;
	surge: number;
	/** The surge setting in force (the pool's, the spec's or the default), to recount surge at other sizes. */
	surgeSetting: Surge;
	/** How the surge was set, e.g. "10%, default" or "2". */
	surgeText: string;
	nodesAtFullScale: number;
	nodeSubnet: SubnetPlan | null;
	/** Dual-stack: the IPv6 prefix of the node subnet (one address per node). */
	nodeSubnet6: SubnetPlan | null;
	podSubnet: SubnetPlan | null;
	/** Addresses each node takes from its node subnet, and from its pod subnet or CIDR. */
	nodeSubnetIpsPerNode: number;
	podIpsPerNode: number;
	allocationMode: "DynamicIndividual" | "StaticBlock" | null;
}

export interface LoadBalancerPlan {
	name: string;
	line: number;
	type: "internal" | "public";
	ip: Address | null;
	subnet: SubnetPlan | null;
	/** No `subnet:` given: the frontend goes in the cluster's default subnet (the first pool's node subnet). */
	subnetDefaulted: boolean;
	/** NAT IPs of a Private Link Service on it (0: none). */
	privateLinkIps: number;
}

export interface VnetSpace {
	cidr: Cidr;
	line: number;
	defaulted: boolean;
	/** The note of the linked network this space comes from (`vnet: [[Note]]`). */
	from?: string;
}

/**
 * The network a cluster's `vnet: [[Note]]` links, as the registry knows it: what planning the
 * cluster needs from the other note (its address spaces and named subnets).
 */
export interface LinkedVnet {
	/** The linked note's name, for messages. */
	note: string;
	spaces: Cidr[];
	subnets: { name: string; cidr: Cidr; purpose: Purpose }[];
}

interface PeeredRange {
	name: string;
	cidr: Cidr;
	line: number;
}

export interface PlanResult {
	/** 1-based line of the block's opening fence (1 for a bare spec file). */
	line: number;
	/** A cluster (the default), or a network that is not one (`kind: network`). */
	kind: BlockKind;
	/** False when the body could not be read: only findings are meaningful then. */
	parsed: boolean;
	cluster: string;
	clusterDefaulted: boolean;
	model: ModelId;
	/**
	 * False when the block holds node pools or VNets but no cluster network profile: `model` is
	 * then only what the planner sizes with (overlay's one address per node, the least of any).
	 */
	modelKnown: boolean;
	dataplane: "azure" | "cilium" | null;
	ipFamilies: ("IPv4" | "IPv6")[];
	outboundType: string;
	vnet: VnetSpace[];
	/** Every subnet of the VNet the plan knows: node, pod and other subnets, in spec order. */
	subnets: SubnetPlan[];
	nodeSubnets: SubnetPlan[];
	/** Node subnets known only by resource ID or name, with their need at full scale. */
	unsizedNodeSubnets: UnsizedSubnetPlan[];
	podSubnets: SubnetPlan[];
	podCidrs: PodCidrPlan[];
	serviceCidrs: ServiceCidrPlan[];
	pools: PoolPlan[];
	loadBalancers: LoadBalancerPlan[];
	peered: PeeredRange[];
	/** A network's routed ranges (`ranges`). */
	ranges: PeeredRange[];
	/** Links to other notes: the VNet's network, and networks under `peered`. */
	links: { vnet: NoteLink | null; peered: { name: string; link: NoteLink }[] };
	/** Finding codes the spec silences (`ignore`), for findings added across notes. */
	ignore: string[];
	nodesAtFullScale: number;
	findings: Finding[];
	/** Findings silenced by `ignore`. */
	suppressed: Finding[];
	/** What the allocator proposes (src/allocate); findings point at these through `fix.proposal`. */
	proposals: Proposal[];
	show: Section[] | null;
	/**
	 * How far each pool and the cluster can grow before a new error; null when the body was not
	 * read, or for a lean plan (PlanOptions.lean).
	 */
	growth: Growth | null;
	/** With `whatIf`: this plan is the what-if's, and this compares it with today's. */
	whatIf: WhatIfResult | null;
}
