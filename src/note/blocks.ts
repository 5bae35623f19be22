/** Finds the `aks-ip` fenced blocks of a note, as CommonMark reads fences. */
import { closesFence, fenceLanguage, openingFence, type Fence } from "./fences";

export const LANGUAGE = "aks-ip";

export interface NoteBlock {
	/** 1-based line of the opening fence. */
	fenceLine: number;
	/** 1-based line of the closing fence, or null when the block runs to the end of the note. */
	closeLine: number | null;
	body: string;
	/** Character offsets of the whole block (opening fence to the end of the closing fence line). */
	start: number;
	end: number;
}

/** Every `aks-ip` block, skipping fences nested in other code blocks. */
export function findBlocks(markdown: string): NoteBlock[] {
	const blocks: NoteBlock[] = [];
	const lines = markdown.split("\n");
	let offset = 0;
	let open: { fence: Fence; ours: boolean; line: number; start: number; bodyStart: number } | null = null;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? "";
		const lineStart = offset;
		offset += line.length + 1;
		if (open === null) {
			const fence = openingFence(line);
			if (fence)
				open = {
					fence,
					ours: fenceLanguage(fence) === LANGUAGE,
					line: i + 1,
					start: lineStart,
					bodyStart: offset,
				};
			continue;
		}
		if (closesFence(line, open.fence)) {
			if (open.ours) {
				blocks.push({
					fenceLine: open.line,
					closeLine: i + 1,
					body: bodyOf(markdown, open.bodyStart, lineStart, open.fence.indent),
					start: open.start,
					end: Math.min(offset - 1, markdown.length),
				});
			}
			open = null;
		}
	}
	if (open?.ours) {
		blocks.push({
			fenceLine: open.line,
			closeLine: null,
			body: bodyOf(markdown, open.bodyStart, markdown.length, open.fence.indent),
			start: open.start,
			end: markdown.length,
		});
	}
	return blocks;
}

/** The body between the fences, with the opening fence's indentation removed as CommonMark does. */
function bodyOf(markdown: string, from: number, to: number, indent: number): string {
	const text = from >= to ? "" : markdown.slice(from, to);
	const body = text.endsWith("\n") ? text.slice(0, -1) : text;
	if (indent === 0) return body;
	const strip = new RegExp(`^ {0,${indent}}`, "gm");
	return body.replace(strip, "");
}
