/**
 * The settings tab. One table of rows feeds both Obsidian's declarative settings (1.13 and later,
 * searchable) and display() for older apps.
 */
import {
	PluginSettingTab,
	Setting,
	type App,
	type Plugin,
	type SettingDefinition,
	type SettingDefinitionItem,
} from "obsidian";
import { SECTIONS, type Section } from "../parse/types";
import { TEMPLATES, templateById } from "../templates/templates";
import { folderList, isValidSurge, type AksIpSettings } from "./settings";

interface SettingsHost extends Plugin {
	settings: AksIpSettings;
	saveSettings(): Promise<void>;
}

/** A key the tab reads and writes: a setting, or the switch of one section. */
type SettingKey = Exclude<keyof AksIpSettings, "sections"> | `sections.${Section}`;

type Row =
	| { key: SettingKey; name: string; desc: string; kind: "text"; validate: (value: string) => string | undefined }
	| { key: SettingKey; name: string; desc: string; kind: "dropdown"; options: Record<string, string> }
	| { key: SettingKey; name: string; desc: string; kind: "toggle" };

const SECTION_NAMES: Record<Section, [string, string]> = {
	table: ["Allocation table", "Node, pod, service and load-balancer IPs with capacity and what is left."],
	pools: ["Node pools table", "Nodes, surge, max pods and where each pool's addresses come from."],
	findings: ["Findings", "Problems found against AKS's rules, each with its line."],
	growth: ["Growth", "How far each pool can grow, which limit binds first, and sizing tables."],
	migration: [
		"Move to Azure CNI Overlay",
		"For kubenet and Azure CNI node subnet plans: preconditions, a pod CIDR and the command.",
	],
	map: ["Address map", "The VNet's address spaces with subnets to scale."],
	summary: ["Summary", "The Markdown summary with copy and insert buttons."],
};

const GENERAL_ROWS: Row[] = [
	{
		key: "defaultTemplate",
		name: "Default template",
		desc: "The template listed first when inserting a plan from a template.",
		kind: "dropdown",
		options: Object.fromEntries(TEMPLATES.map((t) => [t.id, t.name])),
	},
	{
		key: "defaultMaxSurge",
		name: "Default max surge",
		desc: "Extra nodes per pool during upgrades when a plan sets no surge: a node count or a percentage. AKS uses 10% from Kubernetes 1.32.",
		kind: "text",
		validate: (v) =>
			isValidSurge(v) ? undefined : "Enter a node count up to 1,000 or a percentage up to 100%, such as 10%.",
	},
	{
		key: "summaryHeadingLevel",
		name: "Summary heading level",
		desc: "Level of the cluster heading in the generated summary; its sections sit one level below.",
		kind: "dropdown",
		options: { "1": "Heading 1", "2": "Heading 2", "3": "Heading 3", "4": "Heading 4", "5": "Heading 5" },
	},
	{
		key: "showSuppressed",
		name: "Show suppressed findings",
		desc: "List findings silenced with ignore below the others, marked as suppressed.",
		kind: "toggle",
	},
];

const REGISTRY_ROWS: Row[] = [
	{
		key: "registryFolders",
		name: "Folders in the registry",
		desc: "Folders whose notes the registry reads to find conflicts between notes, separated by commas. Leave empty for the whole vault.",
		kind: "text",
		validate: () => undefined,
	},
	{
		key: "registryExcluded",
		name: "Folders left out",
		desc: "Folders the registry skips, such as drafts or archives, separated by commas.",
		kind: "text",
		validate: () => undefined,
	},
	{
		key: "reportUnconnected",
		name: "Report overlaps between unconnected networks",
		desc: "Warn when networks that are not peered share addresses: they collide the day they are peered.",
		kind: "toggle",
	},
];

const SECTION_ROWS: Row[] = SECTIONS.map((s) => ({
	key: `sections.${s}`,
	name: SECTION_NAMES[s][0],
	desc: SECTION_NAMES[s][1],
	kind: "toggle",
}));

const KEYS = new Set<string>([...GENERAL_ROWS, ...SECTION_ROWS, ...REGISTRY_ROWS].map((r) => r.key));

function isSettingKey(key: string): key is SettingKey {
	return KEYS.has(key);
}

/** The section a `sections.*` key switches. */
function sectionOf(key: `sections.${Section}`): Section | undefined {
	return SECTIONS.find((s) => key === `sections.${s}`);
}

/** A setting's value as its control shows it: text for text and dropdowns, a boolean for toggles. */
function readSetting(s: AksIpSettings, key: SettingKey): string | boolean | undefined {
	switch (key) {
		case "defaultTemplate":
			return s.defaultTemplate;
		case "defaultMaxSurge":
			return s.defaultMaxSurge;
		case "summaryHeadingLevel":
			return String(s.summaryHeadingLevel);
		case "showSuppressed":
			return s.showSuppressed;
		case "reportUnconnected":
			return s.reportUnconnected;
		case "registryFolders":
			return s.registryFolders.join(", ");
		case "registryExcluded":
			return s.registryExcluded.join(", ");
		default: {
			const section = sectionOf(key);
			return section && s.sections[section];
		}
	}
}

/** Writes a control's value into the settings; false when the value does not fit the key. */
function writeSetting(s: AksIpSettings, key: SettingKey, value: unknown): boolean {
	switch (key) {
		case "defaultTemplate": {
			const template = typeof value === "string" ? templateById(value) : undefined;
			if (template) s.defaultTemplate = template.id;
			return template !== undefined;
		}
		case "defaultMaxSurge":
			if (typeof value !== "string" || !isValidSurge(value)) return false;
			s.defaultMaxSurge = value.trim();
			return true;
		case "summaryHeadingLevel":
			s.summaryHeadingLevel = Number(value);
			return true;
		case "showSuppressed":
		case "reportUnconnected":
			if (typeof value !== "boolean") return false;
			s[key] = value;
			return true;
		case "registryFolders":
		case "registryExcluded":
			s[key] = folderList(value);
			return true;
		default: {
			const section = sectionOf(key);
			if (!section || typeof value !== "boolean") return false;
			s.sections[section] = value;
			return true;
		}
	}
}

export class AksIpSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly host: SettingsHost,
	) {
		super(app, host);
	}

	getControlValue(key: string): unknown {
		return isSettingKey(key) ? readSetting(this.host.settings, key) : undefined;
	}

	async setControlValue(key: string, value: unknown): Promise<void> {
		if (isSettingKey(key) && writeSetting(this.host.settings, key, value)) await this.host.saveSettings();
	}

	getSettingDefinitions(): SettingDefinitionItem[] {
		const def = (r: Row): SettingDefinition => {
			if (r.kind === "text")
				return { name: r.name, desc: r.desc, control: { type: "text", key: r.key, validate: r.validate } };
			if (r.kind === "dropdown")
				return { name: r.name, desc: r.desc, control: { type: "dropdown", key: r.key, options: r.options } };
			return { name: r.name, desc: r.desc, control: { type: "toggle", key: r.key } };
		};
		return [
			...GENERAL_ROWS.map(def),
			{ type: "group", heading: "Sections", items: SECTION_ROWS.map(def) },
			{ type: "group", heading: "Registry", items: REGISTRY_ROWS.map(def) },
		];
	}

	/** For apps before 1.13, which do not read the definitions. */
	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const row of GENERAL_ROWS) this.addRow(containerEl, row);
		new Setting(containerEl).setName("Sections").setHeading();
		for (const row of SECTION_ROWS) this.addRow(containerEl, row);
		new Setting(containerEl).setName("Registry").setHeading();
		for (const row of REGISTRY_ROWS) this.addRow(containerEl, row);
	}

	private addRow(containerEl: HTMLElement, row: Row): void {
		const setting = new Setting(containerEl).setName(row.name).setDesc(row.desc);
		const set = (value: unknown) => void this.setControlValue(row.key, value);
		if (row.kind === "text")
			setting.addText((t) =>
				t
					.setValue(String(this.getControlValue(row.key)))
					.onChange((v) => (row.validate(v) ? undefined : set(v))),
			);
		else if (row.kind === "dropdown")
			setting.addDropdown((d) =>
				d
					.addOptions(row.options)
					.setValue(String(this.getControlValue(row.key)))
					.onChange(set),
			);
		else setting.addToggle((t) => t.setValue(this.getControlValue(row.key) === true).onChange(set));
	}
}
