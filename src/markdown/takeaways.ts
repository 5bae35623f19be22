/** Key takeaways that follow from the model and the numbers (statements: src/plan/statements.ts). */
import { MODEL_STATEMENTS, nodeBlocks } from "../plan/statements";
import { fill, LINES } from "../plan/statements-shared";
import type { PlanResult } from "../plan/types";
import { code } from "./escape";

const UNKNOWN_MODEL =
	"The cluster's network model is unknown here: add its az aks show output to plan pod and service addresses.";

/** What bounds the pod range, and whether it can grow (overlay: not with Windows pools, never IPv6). */
function sizing(plan: PlanResult): string[] {
	const says = MODEL_STATEMENTS[plan.model];
	const block = nodeBlocks(plan);
	const windows = plan.pools.some((p) => p.osType === "Windows");
	const out = [fill(windows && says.growthWindows ? says.growthWindows : says.sizeTakeaway, { block })];
	if (says.growthIpv6 && plan.podCidrs.some((c) => c.cidr.family === 6)) out.push(says.growthIpv6);
	return out;
}

export function takeaways(plan: PlanResult): string[] {
	const says = MODEL_STATEMENTS[plan.model];
	const ranges = plan.podCidrs.map((c) => code(c.cidr.text)).join(", ");
	const out = plan.modelKnown
		? [LINES.nodeTakeaway, fill(says.podTakeaway, { ranges }), ...sizing(plan)]
		: [LINES.nodeTakeaway, UNKNOWN_MODEL];
	out.push(LINES.serviceTakeaway, LINES.serviceGrowth);
	if (plan.loadBalancers.some((lb) => lb.type === "public")) out.push(LINES.publicTakeaway);
	if (plan.loadBalancers.some((lb) => lb.type === "internal")) out.push(LINES.internalTakeaway);
	const tight = plan.nodeSubnets.concat(plan.podSubnets).filter((s) => s.free < 0n);
	if (tight.length > 0) out.push(fill(LINES.tooSmall, { ranges: tight.map((s) => code(s.cidr.text)).join(", ") }));
	return out;
}
