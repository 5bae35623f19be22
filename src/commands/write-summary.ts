/**
 * Writes or refreshes a block's summary region in an editor, as one undoable transaction.
 * `markdownAt` gets the block's fence line (1-based) in the note, so the summary's finding
 * lines are note lines, as `aks-ip render` writes them.
 */
import { Notice, type Editor } from "obsidian";
import { summaryEdit } from "../markdown/region";
import { locateBlock } from "../note/locate";

export function writeSummaryInEditor(
	editor: Editor,
	source: string,
	fenceLine0: number | null,
	markdownAt: (fenceLine: number) => string,
): boolean {
	const note = editor.getValue();
	const block = locateBlock(note, source, fenceLine0);
	if (!block) {
		new Notice("This block could not be located in the note; use copy as Markdown instead.");
		return false;
	}
	const edit = summaryEdit(note, block, markdownAt(block.fenceLine));
	if (!edit) {
		new Notice("Close the code block with a fence first: the summary goes below it.");
		return false;
	}
	if (note.slice(edit.from, edit.to) === edit.text) {
		new Notice("The summary is already up to date.");
		return true;
	}
	editor.transaction(
		{ changes: [{ from: editor.offsetToPos(edit.from), to: editor.offsetToPos(edit.to), text: edit.text }] },
		"aks-ip",
	);
	new Notice("Summary written below the block.");
	return true;
}
