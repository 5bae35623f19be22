/** Numbers and words shared by the view's sections. */
import { groupDigits, percentOf } from "../spec/numbers";

export const num = groupDigits;
export const pct = percentOf;

export function plural(count: number, word: string): string {
	return `${num(count)} ${count === 1 ? word : `${word}s`}`;
}
