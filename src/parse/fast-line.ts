/**
 * The one-line pieces of the fast YAML reader (fast-yaml.ts): keys, plain and quoted scalars,
 * flow collections of scalars (and of one-line flow sequences of scalars: `peered: [[Hub]]`). Each mirrors what `yaml`'s lexer and composer make of the same
 * characters, and declines (throws Decline) where they might differ.
 */
import {
	isScalar,
	Pair,
	Scalar,
	YAMLMap,
	YAMLSeq,
	type Document,
	type ParsedNode,
	type ParseOptions,
	type Range,
	type ScalarTag,
	type Schema,
} from "yaml";

export const SPACE = 32;

/** Thrown where the text leaves the subset that the fast reader reads. */
export class Decline extends Error {}

export const decline = (): never => {
	throw new Decline();
};

const range = (a: number, b: number, c: number): Range => [a, b, c];

/** First characters of the plain scalars that core schema tags may resolve: `~`, n/N, t/T, f/F, digits, `+-.`. */
const RESOLVABLE = /^[~nNtTfF0-9+.-]/;
/** Characters that cannot start a plain scalar, or start something else (flow, quote, anchor, tag…). */
const NOT_PLAIN_START = new Set("[]{},#&*!|>'\"%@`?:");
const COLON = 58;
const COMMA = 44;
export const BRACE = 123;
const CLOSE_BRACE = 125;
export const BRACKET = 91;
const CLOSE_BRACKET = 93;
export const HASH = 35;
/** `,` `[` `]` `{` `}` */
const isFlowIndicator = (c: number): boolean => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
/** The escapes of double-quoted scalars, as YAML 1.2 and `yaml` decode them (a tab is never here). */
const ESCAPES: Record<string, string> = {
	"0": "\0",
	a: "\x07",
	b: "\b",
	e: "\x1b",
	f: "\f",
	n: "\n",
	r: "\r",
	t: "\t",
	v: "\v",
	N: "\u0085",
	_: "\u00a0",
	L: "\u2028",
	P: "\u2029",
	" ": " ",
	'"': '"',
	"/": "/",
	"\\": "\\",
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A resolved value that is not kept: the tag's resolve is run again for each node. */
const NOT_KEPT = Symbol("not kept");

interface Resolved {
	tag: ScalarTag | undefined;
	value: unknown;
}

export class FastLine {
	private readonly schema: Schema;
	/** The schema's tags that resolve plain scalars by their text, in the schema's order. */
	private readonly tags: { tag: ScalarTag; test: RegExp }[] = [];
	private readonly options: ParseOptions;
	private readonly resolved = new Map<string, Resolved>();

	constructor(
		private readonly text: string,
		doc: Document<ParsedNode, true>,
	) {
		this.schema = doc.schema;
		this.options = doc.options;
		// Another schema than core (a compat list, key-only tags such as `<<`) is left to `yaml`.
		if (this.schema.compat) decline();
		for (const tag of this.schema.tags) {
			if (tag.default === "key") decline();
			if (tag.default === true && !tag.collection && tag.test) this.tags.push({ tag, test: tag.test });
		}
	}

	// The nodes as `yaml`'s composer makes them; `Parsed` only adds the range set here (and a
	// source token, which `yaml` keeps only when asked to).
	newMap(): YAMLMap.Parsed {
		const map = new YAMLMap<ParsedNode, ParsedNode | null>(this.schema) as YAMLMap.Parsed;
		map.range = range(0, 0, 0);
		return map;
	}

	newSeq(): YAMLSeq.Parsed {
		const seq = new YAMLSeq<ParsedNode>(this.schema) as YAMLSeq.Parsed;
		seq.range = range(0, 0, 0);
		return seq;
	}

	private ranged(node: Scalar, source: string, a: number, b: number): Scalar.Parsed {
		node.range = [a, b, b];
		node.source = source;
		return node as Scalar.Parsed;
	}

	/** A plain scalar of source `src` from `a` to `b`, resolved by the schema's tags as `yaml` does. */
	plain(src: string, a: number, b: number): Scalar.Parsed {
		let node: Scalar;
		const resolved = src === "" || RESOLVABLE.test(src) ? this.resolve(src) : null;
		if (resolved?.tag) {
			const value =
				resolved.value === NOT_KEPT ? resolved.tag.resolve(src, decline, this.options) : resolved.value;
			node = isScalar(value) ? value : new Scalar(value);
			if (resolved.tag.format) node.format = resolved.tag.format;
		} else node = new Scalar(src);
		node.type = Scalar.PLAIN;
		return this.ranged(node, src, a, b);
	}

	/**
	 * The tag that resolves `src` and its value, once per distinct text of the document: specs
	 * repeat their keys and numbers. A value that is a node (a float keeps its digits) is made anew.
	 */
	private resolve(src: string): Resolved {
		const known = this.resolved.get(src);
		if (known) return known;
		let found: Resolved = { tag: undefined, value: NOT_KEPT };
		for (const t of this.tags) {
			if (t.test.test(src)) {
				const value = t.tag.resolve(src, decline, this.options);
				found = { tag: t.tag, value: isScalar(value) ? NOT_KEPT : value };
				break;
			}
		}
		this.resolved.set(src, found);
		return found;
	}

	private quotedNode(value: string, type: Scalar.Type, a: number, b: number): Scalar.Parsed {
		const node = new Scalar(value);
		node.type = type;
		return this.ranged(node, value, a, b);
	}

	/** A block map key at `p` (line end `e`) with the offset after its `:`; null if the line holds no key. */
	key(p: number, e: number): { node: Scalar.Parsed; after: number } | null {
		const t = this.text;
		const c = t[p] ?? "";
		let node: Scalar.Parsed;
		let i: number;
		if (c === '"' || c === "'") {
			node = this.quoted(p, e);
			i = node.range[1];
			while (t.charCodeAt(i) === SPACE && i < e) i++;
			if (t[i] !== ":" || (i + 1 < e && t.charCodeAt(i + 1) !== SPACE)) return null;
		} else {
			if (c === "[" || c === "{") return null;
			this.plainStart(p, e);
			let q = p;
			for (i = p; i < e; i++) {
				const ch = t.charCodeAt(i);
				if (ch === SPACE) continue;
				if (ch === COLON && (i + 1 === e || t.charCodeAt(i + 1) === SPACE)) break;
				if (ch === HASH) return t.charCodeAt(i - 1) === SPACE ? null : decline();
				q = i + 1;
			}
			if (i === e) return null;
			node = this.plain(t.slice(p, q), p, q);
		}
		// `yaml` wants the `:` of an implicit key within 1024 characters of the key's start.
		if (i - p > 1000) decline();
		return { node, after: i + 1 };
	}

	/** Characters `yaml` reads as something else than the start of a plain scalar, or reports. */
	private plainStart(p: number, e: number, flow = false): void {
		const c = this.text[p] ?? "";
		const next = this.text.charCodeAt(p + 1);
		if (NOT_PLAIN_START.has(c)) decline();
		if (c === "-" && (p + 1 === e || next === SPACE || (flow && isFlowIndicator(next)))) decline();
	}

	/** A value at `p` up to the line end `e`: a scalar or flow collection, then at most a comment. */
	inline(p: number, e: number): Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed {
		const t = this.text;
		const c = t[p];
		let node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed;
		if (c === '"' || c === "'") node = this.quoted(p, e);
		else if (c === "[" || c === "{") node = this.flow(p, e);
		else node = this.blockPlain(p, e);
		const q = node.range[1];
		let i = q;
		while (t.charCodeAt(i) === SPACE && i < e) i++;
		if (i < e && (t[i] !== "#" || i === q)) decline();
		return node;
	}

	/** A plain scalar in block context: up to ` #` or the line end; `: ` in it is left to `yaml`. */
	private blockPlain(p: number, e: number): Scalar.Parsed {
		const t = this.text;
		this.plainStart(p, e);
		let q = p;
		for (let i = p; i < e; i++) {
			const ch = t.charCodeAt(i);
			if (ch === SPACE) continue;
			if (ch === COLON && (i + 1 === e || t.charCodeAt(i + 1) === SPACE)) decline();
			if (ch === HASH) {
				if (t.charCodeAt(i - 1) === SPACE) break;
				decline();
			}
			q = i + 1;
		}
		return this.plain(t.slice(p, q), p, q);
	}

	/** A quoted scalar at `p` that closes before the line end `e`. */
	private quoted(p: number, e: number): Scalar.Parsed {
		const t = this.text;
		if (t[p] === "'") {
			let i = t.indexOf("'", p + 1);
			while (i !== -1 && t[i + 1] === "'") i = t.indexOf("'", i + 2);
			if (i === -1 || i >= e) decline();
			return this.quotedNode(t.slice(p + 1, i).replace(/''/g, "'"), Scalar.QUOTE_SINGLE, p, i + 1);
		}
		let value = "";
		let from = p + 1;
		let i = from;
		for (; i < e && t[i] !== '"'; i++) {
			if (t[i] !== "\\") continue;
			value += t.slice(from, i);
			const code = t[i + 1] ?? "";
			const hex = HEX_LENGTH[code];
			if (hex) {
				const digits = t.slice(i + 2, i + 2 + hex);
				if (digits.length !== hex || !/^[0-9a-fA-F]+$/.test(digits)) decline();
				const point = parseInt(digits, 16);
				if (point > 0x10ffff) decline();
				value += String.fromCodePoint(point);
				i += 1 + hex;
			} else {
				value += ESCAPES[code] ?? decline();
				i += 1;
			}
			from = i + 1;
		}
		if (i >= e) decline();
		return this.quotedNode(value + t.slice(from, i), Scalar.QUOTE_DOUBLE, p, i + 1);
	}

	/**
	 * A flow sequence or map at `p`, closed before the line end `e`: of scalars, and of flow
	 * sequences of scalars unless it is `nested` in one itself.
	 */
	private flow(p: number, e: number, nested = false): YAMLMap.Parsed | YAMLSeq.Parsed {
		const t = this.text;
		const map = t.charCodeAt(p) === BRACE ? this.newMap() : null;
		const seq = map ? null : this.newSeq();
		const close = map ? CLOSE_BRACE : CLOSE_BRACKET;
		let i = this.spaces(p + 1, e);
		while (t.charCodeAt(i) !== close) {
			if (map) {
				const key = this.flowScalar(i, e);
				i = this.spaces(key.range[1], e);
				if (t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SPACE || i + 1 >= e) decline();
				const value = this.flowValue(this.spaces(i + 1, e), e, nested);
				map.items.push(new Pair<ParsedNode, ParsedNode | null>(key, value));
				i = value.range[2];
			} else {
				const value = this.flowValue(i, e, nested);
				seq?.items.push(value);
				i = value.range[2];
			}
			if (t.charCodeAt(i) === COMMA) {
				i = this.spaces(i + 1, e);
				// A trailing comma is valid YAML, but left to `yaml`.
				if (t.charCodeAt(i) === close) decline();
			} else if (t.charCodeAt(i) !== close) decline();
		}
		if (i >= e) decline();
		const coll = map ?? seq ?? decline();
		coll.flow = true;
		coll.range = [p, i + 1, i + 1];
		return coll;
	}

	private spaces(p: number, e: number): number {
		let i = p;
		while (i < e && this.text.charCodeAt(i) === SPACE) i++;
		return i;
	}

	/**
	 * A value in a flow collection, its range stretched over the spaces after it: a scalar, or
	 * (unless `nested` already) a flow sequence of scalars, as a bare link `[[Hub]]` is read.
	 */
	private flowValue(p: number, e: number, nested: boolean): Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed {
		const node = !nested && this.text.charCodeAt(p) === BRACKET ? this.flow(p, e, true) : this.flowScalar(p, e);
		node.range[2] = this.spaces(node.range[1], e);
		return node;
	}

	/** A quoted or plain scalar inside a flow collection: no nesting, no comment, no `:` indicator. */
	private flowScalar(p: number, e: number): Scalar.Parsed {
		const t = this.text;
		const c = t[p];
		if (p >= e) decline();
		if (c === '"' || c === "'") return this.quoted(p, e);
		this.plainStart(p, e, true);
		let q = p;
		for (let i = p; i < e; i++) {
			const ch = t.charCodeAt(i);
			// At the line end, the next character is the line break: neither a space nor an indicator.
			const next = t.charCodeAt(i + 1);
			if (ch === SPACE) {
				if (next === HASH || isFlowIndicator(next)) break;
				continue;
			}
			if (ch === COLON && (i + 1 === e || next === SPACE || isFlowIndicator(next))) break;
			if (isFlowIndicator(ch)) break;
			if (ch === HASH) decline();
			q = i + 1;
		}
		return this.plain(t.slice(p, q), p, q);
	}
}
