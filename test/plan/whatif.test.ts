import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planSource } from "../../src/api";
import { anySpecInput, specText } from "./growth-specs";
import { codes, find } from "./helpers";

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");
const withWhatIf = (yaml: string) => planSource(`${EXAMPLE}whatIf: ${yaml}\n`);

describe("whatIf: the plan as it would be, and what breaks first", () => {
	it("scale 1.5 grows every ceiling by half, rounding halves up; nothing breaks", () => {
		const p = withWhatIf("{scale: 1.5}");
		expect(p.pools.map((x) => [x.name, x.count, x.maxCount, x.nodesAtFullScale])).toEqual([
			["system", 5, null, 6],
			["apps", 6, 60, 62],
		]);
		expect(p.whatIf).toMatchObject({
			scale: 1.5,
			changes: [
				{ pool: "system", from: 3, to: 5 },
				{ pool: "apps", from: 40, to: 60 },
			],
			today: { errors: 0 },
			newErrors: [],
			breaksFirst: null,
		});
		expect(codes(p)).not.toContain("pod-cidr-too-small");
	});

	it("a pool's own ceiling: apps at 300 breaks the pod CIDR first, one past its canGrowTo", () => {
		const p = withWhatIf("{apps: 300}");
		expect(p.pools[1]?.maxCount).toBe(300);
		expect(p.whatIf?.newErrors.map((f) => f.code)).toEqual(["pod-cidr-too-small"]);
		expect(p.whatIf?.breaksFirst).toMatchObject({
			limit: { code: "pod-cidr-too-small", range: "192.168.0.0/16" },
			at: [{ pool: "apps", ceiling: 251 }],
			scale: null,
		});
		const today = planSource(EXAMPLE).growth?.pools[1];
		expect(today?.canGrowTo).toBe(250);
	});

	it("a large scale breaks first where cluster growth says it does", () => {
		const p = withWhatIf("10");
		const cluster = planSource(EXAMPLE).growth?.cluster;
		expect(p.whatIf?.scale).toBe(10);
		expect(p.whatIf?.breaksFirst?.limit).toEqual(cluster?.boundBy);
		expect(p.whatIf?.breaksFirst?.at.map((x) => x.ceiling)).toEqual(cluster?.breaksAt);
		expect(p.whatIf?.newErrors.map((f) => f.code)).toContain("pod-cidr-too-small");
	});

	it("warns about a pool it does not know and refuses a bad scale", () => {
		const unknown = withWhatIf("{web: 4}");
		expect(find(unknown, "invalid-value")[0]?.message).toContain('whatIf names pool "web"');
		expect(unknown.whatIf?.changes).toEqual([]);
		const bad = withWhatIf("{scale: -1}");
		expect(find(bad, "invalid-value")[0]?.message).toContain("whatIf scale");
		expect(withWhatIf("[1]").findings.some((f) => f.message.startsWith("whatIf must be a map"))).toBe(true);
	});

	it("shrinking breaks nothing on the way", () => {
		const p = withWhatIf("{scale: 0.5}");
		expect(p.whatIf?.changes.map((c) => c.to)).toEqual([2, 20]);
		expect(p.whatIf?.breaksFirst).toBeNull();
	});

	it("for random specs and scales, something breaks on the way exactly when the what-if has a new error", () => {
		fc.assert(
			fc.property(anySpecInput, fc.double({ min: 1.01, max: 6, noNaN: true }), (input, scale) => {
				const p = planSource(`${specText(input)}whatIf: {scale: ${scale}}\n`);
				const added = p.whatIf?.newErrors.map((f) => f.code) ?? [];
				const first = p.whatIf?.breaksFirst;
				expect(first != null, `new errors: ${added.join(", ")}`).toBe(added.length > 0);
				if (first) expect(added).toContain(first.limit.code);
			}),
			{ numRuns: 150, seed: 1616 },
		);
	}, 30_000);
});
