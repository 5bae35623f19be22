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
import { countOf, groupDigits } from "../../core/numbers";
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
 * frontends, Private Link NAT IPs, private endpoints and extraIps; an API server subnet 9 addresses
 * for this cluster plus extraIps for the clusters that share it.
 */
export const subnetSize: Rule = {
	code: "subnet-size",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  tiny: 10.10.8.0/30",
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  AzureFirewallSubnet: 10.10.8.0/27",
			// An API server subnet holds 9 per cluster: a /28 (11 usable) with 3 more is 1 short.
			apiServerSubnet("10.10.1.0/28", ", extraIps: 3"),
		],
		passes: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nsubnets:\n  tiny: 10.10.8.0/29\n  AzureFirewallSubnet: 10.10.9.0/26",
			apiServerSubnet("10.10.1.0/28", ", extraIps: 2"),
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
			const belowMinimum = min !== undefined && s.cidr.family === 4 && s.cidr.prefix > min.prefix;
			if (belowMinimum) report(min.severity, `${subnetLabel(s)} is a /${s.cidr.prefix}: ${min.why}.`, s.line);
			// Node and pod subnets have their own rules; any other subnet must hold what is asked of it
			// (an API server subnet: 9 per cluster, https://learn.microsoft.com/azure/aks/api-server-vnet-integration).
			if (s.role === "other" && s.required > s.usable && !(belowMinimum && min.severity === "error")) {
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

/** A cluster with an API server subnet of `cidr` and the subnet's other keys (`more`). */
function apiServerSubnet(cidr: string, more = ""): string {
	return `vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\ncount: 3\nsubnets:\n  apiserver: { cidr: ${cidr}, purpose: apiServer${more} }`;
}

/**
 * The API server VNet integration subnet holds the API servers of the clusters that use it and
 * nothing else: no private endpoints, load-balancer frontends or Private Link NAT IPs
 * (https://learn.microsoft.com/azure/aks/api-server-vnet-integration).
 */
export const apiServerSubnetUse: Rule = {
	code: "invalid-value",
	examples: {
		fails: [apiServerSubnet("10.10.1.0/27", ", privateEndpoints: 2")],
		passes: [apiServerSubnet("10.10.1.0/27", ", extraIps: 18")],
	},
	check(plan, spec, report) {
		for (const s of plan.subnets) {
			if (s.purpose !== "apiServer") continue;
			const declared = spec.subnets.find((d) => d.line === s.line && d.cidr?.text === s.cidr.text);
			const others = s.extras.filter((e) => e.kind !== "apiServer" && e.kind !== "extraIps");
			const what = [
				...others.map((e) => e.what),
				...(s.loadBalancers.length > 0 ? [countOf(s.loadBalancers.length, "load-balancer frontend")] : []),
			];
			if (what.length === 0) continue;
			report(
				"error",
				`${subnetLabel(s)} is the API server VNet integration subnet, where AKS allows nothing but the API servers of the clusters using it, yet it holds ${what.join(", ")}. Move ${what.length > 1 ? "them" : "it"} to another subnet (private endpoints to one with purpose: privateEndpoints).`,
				declared?.privateEndpoints?.line ?? s.line,
			);
		}
	},
};
