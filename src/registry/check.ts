/**
 * The rules across notes (src/registry/pairs.ts) over the whole registry, kept current cheaply.
 * After a change of networks or links (a VNet's space, a link, a note added, removed or moved),
 * every pair is judged again by sorting the ranges once and sweeping them, never by comparing
 * every pair. After any other change (a subnet, a pod or service range), only the ranges of the
 * changed blocks are judged, against the ranges they overlap, found by binary search in the
 * sorted list; the other blocks keep what they had.
 *
 * Each overlap is reported in both blocks, at the line of the range in that block, naming the
 * other note, its range and how the networks connect, with `related` pointing there; a link that
 * leads to no block is an `unresolved-link` warning.
 */
import { sortFindings, type Finding, type Severity } from "../core/findings";
import { groupDigits } from "../core/numbers";
import { clip } from "../core/text";
import { endIndex, isPrivate, overlapping, sweepBetweenSteps, sweepSteps, type RangeItem } from "./items";
import { topologySteps, type Topology } from "./networks";
import { judge, pairMessage, type Pair } from "./pairs";
import type { Registry, RegistryBlock } from "./registry";

export interface CheckState extends Topology {
	/** Every range of the registry, sorted by address. */
	sorted: RangeItem[];
	/**
	 * Blocks whose findings across notes (or linked VNet) changed since the check before. A network
	 * block's view of the registry (networkView) may change without its findings: ask it again.
	 */
	changed: Set<string>;
}

/**
 * What each finding across notes is about in its own block: "KIND CIDR" of its range, or "link
 * TEXT" of its link. A view whose block changed since the check finds the line again by it.
 */
const ANCHORS = new WeakMap<Finding, string>();

export function findingAnchor(f: Finding): string | undefined {
	return ANCHORS.get(f);
}

function anchored(f: Finding, anchor: string): Finding {
	ANCHORS.set(f, anchor);
	return f;
}

/** At most this many findings across notes per range; the rest are counted in one more. */
const CAP = 10;

function linkProblem(reg: Registry, target: string | null): string | null {
	if (target === null) return "which names no note";
	const note = reg.notes.get(target);
	if (!note) return "which is outside the registry (not a note, or in a folder it leaves out)";
	return note.blocks.length === 0 ? "a note with no aks-ip block" : null;
}

/** A block's links that lead to no block. */
function linkFindings(reg: Registry, b: RegistryBlock): Finding[] {
	const out: Finding[] = [];
	const vnet = b.plan.links.vnet;
	const problem = vnet ? linkProblem(reg, b.vnetTarget) : null;
	if (vnet && problem)
		out.push(
			anchored(
				{
					severity: "warning",
					code: "unresolved-link",
					message: `vnet links [[${clip(vnet.text)}]], ${problem}: the cluster's subnets and ranges cannot be checked against its network. Link a note with a network block, or give the VNet's CIDRs.`,
					line: vnet.line,
				},
				`link ${vnet.text}`,
			),
		);
	b.plan.links.peered.forEach((p, i) => {
		const why = linkProblem(reg, b.peerTargets[i] ?? null);
		if (why)
			out.push(
				anchored(
					{
						severity: "warning",
						code: "unresolved-link",
						message: `peered links [[${clip(p.link.text)}]], ${why}: overlaps with that network cannot be checked. Link a note with an aks-ip block, or give the peered CIDRs.`,
						line: p.link.line,
					},
					`link ${p.link.text}`,
				),
			);
	});
	return out;
}

export function itemAnchor(i: RangeItem): string {
	return `${i.kind} ${i.cidr.text}`;
}

function order(a: Pair, b: Pair): number {
	return (
		a.self.line - b.self.line ||
		(a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
		(a.other.block < b.other.block ? -1 : a.other.block > b.other.block ? 1 : 0) ||
		a.other.line - b.other.line
	);
}

/**
 * A block's findings across notes: at most CAP per range and code, the rest counted in one more
 * (so a range that clashes with a thousand others costs no more than one that clashes with ten).
 */
function findingsOf(reg: Registry, t: Topology, b: RegistryBlock, pairs: readonly Pair[]): Finding[] {
	const linked = b.plan.links.vnet !== null || b.plan.links.peered.length > 0;
	if (pairs.length === 0 && !linked) return [];
	const out = linked ? linkFindings(reg, b) : [];
	const sides = pairs.filter((p) => !b.plan.ignore.includes(p.code)).sort(order);
	let i = 0;
	while (i < sides.length) {
		const first = sides[i] as Pair;
		let j = i;
		let severity: Severity = "warning";
		while (j < sides.length && sides[j]?.self.line === first.self.line && sides[j]?.code === first.code) {
			const p = sides[j] as Pair;
			if (p.severity === "error") severity = "error";
			const other = reg.block(p.other.block);
			if (j - i < CAP && other)
				out.push(
					anchored(
						{
							severity: p.severity,
							code: p.code,
							message: pairMessage(t, p, b, other),
							line: p.self.line,
							related: { file: other.path, line: p.other.line },
						},
						itemAnchor(p.self),
					),
				);
			j++;
		}
		if (j - i > CAP)
			out.push(
				anchored(
					{
						severity,
						code: first.code,
						message: `…and ${groupDigits(j - i - CAP)} more overlaps with ranges of other notes at this line (aks-ip registry lists every range).`,
						line: first.self.line,
					},
					itemAnchor(first.self),
				),
			);
		i = j;
	}
	return out.filter((f) => !b.plan.ignore.includes(f.code));
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
	if (a.length !== b.length) return false;
	return a.every((f, i) => {
		const g = b[i];
		return (
			g !== undefined &&
			f.line === g.line &&
			f.code === g.code &&
			f.severity === g.severity &&
			f.message === g.message &&
			f.related?.file === g.related?.file &&
			f.related?.line === g.related?.line
		);
	});
}

export class CrossCheck {
	state: CheckState | null = null;
	private topo: Topology | null = null;
	/** Each block's sides of the rules it breaks, by block key. */
	private readonly pairs = new Map<string, Pair[]>();
	/** What each block showed after the last check: its linked VNet and its findings across notes. */
	private readonly shown = new Map<string, { env: string; cross: Finding[] }>();

	/**
	 * Judges what changed: everything when `full` (networks or links changed), else the blocks in
	 * `dirty` (their keys), in steps of a few milliseconds at most for a caller that pauses between
	 * them (the plugin's build): it yields after the networks, in and after each sweep and after
	 * each block's findings. The registry must not change until the last step, which sets the
	 * state and returns it, with the blocks whose findings across notes changed.
	 */
	*steps(reg: Registry, sorted: RangeItem[], dirty: ReadonlySet<string>, full: boolean): Generator<void, CheckState> {
		const affected = new Set<string>();
		const changed = new Set<string>();
		let topo = this.topo;
		if (full || !topo) {
			const blocks = reg.blocks();
			topo = this.topo = yield* topologySteps(reg, blocks, sorted);
			yield;
			this.pairs.clear();
			yield* this.judgeAll(reg, topo, sorted);
			for (const k of this.shown.keys()) affected.add(k);
			for (const b of blocks) affected.add(b.key);
		} else this.judgeChanged(reg, topo, sorted, dirty, affected);
		for (const key of affected) {
			const b = reg.block(key);
			if (!b) {
				if (this.shown.delete(key)) changed.add(key);
				continue;
			}
			yield;
			const found = findingsOf(reg, topo, b, this.pairs.get(key) ?? []);
			b.cross = found.length > 1 ? sortFindings(found) : found;
			const before = this.shown.get(key);
			if (!before || before.env !== b.envKey || !sameFindings(before.cross, b.cross)) changed.add(key);
			this.shown.set(key, { env: b.envKey, cross: b.cross });
		}
		this.state = { ...topo, sorted, changed };
		return this.state;
	}

	private side(p: Pair): void {
		const list = this.pairs.get(p.self.block);
		if (list) list.push(p);
		else this.pairs.set(p.self.block, [p]);
	}

	private *judgeAll(reg: Registry, t: Topology, sorted: RangeItem[]): Generator<void> {
		const found = (x: RangeItem, y: RangeItem): void => {
			const sides = judge(reg, t, x, y);
			if (sides) for (const p of sides) this.side(p);
		};
		const routed = sorted.filter((i) => i.kind === "vnet" || i.kind === "subnet" || i.kind === "range");
		yield* sweepSteps(routed, found);
		yield;
		yield* sweepBetweenSteps(sorted, isPrivate, (p, r) => {
			if (r.kind !== "pod" && r.kind !== "service") found(p, r);
		});
	}

	private judgeChanged(
		reg: Registry,
		t: Topology,
		sorted: RangeItem[],
		dirty: ReadonlySet<string>,
		affected: Set<string>,
	): void {
		for (const key of dirty) {
			affected.add(key);
			for (const p of this.pairs.get(key) ?? []) {
				const other = p.other.block;
				affected.add(other);
				const list = this.pairs.get(other);
				if (list)
					this.pairs.set(
						other,
						list.filter((q) => q.other.block !== key),
					);
			}
			this.pairs.delete(key);
		}
		const ends = endIndex(sorted);
		for (const key of [...dirty].sort()) {
			for (const x of reg.block(key)?.items ?? [])
				overlapping(sorted, ends, x, (y) => {
					// A pair of two changed blocks is judged once, from the first of them.
					if (y.block === key || (dirty.has(y.block) && y.block < key)) return;
					const sides = judge(reg, t, x, y);
					if (!sides) return;
					for (const p of sides) this.side(p);
					affected.add(y.block);
				});
		}
	}
}
