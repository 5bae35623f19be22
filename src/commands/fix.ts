/**
 * Applying the allocator's proposals to the open note: Fix and "Apply all fixes" in a block, and
 * "Fill in missing ranges" for the block at the cursor. Each is one editor transaction (one undo
 * step) made of exact edits at the values' YAML nodes, checked by re-reading before it is made.
 */
import { Notice, type Editor } from "obsidian";
import { planSource, proposalEdits, type PlanSourceOptions, type Proposal } from "../api";
import { atFence } from "../allocate/propose";
import { locateBlock } from "../note/locate";
import type { NoteBlock } from "../note/blocks";

const ORIGIN = "aks-ip";

function normalise(body: string): string {
	return body.replace(/\r\n/g, "\n").replace(/\n+$/, "");
}

/** Makes the edits of `proposals` (note lines) to the block on `fenceLine`, as one transaction. */
function apply(editor: Editor, note: string, fenceLine: number, proposals: readonly Proposal[]): boolean {
	const r = proposalEdits(note, fenceLine, proposals);
	if (!r.ok) {
		new Notice(`Nothing was changed: ${r.reason}.`);
		return false;
	}
	editor.transaction(
		{
			changes: r.edits.map((e) => ({
				from: editor.offsetToPos(e.from),
				to: editor.offsetToPos(e.to),
				text: e.text,
			})),
		},
		ORIGIN,
	);
	const [first] = r.changes;
	const one = first && r.changes.length === 1;
	new Notice(
		one
			? first.old === "(none)"
				? `Added ${first.new}.`
				: `Changed ${first.old} to ${first.new}.`
			: `Changed ${r.changes.length} values.`,
	);
	return true;
}

/**
 * Applies proposals of a rendered block (their lines are the block's own, from 1). Refuses with
 * a notice when the block is not in the note or changed since it was rendered.
 */
export function applyRendered(
	editor: Editor,
	source: string,
	fenceLine0: number | null,
	proposals: readonly Proposal[],
): boolean {
	const note = editor.getValue();
	const block = locateBlock(note, source, fenceLine0);
	if (!block) {
		new Notice("This block could not be located in the note: nothing was changed.");
		return false;
	}
	if (normalise(block.body) !== normalise(source)) {
		new Notice("The block changed since it was drawn: nothing was changed. Try again once it has redrawn.");
		return false;
	}
	return apply(
		editor,
		note,
		block.fenceLine,
		proposals.map((p) => atFence(p, block.fenceLine)),
	);
}

/** What the registry tells a block's proposals: the ranges to stay clear of, and its linked network. */
export type BlockEstate = Pick<PlanSourceOptions, "context" | "linkedVnet">;

/** Writes every range the block at the cursor leaves out or to a default, clear of the rest. */
export function fillMissingRanges(
	editor: Editor,
	block: NoteBlock,
	defaultMaxSurge: string,
	estate: BlockEstate = {},
): boolean {
	const plan = planSource(block.body, { ...estate, fenceLine: block.fenceLine, defaultMaxSurge, proposals: "fill" });
	const proposals = plan.proposals.filter((p) => p.auto);
	if (proposals.length === 0) {
		new Notice("Nothing to fill in: the block writes every range it needs.");
		return false;
	}
	return apply(editor, editor.getValue(), block.fenceLine, proposals);
}
