/**
 * Plan → DOM of one block. Pure and repeatable: it builds from the plan alone, with Obsidian's
 * DOM helpers only (spec text always goes in as text), and reports user actions to callbacks.
 */
import type { PlanResult } from "../plan/types";
import { planModelLabel } from "../plan/model";
import { planStatus } from "../plan/status";
import type { Finding } from "../core/findings";
import type { Section } from "../parse/types";
import type { NetworkView } from "../registry/network-view";
import { ACTION_ATTR, renderFindings } from "./findings";
import { renderGrowth, renderWhatIf } from "./growth";
import { OVERLAY_PANEL, renderMigration } from "./migration";
import { movesToOverlay } from "../plan/migration/migration";
import { renderMap } from "./map";
import { renderNetwork } from "./network";
import { renderAllocation, renderPools } from "./tables";

export interface ViewOptions {
	sections: Record<Section, boolean>;
	showSuppressed: boolean;
}

export { ACTION_ATTR };
/** What the vault's registry adds to a block: for a network block, its clusters and others' subnets. */
interface RegistryExtras {
	network: NetworkView | null;
}

/** A network block's kind in words: a VNet, routed ranges, or both. */
function networkLabel(plan: PlanResult): string {
	if (plan.vnet.length > 0 && plan.ranges.length > 0) return "Network: VNet and routed ranges";
	return plan.ranges.length > 0 ? "Network: routed ranges" : "Network: VNet";
}
export const SUMMARY_SHOW = "Show the summary";
export const SUMMARY_HIDE = "Hide the summary";

function header(el: HTMLElement, plan: PlanResult): void {
	const head = el.createDiv({ cls: "aks-ip-header" });
	head.createSpan({ cls: "aks-ip-title", text: plan.cluster });
	head.createSpan({
		cls: "aks-ip-model",
		text: plan.kind === "network" ? networkLabel(plan) : planModelLabel(plan),
	});
	head.createSpan({ cls: "aks-ip-families", text: plan.ipFamilies.join(" + ") });
	const status = planStatus(plan);
	head.createSpan({ cls: `aks-ip-status is-${status.level}`, text: status.text, attr: { role: "status" } });
}

/** The box shown instead of the plan when the body cannot be read. */
export function renderErrorBox(el: HTMLElement, title: string, findings: Finding[]): void {
	const box = el.createDiv({ cls: "aks-ip-error", attr: { role: "alert" } });
	box.createDiv({ cls: "aks-ip-error-title", text: title });
	renderFindings(box, findings, []);
}

/**
 * The summary section: its buttons, and a hidden panel whose Markdown is rendered only when
 * first shown (the block does that), which keeps every keystroke's render light. A button
 * rather than <details>, whose built-in shadow tree costs Chromium more than the rest of the
 * section together.
 */
function summarySection(el: HTMLElement): void {
	const section = titled(el, "Summary", "aks-ip-summary-section");
	const buttons = section.createDiv({ cls: "aks-ip-actions" });
	buttons.createEl("button", {
		cls: "aks-ip-summary-toggle",
		text: SUMMARY_SHOW,
		attr: { type: "button", [ACTION_ATTR]: "summary", "aria-expanded": "false" },
	});
	buttons.createEl("button", { text: "Copy as Markdown", attr: { type: "button", [ACTION_ATTR]: "copy" } });
	buttons.createEl("button", { text: "Insert below", attr: { type: "button", [ACTION_ATTR]: "insert" } });
	section.createDiv({ cls: "aks-ip-summary markdown-rendered", attr: { hidden: "" } });
}

function sectionOn(plan: PlanResult, options: ViewOptions, s: Section): boolean {
	return plan.show ? plan.show.includes(s) : options.sections[s];
}

function titled(el: HTMLElement, title: string, cls: string): HTMLElement {
	const section = el.createDiv({ cls: `aks-ip-section ${cls}` });
	section.createDiv({ cls: "aks-ip-section-title", text: title });
	return section;
}

/** Findings about the move (kubenet's retirement, the move-to-overlay line) get a button to the panel. */
function linkToPanel(el: HTMLElement): void {
	for (const item of Array.from(el.querySelectorAll(".aks-ip-finding"))) {
		const code = item.querySelector(".aks-ip-code")?.textContent;
		if (code !== "kubenet-retirement" && code !== "move-to-overlay") continue;
		(item as HTMLElement).createEl("button", {
			cls: "aks-ip-overlay-link",
			text: "Go to the move",
			attr: { type: "button", [ACTION_ATTR]: "overlay" },
		});
	}
}

export function renderPlan(el: HTMLElement, plan: PlanResult, options: ViewOptions, extras?: RegistryExtras): void {
	el.empty();
	el.addClass("aks-ip-block");
	if (!plan.parsed) {
		renderErrorBox(el, "This plan cannot be read", plan.findings);
		return;
	}
	header(el, plan);
	if (plan.kind === "network") {
		const on = (s: Section) => sectionOn(plan, options, s);
		renderNetwork(el, plan, options, extras?.network ?? null, on, titled);
		return;
	}
	renderWhatIf(el, plan);
	// Tables carry their title as a caption, styled like the other sections' titles.
	if (sectionOn(plan, options, "table"))
		renderAllocation(el.createDiv({ cls: "aks-ip-section aks-ip-allocation-section" }), plan);
	if (sectionOn(plan, options, "pools"))
		renderPools(el.createDiv({ cls: "aks-ip-section aks-ip-pools-section" }), plan);
	if (sectionOn(plan, options, "findings")) {
		renderFindings(
			titled(el, "Findings", "aks-ip-findings-section"),
			plan.findings,
			options.showSuppressed ? plan.suppressed : [],
			plan.proposals,
		);
	}
	if (sectionOn(plan, options, "growth"))
		renderGrowth(el.createDiv({ cls: "aks-ip-section aks-ip-growth-section" }), plan);
	if (sectionOn(plan, options, "migration") && movesToOverlay(plan.model)) {
		renderMigration(el.createDiv({ cls: `aks-ip-section ${OVERLAY_PANEL}` }), plan, ACTION_ATTR);
		linkToPanel(el);
	}
	if (sectionOn(plan, options, "map")) renderMap(titled(el, "Address map", "aks-ip-map-section"), plan);
	if (sectionOn(plan, options, "summary")) summarySection(el);
}
