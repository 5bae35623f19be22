/**
 * Sizing tables: for a range that binds growth, what each larger prefix would hold, from today's
 * prefix to the first that holds twice today's nodes at full scale, at today's mix of pools
 * (what a node takes there, maxPods included).
 */
import type { PoolPlan } from "../types";
import { refOf, type Limit } from "./limits";
import type { SizingTable } from "./types";

/** Rows stop at /8: no subnet or pod CIDR is planned wider. */
const WIDEST = 8;
const MAX_ROWS = 12;

/** What a range with prefix `prefix` holds: usable IPs of a subnet, /24 blocks of a pod CIDR. */
function capacityAt(limit: Limit, prefix: number): number {
	if (limit.kind === "pod-cidr") return prefix <= 24 ? 2 ** (24 - prefix) : 0;
	return 2 ** (32 - prefix) - limit.reserved;
}

export function sizingTable(limit: Limit, pools: readonly PoolPlan[]): SizingTable | null {
	const cidr = limit.cidr;
	if (!cidr || cidr.family !== 4) return null;
	const nodesToday = limit.weights.reduce((sum, [i]) => sum + (pools[i]?.nodesAtFullScale ?? 0), 0);
	const taken = limit.weights.reduce((sum, [i, w]) => sum + w * (pools[i]?.nodesAtFullScale ?? 0), 0);
	// What a node takes on average at today's mix; the heaviest pool's share when no node runs yet.
	const perNode = nodesToday > 0 ? taken / nodesToday : Math.max(1, ...limit.weights.map(([, w]) => w));
	const rows: SizingTable["rows"] = [];
	for (let prefix = cidr.prefix; prefix >= WIDEST && rows.length < MAX_ROWS; prefix--) {
		const capacity = capacityAt(limit, prefix);
		const nodes = Math.max(0, Math.floor((capacity - limit.base) / perNode));
		rows.push({ prefix, capacity, nodes, current: prefix === cidr.prefix });
		if (nodes >= 2 * nodesToday && rows.length >= 2) break;
	}
	return {
		limit: refOf(limit),
		unit: limit.kind === "pod-cidr" ? "/24 node blocks" : "usable IPs",
		nodesToday,
		rows,
	};
}
