import { planSource } from "../../src/api";
import type { PlanResult } from "../../src/plan/types";

/** Plans a spec written as an indented template literal. */
export function plan(yaml: string): PlanResult {
	return planSource(dedent(yaml));
}

export function dedent(text: string): string {
	const lines = text.replace(/^\n/, "").split("\n");
	const indents = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
	const min = indents.length > 0 ? Math.min(...indents) : 0;
	return lines.map((l) => l.slice(min)).join("\n");
}

export function codes(p: PlanResult): string[] {
	return p.findings.map((f) => f.code);
}

export function find(p: PlanResult, code: string) {
	return p.findings.filter((f) => f.code === code);
}

/** The messages of the findings of `code` (and `severity`). */
export function messages(p: PlanResult, code: string, severity?: string): string[] {
	return find(p, code)
		.filter((f) => severity === undefined || f.severity === severity)
		.map((f) => f.message);
}
