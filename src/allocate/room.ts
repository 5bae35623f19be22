/**
 * No room: when subnets find no free place in the VNet, how much larger it must become, and an
 * address space to add, clear of everything connected, with the subnets placed in it.
 */
import type { Cidr } from "../net/address";
import { groupDigits } from "../core/numbers";
import { chooseAddresses } from "./addresses";
import { Space } from "./free";
import { AKS_RESERVED, chooseIn } from "./private";
import { connected, finalPods, finalServices, finalSubnets, holdsText, vnetSpaces, type Alloc } from "./state";
import type { Proposal } from "./types";

export function proposeRoom(a: Alloc): void {
	const unplaced = a.wanted.filter((w) => !w.place && w.family === 4).sort((x, y) => x.prefix - y.prefix);
	const vnet = a.plan.vnet.find((v) => !v.defaulted && v.cidr.family === 4);
	if (unplaced.length === 0 || !vnet) return;
	const total = unplaced.reduce((sum, w) => sum + (1n << BigInt(32 - w.prefix)), 0n);
	const prefix = 32 - ((total - 1n).toString(2).length - (total === 1n ? 1 : 0));
	const avoid = [
		...a.plan.vnet.map((v) => v.cidr),
		...finalSubnets(a),
		...connected(a),
		...finalPods(a),
		...finalServices(a),
		...AKS_RESERVED,
	];
	const spaces = vnetSpaces(a, 4);
	const last = spaces[spaces.length - 1] ?? vnet.cidr;
	const add = chooseIn(new Space(avoid, 4), prefix, 4, { family: 4, start: last.end + 1n, end: last.end + 1n });
	if (!add) return;
	// Largest first, so blocks of powers of two always pack into a block of their total size.
	const inner = new Space([], 4);
	const placed: Proposal[] = [];
	const placedAt: Cidr[] = [];
	for (const w of unplaced) {
		const place = inner.firstFree(add, w.prefix);
		if (!place) return;
		inner.take(place);
		placedAt.push(place);
		placed.push(w.propose(place, holdsText(place, w.required)));
	}
	const first = placed[0];
	if (!first) return;
	const proposal: Proposal = {
		kind: "fix",
		codes: [...new Set(placed.flatMap((p) => p.codes))],
		subjects: placed.flatMap((p) => p.subjects),
		line: first.line,
		from: spaces.map((s) => s.text).join(", "),
		to: [...spaces.map((s) => s.text), add.text].join(", "),
		why: "",
		edits: [{ kind: "append", line: vnet.line, to: add.text }, ...placed.flatMap((p) => p.edits)],
		auto: false,
		active: false,
	};
	const sizes = unplaced.map((w) => `/${w.prefix}`).join(", ");
	const fits = placed.map((p) => p.why).join("; ");
	proposal.why = `No room: the VNet has no free ${sizes}. It must grow by ${groupDigits(total)} addresses: add the address space ${add.text} (clear of every connected range) to vnet; then ${fits}`;
	a.proposals.push(proposal);
	// Static load-balancer IPs of those subnets move with them, in the same fix.
	unplaced.forEach((w, i) => {
		w.place = placedAt[i] ?? null;
		w.proposal = proposal;
	});
	chooseAddresses(a, new Set(unplaced));
}
