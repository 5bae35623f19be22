/**
 * Plan templates: complete, commented, realistic specs, one per network model. The plugin's
 * picker and `aks-ip template` both read this list.
 */

export interface Template {
	/** Stable id, used on the command line and in settings. */
	id: string;
	name: string;
	description: string;
	body: string;
}

export const TEMPLATES: readonly Template[] = [
	{
		id: "overlay",
		name: "Azure CNI Overlay (recommended)",
		description: "Nodes in a VNet subnet, pods on a private overlay range: the AKS default.",
		body: `cluster: aks-prod-weu
networkPlugin: azure
networkPluginMode: overlay      # pods get IPs from podCidr, not from the VNet
networkDataplane: cilium        # optional: azure or cilium
vnet: 10.10.0.0/16              # the VNet's address space
nodeSubnet: 10.10.0.0/22        # one IP per node (and per internal load balancer)
podCidr: 192.168.0.0/16         # one /24 per node: 256 nodes at most
serviceCidr: 172.16.0.0/16      # cluster-internal; must not overlap anything routed
dnsServiceIp: 172.16.0.10
agentPools:
  - name: system
    mode: System
    count: 3
    maxPods: 30
  - name: apps
    count: 3
    maxCount: 20                # the autoscaler ceiling is what sizing uses
loadBalancers:
  - name: ingress
    type: internal              # takes an IP of the node subnet
    ip: 10.10.3.250
`,
	},
	{
		id: "node-subnet",
		name: "Azure CNI node subnet",
		description: "Pods and nodes share the node subnet; every node books maxPods + 1 IPs.",
		body: `cluster: aks-legacy
networkPlugin: azure            # no mode and no pod subnet: Azure CNI node subnet
vnet: 10.20.0.0/16
nodeSubnet: 10.20.0.0/21        # each node takes maxPods + 1 addresses up front
serviceCidr: 10.0.0.0/16
dnsServiceIp: 10.0.0.10
maxPods: 30
agentPools:
  - name: system
    mode: System
    count: 3
  - name: apps
    count: 5
    maxCount: 30
    maxSurge: 33%               # surge nodes need addresses too
`,
	},
	{
		id: "pod-subnet-dynamic",
		name: "Pod subnet, dynamic allocation",
		description: "Pods take VNet IPs from their own subnet, 16 at a time per node.",
		body: `cluster: aks-flat
networkPlugin: azure
vnet: 10.30.0.0/16
nodeSubnet: 10.30.0.0/24        # nodes only: one IP each
podSubnet: 10.30.16.0/20        # pods: 16 IPs per node, more as pods start
podIpAllocationMode: DynamicIndividual
serviceCidr: 10.0.0.0/16
dnsServiceIp: 10.0.0.10
agentPools:
  - name: system
    mode: System
    count: 3
    maxPods: 30
  - name: apps
    count: 4
    maxCount: 20
    maxPods: 50
`,
	},
	{
		id: "pod-subnet-static",
		name: "Pod subnet, static block allocation",
		description: "Pods take VNet IPs in /28 blocks fixed per node; maxPods of 16n - 1 wastes nothing.",
		body: `cluster: aks-static
networkPlugin: azure
vnet: 10.40.0.0/16
nodeSubnet: 10.40.0.0/24
podSubnet: 10.40.64.0/18        # ceil((maxPods + 1) / 16) blocks of 16 per node
podIpAllocationMode: StaticBlock
serviceCidr: 10.0.0.0/16
dnsServiceIp: 10.0.0.10
maxPods: 63                     # 4 blocks of 16, no waste
agentPools:
  - name: system
    mode: System
    count: 3
  - name: apps
    count: 10
    maxCount: 40
`,
	},
	{
		id: "kubenet",
		name: "Kubenet (legacy)",
		description: "Pods on a private range routed by a route table; retired on 2028-03-31.",
		body: `cluster: aks-kubenet
networkPlugin: kubenet          # retired on 2028-03-31: plan the move to overlay
vnet: 10.50.0.0/16
nodeSubnet: 10.50.0.0/24
podCidr: 10.244.0.0/16          # one /24 per node; 400 nodes at most
serviceCidr: 10.0.0.0/16
dnsServiceIp: 10.0.0.10
agentPools:
  - name: system
    mode: System
    count: 3
  - name: apps
    count: 3
    maxCount: 10
`,
	},
	{
		id: "dual-stack",
		name: "Dual-stack overlay",
		description: "IPv4 and IPv6 for nodes, pods and services, with Azure CNI Overlay.",
		body: `cluster: aks-dual
networkPlugin: azure
networkPluginMode: overlay
ipFamilies: [IPv4, IPv6]
vnet: [10.60.0.0/16, "fd00:60::/48"]
nodeSubnet: [10.60.0.0/22, "fd00:60::/64"]      # a dual-stack subnet: IPv4, then IPv6
podCidrs: [192.168.0.0/16, "fd12:3456:789a::/64"]   # one per family, IPv4 first
serviceCidrs: [172.16.0.0/16, "fd12:3456:789a:1::/108"]
dnsServiceIp: 172.16.0.10
networkPolicy: cilium           # Azure and Calico policy do not support dual-stack
networkDataplane: cilium
agentPools:
  - name: system
    mode: System
    count: 3
  - name: apps
    count: 3
    maxCount: 15
`,
	},
	{
		id: "hub-spoke",
		name: "Hub and spoke",
		description:
			"A spoke cluster with firewall, bastion and API server subnets, a peered hub and an internal ingress.",
		body: `cluster: aks-spoke-prod
networkPlugin: azure
networkPluginMode: overlay
outboundType: userDefinedRouting   # egress through the hub firewall
vnet: 10.100.0.0/16
nodeSubnet: 10.100.0.0/22
podCidr: 192.168.0.0/16
serviceCidr: 172.16.0.0/16
dnsServiceIp: 172.16.0.10
subnets:
  AzureFirewallSubnet: 10.100.255.0/26     # at least /26
  AzureBastionSubnet: 10.100.254.0/26      # at least /26
  apiserver: { cidr: 10.100.253.0/28, purpose: apiServer }   # API server VNet integration
  ingress: 10.100.8.0/24
  endpoints: { cidr: 10.100.9.0/24, purpose: privateEndpoints }
peered:
  hub: 10.0.0.0/16              # the hub VNet
  on-premises: 10.200.0.0/16    # over ExpressRoute
agentPools:
  - name: system
    mode: System
    count: 3
    maxPods: 30
  - name: apps
    count: 3
    maxCount: 30
loadBalancers:
  - name: ingress-internal
    type: internal
    subnet: ingress             # a subnet of its own instead of the node subnet
    ip: 10.100.8.10
`,
	},
];

export function templateById(id: string): Template | undefined {
	const lower = id.toLowerCase();
	return TEMPLATES.find((t) => t.id === lower);
}

/** A template as a fenced block, ready to insert into a note. */
export function templateBlock(t: Template): string {
	return `\`\`\`aks-ip\n${t.body.trimEnd()}\n\`\`\``;
}
