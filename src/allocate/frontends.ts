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

export function assignFrontends(a: Alloc): void {
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
		newDefault.required += take;
		newDefault.dense += take;
		const left = lb.subnet ? a.wanted.find((w) => w.subnet === lb.subnet) : undefined;
		if (left) {
			left.required -= take;
			left.dense -= take;
		}
	});
}
