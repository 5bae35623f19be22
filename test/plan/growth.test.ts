import fc from "fast-check";
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { planSource } from "../../src/api";
import { withCeilings } from "../../src/plan/ceilings";
import { ceilingOf, nodesAt } from "../../src/plan/growth/search";
import type { PlanResult } from "../../src/plan/types";
import { anySpecInput, MODELS, newErrors, parsed, specInput, specText, type Parsed } from "./growth-specs";
import { plan as planYaml } from "./helpers";

/** Pool `i` set to `ceiling`, the others held: the new errors that brings. */
function grownPool(p: Parsed, base: PlanResult, i: number, ceiling: number): string[] {
	const ceilings = base.pools.map((_, j) => (j === i ? ceiling : undefined));
	return newErrors(base, p.plan(withCeilings(p.spec, ceilings)));
}

/** Kinds of limit seen binding, per model: the properties must meet each kind the model has. */
const seen = new Map<string, Set<string>>();
beforeEach(() => seen.clear());

function checkPools(p: Parsed, base: PlanResult): void {
	const growth = base.growth;
	const kinds = seen.get(base.model) ?? new Set<string>();
	seen.set(base.model, kinds);
	for (const g of growth?.pools ?? []) if (g.boundBy) kinds.add(g.boundBy.kind);
	if (growth?.cluster.boundBy) kinds.add(`cluster:${growth.cluster.boundBy.kind}`);
	expect(growth).not.toBeNull();
	growth?.pools.forEach((g, i) => {
		const pool = base.pools[i];
		expect(pool && nodesAt(pool, ceilingOf(pool))).toBe(pool?.nodesAtFullScale);
		if (g.canGrowTo === null) return;
		expect(g.canGrowTo).toBeGreaterThanOrEqual(g.ceiling);
		expect(grownPool(p, base, i, g.canGrowTo), `pool ${g.pool} at ${g.canGrowTo}`).toEqual([]);
		const beyond = grownPool(p, base, i, g.canGrowTo + 1);
		expect(beyond, `pool ${g.pool} at ${g.canGrowTo + 1}`).toContain(g.boundBy?.code);
		if (g.then) expect(g.then.canGrowTo).toBeGreaterThanOrEqual(g.canGrowTo);
	});
}

/** True when `next` is one proportional step beyond `at`: the pools that moved share one threshold. */
function oneStep(today: number[], at: number[], next: number[]): boolean {
	// Pool i steps from a to a + 1 at scale (2a + 1) / (2c); compare thresholds as fractions.
	const moved = today.map((c, i) => ({ c, a: at[i] ?? 0, b: next[i] ?? 0 })).filter((x) => x.c > 0);
	const step = moved.filter((x) => x.b === x.a + 1);
	if (step.length === 0 || moved.some((x) => x.b !== x.a && x.b !== x.a + 1)) return false;
	const [first] = step;
	if (!first) return false;
	const num = 2 * first.a + 1;
	const den = 2 * first.c;
	const same = step.every((x) => (2 * x.a + 1) * den === num * 2 * x.c);
	const later = moved.filter((x) => x.b === x.a).every((x) => (2 * x.a + 1) * den >= num * 2 * x.c);
	return same && later;
}

function checkCluster(p: Parsed, base: PlanResult): void {
	const c = base.growth?.cluster;
	if (!c || c.canGrowTo === null) return;
	const at = c.poolCeilings.map((x) => x.ceiling);
	expect(at.reduce((a, b) => a + b, 0)).toBe(c.canGrowTo);
	expect(newErrors(base, p.plan(withCeilings(p.spec, at))), `cluster at ${at.join(",")}`).toEqual([]);
	expect(oneStep(base.pools.map(ceilingOf), at, c.breaksAt), `step ${at.join(",")} → ${c.breaksAt.join(",")}`).toBe(
		true,
	);
	expect(newErrors(base, p.plan(withCeilings(p.spec, c.breaksAt)))).toContain(c.boundBy?.code);
}

/** Limits the random specs of each model must see binding at least once. */
const BINDS: Record<(typeof MODELS)[number], string[]> = {
	overlay: ["node-subnet", "pod-cidr", "pool-nodes", "snat-ports", "cluster:pod-cidr"],
	kubenet: ["kubenet-nodes", "node-subnet", "pod-cidr", "snat-ports", "cluster:kubenet-nodes"],
	"node-subnet": ["node-subnet", "pool-nodes", "snat-ports", "cluster:node-subnet"],
	"pod-dynamic": ["node-subnet", "pod-subnet", "pool-nodes", "snat-ports", "cluster:pod-subnet"],
	"pod-static": ["node-subnet", "pod-subnet", "snat-ports", "cluster:pod-subnet"],
	none: ["node-subnet", "pool-nodes", "snat-ports"],
};

describe("growth is exact: at canGrowTo no new error, one step beyond a new error of boundBy's code", () => {
	it.each(MODELS)("for random specs of the %s model", { timeout: 30_000 }, (model) => {
		let clean = 0;
		fc.assert(
			fc.property(specInput(model), (input) => {
				const p = parsed(specText(input));
				const base = p.plan(p.spec);
				if (base.findings.some((f) => f.severity === "error")) return;
				clean++;
				checkPools(p, base);
				checkCluster(p, base);
			}),
			{ numRuns: 80, seed: 16 },
		);
		expect(clean).toBeGreaterThan(25);
		const kinds = [...seen.values()].flatMap((k) => [...k]);
		for (const kind of BINDS[model]) expect(kinds, `${model} limits seen binding`).toContain(kind);
	});

	it("also holds for specs that already have errors (those limits add none)", () => {
		fc.assert(
			fc.property(anySpecInput, (input) => {
				const p = parsed(specText(input));
				const base = p.plan(p.spec);
				checkPools(p, base);
				checkCluster(p, base);
			}),
			{ numRuns: 80, seed: 61 },
		);
	}, 30_000);
});

describe("growth: worked examples", () => {
	const example = planSource(readFileSync("test/fixtures/example-spec.yaml", "utf8"));

	it("the product example: apps grows from 40 to 250, the pod CIDR binds, then 1,000 nodes per pool", () => {
		const apps = example.growth?.pools.find((g) => g.pool === "apps");
		expect(apps).toMatchObject({
			ceiling: 40,
			canGrowTo: 250,
			boundBy: { code: "pod-cidr-too-small", kind: "pod-cidr", range: "192.168.0.0/16" },
			then: { code: "node-limit", kind: "pool-nodes", range: "1,000 nodes per pool", canGrowTo: 998 },
		});
		// 250 + surge 2 + system's 4 = 256 blocks of the /16.
		const system = example.growth?.pools.find((g) => g.pool === "system");
		expect(system?.canGrowTo).toBe(194); // 194 + 20 (10%) + 42 = 256
		expect(example.growth?.cluster).toMatchObject({ ceilings: 43, canGrowTo: 252, nodesAtFullScale: 256 });
	});

	it("a node-subnet /24 at maxPods 30 holds 8 nodes (aks-networking.md example 2)", () => {
		const p = planYaml(`
			networkPlugin: azure
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/24
			maxPods: 30
			maxSurge: 0
			count: 3
		`);
		expect(p.growth?.pools[0]).toMatchObject({
			canGrowTo: 8,
			boundBy: { code: "node-subnet-too-small", range: "10.0.0.0/24" },
		});
		const table = p.growth?.sizing[0];
		expect(table?.rows.map((r) => [r.prefix, r.capacity, r.nodes])).toEqual([
			[24, 251, 8],
			[23, 507, 16],
		]);
	});

	it("kubenet binds at 400 nodes when the pod CIDR is larger", () => {
		const p = planYaml(`
			networkPlugin: kubenet
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/20
			podCidr: 10.244.0.0/15
			count: 10
			maxSurge: 1
		`);
		expect(p.growth?.pools[0]).toMatchObject({
			canGrowTo: 399,
			boundBy: { code: "node-limit", kind: "kubenet-nodes" },
			then: { kind: "pod-cidr", canGrowTo: 511 },
		});
	});

	it("fixed SNAT ports bind: 1,024 ports × 2 IPs serve 124 nodes", () => {
		const p = planYaml(`
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/20
			allocatedOutboundPorts: 1024
			outboundIps: 2
			count: 10
			maxSurge: 2
		`);
		expect(p.growth?.pools[0]).toMatchObject({
			canGrowTo: 122,
			boundBy: { code: "snat-ports", kind: "snat-ports" },
		});
	});

	it("a limit already passed adds no new error: growth looks past it and says so", () => {
		const p = planYaml(`
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/28
			count: 20
		`);
		const g = p.growth?.pools[0];
		expect(g?.alreadyOver.map((r) => r.kind)).toContain("node-subnet");
		expect(g?.boundBy?.kind).toBe("pod-cidr");
	});

	it("an ignored code does not bind", () => {
		const p = planYaml(`
			vnet: 10.0.0.0/16
			nodeSubnet: 10.0.0.0/24
			count: 20
			ignore: [node-subnet-too-small]
		`);
		expect(p.growth?.pools[0]?.boundBy?.kind).toBe("pod-cidr");
	});

	it("takes about as long as planning for the stress spec (timed by npm run bench, not here)", () => {
		const pools = Array.from({ length: 100 }, (_, i) => `  - { name: p${i}, count: 2, maxCount: 5 }`).join("\n");
		const p = planSource(`nodeSubnet: 10.0.0.0/16\nvnet: 10.0.0.0/8\nagentPools:\n${pools}`);
		expect(p.growth?.pools).toHaveLength(100);
		// The default /16 pod CIDR is already short (600 nodes): the cluster's 5,000 binds.
		expect(p.growth?.pools[0]?.alreadyOver.map((r) => r.kind)).toEqual(["pod-cidr"]);
		expect(p.growth?.cluster.boundBy?.kind).toBe("cluster-nodes");
	});
});
