// The yaml that aks-ip ships (browser build, reader only: scripts/yaml-bundle.mjs) against the
// whole package: on every example, template and fixture, hand-written YAML corner cases and
// random input, both report the same errors and warnings at the same places and read the same
// values. The only differences allowed are the documented ones: YAML 1.1's binary, timestamp,
// set, omap and pairs types are not resolved, a %YAML 1.1 document is read with the core
// schema, and writing YAML is not possible.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as bundled from "yaml";
import { exportedNames, YAML_DIST, YAML_STANDINS } from "../../scripts/yaml-bundle.mjs";
import { findBlocks } from "../../src/spec/note";
import { TEMPLATES } from "../../src/templates/templates";
import { fullYaml } from "../full-yaml";
import { mutated, SEEDS } from "../robust/generators";

const OPTIONS = { intAsBigInt: true, uniqueKeys: false, prettyErrors: true, logLevel: "error" } as const;
const DROPPED_TAGS = ["binary", "timestamp", "set", "omap", "pairs"].map((t) => `tag:yaml.org,2002:${t}`);

type Problem = { code: string; message: string; pos: [number, number] };
const problems = (list: readonly { code: string; message: string; pos: [number, number] }[]): Problem[] => list.map(({ code, message, pos }) => ({ code, message, pos }));

/** True for values only the dropped YAML 1.1 types make. */
function exotic(v: unknown): boolean {
	if (v instanceof Date || v instanceof Uint8Array || v instanceof Set || v instanceof Map) return true;
	if (Array.isArray(v)) return v.some(exotic);
	if (v !== null && typeof v === "object") return Object.values(v).some(exotic);
	return false;
}

function toJS(doc: { toJS(o?: object): unknown }): { value?: unknown; error?: string } {
	try {
		return { value: doc.toJS({ maxAliasCount: 100 }) };
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e) };
	}
}

const counts = { compared: 0, exotic: 0, collectionKeys: 0, yaml11: 0 };

/** Parses `src` with both and expects the same reading. */
function same(src: string): void {
	const ours = bundled.parseDocument(src, { ...OPTIONS, lineCounter: new bundled.LineCounter() });
	const full = fullYaml.parseDocument(src, { ...OPTIONS, lineCounter: new fullYaml.LineCounter() });
	// A dropped tag is unresolved in ours: a warning, where the full package read the tag (or
	// found its value invalid: an error ours does not report).
	const dropped = (w: Problem): boolean => DROPPED_TAGS.some((t) => w.message.includes(`${t} `));
	const ourWarnings = problems(ours.warnings);
	const fullWarnings = problems(full.warnings);
	expect(ourWarnings.filter((w) => !dropped(w)), src).toEqual(fullWarnings.filter((w) => !dropped(w)));
	if (ourWarnings.some(dropped) || fullWarnings.some(dropped)) {
		const fullErrors = problems(full.errors);
		for (const e of problems(ours.errors)) expect(fullErrors, src).toContainEqual(e);
		counts.exotic++;
		return;
	}
	expect(problems(ours.errors), src).toEqual(problems(full.errors));
	if (full.errors.length > 0) return;
	// A %YAML 1.1 document is read with the core schema: its values may differ (yes, 0b1, 1:30, 012).
	if (full.directives?.yaml.version === "1.1") {
		counts.yaml11++;
		return;
	}
	const a = toJS(ours);
	const b = toJS(full);
	if (b.error !== undefined) {
		expect(a.error, src).toBeDefined();
		return;
	}
	if (exotic(b.value)) {
		counts.exotic++;
		return;
	}
	if (a.error !== undefined) {
		// Only a list or map used as a key needs the YAML writer (the full package writes it as text).
		expect(a.error, src).toBe("A list or map used as a key is not supported.");
		counts.collectionKeys++;
		return;
	}
	expect(a.value, src).toEqual(b.value);
	counts.compared++;
}

const CORNERS = [
	"a: 1\nb: [1, 2, {c: d}]\n",
	"? [a, b]\n: c\n",
	"? complex\n  key\n: v\n",
	"a: &x {b: 1}\nc: *x\nd: *y\n",
	"%YAML 1.1\n---\na: yes\nb: 0b101\nc: 1:30\nd: 2001-12-14\ne: 012\nf: .inf\n",
	"%YAML 1.1\n---\na: yes\nb: 0b101\ne: 012\n",
	"%YAML 1.2\n---\na: yes\nb: 0o17\nc: 012\n",
	"%YAML 1.3\n---\na: 1\n",
	"%TAG !e! tag:example.com,2000:\n---\na: !e!foo b\n",
	"%FOO bar\n---\na: 1\n",
	"a: !!binary aGVsbG8=\nb: !!timestamp 2001-12-14\nc: !!set {x, y}\nd: !!omap [a: 1]\ne: !!pairs [a: 1, a: 2]\n",
	"a: !!str 1\nb: !!int '2'\nc: !!float 3\nd: !!bool x\ne: !!null ''\nf: !local x\n",
	"a: |\n  line\n   more\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\n",
	"a: 'single ''quoted'''\nb: \"double \\u00e9 \\x41 \\q\"\n",
	"a:\n  - b\n  -c\n - d\n",
	"a: b: c\n",
	"a:\n\tb: 1\n",
	"- a\nb: c\n",
	"{a: 1, b: [2, 3}\n",
	"a: 1\n---\nb: 2\n",
	"a: 1\n...\n",
	"<<: {a: 1}\nb: 2\n",
	"a: 99999999999999999999\nb: -0x10\nc: 1e309\nd: .nan\n",
	"\uFEFFa: 1\n",
	"a: 1 # comment\n# only a comment\n",
	"\"key\nwith break\": 1\n",
	"a: [\n  1,\n 2\n]\n",
	"*alias: 1\n",
	"a: &anchor: 1\n",
	"- [a, b]: c\n",
	"",
	"   \n\n",
	"~",
];

function noteBlocks(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...noteBlocks(path));
		else if (entry.name.endsWith(".md")) out.push(...findBlocks(readFileSync(path, "utf8")).map((b) => b.body));
	}
	return out;
}

describe("the bundled yaml reads like the whole yaml package", () => {
	it("replaces only modules that exist, with the same exports", () => {
		for (const [path, code] of Object.entries(YAML_STANDINS)) {
			expect(exportedNames(code), path).toEqual(exportedNames(readFileSync(join(YAML_DIST, path), "utf8")));
		}
		expect(() => bundled.stringify({ a: 1 })).toThrow(/^aks-ip reads YAML only/);
	});

	it("on the examples, templates, fixtures and corner cases", () => {
		const inputs = [...noteBlocks("examples"), ...TEMPLATES.map((t) => t.body), ...SEEDS, readFileSync("test/fixtures/az-aks-show.json", "utf8"), ...CORNERS];
		expect(inputs.length).toBeGreaterThan(40);
		for (const src of inputs) same(src);
		// The corner cases reach each documented difference.
		expect(counts.exotic).toBeGreaterThan(0);
		expect(counts.collectionKeys).toBeGreaterThan(0);
		expect(counts.yaml11).toBeGreaterThan(0);
	});

	it("on mutated specs and YAML token soup", () => {
		const tokens = fc.constantFrom(
			"a", "b: ", "- ", "? ", ": ", "  ", "\n", "\t", "#c", "&x ", "*x", "!!str ", "!!binary ", "!!timestamp ", "!!set ", "!foo ", "%YAML 1.1\n---\n", "---\n", "...\n",
			"[", "]", "{", "}", ",", "'", '"', "|", ">", "|-", "1", "0x1F", "0o7", "012", "1:30", "2001-12-14", "yes", "~", ".inf", "1e3", "10.0.0.0/8", "<<: ", "\\", "é",
		);
		const before = counts.compared;
		fc.assert(fc.property(mutated, (src) => same(src)), { numRuns: 1500, seed: 31 });
		fc.assert(fc.property(fc.array(tokens, { maxLength: 40 }).map((t) => t.join("")), (src) => same(src)), { numRuns: 3000, seed: 32 });
		fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => same(JSON.stringify(v, null, 1))), { numRuns: 500, seed: 33 });
		// Most inputs parse without error, so values were compared too, not only errors.
		expect(counts.compared - before).toBeGreaterThan(1000);
	});
});
