/**
 * Notes as links see them: resolving a link path to a note the way Obsidian does without the app
 * (for the command line), naming a note in messages, and rewriting links inside `aks-ip` blocks
 * when a note is renamed (Obsidian leaves code blocks alone).
 */
import { findBlocks } from "../note/blocks";
import { parseLinkText } from "../parse/links";
import type { NoteLink } from "../parse/types";

/** A note's name as links use it: the file name without `.md`. */
export function noteName(path: string): string {
	const file = path.slice(path.lastIndexOf("/") + 1);
	return file.toLowerCase().endsWith(".md") ? file.slice(0, -3) : file;
}

/** How a message names another note: `[[Name]]`. */
export function noteRef(path: string): string {
	return `[[${noteName(path)}]]`;
}

function folderOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "" : path.slice(0, slash);
}

function withoutMd(path: string): string {
	return path.toLowerCase().endsWith(".md") ? path.slice(0, -3) : path;
}

/** `./x` and `../x` from the folder of `source`; null when the path climbs out of the vault. */
function relativeTo(source: string, linkpath: string): string | null {
	const parts = folderOf(source).split("/").filter(Boolean);
	for (const part of linkpath.split("/")) {
		if (part === "..") {
			if (parts.length === 0) return null;
			parts.pop();
		} else if (part !== "." && part !== "") parts.push(part);
	}
	return parts.join("/");
}

/**
 * The notes of a vault by path and by name, resolving links as Obsidian does: a path from the
 * vault root, a path relative to the linking note (`./`, `../`), or a note name, matched without
 * regard to case; when several notes share the name, the one in the linking note's folder, else
 * the one with the shortest path.
 */
export class NoteIndex {
	private readonly byPath = new Map<string, string>();
	private readonly byName = new Map<string, string[]>();

	add(path: string): void {
		const key = withoutMd(path).toLowerCase();
		if (this.byPath.has(key)) return;
		this.byPath.set(key, path);
		const name = noteName(path).toLowerCase();
		const list = this.byName.get(name);
		if (list) list.push(path);
		else this.byName.set(name, [path]);
	}

	remove(path: string): void {
		if (!this.byPath.delete(withoutMd(path).toLowerCase())) return;
		const name = noteName(path).toLowerCase();
		const rest = (this.byName.get(name) ?? []).filter((p) => p !== path);
		if (rest.length > 0) this.byName.set(name, rest);
		else this.byName.delete(name);
	}

	resolve(linkpath: string, sourcePath: string): string | null {
		const text = linkpath.trim().replace(/^\/+/, "");
		if (text.startsWith("./") || text.startsWith("../")) {
			const rel = relativeTo(sourcePath, text);
			return rel === null ? null : (this.byPath.get(withoutMd(rel).toLowerCase()) ?? null);
		}
		const key = withoutMd(text).toLowerCase();
		const exact = this.byPath.get(key);
		if (exact) return exact;
		const name = key.slice(key.lastIndexOf("/") + 1);
		const suffix = `/${key}`;
		const candidates = (this.byName.get(name) ?? []).filter(
			(p) => !key.includes("/") || withoutMd(p).toLowerCase().endsWith(suffix),
		);
		return pick(candidates, folderOf(sourcePath));
	}

	/** The shortest text that links `path`: its name when no other note has it, else its path. */
	linktext(path: string): string {
		const name = noteName(path);
		return (this.byName.get(name.toLowerCase())?.length ?? 0) > 1 ? withoutMd(path) : name;
	}
}

function pick(candidates: string[], folder: string): string | null {
	if (candidates.length <= 1) return candidates[0] ?? null;
	const here = candidates.find((p) => folderOf(p) === folder);
	if (here) return here;
	return [...candidates].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0] ?? null;
}

const LINK = /\[\[([^[\]\n]+)\]\]/g;
/** Text that a bare (unquoted) link in a YAML flow list cannot hold. */
const UNSAFE_BARE = /[,{}]|: |\s#|^[\s&*!|>'"%@`-]/;

/**
 * Rewrites the links inside the `aks-ip` blocks of a note: `rewrite` gives a link's new path, or
 * null to leave it. The subpath and alias are kept; a bare link whose new path YAML would misread
 * is quoted. The rest of the note is left as it is.
 */
export function rewriteLinks(
	markdown: string,
	rewrite: (link: NoteLink) => string | null,
): { text: string; count: number } {
	let count = 0;
	let out = "";
	let at = 0;
	for (const block of findBlocks(markdown)) {
		const text = markdown.slice(block.start, block.end);
		const next = text.replace(LINK, (whole: string, inner: string, offset: number) => {
			const link = parseLinkText(inner, 0);
			const path = link ? rewrite(link) : null;
			if (!link || path === null || path === link.path) return whole;
			count++;
			const renamed = `[[${path}${link.subpath ? `#${link.subpath}` : ""}${link.alias ? `|${link.alias}` : ""}]]`;
			const before = text[offset - 1];
			const quoted = before === '"' || before === "'";
			return quoted || !UNSAFE_BARE.test(path) ? renamed : `"${renamed}"`;
		});
		out += markdown.slice(at, block.start) + next;
		at = block.end;
	}
	return { text: count === 0 ? markdown : out + markdown.slice(at), count };
}
