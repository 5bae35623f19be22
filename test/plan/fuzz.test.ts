import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planNote, planSource } from "../../src/api";
import { mutated, token } from "./generators";

/**
 * Checks the promises every plan keeps: no throw, lines inside the block. Time is measured by
 * `npm run bench` (worst case over mutated specs), never asserted here.
 */
function checkBody(body: string): void {
	const lines = body.split("\n").length;
	const plan = planSource(body);
	for (const f of [...plan.findings, ...plan.suppressed]) {
		expect(f.line, JSON.stringify(f)).toBeGreaterThanOrEqual(1);
		expect(f.line, JSON.stringify(f)).toBeLessThanOrEqual(Math.max(lines, 1));
		expect(typeof f.message).toBe("string");
	}
}

describe("robustness: planning never throws and every line lies in its block", () => {
	it("holds for mutated realistic specs", () => {
		fc.assert(
			fc.property(mutated, (body) => checkBody(body)),
			{ numRuns: 1500, seed: 20261126 },
		);
	});

	it("holds for random text and random YAML-ish token soup", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (body) => checkBody(body)),
			{ numRuns: 1000, seed: 7 },
		);
		fc.assert(
			fc.property(
				fc.array(token, { maxLength: 60 }).map((t) => t.join("")),
				(body) => checkBody(body),
			),
			{ numRuns: 1000, seed: 8 },
		);
	});

	it("holds for random JSON values", () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => checkBody(JSON.stringify(v, null, 2))),
			{ numRuns: 500, seed: 9 },
		);
	});

	it("keeps note lines inside the block in notes", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 80 }), mutated, (prose, body) => {
				const note = `---\na: 1\n---\n${prose.replace(/`|~/g, "")}\n\n\`\`\`aks-ip\n${body.replace(/^(`{3,}|~{3,})/gm, "x")}\n\`\`\`\n`;
				const plans = planNote(note);
				expect(plans).toHaveLength(1);
				const fence = plans[0]?.line ?? 0;
				const last = fence + body.split("\n").length;
				for (const f of plans[0]?.findings ?? []) {
					expect(f.line).toBeGreaterThan(fence);
					expect(f.line).toBeLessThanOrEqual(last);
				}
			}),
			{ numRuns: 300, seed: 10 },
		);
	});
});

describe("robustness: hostile sizes", () => {
	it("a 1 MB body, deep nesting, 10,000 pools and huge numbers", () => {
		const pad = `cluster: big\n${"# padding comment line that is long enough to matter\n".repeat(20_000)}count: 3\n`;
		expect(pad.length).toBeGreaterThan(1_000_000);
		expect(() => planSource(pad)).not.toThrow();
		const deep = `a: ${"[".repeat(5000)}${"]".repeat(5000)}`;
		expect(planSource(deep).findings.length).toBeGreaterThan(0);
		const deepMap = `${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")} 1`;
		expect(() => planSource(deepMap)).not.toThrow();
		const pools = `agentPools:\n${Array.from({ length: 10_000 }, (_, i) => `  - { name: p${i}, count: 1 }`).join("\n")}`;
		const plan = planSource(pools);
		expect(plan.pools).toHaveLength(10_000);
		expect(plan.findings.map((f) => f.code)).toContain("node-limit");
		expect(
			planSource(`count: ${"9".repeat(400)}\nmaxPods: -5\nmaxSurge: 1e400`).findings.every(
				(f) => f.code === "invalid-value",
			),
		).toBe(true);
	});
});
