/**
 * Text → YAML documents with lines: a YAML or JSON body as it is; else the JSON documents inside
 * terminal text (prompts, commands, warnings, progress bars), the skipped lines named in one info
 * finding; else a format the reader refuses, with one error naming it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document } from "yaml";
import type { Finding } from "../../core/findings";
import { clip, errorText } from "../../core/text";
import { readFastYaml, type YamlOptions } from "../fast-yaml";
import { Reader } from "../reader";
import { isolate, isPowerShellList, jsonSegments, refusedFormat, terminalKind } from "./text";

type BodyRead = { ok: true; reader: Reader; docs: Document.Parsed[] } | { ok: false; findings: Finding[] };

/**
 * How bodies are read, by `yaml` and by the fast reader alike. YAML 1.2's core schema whatever
 * the body declares, and no binary or timestamp types: a spec holds text, numbers and booleans,
 * and anything else is reported where it is.
 */
export const YAML_OPTIONS: Readonly<YamlOptions> = {
	intAsBigInt: true,
	uniqueKeys: false,
	prettyErrors: true,
	schema: "core",
	resolveKnownTags: false,
};

/**
 * The body's YAML document: the plain block YAML specs are written in is read by the fast
 * reader (../fast-yaml.ts), which builds the same nodes; anything else, and whatever it doubts,
 * by `yaml` itself.
 */
function readYaml(text: string, lines: LineCounter): Document.Parsed {
	return readFastYaml(text, lines, YAML_OPTIONS) ?? parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
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

function structured(doc: Document.Parsed): boolean {
	return doc.errors.length === 0 && (isMap(doc.contents) || isSeq(doc.contents));
}

/** Reads one block body; `lineOffset` is added to body lines (see parseSpec). Never throws. */
export function readBody(source: string, lineOffset: number): BodyRead {
	const text = expandLeadingTabs(source);
	let lines = new LineCounter();
	let doc: Document.Parsed;
	try {
		doc = readYaml(text, lines);
	} catch (e) {
		return fail("yaml-syntax", `The body cannot be read: ${clip(errorText(e), 200)}`, lineOffset + 1);
	}
	if (structured(doc)) {
		const refused = isMap(doc.contents) && isPowerShellList(text) ? refusedFormat(text) : null;
		if (refused) return fail("input-format", refused.message, lineOffset + refused.line + 1);
		return withWarnings(new Reader([doc], lines, lineOffset), doc);
	}
	const scalarRoot = doc.errors.length === 0 && (doc.contents === null || isScalar(doc.contents));
	if (doc.errors.length === 0 && !scalarRoot) return withWarnings(new Reader([doc], lines, lineOffset), doc);
	if (doc.errors.some((e) => e.code === "MULTIPLE_DOCS")) {
		const all = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: (lines = new LineCounter()) });
		if (Array.isArray(all) && all.every((d) => d.errors.length === 0))
			return { ok: true, reader: new Reader(all, lines, lineOffset), docs: all };
	}
	const fromJson = jsonDocuments(text, lineOffset);
	if (fromJson) return fromJson;
	const refused = refusedFormat(text);
	if (refused) return fail("input-format", refused.message, lineOffset + refused.line + 1);
	if (scalarRoot) return { ok: true, reader: new Reader([doc], lines, lineOffset), docs: [doc] };
	const r = new Reader([doc], lines, lineOffset);
	for (const err of doc.errors) {
		const line = (err.linePos?.[0].line ?? 1) + lineOffset;
		r.report("error", "yaml-syntax", `Not valid YAML: ${clip(yamlMessage(err.message), 200)}`, line);
	}
	return { ok: false, findings: r.findings };
}

function fail(code: "yaml-syntax" | "input-format", message: string, line: number): BodyRead {
	return { ok: false, findings: [{ severity: "error", code, message, line }] };
}

/** yaml's warnings (an unknown tag, an unknown directive): the body is read, with a caveat. */
function withWarnings(r: Reader, doc: Document.Parsed): BodyRead {
	for (const w of doc.warnings) {
		const line = r.firstLine - 1 + (w.linePos?.[0].line ?? 1);
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
			r.firstLine,
		);
	}
	return { ok: true, reader: r, docs: [doc] };
}

/** The JSON documents inside terminal text, each parsed where it stands so lines are kept. */
function jsonDocuments(text: string, lineOffset: number): BodyRead | null {
	const segments = jsonSegments(text);
	if (segments.length === 0) return null;
	const lines = new LineCounter();
	const docs = segments.map((_, i) =>
		parseDocument(isolate(text, segments, i), {
			...YAML_OPTIONS,
			lineCounter: i === 0 ? lines : new LineCounter(),
		}),
	);
	if (docs.some((d) => d.errors.length > 0)) return null;
	const r = new Reader(docs, lines, lineOffset);
	const kept = new Set<number>();
	for (const s of segments) {
		const first = text.slice(0, s.from).split("\n").length - 1;
		const last = first + text.slice(s.from, s.to).split("\n").length - 1;
		for (let i = first; i <= last; i++) kept.add(i);
	}
	reportSkipped(r, text.split("\n"), (i) => kept.has(i), "around the JSON");
	return { ok: true, reader: r, docs };
}

/** One info finding naming the skipped lines, and what they are. */
function reportSkipped(r: Reader, all: string[], kept: (i: number) => boolean, where: string): void {
	const skipped = all.map((l, i) => i).filter((i) => !kept(i) && (all[i] ?? "").trim() !== "");
	if (skipped.length === 0) return;
	const ranges: string[] = [];
	let start = skipped[0] ?? 0;
	let prev = start;
	const base = r.firstLine;
	for (const i of [...skipped.slice(1), -1]) {
		if (i === prev + 1) {
			prev = i;
			continue;
		}
		ranges.push(start === prev ? `${base + start}` : `${base + start}-${base + prev}`);
		start = prev = i;
	}
	const kinds = [...new Set(skipped.map((i) => terminalKind(all[i] ?? "")))];
	const named =
		ranges.length === 1 ? ranges[0] : `${ranges.slice(0, -1).join(", ")} and ${ranges[ranges.length - 1]}`;
	const plural = skipped.length > 1 ? "Lines" : "Line";
	r.report(
		"info",
		"input-format",
		`${plural} ${named} ${skipped.length > 1 ? "are" : "is"} terminal text ${where} (${kinds.join(", ")}) and ${skipped.length > 1 ? "are" : "is"} skipped.`,
		base + (skipped[0] ?? 0),
	);
}
