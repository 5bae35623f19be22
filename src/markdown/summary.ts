/** Plan → Markdown summary (placeholder until the summary is complete). */
import type { PlanResult } from "../plan/types";

export function toMarkdown(plan: PlanResult): string {
	return `## ${plan.cluster}\n`;
}
