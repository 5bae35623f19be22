/**
 * Plans by source, so re-rendering an unchanged block (Obsidian does it often) costs nothing;
 * and by reading, so a block typed into keeps its plan while only a comment or the layout changes.
 */
import { planSource, type AllocContext } from "../api";
import type { NoteLink } from "../parse/types";
import type { PlanStore } from "../plan/readings";
import type { LinkedVnet, PlanResult } from "../plan/types";
import { envKey } from "../registry/linked";

const LIMIT = 64;
const cache = new Map<string, { plan: PlanResult; env: string }>();

/** The last plans by reading key (least recently used first). */
const byReading = new Map<string, PlanResult>();
const readings: PlanStore = {
	get(key) {
		const plan = byReading.get(key);
		if (plan) {
			byReading.delete(key);
			byReading.set(key, plan);
		}
		return plan;
	},
	set(key, plan) {
		byReading.set(key, plan);
		if (byReading.size > LIMIT) byReading.delete(byReading.keys().next().value as string);
	},
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
		cache.delete(key);
		cache.set(key, hit);
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
	cache.delete(key);
	cache.set(key, { plan, env });
	if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
	return plan;
}

/** The ranges of an allocation context as text: proposals depend on them. */
export function contextKey(context: AllocContext | undefined): string {
	if (!context || (context.taken.length === 0 && context.routed.length === 0)) return "";
	const text = (list: AllocContext["taken"]) => list.map((r) => `${r.start}-${r.end}`).join(",");
	return `${text(context.taken)};${text(context.routed)}`;
}
