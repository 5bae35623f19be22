/**
 * Internal load-balancer frontends: which subnet each one will take its address from once the
 * proposals are applied, so that subnets are sized for them. A frontend goes to the subnet the
 * load balancer names, else to the node subnet holding its static IP, else to the cluster's
 * default subnet, the first pool's node subnet (aks-networking.md section 11).
 * https://learn.microsoft.com/azure/aks/internal-lb
 */
import { containsAddress } from "../net/address";
import type { SubnetPlan } from "../plan/types";
import type { Alloc, Wanted } from "./state";

/**
 * Decides each frontend's subnet and moves its demand there. Returns the undo for a new default
 * subnet that finds no room: until the VNet grows, its frontends stay where they are, so their
 * old subnet is sized for them again (the new one, placed in a new address space, keeps them).
 */
export function assignFrontends(a: Alloc): () => void {
	const undo: (() => void)[] = [];
	const first = a.plan.pools[0];
	const newDefault = first ? a.wanted.find((w) => w.pools?.includes(first)) : undefined;
	a.plan.loadBalancers.forEach((lb, j) => {
		if (lb.type !== "internal") return;
		const named = a.spec.loadBalancers[j]?.subnet !== undefined;
		const byIp = lb.ip !== null && lb.subnet !== null && containsAddress(lb.subnet.cidr, lb.ip);
		let owner: Wanted | SubnetPlan | null = lb.subnet;
		// Placed by default: a new node subnet for the first pool becomes the default, and takes it.
		if (!named && !byIp && newDefault) owner = newDefault;
		if (!owner) return;
		a.lbOwners.set(j, owner);
		if (owner !== newDefault) return;
		const take = BigInt(1 + lb.privateLinkIps);
		const left = lb.subnet ? a.wanted.find((w) => w.subnet === lb.subnet) : undefined;
		move(newDefault, left, take);
		undo.push(() => move(left, undefined, take));
	});
	return () => undo.forEach((u) => u());
}

function move(to: Wanted | undefined, from: Wanted | undefined, take: bigint): void {
	if (to) {
		to.required += take;
		to.dense += take;
	}
	if (from) {
		from.required -= take;
		from.dense -= take;
	}
}
