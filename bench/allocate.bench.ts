/** The allocator: proposals for a plan with 1,000 subnets in its VNet and 500 peered ranges. */
import { attachFixes, propose } from "../src/allocate/propose";
import { NO_CONTEXT } from "../src/allocate/types";
import { parseSpec } from "../src/parse/parse";
import { planSpec } from "../src/plan/plan";
import { time, type Measure } from "./engine.bench";
import { allocatorSpec } from "./specs";

export function allocateBench(): Measure[] {
	const parsed = parseSpec(allocatorSpec(1000, 500));
	const spec = parsed.spec;
	if (!spec) throw new Error("the allocator bench spec does not parse");
	const plan = planSpec(spec, parsed.findings, 1, 1);
	const run = () => attachFixes(plan, propose(plan, spec, NO_CONTEXT, "fix"));
	const proposals = propose(plan, spec, NO_CONTEXT, "fix");
	// Every kind of proposal is there: the node subnet, the pod and service CIDRs, the static IP.
	if (proposals.length < 3) throw new Error(`the allocator bench makes ${proposals.length} proposals`);
	const rounds = Array.from({ length: 9 }, () => time(run, 50));
	const medians = rounds.map((r) => r.median).sort((a, b) => a - b);
	const median = medians[4] ?? 0;
	return [
		{
			name: "proposals: 1,000 subnets, 500 peered",
			median,
			p95: [...rounds.map((r) => r.p95)].sort((a, b) => a - b)[4] ?? 0,
			runs: 9 * 50,
			unit: "ms",
			target: "< 5 ms",
			ok: median < 5,
			note: `${proposals.length} proposals; rounds ${(medians[0] ?? 0).toFixed(2)}–${(medians[8] ?? 0).toFixed(2)} ms`,
		},
	];
}
