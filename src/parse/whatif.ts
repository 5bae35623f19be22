/**
 * `whatIf`: the plan as it would be with other ceilings. `whatIf: {scale: 1.5}` grows every pool's
 * ceiling (maxCount, else count) by half; `whatIf: {apps: 120}` sets one pool's; both combine,
 * a pool's own figure winning. A bare number is a scale.
 */
import { isMap, isScalar, type Node } from "yaml";
import type { Entry, Reader } from "./reader";
import type { Loc, WhatIfSpec } from "./types";
import { readInt } from "./values";

const MAX_SCALE = 100;
const MAX_CEILING = 100_000;

function readScale(r: Reader, e: Entry): Loc<number> | undefined {
	const n: Node | null = e.node;
	const v: unknown = isScalar(n) ? n.value : undefined;
	const value = typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number.NaN;
	if (Number.isFinite(value) && value > 0 && value <= MAX_SCALE) return { value, line: e.line };
	r.report(
		"error",
		"invalid-value",
		`whatIf scale must be a number above 0 and at most ${MAX_SCALE} (1.5 grows every ceiling by half).`,
		e.line,
	);
	return undefined;
}

export function readWhatIf(r: Reader, e: Entry): WhatIfSpec | undefined {
	const node = e.node;
	if (isScalar(node)) {
		const scale = readScale(r, { ...e, key: "whatIf" });
		return scale ? { line: e.line, scale, pools: [] } : undefined;
	}
	if (!isMap(node)) {
		r.report(
			"error",
			"invalid-value",
			"whatIf must be a map: {scale: 1.5} for every pool, or pool names with ceilings ({apps: 120}).",
			e.line,
		);
		return undefined;
	}
	const out: WhatIfSpec = { line: e.line, pools: [] };
	for (const entry of r.namedEntries(node, "in whatIf")) {
		if (entry.key.toLowerCase() === "scale") {
			out.scale = readScale(r, entry);
			continue;
		}
		const ceiling = readInt(r, { ...entry, key: `whatIf ${entry.key}` }, 0, MAX_CEILING);
		if (ceiling) out.pools.push({ name: entry.key, ceiling: ceiling.value, line: entry.line });
	}
	return out;
}
