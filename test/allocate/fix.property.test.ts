import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposalEdits } from "../../src/allocate/edits";
import { mentions } from "../../src/allocate/state";
import { planNote, planSource, type PlanResult } from "../../src/api";
import type { AllocContext } from "../../src/allocate/types";
import { contains, parseCidr } from "../../src/net/address";
import { brokenSpec, type Broken } from "./broken";
import { mutated } from "../plan/generators";

const CAPACITY_AND_OVERLAP = new Set([
	"node-subnet-too-small",
	"pod-subnet-too-small",
	"pod-cidr-too-small",
	"range-overlap",
	"outside-vnet",
]);

function counts(plan: PlanResult): Map<string, number> {
	const m = new Map<string, number>();
	for (const f of plan.findings) m.set(`${f.severity} ${f.code}`, (m.get(`${f.severity} ${f.code}`) ?? 0) + 1);
	return m;
}

/** The smallest IPv4 subnet prefix that holds `required` with 10% left and `dense` at all. */
function smallest(required: bigint, dense: bigint): number {
	for (let p = 29; p >= 1; p--) {
		const usable = (1n << BigInt(32 - p)) - 5n;
		if (usable >= dense && (usable - required) * 10n >= usable) return p;
	}
	return 0;
}

/** The plan of the spec, bare or in its note. */
function plan(text: string, fenceLine: number, context: AllocContext): PlanResult {
	const p = fenceLine > 0 ? planNote(text, { context })[0] : planSource(text, { context });
	if (!p) throw new Error("the block is gone");
	return p;
}

function checkFix(b: Broken): void {
	const before = plan(b.text, b.fenceLine, b.context);
	const chosen = before.proposals.filter((p) => p.active && p.auto);
	const noRoom = before.proposals.some((p) => p.active && !p.auto);
	if (b.roomy) expect(noRoom, "a roomy VNet always has room").toBe(false);
	if (chosen.length === 0) return;
	const result = proposalEdits(b.text, b.fenceLine, chosen);
	expect(result.ok, result.ok ? "" : result.reason).toBe(true);
	if (!result.ok) return;
	// Nothing outside the fixed values changes: every edit replaces one value, or adds key lines.
	for (const e of result.edits) {
		const old = b.text.slice(e.from, e.to);
		if (e.from === e.to)
			expect(e.text).toMatch(/^(\n?[ \t]*[A-Za-z]+: ["']?[\d.:a-f/]+["']?\r?\n?)+$|^ [\d.:a-f/]+$/);
		else expect(old).toMatch(/^["']?[\d.:a-f/]+["']?$/);
	}
	const after = plan(result.text, b.fenceLine, b.context);
	// No finding is added (per severity and code: lines and ranges in messages change). The one
	// exception is advice, not a fault: a node subnet with room suggests the move to overlay.
	const was = counts(before);
	for (const [key, n] of counts(after))
		if (key !== "info move-to-overlay")
			expect(n, `${key} after the fixes\n${result.text}`).toBeLessThanOrEqual(was.get(key) ?? 0);
	// With room, every capacity and overlap error is gone.
	if (!noRoom)
		for (const f of after.findings)
			expect(
				f.severity === "error" && CAPACITY_AND_OVERLAP.has(f.code),
				`${f.code}: ${f.message}\n${b.text}\n--- fixed:\n${result.text}`,
			).toBe(false);
	// What stays is a clear "no room": each capacity or overlap error left is answered by a
	// proposal to grow the VNet (the finding may show another, for the other range it names).
	const growths = after.proposals.filter((p) => !p.auto);
	for (const f of after.findings)
		if (f.severity === "error" && CAPACITY_AND_OVERLAP.has(f.code))
			expect(
				growths.some((p) => p.codes.includes(f.code) && p.subjects.some((s) => mentions(f, s))),
				`${f.code}: ${f.message}\n${result.text}`,
			).toBe(true);
	// Each new subnet lies in the VNet, is aligned, and is at most one step above the smallest that fits.
	for (const p of chosen) {
		const moved = after.subnets.find((s) => s.cidr.text === p.to && (s.role === "node" || s.role === "pod"));
		if (!moved || moved.cidr.family !== 4) continue;
		expect(parseCidr(p.to).ok).toBe(true);
		expect(after.vnet.some((v) => contains(v.cidr, moved.cidr))).toBe(true);
		const dense =
			moved.requiredAtFullDensity !== null && moved.requiredAtFullDensity > moved.required
				? moved.requiredAtFullDensity
				: moved.required;
		expect(moved.cidr.prefix, `${p.to} for ${moved.required}`).toBeGreaterThanOrEqual(
			smallest(moved.required, dense) - 1,
		);
	}
}

describe("applying every fix", () => {
	it("adds no finding, clears capacity and overlap errors when there is room, and changes only the fixed values", () => {
		fc.assert(
			fc.property(brokenSpec, (b) => checkFix(b)),
			{
				numRuns: Number(process.env.AKS_IP_FIX_RUNS ?? 10_000),
				seed: Number(process.env.AKS_IP_FIX_SEED ?? 1516),
			},
		);
	}, 300_000);
});

describe("robustness of the allocator", () => {
	it("mutated realistic specs: no internal error, and edits either apply and read back or are refused", () => {
		fc.assert(
			fc.property(mutated, (body) => {
				for (const mode of ["fix", "fill"] as const) {
					const p = planSource(body, { proposals: mode });
					expect(p.findings.filter((f) => f.code === "internal-error")).toEqual([]);
					const r = proposalEdits(body, 0, p.proposals);
					if (r.ok) expect(planSource(r.text).parsed).toBe(true);
				}
			}),
			{ numRuns: 500, seed: 15 },
		);
	}, 120_000);
});
