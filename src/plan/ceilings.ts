/** A spec with other pool ceilings: what growth, `whatIf` and their tests plan. */
import type { PoolSpec, Spec } from "../parse/types";

/**
 * The spec with pool `i`'s ceiling set to `ceilings[i]` where one is given: maxCount when the pool
 * autoscales (has a maxCount), else count. The spec is not changed; its pools are copied.
 */
export function withCeilings(spec: Spec, ceilings: readonly (number | undefined)[]): Spec {
	const changed = spec.pools.map((p, i): PoolSpec => {
		const target = ceilings[i];
		if (target === undefined) return p;
		if (p.maxCount) return { ...p, maxCount: { value: target, line: p.maxCount.line } };
		return { ...p, count: { value: target, line: p.count?.line ?? p.line } };
	});
	return { ...spec, pools: changed };
}
