/**
 * Networks across notes, and how they connect. A network is a VNet or other routed space:
 *
 * - each network block (`kind: network`) is one, and so is each cluster's own VNet; clusters that
 *   declare the same address space (or a network block's) share it: the same VNet written twice;
 * - a cluster whose `vnet` links a note lives in that note's network;
 * - two networks are peered when either names the other under `peered`, by link or by a CIDR
 *   that covers its space (one of its VNet address spaces or routed ranges);
 * - two networks are connected when they are the same, peered, or both peered with one hub.
 */
import { contains } from "../net/address";
import { sweepBetweenSteps, type RangeItem } from "./items";
import { noteRef } from "./links";
import type { Registry, RegistryBlock } from "./registry";

interface Net {
	/** "n:" a network block, "v:" an address space declared by clusters, "c:" a cluster alone. */
	id: string;
	/** How messages name it: the note that declares it, as a link. */
	name: string;
	path: string;
	/** Keys of its blocks (the objects change as notes are edited; look them up in the registry). */
	blocks: string[];
	/** Networks peered with this one, by id. */
	peers: Set<string>;
}

export type Connection = { how: "same" | "direct" | "none" } | { how: "hub"; via: Net };

export interface Topology {
	nets: Map<string, Net>;
	/** Block key → network id. */
	netOf: Map<string, string>;
	/** Peered CIDRs that name a network: they stand for it, not for a range of their own. */
	naming: Set<RangeItem>;
	connection(a: string, b: string): Connection;
}

function spacesKey(b: RegistryBlock): string {
	let key = "";
	let many = false;
	for (const i of b.items) {
		if (i.kind !== "vnet") continue;
		many = key !== "";
		key = many ? `${key},${i.cidr.text}` : i.cidr.text;
	}
	return many ? key.split(",").sort().join(",") : key;
}

/** Which network each block belongs to. */
function* assign(
	reg: Registry,
	blocks: RegistryBlock[],
): Generator<void, { nets: Map<string, Net>; netOf: Map<string, string> }> {
	const nets = new Map<string, Net>();
	const netOf = new Map<string, string>();
	const join = (b: RegistryBlock, id: string): void => {
		let net = nets.get(id);
		if (!net) nets.set(id, (net = { id, name: noteRef(b.path), path: b.path, blocks: [], peers: new Set() }));
		net.blocks.push(b.key);
		netOf.set(b.key, id);
	};
	const bySpaces = new Map<string, string>();
	for (const b of blocks) {
		if (b.plan.kind !== "network") continue;
		join(b, `n:${b.key}`);
		const key = spacesKey(b);
		if (key !== "" && !bySpaces.has(key)) bySpaces.set(key, `n:${b.key}`);
	}
	yield;
	const linked: RegistryBlock[] = [];
	for (const b of blocks) {
		if (b.plan.kind === "network") continue;
		if (b.plan.links.vnet) {
			linked.push(b);
			continue;
		}
		const key = spacesKey(b);
		join(b, key === "" ? `c:${b.key}` : (bySpaces.get(key) ?? `v:${key}`));
	}
	const follow = (b: RegistryBlock, depth: number): string => {
		const target = reg.targetBlock(b.vnetTarget);
		if (!target || target === b || depth > 8) return `c:${b.key}`;
		return netOf.get(target.key) ?? (target.plan.links.vnet ? follow(target, depth + 1) : `c:${b.key}`);
	};
	yield;
	for (const b of linked) join(b, follow(b, 0));
	return { nets, netOf };
}

/** Peerings: links under `peered`, and peered CIDRs that cover another network's space. */
function* peer(
	reg: Registry,
	blocks: RegistryBlock[],
	sorted: readonly RangeItem[],
	t: Omit<Topology, "connection">,
): Generator<void, void> {
	const link = (a: string | undefined, b: string | undefined): boolean => {
		if (a === undefined || b === undefined || a === b) return false;
		t.nets.get(a)?.peers.add(b);
		t.nets.get(b)?.peers.add(a);
		return true;
	};
	for (const b of blocks) {
		for (const target of b.peerTargets) {
			const other = reg.targetBlock(target);
			if (other) link(t.netOf.get(b.key), t.netOf.get(other.key));
		}
	}
	yield;
	const relevant = sorted.filter((i) => i.kind !== "pod" && i.kind !== "service");
	yield* sweepBetweenSteps(
		relevant,
		(i) => i.kind === "peered",
		(p, r) => {
			if (r.kind === "peered" || !r.top || !contains(p.cidr, r.cidr)) return;
			if (link(t.netOf.get(p.block), t.netOf.get(r.block))) t.naming.add(p);
		},
	);
}

/** The networks of the registry and how they connect, in steps of a few milliseconds at most (see CrossCheck#steps). */
export function* topologySteps(
	reg: Registry,
	blocks: RegistryBlock[],
	sorted: readonly RangeItem[],
): Generator<void, Topology> {
	const { nets, netOf } = yield* assign(reg, blocks);
	const t = { nets, netOf, naming: new Set<RangeItem>() };
	yield;
	yield* peer(reg, blocks, sorted, t);
	return {
		...t,
		connection(a: string, b: string): Connection {
			if (a === b) return { how: "same" };
			const A = nets.get(a);
			const B = nets.get(b);
			if (!A || !B) return { how: "none" };
			if (A.peers.has(b)) return { how: "direct" };
			const [small, big] = A.peers.size <= B.peers.size ? [A, B] : [B, A];
			for (const h of small.peers) {
				const hub = nets.get(h);
				if (hub && big.peers.has(h)) return { how: "hub", via: hub };
			}
			return { how: "none" };
		},
	};
}

/** The words for how two networks connect: "peered through [[Hub]]". */
export function pathText(c: Connection, net: Net | undefined): string {
	switch (c.how) {
		case "same":
			return net?.id.startsWith("n:") ? `in the same VNet ${net.name}` : "in the same VNet";
		case "direct":
			return "peered directly";
		case "hub":
			return `peered through ${c.via.name}`;
		default:
			return "not connected";
	}
}
