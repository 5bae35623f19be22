import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	alignedIn,
	firstFreeBlock,
	freeBlocks,
	freeSpans,
	largestFreePrefix,
	mergeRanges,
	Space,
	spanBlocks,
} from "../../src/allocate/free";
import { choosePrivateRange } from "../../src/allocate/private";
import { formatRange, makeCidr, overlaps, parseCidr, type Cidr, type Range } from "../../src/net/address";

function c(text: string): Cidr {
	const r = parseCidr(text);
	if (!r.ok) throw new Error(text);
	return r.value;
}
const texts = (list: readonly Range[]) => list.map(formatRange);

describe("free space of a parent range", () => {
	it.each([
		{ parent: "10.0.0.0/24", taken: [], free: ["10.0.0.0/24"] },
		{ parent: "10.0.0.0/24", taken: ["10.0.0.0/24"], free: [] },
		{ parent: "10.0.0.0/24", taken: ["10.0.0.0/8"], free: [] },
		{ parent: "10.0.0.0/24", taken: ["10.0.0.0/26", "10.0.0.128/26"], free: ["10.0.0.64/26", "10.0.0.192/26"] },
		{ parent: "10.0.0.0/24", taken: ["10.0.0.64/26", "10.0.0.0/26"], free: ["10.0.0.128/25"] },
		{
			parent: "10.0.0.0/24",
			taken: ["10.0.0.8/29", "9.0.0.0/8", "11.0.0.0/8"],
			free: ["10.0.0.0/29", "10.0.0.16 - 10.0.0.255"],
		},
		{ parent: "10.0.0.0/24", taken: ["fd00::/8"], free: ["10.0.0.0/24"] },
	])("$parent less $taken", ({ parent, taken, free }) => {
		const merged = mergeRanges(taken.map(c), 4);
		expect(texts(freeSpans(c(parent), merged))).toEqual(free);
	});

	it("merges overlapping and touching ranges, one family at a time", () => {
		const merged = mergeRanges(
			[c("10.0.1.0/24"), c("10.0.0.0/24"), c("10.0.0.128/25"), c("10.0.3.0/24"), c("fd00::/64")],
			4,
		);
		expect(texts(merged)).toEqual(["10.0.0.0/23", "10.0.3.0/24"]);
	});

	it("finds the first aligned block of a prefix", () => {
		const merged = mergeRanges([c("10.10.0.0/22"), c("10.10.4.0/24")], 4);
		expect(firstFreeBlock(c("10.10.0.0/16"), merged, 21)?.text).toBe("10.10.8.0/21");
		expect(firstFreeBlock(c("10.10.0.0/16"), merged, 24)?.text).toBe("10.10.5.0/24");
		expect(firstFreeBlock(c("10.10.0.0/16"), merged, 23)?.text).toBe("10.10.6.0/23");
		expect(firstFreeBlock(c("10.10.0.0/20"), merged, 19)).toBeNull();
		expect(alignedIn({ family: 4, start: 5n, end: 20n }, 29)?.text).toBe("0.0.0.8/29");
	});

	it("cuts a span into maximal aligned blocks", () => {
		expect(texts(spanBlocks({ family: 4, start: c("10.0.0.8/32").start, end: c("10.0.0.255/32").start }))).toEqual([
			"10.0.0.8/29",
			"10.0.0.16/28",
			"10.0.0.32/27",
			"10.0.0.64/26",
			"10.0.0.128/25",
		]);
		expect(texts(freeBlocks(c("10.0.0.0/24"), mergeRanges([c("10.0.0.0/29")], 4)))).toHaveLength(5);
		expect(largestFreePrefix(c("10.0.0.0/24"), mergeRanges([c("10.0.0.0/29")], 4))).toBe(25);
		expect(largestFreePrefix(c("10.0.0.0/24"), mergeRanges([c("10.0.0.0/24")], 4))).toBeNull();
	});

	it("works on IPv6 at full width without enumerating", () => {
		const merged = mergeRanges([c("fd00::/64"), c("fd00:0:0:1::/64")], 6);
		expect(firstFreeBlock(c("fd00::/48"), merged, 64)?.text).toBe("fd00:0:0:2::/64");
		expect(firstFreeBlock(c("::/0"), mergeRanges([c("::/1")], 6), 1)?.text).toBe("8000::/1");
	});

	it("a Space takes blocks as they are handed out", () => {
		const space = new Space([c("10.0.0.0/24")], 4);
		const a = space.firstFree(c("10.0.0.0/16"), 24);
		expect(a?.text).toBe("10.0.1.0/24");
		if (a) space.take(a);
		expect(space.firstFree(c("10.0.0.0/16"), 24)?.text).toBe("10.0.2.0/24");
		space.take(c("10.0.4.0/24"));
		space.take(c("10.0.3.0/24"));
		expect(texts(space.ranges)).toEqual(["10.0.0.0/23", "10.0.3.0 - 10.0.4.255"]);
		expect(space.isFree(c("10.0.5.0/24"))).toBe(true);
		expect(space.isFree(c("10.0.4.128/25"))).toBe(false);
	});
});

/** Brute force over a /24: the free addresses, one by one (only a test may do this). */
function bruteFree(parent: Range, taken: Range[]): boolean[] {
	const free: boolean[] = [];
	for (let a = parent.start; a <= parent.end; a++) free.push(!taken.some((t) => t.start <= a && a <= t.end));
	return free;
}

describe("free space agrees with address-by-address counting", () => {
	const parent = c("10.0.0.0/24");
	const range = fc
		.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 }))
		.map(([s, len]): Range => ({
			family: 4,
			start: parent.start - 20n + BigInt(s),
			end: parent.start - 20n + BigInt(s + len),
		}));

	it("free spans, first aligned blocks and a growing Space", () => {
		fc.assert(
			fc.property(fc.array(range, { maxLength: 12 }), fc.integer({ min: 24, max: 32 }), (taken, prefix) => {
				const merged = mergeRanges(taken, 4);
				const free = bruteFree(parent, taken);
				const spans = freeSpans(parent, merged);
				const fromSpans = free.map((_, i) =>
					spans.some((s) => s.start <= parent.start + BigInt(i) && parent.start + BigInt(i) <= s.end),
				);
				expect(fromSpans).toEqual(free);
				const size = 2 ** (32 - prefix);
				let expected: string | null = null;
				for (let i = 0; i + size <= 256 && expected === null; i += size)
					if (free.slice(i, i + size).every(Boolean))
						expected = makeCidr(4, parent.start + BigInt(i), prefix).text;
				expect(firstFreeBlock(parent, merged, prefix)?.text ?? null).toBe(expected);
				const blocks = freeBlocks(parent, merged);
				expect(blocks.reduce((n, b) => n + Number(b.end - b.start + 1n), 0)).toBe(free.filter(Boolean).length);
				const space = new Space([], 4);
				for (const t of taken) space.take(t);
				expect(texts(space.ranges)).toEqual(texts(merged));
			}),
			{ numRuns: 400, seed: 15 },
		);
	});
});

describe("choosing a free private range", () => {
	it.each([
		{ prefix: 16, avoid: [], prefer: "10.244.0.0/16", want: "10.244.0.0/16" },
		{ prefix: 14, avoid: [], prefer: "10.244.0.0/16", want: "10.244.0.0/14" },
		{ prefix: 16, avoid: ["10.244.0.0/16"], prefer: "10.244.0.0/16", want: "10.0.0.0/16" },
		{ prefix: 16, avoid: ["10.0.0.0/8"], prefer: "10.244.0.0/16", want: "172.16.0.0/16" },
		{ prefix: 16, avoid: ["10.0.0.0/8", "172.16.0.0/12"], want: "192.168.0.0/16" },
		{ prefix: 16, avoid: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], want: "100.64.0.0/16" },
		{ prefix: 12, avoid: ["10.0.0.0/8"], want: "100.64.0.0/12" },
		{ prefix: 8, avoid: ["10.0.0.0/9"], want: null },
		{
			prefix: 20,
			avoid: ["10.0.0.0/8", "172.16.0.0/13", "172.24.0.0/14", "172.28.0.0/15"],
			want: "192.168.0.0/20",
		},
	])("a /$prefix avoiding $avoid", ({ prefix, avoid, prefer, want }) => {
		const got = choosePrivateRange(prefix, avoid.map(c), prefer ? { prefer: c(prefer) } : {});
		expect(got?.text ?? null).toBe(want);
	});

	it("never hands out AKS's reserved ranges", () => {
		// 172.16.0.0/12 less the first 14 /16s leaves only 172.30/16 and 172.31/16, both reserved.
		const avoid = ["10.0.0.0/8", "172.16.0.0/13", "172.24.0.0/14", "172.28.0.0/15"].map(c);
		expect(choosePrivateRange(16, avoid)?.text).toBe("192.168.0.0/16");
		expect(choosePrivateRange(16, avoid, { prefer: c("172.30.0.0/16") })?.text).toBe("192.168.0.0/16");
	});

	it("IPv6 ranges come from fd00::/8", () => {
		expect(choosePrivateRange(64, [], { family: 6 })?.text).toBe("fd00::/64");
		expect(
			choosePrivateRange(108, [c("fd12:3456:789a:1::/108")], { prefer: c("fd12:3456:789a:1::/108") })?.text,
		).toBe("fd00::/108");
	});

	it("a result overlaps nothing it was told to avoid", () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 4, max: 24 })), {
					maxLength: 30,
				}),
				fc.integer({ min: 8, max: 28 }),
				(raw, prefix) => {
					const avoid = raw.map(([v, p]) => {
						const host = BigInt(32 - p);
						return makeCidr(4, (BigInt(v) >> host) << host, p);
					});
					const got = choosePrivateRange(prefix, avoid);
					if (got) expect(avoid.some((a) => overlaps(a, got))).toBe(false);
				},
			),
			{ numRuns: 300, seed: 16 },
		);
	});
});
