/** The fast YAML reader beside `yaml` itself: what each makes of one text, in comparable form. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { Decline } from "../../src/parse/fast-line";
import { fastYaml } from "../../src/parse/fast-yaml";
import { expandLeadingTabs, YAML_OPTIONS } from "../../src/parse/shapes/body";

/** Everything of a node the Reader or a later step could see, ranges included. */
export function shape(node: unknown): unknown {
	if (node === null || node === undefined) return node;
	if (isMap(node) || isSeq(node)) {
		return {
			kind: isMap(node) ? "map" : "seq",
			flow: node.flow ?? false,
			range: node.range,
			tag: node.tag,
			anchor: node.anchor,
			items: node.items.map((item) => (isPair(item) ? [shape(item.key), shape(item.value)] : shape(item))),
		};
	}
	if (isScalar(node)) {
		return {
			kind: "scalar",
			value: node.value,
			valueType: typeof node.value,
			type: node.type,
			range: node.range,
			source: node.source,
			format: node.format,
			minFractionDigits: node.minFractionDigits,
			tag: node.tag,
			anchor: node.anchor,
		};
	}
	return { kind: "other", type: typeof node, constructor: node.constructor.name };
}

export interface Read {
	doc: Document.Parsed;
	lineStarts: number[];
}

export function slowRead(text: string): Read {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, ...YAML_OPTIONS });
	return { doc, lineStarts: lines.lineStarts };
}

/** The fast reader's document, or null when it declines; any other exception is a bug and thrown. */
export function fastRead(text: string): Read | null {
	const lines = new LineCounter();
	try {
		const doc = fastYaml(text, lines, YAML_OPTIONS);
		return { doc, lineStarts: lines.lineStarts };
	} catch (e) {
		if (e instanceof Decline) return null;
		throw e;
	}
}

/** Comparable views of both readings of the body `source` (tabs expanded as parseSpec does). */
export function bothReadings(source: string): { fast: unknown; slow: unknown } | null {
	const text = expandLeadingTabs(source);
	const fast = fastRead(text);
	if (!fast) return null;
	const slow = slowRead(text);
	const view = (r: Read) => ({
		errors: r.doc.errors.map((e) => e.code),
		warnings: r.doc.warnings.map((e) => e.code),
		explicitVersion: r.doc.directives.yaml.explicit,
		range: r.doc.range,
		contents: shape(r.doc.contents),
		js: safeJs(r.doc),
		lineStarts: r.lineStarts,
	});
	return { fast: view(fast), slow: view(slow) };
}

function safeJs(doc: Document.Parsed): unknown {
	try {
		return doc.toJS();
	} catch (e) {
		return `toJS threw: ${String(e)}`;
	}
}
