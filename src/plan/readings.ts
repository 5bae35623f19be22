/**
 * Plans by reading: what a body was read as (its spec and the findings of reading it) with the
 * planning options, as one text. Two bodies with the same text plan alike, since planning reads
 * nothing else; a body retyped only in a comment, a blank line or its layout keeps its plan.
 */
import type { Finding } from "../core/findings";
import type { Spec } from "../parse/types";
import type { PlanResult } from "./types";

/** Plans already made, by reading key. The caller bounds it; its plans are shared and never changed. */
export interface PlanStore {
	get(key: string): PlanResult | undefined;
	set(key: string, plan: PlanResult): void;
}

/**
 * JSON of everything, including what JSON leaves out. Each field of a spec holds one type, so a
 * bigint ("5n"), a number JSON cannot write ("NaN", "-0"), a Set (as its list) or an undefined
 * field ("\u0000") never meets a string or a list written the same way in the same place.
 */
function exact(_key: string, value: unknown): unknown {
	if (typeof value === "bigint") return `${value}n`;
	if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))) return String(value);
	if (value instanceof Set) return [...(value as Set<unknown>)];
	return value === undefined ? "\u0000" : value;
}

/** The key of a reading planned with `options` (defaults, estate: anything the plan depends on besides the spec). */
export function readingKey(spec: Spec, findings: readonly Finding[], options: readonly unknown[]): string {
	return JSON.stringify([options, findings, spec], exact);
}
