/**
 * Reserved and forbidden ranges. Sources:
 * - https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
 * - https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay
 * - https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq
 */
import { knownCidr, overlaps, type Cidr, type Range } from "../../net/address";
import type { Rule } from "./rule";

const AKS_RESERVED = [
	knownCidr("169.254.0.0/16"),
	knownCidr("172.30.0.0/16"),
	knownCidr("172.31.0.0/16"),
	knownCidr("192.0.2.0/24"),
];
const MULTICAST = knownCidr("224.0.0.0/4");
/** Ranges Azure never allows in a VNet. */
const AZURE_FORBIDDEN = [
	knownCidr("127.0.0.0/8"),
	MULTICAST,
	knownCidr("255.255.255.255/32"),
	knownCidr("168.63.129.16/32"),
	knownCidr("fe80::/10"),
	knownCidr("ff00::/8"),
	knownCidr("::1/128"),
];
const PRIVATE = [
	knownCidr("10.0.0.0/8"),
	knownCidr("172.16.0.0/12"),
	knownCidr("192.168.0.0/16"),
	knownCidr("100.64.0.0/10"),
];

function hits(range: Range, list: Cidr[]): Cidr[] {
	return list.filter((r) => overlaps(r, range));
}

function names(list: Cidr[]): string {
	return list.map((r) => r.text).join(", ");
}

/**
 * Pod, service and VNet ranges stay clear of 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16 and
 * 192.0.2.0/24; a VNet also of ranges Azure never allows (127.0.0.0/8, 224.0.0.0/4, 168.63.129.16
 * …); pod and service ranges of multicast (224.0.0.0/4). Containing one counts as touching it.
 */
export const reservedRange: Rule = {
	code: "reserved-range",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 192.0.2.0/24",
			"vnet: 169.254.0.0/16\nnodeSubnet: 169.254.0.0/24",
		],
		passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 192.168.0.0/16"],
	},
	check(plan, _spec, report) {
		for (const v of plan.vnet) {
			const bad = hits(v.cidr, [...AKS_RESERVED, ...AZURE_FORBIDDEN]);
			if (bad.length > 0)
				report(
					"error",
					`VNet address space ${v.cidr.text} touches ${names(bad)}, which ${bad.length > 1 ? "are" : "is"} reserved by AKS or not allowed by Azure in a VNet.`,
					v.line,
				);
		}
		for (const p of plan.podCidrs) {
			const bad = hits(p.cidr, [...AKS_RESERVED, MULTICAST]);
			if (bad.length > 0)
				report(
					"error",
					`Pod CIDR ${p.cidr.text} touches ${names(bad)}, reserved by AKS: AKS refuses it. Pick a private range clear of ${bad.length > 1 ? "them" : "it"}, such as 10.244.0.0/16 or 192.168.0.0/16.`,
					p.line,
				);
		}
		for (const s of plan.serviceCidrs) {
			const bad = hits(s.cidr, [...AKS_RESERVED, MULTICAST]);
			if (bad.length > 0)
				report(
					"error",
					`Service CIDR ${s.cidr.text} touches ${names(bad)}, reserved by AKS: AKS refuses it. Pick a private range clear of ${bad.length > 1 ? "them" : "it"}.`,
					s.line,
				);
		}
	},
};

/**
 * IPv4 pod CIDRs (kubenet, overlay) and service CIDRs lie in private space: RFC 1918 (10/8,
 * 172.16/12, 192.168/16) or RFC 6598 (100.64/10). A public pod range is accepted but outside
 * Microsoft's support (https://learn.microsoft.com/azure/aks/azure-cni-overlay): a warning. A
 * public service range is validated and blocked since the AKS release of 2023-10-01: an error.
 */
export const publicRange: Rule = {
	code: "public-range",
	examples: {
		fails: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 100.128.0.0/16",
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nserviceCidr: 100.128.0.0/16\ndnsServiceIp: 100.128.0.10",
		],
		passes: [
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\npodCidr: 100.127.0.0/16",
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nserviceCidr: 100.127.0.0/16\ndnsServiceIp: 100.127.0.10",
		],
	},
	check(plan, _spec, report) {
		const ranges = [
			...plan.podCidrs.map((p) => ({ what: "Pod CIDR", cidr: p.cidr, line: p.line })),
			...plan.serviceCidrs.map((s) => ({ what: "Service CIDR", cidr: s.cidr, line: s.line })),
		];
		for (const r of ranges) {
			if (r.cidr.family !== 4 || PRIVATE.some((p) => p.start <= r.cidr.start && r.cidr.end <= p.end)) continue;
			if (hits(r.cidr, [...AKS_RESERVED, MULTICAST]).length > 0) continue;
			if (r.what === "Pod CIDR")
				report(
					"warning",
					`Pod CIDR ${r.cidr.text} is not in private address space (${names(PRIVATE)}). Azure does not block it, but a public pod range is outside Microsoft's support for AKS: prefer a private range.`,
					r.line,
				);
			else
				report(
					"error",
					`Service CIDR ${r.cidr.text} is not in private address space (${names(PRIVATE)}); AKS validates service ranges and blocks public ones. Pick a private range.`,
					r.line,
				);
		}
	},
};
