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
});

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
	};
}
