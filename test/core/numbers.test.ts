import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupDigits, percentOf } from "../../src/core/numbers";

describe("number text", () => {
	it("groups digits as en-US does, for numbers and bigints", () => {
		expect([0, 7, 999, 1000, 1581, 65536, -1234567].map((v) => groupDigits(v))).toEqual([
			"0",
			"7",
			"999",
			"1,000",
			"1,581",
			"65,536",
			"-1,234,567",
		]);
		expect(groupDigits(2n ** 64n)).toBe("18,446,744,073,709,551,616");
		fc.assert(
			fc.property(fc.integer(), (v) => groupDigits(v) === v.toLocaleString("en-US")),
			{ numRuns: 2000, seed: 1 },
		);
		fc.assert(
			fc.property(fc.bigInt(), (v) => groupDigits(v) === v.toLocaleString("en-US")),
			{ numRuns: 2000, seed: 2 },
		);
	});

	it("gives percentages with one decimal, rounded down", () => {
		expect([
			percentOf(210n, 256n),
			percentOf(977n, 1019n),
			percentOf(0n, 5n),
			percentOf(1n, 0n),
			percentOf(-1n, 3n),
		]).toEqual(["82.0%", "95.8%", "0.0%", "0%", "-33.3%"]);
	});
});
