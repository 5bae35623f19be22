/** Static internal load-balancer frontends: https://learn.microsoft.com/azure/aks/internal-lb. */
import { containsAddress, isAzureReservedAddress } from "../../net/address";
import { clip } from "../../core/text";
import type { Rule } from "./rule";

/** Two pools in their own subnets; load balancers follow. */
const TWO_POOLS =
	"vnet: 10.10.0.0/16\nagentPools:\n  - { name: sys, count: 3, nodeSubnet: 10.10.0.0/24 }\n  - { name: apps, count: 3, nodeSubnet: 10.10.4.0/24 }\nloadBalancers:";

/**
 * A static internal load-balancer IP lies in its subnet (without `subnet:`, the cluster's default
 * subnet: the first pool's node subnet, https://learn.microsoft.com/azure/aks/internal-lb; a static
 * IP elsewhere fails with PrivateIPAddressNotInSubnet), is not one of Azure's 5 reserved
 * addresses, is not taken by another load balancer, and is not in the service CIDR.
 */
export const lbIpInvalid: Rule = {
	code: "lb-ip-invalid",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nloadBalancers:\n  - { name: i, type: internal, ip: 10.10.3.255 }",
			// A second pool's address with no subnet: the frontend goes in the first pool's subnet.
			`${TWO_POOLS}\n  - { name: i, type: internal, ip: 10.10.4.10 }`,
		],
		passes: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nloadBalancers:\n  - { name: i, type: internal, ip: 10.10.3.250 }",
			`${TWO_POOLS}\n  - { name: i, type: internal, ip: 10.10.4.10, subnet: apps }`,
		],
	},
	check(plan, _spec, report) {
		const taken = new Map<bigint, string>();
		for (const lb of plan.loadBalancers) {
			const ip = lb.ip;
			if (!ip || lb.type !== "internal") continue;
			const s = lb.subnet;
			if (s && !containsAddress(s.cidr, ip) && lb.subnetDefaulted) {
				const home = plan.subnets.find((x) => x !== s && containsAddress(x.cidr, ip));
				const add = home
					? `subnet: ${home.name === null ? home.cidr.text : clip(home.name)}`
					: "subnet: <its subnet>";
				report(
					"error",
					`Load balancer "${lb.name}" has static IP ${ip.text} and no subnet, so AKS puts it in the cluster's default subnet ${s.cidr.text} (the first pool's node subnet), which does not hold that address: AKS answers PrivateIPAddressNotInSubnet and the service stays pending. Add ${add} (the azure-load-balancer-internal-subnet annotation), or pick an address of ${s.cidr.text}.`,
					lb.line,
				);
			} else if (s && !containsAddress(s.cidr, ip)) {
				report(
					"error",
					`Load balancer "${lb.name}" has static IP ${ip.text}, outside its subnet ${s.cidr.text}. Pick an address of that subnet, or name the subnet it belongs to.`,
					lb.line,
				);
			} else if (s && isAzureReservedAddress(s.cidr, ip.value)) {
				report(
					"error",
					`Load balancer "${lb.name}" has static IP ${ip.text}, one of the 5 addresses Azure reserves in ${s.cidr.text} (the first four and the last).`,
					lb.line,
				);
			}
			const service = plan.serviceCidrs.find((c) => containsAddress(c.cidr, ip));
			if (service)
				report(
					"error",
					`Load balancer "${lb.name}" has static IP ${ip.text}, inside the service CIDR ${service.cidr.text}; frontends come from a VNet subnet.`,
					lb.line,
				);
			const other = taken.get(ip.value);
			if (other !== undefined)
				report(
					"error",
					`Load balancer "${lb.name}" has static IP ${ip.text}, already taken by "${other}".`,
					lb.line,
				);
			else taken.set(ip.value, lb.name);
		}
	},
};
