/**
 * The engine's public functions: pure TypeScript, no Obsidian, DOM or Node import. The plugin and
 * the command line both call these.
 */
import { toMarkdown } from "./markdown/summary";
import { planBody, type PlanOptions } from "./plan/plan";
import type { PlanResult } from "./plan/types";
import { findBlocks } from "./note/blocks";
import type { AllocContext } from "./allocate/types";

export type { LinkedVnet, PlanResult } from "./plan/types";
export type { Finding, FindingCode, Severity } from "./core/findings";
export { FINDING_CODES } from "./core/findings";
export { blockJson, jsonInt } from "./plan/json";
export { findBlocks } from "./note/blocks";
export { migrationOf } from "./plan/plan";
export { toMarkdown };
export type { AllocContext, Proposal, ValueEdit } from "./allocate/types";
export { NO_CONTEXT } from "./allocate/types";
export { choosePrivateRange } from "./allocate/private";
export { proposalEdits, type Change, type EditResult } from "./allocate/edits";

export interface PlanSourceOptions {
	/** 1-based line of the block's opening fence in its note; findings then carry note lines. */
	fenceLine?: number;
	/** maxSurge for pools when the spec sets none: a node count or a percentage ("10%", the default). */
	defaultMaxSurge?: string;
	/**
	 * Ranges the rest of the estate holds (the vault registry): proposals stay clear of them.
	 * Without it, proposals know only the block.
	 */
	context?: AllocContext;
	/** "fill": proposals also write down the ranges the spec leaves to AKS's defaults. */
	proposals?: "fix" | "fill";
	/** The network a `vnet: [[Note]]` link names (the registry knows it; see Registry#linkedVnet). */
	linkedVnet?: PlanOptions["linkedVnet"];
	/** Plans by reading: a body read as one planned before gets that plan back (see plan/readings.ts). */
	readings?: PlanOptions["readings"];
}

/** Plans one spec body (the text between the fences, or a bare spec file). Never throws. */
export function planSource(source: string, options: PlanSourceOptions = {}): PlanResult {
	return planBody(source, options);
}

/** The Markdown summary of one block body, planned with `options` (a fenceLine gives note lines). */
export function summaryOf(source: string, options: PlanSourceOptions & { headingLevel?: number }): string {
	return toMarkdown(planBody(source, options), { headingLevel: options.headingLevel });
}

/** Plans every `aks-ip` block of a note; lines are the note's. */
export function planNote(markdown: string, options: Omit<PlanSourceOptions, "fenceLine"> = {}): PlanResult[] {
	return findBlocks(markdown).map((b) => planBody(b.body, { ...options, fenceLine: b.fenceLine }));
}

// The registry across notes (src/registry): networks, links and the rules between notes.
export { Registry, type RegistryBlock, type RegistryNote, type RegistryOptions } from "./registry/registry";
export { NoteIndex, noteName, rewriteLinks } from "./registry/links";
export { inventory, inventoryCsv, parseFilter, type InventoryFilter, type InventoryRow } from "./registry/inventory";
export { allocContextOf, allocationInputs, type AllocationInputs, type DeclaredRange } from "./registry/allocation";
export { networkView, type NetworkView } from "./registry/network-view";
