/**
 * Proposals → exact text edits of a note: each value is rewritten at its YAML node's range,
 * in its own quoting, and a missing key goes on a line of its own after the key it follows,
 * indented like it. Nothing else of the note changes. The result is re-read to check that every
 * new value is where it should be; if not, no edit is made.
 */
import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from "yaml";
import { TOP_KEYS } from "../parse/keys";
import { applyEdits, type TextEdit } from "../markdown/region";
import { findBlocks } from "../note/blocks";
import { BlockGeometry, styled, type ValueScalar } from "./geometry";
import { INSERT_KEYS, type InsertKey, type Proposal, type ValueEdit } from "./types";

/** A text edit with the value it must leave behind, for the check after applying. */
interface Planned extends TextEdit {
	expect: string;
	why: string;
	old: string;
	/** Insert keys at one place keep INSERT_KEYS order. */
	rank: number;
}

/** One change as the command line lists it: `FILE:LINE: old -> new (why)`, LINE in the new text. */
export interface Change {
	line: number;
	old: string;
	new: string;
	why: string;
}

export type EditResult =
	{ ok: true; edits: TextEdit[]; text: string; changes: Change[] } | { ok: false; reason: string };

/** Keys after which each insert goes, the nearest first; none present: before the first key. */
const ORDER = ["cluster", "networkPlugin", "networkPluginMode", "networkDataplane", "vnet", ...INSERT_KEYS];
const ORDER_ALIASES: Record<string, string> = { podCidrs: "podCidr", serviceCidrs: "serviceCidr" };

function canonicalKey(pair: Pair): string | null {
	const k = isScalar(pair.key) ? pair.key.value : null;
	if (typeof k !== "string") return null;
	const c = TOP_KEYS.lookup.get(k.toLowerCase()) ?? null;
	return c === null ? null : (ORDER_ALIASES[c] ?? c);
}

class Editor {
	readonly planned: Planned[] = [];
	private scalars: ValueScalar[] | null = null;

	constructor(readonly g: BlockGeometry) {}

	/** The note's line break, as line `line` writes it (CRLF notes stay CRLF). */
	private eol(line: number): string {
		return this.g.noteLine(line).endsWith("\r") ? "\r\n" : "\n";
	}

	private values(): ValueScalar[] {
		return (this.scalars ??= this.g.valueScalars());
	}

	private root(): YAMLMap | null {
		const root = this.g.doc.contents;
		return isMap(root) ? root : null;
	}

	replace(e: Extract<ValueEdit, { kind: "replace" }>, why: string): string | null {
		const hit = this.values()
			.filter(
				(s) =>
					s.canonical === e.from &&
					s.line >= e.line &&
					s.node.type !== "BLOCK_LITERAL" &&
					s.node.type !== "BLOCK_FOLDED",
			)
			.sort((x, y) => x.from - y.from)[0];
		if (!hit) return `${e.from} (line ${e.line}) is not written where the plan read it`;
		if (this.planned.some((p) => p.from === hit.from && p.to === hit.to)) return null;
		const old = this.g.source(hit);
		this.planned.push({
			from: hit.from,
			to: hit.to,
			text: styled(e.to, hit.node),
			expect: e.to,
			why,
			old,
			rank: 0,
		});
		return null;
	}

	/** Writes `value` into an empty value: right after the colon of `key:`, or over `~` or `null`. */
	private fillEmpty(pair: Pair, value: string, why: string, rank: number): string | null {
		const v = pair.value;
		const key = pair.key;
		if (!isScalar(v) || !v.range || v.value !== null || !isScalar(key) || !key.range)
			return "the key is already written with a value";
		const from = this.g.at(v.range[0]).offset;
		const to = this.g.endOf(v.range[1]);
		const written = this.g.text.slice(from, to);
		if (written !== "") {
			this.planned.push({ from, to, text: value, expect: value, why, old: written, rank });
			return null;
		}
		const keyEnd = this.g.endOf(key.range[1]);
		const colon = this.g.text.indexOf(":", keyEnd);
		if (colon < 0 || this.g.text.slice(keyEnd, colon).trim() !== "") return "the key's colon could not be found";
		this.planned.push({ from: colon + 1, to: colon + 1, text: ` ${value}`, expect: value, why, old: "", rank });
		return null;
	}

	insert(e: Extract<ValueEdit, { kind: "insert" }>, why: string): string | null {
		const root = this.root();
		if (!root) return "the block is not a map of keys";
		const rank = INSERT_KEYS.indexOf(e.key) + 1;
		const existing = root.items.find((p) => canonicalKey(p) === e.key);
		if (existing) return this.fillEmpty(existing, e.to, why, rank);
		if (root.flow) return this.insertFlow(root, e.key, e.to, why, rank);
		const before = ORDER.slice(0, ORDER.indexOf(e.key)).reverse();
		const anchor = before.map((k) => root.items.find((p) => canonicalKey(p) === k)).find((p) => p !== undefined);
		const first = root.items[0];
		const keyNode = (anchor ?? first)?.key;
		if (!isScalar(keyNode) || !keyNode.range) return "the block's keys could not be read";
		const keyAt = this.g.at(keyNode.range[0]);
		const prefix = this.g.text.slice(this.g.lineStart(keyAt.line), keyAt.offset);
		const value = anchor && isScalar(anchor.value) ? anchor.value : null;
		const line = `${prefix}${styled(e.key, keyNode)}: ${styled(e.to, value)}`;
		let at: number;
		if (anchor) {
			const end =
				(isScalar(anchor.value) || isMap(anchor.value) || isSeq(anchor.value)
					? anchor.value.range?.[1]
					: undefined) ?? keyNode.range[1];
			at = this.g.lineStart(this.g.at(Math.max(end - 1, keyNode.range[0])).line + 1);
		} else at = this.g.lineStart(keyAt.line);
		const eof = at >= this.g.text.length;
		const eol = this.eol(keyAt.line);
		const text = eof ? `${this.g.text.endsWith("\n") || this.g.text === "" ? "" : eol}${line}` : `${line}${eol}`;
		this.planned.push({ from: at, to: at, text, expect: e.to, why, old: "", rank });
		return null;
	}

	private insertFlow(root: YAMLMap, key: InsertKey, to: string, why: string, rank: number): string | null {
		const last = root.items[root.items.length - 1];
		const end =
			last?.value && (isScalar(last.value) || isMap(last.value) || isSeq(last.value))
				? last.value.range?.[1]
				: undefined;
		if (!last || !isScalar(last.key) || !last.key.range || end === undefined)
			return "the block's keys could not be read";
		const keyAt = this.g.at(last.key.range[0]);
		const lead = this.g.text.slice(this.g.lineStart(keyAt.line), keyAt.offset);
		const sep = /^\s*$/.test(lead) ? `${this.eol(keyAt.line)}${lead}` : " ";
		const at = this.g.endOf(end);
		// JSON quotes keys and strings alike: a quoted key asks for a quoted value.
		const text = `,${sep}${styled(key, last.key)}: ${styled(to, last.key.type === "PLAIN" && isScalar(last.value) ? last.value : last.key)}`;
		this.planned.push({ from: at, to: at, text, expect: to, why, old: "", rank });
		return null;
	}

	fill(e: Extract<ValueEdit, { kind: "fill" }>, why: string): string | null {
		const subnets = this.root()?.items.find((p) => canonicalKey(p) === "subnets")?.value;
		if (!isMap(subnets)) return "subnets is not a map";
		const pair = subnets.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === e.name);
		return pair ? this.fillEmpty(pair, e.to, why, 0) : `subnet "${e.name}" is not under subnets`;
	}

	append(e: Extract<ValueEdit, { kind: "append" }>, why: string): string | null {
		const vnet = this.root()?.items.find((p) => canonicalKey(p) === "vnet")?.value;
		if (isScalar(vnet) && vnet.range) {
			const from = this.g.at(vnet.range[0]).offset;
			const to = this.g.endOf(vnet.range[1]);
			const old = this.g.text.slice(from, to);
			this.planned.push({ from, to, text: `[${old}, ${styled(e.to, vnet)}]`, expect: e.to, why, old, rank: 0 });
			return null;
		}
		if (!isSeq(vnet)) return "vnet is neither a CIDR nor a list";
		const item = vnet.items[vnet.items.length - 1] as Scalar | undefined;
		if (!isScalar(item) || !item.range) return "vnet's list could not be read";
		const itemAt = this.g.at(item.range[0]);
		const end = this.g.endOf(item.range[1]);
		if (vnet.flow) {
			this.planned.push({
				from: end,
				to: end,
				text: `, ${styled(e.to, item)}`,
				expect: e.to,
				why,
				old: "",
				rank: 0,
			});
			return null;
		}
		const at = this.g.lineStart(itemAt.line + 1);
		const prefix = this.g.text.slice(this.g.lineStart(itemAt.line), itemAt.offset);
		const text =
			at >= this.g.text.length && !this.g.text.endsWith("\n")
				? `${this.eol(itemAt.line)}${prefix}${e.to}`
				: `${prefix}${e.to}${this.eol(itemAt.line)}`;
		this.planned.push({
			from: at,
			to: at,
			text: text.replace(e.to, styled(e.to, item)),
			expect: e.to,
			why,
			old: "",
			rank: 0,
		});
		return null;
	}
}

/**
 * The text edits that apply `proposals` to the block whose opening fence is on `fenceLine` of
 * `text` (0 with `text` a bare spec), checked by reading the result back.
 */
export function proposalEdits(text: string, fenceLine: number, proposals: readonly Proposal[]): EditResult {
	const body = fenceLine > 0 ? findBlocks(text).find((b) => b.fenceLine === fenceLine)?.body : text;
	if (body === undefined) return { ok: false, reason: "the block is not in the note any more" };
	const g = new BlockGeometry(text, fenceLine, body);
	if (g.doc.errors.length > 0) return { ok: false, reason: "the block does not parse" };
	const ed = new Editor(g);
	for (const p of proposals) {
		for (const e of p.edits) {
			const problem =
				e.kind === "replace"
					? ed.replace(e, p.why)
					: e.kind === "insert"
						? ed.insert(e, p.why)
						: e.kind === "fill"
							? ed.fill(e, p.why)
							: ed.append(e, p.why);
			if (problem) return { ok: false, reason: problem };
		}
	}
	return finish(text, fenceLine, ed.planned);
}

/** Merges inserts at one place (in key order), applies everything, and checks the result. */
function finish(text: string, fenceLine: number, planned: Planned[]): EditResult {
	const sorted = [...planned].sort((x, y) => x.from - y.from || x.rank - y.rank);
	for (let i = 1; i < sorted.length; i++) {
		const prev = sorted[i - 1];
		const cur = sorted[i];
		if (prev && cur && cur.from < prev.to) return { ok: false, reason: "two changes touch the same text" };
	}
	const edits: TextEdit[] = [];
	for (const p of sorted) {
		const last = edits[edits.length - 1];
		if (last && last.from === p.from && last.to === p.from && p.from === p.to) last.text += p.text;
		else edits.push({ from: p.from, to: p.to, text: p.text });
	}
	const result = applyEdits(text, edits);
	const changes: Change[] = [];
	let shift = 0;
	const newStarts = sorted.map((p) => {
		const start = p.from + shift;
		shift += p.text.length - (p.to - p.from);
		return start;
	});
	const check = checkResult(result, fenceLine, sorted, newStarts);
	if (check) return { ok: false, reason: check };
	sorted.forEach((p, i) => {
		const start = (newStarts[i] ?? 0) + (p.text.length - p.text.trimStart().length);
		const line = result.slice(0, start).split("\n").length;
		changes.push({
			line,
			old: p.old === "" ? "(none)" : p.old,
			new: p.text.trim().replace(/^,\s*/, ""),
			why: p.why,
		});
	});
	return { ok: true, edits, text: result, changes };
}

function checkResult(result: string, fenceLine: number, planned: Planned[], starts: number[]): string | null {
	const block = fenceLine > 0 ? findBlocks(result).find((b) => b.fenceLine === fenceLine) : { body: result };
	if (!block) return "the block would move";
	const g = new BlockGeometry(result, fenceLine, block.body);
	if (g.doc.errors.length > 0) return "the block would not parse";
	const values = g.valueScalars();
	for (const [i, p] of planned.entries()) {
		const start = starts[i] ?? 0;
		const end = start + p.text.length;
		if (!values.some((v) => v.canonical === p.expect && v.from >= start && v.to <= end))
			return `${p.expect} would not be read where it is written`;
	}
	return null;
}
