/** Finds the `aks-ip` fenced blocks of a note, as CommonMark reads fences. */

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

const OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Every `aks-ip` block, skipping fences nested in other code blocks. */
export function findBlocks(markdown: string): NoteBlock[] {
	const blocks: NoteBlock[] = [];
	const lines = markdown.split("\n");
	let offset = 0;
	let open: { fence: string; indent: number; ours: boolean; line: number; start: number; bodyStart: number } | null = null;
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i] ?? "";
		const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
		const lineStart = offset;
		offset += raw.length + 1;
		if (open === null) {
			const m = OPEN.exec(line);
			if (!m) continue;
			const fence = m[2] ?? "";
			const info = (m[3] ?? "").trim();
			if (fence.startsWith("`") && info.includes("`")) continue;
			const lang = info.split(/\s+/)[0] ?? "";
			open = { fence, indent: (m[1] ?? "").length, ours: lang === LANGUAGE, line: i + 1, start: lineStart, bodyStart: offset };
			continue;
		}
		const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
		const fence = close?.[1] ?? "";
		if (fence[0] === open.fence[0] && fence.length >= open.fence.length) {
			if (open.ours) {
				blocks.push({ fenceLine: open.line, closeLine: i + 1, body: bodyOf(markdown, open.bodyStart, lineStart, open.indent), start: open.start, end: Math.min(offset - 1, markdown.length) });
			}
			open = null;
		}
	}
	if (open?.ours) {
		blocks.push({ fenceLine: open.line, closeLine: null, body: bodyOf(markdown, open.bodyStart, markdown.length, open.indent), start: open.start, end: markdown.length });
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
