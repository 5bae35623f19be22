/** Findings: what a plan says about a spec. Codes are public (users silence them with `ignore`). */
import { countOf } from "./numbers";
import { errorText } from "./text";

export type Severity = "error" | "warning" | "info";

/** Block bodies that show a code: each of `fails` gets a finding of it, none of `passes` does. */
export interface Examples {
	fails: readonly string[];
	passes: readonly string[];
}

interface CodeInfo {
	/** When a block gets the code. */
	description: string;
	examples?: Examples;
}

export interface Finding {
	severity: Severity;
	code: FindingCode;
	message: string;
	/** 1-based line in the note (or in the bare spec file) of the key or list item concerned. */
	line: number;
	/** A proposed change that answers it (src/allocate), when the allocator has one. */
	fix?: FindingFix;
	/** A finding across notes: the other note and the line of the range it is about there. */
	related?: { file: string; line: number };
}

/** A proposal as a finding carries it: what changes where, and why the new value works. */
interface FindingFix {
	/** Line of the value that changes (for a key the spec lacks, the finding's line). */
	line: number;
	/** The value as the plan reads it; null when the key is missing. */
	from: string | null;
	to: string;
	/** e.g. "10.10.8.0/21 is free and holds 1,581 with 22% left". */
	why: string;
	/** Index of the proposal in the plan's `proposals`. */
	proposal: number;
}

/**
 * Every finding code: when a block gets it (the README's findings table says the same words, and a
 * test holds them together) and, for codes the parser reports, specs that show it. A rule's code
 * has its examples on the rule (src/plan/rules); `internal-error` has none, as no spec triggers it.
 */
export const FINDING_CODES = {
	"yaml-syntax": {
		description:
			"The body does not parse as YAML or JSON (error), or parses with a caveat such as an unknown tag (warning).",
		examples: { fails: ["count: [3", "cluster: !!binary eA=="], passes: ["count: 3"] },
	},
	"input-format": {
		description:
			"A pasted format refused, with the command that prints JSON (error); terminal text skipped or a pasted detail simplified (info); several clusters in one block (warning).",
		examples: {
			fails: [
				'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n}',
				'$ az aks show -g rg -n aks\n{"name": "aks", "networkProfile": {}}',
			],
			passes: ['{"name": "aks", "networkProfile": {}}'],
		},
	},
	"unknown-key": {
		description:
			"Keys the spec language does not know: one warning per map, with a did-you-mean where one is close.",
		examples: { fails: ["dnsServiceIpp: 10.0.0.10"], passes: ["dnsServiceIp: 10.0.0.10"] },
	},
	"duplicate-key": {
		description: "A key given twice in one map (keys match case-insensitively); the first is used.",
		examples: { fails: ["count: 3\nCount: 4"], passes: ["count: 3\nmaxPods: 30"] },
	},
	"missing-key": {
		description: "Something the plan needs is not given, e.g. a subnet known only by its resource ID.",
		examples: {
			fails: ["vnet: 10.10.0.0/16\ncount: 3"],
			passes: ["vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3"],
		},
	},
	"invalid-value": {
		description: "A value of the wrong type or outside its allowed set.",
		examples: { fails: ["count: many", "networkPlugin: calico"], passes: ["count: 3\nnetworkPlugin: azure"] },
	},
	"invalid-cidr": {
		description: "Not a CIDR, or a CIDR of the wrong IP family.",
		examples: {
			fails: ["vnet: 10.10.0.0", "podCidr: fd00::/64"],
			passes: ["vnet: 10.10.0.0/16\npodCidr: 10.244.0.0/16"],
		},
	},
	"invalid-ip": {
		description: "Not an IP address, or an address of the wrong IP family.",
		examples: { fails: ["dnsServiceIp: 10.0.0.300"], passes: ["dnsServiceIp: 10.0.0.10"] },
	},
	"host-bits-set": {
		description: "A CIDR whose address is not its network address (10.10.0.5/16 should be 10.10.0.0/16).",
		examples: { fails: ["vnet: 10.10.0.5/16"], passes: ["vnet: 10.10.0.0/16"] },
	},
	"range-overlap": {
		description: "Two ranges that must be disjoint share addresses.",
	},
	"outside-vnet": {
		description: "A subnet or static IP outside every VNet address space.",
	},
	"reserved-range": {
		description: "A range touches a range that AKS reserves or Azure forbids.",
	},
	"public-range": {
		description:
			"A pod range in public address space, which AKS accepts but Microsoft does not support (warning), or a service range there, which AKS blocks (error).",
	},
	"subnet-name-length": {
		description: "Azure CNI Overlay: a node or pod subnet name longer than 63 characters.",
	},
	"subnet-size": {
		description:
			"A subnet smaller than /29, an IPv6 subnet that is not /64, a special subnet below its minimum, or another subnet short of the addresses asked of it.",
	},
	"node-subnet-too-small": {
		description: "A node subnet has fewer usable IPs than the pools need at full scale.",
	},
	"pod-subnet-too-small": {
		description: "A pod subnet has fewer usable IPs than the pools need at full scale.",
	},
	"pod-subnet-full-density": {
		description: "A dynamic pod subnet fits 16 IPs per node but not every node at max pods.",
	},
	"pod-cidr-too-small": {
		description: "A pod CIDR has fewer /24 node blocks than nodes at full scale (kubenet, overlay).",
	},
	"low-headroom": {
		description: "Under 10% of a range is left at full scale.",
	},
	"service-cidr-too-large": {
		description: "A service CIDR wider than /12 (error) or exactly /12 (warning); IPv6 wider than /108.",
	},
	"service-cidr-in-vnet": {
		description: "The service CIDR lies in the VNet address space without hitting a subnet.",
	},
	"service-cidr-small": {
		description: "A service CIDR with fewer than 256 addresses; it cannot grow before Kubernetes 1.33.",
	},
	"dns-ip-outside-service-cidr": {
		description: "The DNS service IP is not inside the service CIDR.",
	},
	"dns-ip-reserved": {
		description: "The DNS service IP is the network, first or broadcast address of the service CIDR.",
	},
	"max-pods-out-of-range": {
		description: "maxPods outside 10 to 250 (or above 110 on Windows, a warning).",
	},
	"pool-min-pods": {
		description: "A pool with room for fewer than 30 pods (nodes × maxPods).",
	},
	"pool-name": {
		description:
			"A pool name AKS refuses: lowercase letters and digits, starting with a letter, at most 12 characters on Linux and 6 on Windows.",
	},
	"node-limit": {
		description:
			"Over 400 nodes on kubenet, 5,000 in a cluster, 1,000 in a pool (surge included), over 100 pools or 300 LoadBalancer services (300 load-balancing rules per node NIC), more pods than the network model supports, or Azure Network Policy Manager past 250 nodes or 20,000 pods.",
	},
	"model-mismatch": {
		description: "A key that the network model ignores or that AKS rejects with it.",
	},
	"lb-ip-invalid": {
		description:
			"A static load-balancer IP outside its subnet, on a reserved or taken address, or in the service range.",
	},
	"kubenet-retirement": {
		description: "Kubenet is retired on 2028-03-31; plan the move to Azure CNI Overlay.",
	},
	"move-to-overlay": {
		description:
			"Info: an Azure CNI node subnet cluster with room to spare can move to Azure CNI Overlay in place (see Move to Azure CNI Overlay).",
	},
	"static-block-waste": {
		description: "StaticBlock allocation with maxPods not of the form 16n - 1 leaves addresses unused.",
	},
	"snat-ports": {
		description:
			"Egress: more nodes than floor(64,000 / ports per node) × outbound IPs on a load balancer (error), past 50 or 100 nodes on automatic ports (info), or a NAT gateway with over 16 IPs (error).",
	},
	"vnet-limit": {
		description: "Over 3,000 subnets, 500 peerings or 65,536 private IPs in use in one VNet.",
	},
	"cross-note-overlap": {
		description:
			"Routed ranges of two notes overlap: an error when their networks are connected (the same VNet, peered, or peered with one hub), a warning when they are not.",
	},
	"unresolved-link": {
		description:
			"A link to a note (vnet: or peered:) that names no note in the registry, or a note with no aks-ip block.",
	},
	"upgrade-settings": {
		description:
			"maxSurge 0 with maxUnavailable 0, which AKS refuses (error), or with maxUnavailable above 0, an in-place upgrade that takes nodes out of service (info).",
	},
	"internal-error": {
		description:
			"The plugin failed while planning or drawing the block: a bug in aks-ip, not in the spec. Please report it with the block.",
	},
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

export function isFindingCode(code: string): code is FindingCode {
	return Object.prototype.hasOwnProperty.call(FINDING_CODES, code);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
	return findings
		.map((f, i) => ({ f, i }))
		.sort((a, b) => a.f.line - b.f.line || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
		.map(({ f }) => f);
}

/** A block lists at most this many findings of one code; one more finding counts the rest. */
const MAX_PER_CODE = 20;

/**
 * Keeps the first `max` findings of each code, in list order, and puts one finding in place of the
 * rest: how many there are and the line of the first, with the highest severity among them. A
 * spec with 3,000 bad pools then reads as 20 findings and a count, not 3,000 lines.
 */
export function capFindings(findings: Finding[], max = MAX_PER_CODE): Finding[] {
	const kept: Finding[] = [];
	const dropped = new Map<FindingCode, Finding[]>();
	const seen = new Map<FindingCode, number>();
	for (const f of findings) {
		const count = (seen.get(f.code) ?? 0) + 1;
		seen.set(f.code, count);
		if (count <= max) kept.push(f);
		else if (count === max + 1) dropped.set(f.code, [f]);
		else dropped.get(f.code)?.push(f);
	}
	if (dropped.size === 0) return findings;
	for (const [code, rest] of dropped) {
		const first = rest[0];
		if (!first) continue;
		const severity = rest.reduce<Severity>(
			(top, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[top] ? f.severity : top),
			"info",
		);
		kept.push({
			severity,
			code,
			message: `${countOf(rest.length, "more finding")} of this code ${rest.length === 1 ? "is" : "are"} not listed; the first of them is at line ${first.line}. A block lists at most ${max} of one code: fix these, and the rest appear.`,
			line: first.line,
		});
	}
	return sortFindings(kept);
}

/** The finding for a failure inside aks-ip: `what` failed, with what the error says. Never the spec's fault. */
export function internalError(what: string, e: unknown, line: number): Finding {
	return {
		severity: "error",
		code: "internal-error",
		message: `${what} (${errorText(e)}). The spec is not at fault: this is a bug in aks-ip; please report it with the block.`,
		line,
	};
}
