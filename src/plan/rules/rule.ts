/** A rule: one AKS constraint, the finding code it reports, and the check. */
import type { FindingCode, Severity } from "../../spec/findings";
import type { Spec } from "../../spec/types";
import type { PlanResult } from "../types";

export type Report = (severity: Severity, message: string, line: number) => void;

export interface Rule {
	/** The code of every finding this rule reports. */
	code: FindingCode;
	/** What the rule checks, in one sentence (and where the rule comes from). */
	description: string;
	check(plan: PlanResult, spec: Spec, report: Report): void;
}

/** Numbers in messages: 1,581 rather than 1581. */
export function n(value: bigint | number): string {
	return value.toLocaleString("en-US");
}

export function plural(count: bigint | number, word: string, many = `${word}s`): string {
	return `${n(count)} ${count === 1 || count === 1n ? word : many}`;
}

export function percent(part: bigint, whole: bigint): string {
	if (whole <= 0n) return "0%";
	const tenths = (part * 1000n) / whole;
	const sign = tenths < 0n ? "-" : "";
	const abs = tenths < 0n ? -tenths : tenths;
	return `${sign}${abs / 10n}.${abs % 10n}%`;
}
