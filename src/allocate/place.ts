/**
 * Placing wanted subnets: largest first, each at the first free aligned place of the VNet, clear
 * of the subnets that stay, connected ranges, and the pod and service CIDRs that stay.
 */
import type { Cidr, Family, Range } from "../net/address";
import { Space } from "./free";
import { connected, holdsText, vnetSpaces, wantedPrefix, type Alloc, type Wanted } from "./state";

/**
 * Places every wanted subnet at the first free aligned place of the VNet. A subnet that moves
 * frees its old range for the others; if it finds no place itself, it stays where it is (its
 * range is taken again) and the others are placed anew.
 */
export function placeSubnets(a: Alloc): void {
	// Pod and service CIDRs that stay are clear of the VNet, or the plan reports them and they move.
	const written = [
		...a.plan.podCidrs.filter((c) => !a.movingPods.has(c)).map((c) => c.cidr),
		...a.plan.serviceCidrs.filter((c) => !a.movingServices.has(c)).map((c) => c.cidr),
	];
	const moving = new Set(a.wanted.map((w) => w.subnet));
	const staying = a.plan.subnets.filter((s) => !moving.has(s)).map((s) => s.cidr);
	const base = [...staying, ...connected(a), ...written];
	const pinned: Range[] = [];
	for (const w of a.wanted) w.prefix = wantedPrefix(w) ?? -1;
	// Largest first: aligned blocks then pack without one small block splitting a large gap.
	const order = [...a.wanted].sort((x, y) => x.prefix - y.prefix);
	for (let round = 0; round <= a.wanted.length; round++) {
		const spaces = new Map<Family, Space>(([4, 6] as const).map((f) => [f, new Space([...base, ...pinned], f)]));
		// A subnet pinned where it is (no room elsewhere) is not placed again.
		for (const w of order)
			w.place =
				w.prefix < 0 || (w.subnet && pinned.includes(w.subnet.cidr))
					? null
					: placeIn(a, spaces.get(w.family), w);
		const stuck = a.wanted.filter((w) => !w.place && w.subnet && !pinned.includes(w.subnet.cidr));
		if (stuck.length === 0) break;
		for (const w of stuck) if (w.subnet) pinned.push(w.subnet.cidr);
	}
	secondChance(a, order, base, pinned);
	for (const w of a.wanted) {
		if (w.proposal) a.proposals.splice(a.proposals.indexOf(w.proposal), 1);
		w.proposal = w.place ? w.propose(w.place, holdsText(w.place, w.required)) : undefined;
		if (w.proposal) a.proposals.push(w.proposal);
	}
}

/**
 * With the others settled, a subnet left without a place may fit after all (a pinned one frees
 * its old range when it moves): tried again until nothing changes, so that applying the fixes
 * and planning again finds nothing more to place.
 */
function secondChance(a: Alloc, order: Wanted[], base: Range[], pinned: Range[]): void {
	for (let changed = true; changed;) {
		changed = false;
		for (const w of order) {
			if (w.place || w.prefix < 0) continue;
			const own = w.subnet?.cidr;
			const others = pinned.filter((r) => r !== own);
			const placed = order.flatMap((x) => (x.place ? [x.place] : []));
			const place = placeIn(a, new Space([...base, ...others, ...placed], w.family), w);
			if (!place) continue;
			w.place = place;
			if (own) pinned.splice(pinned.indexOf(own), 1);
			changed = true;
		}
	}
}

function placeIn(a: Alloc, space: Space | undefined, w: Wanted): Cidr | null {
	if (!space) return null;
	for (const v of vnetSpaces(a, w.family)) {
		const block = space.firstFree(v, w.prefix);
		if (block) {
			space.take(block);
			return block;
		}
	}
	return null;
}
