/** What the allocator takes and gives: a context of the estate's ranges, and proposals. */
import type { FindingCode } from "../core/findings";
import type { Range } from "../net/address";

/**
 * Ranges the rest of the estate holds, from the vault-wide registry; both empty when there is
 * none, and the allocator then knows only the block. Every proposal stays clear of both.
 */
export interface AllocContext {
	/** Ranges other notes take in this cluster's VNet address space (their subnets). */
	taken: readonly Range[];
	/** Routed ranges connected to the cluster: peered VNets, on-premises, other notes' VNets. */
	routed: readonly Range[];
}

export const NO_CONTEXT: AllocContext = Object.freeze({ taken: [], routed: [] });

/**
 * One change of a value in a block, by the line the spec read it from. The edit module turns it
 * into an exact text edit at the YAML node.
 */
export type ValueEdit =
	/** The scalar on `line` (or the first after it) that reads `from` becomes `to`. */
	| { kind: "replace"; line: number; from: string; to: string }
	/** A top-level key the spec lacks, added as `key: to`. */
	| { kind: "insert"; key: InsertKey; to: string }
	/** An entry of `subnets` written without its CIDR (`name:`) gets `to` as its value. */
	| { kind: "fill"; name: string; to: string }
	/** The `vnet` value on `line` gets one more address space. */
	| { kind: "append"; line: number; to: string };

/** Top-level keys the allocator may add, in the order it writes them. */
export const INSERT_KEYS = ["nodeSubnet", "podSubnet", "podCidr", "serviceCidr", "dnsServiceIp"] as const;
export type InsertKey = (typeof INSERT_KEYS)[number];

export interface Proposal {
	/** fix: answers findings; fill: writes down a range the spec leaves to AKS's default. */
	kind: "fix" | "fill";
	/** Codes of the findings it answers. */
	codes: FindingCode[];
	/** Ranges or addresses (as the plan prints them) that those findings name. */
	subjects: string[];
	/** The line of the finding it answers, or of the value it changes. */
	line: number;
	/** The value it replaces, as the plan reads it; null for a key the spec lacks. */
	from: string | null;
	to: string;
	/** Why the new value works, e.g. "10.10.8.0/21 is free and holds 1,581 with 22% left". */
	why: string;
	edits: ValueEdit[];
	/**
	 * Applied by "Apply all fixes" and `aks-ip fix`. Growing the VNet is not: a new address space
	 * is the network team's call, offered only as its own Fix.
	 */
	auto: boolean;
	/** Set when a finding that is not silenced by `ignore` carries it. */
	active: boolean;
}
