/**
 * The allocator: a proposal for each range a plan needs and lacks or cannot use, computed
 * together so that applying them all leaves them clear of each other, and each attached to the
 * findings it answers.
 */
import type { Finding } from "../core/findings";
import { overlaps, type Range } from "../net/address";
import type { Spec } from "../parse/types";
import type { PlanResult } from "../plan/types";
import { chooseAddresses, chooseDns } from "./addresses";
import { assignFrontends } from "./frontends";
import { decideRanges, placeRanges } from "./ranges";
import { proposeRoom } from "./room";
import { mentions, newAlloc, type Alloc } from "./state";
import { placeSubnets } from "./place";
import { chooseMissing, chooseMoves } from "./subnets";
import { NO_CONTEXT, type AllocContext, type Proposal } from "./types";

/**
 * Proposals for a plan. `fix` answers its findings, freeing the ranges that move; `fill` writes
 * down what the spec leaves out (missing subnets, AKS's default pod and service ranges and DNS
 * IP), clear of everything already written.
 */
export function propose(plan: PlanResult, spec: Spec, context: AllocContext, mode: "fix" | "fill"): Proposal[] {
	// What a tool printed (az, ARM, Terraform) is a record of what exists, not a plan to edit:
	// *Convert selection to plan* turns it into a spec, which the allocator then answers.
	if (!plan.parsed || spec.azShape) return [];
	const a = newAlloc(plan, spec, context, mode);
	chooseMoves(a);
	chooseMissing(a);
	decideRanges(a);
	const undo = assignFrontends(a);
	placeSubnets(a);
	// A new default subnet without room takes no frontends: they stay, and the rest is placed anew.
	const first = a.plan.pools[0];
	if (first && a.wanted.some((w) => !w.place && w.pools?.includes(first))) {
		undo();
		placeSubnets(a);
	}
	placeRanges(a);
	chooseAddresses(a);
	chooseDns(a);
	proposeRoom(a);
	answerQuestion(a);
	return a.proposals.filter((p) => p.edits.length > 0);
}

/** How well `p` answers `f`: the length of the subject the finding names (0: not at all). */
/**
 * A spec that asks for its node subnet (a VNet and pools, nothing else) is a question: the node
 * subnet's proposal also writes down the pod and service ranges and the DNS IP, so one Fix (or
 * `aks-ip fix`) answers it with a whole plan.
 */
function answerQuestion(a: Alloc): void {
	const fills = a.proposals.filter((p) => p.kind === "fill");
	if (a.mode !== "fix" || fills.length === 0) return;
	a.proposals = a.proposals.filter((p) => p.kind !== "fill");
	const node = a.wanted.find((w) => w.pools !== undefined)?.proposal;
	if (!node) return;
	node.edits.push(...fills.flatMap((p) => p.edits));
	const written = fills.flatMap((p) => p.edits.flatMap((e) => (e.kind === "insert" ? [`${e.key} ${e.to}`] : [])));
	node.why += `; with ${written.join(", ")} written down, each free and clear of the rest`;
}

function answers(p: Proposal, f: Finding): number {
	if (p.kind !== "fix" || !p.codes.includes(f.code)) return 0;
	if (p.subjects.length === 0) return f.line === p.line ? 1 : 0;
	return Math.max(0, ...p.subjects.filter((s) => mentions(f, s)).map((s) => s.length));
}

/**
 * Gives each finding the proposal that answers it. A proposal is active when a finding that
 * `ignore` does not silence names it: only those are applied by "Apply all fixes".
 */
export function attachFixes(plan: PlanResult, proposals: Proposal[]): void {
	attachTo(plan.findings, proposals, true);
	attachTo(plan.suppressed, proposals, false);
}

/** Gives each of `findings` (the plan's, or those the registry adds) the proposal that answers it. */
export function attachTo(findings: readonly Finding[], proposals: Proposal[], active: boolean): void {
	for (const f of findings) {
		// The proposal for the value on the finding's line first (a finding at the podCidr line is
		// answered by moving the pod CIDR), then the one naming its range most precisely:
		// "Pod CIDR 10.244.0.0/16" over "10.244.0.0/16".
		let i = -1;
		let best = 0;
		proposals.forEach((p, k) => {
			const named = answers(p, f);
			const score = named > 0 && p.line === f.line ? named + 100_000 : named;
			if (score > best) [i, best] = [k, score];
		});
		const p = proposals[i];
		if (!p) continue;
		// Every proposal a visible finding names is active, not only the one it shows.
		if (active) for (const q of proposals) if (answers(q, f) > 0) q.active = true;
		// The line of the value `from` names: the VNet's when it grows, else the first value replaced.
		const at = p.edits.find((e) => e.kind === "append") ?? p.edits.find((e) => e.kind === "replace");
		f.fix = { line: at?.line ?? f.line, from: p.from, to: p.to, why: p.why, proposal: i };
	}
}

/**
 * True when there is something to answer: a finding of the plan, or a range of the block that
 * the rest of the estate collides with (the registry reports those, not the plan).
 */
export function mayFix(plan: PlanResult, context: AllocContext = NO_CONTEXT): boolean {
	if (plan.findings.length > 0) return true;
	const clash = (mine: Range[], theirs: readonly Range[]) => theirs.some((t) => mine.some((m) => overlaps(m, t)));
	const privates = [...plan.podCidrs, ...plan.serviceCidrs].map((c) => c.cidr);
	// A subnet the cluster takes from its linked network's note is that note's, not a clash.
	const own = plan.subnets.filter((s) => s.from === undefined).map((s) => s.cidr);
	return clash(own, context.taken) || clash(privates, context.routed);
}

/** A proposal of a block planned on its own (lines from 1), moved to the block's lines in its note. */
export function atFence(p: Proposal, fenceLine: number): Proposal {
	return {
		...p,
		line: p.line + fenceLine,
		edits: p.edits.map((e) =>
			e.kind === "replace" || e.kind === "append" ? { ...e, line: e.line + fenceLine } : e,
		),
	};
}
