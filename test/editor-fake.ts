// FakeEditor: an in-memory stand-in for Obsidian's Editor (CodeMirror 6 underneath).
// Positions are 0-based {line, ch}, clipped like CodeMirror. Every document change is
// one undo step; undo()/redo() restore the text and the selections exactly.
import type {
	EditorChange,
	EditorCommandName,
	EditorPosition,
	EditorRange,
	EditorSelection,
	EditorSelectionOrCaret,
	EditorTransaction,
} from "obsidian";
import { Editor } from "obsidian";

interface Range {
	anchor: number;
	head: number;
}

interface Snapshot {
	text: string;
	ranges: Range[];
}

interface OffsetChange {
	from: number;
	to: number;
	insert: string;
}

export type EditKind = "transaction" | "replaceRange" | "replaceSelection" | "setValue";

/** One document change (one undo step). `changes` use positions in the text before it. */
export interface EditRecord {
	kind: EditKind;
	origin?: string;
	changes: EditorChange[];
	before: string;
	after: string;
}

/** Where `pos` lands after `changes` (sorted, non-overlapping), as CodeMirror 6 maps it. */
function mapPos(pos: number, assoc: -1 | 1, changes: readonly OffsetChange[]): number {
	let delta = 0;
	for (const c of changes) {
		if (pos < c.from) break;
		const start = c.from + delta;
		if (pos === c.from && c.to > c.from) return start;
		if (pos === c.from && assoc < 0) return start;
		if (pos < c.to) return assoc < 0 ? start : start + c.insert.length;
		delta += c.insert.length - (c.to - c.from);
	}
	return pos + delta;
}

export class FakeEditor extends Editor {
	/** Every document change, oldest first: one entry per undo step. */
	readonly edits: EditRecord[] = [];
	/** How many times transaction() was called (with or without changes). */
	transactions = 0;
	/** scrollIntoView() ranges and exec() commands, oldest first. */
	readonly scrolledTo: EditorRange[] = [];
	readonly executed: EditorCommandName[] = [];
	private text: string;
	private ranges: Range[];
	private focused = false;
	private readonly undoStack: { before: Snapshot; after: Snapshot }[] = [];
	private readonly redoStack: { before: Snapshot; after: Snapshot }[] = [];

	constructor(text = "", cursor: EditorPosition = { line: 0, ch: 0 }) {
		super();
		this.text = text;
		const at = this.posToOffset(cursor);
		this.ranges = [{ anchor: at, head: at }];
	}

	// ---- reading ----
	getValue(): string {
		return this.text;
	}

	private get lines(): string[] {
		return this.text.split("\n");
	}

	lineCount(): number {
		return this.lines.length;
	}

	lastLine(): number {
		return this.lineCount() - 1;
	}

	/** Throws RangeError for a line outside the document, as CodeMirror does. */
	getLine(line: number): string {
		const text = this.lines[line];
		if (text === undefined || line < 0 || !Number.isInteger(line))
			throw new RangeError(`Invalid line number ${line}`);
		return text;
	}

	getRange(from: EditorPosition, to: EditorPosition): string {
		const a = this.posToOffset(from);
		const b = this.posToOffset(to);
		return this.text.slice(Math.min(a, b), Math.max(a, b));
	}

	/** The text of the main selection. */
	getSelection(): string {
		const main = this.main();
		return this.text.slice(Math.min(main.anchor, main.head), Math.max(main.anchor, main.head));
	}

	somethingSelected(): boolean {
		return this.ranges.some((r) => r.anchor !== r.head);
	}

	getCursor(side: "from" | "to" | "head" | "anchor" = "head"): EditorPosition {
		const main = this.main();
		const offset =
			side === "from"
				? Math.min(main.anchor, main.head)
				: side === "to"
					? Math.max(main.anchor, main.head)
					: main[side];
		return this.offsetToPos(offset);
	}

	listSelections(): EditorSelection[] {
		return this.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
	}

	/** Clips like CodeMirror: before the start is {0,0}, past the end is the end. */
	clipPos(pos: EditorPosition): EditorPosition {
		const lines = this.lines;
		if (pos.line < 0) return { line: 0, ch: 0 };
		if (pos.line > lines.length - 1) return { line: lines.length - 1, ch: (lines[lines.length - 1] ?? "").length };
		const len = (lines[pos.line] ?? "").length;
		return { line: pos.line, ch: Math.max(0, Math.min(pos.ch, len)) };
	}

	posToOffset(pos: EditorPosition): number {
		const { line, ch } = this.clipPos(pos);
		const lines = this.lines;
		let offset = 0;
		for (let i = 0; i < line; i++) offset += (lines[i] ?? "").length + 1;
		return offset + ch;
	}

	offsetToPos(offset: number): EditorPosition {
		let rest = Math.max(0, Math.min(Math.trunc(offset), this.text.length));
		const lines = this.lines;
		for (let line = 0; line < lines.length; line++) {
			const len = (lines[line] ?? "").length;
			if (rest <= len) return { line, ch: rest };
			rest -= len + 1;
		}
		return { line: lines.length - 1, ch: (lines[lines.length - 1] ?? "").length };
	}

	wordAt(pos: EditorPosition): EditorRange | null {
		const { line, ch } = this.clipPos(pos);
		const text = this.getLine(line);
		let from = ch;
		let to = ch;
		while (from > 0 && /\w/.test(text[from - 1] ?? "")) from--;
		while (to < text.length && /\w/.test(text[to] ?? "")) to++;
		return from === to ? null : { from: { line, ch: from }, to: { line, ch: to } };
	}

	// ---- selection (not undo steps) ----
	setCursor(pos: EditorPosition | number, ch?: number): void {
		this.setSelection(typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos);
	}

	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		const a = this.posToOffset(anchor);
		this.ranges = [{ anchor: a, head: head ? this.posToOffset(head) : a }];
	}

	setSelections(ranges: EditorSelectionOrCaret[], main = 0): void {
		if (ranges.length === 0) return;
		const list = ranges.map((r) => ({
			anchor: this.posToOffset(r.anchor),
			head: this.posToOffset(r.head ?? r.anchor),
		}));
		const first = list.splice(Math.max(0, Math.min(main, list.length - 1)), 1);
		this.ranges = [...first, ...list];
	}

	// ---- editing ----
	setValue(content: string): void {
		this.apply("setValue", [{ from: 0, to: this.text.length, insert: content }], undefined, null);
	}

	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, origin?: string): void {
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.apply("replaceRange", [{ from: Math.min(a, b), to: Math.max(a, b), insert: replacement }], origin, null);
	}

	/** Replaces every selection; each cursor ends after its inserted text. */
	replaceSelection(replacement: string, origin?: string): void {
		this.apply("replaceSelection", this.selectionChanges(replacement), origin, "after-inserts");
	}

	/**
	 * All changes at once: their positions refer to the text before the transaction, and
	 * `selection`/`selections` to the text after it (as in CodeMirror 6). Overlapping
	 * changes throw. Without a selection, the selections are mapped through the changes.
	 */
	transaction(tx: EditorTransaction, origin?: string): void {
		this.transactions++;
		const changes: OffsetChange[] = (tx.changes ?? []).map((c) => {
			const a = this.posToOffset(c.from);
			const b = c.to ? this.posToOffset(c.to) : a;
			return { from: Math.min(a, b), to: Math.max(a, b), insert: c.text };
		});
		if (tx.replaceSelection !== undefined) changes.push(...this.selectionChanges(tx.replaceSelection));
		const wanted = tx.selections ?? (tx.selection ? [tx.selection] : null);
		const explicit = wanted?.map((s) => ({ anchor: s.from, head: s.to ?? s.from })) ?? null;
		const fallback = tx.replaceSelection !== undefined ? "after-inserts" : null;
		if (changes.length === 0) {
			if (explicit) this.setSelections(explicit);
			return;
		}
		this.apply("transaction", changes, origin, explicit ?? fallback);
	}

	undo(): void {
		const step = this.undoStack.pop();
		if (!step) return;
		this.restore(step.before);
		this.redoStack.push(step);
	}

	redo(): void {
		const step = this.redoStack.pop();
		if (!step) return;
		this.restore(step.after);
		this.undoStack.push(step);
	}

	/** Test helper: how many steps undo() can take. */
	get undoDepth(): number {
		return this.undoStack.length;
	}

	// ---- focus, scrolling, commands ----
	refresh(): void {}

	focus(): void {
		this.focused = true;
	}

	blur(): void {
		this.focused = false;
	}

	hasFocus(): boolean {
		return this.focused;
	}

	getScrollInfo(): { top: number; left: number } {
		return { top: 0, left: 0 };
	}

	scrollTo(x?: number | null, y?: number | null): void {}

	scrollIntoView(range: EditorRange, center?: boolean): void {
		this.scrolledTo.push(range);
	}

	exec(command: EditorCommandName): void {
		this.executed.push(command);
	}

	// ---- internals ----
	private main(): Range {
		return this.ranges[0] ?? { anchor: 0, head: 0 };
	}

	private selectionChanges(insert: string): OffsetChange[] {
		return this.ranges.map((r) => ({ from: Math.min(r.anchor, r.head), to: Math.max(r.anchor, r.head), insert }));
	}

	private restore(snapshot: Snapshot): void {
		this.text = snapshot.text;
		this.ranges = snapshot.ranges.map((r) => ({ ...r }));
	}

	private apply(
		kind: EditKind,
		unsorted: OffsetChange[],
		origin: string | undefined,
		selection: EditorSelectionOrCaret[] | "after-inserts" | null,
	): void {
		const changes = unsorted.map((c, i) => ({ ...c, i })).sort((x, y) => x.from - y.from || x.i - y.i);
		for (let k = 1; k < changes.length; k++) {
			const prev = changes[k - 1];
			const next = changes[k];
			if (prev && next && next.from < prev.to) throw new RangeError("Overlapping changes in one transaction.");
		}
		const before: Snapshot = { text: this.text, ranges: this.ranges.map((r) => ({ ...r })) };
		const record: EditRecord = {
			kind,
			origin,
			before: this.text,
			after: "",
			changes: unsorted.map((c) => ({
				from: this.offsetToPos(c.from),
				to: this.offsetToPos(c.to),
				text: c.insert,
			})),
		};
		let next = "";
		let at = 0;
		const ends: number[] = [];
		for (const c of changes) {
			next += this.text.slice(at, c.from);
			next += c.insert;
			ends[c.i] = next.length;
			at = c.to;
		}
		next += this.text.slice(at);
		const mapped = this.ranges.map((r) => {
			const empty = r.anchor === r.head;
			const lo = Math.min(r.anchor, r.head);
			const hi = Math.max(r.anchor, r.head);
			const from = mapPos(lo, empty ? -1 : 1, changes);
			const to = empty ? from : Math.max(from, mapPos(hi, -1, changes));
			return r.anchor <= r.head ? { anchor: from, head: to } : { anchor: to, head: from };
		});
		this.text = next;
		// The selection's own changes come last in `unsorted`, one per range, main first.
		if (selection === "after-inserts")
			this.ranges = ends.slice(-this.ranges.length).map((end) => ({ anchor: end, head: end }));
		else if (selection) this.setSelections(selection);
		else this.ranges = mapped;
		record.after = next;
		this.edits.push(record);
		this.undoStack.push({ before, after: { text: this.text, ranges: this.ranges.map((r) => ({ ...r })) } });
		this.redoStack.length = 0;
	}
}
