/** Numbers and words shared by the view's sections. */

export function num(value: bigint | number): string {
	return value.toLocaleString("en-US");
}

export function pct(part: bigint, whole: bigint): string {
	if (whole <= 0n) return "0%";
	return `${(Number((part * 1000n) / whole) / 10).toFixed(1)}%`;
}

export function plural(count: number, word: string): string {
	return `${num(count)} ${count === 1 ? word : `${word}s`}`;
}
