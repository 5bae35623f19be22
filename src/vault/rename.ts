/**
 * Renames: Obsidian updates links in a note's text but not inside code blocks, so the plugin
 * rewrites the links of its own blocks that led to the renamed note, one edit per note.
 */
import { TFile, type App } from "obsidian";
import { rewriteLinks } from "../registry/links";
import type { Registry } from "../registry/registry";

/** The notes whose blocks link `path`, each with the link paths (lower case) that led there. */
export function linksTo(reg: Registry, path: string): Map<string, Set<string>> {
	const out = new Map<string, Set<string>>();
	const add = (source: string, linkpath: string): void => {
		const set = out.get(source) ?? new Set<string>();
		set.add(linkpath.toLowerCase());
		out.set(source, set);
	};
	for (const note of reg.notes.values())
		for (const b of note.blocks) {
			if (b.plan.links.vnet && b.vnetTarget === path) add(note.path, b.plan.links.vnet.path);
			b.plan.links.peered.forEach((p, i) => {
				if (b.peerTargets[i] === path) add(note.path, p.link.path);
			});
		}
	return out;
}

/** Rewrites, in each note of `sources`, the links that led to `oldPath` so they lead to `file`. */
export async function rewriteRenamed(
	app: App,
	file: TFile,
	oldPath: string,
	sources: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<void> {
	for (const [source, linkpaths] of sources) {
		const path = source === oldPath ? file.path : source;
		const note = app.vault.getAbstractFileByPath(path);
		if (!(note instanceof TFile)) continue;
		const linktext = app.metadataCache.fileToLinktext(file, path, true);
		const rewrite = (link: { path: string }) => (linkpaths.has(link.path.toLowerCase()) ? linktext : null);
		try {
			// Only a note that changes is written: one edit, which Obsidian's undo history and sync see.
			if (rewriteLinks(await app.vault.cachedRead(note), rewrite).count === 0) continue;
			await app.vault.process(note, (text) => rewriteLinks(text, rewrite).text);
		} catch (e) {
			console.error(`aks-ip: links in ${path} could not be updated after the rename`, e);
		}
	}
}
