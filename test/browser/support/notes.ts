// The example vault's notes, split the way reading view draws them: Markdown between the
// aks-ip blocks (found with the engine's own findBlocks), and each block's body.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { findBlocks } from "../../../src/note/blocks";
import type { NotePart } from "../page/harness";
import { ROOT } from "./build";

export interface Note {
	/** Vault path, e.g. "Network models/Kubenet (legacy).md". */
	path: string;
	/** File-name friendly form of the path, for screenshots. */
	slug: string;
	parts: NotePart[];
	blocks: number;
}

/** Splits a note into Markdown and block parts; front matter is left out, as reading view shows it apart. */
export function splitNote(text: string): { parts: NotePart[]; blocks: number } {
	const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
	const body = front ? text.slice(front[0].length) : text;
	const parts: NotePart[] = [];
	let at = 0;
	const blocks = findBlocks(body);
	for (const b of blocks) {
		if (b.start > at) parts.push({ kind: "markdown", text: body.slice(at, b.start) });
		parts.push({ kind: "block", source: b.body });
		at = b.end;
	}
	if (at < body.length) parts.push({ kind: "markdown", text: body.slice(at) });
	return { parts, blocks: blocks.length };
}

export function exampleNotes(): Note[] {
	const dir = join(ROOT, "examples");
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith(".md"))
		.map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
		.sort()
		.map((path) => {
			const { parts, blocks } = splitNote(readFileSync(join(dir, path), "utf8"));
			return {
				path,
				slug: path
					.replace(/\.md$/, "")
					.replace(/[^A-Za-z0-9]+/g, "-")
					.replace(/^-|-$/g, "")
					.toLowerCase(),
				parts,
				blocks,
			};
		})
		.filter((n) => n.blocks > 0);
}
