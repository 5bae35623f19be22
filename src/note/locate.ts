/** Finding a rendered block again in its note's text, for actions that edit or move the cursor. */
import { findBlocks, type NoteBlock } from "./blocks";

function normalise(body: string): string {
	return body.replace(/\r\n/g, "\n").replace(/\n+$/, "");
}

/**
 * The block whose opening fence is on `fenceLine0` (0-based, from getSectionInfo) when known;
 * otherwise the only block whose body is `source`. Null when it cannot be told.
 */
export function locateBlock(note: string, source: string, fenceLine0: number | null): NoteBlock | null {
	const blocks = findBlocks(note);
	if (fenceLine0 !== null) {
		const exact = blocks.find((b) => b.fenceLine === fenceLine0 + 1);
		if (exact) return exact;
	}
	const same = blocks.filter((b) => normalise(b.body) === normalise(source));
	return same.length === 1 ? (same[0] ?? null) : null;
}
