/** Engine benchmarks: planning time for the product example and for large specs. */
import { readFileSync } from "node:fs";
import { planSource } from "../src/api";
import { parseSpec } from "../src/parse/parse";
import { computeGrowth } from "../src/plan/growth/growth";
import { planSpec } from "../src/plan/plan";
import { manyPoolsSpec, stressSpec } from "./specs";

export interface Measure {
	name: string;
	median: number;
	p95: number;
	runs: number;
	unit: "ms";
	target?: string;
	ok?: boolean;
	note?: string;
}

/** Median and 95th percentile of `runs` timed calls, after as many untimed ones to warm the JIT. */
export function time(fn: () => void, runs: number): { median: number; p95: number } {
	for (let i = 0; i < runs; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return { median: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.floor(times.length * 0.95)] ?? 0 };
}

const middle = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Times several cases in ROUNDS interleaved rounds and reports, per case, the median of the
 * rounds' medians. On a shared virtual machine a neighbour's load can slow a whole round; the
 * middle round is what the code costs, and the spread of the rounds is reported beside it.
 */
const ROUNDS = 9;
function rounds(
	cases: { fn: () => void; runs: number }[],
): { median: number; p95: number; spread: string; medians: number[] }[] {
	const results = cases.map(() => [] as { median: number; p95: number }[]);
	for (let r = 0; r < ROUNDS; r++) cases.forEach((c, i) => results[i]?.push(time(c.fn, c.runs)));
	return results.map((list) => {
		const medians = list.map((x) => x.median);
		return {
			median: middle(medians),
			p95: middle(list.map((x) => x.p95)),
			spread: `rounds ${Math.min(...medians).toFixed(2)}–${Math.max(...medians).toFixed(2)} ms`,
			medians,
		};
	});
}

/** Growth alone, on top of planning: the spec and plan are made once, outside the timing. */
function growthCase(source: string): () => void {
	const parsed = parseSpec(source);
	if (!parsed.spec) throw new Error("bench spec not read");
	const spec = parsed.spec;
	const plan = planSpec(spec, parsed.findings, 1, 1);
	return () => computeGrowth(plan, spec);
}

export function engineBench(): Measure[] {
	const example = readFileSync("test/fixtures/example-spec.yaml", "utf8");
	const stress = stressSpec(100, 1000, 500);
	const big = stressSpec(1000, 10000, 5000);
	// 3,000 pools, each with a finding of the same code: planning stays fast and the findings readable.
	const manyPools = manyPoolsSpec(3000);
	const [ex, st, bg, mp, gr] = rounds([
		{ fn: () => planSource(example), runs: 1000 },
		{ fn: () => planSource(stress), runs: 20 },
		{ fn: () => planSource(big), runs: 3 },
		{ fn: () => planSource(manyPools), runs: 10 },
		{ fn: growthCase(stress), runs: 50 },
	]);
	if (!ex || !st || !bg || !mp || !gr) return [];
	const manyFindings = planSource(manyPools).findings.length;
	// Growth is the middle of the rounds' ratios: both sizes of one round ran side by side, under the same load.
	const ratio = middle(bg.medians.map((m, i) => m / (st.medians[i] ?? m)));
	return [
		{
			name: "plan: the example spec (test/fixtures)",
			median: ex.median,
			p95: ex.p95,
			runs: ROUNDS * 1000,
			unit: "ms",
			target: "< 0.5 ms",
			ok: ex.median < 0.5,
			note: ex.spread,
		},
		{
			name: "plan: 100 pools, 1,000 subnets, 500 peered",
			median: st.median,
			p95: st.p95,
			runs: ROUNDS * 20,
			unit: "ms",
			target: "< 30 ms",
			ok: st.median < 30,
			note: st.spread,
		},
		{
			name: "growth: 100 pools, 1,000 subnets, 500 peered",
			median: gr.median,
			p95: gr.p95,
			runs: ROUNDS * 50,
			unit: "ms",
			target: "< 10 ms on top of planning",
			ok: gr.median < 10,
			note: `per pool, cluster and sizing; included in the plan figure above; ${gr.spread}`,
		},
		{
			name: "plan: tenfold (1,000 / 10,000 / 5,000)",
			median: bg.median,
			p95: bg.p95,
			runs: ROUNDS * 3,
			unit: "ms",
			target: "≤ 15× the stress spec",
			ok: ratio <= 15,
			note: `${ratio.toFixed(1)}× the stress spec; ${bg.spread}`,
		},
		{
			name: "plan: 3,000 pools",
			median: mp.median,
			p95: mp.p95,
			runs: ROUNDS * 10,
			unit: "ms",
			target: "< 50 ms",
			ok: mp.median < 50,
			note: `${manyFindings.toLocaleString("en-US")} findings; ${mp.spread}`,
		},
	];
}
