/** The findings list: severity, code, message and line; a click goes to the line. */
import { FINDING_CODES, type Finding } from "../spec/findings";

export interface FindingActions {
	onFindingClick?: (finding: Finding) => void;
}

const SEVERITY_WORDS = { error: "Error", warning: "Warning", info: "Info" } as const;

function item(list: HTMLElement, f: Finding, actions: FindingActions, suppressed: boolean): void {
	const li = list.createEl("li", { cls: `aks-ip-finding is-${f.severity}${suppressed ? " is-suppressed" : ""}` });
	li.createSpan({ cls: "aks-ip-severity", text: suppressed ? "Suppressed" : SEVERITY_WORDS[f.severity] });
	li.createEl("code", { cls: "aks-ip-code", text: f.code, attr: { title: FINDING_CODES[f.code] } });
	li.createSpan({ cls: "aks-ip-message", text: f.message });
	const go = li.createEl("button", { cls: "aks-ip-line", text: `Line ${f.line}`, attr: { type: "button", "aria-label": `Go to line ${f.line} of this block` } });
	const click = actions.onFindingClick;
	if (click) go.addEventListener("click", () => click(f));
	else go.disabled = true;
}

export function renderFindings(parent: HTMLElement, findings: Finding[], suppressed: Finding[], actions: FindingActions): void {
	const section = parent.createDiv({ cls: "aks-ip-findings" });
	if (findings.length === 0 && suppressed.length === 0) {
		section.createEl("p", { cls: "aks-ip-none", text: "No findings: the plan meets every rule checked." });
		return;
	}
	const list = section.createEl("ul", { cls: "aks-ip-finding-list", attr: { "aria-label": "Findings" } });
	for (const f of findings) item(list, f, actions, false);
	for (const f of suppressed) item(list, f, actions, true);
}
