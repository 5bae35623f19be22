// The `yaml` package as aks-ip bundles it: the plugin, the command line, the tests and the
// benchmarks all read specs with this one configuration, so they behave the same.
//
// - yaml's browser build (plain ES modules) everywhere. Its Node build differs only by reading
//   process.env.LOG_TOKENS for every token, which in Node costs a C++ call each time.
// - The parts of yaml that reading YAML never reaches are replaced by small stand-ins: the YAML
//   writer (stringify/*, anchor naming), building nodes from JavaScript values, revivers, the CST walker, the
//   JSON schema and YAML 1.1's types (aks-ip reads with the core schema, also a document that
//   declares %YAML 1.1). That keeps main.js under its 200 KB budget.
//   Lexer, parser, composer, errors, positions and the core schema are yaml's own, untouched.
//   An explicit !!binary, !!timestamp, !!set, !!omap or !!pairs tag is reported as unresolved
//   (a warning) and its value read as written. test/engine/yaml-bundle.test.ts compares this build with the full
//   package on examples, templates and random input.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const YAML_DIST = join(ROOT, "node_modules", "yaml", "browser", "dist");
/** Entry of yaml's browser build. */
export const YAML_ENTRY = join(ROOT, "node_modules", "yaml", "browser", "index.js");

/** Thrown by a stand-in: only writing YAML or building nodes from values reaches them. */
const fail = (what) => `throw new Error(${JSON.stringify(`aks-ip reads YAML only: ${what} is not included.`)});`;
const writer = fail("writing YAML");

/** Stand-ins by path under yaml/browser/dist, each exporting the names of the module it replaces. */
export const YAML_STANDINS = {
	// Reached only by toJS() of a map whose key is a list or a map (the full package writes the key as text).
	"stringify/stringify.js": `export function createStringifyContext() { throw new Error("A list or map used as a key is not supported."); }\nexport function stringify() { ${writer} }`,
	"stringify/stringifyCollection.js": `export function stringifyCollection() { ${writer} }`,
	"stringify/stringifyComment.js": `export function stringifyComment() { ${writer} }\nexport function indentComment() { ${writer} }\nexport function lineComment() { ${writer} }`,
	"stringify/stringifyDocument.js": `export function stringifyDocument() { ${writer} }`,
	"stringify/stringifyNumber.js": `export function stringifyNumber() { ${writer} }`,
	"stringify/stringifyPair.js": `export function stringifyPair() { ${writer} }`,
	"stringify/stringifyString.js": `export function stringifyString() { ${writer} }`,
	"stringify/foldFlowLines.js": `export const FOLD_FLOW = "flow";\nexport const FOLD_BLOCK = "block";\nexport const FOLD_QUOTED = "quoted";\nexport function foldFlowLines() { ${writer} }`,
	"doc/createNode.js": `export function createNode() { ${fail("building YAML from values")} }`,
	"doc/applyReviver.js": `export function applyReviver() { ${fail("a reviver")} }`,
	// Naming and checking anchors for writing and for building nodes.
	"doc/anchors.js": ["anchorIsValid", "anchorNames", "createNodeAnchors", "findNewAnchor"].map((f) => `export function ${f}() { ${writer} }`).join("\n"),
	// Unresolved in the stand-in: yaml then warns "Unresolved tag" and keeps the value as written.
	"schema/yaml-1.1/binary.js": "export const binary = undefined;",
	"schema/yaml-1.1/omap.js": `export const omap = undefined;\nexport class YAMLOMap { constructor() { ${fail("!!omap")} } }`,
	"schema/yaml-1.1/pairs.js": `export const pairs = undefined;\nexport function resolvePairs() { ${fail("!!pairs")} }\nexport function createPairs() { ${fail("!!pairs")} }`,
	"schema/yaml-1.1/set.js": `export const set = undefined;\nexport class YAMLSet { constructor() { ${fail("!!set")} } }`,
	"schema/yaml-1.1/timestamp.js": "export const timestamp = undefined;\nexport const intTime = undefined;\nexport const floatTime = undefined;",
	// CST.visit, a walker of yaml's concrete syntax tree, which reading does not use.
	"parse/cst-visit.js": `export function visit() { ${fail("CST.visit")} }`,
	// The JSON schema is used only when asked for (schema: "json"); aks-ip reads with the core schema.
	"schema/json/schema.js": "export { schema } from '../core/schema.js';",
	// A document with a %YAML 1.1 directive is read with the core schema (YAML 1.2's types).
	"schema/yaml-1.1/schema.js": "export { schema } from '../core/schema.js';",
};

/** Names a module exports (`export { a, b as c }`, `export const|function|class x`). */
export function exportedNames(code) {
	const names = new Set();
	for (const m of code.matchAll(/^export\s*\{([^}]*)\}/gm)) {
		for (const part of m[1].split(",")) {
			const name = part.trim().split(/\s+as\s+/).pop()?.trim();
			if (name) names.add(name);
		}
	}
	for (const m of code.matchAll(/^export\s+(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
	return [...names].sort();
}

/** Checks every stand-in against the installed yaml: the file exists and exports the same names. */
export function checkStandIns() {
	for (const [path, code] of Object.entries(YAML_STANDINS)) {
		const file = join(YAML_DIST, path);
		if (!existsSync(file)) throw new Error(`yaml-bundle: ${file} is gone; update scripts/yaml-bundle.mjs for this yaml version.`);
		const want = exportedNames(readFileSync(file, "utf8")).join(", ");
		const have = exportedNames(code).join(", ");
		if (want !== have) throw new Error(`yaml-bundle: the stand-in for ${path} exports ${have}, yaml's exports ${want}.`);
	}
}

/** The stand-in for an absolute file path, if it has one. */
export function standInFor(file) {
	const rel = relative(YAML_DIST, file);
	if (rel.startsWith("..")) return undefined;
	return YAML_STANDINS[rel.split(sep).join("/")];
}

/** esbuild plugin: `yaml` resolves to the browser build, with the stand-ins loaded in place. */
export function yamlEsbuildPlugin() {
	return {
		name: "aks-ip-yaml",
		setup(build) {
			build.onStart(() => checkStandIns());
			build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_ENTRY }));
			build.onLoad({ filter: /[\\/]yaml[\\/]browser[\\/]dist[\\/].*\.js$/ }, (args) => {
				const contents = standInFor(args.path);
				return contents === undefined ? undefined : { contents, loader: "js", resolveDir: dirname(args.path) };
			});
		},
	};
}

/** Vite (Vitest) plugin doing the same; yaml must be inlined (`server.deps.inline`). */
export function yamlVitePlugin() {
	return {
		name: "aks-ip-yaml",
		enforce: "pre",
		buildStart() {
			checkStandIns();
		},
		resolveId(id) {
			return id === "yaml" ? YAML_ENTRY : null;
		},
		load(id) {
			return standInFor(id.split("?")[0]) ?? null;
		},
	};
}
