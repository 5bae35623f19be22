/** Note text → spec: the YAML (or JSON, or `az aks show` output) of one block, read with lines. */
import { isMap, LineCounter, parseDocument, type Document, type YAMLMap } from "yaml";
import type { Finding } from "../core/findings";
import { NETWORK_PROFILE_KEYS, TOP_KEYS } from "./keys";
import { readLoadBalancers, readSubnets } from "./lists";
import { readNetworkKeys } from "./links";
import { readPools } from "./pools";
import { clip, errorText } from "../core/text";
import { Reader, type Entry } from "./reader";
import { readTopLevel } from "./top";
import type { Spec } from "./types";

interface ParseResult {
	/** null when the body cannot be read at all (a syntax error, or not a map). */
	spec: Spec | null;
	findings: Finding[];
}

/** Expands tabs in each line's leading whitespace to 4-column stops (the editor's default). */
export function expandLeadingTabs(text: string): string {
	if (!text.includes("\t")) return text;
	return text.replace(/^[ \t]+/gm, (lead) => {
		let col = 0;
		for (const ch of lead) col = ch === "\t" ? col + 4 - (col % 4) : col + 1;
		return " ".repeat(col);
	});
}

/** yaml's message without its position suffix and code excerpt; YAML's own tags as `!!name`. */
function yamlMessage(message: string): string {
	const first = message.split("\n")[0] ?? message;
	return first
		.replace(/ at line \d+, column \d+:?$/, "")
		.split("tag:yaml.org,2002:")
		.join("!!");
}

function emptySpec(): Spec {
	return {
		invalid: new Set(),
		azShape: false,
		vnet: [],
		pools: [],
		loadBalancers: [],
		subnets: [],
		peered: [],
		peeredLinks: [],
		ranges: [],
		ignore: [],
	};
}

/**
 * yaml's own errors and warnings, and a %YAML 1.1 directive, as yaml-syntax findings; false when
 * the body cannot be read.
 */
function reportYaml(r: Reader, doc: Document.Parsed, lineOffset: number): boolean {
	if (doc.errors.length > 0) {
		for (const err of doc.errors) {
			const line = (err.linePos?.[0].line ?? 1) + lineOffset;
			r.report("error", "yaml-syntax", `Not valid YAML: ${clip(yamlMessage(err.message), 200)}`, line);
		}
		return false;
	}
	// yaml's warnings (an unknown tag, an unknown directive): the body is read, with a caveat.
	for (const w of doc.warnings) {
		const line = (w.linePos?.[0].line ?? 1) + lineOffset;
		const after =
			w.code === "TAG_RESOLVE_FAILED"
				? "; the value is read as written"
				: w.code === "BAD_DIRECTIVE"
					? "; the directive is ignored"
					: "";
		r.report("warning", "yaml-syntax", `YAML: ${clip(yamlMessage(w.message), 200)}${after}.`, line);
	}
	// The reader parses with YAML 1.2's core schema whatever the body declares.
	if (doc.directives?.yaml.explicit && doc.directives.yaml.version === "1.1") {
		r.report(
			"warning",
			"yaml-syntax",
			"The body declares %YAML 1.1, but it is read as YAML 1.2: write true and false, and numbers without leading zeros.",
			lineOffset + 1,
		);
	}
	return true;
}

/**
 * Parses one block body. `lineOffset` is added to body lines: the opening fence's 1-based line
 * for a block in a note (body line 1 is the line after the fence), 0 for a bare spec file.
 */
export function parseSpec(source: string, lineOffset = 0): ParseResult {
	const lines = new LineCounter();
	let doc;
	try {
		doc = parseDocument(expandLeadingTabs(source), {
			lineCounter: lines,
			intAsBigInt: true,
			uniqueKeys: false,
			prettyErrors: true,
			// YAML 1.2's core schema whatever the body declares, and no binary or timestamp types:
			// a spec holds text, numbers and booleans, and anything else is reported where it is.
			schema: "core",
			resolveKnownTags: false,
		});
	} catch (e) {
		const message = errorText(e);
		return {
			spec: null,
			findings: [
				{
					severity: "error",
					code: "yaml-syntax",
					message: `The body cannot be read: ${clip(message, 200)}`,
					line: lineOffset + 1,
				},
			],
		};
	}
	const r = new Reader(doc, lines, lineOffset);
	if (!reportYaml(r, doc, lineOffset)) return { spec: null, findings: r.findings };
	const root = r.resolve(doc.contents);
	const spec = emptySpec();
	if (r.isEmpty(root)) {
		r.report(
			"info",
			"missing-key",
			"The block is empty: the plan shows what AKS would create by default. Add keys, or insert a template.",
			lineOffset + 1,
		);
		return { spec, findings: r.findings };
	}
	if (!isMap(root)) {
		r.report(
			"error",
			"invalid-value",
			"The body must be a map of keys (cluster:, vnet:, agentPools: …), not a list or a single value.",
			r.line(root, lineOffset + 1),
		);
		return { spec: null, findings: r.findings };
	}
	const top = collectTopEntries(r, root, spec);
	readTopLevel(r, top, spec);
	readPools(r, top, spec);
	const subnets = top.get("subnets");
	if (subnets) spec.subnets = readSubnets(r, subnets);
	readNetworkKeys(r, top, spec);
	const lbs = top.get("loadBalancers");
	if (lbs) spec.loadBalancers = readLoadBalancers(r, lbs);
	return { spec, findings: r.findings };
}

/**
 * Top-level entries, with `az aks show`'s nesting undone: ARM's `properties` wrapper and the
 * `networkProfile` map are read as if their keys stood at the top.
 */
function collectTopEntries(r: Reader, root: YAMLMap, spec: Spec): Map<string, Entry> {
	const first = r.entries(root, TOP_KEYS, "at the top level", hasAzKeys(root));
	let top = first;
	const properties = first.get("properties");
	if (properties && isMap(properties.node)) {
		top = new Map(first);
		top.delete("properties");
		for (const [key, entry] of r.entries(properties.node, TOP_KEYS, "in properties", true)) {
			if (!top.has(key)) top.set(key, entry);
		}
	}
	const profile = top.get("networkProfile");
	if (profile?.node && isMap(profile.node)) {
		for (const [key, entry] of r.entries(profile.node, TOP_KEYS, "in networkProfile", true)) {
			if (!NETWORK_PROFILE_KEYS.has(key)) continue;
			const existing = top.get(key);
			if (existing) {
				r.report(
					"error",
					"duplicate-key",
					`${key} is given both at line ${existing.line} and in networkProfile; the first is used.`,
					entry.line,
				);
				continue;
			}
			top.set(key, entry);
		}
	}
	spec.azShape =
		top.has("networkProfile") ||
		first.get("agentPools")?.key.toLowerCase() === "agentpoolprofiles" ||
		properties !== undefined;
	return top;
}

function hasAzKeys(root: YAMLMap): boolean {
	return root.items.some((pair) => {
		const key = (pair.key as { value?: unknown } | null)?.value;
		return (
			typeof key === "string" && ["networkprofile", "agentpoolprofiles", "properties"].includes(key.toLowerCase())
		);
	});
}
