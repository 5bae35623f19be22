/**
 * Every model renders its own statements and no other's: the allocation table's Source, Managed by
 * and Reachable from cells and every prose line of the summary must match a statement of the
 * plan's model (src/plan/statements.ts) or a shared one (src/plan/statements-shared.ts), and every
 * statement carries its Microsoft Learn source in a comment.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planSource, toMarkdown } from "../../src/api";
import { MODEL_STATEMENTS, statementsOf } from "../../src/plan/statements";
import { CELLS, EGRESS, LINES } from "../../src/plan/statements-shared";
import type { ModelId, PlanResult } from "../../src/plan/types";
import { TEMPLATES } from "../../src/templates/templates";
import { allocationRows } from "../../src/view/tables";
import { find } from "./helpers";

const SOURCES = ["src/plan/statements.ts", "src/plan/statements-shared.ts"].map((f) => readFileSync(f, "utf8"));
const LEARN = /\/\/.*https:\/\/learn\.microsoft\.com\/azure\/aks\/[a-z0-9-]+/;
const MODELS = Object.keys(MODEL_STATEMENTS) as ModelId[];
/** Statements only the low-headroom finding writes (tested below), not tables or summaries. */
const FINDING_ONLY = new Set(["headroom", "headroomWindows", "headroomIpv6"]);

const BASE = "vnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/22\n";
const WINDOWS = "agentPools:\n  - { name: system, count: 3 }\n  - { name: win, count: 3, osType: Windows }\n";
const LBS =
	"loadBalancers:\n  - { name: web, type: public }\n  - { name: api, type: internal }\n  - { name: pls, type: internal, ip: 10.1.0.9, privateLinkIps: 2 }\n";
const SAMPLES: string[] = [
	...TEMPLATES.map((t) => t.body),
	readFileSync("test/fixtures/example-spec.yaml", "utf8"),
	readFileSync("examples/Plan with mistakes.md", "utf8")
		.split("```")[1]
		?.replace(/^aks-ip\n/, "") ?? "",
	"count: 3",
	"nodeSubnet: 10.1.0.0/22\ncount: 3",
	`${BASE}count: 3\n${LBS}`,
	`${BASE}${WINDOWS}`,
	`networkPlugin: azure\ncount: 3`,
	`networkPlugin: azure\n${BASE}podSubnet: 10.1.8.0/22\ncount: 3\n${LBS}`,
	`networkPlugin: azure\n${BASE}podSubnet: 10.1.8.0/22\npodIpAllocationMode: StaticBlock\nmaxPods: 31\ncount: 3`,
	`networkPlugin: kubenet\n${BASE}count: 3\n${LBS}`,
	`networkPlugin: none\n${BASE}count: 3\n${LBS}`,
	`networkPlugin: none\n${BASE}podCidr: 10.244.0.0/16\ncount: 3`,
	`networkPlugin: azure\n${BASE}count: 200\nmaxPods: 30`,
	...Object.keys(EGRESS).map((t) => `${BASE}count: 3\noutboundType: ${t}`),
];

/** A statement as a pattern: each `{name}` stands for a value, which never holds a "; ". */
function pattern(template: string): RegExp {
	const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, "([^;]*)");
	return new RegExp(`^${escaped}$`);
}

function matcher(model: ModelId) {
	const all = statementsOf(model).map((s) => ({ s, re: pattern(s) }));
	// The most specific statement wins: "Azure VNet {subnets}" also matches its longer forms.
	return (text: string): string | null =>
		all.filter((x) => x.re.test(text)).sort((a, b) => b.s.length - a.s.length)[0]?.s ?? null;
}

/** The prose of a rendered plan: its allocation cells and summary lines (Capacity lines and the Growth section are numbers). */
function prose(plan: PlanResult): string[] {
	const cells = allocationRows(plan).flatMap((row) =>
		row.slice(2, 5).map((c) => (typeof c === "string" ? c : c.text)),
	);
	const lines: string[] = [];
	let section = "";
	for (const line of toMarkdown(plan).split("\n")) {
		if (line.startsWith("#")) section = line;
		const bullet = /^\s*- (?:\*\*([^*]+):\*\* )?(.*)$/.exec(line);
		if (!bullet || section.endsWith("Errors") || section.endsWith("Growth") || bullet[1] === "Capacity") continue;
		lines.push(bullet[2] ?? "");
	}
	return [...cells, ...lines];
}

/** Statements of `model` that `plan` renders, and the texts matching none of them. */
function check(plan: PlanResult, model: ModelId): { used: string[]; strays: string[] } {
	const match = matcher(model);
	const used: string[] = [];
	const strays: string[] = [];
	for (const text of prose(plan)) {
		// A list of load balancers is joined with "; ", each item a statement.
		const parts = match(text) !== null ? [text] : text.split("; ");
		for (const part of parts) {
			const s = match(part);
			if (s === null) strays.push(part);
			else used.push(s);
		}
	}
	return { used, strays };
}

describe("network model statements", () => {
	const plans = SAMPLES.map((body) => planSource(body));

	it("cover every model with the samples", () => {
		expect(new Set(plans.map((p) => p.model))).toEqual(new Set(MODELS));
	});

	it.each(SAMPLES.map((_, i) => i))("sample %i renders only its own model's statements", (i) => {
		const plan = plans[i]!;
		expect(check(plan, plan.model).strays).toEqual([]);
	});

	it("tells models apart: an overlay plan read against kubenet's statements has strays", () => {
		const overlay = planSource(`${BASE}count: 3`);
		expect(check(overlay, "kubenet").strays).toContain("Azure CNI (per-node /24 of the pod CIDR)");
		const flat = planSource(`networkPlugin: azure\n${BASE}podSubnet: 10.1.8.0/22\ncount: 3`);
		expect(check(flat, "azure-cni-node-subnet").strays.length).toBeGreaterThan(0);
	});

	it("renders every statement somewhere: each model's own, and every shared one", () => {
		const used = new Set<string>();
		for (const model of MODELS) {
			const mine = plans.filter((p) => p.model === model).flatMap((p) => check(p, model).used);
			for (const s of mine) used.add(s);
			const own = Object.entries(MODEL_STATEMENTS[model])
				.filter(([key]) => !FINDING_ONLY.has(key))
				.map(([, s]) => s);
			expect({ model, missing: own.filter((s) => !mine.includes(s)) }).toEqual({ model, missing: [] });
		}
		const shared = [...Object.values(CELLS), ...Object.values(LINES), ...Object.values(EGRESS)];
		expect(shared.filter((s) => !used.has(s))).toEqual([]);
	});

	it("gives every statement a Microsoft Learn source in a comment above it", () => {
		const missing: string[] = [];
		for (const text of new Set(MODELS.flatMap(statementsOf))) {
			const source = SOURCES.find((s) => s.includes(JSON.stringify(text)));
			if (!source) {
				missing.push(`not a literal: ${text}`);
				continue;
			}
			const lines = source.slice(0, source.indexOf(JSON.stringify(text))).split("\n");
			// The literal's own line, then a key or `const X =` line Prettier may have split off.
			let k = lines.length - 2;
			if (k >= 0 && /^\s*(?:(?:export )?const \w+(?:: \w+)? =|\w+:)\s*$/.test(lines[k] ?? "")) k--;
			let sourced = false;
			for (; k >= 0 && (lines[k] ?? "").trim().startsWith("//"); k--) sourced ||= LEARN.test(lines[k] ?? "");
			if (!sourced) missing.push(text);
		}
		expect(missing).toEqual([]);
	});
});

describe("the low-headroom finding says whether the pod CIDR can grow", () => {
	const overlay = MODEL_STATEMENTS["azure-cni-overlay"];
	const tight = "podCidr: 10.244.0.0/20\nmaxSurge: 0\n";
	it.each([
		["overlay, Linux only", `${BASE}${tight}count: 15`, overlay.headroom],
		[
			"overlay with a Windows pool",
			`${BASE}${tight}agentPools:\n  - { name: system, count: 5 }\n  - { name: win, count: 10, osType: Windows }`,
			overlay.headroomWindows,
		],
		["kubenet", `networkPlugin: kubenet\n${BASE}${tight}count: 15`, MODEL_STATEMENTS.kubenet.headroom],
		[
			"an IPv6 pod CIDR",
			`${BASE.replace("10.1.0.0/22", "[10.1.0.0/22, 'fd00:1::/64']").replace("10.1.0.0/16", "[10.1.0.0/16, 'fd00:1::/48']")}ipFamilies: [IPv4, IPv6]\npodCidrs: [10.244.0.0/16, 'fd00:244::/76']\nmaxSurge: 0\ncount: 15`,
			overlay.headroomIpv6,
		],
	])("%s", (_, body, clause) => {
		const messages = find(planSource(body), "low-headroom").map((f) => f.message);
		expect(messages.some((m) => m.includes("Pod CIDR") && m.includes(clause ?? "?"))).toBe(true);
		expect(messages.join(" ")).not.toContain("preview");
	});
});
