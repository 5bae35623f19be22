/** Growth: how far each pool, and the cluster as a whole, can grow before a rule breaks. */
import type { FindingCode, Severity } from "../../core/findings";

/** What a limit bounds: a range's addresses, or a count AKS or Azure caps. */
export type LimitKind =
	| "node-subnet"
	| "pod-subnet"
	| "pod-cidr"
	| "pool-nodes"
	| "cluster-nodes"
	| "kubenet-nodes"
	| "snat-ports"
	| "headroom";

/** A limit as reported: the finding it raises, and the range (a CIDR) or the limit in words. */
export interface LimitRef {
	code: FindingCode;
	severity: Severity;
	kind: LimitKind;
	/** The range's CIDR ("192.168.0.0/16"), or the limit in words ("1,000 nodes per pool"). */
	range: string;
	/** True when `range` is a CIDR. */
	isRange: boolean;
}

/** A limit with the largest ceiling it allows. */
export interface LimitAt extends LimitRef {
	canGrowTo: number;
}

export interface PoolGrowth {
	pool: string;
	/** Today's ceiling: maxCount when autoscaling, else count. */
	ceiling: number;
	autoscaled: boolean;
	/**
	 * The largest ceiling this pool can be given, the others held at theirs, before the plan gets
	 * an error it does not already have; null when no limit binds (every one is already passed).
	 */
	canGrowTo: number | null;
	boundBy: LimitRef | null;
	/** The next error limit after `boundBy`, with the ceiling it allows. */
	then: LimitAt | null;
	/** Where a range the pool uses first keeps under 10% free (low-headroom): the last ceiling with 10% left. */
	firstWarning: LimitAt | null;
	/** Error limits on this pool that today's plan already passes: they add no new error. */
	alreadyOver: LimitRef[];
}

export interface ClusterGrowth {
	/** Today's ceilings, summed over the pools. */
	ceilings: number;
	/** Summed ceilings at the largest proportional growth with no new error; null when unbounded or nothing scales. */
	canGrowTo: number | null;
	/** canGrowTo / ceilings. */
	scale: number | null;
	/** Each pool's ceiling at canGrowTo (round(ceiling × s), half up, for the largest s). */
	poolCeilings: { pool: string; ceiling: number }[];
	/** Each pool's ceiling one step further, where boundBy's error appears (same order as the pools). */
	breaksAt: number[];
	/** Nodes at full scale (surge included) at canGrowTo. */
	nodesAtFullScale: number | null;
	boundBy: LimitRef | null;
	then: (LimitRef & { canGrowTo: number }) | null;
}

/** "What size for N nodes": the prefixes of a binding range, from today's to one holding twice today's full scale. */
export interface SizingTable {
	limit: LimitRef;
	/** "usable IPs" for subnets, "/24 node blocks" for pod CIDRs. */
	unit: string;
	/** Nodes at full scale (surge included) that use the range today. */
	nodesToday: number;
	rows: { prefix: number; capacity: number; nodes: number; current: boolean }[];
}

export interface Growth {
	pools: PoolGrowth[];
	cluster: ClusterGrowth;
	sizing: SizingTable[];
}
