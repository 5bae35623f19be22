/**
 * Node subnets the spec names only by resource ID or by a name without a CIDR: the plan cannot
 * check them, but it can say what they must hold at full scale and the smallest prefix for it.
 */
import { AZURE_RESERVED, smallestPrefixFor } from "../net/address";
import type { Finding } from "../core/findings";
import { countOf, groupDigits } from "../core/numbers";
import { clip } from "../core/text";
import type { Spec, SubnetRef } from "../parse/types";
import type { SubnetRegistry } from "./subnets";
import type { LoadBalancerPlan, PoolPlan, UnsizedSubnetPlan } from "./types";

type Report = (f: Finding) => void;

interface Group {
	ref: Exclude<SubnetRef, { kind: "cidr" }>;
	pools: PoolPlan[];
}

/** Pools whose node subnet is named but has no CIDR the plan knows, grouped by that subnet. */
function groups(spec: Spec, pools: PoolPlan[], registry: SubnetRegistry): Group[] {
	const out = new Map<string, Group>();
	pools.forEach((p, i) => {
		const ref = spec.pools[i]?.nodeSubnet ?? spec.nodeSubnet;
		// A name the registry knows but refused (another purpose) is reported there.
		if (p.nodeSubnet !== null || !ref || ref.kind === "cidr" || registry.linksNetwork) return;
		if (registry.byNameOrNull(ref.name, ref.line)) return;
		const key = ref.name.toLowerCase();
		const group = out.get(key);
		if (group) group.pools.push(p);
		else out.set(key, { ref, pools: [p] });
	});
	return [...out.values()];
}

/** What a group's subnet must hold: its pools' nodes, and the default subnet's frontends and endpoint. */
function demand(
	group: Group,
	first: PoolPlan | undefined,
	lbs: LoadBalancerPlan[],
	privateEndpoint: boolean,
): { required: bigint; parts: string[] } {
	let required = 0n;
	const parts: string[] = [];
	for (const p of group.pools) {
		required += BigInt(p.nodesAtFullScale * p.nodeSubnetIpsPerNode);
		if (parts.length < 3)
			parts.push(`${p.name}: ${countOf(p.nodesAtFullScale, "node")} × ${countOf(p.nodeSubnetIpsPerNode, "IP")}`);
	}
	if (group.pools.length > 3) parts.push(`${group.pools.length - 3} more pools`);
	if (first && group.pools.includes(first)) {
		const frontends = lbs.filter((lb) => lb.type === "internal" && lb.subnetDefaulted && lb.ip?.family !== 6);
		const nat = frontends.reduce((sum, lb) => sum + lb.privateLinkIps, 0);
		required += BigInt(frontends.length + nat + (privateEndpoint ? 1 : 0));
		if (frontends.length > 0) parts.push(countOf(frontends.length, "load-balancer frontend"));
		if (nat > 0) parts.push(countOf(nat, "Private Link NAT IP"));
		if (privateEndpoint) parts.push("1 private cluster endpoint");
	}
	return { required, parts };
}

export function unsizedNodeSubnets(
	spec: Spec,
	pools: PoolPlan[],
	lbs: LoadBalancerPlan[],
	registry: SubnetRegistry,
	privateEndpoint: boolean,
	report: Report,
): UnsizedSubnetPlan[] {
	return groups(spec, pools, registry).map((g) => {
		const { required, parts } = demand(g, pools[0], lbs, privateEndpoint);
		const prefix = smallestPrefixFor(required, 4, AZURE_RESERVED);
		const usable = prefix === null ? null : (1n << BigInt(32 - prefix)) - AZURE_RESERVED;
		const name = clip(g.ref.name);
		const who = `pool${g.pools.length > 1 ? "s" : ""} ${g.pools.map((p) => `"${clip(p.name)}"`).join(", ")}`;
		const fit =
			prefix === null
				? "no IPv4 subnet is that large"
				: `a /${prefix} or larger (${groupDigits(usable ?? 0n)} usable)`;
		const need = `At full scale it must hold ${groupDigits(required)} addresses (${parts.join(", ")}): ${fit}.`;
		const line = g.ref.line;
		let pending: UnsizedSubnetPlan["pending"] = null;
		if (g.ref.kind === "id") {
			report({
				severity: "warning",
				code: "missing-key",
				message: `The node subnet of ${who} is known only by its resource ID (…/subnets/${name}); its CIDR cannot be read from it. Add it under subnets as "${name}: <CIDR>". ${need}`,
				line,
			});
		} else if (registry.isPending(g.ref.name)) {
			// Reported once, where the subnet is declared (the parser's finding): planSpec adds the need.
			const declared = spec.subnets.find(
				(d) => d.cidr === null && d.name.toLowerCase() === g.ref.name.toLowerCase(),
			);
			if (declared) pending = { line: declared.line, text: `It is the node subnet of ${who}. ${need}` };
		} else {
			report({
				severity: "error",
				code: "invalid-value",
				message: `The node subnet of ${who} is "${name}", but no subnet has that name under subnets. Give a CIDR or a name from subnets. ${need}`,
				line,
			});
		}
		return { name: g.ref.name, line, pools: g.pools.map((p) => p.name), required, prefix, usable, pending };
	});
}
