/**
 * Free space: what is left of a parent range (a VNet address space, a private block) once every
 * range that takes space in it is removed, and the aligned blocks that fit there. Everything is a
 * sweep over sorted start/end pairs: no address is ever enumerated, so a /8 or an IPv6 /48 costs
 * what a /24 costs.
 */
import { bitsOf, makeCidr, sizeOf, type Cidr, type Family, type Range } from "../net/address";

/** The ranges of `family`, sorted by start, with overlapping and touching ranges merged. */
export function mergeRanges(ranges: readonly Range[], family: Family): Range[] {
	const sorted = ranges
		.filter((r) => r.family === family)
		.map((r) => ({ family, start: r.start, end: r.end }))
		.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
	const out: Range[] = [];
	for (const r of sorted) {
		const last = out[out.length - 1];
		if (last && r.start <= last.end + 1n) {
			if (r.end > last.end) last.end = r.end;
		} else out.push(r);
	}
	return out;
}

/** Index of the first merged range that ends at or after `value` (binary search). */
function firstEndingFrom(merged: readonly Range[], value: bigint): number {
	let lo = 0;
	let hi = merged.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((merged[mid]?.end ?? 0n) < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The spans of `parent` that no range of `merged` (from mergeRanges) covers, in address order. */
export function freeSpans(parent: Range, merged: readonly Range[]): Range[] {
	const out: Range[] = [];
	let at = parent.start;
	for (let i = firstEndingFrom(merged, parent.start); i < merged.length && at <= parent.end; i++) {
		const r = merged[i];
		if (!r || r.family !== parent.family) continue;
		if (r.start > parent.end) break;
		if (r.start > at) out.push({ family: parent.family, start: at, end: r.start - 1n });
		if (r.end + 1n > at) at = r.end + 1n;
	}
	if (at <= parent.end) out.push({ family: parent.family, start: at, end: parent.end });
	return out;
}

/** The first block of `prefix`, aligned to its size, that lies inside `span`; null if none. */
export function alignedIn(span: Range, prefix: number): Cidr | null {
	const bits = bitsOf(span.family);
	if (prefix < 0 || prefix > bits) return null;
	const size = 1n << BigInt(bits - prefix);
	const start = ((span.start + size - 1n) / size) * size;
	return start + size - 1n <= span.end ? makeCidr(span.family, start, prefix) : null;
}

/** The first free block of `prefix` in `parent`, aligned to its size, or null when none fits. */
export function firstFreeBlock(parent: Range, merged: readonly Range[], prefix: number): Cidr | null {
	for (const span of freeSpans(parent, merged)) {
		const block = alignedIn(span, prefix);
		if (block) return block;
	}
	return null;
}

/** A span cut into the fewest aligned CIDR blocks that cover it exactly, in address order. */
export function spanBlocks(span: Range): Cidr[] {
	const bits = bitsOf(span.family);
	const out: Cidr[] = [];
	let start = span.start;
	while (start <= span.end) {
		// The largest block aligned at `start` that still ends inside the span.
		let hostBits = 0;
		while (
			hostBits < bits &&
			start % (1n << BigInt(hostBits + 1)) === 0n &&
			start + (1n << BigInt(hostBits + 1)) - 1n <= span.end
		)
			hostBits++;
		out.push(makeCidr(span.family, start, bits - hostBits));
		start += 1n << BigInt(hostBits);
	}
	return out;
}

/** Every free aligned block of `parent`: its free spans, each cut into maximal CIDR blocks. */
export function freeBlocks(parent: Range, merged: readonly Range[]): Cidr[] {
	return freeSpans(parent, merged).flatMap(spanBlocks);
}

/** The prefix of the largest aligned block free in `parent`, or null when nothing is free. */
export function largestFreePrefix(parent: Range, merged: readonly Range[]): number | null {
	let best: number | null = null;
	for (const span of freeSpans(parent, merged)) {
		// The largest aligned block inside a span is at most the span's size rounded down to a power of two.
		const bits = bitsOf(parent.family);
		let prefix = bits - (sizeOf(span).toString(2).length - 1);
		while (prefix <= bits && !alignedIn(span, prefix)) prefix++;
		if (prefix <= bits && (best === null || prefix < best)) best = prefix;
	}
	return best;
}

/**
 * Taken space that grows as blocks are handed out: the merged list is kept sorted, and each
 * block taken is merged in, so a run of proposals never re-sorts everything.
 */
export class Space {
	private merged: Range[];

	constructor(
		taken: readonly Range[],
		readonly family: Family,
	) {
		this.merged = mergeRanges(taken, family);
	}

	get ranges(): readonly Range[] {
		return this.merged;
	}

	/** Marks `r` as taken. */
	take(r: Range): void {
		if (r.family !== this.family) return;
		const i = firstEndingFrom(this.merged, r.start - 1n);
		let j = i;
		let start = r.start;
		let end = r.end;
		while (j < this.merged.length) {
			const m = this.merged[j];
			if (!m || m.start > end + 1n) break;
			if (m.start < start) start = m.start;
			if (m.end > end) end = m.end;
			j++;
		}
		this.merged.splice(i, j - i, { family: r.family, start, end });
	}

	/** True when no taken range shares an address with `r`. */
	isFree(r: Range): boolean {
		if (r.family !== this.family) return true;
		const m = this.merged[firstEndingFrom(this.merged, r.start)];
		return !m || m.start > r.end;
	}

	firstFree(parent: Range, prefix: number): Cidr | null {
		return firstFreeBlock(parent, this.merged, prefix);
	}
}
