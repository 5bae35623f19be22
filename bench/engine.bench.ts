/** Engine benchmarks: planning time for the product example and for large specs. */
import { readFileSync } from "node:fs";
import { planSource } from "../src/api";
import { stressSpec } from "./specs";

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

export function engineBench(): Measure[] {
	const example = readFileSync("test/fixtures/example-spec.yaml", "utf8");
	const out: Measure[] = [];
	const ex = time(() => planSource(example), 2000);
	out.push({ name: "plan: product.md example spec", ...ex, runs: 2000, unit: "ms", target: "< 0.5 ms", ok: ex.median < 0.5 });
	const stress = stressSpec(100, 1000, 500);
	const st = time(() => planSource(stress), 30);
	out.push({ name: "plan: 100 pools, 1,000 subnets, 500 peered", ...st, runs: 30, unit: "ms", target: "< 30 ms", ok: st.median < 30 });
	const big = stressSpec(1000, 10000, 5000);
	const bg = time(() => planSource(big), 9);
	const ratio = bg.median / st.median;
	out.push({ name: "plan: tenfold (1,000 / 10,000 / 5,000)", ...bg, runs: 9, unit: "ms", target: "≤ 15× the stress spec", ok: ratio <= 15, note: `${ratio.toFixed(1)}× the stress spec` });
	return out;
}
