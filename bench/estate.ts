/**
 * A generated estate for the registry benchmarks: 1,000 notes of networks and clusters, about
 * 5,000 ranges. Ten hubs peered with one on-premises note; 190 spoke networks, each peered with a
 * hub; 400 clusters living in a spoke's VNet by link; 399 clusters with a VNet of their own,
 * peered with a hub. Every cluster reuses the same pod range (quiet, as it should be); a few
 * conflicts are planted so the rules have work to report.
 */
const fence = "```";

function block(lines: string[]): string {
	return `# Note\n\nSome prose before the plan.\n\n${fence}aks-ip\n${lines.join("\n")}\n${fence}\n`;
}

/** The nth /20 of 10.128.0.0/9 (spoke VNets) and the nth /22 of 10.64.0.0/10 (cluster VNets). */
function spokeSpace(n: number): [number, number] {
	return [128 + Math.floor(n / 16), (n % 16) * 16];
}

function clusterSpace(n: number): [number, number] {
	return [64 + Math.floor(n / 64), (n % 64) * 4];
}

export function estate(): Record<string, string> {
	const notes: Record<string, string> = {};
	notes["networks/On-premises.md"] = block([
		"kind: network",
		"name: datacenters",
		"ranges:",
		"  paris: 10.200.0.0/16",
		"  lyon: 10.201.0.0/16",
		"  vpn: 172.20.0.0/22",
		"  lab: 10.210.0.0/16",
	]);
	for (let h = 0; h < 10; h++)
		notes[`networks/hubs/Hub ${h}.md`] = block([
			"kind: network",
			`name: hub-${h}`,
			`vnet: 10.${h}.0.0/16`,
			"subnets:",
			`  AzureFirewallSubnet: 10.${h}.0.0/26`,
			`  GatewaySubnet: 10.${h}.1.0/27`,
			`  AzureBastionSubnet: 10.${h}.2.0/26`,
			`  shared: 10.${h}.4.0/22`,
			`  dns: 10.${h}.8.0/28`,
			`  tools: 10.${h}.9.0/24`,
			"peered: [[On-premises]]",
		]);
	for (let s = 0; s < 190; s++) {
		const [b, c] = spokeSpace(s);
		notes[`networks/spokes/Spoke ${s}.md`] = block([
			"kind: network",
			`name: spoke-${s}`,
			`vnet: 10.${b}.${c}.0/20`,
			"subnets:",
			`  nodes: 10.${b}.${c}.0/22`,
			`  apps: 10.${b}.${c + 4}.0/22`,
			`  endpoints: { cidr: 10.${b}.${c + 8}.0/24, purpose: privateEndpoints }`,
			`peered: [[Hub ${s % 10}]]`,
		]);
	}
	for (let i = 0; i < 799; i++) notes[`clusters/team-${i % 20}/Cluster ${i}.md`] = cluster(i);
	return notes;
}

function cluster(i: number): string {
	// Every fiftieth cluster takes the default service range, which collides with hub 0's space.
	const service = i % 50 === 0 ? [] : [`serviceCidr: 172.${16 + (i % 8)}.0.0/16`];
	if (i < 400) {
		return block([
			`cluster: aks-${i}`,
			`vnet: [[Spoke ${i % 190}]]`,
			i < 190 ? "nodeSubnet: nodes" : "nodeSubnet: apps",
			"podCidr: 192.168.0.0/16",
			...service,
			"subnets:",
			`  ingress-${i}: 10.${spokeSpace(i % 190)[0]}.${spokeSpace(i % 190)[1] + 12 + (i < 190 ? 0 : 1)}.0/24`,
			"agentPools:",
			"  - { name: system, count: 3 }",
			"  - { name: apps, count: 3, maxCount: 10 }",
		]);
	}
	const [b, c] = clusterSpace(i);
	return block([
		`cluster: aks-${i}`,
		`vnet: 10.${b}.${c}.0/22`,
		`nodeSubnet: 10.${b}.${c}.0/24`,
		"podCidr: 192.168.0.0/16",
		...service,
		"subnets:",
		`  ingress: 10.${b}.${c + 1}.0/26`,
		`  endpoints: { cidr: 10.${b}.${c + 1}.64/26, purpose: privateEndpoints }`,
		`  apiserver: { cidr: 10.${b}.${c + 1}.128/28, purpose: apiServer }`,
		`peered: ["[[Hub ${i % 10}]]"]`,
		"count: 3",
	]);
}
