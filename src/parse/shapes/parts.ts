/** What the shape readers find in pasted documents, before it is merged into one spec. */
import type { Node, YAMLMap } from "yaml";
import type { Entry } from "../reader";
import type { Purpose } from "../types";

/** A cluster (or a spec the user wrote): top-level spec keys, pools apart. */
export interface ClusterPart {
	kind: "cluster" | "spec";
	/** What printed it, e.g. "az aks show", "ARM template", "terraform plan". */
	source: string;
	line: number;
	entries: Map<string, Entry>;
	/** The key line under which its pools were listed, if any. */
	poolsLine?: number;
	pools: PoolPart[];
	/** Keys of the pasted object that the plan does not use, as dotted paths (for Convert; computed when asked). */
	unmapped: () => string[];
}

/** A node pool: a map the pool reader takes (Azure's own keys or the spec's). */
export interface PoolPart {
	kind: "pool";
	source: string;
	line: number;
	name: string;
	node: YAMLMap;
	/** The cluster the pool belongs to, when its resource ID or ARM name says so. */
	cluster?: { name: string; at: Node | null };
	/** Subnet names its subnet references point at. */
	subnets: string[];
}

export interface SubnetPart {
	kind: "subnet";
	source: string;
	line: number;
	name: string;
	/** Where the subnet's range is (the prefix, or the name when there is none). */
	at: Node | null;
	/** The address prefix; null when the document gives none. */
	cidr: Node | null;
	purpose?: Purpose;
	/** IP configurations in the subnet now (NICs of VMs, private endpoints, nodes). */
	ipConfigurations?: number;
	vnet?: string;
}

export interface VnetPart {
	kind: "vnet";
	source: string;
	line: number;
	name: string;
	prefixes?: Entry;
	subnets: SubnetPart[];
	/** Address spaces of peered VNets, by the remote VNet's name. */
	peered: { name: string; node: Node; at: Node | null }[];
}

/** A resource the paste holds that the plan does not use (a resource group, an NSG). */
interface OtherPart {
	kind: "other";
	source: string;
	line: number;
	what: string;
}

export type Part = ClusterPart | PoolPart | SubnetPart | VnetPart | OtherPart;

/** Names of the subnets that resource IDs in a pool point at. */
export const SUBNET_KEYS_OF_POOL = ["vnetSubnetId", "podSubnetId", "nodeSubnet", "podSubnet"];

/** Subnet purposes by delegation (service name, lower-cased). */
const DELEGATED: Record<string, Purpose> = {
	"microsoft.containerservice/managedclusters": "apiServer",
	"microsoft.servicenetworking/trafficcontrollers": "appGatewayForContainers",
	"microsoft.containerinstance/containergroups": "virtualNodes",
};

/** A subnet purpose from a delegation's service name. */
export function purposeOfDelegation(service: string | undefined): Purpose | undefined {
	return DELEGATED[service?.toLowerCase() ?? ""];
}
