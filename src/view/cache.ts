/** Plans by source, so re-rendering an unchanged block (Obsidian does it often) costs nothing. */
import { planSource } from "../api";
import type { PlanResult } from "../plan/types";

const LIMIT = 64;
const cache = new Map<string, PlanResult>();

export function planCached(source: string, defaultMaxSurge: string): PlanResult {
	const key = `${defaultMaxSurge}\u0000${source}`;
	const hit = cache.get(key);
	if (hit) {
		cache.delete(key);
		cache.set(key, hit);
		return hit;
	}
	const plan = planSource(source, { defaultMaxSurge });
	cache.set(key, plan);
	if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
	return plan;
}
