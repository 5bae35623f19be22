/** Worst-case planning time over random mutations of realistic specs (the robustness bound). */
import fc from "fast-check";
import { planSource } from "../src/api";
import { TEMPLATES } from "../src/templates/templates";
import type { Measure } from "./engine.bench";

export function fuzzBench(): Measure[] {
	const seeds = TEMPLATES.map((t) => t.body);
	const bodies = fc.sample(
		fc
			.tuple(
				fc.constantFrom(...seeds),
				fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 12 })), { maxLength: 6 }),
			)
			.map(([seed, edits]) => {
				const lines = seed.split("\n");
				for (const [a, b, text] of edits) {
					const i = a % lines.length;
					const line = lines[i] ?? "";
					lines[i] = line.slice(0, b % (line.length + 1)) + text + line.slice(b % (line.length + 1));
				}
				return lines.join("\n");
			}),
		{ numRuns: 3000, seed: 42 },
	);
	for (const b of bodies.slice(0, 200)) planSource(b);
	let worst = 0;
	const all: number[] = [];
	for (const b of bodies) {
		const start = performance.now();
		planSource(b);
		const took = performance.now() - start;
		all.push(took);
		worst = Math.max(worst, took);
	}
	all.sort((a, b) => a - b);
	return [
		{
			name: "plan: 3,000 mutated specs, worst case",
			median: all[1500] ?? 0,
			p95: all[2850] ?? 0,
			runs: 3000,
			unit: "ms",
			target: "worst < 50 ms",
			ok: worst < 50,
			note: `worst ${worst.toFixed(2)} ms`,
		},
	];
}
