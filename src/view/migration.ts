/**
 * The Move to Overlay panel of a kubenet or Azure CNI node subnet block: preconditions, notes,
 * the proposed pod CIDR, capacity before and after, the target block and the az aks update command.
 */
import { groupDigits as num, leftOf } from "../core/numbers";
import { limitText } from "../plan/growth/words";
import type { CapacityChange } from "../plan/migration/migration";
import { migrationOf } from "../plan/plan";
import type { PlanResult } from "../plan/types";
import { drawn } from "./memo";
import { table, type Cell } from "./tables";

/** Class of the panel, which finding buttons scroll to. */
export const OVERLAY_PANEL = "aks-ip-overlay-section";

const STATUS: Record<string, { text: string; cls: string }> = {
	pass: { text: "Pass", cls: "aks-ip-good" },
	fail: { text: "Fail", cls: "aks-ip-bad" },
	unknown: { text: "Unknown", cls: "aks-ip-tight" },
};

function used(need: bigint, usable: bigint): string {
	return `${num(need)} of ${num(usable)} usable IPs, ${leftOf(usable - need, usable)}`;
}

function growthCell(g: CapacityChange["growth"]["before"]): string {
	if (!g || g.canGrowTo === null || !g.boundBy) return "No limit left";
	return `${num(g.canGrowTo)} nodes (${limitText(g.boundBy)} binds)`;
}

function capacityRows(c: CapacityChange): Cell[][] {
	const rows: Cell[][] = c.nodeSubnets.map((s) => [
		`Node subnet ${s.cidr}`,
		used(s.before, s.usable),
		used(s.after, s.usable),
	]);
	const pods = c.podCidr;
	rows.push([
		"Pod IPs",
		pods.before ? `${pods.before.cidr}: ${num(pods.before.blocks)} /24 node blocks` : "From the node subnets",
		`${pods.after.cidr}: ${num(pods.after.blocks)} /24 node blocks, ${num(pods.needed)} needed`,
	]);
	rows.push(["All pools can grow to", growthCell(c.growth.before), growthCell(c.growth.after)]);
	return rows;
}

function preformatted(
	parent: HTMLElement,
	title: string,
	text: string,
	action: [string, string],
	button: string,
): void {
	const box = parent.createDiv({ cls: "aks-ip-overlay-code" });
	const head = box.createDiv({ cls: "aks-ip-actions" });
	head.createSpan({ cls: "aks-ip-overlay-label", text: title });
	head.createEl("button", { text: button, attr: { type: "button", [action[0]]: action[1] } });
	box.createDiv({ cls: "aks-ip-scroll" }).createEl("pre").createEl("code", { text });
}

/** The toggle's words, as the summary's: the panel opens on a click. */
const MOVE_SHOW = "Show the move";
const MOVE_HIDE = "Hide the move";

/**
 * The panel, closed: its title, where the move starts, and a button. The move is planned (a
 * second plan, of the target block) only when the panel is first opened, not as the block is
 * typed into. Its buttons carry `actionAttr` (the block's click listener reads it).
 */
export function renderMigration(el: HTMLElement, plan: PlanResult, actionAttr: string): void {
	const from = plan.model === "kubenet" ? "kubenet" : "Azure CNI node subnet";
	drawn(el, "overlay", { from, actionAttr }, drawPanel, true);
}

function drawPanel(el: HTMLElement, { from, actionAttr }: { from: string; actionAttr: string }): HTMLElement {
	const panel = el.createDiv({ cls: `aks-ip-section ${OVERLAY_PANEL}` });
	panel.createDiv({ cls: "aks-ip-section-title", text: "Move to Azure CNI Overlay" });
	panel.createEl("p", { cls: "aks-ip-overlay-lead", text: `From ${from}, in place with az aks update.` });
	panel.createDiv({ cls: "aks-ip-actions" }).createEl("button", {
		cls: "aks-ip-overlay-toggle",
		text: MOVE_SHOW,
		attr: { type: "button", [actionAttr]: "overlay-toggle", "aria-expanded": "false" },
	});
	panel.createDiv({ cls: "aks-ip-overlay-body", attr: { hidden: "" } });
	return panel;
}

/** Opens or closes the panel (`open`: to a given state), drawing the move the first time. */
export function toggleMigration(panel: Element, plan: PlanResult, actionAttr: string, open?: boolean): void {
	const button = panel.querySelector(".aks-ip-overlay-toggle");
	const body = panel.querySelector<HTMLElement>(".aks-ip-overlay-body");
	if (!button || !body) return;
	const opening = open ?? button.getAttribute("aria-expanded") !== "true";
	button.setAttribute("aria-expanded", String(opening));
	button.textContent = opening ? MOVE_HIDE : MOVE_SHOW;
	body.toggleAttribute("hidden", !opening);
	if (opening && body.childElementCount === 0) renderMove(body, plan, actionAttr);
}

/** What the open panel shows: preconditions, notes, pod CIDR, capacity, target block and command. */
function renderMove(parent: HTMLElement, plan: PlanResult, actionAttr: string): void {
	const m = migrationOf(plan);
	if (!m) return;
	const checks = m.preconditions.map((c): Cell[] => [c.title, STATUS[c.status] ?? c.status, c.detail]);
	table(parent, "Preconditions", ["Requirement", "Status", "From the spec"], checks, "aks-ip-preconditions");
	const notes = parent.createEl("ul", { cls: "aks-ip-notes" });
	for (const n of m.notes) notes.createEl("li", { text: n });
	if (!m.podCidr || !m.target || !m.capacity || !m.command) {
		parent.createEl("p", {
			cls: "aks-ip-bad",
			text: "No free private /16 for the pod CIDR.",
		});
		return;
	}
	parent.createEl("p", {
		text: `Pod CIDR ${m.podCidr.cidr.text}${m.podCidr.kept ? ", kubenet's own" : ""}: clear of every routed range, room for ${num(m.podCidr.wanted)} nodes.`,
	});
	table(parent, "Capacity", ["", "Before", "After the move"], capacityRows(m.capacity), "aks-ip-capacity");
	if (m.target.errors.length > 0) {
		const list = parent.createEl("ul", { cls: "aks-ip-notes aks-ip-bad" });
		for (const f of m.target.errors) list.createEl("li", { text: `Target: ${f.message}` });
	}
	preformatted(parent, "Target block", m.target.body, [actionAttr, "copy-target"], "Copy target block");
	preformatted(parent, "Command", m.command, [actionAttr, "copy-command"], "Copy command");
}
