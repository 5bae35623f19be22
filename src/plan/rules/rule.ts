import type { Examples, FindingCode, Severity } from "../../core/findings";
import type { Spec } from "../../parse/types";
import type { PlanResult } from "../types";

export type Report = (severity: Severity, message: string, line: number) => void;

/**
 * A rule: one AKS constraint, named after it, with the code of every finding it reports. What it
 * checks and where it comes from is the comment above each rule; the user-facing wording of each
 * code is FINDING_CODES.
 */
export interface Rule {
	code: FindingCode;
	/** Specs that get a finding of `code` (fails) and specs that get none (passes); a test plans them all. */
	examples: Examples;
	check(plan: PlanResult, spec: Spec, report: Report): void;
}
