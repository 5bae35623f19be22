/**
 * The fast YAML reader against `yaml` itself: for every text, it declines, or it gives the same
 * document (node types, values, scalar types and sources, every range, the lines) and the same
 * plan. Texts: random documents in and around its subset, every spec this repository holds
 * (fixtures, example notes, templates, the rules' examples, every string of every test), the
 * benchmark specs.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { manyPoolsSpec, stressSpec } from "../../bench/specs";
import { planSource } from "../../src/api";
import { findBlocks } from "../../src/note/blocks";
import { RULES } from "../../src/plan/rules";
import { TEMPLATES } from "../../src/templates/templates";
import { mutated } from "../plan/generators";
import { dedent } from "../plan/helpers";
import { bothReadings, fastRead } from "./fast-yaml-compare";
import { yamlDocument } from "./fast-yaml-gen";

/** planSource with the fast reader switched off: `yaml` reads every body, as before. */
let slowPlanSource: typeof planSource = () => {
	throw new Error("not loaded");
};
const declineAll = vi.fn(() => null);

beforeAll(async () => {
	vi.resetModules();
	vi.doMock("../../src/parse/fast-yaml", () => ({ readFastYaml: declineAll }));
	slowPlanSource = (await import("../../src/api")).planSource;
	vi.doUnmock("../../src/parse/fast-yaml");
});

/** More runs for a thorough local check: FAST_YAML_RUNS=50000 npx vitest run test/parse/fast-yaml.test.ts */
const RUNS = Number(process.env.FAST_YAML_RUNS ?? 1500);

/** Both readings of `text` agree, and so do both plans; false when the fast reader declined. */
function same(text: string): boolean {
	const both = bothReadings(text);
	if (!both) return false;
	expect(both.fast, JSON.stringify(text)).toEqual(both.slow);
	expect(planSource(text), JSON.stringify(text)).toEqual(slowPlanSource(text));
	return true;
}

function files(dir: string, ext: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: "utf8" })
		.filter((f) => f.endsWith(ext) && !f.includes("node_modules"))
		.map((f) => join(dir, f));
}

/** Every string and template literal of the TypeScript files under `dirs` (substitutions as `1`). */
function literals(dirs: string[]): string[] {
	const out = new Set<string>();
	for (const file of dirs.flatMap((d) => files(d, ".ts"))) {
		const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
		const visit = (node: ts.Node): void => {
			if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.add(node.text);
			else if (ts.isTemplateExpression(node))
				out.add(node.head.text + node.templateSpans.map((s) => `1${s.literal.text}`).join(""));
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return [...out].filter((s) => /[:\-[{]/.test(s));
}

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");
const NOTE_BLOCKS = files("examples", ".md").flatMap((f) => findBlocks(readFileSync(f, "utf8")).map((b) => b.body));

/** Generous: the suite shares two CPUs with other work; nothing here is timed. */
const SLOW = 300_000;

describe("the fast YAML reader", () => {
	it(
		"reads the specs people write: the example, every template and example note block, the bench specs",
		() => {
			const specs = [EXAMPLE, ...TEMPLATES.map((t) => t.body), ...NOTE_BLOCKS];
			expect(NOTE_BLOCKS.length).toBeGreaterThan(5);
			for (const spec of specs) expect(same(spec), spec).toBe(true);
			for (const spec of [stressSpec(20, 300, 100), manyPoolsSpec(300)]) expect(same(spec)).toBe(true);
			expect(declineAll).toHaveBeenCalled();
		},
		SLOW,
	);

	it("declines what it leaves to yaml", () => {
		const outside = [
			"",
			"# only a comment\n",
			"- a\n- b\n",
			"a: &x 1\nb: *x\n",
			"a: !!str 1\n",
			"%YAML 1.1\n---\na: 1\n",
			"a: 1\n---\nb: 2\n",
			"a: |\n  text\n",
			"a: >\n  text\n",
			"? a\n: b\n",
			"a: [1,\n  2]\n",
			"a: [[Hub]]\n",
			"a: {b: {c: 1}}\n",
			"a: b\n  c\n",
			"a:\n  b: 1\n c: 2\n",
			"a: b: c\n",
			"a: b#c\n",
			"a: 'b\n  c'\n",
			'a: "\\q"\n',
			"a:\tb\n",
			"a: b\r\nc: d\r\n",
			"\ufeffa: 1\n",
			"a: 1 # c\nb:   # empty, with a comment\nc: 3\n",
			"a:\n-\n  b: 1\n",
			"a:\n- - 1\n",
			"a: [1, 2, ]\n",
			`${"k".repeat(1100)}: 1\n`,
			"  a: 1\n",
			"a: @b\n",
		];
		for (const text of outside) expect(fastRead(text), JSON.stringify(text)).toBeNull();
	});

	it(
		"agrees with yaml on random documents inside its subset",
		() => {
			let accepted = 0;
			fc.assert(
				fc.property(yamlDocument(false), (text) => {
					if (same(text)) accepted++;
				}),
				{ numRuns: RUNS, seed: process.env.FAST_YAML_RUNS ? undefined : 1811 },
			);
			// Most tame documents are read by the fast path, so the comparison is not vacuous.
			expect(accepted).toBeGreaterThan(RUNS / 2);
		},
		SLOW,
	);

	it(
		"declines or agrees with yaml on random documents around its subset and mutated specs",
		() => {
			let accepted = 0;
			fc.assert(
				fc.property(fc.oneof(yamlDocument(true), mutated), (text) => {
					if (same(text)) accepted++;
				}),
				{ numRuns: RUNS, seed: process.env.FAST_YAML_RUNS ? undefined : 1812 },
			);
			expect(accepted).toBeGreaterThan(RUNS / 10);
		},
		SLOW,
	);

	it(
		"declines or agrees with yaml on every string of the repository's code and tests",
		() => {
			const strings = literals(["src", "test"]);
			const rules = RULES.flatMap((r) => [...r.examples.fails, ...r.examples.passes]);
			expect(rules.length).toBeGreaterThan(40);
			let accepted = 0;
			for (const text of [...strings, ...strings.map(dedent), ...rules]) if (same(text)) accepted++;
			expect(accepted).toBeGreaterThan(300);
		},
		SLOW,
	);
});
