/**
 * Service CIDR and DNS service IP. Sources:
 * - size: https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay
 * - reuse, growth from Kubernetes 1.33: https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 * - DNS service IP: https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni
 * - IPv6 range: https://learn.microsoft.com/azure/aks/configure-dual-stack
 */
import { containsAddress } from "../../net/address";
import { groupDigits } from "../../core/numbers";
import type { Rule } from "./rule";

/**
 * An IPv4 service CIDR shorter than /12 is an error and exactly /12 a warning (plugin decision);
 * an IPv6 service CIDR is /108 or longer.
 */
export const serviceCidrTooLarge: Rule = {
	code: "service-cidr-too-large",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nserviceCidr: 100.64.0.0/11\ndnsServiceIp: 100.64.0.10",
		],
		passes: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nserviceCidr: 100.64.0.0/16\ndnsServiceIp: 100.64.0.10",
		],
	},
	check(plan, _spec, report) {
		for (const s of plan.serviceCidrs) {
			const p = s.cidr.prefix;
			if (s.cidr.family === 6) {
				if (p < 108)
					report(
						"error",
						`IPv6 service CIDR ${s.cidr.text} is wider than /108, the largest AKS accepts.`,
						s.line,
					);
			} else if (p < 12) {
				report(
					"error",
					`Service CIDR ${s.cidr.text} is wider than /12: AKS requires a range smaller than /12. A /16 (65,536 services) is plenty.`,
					s.line,
				);
			} else if (p === 12) {
				report(
					"warning",
					`Service CIDR ${s.cidr.text} is a /12: AKS documents "smaller than /12", and whether /12 itself is accepted is not documented. Prefer a /16.`,
					s.line,
				);
			}
		}
	},
};

/**
 * Notes an IPv4 service CIDR with fewer than 256 addresses: before Kubernetes 1.33 the range
 * cannot grow without rebuilding the cluster.
 */
export const serviceCidrSmall: Rule = {
	code: "service-cidr-small",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nserviceCidr: 10.20.0.0/28\ndnsServiceIp: 10.20.0.10",
		],
		passes: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nserviceCidr: 10.20.0.0/24\ndnsServiceIp: 10.20.0.10",
		],
	},
	check(plan, _spec, report) {
		for (const s of plan.serviceCidrs) {
			if (s.cidr.family !== 4 || s.size >= 256n) continue;
			report(
				"info",
				`Service CIDR ${s.cidr.text} holds ${groupDigits(s.size)} addresses, so at most ${groupDigits(s.size - 2n)} services; before Kubernetes 1.33 it cannot grow without rebuilding the cluster.`,
				s.line,
			);
		}
	},
};

/**
 * The DNS service IP lies inside the (IPv4) service CIDR.
 */
export const dnsIpOutsideServiceCidr: Rule = {
	code: "dns-ip-outside-service-cidr",
	examples: {
		fails: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\ndnsServiceIp: 10.1.0.10"],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\ndnsServiceIp: 10.0.0.10"],
	},
	check(plan, _spec, report) {
		const s = plan.serviceCidrs.find((c) => c.cidr.family === 4);
		const dns = s?.dnsServiceIp;
		if (!s || !dns || containsAddress(s.cidr, dns)) return;
		const example =
			s.cidr.start + 10n <= s.cidr.end ? ` The usual choice is the .10 address of ${s.cidr.text}.` : "";
		report(
			"error",
			`DNS service IP ${dns.text} is outside the service CIDR ${s.cidr.text}${s.defaulted ? " (default)" : ""}: it must be one of the service range's addresses.${example}`,
			s.dnsLine,
		);
	},
};

/**
 * The DNS service IP is neither the service CIDR's network address, nor its first address
 * (kubernetes.default), nor (IPv4) its broadcast address.
 */
export const dnsIpReserved: Rule = {
	code: "dns-ip-reserved",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\ndnsServiceIp: 10.0.0.1",
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\ndnsServiceIp: 10.0.0.0",
		],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\ndnsServiceIp: 10.0.0.10"],
	},
	check(plan, _spec, report) {
		const s = plan.serviceCidrs.find((c) => c.cidr.family === 4);
		const dns = s?.dnsServiceIp;
		if (!s || !dns || !containsAddress(s.cidr, dns)) return;
		let why: string | null = null;
		if (dns.value === s.cidr.start)
			why = "the network address of the service range, which Kubernetes never assigns";
		else if (dns.value === s.kubernetesServiceIp.value)
			why = "the first address of the service range, which Kubernetes gives the kubernetes.default service";
		else if (dns.value === s.cidr.end && s.cidr.family === 4)
			why = "the broadcast address of the service range, which Kubernetes never assigns";
		if (why)
			report(
				"error",
				`DNS service IP ${dns.text} is ${why}. Use another address, by convention the .10.`,
				s.dnsLine,
			);
	},
};
