/**
 * The fast YAML reader against `yaml` itself: for every text, it declines, or it gives the same
 * document (node types, values, scalar types and sources, every range, the lines) and the same
 * plan, migration and conversion. Texts: random documents in and around its subset, every spec
 * and pasted input this repository holds (fixtures, pasted shapes, example notes, the blocks of
 * every Markdown file, templates, the rules' examples, every string of the code, tests,
 * benchmarks and scripts), the benchmark specs.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { manyPoolsSpec, stressSpec } from "../../bench/specs";
import { migrationOf, planNote, planSource } from "../../src/api";
import { convertToPlan } from "../../src/convert/convert";
import { findBlocks } from "../../src/note/blocks";
import { RULES } from "../../src/plan/rules";
import { TEMPLATES } from "../../src/templates/templates";
import { mutated } from "../plan/generators";
import { dedent } from "../plan/helpers";
import { bothReadings, fastRead } from "./fast-yaml-compare";
import { yamlDocument } from "./fast-yaml-gen";

const notLoaded = (): never => {
	throw new Error("not loaded");
};
/** The engine with the fast reader switched off: `yaml` reads every body, as before. */
const slow: {
	planSource: typeof planSource;
	planNote: typeof planNote;
	migrationOf: typeof migrationOf;
	convertToPlan: typeof convertToPlan;
} = { planSource: notLoaded, planNote: notLoaded, migrationOf: notLoaded, convertToPlan: notLoaded };
const declineAll = vi.fn(() => null);

beforeAll(async () => {
	vi.resetModules();
	vi.doMock("../../src/parse/fast-yaml", () => ({ readFastYaml: declineAll }));
	const api = await import("../../src/api");
	const convert = await import("../../src/convert/convert");
	Object.assign(slow, { ...api, convertToPlan: convert.convertToPlan });
	vi.doUnmock("../../src/parse/fast-yaml");
});

/** More runs for a thorough local check: FAST_YAML_RUNS=50000 npx vitest run test/parse/fast-yaml.test.ts */
const RUNS = Number(process.env.FAST_YAML_RUNS ?? 1500);

/** Both readings of `text` agree, and so do both plans; false when the fast reader declined. */
function same(text: string): boolean {
	const both = bothReadings(text);
	if (!both) return false;
	expect(both.fast, JSON.stringify(text)).toEqual(both.slow);
	const plan = planSource(text);
	const slowPlan = slow.planSource(text);
	expect(plan, JSON.stringify(text)).toEqual(slowPlan);
	expect(migrationOf(plan), JSON.stringify(text)).toEqual(slow.migrationOf(slowPlan));
	return true;
}

/** As `same`, and the conversion of the text as a pasted selection agrees too. */
function samePasted(text: string): boolean {
	expect(convertToPlan(text), JSON.stringify(text)).toEqual(slow.convertToPlan(text));
	return same(text);
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
/** Every Markdown file of the repository: the example notes, README, CONTRIBUTING, the approved files. */
const NOTES = [".", "examples", "test"]
	.flatMap((d) => (d === "." ? readdirSync(".").filter((f) => f.endsWith(".md")) : files(d, ".md")))
	.map((f) => readFileSync(f, "utf8"));
/** Every fixture: specs, `az` output, pasted terminal text, templates and what the reader refuses. */
const FIXTURES = readdirSync("test/fixtures", { recursive: true, encoding: "utf8" })
	.map((f) => join("test/fixtures", f))
	.filter((f) => /\.[a-z]+$/.test(f))
	.map((f) => readFileSync(f, "utf8"));
/** The JSON fixtures as `az … -o yaml` would print them, sequences indented and not. */
const FIXTURES_AS_YAML = FIXTURES.flatMap((text) => {
	try {
		const value: unknown = JSON.parse(text);
		return [stringify(value), stringify(value, { indentSeq: false })];
	} catch {
		return [];
	}
});

/** Values that stress the shapes' readers and the scalar resolution once printed as YAML. */
const LEAF = fc.oneof(
	fc.constantFrom("10.0.0.0/8", "fd00::/64", "azure", "overlay", "kubenet", "", "null", "true", "1e3", "0o17"),
	fc.constantFrom("a: b", "# x", "- a", "'q'", "[a]", "x #y", "~", "é", "007", " lead", "trail "),
	fc.integer({ min: -5, max: 70_000 }),
	fc.boolean(),
	fc.constant(null),
	fc.string({ maxLength: 5 }),
);

/** Leaf `i` (of the depth-first order, wrapping) of a JSON value set to `leaf`, in place. */
function setLeaf(value: unknown, i: number, leaf: unknown): void {
	const slots: [Record<string, unknown>, string][] = [];
	const walk = (v: unknown): void => {
		if (v === null || typeof v !== "object") return;
		for (const [k, child] of Object.entries(v)) {
			if (child !== null && typeof child === "object") walk(child);
			else slots.push([v as Record<string, unknown>, k]);
		}
	};
	walk(value);
	const slot = slots[i % Math.max(slots.length, 1)];
	if (slot) slot[0][slot[1]] = leaf;
}

/** A JSON fixture with some leaves changed, printed as `az … -o yaml` or yaml's other layouts would. */
const pastedYaml = fc
	.tuple(
		fc.constantFrom(...FIXTURES.flatMap((t) => (t.trimStart().startsWith("{") ? [t] : []))),
		fc.array(fc.tuple(fc.nat(), LEAF), { maxLength: 6 }),
		fc.constantFrom(1, 2, 4),
		fc.boolean(),
	)
	.map(([json, edits, indent, indentSeq]) => {
		const value: unknown = JSON.parse(json);
		for (const [i, leaf] of edits) setLeaf(value, i, leaf);
		return stringify(value, { indent, indentSeq });
	});

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

	it(
		"declines or agrees with yaml on every fixture, pasted shape and note block, and converts them alike",
		() => {
			expect(FIXTURES.length).toBeGreaterThan(15);
			const blocks = NOTES.flatMap((note) => findBlocks(note).map((b) => b.body));
			expect(blocks.length).toBeGreaterThan(20);
			let accepted = 0;
			expect(FIXTURES_AS_YAML.length).toBeGreaterThan(5);
			for (const text of [...FIXTURES, ...FIXTURES_AS_YAML, ...blocks, ...TEMPLATES.map((t) => t.body)])
				if (samePasted(text)) accepted++;
			expect(accepted).toBeGreaterThan(20);
			for (const note of NOTES) expect(planNote(note)).toEqual(slow.planNote(note));
		},
		SLOW,
	);

	it(
		"declines or agrees with yaml on pasted output printed as YAML, its leaves changed at random",
		() => {
			let accepted = 0;
			fc.assert(
				fc.property(pastedYaml, (text) => {
					if (samePasted(text)) accepted++;
				}),
				{ numRuns: Math.ceil(RUNS / 10), seed: process.env.FAST_YAML_RUNS ? undefined : 1813 },
			);
			expect(accepted).toBeGreaterThan(RUNS / 40);
		},
		SLOW,
	);

	it("reads bare links, flow sequences in a flow collection, as yaml does", () => {
		const texts = [
			"peered: [[Hub]]\n",
			"vnet: [[Spoke prod network]]\npeered: [ [Hub] , 10.0.0.0/8 ]\n",
			'peered: [[Hub|hub], "[[Other]]", [Folder/Third]] # links\n',
			"a: [[x, y],[z]]\nb: 1\n",
			"a: [[], [ ]]\n",
			"a: {b: [c, d], e: [f]}\n",
			"a:\n  - [[Hub]]\n  - b: [[Net]]\n",
		];
		for (const text of texts) expect(same(text), JSON.stringify(text)).toBe(true);
	});

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
			"a: [[[Hub]]]\n",
			"a: [{b: c}]\n",
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
			const strings = literals(["src", "test", "bench"]);
			const rules = RULES.flatMap((r) => [...r.examples.fails, ...r.examples.passes]);
			expect(rules.length).toBeGreaterThan(40);
			let accepted = 0;
			for (const text of [...strings, ...strings.map(dedent), ...rules]) if (same(text)) accepted++;
			expect(accepted).toBeGreaterThan(300);
		},
		SLOW,
	);
});
