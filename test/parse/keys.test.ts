import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { didYouMean, POOL_KEYS, TOP_KEYS, type KeySchema } from "../../src/parse/keys";

/** The plain full-matrix edit distance and search, as a reference. */
function reference(key: string, keys: KeySchema): string | undefined {
	const lower = key.toLowerCase();
	if (lower.length > 64) return undefined;
	const dist = (a: string, b: string): number => {
		const d = Array.from({ length: a.length + 1 }, (_, i) =>
			Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
		);
		for (let i = 1; i <= a.length; i++) {
			for (let j = 1; j <= b.length; j++) {
				const row = d[i] as number[];
				const up = d[i - 1] as number[];
				row[j] = Math.min(
					(up[j] ?? 0) + 1,
					(row[j - 1] ?? 0) + 1,
					(up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
				);
			}
		}
		return d[a.length]?.[b.length] ?? 0;
	};
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const [candidate, canonical] of keys.lookup) {
		const d = dist(lower, candidate);
		if (d < bestDistance) {
			bestDistance = d;
			best = canonical;
		}
	}
	return bestDistance <= Math.max(2, Math.floor(lower.length / 4)) ? best : undefined;
}

describe("did-you-mean", () => {
	it("picks what the full edit-distance search picks, on typos and random keys", () => {
		const known = [...TOP_KEYS.lookup.keys(), ...POOL_KEYS.lookup.keys()];
		const typo = fc
			.tuple(
				fc.constantFrom(...known),
				fc.array(fc.tuple(fc.nat(), fc.constantFrom("", "a", "x", "-", "_", "S")), { maxLength: 4 }),
			)
			.map(([k, edits]) => {
				let s = k;
				for (const [at, ch] of edits) {
					const i = at % (s.length + 1);
					s = s.slice(0, i) + ch + s.slice(i + (ch === "" || at % 2 === 0 ? 1 : 0));
				}
				return s;
			});
		for (const schema of [TOP_KEYS, POOL_KEYS]) {
			fc.assert(
				fc.property(fc.oneof(typo, fc.string({ maxLength: 30 })), (key) => {
					expect(didYouMean(key, schema)).toBe(reference(key, schema));
				}),
				{ numRuns: 2000, seed: 41 },
			);
			// Asked again (the memo), the answer is the same.
			fc.assert(
				fc.property(typo, (key) => {
					expect(didYouMean(key, schema)).toBe(didYouMean(key, schema));
				}),
				{ numRuns: 200, seed: 42 },
			);
		}
		expect(didYouMean("servceCidr", TOP_KEYS)).toBe("serviceCidr");
		expect(didYouMean("zzzzzzzz", TOP_KEYS)).toBeUndefined();
	});
});
