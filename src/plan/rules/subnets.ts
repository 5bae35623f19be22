/**
 * Azure subnet rules. Sources:
 * - reserved addresses, /29 and /64: https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq
 * - API server subnet: https://learn.microsoft.com/azure/aks/api-server-vnet-integration
 * - private cluster endpoint: https://learn.microsoft.com/azure/aks/private-clusters
 * - App Gateway: https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure
 * - App Gateway for Containers:
 *   https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
 * - firewall: https://learn.microsoft.com/azure/firewall/firewall-faq
 * - bastion: https://learn.microsoft.com/azure/bastion/configuration-settings
 */
import type { Purpose } from "../../parse/types";
import type { Severity } from "../../core/findings";
import { subnetLabel } from "./overlap";
import { breakdown } from "./capacity";
import { clip } from "../../core/text";
import { groupDigits } from "../../core/numbers";
import type { Rule } from "./rule";

/** Minimum prefix per special subnet, and how firm the minimum is. */
const MINIMUMS: Partial<Record<Purpose, { prefix: number; severity: Severity; why: string }>> = {
	apiServer: { prefix: 28, severity: "error", why: "API server VNet integration needs at least a /28" },
	firewall: { prefix: 26, severity: "error", why: "Azure Firewall needs a /26" },
	bastion: { prefix: 26, severity: "error", why: "Azure Bastion needs a /26 (older guidance said /27)" },
	appGatewayForContainers: { prefix: 24, severity: "error", why: "Application Gateway for Containers needs a /24" },
	appGateway: { prefix: 24, severity: "warning", why: "Application Gateway v2 advises a /24 (up to 125 instances)" },
	gateway: {
		prefix: 27,
		severity: "warning",
		why: "a VPN or ExpressRoute gateway subnet is advised at /27 or larger",
	},
};

/**
 * IPv4 subnets are /29 or larger, IPv6 subnets exactly /64, and special subnets meet their minimum
 * (API server /28, firewall /26, bastion /26, App Gateway for Containers /24; App Gateway /24 and
 * gateway /27 advised). A subnet that is neither a node nor a pod subnet holds its load-balancer
 * frontends, Private Link NAT IPs and extraIps.
 */
export const subnetSize: Rule = {
	code: "subnet-size",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  tiny: 10.10.8.0/30",
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  AzureFirewallSubnet: 10.10.8.0/27",
		],
		passes: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  tiny: 10.10.8.0/29\n  AzureFirewallSubnet: 10.10.9.0/26",
		],
	},
	check(plan, _spec, report) {
		for (const s of plan.subnets) {
			if (s.cidr.family === 4 && s.cidr.prefix > 29) {
				report(
					"error",
					`${subnetLabel(s)} is smaller than /29, the smallest subnet Azure allows (3 usable IPs).`,
					s.line,
				);
				continue;
			}
			if (s.cidr.family === 6 && s.cidr.prefix !== 64) {
				report("error", `${subnetLabel(s)}: Azure IPv6 subnets are exactly /64.`, s.line);
				continue;
			}
			if (
				s.role === "pod" &&
				s.cidr.family === 4 &&
				s.cidr.prefix < 12 &&
				plan.pools.some((p) => p.podSubnet === s && p.allocationMode === "StaticBlock")
			) {
				report(
					"error",
					`${subnetLabel(s)} is wider than /12, the largest pod subnet static block allocation takes.`,
					s.line,
				);
			}
			const min = MINIMUMS[s.purpose];
			if (min && s.cidr.family === 4 && s.cidr.prefix > min.prefix) {
				report(min.severity, `${subnetLabel(s)} is a /${s.cidr.prefix}: ${min.why}.`, s.line);
			}
			// Node and pod subnets have their own rules; any other subnet must hold what is asked of it.
			if (s.role === "other" && s.required > s.usable) {
				report(
					"error",
					`${subnetLabel(s)} has ${groupDigits(s.usable)} usable IPs but ${groupDigits(s.required)} are asked of it (${breakdown(s, [], () => 0)}): ${groupDigits(s.required - s.usable)} short.`,
					s.line,
				);
			}
		}
	},
};

/** An overlay cluster whose node subnet has a name of `length` characters. */
function namedSubnet(length: number): string {
	const name = "n".repeat(length);
	return `networkPlugin: azure\nnetworkPluginMode: overlay\nvnet: 10.0.0.0/16\nsubnets:\n  ${name}: 10.0.0.0/24\nnodeSubnet: ${name}`;
}

/**
 * Azure CNI Overlay takes bring-your-own subnet, VNet and resource group names of at most 63
 * characters (https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay); the spec
 * names subnets, so those are checked.
 */
export const overlayNameLength: Rule = {
	code: "subnet-name-length",
	examples: { fails: [namedSubnet(64)], passes: [namedSubnet(63)] },
	check(plan, _spec, report) {
		if (plan.model !== "azure-cni-overlay") return;
		for (const s of plan.subnets) {
			if (s.defaulted || s.name === null || s.name.length <= 63 || (s.role !== "node" && s.role !== "pod"))
				continue;
			report(
				"error",
				`Subnet name "${clip(s.name, 21)}" has ${s.name.length} characters; Azure CNI Overlay takes subnet names of at most 63.`,
				s.line,
			);
		}
	},
};
