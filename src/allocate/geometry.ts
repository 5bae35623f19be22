/**
 * Where a block's YAML nodes sit in the note's text. The engine reads a block body with its
 * fence's indentation removed and tabs in leading whitespace expanded; an edit must land on the
 * note's own characters, so positions are mapped back line by line.
 */
import { isScalar, LineCounter, parseDocument, visit, type Document, type Scalar } from "yaml";
import { parseAddress, parseCidr } from "../net/address";
import { expandLeadingTabs } from "../parse/parse";
import { openingFence } from "../note/fences";

/** A value scalar of the block, with its place in the text and the address or range it reads. */
export interface ValueScalar {
	node: Scalar;
	/** Offsets in the note's text. */
	from: number;
	to: number;
	/** 1-based line in the note. */
	line: number;
	/** Canonical text of the CIDR or address it holds, or null. */
	canonical: string | null;
}

/** The canonical CIDR or address a scalar value reads as (a CIDR with host bits: its network). */
function canonicalValue(value: unknown): string | null {
	if (typeof value !== "string") return null;
	const t = value.trim();
	if (t.includes("/")) {
		const c = parseCidr(t);
		return c.ok ? c.value.text : (c.fixed?.text ?? null);
	}
	const a = parseAddress(t);
	return a.ok ? a.value.text : null;
}

export class BlockGeometry {
	readonly doc: Document.Parsed;
	private readonly counter = new LineCounter();
	private readonly lineStarts: number[] = [0];
	private readonly bodyLines: string[];
	private readonly indent: number;

	/**
	 * `text` is the whole note (or a bare spec file, with `fenceLine` 0); `fenceLine` is the
	 * block's opening fence (1-based) and `body` its body as findBlocks reads it.
	 */
	constructor(
		readonly text: string,
		readonly fenceLine: number,
		body: string,
	) {
		for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
		this.indent = fenceLine > 0 ? (openingFence(this.noteLine(fenceLine))?.indent ?? 0) : 0;
		this.bodyLines = body.split("\n");
		this.doc = parseDocument(expandLeadingTabs(body), {
			lineCounter: this.counter,
			intAsBigInt: true,
			uniqueKeys: false,
			schema: "core",
			resolveKnownTags: false,
		});
	}

	/** Text of note line `line` (1-based), without its line break. */
	noteLine(line: number): string {
		const start = this.lineStarts[line - 1] ?? this.text.length;
		const next = this.lineStarts[line];
		const end = next === undefined ? this.text.length : next - 1;
		return this.text.slice(start, end);
	}

	/** Offset in the note of the start of note line `line`; the text's length past the end. */
	lineStart(line: number): number {
		return this.lineStarts[line - 1] ?? this.text.length;
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}

	/** The note line (1-based) of body line `bodyLine`. */
	noteLineOf(bodyLine: number): number {
		return this.fenceLine + bodyLine;
	}

	/** Body line (1-based) and note offset of an offset in the parsed (expanded) body. */
	at(offset: number): { bodyLine: number; line: number; offset: number } {
		const pos = this.counter.linePos(offset);
		const bodyLine = pos.line;
		const raw = this.bodyLines[bodyLine - 1] ?? "";
		const rawLead = /^[ \t]*/.exec(raw)?.[0].length ?? 0;
		const expLead = /^ */.exec(expandLeadingTabs(raw.slice(0, rawLead)))?.[0].length ?? 0;
		const col = pos.col - 1 >= expLead ? pos.col - 1 - expLead + rawLead : Math.min(pos.col - 1, rawLead);
		const line = this.noteLineOf(bodyLine);
		const noteText = this.noteLine(line);
		const stripped = this.indent > 0 ? (/^ */.exec(noteText)?.[0].length ?? 0) : 0;
		return { bodyLine, line, offset: this.lineStart(line) + Math.min(stripped, this.indent) + col };
	}

	/** Note offset of the end of a node's range: a plain scalar's range takes the CR of a CRLF line end. */
	endOf(offset: number): number {
		const start = this.at(offset).offset;
		let end = start;
		while (end > 0 && this.text.charAt(end - 1) === "\r") end--;
		return end;
	}

	/** Every value scalar (not map keys) on a single line, with its note position. */
	valueScalars(): ValueScalar[] {
		const out: ValueScalar[] = [];
		visit(this.doc, {
			Scalar: (key, node) => {
				if (key === "key" || !node.range) return;
				const from = this.at(node.range[0]);
				const to = this.endOf(node.range[1]);
				if (this.text.slice(from.offset, to).includes("\n")) return;
				out.push({
					node,
					from: from.offset,
					to,
					line: from.line,
					canonical: canonicalValue(node.value),
				});
			},
		});
		return out;
	}

	/** The scalar's text as the note writes it. */
	source(s: { from: number; to: number }): string {
		return this.text.slice(s.from, s.to);
	}
}

/** A new value written in the style of the value it replaces (plain, 'single' or "double" quoted). */
export function styled(value: string, like: Scalar | null): string {
	if (like && isScalar(like) && like.type === "QUOTE_DOUBLE") return `"${value}"`;
	if (like && isScalar(like) && like.type === "QUOTE_SINGLE") return `'${value}'`;
	return value;
}
