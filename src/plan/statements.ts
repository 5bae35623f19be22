/**
 * Every sentence a plan writes about a network model: where addresses come from, who manages them,
 * who can reach them, what source IP leaves the cluster, and what can grow. The allocation table,
 * the Markdown summary and the low-headroom finding read them from here, so each model says only
 * what is true of it. Each statement names its Microsoft Learn page in the comment above it (a
 * test reads this file and fails on a statement without one). `{name}` marks a value the caller
 * fills in with `fill`.
 */
import { CELLS, EGRESS, LINES } from "./statements-shared";
import type { ModelId, PlanResult } from "./types";

/** What a model says about its pods (a type, not an interface, so Object.values sees strings). */
export type ModelStatements = {
	/** Summary, node IPs: how node addresses are handed out. */
	nodeManagement: string;
	/** Allocation table, pod rows: Source, Managed by, Reachable from. */
	podSourceCell: string;
	podManagedCell: string;
	podReachCell: string;
	/** Summary, pod IPs. */
	podSource: string;
	podManagement: string;
	podReach: string;
	/** Summary, egress: the source IP private destinations see. */
	privateSource: string;
	/** Summary, IP management: who assigns pod IPs. */
	podManager: string;
	/** Key takeaways: pods, then what bounds the pod range and whether it can grow. */
	podTakeaway: string;
	sizeTakeaway: string;
	/** Overlay only: growth is refused with Windows pools and for IPv6 ranges. */
	growthWindows?: string;
	growthIpv6?: string;
	/** The low-headroom finding's last clause about growing the pod CIDR (kubenet, overlay). */
	headroom?: string;
	headroomWindows?: string;
	headroomIpv6?: string;
	/** BYO CNI: what AKS still requires. */
	aksDuties?: string;
};

// https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning (nodes take subnet IPs as pools scale and upgrade)
const NODE_MANAGEMENT = "Azure assigns each node an address of its pool's subnet as pools scale and upgrade";
// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (only nodes take VNet IPs; pods a private CIDR)
const POD_CIDR_CELL = "Pod CIDR, outside the VNet";
// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (overlay and kubenet: pod initiated; SNAT to the node IP)
const POD_CIDR_REACH_CELL = "Cluster only; pods connect out with the node IP";
// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (a private range, separate from the VNet)
const POD_CIDR_SOURCE = "Cluster-internal pod CIDR {ranges}, separate from the VNet";
// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (a dedicated subnet of the VNet for pods)
const POD_SUBNET_SOURCE = "Pod subnet {subnets}: VNet addresses";
// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (overlay and kubenet: pod initiated, inbound only through a service)
const POD_CIDR_REACH =
	"Within the cluster only: pods open connections to the VNet, peered VNets and on-premises networks, but nothing outside the cluster can open one to a pod (expose it through a service)";
// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (flat models: both ways with VMs in the VNet or peered VNets and with on-premises over VPN or ExpressRoute)
const FLAT_REACH =
	"Both ways: the VNet, peered VNets and on-premises networks over VPN or ExpressRoute reach pods directly at their own IPs";
// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (traffic leaving the pod CIDR is SNAT'd to the node IP)
const NODE_IP_SOURCE = "Outside the cluster, node and pod traffic both show the node IP: pods are SNAT'd to it";
// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (Pod Subnet keeps the pod IP across connected networks)
const POD_IP_SOURCE =
	"Nodes show the node IP; pods show their own IP to every private destination, in the VNet or across peering, VPN and ExpressRoute";
// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (pod CIDR must not overlap peered, ExpressRoute or VPN networks; pods reach out through SNAT)
const POD_CIDR_TAKEAWAY =
	"Pods use the cluster-internal range {ranges}: they reach the VNet and connected networks with their node's IP, and nothing outside the cluster can connect to a pod directly.";
// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (Pod Subnet: direct access both ways; pod IP kept across connected networks)
const POD_SUBNET_TAKEAWAY =
	"Pods take VNet addresses: reachable both ways from the VNet and connected networks, and each pod is its own source IP to every private destination.";

const OVERLAY: ModelStatements = {
	nodeManagement: NODE_MANAGEMENT,
	podSourceCell: POD_CIDR_CELL,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (each node gets a /24; Azure CNI assigns pod IPs from it)
	podManagedCell: "Azure CNI (per-node {block} of the pod CIDR)",
	podReachCell: POD_CIDR_REACH_CELL,
	podSource: POD_CIDR_SOURCE,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (AKS carves a /24 per node; Azure CNI assigns pod IPs from it)
	podManagement: "AKS gives each node its own {block} of the pod CIDR and Azure CNI assigns pod IPs from it",
	podReach: POD_CIDR_REACH,
	privateSource: NODE_IP_SOURCE,
	// https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand (per-node blocks show as NodeNetworkConfig objects)
	podManager:
		"Azure CNI: pod IPs from each node's {block} of the pod CIDR {ranges}, which AKS hands out (a NodeNetworkConfig object per node)",
	podTakeaway: POD_CIDR_TAKEAWAY,
	// https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand (Linux-only clusters; a larger superset; no shrink, no IPv6, no Windows)
	sizeTakeaway:
		"The pod CIDR must hold one {block} per node at the largest scale; it can grow later to a larger range that contains it (clusters with Linux nodes only), but never shrink or move.",
	// https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand (Windows nodes aren't supported for expansion)
	growthWindows:
		"The pod CIDR must hold one {block} per node at the largest scale, and with Windows pools it cannot grow: expansion is for clusters with Linux nodes only.",
	// https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand (IPv6 pod CIDR expansion isn't supported)
	growthIpv6: "The IPv6 pod CIDR cannot grow: only the IPv4 pod CIDR can be expanded.",
	// https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand (expansion is generally available for Linux-only clusters)
	headroom:
		"it cannot shrink, but it can grow to a larger range that contains it (clusters with Linux nodes only; not for IPv6 ranges or Windows pools)",
	// https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand (Windows nodes aren't supported for expansion)
	headroomWindows: "with Windows pools it can neither shrink nor grow, so size it now",
	// https://learn.microsoft.com/azure/aks/azure-cni-overlay-pod-expand (IPv6 pod CIDR expansion isn't supported)
	headroomIpv6: "an IPv6 pod CIDR can neither shrink nor grow, so size it now",
};

const KUBENET: ModelStatements = {
	nodeManagement: NODE_MANAGEMENT,
	podSourceCell: POD_CIDR_CELL,
	// https://learn.microsoft.com/azure/aks/configure-kubenet (a /24 of the pod CIDR per node)
	podManagedCell: "Kubernetes (per-node {block} of the pod CIDR)",
	podReachCell: POD_CIDR_REACH_CELL,
	podSource: POD_CIDR_SOURCE,
	// https://learn.microsoft.com/azure/aks/configure-kubenet (a /24 per node; AKS maintains the UDRs between nodes)
	podManagement:
		"Kubernetes: each node gets its own {block} of the pod CIDR, and AKS keeps a route per node in the subnet's route table",
	podReach: POD_CIDR_REACH,
	// https://learn.microsoft.com/azure/aks/configure-kubenet (pod traffic is NAT'd to the node's primary IP)
	privateSource: "Outside the cluster, node and pod traffic both show the node IP: pods are NAT'd to it",
	// https://learn.microsoft.com/azure/aks/configure-kubenet (pod CIDR split into a /24 per node, routes kept by AKS)
	podManager:
		"Kubernetes: pod IPs from each node's {block} of the pod CIDR {ranges}; AKS keeps the routes between nodes in the route table",
	podTakeaway: POD_CIDR_TAKEAWAY,
	// https://learn.microsoft.com/azure/aks/configure-kubenet (the pod range can't change once the cluster is deployed)
	// https://learn.microsoft.com/azure/aks/update-azure-cni (the move to Azure CNI Overlay may set a larger pod CIDR)
	sizeTakeaway:
		"The pod CIDR must hold one {block} per node at the largest scale and cannot grow: a larger range comes only with the move to Azure CNI Overlay.",
	// https://learn.microsoft.com/azure/aks/update-azure-cni (the move to Azure CNI Overlay may set a larger pod CIDR)
	headroom:
		"a kubenet pod CIDR can neither shrink nor grow: a larger range comes only with the move to Azure CNI Overlay",
};

const NODE_SUBNET: ModelStatements = {
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (maxPods addresses reserved per node up front)
	nodeManagement:
		"Azure assigns each node an address of its pool's subnet as pools scale and upgrade; each node also books maxPods addresses for its pods up front",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (pods take IPs of the node subnet)
	podSourceCell: "Node subnet, shared with nodes",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (addresses reserved up front per node)
	podManagedCell: "Azure CNI (maxPods per node, booked up front)",
	podReachCell: CELLS.connected,
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (every pod gets an address of the subnet)
	podSource: "The node subnet {subnets}: pods take VNet addresses",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (maxPods addresses reserved up front per node)
	podManagement: "Azure CNI: each node books maxPods + 1 addresses of its subnet when it starts, used or not",
	podReach: FLAT_REACH,
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (same VNet sees the pod IP, outside it the node IP; ip-masq-agent)
	// https://learn.microsoft.com/azure/aks/update-azure-cni (a custom ip-masq-agent configuration adds ranges that skip SNAT)
	privateSource:
		"Destinations in the cluster's VNet see the pod IP; peered VNets and on-premises see the node IP, unless their ranges are added to ip-masq-agent's non-masquerade ranges",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (addresses reserved up front per node)
	podManager: "Azure CNI: pod IPs from the node subnet, maxPods booked per node when it starts",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (same VNet sees the pod IP, outside it the node IP)
	podTakeaway:
		"Pods take VNet addresses, reachable both ways from the VNet and connected networks; the cluster's VNet sees each pod's own IP, networks beyond it see the node IP.",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (reserved up front; exhaustion leads to a rebuild in a larger subnet)
	sizeTakeaway:
		"Every node books maxPods + 1 subnet addresses up front, so the node subnet bounds the cluster's size.",
};

const POD_SUBNET_DYNAMIC: ModelStatements = {
	nodeManagement: NODE_MANAGEMENT,
	podSourceCell: CELLS.vnetSubnet,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (batches of 16 per node)
	podManagedCell: "Azure CNI (16 at a time per node)",
	podReachCell: CELLS.connected,
	podSource: POD_SUBNET_SOURCE,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (16 at start, 16 more when fewer than 8 are free)
	podManagement: "Azure CNI hands out lots of 16 addresses as a node's pods need them",
	podReach: FLAT_REACH,
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (FAQ: dynamic pods are always their own source; no ip-masq-agent)
	privateSource:
		"Nodes show the node IP; pods show their own IP to every private destination, in the VNet or across peering, VPN and ExpressRoute (no ip-masq-agent)",
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (batches of 16 per node)
	podManager: "Azure CNI: pod IPs from the pod subnet, 16 at a time per node as its pods need them",
	podTakeaway: POD_SUBNET_TAKEAWAY,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (batches of 16; a new pool can take a new pod subnet)
	sizeTakeaway:
		"Pod addresses come from the pod subnet in lots of 16 per node, so the pod subnet bounds the cluster's size; a new pool can bring a pod subnet of its own.",
};

const POD_SUBNET_STATIC: ModelStatements = {
	nodeManagement: NODE_MANAGEMENT,
	podSourceCell: CELLS.vnetSubnet,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (/28 blocks per node, for the node's lifetime)
	podManagedCell: "Azure CNI (/28 blocks per node, for its lifetime)",
	podReachCell: CELLS.connected,
	podSource: POD_SUBNET_SOURCE,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (blocks by maxPods, present for the node's lifetime)
	podManagement:
		"Azure CNI reserves /28 blocks of 16 addresses, enough for maxPods, when a node starts, and keeps them for the node's lifetime",
	podReach: FLAT_REACH,
	privateSource: POD_IP_SOURCE,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (/28 blocks per node, for the node's lifetime)
	podManager: "Azure CNI: /28 blocks of the pod subnet, reserved when a node starts, for the node's lifetime",
	podTakeaway: POD_SUBNET_TAKEAWAY,
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet (blocks by maxPods; a new pool can take a new pod subnet)
	sizeTakeaway:
		"Every node holds ceil((maxPods + 1) / 16) blocks of 16 pod-subnet addresses from its start, so the pod subnet bounds the cluster's size; a new pool can bring a pod subnet of its own.",
};

// https://learn.microsoft.com/azure/aks/use-byo-cni (the CNI decides pod IPAM, routing and reachability)
const UP_TO_THE_CNI = "Up to the CNI";

const BYO_CNI: ModelStatements = {
	nodeManagement: NODE_MANAGEMENT,
	// https://learn.microsoft.com/azure/aks/use-byo-cni (AKS allocates no pod IPs)
	podSourceCell: "Bring your own CNI",
	// https://learn.microsoft.com/azure/aks/use-byo-cni (AKS neither allocates pod IPs nor preassigns per-node ranges)
	podManagedCell: "The CNI",
	podReachCell: UP_TO_THE_CNI,
	// https://learn.microsoft.com/azure/aks/use-byo-cni (pod IPs not from the AKS subnet unless the CNI does so)
	podSource: "Chosen by the bring-your-own CNI",
	// https://learn.microsoft.com/azure/aks/use-byo-cni (AKS neither allocates pod IPs nor preassigns per-node ranges)
	podManagement: "The installed CNI; AKS neither assigns pod addresses nor hands nodes pod ranges",
	podReach: UP_TO_THE_CNI,
	// https://learn.microsoft.com/azure/aks/use-byo-cni (pod routing belongs to the CNI)
	privateSource: "Nodes show the node IP; what pod traffic shows is up to the CNI",
	// https://learn.microsoft.com/azure/aks/use-byo-cni (IPAM, routing and scaling belong to the CNI)
	podManager: "Your CNI: pod addresses, routing and reachability; AKS assigns none",
	// https://learn.microsoft.com/azure/aks/use-byo-cni (only node subnet and service range guidance applies)
	podTakeaway: "Pod addresses are up to the bring-your-own CNI; this plan sizes only node addresses.",
	// https://learn.microsoft.com/azure/aks/use-byo-cni (node-based sizing, surge included)
	sizeTakeaway: "Node subnets need one address per node at full scale, surge included.",
	// https://learn.microsoft.com/azure/aks/use-byo-cni (service CIDR and DNS IP required; maxPods enforced at the kubelet)
	aksDuties:
		"AKS still requires the service CIDR and DNS service IP, and enforces maxPods at the kubelet: it limits pods per node, not IP capacity",
};

export const MODEL_STATEMENTS: Record<ModelId, ModelStatements> = {
	"azure-cni-overlay": OVERLAY,
	"azure-cni-node-subnet": NODE_SUBNET,
	"azure-cni-pod-subnet-dynamic": POD_SUBNET_DYNAMIC,
	"azure-cni-pod-subnet-static": POD_SUBNET_STATIC,
	kubenet: KUBENET,
	none: BYO_CNI,
};

/** Every statement a plan of `model` may write: its own and those every model shares. */
export function statementsOf(model: ModelId): string[] {
	const own: (string | undefined)[] = Object.values(MODEL_STATEMENTS[model]);
	const shared: string[] = [...Object.values(CELLS), ...Object.values(LINES), ...Object.values(EGRESS)];
	return [...own.filter((s): s is string => s !== undefined), ...shared];
}

/** True when AKS created the VNet (nothing in the spec names one). */
export function aksManagedVnet(plan: PlanResult): boolean {
	return plan.vnet.some((v) => v.defaulted);
}

/** Internet egress for the plan's outbound type. */
export function egressOf(plan: PlanResult): string {
	return EGRESS[plan.outboundType] ?? EGRESS.loadBalancer ?? "";
}

/** The per-node block of each pod CIDR: "/24", or "/24 (IPv4) and /80 (IPv6)" for dual-stack. */
export function nodeBlocks(plan: PlanResult): string {
	if (plan.podCidrs.length <= 1) return `/${plan.podCidrs[0]?.blockPrefix ?? 24}`;
	return plan.podCidrs.map((c) => `/${c.blockPrefix} (IPv${c.cidr.family})`).join(" and ");
}
