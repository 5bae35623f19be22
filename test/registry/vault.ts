/**
 * A small estate for the registry's tests: a hub peered with on-premises, two spoke networks of
 * the same space peered with the hub, a cluster living in a spoke's VNet by link, a cluster with
 * its own spoke VNet, a shared VNet with two clusters (and a third block in its note), two labs
 * that peer with nothing but each other, and a draft whose peering link leads nowhere.
 */
const fence = "```";

export const VAULT: Record<string, string> = {
	"networks/Hub.md": `# Hub

The hub of West Europe.

${fence}aks-ip
kind: network
name: hub-weu
vnet: 10.0.0.0/16
subnets:
  AzureFirewallSubnet: 10.0.0.0/26
  GatewaySubnet: 10.0.1.0/27
peered: [[On-premises]]
${fence}
`,
	"networks/On-premises.md": `${fence}aks-ip
kind: network
name: datacenter
ranges:
  dc-paris: 10.200.0.0/16
  vpn-clients: 172.20.0.0/22
${fence}
`,
	"networks/Spoke prod network.md": `# Spoke prod

${fence}aks-ip
kind: network
name: spoke-prod
vnet: 10.1.0.0/16
subnets:
  aks-nodes: 10.1.0.0/22
  aks-apps: 10.1.4.0/22
  endpoints: { cidr: 10.1.8.0/24, purpose: privateEndpoints }
peered: ["[[Hub]]"]
${fence}
`,
	"networks/Spoke test network.md": `${fence}aks-ip
kind: network
name: spoke-test
vnet: 10.1.0.0/16
peered: [[Hub]]
${fence}
`,
	"clusters/Prod.md": `# Production cluster

${fence}aks-ip
cluster: aks-prod
vnet: [[Spoke prod network]]
nodeSubnet: aks-nodes
podCidr: 192.168.0.0/16
agentPools:
  - name: system
    count: 3
  - name: apps
    count: 5
    maxCount: 20
    nodeSubnet: aks-apps
${fence}
`,
	"clusters/Staging.md": `${fence}aks-ip
cluster: aks-staging
vnet: 10.2.0.0/16
nodeSubnet: 10.2.0.0/22
podCidr: 192.168.0.0/16
serviceCidr: 10.200.0.0/16
peered: ["[[networks/Hub|the hub]]"]
${fence}
`,
	"shared/Shared.md": `# Shared VNet

A tools cluster lives here too.

${fence}aks-ip
cluster: ops-tools
vnet: [[Shared]]
nodeSubnet: tools
${fence}

${fence}aks-ip
kind: network
name: shared-weu
vnet: 10.50.0.0/16
subnets:
  tools: 10.50.100.0/24
  endpoints: 10.50.8.0/24
${fence}
`,
	"shared/Team A.md": `${fence}aks-ip
cluster: aks-team-a
vnet: "[[Shared]]"
nodeSubnet: 10.50.0.0/22
${fence}
`,
	"shared/Team B.md": `${fence}aks-ip
cluster: aks-team-b
vnet: [[Shared|shared vnet]]
nodeSubnet: 10.50.2.0/23
serviceCidr: 10.50.8.0/24
${fence}
`,
	"labs/Lab one.md": `${fence}aks-ip
cluster: lab-one
vnet: 10.2.0.0/17
nodeSubnet: 10.2.0.0/24
${fence}
`,
	"labs/Lab two.md": `${fence}aks-ip
cluster: lab-two
vnet: 10.70.0.0/16
nodeSubnet: 10.70.0.0/24
peered: [[Lab one]]
${fence}
`,
	"drafts/Draft.md": `${fence}aks-ip
cluster: draft
vnet: 10.90.0.0/16
nodeSubnet: 10.90.0.0/24
peered:
  old-hub: "[[Old hub]]"
${fence}
`,
	"notes/Prose.md": "# Only prose\n\nNo plan here.\n",
};
