/**
 * What an allocator must keep clear of when it picks ranges for one cluster block, from the
 * registry (src/allocate calls this):
 *
 * - `routed`: the routed ranges of every network connected to the cluster's network (peered, or
 *   peered with one hub: VNet address spaces, `ranges`, and peered CIDRs that name no network),
 *   and the ranges the cluster's own network reaches (its other notes' `ranges` and peered CIDRs).
 *   A pod or service range must avoid them all.
 * - `taken`: the subnets other notes declare in the cluster's VNet (its network's note, other
 *   clusters). A new subnet must avoid them.
 *
 * Both lists are in address order; each range says where it is declared.
 */
import { NO_CONTEXT, type AllocContext } from "../allocate/types";
import type { Cidr } from "../net/address";
import type { RangeItem } from "./items";
import type { Registry } from "./registry";

export interface DeclaredRange {
	cidr: Cidr;
	/** The note and line that declare it. */
	file: string;
	line: number;
	/** How messages name it ("Subnet "tools" 10.50.100.0/24"). */
	label: string;
}

export interface AllocationInputs {
	routed: DeclaredRange[];
	taken: DeclaredRange[];
}

function declared(reg: Registry, i: RangeItem): DeclaredRange {
	return { cidr: i.cidr, file: reg.block(i.block)?.path ?? "", line: i.line, label: i.label };
}

/**
 * The ranges the cluster block `index` of note `path` must avoid, from the last check (run one
 * first); null when the registry has no such block.
 */
export function allocationInputs(reg: Registry, path: string, index: number): AllocationInputs | null {
	const state = reg.checked;
	const block = reg.notes.get(path)?.blocks[index];
	if (!state || !block) return null;
	const own = state.netOf.get(block.key) ?? "";
	const out: AllocationInputs = { routed: [], taken: [] };
	for (const i of state.sorted) {
		if (i.block === block.key || i.kind === "pod" || i.kind === "service") continue;
		const net = state.netOf.get(i.block) ?? "";
		if (net === own) {
			if (i.kind === "subnet") out.taken.push(declared(reg, i));
			else if (i.kind === "range" || (i.kind === "peered" && !state.naming.has(i)))
				out.routed.push(declared(reg, i));
			continue;
		}
		const routed = i.kind === "peered" ? !state.naming.has(i) : i.top;
		if (routed && state.connection(own, net).how !== "none") out.routed.push(declared(reg, i));
	}
	return out;
}

/** The allocator's context for block `index` of note `path`: what its proposals stay clear of. */
export function allocContextOf(reg: Registry, path: string, index: number): AllocContext {
	const inputs = allocationInputs(reg, path, index);
	if (!inputs) return NO_CONTEXT;
	return { taken: inputs.taken.map((r) => r.cidr), routed: inputs.routed.map((r) => r.cidr) };
}
