/**
 * A fast reader for the plain block YAML that specs are written in: block maps and sequences
 * (compact `- key: value` items included), plain and one-line quoted scalars, one-line flow
 * collections of scalars, comments. It builds the `yaml` package's own nodes, with the ranges,
 * scalar types and values its composer gives, and fills the LineCounter, so the Reader cannot
 * tell the two paths apart (comments are not attached to nodes: nothing after the parse reads
 * them). Anything else, or any doubt, declines: the caller parses the text with `yaml` as before.
 * test/parse/fast-yaml.test.ts holds the two paths side by side.
 */
import {
	Document,
	Pair,
	Scalar,
	YAMLMap,
	YAMLSeq,
	type DocumentOptions,
	type LineCounter,
	type ParsedNode,
	type ParseOptions,
	type Range,
	type SchemaOptions,
} from "yaml";
import { BRACE, BRACKET, decline, FastLine, HASH, SPACE } from "./fast-line";

export type YamlOptions = DocumentOptions & SchemaOptions & ParseOptions;

type Coll = YAMLMap.Parsed | YAMLSeq.Parsed;
type Item = Scalar.Parsed | Coll;

/**
 * Blank and comment lines after a collection's last item that the `yaml` parser keeps as a
 * trailing item of the collection: its end, and the deepest indent of a comment in it.
 */
interface Tail {
	end: number;
	deepest: number;
}

/**
 * Characters left to `yaml`: tabs, carriage returns and other controls, a byte order mark,
 * Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const OUTSIDE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;
const DASH = 45;
const DOT = 46;
const PERCENT = 37;

/** The `yaml` document of `text`, or null when the text is outside the subset. */
export function readFastYaml(text: string, lines: LineCounter, options: YamlOptions): Document.Parsed | null {
	try {
		return fastYaml(text, lines, options);
	} catch {
		return null;
	}
}

/** As readFastYaml, but throws: Decline outside the subset, anything else is a bug. */
export function fastYaml(text: string, lines: LineCounter, options: YamlOptions): Document.Parsed {
	if (OUTSIDE.test(text)) decline();
	const doc = new Document<ParsedNode, true>(undefined, options);
	const reader = new BlockReader(text, new FastLine(text, doc));
	const { root, range } = reader.document();
	const directives = doc.directives ?? decline();
	for (const start of reader.starts) lines.addNewLine(start);
	return Object.assign(doc, { contents: root, range, directives });
}

class BlockReader {
	readonly starts: number[] = [0];
	private readonly indents: number[] = [];
	private readonly kinds: number[] = [];
	private readonly n: number;
	/** The next content line after the item just read. */
	private ln = 0;
	/** The trailing blank and comment lines the collection just read hands to its parent. */
	private tail: Tail | null = null;
	/** Whether the lines skipped by `skip` held a comment. */
	private sawComment = false;

	constructor(
		private readonly text: string,
		private readonly scalars: FastLine,
	) {
		for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
		this.n = this.starts.length;
		for (const start of this.starts) this.classify(start);
	}

	private classify(start: number): void {
		const t = this.text;
		let p = start;
		while (t.charCodeAt(p) === SPACE) p++;
		const c = t.charCodeAt(p);
		this.indents.push(p - start);
		if (p === t.length || c === 10) this.kinds.push(BLANK);
		else if (c === HASH) this.kinds.push(COMMENT);
		else {
			// Document markers and directives are left to `yaml`, wherever they stand.
			if (c === PERCENT || ((c === DASH || c === DOT) && t.charCodeAt(p + 1) === c && t.charCodeAt(p + 2) === c))
				decline();
			this.kinds.push(CONTENT);
		}
	}

	document(): { root: YAMLMap.Parsed; range: Range } {
		const first = this.skip(0);
		if (first === this.n || this.indents[first] !== 0) decline();
		const root = this.map(first, 0);
		if (this.ln !== this.n) decline();
		const end = root.range[2];
		return { root, range: [this.start(first), end, this.tail?.end ?? end] };
	}

	private start(line: number): number {
		return this.starts[line] ?? decline();
	}

	/** Offset of the line break ending `line`, or the end of the text. */
	private end(line: number): number {
		return line + 1 < this.n ? this.start(line + 1) - 1 : this.text.length;
	}

	private indent(line: number): number {
		return this.indents[line] ?? decline();
	}

	/** The first content line from `line` on (or n); notes whether a comment came before it. */
	private skip(line: number): number {
		let i = line;
		this.sawComment = false;
		for (; i < this.n && this.kinds[i] !== CONTENT; i++) if (this.kinds[i] === COMMENT) this.sawComment = true;
		return i;
	}

	private isDash(line: number): boolean {
		const p = this.start(line) + this.indent(line);
		return this.text.charCodeAt(p) === DASH && (p + 1 === this.end(line) || this.text.charCodeAt(p + 1) === SPACE);
	}

	/** A block map whose first key is at column `col` of `line`; its other keys start lines at `col`. */
	private map(line: number, col: number): YAMLMap.Parsed {
		const map = this.scalars.newMap();
		const start = this.start(line) + col;
		for (let k = line; ;) {
			const e = this.end(k);
			const key = this.scalars.key(this.start(k) + col, e) ?? decline();
			map.items.push(new Pair<ParsedNode, ParsedNode | null>(key.node, this.value(k, col, key.after)));
			const m = this.ln;
			if (m >= this.n || this.indent(m) < col) break;
			if (this.indent(m) > col || this.isDash(m)) decline();
			k = m;
		}
		return this.close(map, start, col);
	}

	/** The value of a map key on `line` whose `:` ends before `after`. */
	private value(line: number, col: number, after: number): Item {
		const t = this.text;
		const e = this.end(line);
		let p = after;
		while (t.charCodeAt(p) === SPACE && p < e) p++;
		if (p < e && t.charCodeAt(p) !== HASH) return this.inline(line, p, col);
		const m = this.skip(line + 1);
		if (m < this.n && this.indent(m) > col) return this.isDash(m) ? this.seq(m, -1) : this.map(m, this.indent(m));
		if (m < this.n && this.indent(m) === col && this.isDash(m)) return this.seq(m, col);
		// An empty value: with a comment, `yaml` stretches its range over the comment lines.
		if (p < e || this.sawComment) decline();
		this.ln = m;
		this.tail = null;
		return this.scalars.plain("", p, p);
	}

	/** A block sequence whose dashes start lines at the indent of `line`; `mapCol` is its map's column. */
	private seq(line: number, mapCol: number): YAMLSeq.Parsed {
		const t = this.text;
		const seq = this.scalars.newSeq();
		const col = this.indent(line);
		const start = this.start(line) + col;
		for (let k = line; ;) {
			const e = this.end(k);
			let p = this.start(k) + col + 1;
			while (t.charCodeAt(p) === SPACE && p < e) p++;
			const c = t.charCodeAt(p);
			// An empty item, a comment after the dash, or a sequence in a sequence.
			if (p === e || c === HASH || (c === DASH && (p + 1 === e || t.charCodeAt(p + 1) === SPACE))) decline();
			const isKey = c !== BRACKET && c !== BRACE && this.scalars.key(p, e) !== null;
			seq.items.push(isKey ? this.map(k, p - this.start(k)) : this.inline(k, p, col));
			const m = this.ln;
			if (m >= this.n || this.indent(m) < col) break;
			if (this.indent(m) > col) decline();
			if (!this.isDash(m)) {
				if (mapCol === col) break;
				decline();
			}
			k = m;
		}
		return this.close(seq, start, col);
	}

	/** A scalar or flow collection at `p` on `line`, in a collection at column `col`. */
	private inline(line: number, p: number, col: number): Item {
		const node = this.scalars.inline(p, this.end(line));
		this.after(node, line, col);
		return node;
	}

	/**
	 * After a value ending `line`: the more indented comment lines that `yaml` counts into the
	 * value's range, then the rest of the blank and comment lines as the collection's tail.
	 */
	private after(node: Item, line: number, col: number): void {
		let end = line + 1 < this.n ? this.start(line + 1) : this.text.length;
		let absorbing = true;
		let deepest = -1;
		let m = line + 1;
		for (; m < this.n && this.kinds[m] !== CONTENT; m++) {
			if (this.kinds[m] !== COMMENT) continue;
			if (absorbing && this.indent(m) > col) end = m + 1 < this.n ? this.start(m + 1) : this.text.length;
			else {
				absorbing = false;
				deepest = Math.max(deepest, this.indent(m));
			}
		}
		node.range[2] = end;
		const tailEnd = m < this.n ? this.start(m) + this.indent(m) : this.text.length;
		this.tail = tailEnd > end ? { end: tailEnd, deepest } : null;
		this.ln = m;
		if (m < this.n && this.indent(m) > col) decline();
	}

	/** Ranges a collection; its tail stays with it if a comment in it is indented to its column. */
	private close<T extends Coll>(coll: T, start: number, col: number): T {
		const last = coll.items[coll.items.length - 1];
		const lastNode = last instanceof Pair ? last.value : last;
		const end = lastNode?.range[2] ?? decline();
		coll.range = [start, end, end];
		if (this.tail && col > 0 && this.tail.deepest >= col) {
			coll.range[2] = this.tail.end;
			this.tail = null;
		}
		return coll;
	}
}
