// Random specs of every network model for the growth properties: pools of random sizes, surge
// settings and maxPods on node subnets, pod subnets and pod CIDRs of random prefixes, internal load
// balancers, fixed SNAT ports, sometimes shared subnets and ignored codes.
import fc from "fast-check";
import { parseSpec } from "../../src/parse/parse";
import type { Spec } from "../../src/parse/types";
import { planSpec } from "../../src/plan/plan";
import type { PlanResult } from "../../src/plan/types";

export const MODELS = ["overlay", "kubenet", "node-subnet", "pod-dynamic", "pod-static", "none"] as const;
export type Model = (typeof MODELS)[number];

const surge = fc.oneof(
	fc.constant(""),
	fc.integer({ min: 0, max: 5 }).map((n) => `${n}`),
	fc.integer({ min: 1, max: 60 }).map((n) => `${n}%`),
);

const pool = fc.record({
	count: fc.integer({ min: 0, max: 40 }),
	extra: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
	maxPods: fc.option(fc.integer({ min: 10, max: 250 }), { nil: undefined }),
	surge,
	subnet: fc.nat(2),
	podSubnet: fc.nat(1),
});

/** Random inputs for `model`; subnet sizes lean toward what the model needs, so most plans are clean. */
export const specInput = (model: Model) =>
	fc.record({
		model: fc.constant(model),
		pools: fc.array(pool, { minLength: 1, maxLength: 5 }),
		nodePrefixes: fc.array(
			fc.integer({ min: model === "node-subnet" ? 16 : 20, max: model === "node-subnet" ? 22 : 26 }),
			{
				minLength: 1,
				maxLength: 3,
			},
		),
		podPrefixes: fc.array(fc.integer({ min: 15, max: model === "pod-static" ? 20 : 23 }), {
			minLength: 1,
			maxLength: 2,
		}),
		podCidrPrefix: fc.integer({ min: 14, max: 21 }),
		internalLbs: fc.integer({ min: 0, max: 3 }),
		snat: fc.option(fc.record({ ports: fc.integer({ min: 8, max: 64 }), ips: fc.integer({ min: 1, max: 4 }) }), {
			nil: undefined,
		}),
		ignore: fc.constantFrom([], ["low-headroom"], ["node-limit"], ["node-subnet-too-small", "pod-cidr-too-small"]),
	});

export type SpecInput = ReturnType<typeof specInput> extends fc.Arbitrary<infer T> ? T : never;

/** Random inputs of any model. */
export const anySpecInput = fc.constantFrom(...MODELS).chain(specInput);

const PLUGIN: Record<Model, string[]> = {
	overlay: ["networkPlugin: azure", "networkPluginMode: overlay"],
	kubenet: ["networkPlugin: kubenet"],
	"node-subnet": ["networkPlugin: azure"],
	"pod-dynamic": ["networkPlugin: azure"],
	"pod-static": ["networkPlugin: azure", "podIpAllocationMode: StaticBlock"],
	none: ["networkPlugin: none"],
};

/** The spec as YAML text. */
export function specText(input: SpecInput): string {
	const lines = ["cluster: growth", ...PLUGIN[input.model], "vnet: 10.0.0.0/8"];
	if (input.model === "overlay" || input.model === "kubenet")
		lines.push(`podCidr: 100.64.0.0/${input.podCidrPrefix}`);
	lines.push("serviceCidr: 172.16.0.0/16", "dnsServiceIp: 172.16.0.10");
	if (input.snat) {
		lines.push(`allocatedOutboundPorts: ${input.snat.ports * 8}`, `outboundIps: ${input.snat.ips}`);
	}
	const pod = input.model === "pod-dynamic" || input.model === "pod-static";
	lines.push("agentPools:");
	input.pools.forEach((p, i) => {
		lines.push(`  - name: p${i}`, `    count: ${p.count}`);
		if (p.extra !== undefined) lines.push(`    maxCount: ${p.count + p.extra}`);
		if (p.maxPods !== undefined) lines.push(`    maxPods: ${p.maxPods}`);
		if (p.surge !== "") lines.push(`    maxSurge: ${p.surge}`);
		const k = p.subnet % input.nodePrefixes.length;
		lines.push(`    nodeSubnet: 10.${k + 1}.0.0/${input.nodePrefixes[k] ?? 24}`);
		if (pod) {
			const j = p.podSubnet % input.podPrefixes.length;
			lines.push(`    podSubnet: 10.${128 + 32 * j}.0.0/${input.podPrefixes[j] ?? 24}`);
		}
	});
	if (input.internalLbs > 0) {
		lines.push("loadBalancers:");
		for (let i = 0; i < input.internalLbs; i++) lines.push(`  - { name: lb${i}, type: internal }`);
	}
	if (input.ignore.length > 0) lines.push(`ignore: [${input.ignore.join(", ")}]`);
	return `${lines.join("\n")}\n`;
}

export interface Parsed {
	spec: Spec;
	plan: (spec: Spec) => PlanResult;
}

/** Reads a spec once; `plan` plans it (or a variant of it) as the engine does. */
export function parsed(text: string): Parsed {
	const result = parseSpec(text, 0);
	if (!result.spec) throw new Error(`spec not read:\n${text}`);
	const findings = result.findings;
	return { spec: result.spec, plan: (spec) => planSpec(spec, findings, 1, 1) };
}

/** Errors counted by code and line: a new error raises a count. */
function errorCounts(plan: PlanResult): Map<string, number> {
	const counts = new Map<string, number>();
	for (const f of plan.findings) {
		if (f.severity !== "error") continue;
		const key = `${f.code}@${f.line}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

/** Codes of the errors `after` has that `before` has not. */
export function newErrors(before: PlanResult, after: PlanResult): string[] {
	const was = errorCounts(before);
	const out: string[] = [];
	for (const [key, count] of errorCounts(after)) {
		if (count > (was.get(key) ?? 0)) out.push(key.slice(0, key.indexOf("@")));
	}
	return out;
}
