import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planSource, type PlanSourceOptions } from "../../src/api";
import { readingKey, type PlanStore } from "../../src/plan/readings";
import type { PlanResult } from "../../src/plan/types";

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");
const MISTAKES = readFileSync("examples/Plan with mistakes.md", "utf8").split("```aks-ip\n")[1]?.split("```")[0] ?? "";

function store(): PlanStore & { size(): number } {
	const map = new Map<string, PlanResult>();
	return { get: (k) => map.get(k), set: (k, p) => void map.set(k, p), size: () => map.size };
}

const range = (start: bigint, end: bigint) => ({ family: 4 as const, start, end });

describe("plans by reading (plan/readings.ts)", () => {
	// [what changes, first body and options, second body and options, planned alike]
	const cases: [string, string, PlanSourceOptions, string, PlanSourceOptions, boolean][] = [
		["a comment typed at the end", EXAMPLE, {}, `${EXAMPLE}# typed`, {}, true],
		["a comment on a value's line", MISTAKES, {}, MISTAKES.replace("# host bits set", "# host bits!"), {}, true],
		["a blank line at the end", MISTAKES, {}, `${MISTAKES}\n\n`, {}, true],
		[
			"spaces and quotes",
			"vnet: 10.0.0.0/16\nsubnets: {a: 10.0.1.0/24}\n",
			{},
			'vnet:   "10.0.0.0/16"\nsubnets: { a: 10.0.1.0/24 }\n',
			{},
			true,
		],
		["a value", EXAMPLE, {}, EXAMPLE.replace("count: 3", "count: 4"), {}, false],
		["a line moved down by a blank line", EXAMPLE, {}, `\n${EXAMPLE}`, {}, false],
		["an unknown key", EXAMPLE, {}, `${EXAMPLE}servceCidr: 10.0.0.0/16\n`, {}, false],
		["the default maxSurge", MISTAKES, {}, MISTAKES, { defaultMaxSurge: "1" }, false],
		["the fence line", MISTAKES, {}, MISTAKES, { fenceLine: 4 }, false],
		["fill instead of fix", MISTAKES, {}, MISTAKES, { proposals: "fill" }, false],
		["the estate's ranges", MISTAKES, {}, MISTAKES, { context: { taken: [range(1n, 2n)], routed: [] } }, false],
	];
	it.each(cases)("%s", (_what, a, optionsA, b, optionsB, alike) => {
		const readings = store();
		const first = planSource(a, { ...optionsA, readings });
		const second = planSource(b, { ...optionsB, readings });
		expect(second === first).toBe(alike);
		// Either way, the plan is the one the body has on its own.
		expect(JSON.stringify(second.findings)).toBe(JSON.stringify(planSource(b, optionsB).findings));
		expect(readings.size()).toBe(alike ? 1 : 2);
	});

	it("plans anew without a store", () => {
		expect(planSource(EXAMPLE)).not.toBe(planSource(EXAMPLE));
	});

	it("keeps the plan of a network block and of a block with a linked VNet, per linked network", () => {
		const readings = store();
		const network = "kind: network\nvnet: 10.0.0.0/16\n";
		expect(planSource(`${network}# a`, { readings })).toBe(planSource(`${network}# b`, { readings }));
		const linked = "cluster: a\nvnet: '[[Hub]]'\nagentPools:\n  - name: system\n    count: 3\n";
		const hub = (space: bigint) => () => ({
			note: "[[Hub]]",
			spaces: [{ ...range(space, space + 65535n), prefix: 16, text: "x" }],
			subnets: [],
		});
		const one = planSource(linked, { readings, linkedVnet: hub(0n) });
		expect(planSource(`${linked}# typed`, { readings, linkedVnet: hub(0n) })).toBe(one);
		expect(planSource(linked, { readings, linkedVnet: hub(65536n) })).not.toBe(one);
	});

	it("tells apart values JSON writes alike", () => {
		const key = (v: unknown) => readingKey({ v } as never, [], []);
		const values = [null, undefined, Number.NaN, Infinity, -Infinity, -0, 0, 5, 5n, "x", [], ["a"]];
		expect(new Set(values.map(key)).size).toBe(values.length);
		// These meet only in a field that holds both, which no spec field does.
		expect(key(5n)).toBe(key("5n"));
		expect(key(new Set(["a"]))).toBe(key(["a"]));
	});
});
