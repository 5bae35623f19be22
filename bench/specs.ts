/** Specs for benchmarks and stress tests. */

/** A large spec: `pools` pools, `subnets` subnets of a 10.0.0.0/8 VNet, `peered` peered ranges. */
export function stressSpec(pools: number, subnets: number, peered: number): string {
	const lines = [
		"cluster: stress",
		"networkPlugin: azure",
		"networkPluginMode: overlay",
		"vnet: 10.0.0.0/8",
		"podCidr: 100.64.0.0/10",
		"serviceCidr: 192.168.0.0/16",
		"dnsServiceIp: 192.168.0.10",
		"subnets:",
	];
	for (let i = 0; i < subnets; i++) {
		const third = i % 256;
		const second = Math.floor(i / 256) % 256;
		lines.push(`  s${i}: 10.${second}.${third}.0/24`);
	}
	lines.push("agentPools:");
	for (let i = 0; i < pools; i++)
		lines.push(`  - { name: p${i}, count: 2, maxCount: 5, maxPods: 30, nodeSubnet: s${i % Math.max(subnets, 1)} }`);
	lines.push("peered:");
	// /30s packed into 172.16.0.0/12: 64 a /24, so 65,536 of them fit.
	for (let i = 0; i < peered; i++)
		lines.push(`  - 172.${16 + Math.floor(i / 16384)}.${Math.floor(i / 64) % 256}.${(i % 64) * 4}/30`);
	return lines.join("\n");
}

/**
 * `pools` pools in one overlay cluster, each asking for maxPods 300 (AKS allows 250): every pool
 * draws a finding of the same code, so the block must keep its findings readable.
 */
export function manyPoolsSpec(pools: number): string {
	const lines = [
		"cluster: many-pools",
		"vnet: 10.0.0.0/8",
		"nodeSubnet: 10.0.0.0/12",
		"podCidr: 100.64.0.0/10",
		"serviceCidr: 192.168.0.0/16",
		"agentPools:",
	];
	for (let i = 0; i < pools; i++) lines.push(`  - { name: p${i}, count: 1, maxPods: 300 }`);
	return lines.join("\n");
}

/**
 * A plan for the allocator: `subnets` /24s in a 10.0.0.0/8 VNet, `peered` /30s packed into
 * 172.16.0.0/12, and something for each kind of proposal: a node subnet too small, a service
 * CIDR on four subnets, a pod CIDR too small and on four peered ranges, a static load-balancer IP
 * outside its subnet.
 */
export function allocatorSpec(subnets: number, peered: number): string {
	const lines = [
		"cluster: allocate",
		"networkPlugin: azure",
		"networkPluginMode: overlay",
		"vnet: 10.0.0.0/8",
		"nodeSubnet: 10.0.0.0/24",
		"podCidr: 172.16.0.0/28",
		"serviceCidr: 10.3.228.0/22",
		"count: 300",
		"loadBalancers:",
		"  - { name: ingress, type: internal, ip: 10.200.0.1 }",
		"subnets:",
	];
	for (let i = 1; i <= subnets; i++) lines.push(`  s${i}: 10.${Math.floor(i / 256)}.${i % 256}.0/24`);
	lines.push("peered:");
	for (let i = 0; i < peered; i++)
		lines.push(`  - 172.${16 + Math.floor(i / 16384)}.${Math.floor(i / 64) % 256}.${(i % 64) * 4}/30`);
	return lines.join("\n");
}
