/**
 * The findings list: severity, code, message and line. Each line button carries its line in a
 * data attribute; the block listens once for clicks on all of them (see block.ts).
 */
import { FINDING_CODES, type Finding } from "../core/findings";

const SEVERITY_WORDS = { error: "Error", warning: "Warning", info: "Info" } as const;

/** Attribute naming the block line a button goes to. */
export const LINE_ATTR = "data-aks-ip-line";

function item(list: HTMLElement, f: Finding, suppressed: boolean): void {
	const li = list.createEl("li", { cls: `aks-ip-finding is-${f.severity}${suppressed ? " is-suppressed" : ""}` });
	li.createSpan({ cls: "aks-ip-severity", text: suppressed ? "Suppressed" : SEVERITY_WORDS[f.severity] });
	li.createEl("code", { cls: "aks-ip-code", text: f.code, attr: { title: FINDING_CODES[f.code].description } });
	li.createSpan({ cls: "aks-ip-message", text: f.message });
	li.createEl("button", {
		cls: "aks-ip-line",
		text: `Line ${f.line}`,
		attr: { type: "button", [LINE_ATTR]: f.line, "aria-label": `Go to line ${f.line} of this block` },
	});
}

export function renderFindings(parent: HTMLElement, findings: Finding[], suppressed: Finding[]): void {
	const section = parent.createDiv({ cls: "aks-ip-findings" });
	if (findings.length === 0 && suppressed.length === 0) {
		section.createEl("p", { cls: "aks-ip-none", text: "No findings: the plan meets every rule checked." });
		return;
	}
	const list = section.createEl("ul", { cls: "aks-ip-finding-list", attr: { "aria-label": "Findings" } });
	for (const f of findings) item(list, f, false);
	for (const f of suppressed) item(list, f, true);
}
