/** Expands PATH arguments: files as given, folders recursively (notes only, hidden folders skipped). */
import { errorText } from "../core/text";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Besides hidden folders (the vault's configuration folder, .git, .trash). */
const SKIP = new Set(["node_modules"]);

interface Expanded {
	files: string[];
	/** Paths that do not exist or cannot be listed, with the reason. */
	problems: { path: string; reason: string }[];
}

function walk(dir: string, out: Expanded): void {
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch (e) {
		out.problems.push({
			path: dir,
			reason: (e as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : errorText(e),
		});
		return;
	}
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		if (entry.name.startsWith(".") || SKIP.has(entry.name)) continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) walk(path, out);
		else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) out.files.push(path);
	}
}

export function expandPaths(paths: string[]): Expanded {
	const out: Expanded = { files: [], problems: [] };
	for (const path of paths) {
		if (path === "-") {
			out.files.push(path);
			continue;
		}
		let stat;
		try {
			stat = statSync(path);
		} catch (e) {
			out.problems.push({
				path,
				reason: (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : errorText(e),
			});
			continue;
		}
		if (stat.isDirectory()) walk(path, out);
		else out.files.push(path);
	}
	return out;
}
