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
import { renderMigration } from "./migration";
import { drawn } from "./memo";
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

interface HeaderModel {
	title: string;
	model: string;
	families: string;
	status: { level: string; text: string };
}

function header(el: HTMLElement, plan: PlanResult): void {
	const model = plan.kind === "network" ? networkLabel(plan) : planModelLabel(plan);
	const families = plan.ipFamilies.join(" + ");
	drawn(el, "header", { title: plan.cluster, model, families, status: planStatus(plan) }, drawHeader);
}

function drawHeader(el: HTMLElement, { title, model, families, status }: HeaderModel): HTMLElement {
	const head = el.createDiv({ cls: "aks-ip-header" });
	head.createSpan({ cls: "aks-ip-title", text: title });
	head.createSpan({ cls: "aks-ip-model", text: model });
	head.createSpan({ cls: "aks-ip-families", text: families });
	head.createSpan({ cls: `aks-ip-status is-${status.level}`, text: status.text, attr: { role: "status" } });
	return head;
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
	drawn(el, "summary", null, drawSummarySection, true);
}

function drawSummarySection(el: HTMLElement): HTMLElement {
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
	return section;
}

function sectionOn(plan: PlanResult, options: ViewOptions, s: Section): boolean {
	return plan.show ? plan.show.includes(s) : options.sections[s];
}

function titled(el: HTMLElement, title: string, cls: string): HTMLElement {
	const section = el.createDiv({ cls: `aks-ip-section ${cls}` });
	section.createDiv({ cls: "aks-ip-section-title", text: title });
	return section;
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
	// Findings about the move get a button to its panel, when the panel is drawn.
	const move = sectionOn(plan, options, "migration") && movesToOverlay(plan.model);
	if (sectionOn(plan, options, "findings")) {
		renderFindings(
			titled(el, "Findings", "aks-ip-findings-section"),
			plan.findings,
			options.showSuppressed ? plan.suppressed : [],
			plan.proposals,
			move,
		);
	}
	if (sectionOn(plan, options, "growth"))
		renderGrowth(el.createDiv({ cls: "aks-ip-section aks-ip-growth-section" }), plan);
	if (move) renderMigration(el, plan, ACTION_ATTR);
	if (sectionOn(plan, options, "map")) renderMap(titled(el, "Address map", "aks-ip-map-section"), plan);
	if (sectionOn(plan, options, "summary")) summarySection(el);
}
