/**
 * Plans by source, so re-rendering an unchanged block (Obsidian does it often) costs nothing;
 * and by reading, so a block typed into keeps its plan while only a comment or the layout changes.
 */
import { planSource, type AllocContext } from "../api";
import type { NoteLink } from "../parse/types";
import type { PlanStore } from "../plan/readings";
import type { LinkedVnet, PlanResult } from "../plan/types";
import { envKey } from "../registry/linked";

const LIMIT = 128;
/** By source (settings, estate and text) and by reading ("\u0001" and the reading key), least recently used first. */
const cache = new Map<string, { plan: PlanResult; env: string }>();

function keep(key: string, entry: { plan: PlanResult; env: string }): void {
	cache.delete(key);
	cache.set(key, entry);
	if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
}

const readings: PlanStore = {
	get(key) {
		const hit = cache.get(`\u0001${key}`);
		if (hit) keep(`\u0001${key}`, hit);
		return hit?.plan;
	},
	set: (key, plan) => keep(`\u0001${key}`, { plan, env: "" }),
};

/**
 * The plan of a block body. `linked` gives the network a `vnet: [[Note]]` link names (from the
 * registry); a block planned with another version of that network is planned again.
 */
export function planCached(
	source: string,
	defaultMaxSurge: string,
	linked?: (link: NoteLink) => LinkedVnet | null,
	context?: AllocContext,
): PlanResult {
	const key = `${defaultMaxSurge}\u0000${contextKey(context)}\u0000${source}`;
	const hit = cache.get(key);
	const link = hit?.plan.links.vnet;
	if (hit && (!link || envKey(linked?.(link) ?? null) === hit.env)) {
		keep(key, hit);
		return hit.plan;
	}
	let env = "";
	const plan = planSource(source, {
		defaultMaxSurge,
		context,
		readings,
		linkedVnet: (l) => {
			const found = linked?.(l) ?? null;
			env = envKey(found);
			return found;
		},
	});
	keep(key, { plan, env });
	return plan;
}

/** The ranges of an allocation context as text: proposals depend on them. */
export function contextKey(context: AllocContext | undefined): string {
	if (!context || (context.taken.length === 0 && context.routed.length === 0)) return "";
	const text = (list: AllocContext["taken"]) => list.map((r) => `${r.start}-${r.end}`).join(",");
	return `${text(context.taken)};${text(context.routed)}`;
}
