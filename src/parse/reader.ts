/**
 * Walks the YAML syntax tree (not its JavaScript value), so every value keeps its position and
 * every finding its line. Keys match a schema case-insensitively; unknown and duplicate keys are
 * reported here.
 */
import {
	isAlias,
	isMap,
	isScalar,
	isSeq,
	visit,
	type Document,
	type LineCounter,
	type Node,
	type Pair,
	type YAMLMap,
} from "yaml";
import type { Finding, FindingCode, Severity } from "../core/findings";
import { clip } from "../core/text";
import { didYouMean, type KeySchema } from "./keys";
import type { Fields } from "./shapes/nodes";

/** Upper bound on alias look-ups in one body, against alias bombs. */
const MAX_ALIASES = 1000;

export interface Entry {
	key: string;
	line: number;
	/** The value node, aliases resolved; null for an empty value. */
	node: Node | null;
}

/** Most unknown keys one finding names; the rest are counted. */
const MAX_UNKNOWN_LISTED = 12;

export class Reader {
	readonly findings: Finding[] = [];
	private aliases = 0;
	/** Anchored nodes by anchor name, in document order: built once, on the first alias. */
	private anchors: Map<string, Node[]> | null = null;
	/**
	 * Values that a pasted document leaves open (an ARM expression without a default, a Terraform
	 * value known only after apply), with what to say about them. Value readers report them as
	 * missing-key and read nothing, so no default takes their place.
	 */
	private readonly unknowns = new Map<Node, string>();
	/** Unknown values that were read, for *Convert selection to plan*'s comments. */
	readonly unknownsRead: { key: string; note: string; line: number }[] = [];
	/**
	 * The Fields of each map read so far (shapes/nodes.ts): one index and one record of used keys
	 * per map. Kept here, not in a module-wide WeakMap keyed by map: V8's young-generation
	 * collections keep a WeakMap's values alive (only a full collection drops them), and a Fields
	 * holds the reader and so the whole document. Every body read would outlive two collections
	 * and be copied into the old generation: about 10 KB a note while the vault registry is built.
	 */
	readonly fields = new Map<YAMLMap, Fields>();

	constructor(
		private readonly docs: readonly Document.Parsed[],
		private readonly lines: LineCounter,
		private readonly lineOffset: number,
	) {}

	/** Marks `node` as a value that is not known; `note` says why, e.g. "[parameters('x')] has no defaultValue". */
	markUnknown(node: Node, note: string): void {
		this.unknowns.set(node, note);
	}

	unknownNote(node: Node | null | undefined): string | undefined {
		return node ? this.unknowns.get(node) : undefined;
	}

	/** The note line of the body's first line. */
	get firstLine(): number {
		return this.lineOffset + 1;
	}

	report(severity: Severity, code: FindingCode, message: string, line: number): void {
		this.findings.push({ severity, code, message, line });
	}

	line(node: Node | null | undefined, fallback: number): number {
		const offset = node?.range?.[0];
		if (offset === undefined) return fallback;
		return this.lines.linePos(offset).line + this.lineOffset;
	}

	resolve(node: unknown): Node | null {
		if (isAlias(node)) {
			if (++this.aliases > MAX_ALIASES) {
				if (this.aliases === MAX_ALIASES + 1) {
					this.report(
						"error",
						"yaml-syntax",
						`More than ${MAX_ALIASES} aliases: the rest are not read.`,
						this.line(node, this.firstLine),
					);
				}
				return null;
			}
			const at = node.range?.[0] ?? Infinity;
			const candidates = this.anchorIndex().get(node.source) ?? [];
			let found: Node | null = null;
			for (const c of candidates) if ((c.range?.[0] ?? 0) < at) found = c;
			return isScalar(found) || isMap(found) || isSeq(found) ? found : null;
		}
		if (isScalar(node) || isMap(node) || isSeq(node)) return node;
		return null;
	}

	/** One pass over the document instead of yaml's per-alias search, which is linear each time. */
	private anchorIndex(): Map<string, Node[]> {
		if (this.anchors) return this.anchors;
		const anchors = new Map<string, Node[]>();
		for (const doc of this.docs) {
			visit(doc, {
				Node(_key, n) {
					if (n.anchor) {
						const list = anchors.get(n.anchor);
						if (list) list.push(n);
						else anchors.set(n.anchor, [n]);
					}
				},
			});
		}
		this.anchors = anchors;
		return anchors;
	}

	/** A map key as text with its line; anything but a plain scalar is reported. */
	private keyOf(pair: Pair, what: string, where: string): { text: string; line: number } | null {
		const keyNode = this.resolve(pair.key);
		const line = this.line(keyNode, this.firstLine);
		const v: unknown = isScalar(keyNode) ? keyNode.value : undefined;
		if (typeof v === "string" || typeof v === "number" || typeof v === "bigint" || typeof v === "boolean")
			return { text: String(v), line };
		this.report("error", "invalid-value", `A ${what} ${where} must be plain text.`, line);
		return null;
	}

	/** True for an absent or empty value (`key:` or `key: null`), and for an unknown one. */
	isEmpty(node: Node | null): boolean {
		return node === null || (isScalar(node) && node.value === null) || this.unknowns.has(node);
	}

	/**
	 * The entries of a map, keyed by canonical name. Unknown keys are reported (unless `quiet`,
	 * for documents Azure wrote) in one finding per map, and a key given twice keeps its first value.
	 */
	entries(map: YAMLMap, keys: KeySchema, where: string, quiet = false): Map<string, Entry> {
		const out = new Map<string, Entry>();
		const unknown: { raw: string; line: number }[] = [];
		for (const pair of map.items) {
			const key = this.keyOf(pair, "key", where);
			if (!key) continue;
			const { text: raw, line } = key;
			const canonical = keys.lookup.get(raw.toLowerCase());
			if (canonical === undefined) {
				if (!quiet) unknown.push({ raw, line });
				continue;
			}
			const first = out.get(canonical);
			if (first) {
				this.report(
					"error",
					"duplicate-key",
					`"${clip(raw)}" is given twice ${where} (first at line ${first.line}, as "${first.key}"); the first is used.`,
					line,
				);
				continue;
			}
			out.set(canonical, { key: raw, line, node: this.resolve(pair.value) });
		}
		if (unknown.length > 0) this.reportUnknownKeys(unknown, keys, where);
		return out;
	}

	/** One finding for every unknown key of a map; a did-you-mean only where one is close. */
	private reportUnknownKeys(unknown: { raw: string; line: number }[], keys: KeySchema, where: string): void {
		const named = unknown.slice(0, MAX_UNKNOWN_LISTED).map(({ raw }) => {
			const guess = didYouMean(raw, keys);
			return { text: `"${clip(raw)}"`, guess };
		});
		const line = unknown[0]?.line ?? this.firstLine;
		if (unknown.length === 1) {
			const guess = named[0]?.guess;
			const hint = guess ? ` Did you mean "${guess}"?` : "";
			this.report(
				"warning",
				"unknown-key",
				`Unknown key ${named[0]?.text} ${where}; it is ignored.${hint}`,
				line,
			);
			return;
		}
		const list = named.map((n) => (n.guess ? `${n.text} (did you mean "${n.guess}"?)` : n.text)).join(", ");
		const more = unknown.length > MAX_UNKNOWN_LISTED ? ` and ${unknown.length - MAX_UNKNOWN_LISTED} more` : "";
		this.report(
			"warning",
			"unknown-key",
			`${unknown.length} unknown keys ${where} are ignored: ${list}${more}.`,
			line,
		);
	}

	/** Map entries with free-form names (subnet names, peered names), duplicates reported. */
	namedEntries(map: YAMLMap, where: string): Entry[] {
		const out: Entry[] = [];
		const seen = new Map<string, number>();
		for (const pair of map.items) {
			const key = this.keyOf(pair, "name", where);
			if (!key) continue;
			const { text: name, line } = key;
			const firstLine = seen.get(name.toLowerCase());
			if (firstLine !== undefined) {
				this.report(
					"error",
					"duplicate-key",
					`"${clip(name)}" is given twice ${where} (first at line ${firstLine}); the first is used.`,
					line,
				);
				continue;
			}
			seen.set(name.toLowerCase(), line);
			out.push({ key: name, line, node: this.resolve(pair.value) });
		}
		return out;
	}

	/** Items of a sequence with their lines; a single value counts as a one-item list. */
	items(node: Node | null, fallbackLine: number): Entry[] {
		if (node === null) return [];
		if (!isSeq(node)) return [{ key: "", line: this.line(node, fallbackLine), node }];
		return node.items.map((item) => {
			const line = this.line(item as Node, fallbackLine);
			return { key: "", line, node: this.resolve(item) };
		});
	}
}
