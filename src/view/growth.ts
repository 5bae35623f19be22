/**
 * The Growth section: how far each pool and the cluster can grow and which limit binds, sizing
 * tables for the binding ranges, and the what-if banner of a block with `whatIf`.
 */
import { limitText, poolSentence, scaleText, whatIfChanges, whatIfOutcome } from "../plan/growth/words";
import type { LimitAt, LimitRef, SizingTable } from "../plan/growth/types";
import type { PlanResult } from "../plan/types";
import { groupDigits } from "../core/numbers";
import { table, type Cell } from "./tables";

/** Sentence case for a table cell: "Node subnet 10.0.0.0/24". */
function cap(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function limitCell(r: LimitRef | null): string {
	return r ? cap(limitText(r, undefined, false)) : "None left";
}

function atCell(r: LimitAt | null): string {
	return r ? `${limitCell(r)} (at ${groupDigits(r.canGrowTo)})` : "";
}

function growthRows(plan: PlanResult): Cell[][] {
	const growth = plan.growth;
	if (!growth) return [];
	const rows = growth.pools.map((g): Cell[] => [
		g.pool,
		`${groupDigits(g.ceiling)} (${g.autoscaled ? "maxCount" : "count"})`,
		g.canGrowTo === null
			? "No limit left"
			: { text: groupDigits(g.canGrowTo), cls: g.canGrowTo === g.ceiling ? "aks-ip-tight" : "" },
		limitCell(g.boundBy),
		atCell(g.then),
		atCell(g.firstWarning),
	]);
	const c = growth.cluster;
	rows.push([
		"All pools, in proportion",
		groupDigits(c.ceilings),
		c.canGrowTo === null
			? "No limit left"
			: `${groupDigits(c.canGrowTo)}${c.scale === null ? "" : ` (${scaleText(c.scale)})`}`,
		limitCell(c.boundBy),
		atCell(c.then),
		"",
	]);
	return rows;
}

function sizing(parent: HTMLElement, t: SizingTable): void {
	const rows = t.rows.map((r): Cell[] => [
		r.current ? { text: `/${r.prefix}`, tag: "today" } : `/${r.prefix}`,
		groupDigits(r.capacity),
		{ text: groupDigits(r.nodes), cls: r.nodes >= 2 * t.nodesToday ? "aks-ip-good" : "" },
	]);
	const caption = `Sizing: ${limitText(t.limit, undefined, false)} (${groupDigits(t.nodesToday)} nodes today)`;
	table(parent, caption, ["Prefix", cap(t.unit), "Nodes at full scale"], rows, "aks-ip-sizing");
}

/** The what-if banner, above everything else: the block shows a plan that is not today's. */
export function renderWhatIf(el: HTMLElement, plan: PlanResult): void {
	const w = plan.whatIf;
	if (!w) return;
	const box = el.createDiv({ cls: "aks-ip-whatif", attr: { role: "note" } });
	box.createSpan({ cls: "aks-ip-whatif-title", text: "What if" });
	box.createSpan({
		text: `Ceilings: ${whatIfChanges(w)}. This is the plan as it would be. ${cap(whatIfOutcome(w))}`,
	});
	const today = w.today.errors > 0 ? `Today: ${groupDigits(w.today.errors)} errors.` : "Today: no errors.";
	box.createSpan({ cls: "aks-ip-muted", text: ` ${today} Remove whatIf for today's plan.` });
}

export function renderGrowth(parent: HTMLElement, plan: PlanResult): void {
	const growth = plan.growth;
	if (!growth) {
		parent.createEl("p", { cls: "aks-ip-none", text: "Not computed for over 1,000 pools." });
		return;
	}
	const headers = ["Pool", "Ceiling today", "Can grow to", "Binds first", "Then", "First warning"];
	table(parent, "Growth", headers, growthRows(plan), "aks-ip-growth");
	const over = growth.pools.filter((g) => g.alreadyOver.length > 0);
	if (over.length > 0) {
		const list = parent.createEl("ul", { cls: "aks-ip-notes" });
		for (const g of over) list.createEl("li", { text: poolSentence(g) });
	}
	for (const t of growth.sizing) sizing(parent, t);
}
