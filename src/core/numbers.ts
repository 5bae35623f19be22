/**
 * Whole numbers with thousands separators (1,581), and percentages, for every message, table
 * and summary. Written out rather than toLocaleString, which is slow enough to show on every
 * keystroke, and gives the same text on every machine whatever its locale.
 */
export function groupDigits(value: bigint | number): string {
	const text = (typeof value === "number" ? Math.trunc(value) : value).toString();
	const negative = text.startsWith("-");
	const digits = negative ? text.slice(1) : text;
	if (digits.length <= 3) return text;
	let head = digits.length % 3 || 3;
	let out = digits.slice(0, head);
	for (; head < digits.length; head += 3) out += `,${digits.slice(head, head + 3)}`;
	return negative ? `-${out}` : out;
}

/** `part` of `whole` as a percentage with one decimal, rounded down ("82.0%"). */
export function percentOf(part: bigint, whole: bigint): string {
	if (whole <= 0n) return "0%";
	const tenths = (part * 1000n) / whole;
	const sign = tenths < 0n ? "-" : "";
	const abs = tenths < 0n ? -tenths : tenths;
	return `${sign}${abs / 10n}.${abs % 10n}%`;
}

/** "1 error", "3 errors", "1,024 nodes". */
export function countOf(count: bigint | number, word: string, many = `${word}s`): string {
	return `${groupDigits(count)} ${count === 1 || count === 1n ? word : many}`;
}

/** What is left of `total`: "210 free (82.0%)", or "6,495 short" when `free` is negative. */
export function leftOf(free: bigint, total: bigint): string {
	return free < 0n ? `${groupDigits(-free)} short` : `${groupDigits(free)} free (${percentOf(free, total)})`;
}
