/**
 * Azure VNet limits:
 * https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#azure-networking-limits
 */
import { groupDigits } from "../../core/numbers";
import type { Rule } from "./rule";

/**
 * A VNet holds at most 3,000 subnets, 500 peerings and 65,536 private IPs in use.
 */
export const vnetLimit: Rule = {
	code: "vnet-limit",
	examples: {
		fails: [
			"networkPlugin: azure\nvnet: 10.0.0.0/8\nnodeSubnet: 10.0.0.0/14\ncount: 700\nmaxPods: 100\nmaxSurge: 0",
		],
		passes: [
			"networkPlugin: azure\nvnet: 10.0.0.0/8\nnodeSubnet: 10.0.0.0/14\ncount: 600\nmaxPods: 100\nmaxSurge: 0",
		],
	},
	check(plan, spec, report) {
		const line = plan.vnet[0]?.line ?? plan.pools[0]?.line ?? plan.line;
		if (plan.subnets.length > 3000)
			report("warning", `The VNet has ${groupDigits(plan.subnets.length)} subnets; Azure allows 3,000.`, line);
		const peerings = new Set(plan.peered.map((p) => p.name)).size;
		if (peerings > 500)
			report(
				"warning",
				`${groupDigits(peerings)} peered networks are listed; a VNet has at most 500 peerings.`,
				spec.peered[0]?.line ?? line,
			);
		const used = plan.subnets.reduce((sum, s) => sum + s.required, 0n);
		if (used > 65_536n)
			report(
				"warning",
				`At full scale the plan uses ${groupDigits(used)} private IPs in the VNet; Azure allows 65,536 per VNet (128,000 across a peered group).`,
				line,
			);
	},
};
