/**
 * The summary region below a block: generated text between two HTML comments (invisible in
 * reading view, on Publish and on GitHub), so writing again refreshes it instead of adding a copy.
 * Only text between the markers is ever replaced.
 */
import type { NoteBlock } from "../note/blocks";

export const SUMMARY_START = "<!-- aks-ip summary: generated, edits are replaced -->";
export const SUMMARY_END = "<!-- /aks-ip summary -->";

export interface TextEdit {
	/** Character offsets in the note; `from === to` inserts. */
	from: number;
	to: number;
	text: string;
}

export function summaryRegion(markdown: string): string {
	return `${SUMMARY_START}\n${markdown.trim()}\n${SUMMARY_END}`;
}

/** The existing summary region right below a block (only blank lines between), if any. */
export function existingRegion(note: string, block: NoteBlock): { from: number; to: number } | null {
	const after = note.slice(block.end);
	const m = /^\r?\n(?:[ \t]*\r?\n)*/.exec(after);
	const start = block.end + (m ? m[0].length : 0);
	if (!note.startsWith(SUMMARY_START, start)) return null;
	const end = note.indexOf(SUMMARY_END, start + SUMMARY_START.length);
	if (end < 0) return null;
	return { from: start, to: end + SUMMARY_END.length };
}

/** The edit that writes (or refreshes) a block's summary; null for a block with no closing fence. */
export function summaryEdit(note: string, block: NoteBlock, markdown: string): TextEdit | null {
	if (block.closeLine === null) return null;
	const region = summaryRegion(markdown);
	const existing = existingRegion(note, block);
	if (existing) return { from: existing.from, to: existing.to, text: region };
	const after = note.slice(block.end);
	const gapAfter =
		after === "" || after === "\n" || after.startsWith("\n\n") || after.startsWith("\r\n\r\n") ? "" : "\n";
	return { from: block.end, to: block.end, text: `\n\n${region}${gapAfter}` };
}

/** Applies edits given in offsets of the original text (they must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
	let out = text;
	for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
	return out;
}
