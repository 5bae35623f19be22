/** The plugin's settings: the type, the defaults, and safe loading of old or partial data. */
import { surgeOf } from "../parse/values";
import type { Section } from "../parse/types";
import { SECTIONS } from "../parse/types";
import { templateById } from "../templates/templates";

export interface AksIpSettings {
	/** Template the picker puts first. */
	defaultTemplate: string;
	/** maxSurge for specs that set none: a node count or a percentage such as "10%". */
	defaultMaxSurge: string;
	/** Sections a block shows, unless the block's `show:` says otherwise. */
	sections: Record<Section, boolean>;
	/** Level of the summary's cluster heading (2 = "##"). */
	summaryHeadingLevel: number;
	/** List findings silenced by `ignore` under the others. */
	showSuppressed: boolean;
	/** Folders the registry reads (vault paths, no slashes at the ends); empty: the whole vault. */
	registryFolders: string[];
	/** Folders the registry leaves out, inside those it reads. */
	registryExcluded: string[];
	/** Report overlaps between networks that are not connected (warnings). */
	reportUnconnected: boolean;
}

export const DEFAULT_SETTINGS: Readonly<AksIpSettings> = Object.freeze({
	defaultTemplate: "overlay",
	defaultMaxSurge: "10%",
	sections: Object.freeze({
		table: true,
		pools: true,
		findings: true,
		growth: true,
		migration: true,
		map: true,
		summary: true,
	}),
	summaryHeadingLevel: 2,
	showSuppressed: true,
	registryFolders: [],
	registryExcluded: [],
	reportUnconnected: true,
});

/** Folder paths from text or a list: "a, b/c/" → ["a", "b/c"]; blanks dropped. */
export function folderList(value: unknown): string[] {
	const items = typeof value === "string" ? value.split(/[,\n]/) : Array.isArray(value) ? value : [];
	const out: string[] = [];
	for (const item of items) {
		if (typeof item !== "string") continue;
		const folder = item.trim().replace(/^\/+|\/+$/g, "");
		if (folder !== "" && !out.includes(folder)) out.push(folder);
	}
	return out;
}

function under(path: string, folder: string): boolean {
	return path === folder || path.startsWith(`${folder}/`);
}

/** Whether the registry reads the note at `path`. */
export function inRegistry(path: string, s: Pick<AksIpSettings, "registryFolders" | "registryExcluded">): boolean {
	if (s.registryFolders.length > 0 && !s.registryFolders.some((f) => under(path, f))) return false;
	return !s.registryExcluded.some((f) => under(path, f));
}

export function isValidSurge(value: string): boolean {
	return surgeOf(value) !== undefined;
}

/** Merges saved data over the defaults, field by field, never mutating the defaults. */
export function mergeSettings(saved: unknown): AksIpSettings {
	const data = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
	const sections = { ...DEFAULT_SETTINGS.sections };
	const savedSections = data.sections;
	if (typeof savedSections === "object" && savedSections !== null) {
		for (const s of SECTIONS) {
			const v = (savedSections as Record<string, unknown>)[s];
			if (typeof v === "boolean") sections[s] = v;
		}
	}
	const level = data.summaryHeadingLevel;
	const template = typeof data.defaultTemplate === "string" ? templateById(data.defaultTemplate.trim()) : undefined;
	return {
		defaultTemplate: template?.id ?? DEFAULT_SETTINGS.defaultTemplate,
		defaultMaxSurge:
			typeof data.defaultMaxSurge === "string" && isValidSurge(data.defaultMaxSurge)
				? data.defaultMaxSurge.trim()
				: DEFAULT_SETTINGS.defaultMaxSurge,
		sections,
		summaryHeadingLevel:
			typeof level === "number" && Number.isInteger(level) && level >= 1 && level <= 5
				? level
				: DEFAULT_SETTINGS.summaryHeadingLevel,
		showSuppressed:
			typeof data.showSuppressed === "boolean" ? data.showSuppressed : DEFAULT_SETTINGS.showSuppressed,
		registryFolders: folderList(data.registryFolders),
		registryExcluded: folderList(data.registryExcluded),
		reportUnconnected:
			typeof data.reportUnconnected === "boolean" ? data.reportUnconnected : DEFAULT_SETTINGS.reportUnconnected,
	};
}
