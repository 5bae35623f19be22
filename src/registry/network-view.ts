/**
 * What a network block shows from the registry: the clusters that live in its VNet or reach it,
 * and the subnets other notes carve out of its VNet (so its free space is the real one).
 */
import type { Cidr } from "../net/address";
import { noteRef } from "./links";
import type { Topology } from "./networks";
import type { Registry, RegistryBlock } from "./registry";

interface NetworkMember {
	/** The cluster's name. */
	name: string;
	path: string;
	/** The cluster block's fence line, where a link opens the note. */
	line: number;
	/** "In this VNet", "Peered" or "Peered through [[Hub]]". */
	how: string;
}

interface TakenSubnet {
	cidr: Cidr;
	/** The subnet's name, or "" when the cluster gives only its CIDR. */
	name: string;
	/** The cluster (or network) that declares it, and where. */
	owner: string;
	path: string;
	line: number;
}

export interface NetworkView {
	members: NetworkMember[];
	/** Subnets declared in other notes inside this VNet. */
	taken: TakenSubnet[];
	/** Names of this network's own subnets → the clusters that use them. */
	usedBy: Map<string, string[]>;
}

function member(b: RegistryBlock, how: string): NetworkMember {
	return { name: b.plan.cluster, path: b.path, line: Math.max(b.fenceLine, 1), how };
}

export function networkView(reg: Registry, t: Topology, block: RegistryBlock): NetworkView {
	const view: NetworkView = { members: [], taken: [], usedBy: new Map() };
	const net = t.nets.get(t.netOf.get(block.key) ?? "");
	if (!net) return view;
	const seen = new Set<string>([block.key]);
	const add = (key: string, how: string): RegistryBlock | null => {
		const b = reg.block(key);
		if (!b || seen.has(key) || b.plan.kind !== "cluster") return b;
		seen.add(key);
		view.members.push(member(b, how));
		return b;
	};
	for (const key of net.blocks) {
		const b = add(key, "In this VNet");
		if (!b || b === block) continue;
		for (const i of b.items)
			if (i.kind === "subnet")
				view.taken.push({ cidr: i.cidr, name: i.name, owner: b.plan.cluster, path: b.path, line: i.line });
		for (const borrowed of b.plan.borrowed) {
			const name = borrowed.toLowerCase();
			view.usedBy.set(name, [...(view.usedBy.get(name) ?? []), b.plan.cluster]);
		}
	}
	for (const id of net.peers) for (const key of t.nets.get(id)?.blocks ?? []) add(key, "Peered");
	for (const id of net.peers) {
		const hub = t.nets.get(id);
		for (const far of hub?.peers ?? [])
			if (far !== net.id)
				for (const key of t.nets.get(far)?.blocks ?? [])
					add(key, `Peered through ${hub ? noteRef(hub.path) : "a hub"}`);
	}
	return view;
}

/** A short text that changes whenever the view does. */
export function viewKey(view: NetworkView): string {
	const members = view.members.map((m) => `${m.path}:${m.line}:${m.name}:${m.how}`).join("|");
	const taken = view.taken.map((s) => `${s.cidr.text}:${s.name}:${s.owner}:${s.path}:${s.line}`).join("|");
	const used = [...view.usedBy].map(([k, v]) => `${k}=${v.join(",")}`).join("|");
	return `${members}\u0000${taken}\u0000${used}`;
}
