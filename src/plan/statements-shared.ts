/**
 * Statements every network model shares: node subnets, the service range, load balancers, the
 * VNet's owner and internet egress by outbound type. Per-model statements: `statements.ts`. Each
 * statement names its Microsoft Learn page in the comment above it; `{name}` marks a value the
 * caller fills in with `fill`.
 */

/** Allocation table cells (Source, Managed by, Reachable from) outside the pod rows. */
export const CELLS = {
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (nodes take addresses of VNet subnets)
	vnetSubnet: "VNet subnet",
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (a VNet you create is yours to configure; AKS leaves subnet NSGs alone)
	azureYourVnet: "Azure (your VNet)",
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (AKS-created VNet resources can't be changed by hand)
	azureAksVnet: "Azure (AKS-managed VNet)",
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (peered VNets and on-premises over VPN or ExpressRoute)
	connected: "VNet, peerings, VPN and ExpressRoute",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (FAQ: virtual IPs Azure networking doesn't see)
	serviceSource: "Service CIDR, never routed",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (Kubernetes assigns service IPs)
	kubernetes: "Kubernetes",
	// https://learn.microsoft.com/azure/aks/concepts-network-services (ClusterIP: for use within the cluster)
	clusterOnly: "Cluster only",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (the DNS IP lies in the service range)
	dnsSource: "Service range {range}",
	// https://learn.microsoft.com/azure/aks/load-balancer-standard (each public service gets a public frontend IP)
	publicIp: "Azure public IP",
	// https://learn.microsoft.com/azure/aks/load-balancer-standard (Azure load balancer and public IP resources)
	azure: "Azure",
	// https://learn.microsoft.com/azure/aks/load-balancer-standard (public frontends face the internet)
	internet: "Internet",
	// https://learn.microsoft.com/azure/aks/internal-lb (the frontend takes an address of the load balancer's subnet)
	internalSource: "VNet subnet {subnet}",
} as const;

/** Summary lines every model writes. */
export const LINES = {
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (a VNet and subnets you create)
	nodeSourceYourVnet: "Azure VNet {subnets}, in your VNet {vnet}",
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (AKS can create the VNet resources)
	nodeSourceAksVnet: "Azure VNet {subnets}, in the AKS-managed VNet {vnet}",
	// https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning (nodes take subnet addresses)
	nodeSource: "Azure VNet {subnets}",
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (connected networks: peered VNets, on-premises over VPN or ExpressRoute)
	nodeReach: "The VNet, peered VNets and on-premises networks over VPN or ExpressRoute, both ways",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (FAQ: virtual IPs inside the cluster)
	serviceSource: "Cluster-internal service CIDR {ranges}",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (Kubernetes assigns service IPs)
	serviceManagement: "Kubernetes assigns service IPs",
	// https://learn.microsoft.com/azure/aks/concepts-network-services (services: stable endpoints for pods)
	servicePurpose: "Stable virtual endpoints for groups of pods",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (not in the VNet, peered VNets or on-premises ranges)
	// https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay (no overlap with peered and on-premises ranges)
	serviceKeepClear:
		"Never routed, yet it must not overlap the VNet, peered VNets or on-premises ranges: routed address space is not free for it",
	// https://learn.microsoft.com/azure/aks/concepts-network-services (ClusterIP: internal-only)
	clusterIp: "internal access only{detail}",
	// https://learn.microsoft.com/azure/aks/concepts-network-services (LoadBalancer creates an Azure load balancer frontend)
	loadBalancerService: "adds an Azure load-balancer frontend (section 4)",
	// https://learn.microsoft.com/azure/aks/load-balancer-standard (a public frontend is an Azure public IP)
	lbPublic: "{name}: Azure public IP",
	// https://learn.microsoft.com/azure/aks/internal-lb (an internal frontend is an address of a VNet subnet)
	lbInternal: "{name}: internal frontend {ip} in subnet {subnet}",
	// https://learn.microsoft.com/azure/aks/internal-lb (internal frontends default to the cluster's subnet)
	lbNone: "None planned: public frontends take Azure public IPs, internal ones an address of the cluster's default subnet",
	// https://learn.microsoft.com/azure/aks/internal-lb (default subnet, the internal-subnet annotation, the PLS subnet annotation)
	// https://learn.microsoft.com/azure/aks/node-pool-unique-subnet (internal load balancers default to a node pool subnet)
	lbPlacement:
		"Internal frontends take an address of the cluster's default subnet (the first pool's node subnet) unless a service's azure-load-balancer-internal-subnet annotation names another subnet of the VNet; Private Link NAT IPs go to the subnet named by azure-pls-ip-configuration-subnet, else the load balancer's subnet",
	// https://learn.microsoft.com/azure/aks/internal-lb (the cloud provider creates frontends for LoadBalancer services)
	lbManagement: "Azure, driven by Kubernetes LoadBalancer services",
	// https://learn.microsoft.com/azure/aks/concepts-network-services (internal: private IP only; public: reachable from the internet)
	lbPurpose: "Entry points to services from the VNet (internal) or the internet (public)",
	// https://learn.microsoft.com/azure/aks/use-multiple-standard-load-balancer (300 load-balancing rules per node NIC)
	// https://learn.microsoft.com/azure/aks/configure-dual-stack (a dual-stack service gets a frontend per IP family)
	lbLimit:
		"A node NIC takes at most 300 load-balancing rules, one per service port and IP family: about 300 single-port LoadBalancer services per cluster, fewer with more ports or both IP families",
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (a VNet you create is yours; AKS leaves subnet NSGs alone)
	azureYourVnet:
		"Node IPs and load-balancer frontends, in your VNet {vnet}; the VNet, its subnets, route tables and NSGs are yours, and AKS changes none of the subnets' NSG rules",
	// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview (AKS-created VNet resources can't be changed by hand)
	azureAksVnet:
		"Node IPs and load-balancer frontends, in the AKS-managed VNet {vnet}; AKS created it, and its resources can't be changed by hand (no custom routes or service endpoints)",
	// https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni (Kubernetes assigns service IPs)
	kubernetesManager: "Service IPs from the service CIDR {ranges}",
	// https://learn.microsoft.com/azure/aks/configure-kubenet (nodes get an address of the VNet subnet)
	nodeTakeaway: "Nodes have IPs in the VNet subnets, reachable from the VNet, peered VNets and on-premises networks.",
	// https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning (nothing on or connected to the VNet may use the service range)
	serviceTakeaway:
		"Service IPs are virtual and never routed outside the cluster, yet the service CIDR must stay clear of the VNet, peered VNets and on-premises ranges.",
	// https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning (from 1.33 the service range can be extended)
	serviceGrowth:
		"The service CIDR is fixed before Kubernetes 1.33; from 1.33 it can be extended with ServiceCIDR objects.",
	// https://learn.microsoft.com/azure/aks/load-balancer-standard (each public service gets a public frontend IP)
	publicTakeaway: "Services of type LoadBalancer with public frontends get an Azure public IP for outside access.",
	// https://learn.microsoft.com/azure/aks/internal-lb (default subnet unless the annotation names another)
	internalTakeaway:
		"Internal load balancers take an address of the cluster's default subnet, or of the subnet their annotation names, counted above.",
	// https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning (size for scale and upgrade)
	tooSmall: "Too small at full scale: {ranges}.",
} as const;

/** Summary, egress: what internet destinations see, by outbound type. */
export const EGRESS: Record<string, string> = {
	// https://learn.microsoft.com/azure/aks/egress-outboundtype (egress through the load balancer's public IPs)
	loadBalancer:
		"Outbound type `loadBalancer`: internet destinations see the outbound public IPs of the cluster's load balancer",
	// https://learn.microsoft.com/azure/aks/nat-gateway (AKS creates and manages the NAT gateway)
	managedNATGateway:
		"Outbound type `managedNATGateway`: internet destinations see the public IPs of the NAT gateway AKS creates and manages",
	// https://learn.microsoft.com/azure/aks/egress-outboundtype (StandardV2 NAT gateway, preview)
	managedNATGatewayV2:
		"Outbound type `managedNATGatewayV2` (preview): internet destinations see the public IPs of the StandardV2 NAT gateway AKS creates and manages",
	// https://learn.microsoft.com/azure/aks/egress-outboundtype (your NAT gateway on the cluster subnet)
	userAssignedNATGateway:
		"Outbound type `userAssignedNATGateway`: internet destinations see the public IPs of your NAT gateway on the cluster subnet",
	// https://learn.microsoft.com/azure/aks/egress-udr (a 0.0.0.0/0 route to a firewall or appliance, whose public IP does the NAT)
	userDefinedRouting:
		"Outbound type `userDefinedRouting`: internet traffic follows the subnet's 0.0.0.0/0 route to your firewall or appliance, and leaves with its public IP",
	// https://learn.microsoft.com/azure/aks/egress-outboundtype (AKS configures no egress path)
	none: "Outbound type `none`: AKS builds no egress path; traffic leaves only through one you provide (firewall, proxy, gateway)",
	// https://learn.microsoft.com/azure/aks/egress-outboundtype (AKS blocks egress; preview)
	block: "Outbound type `block` (preview): AKS blocks egress traffic from the cluster",
};

/** `template` with each `{name}` replaced by `values[name]` (missing names become empty). */
export function fill(template: string, values: Record<string, string> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}
