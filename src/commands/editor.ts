/**
 * The editor commands' edits: each one is a single `editor.transaction`, so one undo reverts it,
 * and none removes text the user did not select.
 */
import { Notice, type Editor, type EditorPosition } from "obsidian";
import { summaryOf } from "../api";
import { countOf } from "../core/numbers";
import type { AksIpSettings } from "../settings/settings";
import { findBlocks, type NoteBlock } from "../note/blocks";
import { closesFence, openingFence } from "../note/fences";
import { templateBlock, type Template } from "../templates/templates";
import { writeSummaryInEditor } from "./write-summary";
import { convertToPlan } from "../convert/convert";

const ORIGIN = "aks-ip";
/** Languages of the fenced blocks whose body Convert replaces with the whole block. */
const DATA_LANGUAGES = new Set(["json", "jsonc", "yaml", "yml"]);

/**
 * Replaces `from`..`to` with `block` on lines of its own: a line break goes before the block
 * when text precedes `from` on its line, and after it when text follows `to` on its line.
 * `caret` receives the block's first line in the new text and says where the cursor goes.
 */
function placeBlock(
	editor: Editor,
	from: EditorPosition,
	to: EditorPosition,
	block: string,
	caret: (firstLine: number) => EditorPosition,
): void {
	const before = editor.getLine(from.line).slice(0, from.ch);
	const after = editor.getLine(to.line).slice(to.ch);
	const lead = before === "" ? "" : "\n";
	const tail = after === "" ? "" : "\n";
	const first = from.line + (lead ? 1 : 0);
	editor.transaction(
		{ changes: [{ from, to, text: `${lead}${block}${tail}` }], selection: { from: caret(first) } },
		ORIGIN,
	);
}

/**
 * The selection, widened to the whole fenced block when it is exactly the body of a ```json or
 * ```yaml block: converting it then replaces that block instead of nesting a fence in it.
 */
function widenToFence(
	editor: Editor,
	from: EditorPosition,
	to: EditorPosition,
): { from: EditorPosition; to: EditorPosition } {
	const same = { from, to };
	if (from.ch !== 0 || from.line === 0) return same;
	const open = openingFence(editor.getLine(from.line - 1));
	const closeLine =
		to.ch === 0 && to.line > from.line ? to.line : to.ch === editor.getLine(to.line).length ? to.line + 1 : -1;
	if (!open || !DATA_LANGUAGES.has(open.info.toLowerCase()) || closeLine < 0 || closeLine >= editor.lineCount())
		return same;
	if (!closesFence(editor.getLine(closeLine), open)) return same;
	for (let line = from.line; line < closeLine; line++) if (openingFence(editor.getLine(line))) return same;
	return { from: { line: from.line - 1, ch: 0 }, to: { line: closeLine, ch: editor.getLine(closeLine).length } };
}

/**
 * Inserts a template's block after the selection (or at the cursor), keeping any selected text,
 * with the cursor at the end of the block's first line (the cluster name).
 */
export function insertTemplate(editor: Editor, template: Template): void {
	const at = editor.getCursor("to");
	const block = templateBlock(template);
	const firstBodyLine = block.split("\n")[1] ?? "";
	placeBlock(editor, at, at, block, (line) => ({ line: line + 1, ch: firstBodyLine.length }));
}

/** Replaces selected pasted output (az, ARM, Terraform JSON) with a plan block; a notice says why when it cannot. */
export function convertSelection(editor: Editor): boolean {
	const result = convertToPlan(editor.getSelection());
	if (!result.ok) {
		new Notice(result.error);
		return false;
	}
	const { from, to } = widenToFence(editor, editor.getCursor("from"), editor.getCursor("to"));
	const lines = result.block.split("\n");
	const hole = result.hole;
	placeBlock(editor, from, to, result.block, (first) =>
		hole
			? { line: first + hole.line, ch: hole.ch }
			: { line: first + lines.length - 1, ch: (lines[lines.length - 1] ?? "").length },
	);
	const pending = result.subnets.length;
	new Notice(
		pending === 0
			? "Plan created from the selection."
			: `Plan created: fill in the CIDR of ${countOf(pending, "subnet")} under subnets.`,
	);
	return true;
}

/** The `aks-ip` block holding the cursor, fences included. */
export function blockAtCursor(editor: Editor): NoteBlock | null {
	const line = editor.getCursor().line + 1;
	return (
		findBlocks(editor.getValue()).find(
			(b) => line >= b.fenceLine && line <= (b.closeLine ?? Number.MAX_SAFE_INTEGER),
		) ?? null
	);
}

/** Writes or refreshes the summary region below `block`, as the block's insert button does. */
export function writeSummaryBelow(editor: Editor, block: NoteBlock, settings: AksIpSettings): boolean {
	const markdownAt = (fenceLine: number): string =>
		summaryOf(block.body, {
			defaultMaxSurge: settings.defaultMaxSurge,
			headingLevel: settings.summaryHeadingLevel,
			fenceLine,
		});
	return writeSummaryInEditor(editor, block.body, block.fenceLine - 1, markdownAt);
}
