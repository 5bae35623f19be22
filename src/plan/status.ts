/** A plan's status line: "OK", "2 warnings", "1 error, 2 warnings". */
import { countOf } from "../core/numbers";
import type { PlanResult } from "./types";

interface PlanStatus {
	level: "ok" | "warning" | "error";
	errors: number;
	warnings: number;
	text: string;
}

export function planStatus(plan: PlanResult): PlanStatus {
	const errors = plan.findings.filter((f) => f.severity === "error").length;
	const warnings = plan.findings.filter((f) => f.severity === "warning").length;
	const parts = [errors > 0 ? countOf(errors, "error") : "", warnings > 0 ? countOf(warnings, "warning") : ""].filter(
		Boolean,
	);
	return {
		level: errors > 0 ? "error" : warnings > 0 ? "warning" : "ok",
		errors,
		warnings,
		text: parts.length > 0 ? parts.join(", ") : "OK",
	};
}
