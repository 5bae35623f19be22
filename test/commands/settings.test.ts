import { describe, expect, it } from "vitest";
import AksIpPlugin from "../../main";
import { TemplatePicker } from "../../src/commands/template-picker";
import { DEFAULT_SETTINGS, mergeSettings } from "../../src/settings/settings";
import type { AksIpSettingTab } from "../../src/settings/tab";
import { TEMPLATES } from "../../src/templates/templates";
import {
	DropdownComponent,
	inspect,
	loadPlugin,
	runCommand,
	setQuery,
	settingNamed,
	showSettingTab,
} from "../obsidian-stub";
import { lastModal, withEditor } from "./helpers";

const DEFAULTS_COPY = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as unknown;

describe("mergeSettings", () => {
	it.each([undefined, null, 42, "text", [], [1, 2], true])("gives fresh defaults for %j", (saved) => {
		const s = mergeSettings(saved);
		expect(s).toEqual(DEFAULT_SETTINGS);
		expect(s).not.toBe(DEFAULT_SETTINGS);
		expect(s.sections).not.toBe(DEFAULT_SETTINGS.sections);
	});

	it("fills missing keys from the defaults and drops unknown ones", () => {
		const s = mergeSettings({
			defaultMaxSurge: "33%",
			sections: { map: false, bogus: true },
			theme: "dark",
			version: 3,
		});
		expect(s).toEqual({
			...DEFAULT_SETTINGS,
			defaultMaxSurge: "33%",
			sections: { ...DEFAULT_SETTINGS.sections, map: false },
		});
		expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
		expect(Object.keys(s.sections).sort()).toEqual(Object.keys(DEFAULT_SETTINGS.sections).sort());
	});

	it("replaces values of the wrong type or out of range with the defaults", () => {
		const s = mergeSettings({
			defaultTemplate: 3,
			defaultMaxSurge: 10,
			sections: "all",
			summaryHeadingLevel: "3",
			showSuppressed: "yes",
		});
		expect(s).toEqual(DEFAULT_SETTINGS);
		expect(
			mergeSettings({ defaultMaxSurge: "150%", summaryHeadingLevel: 9, sections: { table: "no", pools: 0 } }),
		).toEqual(DEFAULT_SETTINGS);
		expect(mergeSettings({ summaryHeadingLevel: 2.5 }).summaryHeadingLevel).toBe(2);
	});

	it("keeps a default template only if it names a template", () => {
		for (const t of TEMPLATES) expect(mergeSettings({ defaultTemplate: t.id }).defaultTemplate).toBe(t.id);
		expect(mergeSettings({ defaultTemplate: " Kubenet " }).defaultTemplate).toBe("kubenet");
		for (const bad of ["", "azure-cni", "Azure CNI Overlay (recommended)", "__proto__"]) {
			expect(mergeSettings({ defaultTemplate: bad }).defaultTemplate).toBe("overlay");
		}
	});

	it("reads old or partial data saved by earlier versions", () => {
		expect(mergeSettings({ defaultMaxSurge: " 2 " })).toEqual({ ...DEFAULT_SETTINGS, defaultMaxSurge: "2" });
		expect(mergeSettings({ sections: { summary: false } }).sections).toEqual({
			...DEFAULT_SETTINGS.sections,
			summary: false,
		});
		expect(mergeSettings({ showSuppressed: false, summaryHeadingLevel: 4 })).toEqual({
			...DEFAULT_SETTINGS,
			showSuppressed: false,
			summaryHeadingLevel: 4,
		});
	});

	it("round-trips through JSON unchanged", () => {
		const s = mergeSettings({
			defaultTemplate: "hub-spoke",
			defaultMaxSurge: "1",
			sections: { map: false },
			summaryHeadingLevel: 3,
			showSuppressed: false,
		});
		expect(mergeSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
	});

	it("never mutates the defaults", () => {
		const s = mergeSettings({});
		s.sections.map = false;
		s.defaultTemplate = "kubenet";
		mergeSettings({ sections: { table: false }, defaultTemplate: "dual-stack" });
		expect(DEFAULT_SETTINGS).toEqual(DEFAULTS_COPY);
		expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
		expect(Object.isFrozen(DEFAULT_SETTINGS.sections)).toBe(true);
	});
});

describe("the default template setting", () => {
	it("is a dropdown of the templates that saves, survives a reload and orders the picker", async () => {
		const { plugin, record } = await loadPlugin(AksIpPlugin, { data: { defaultMaxSurge: "2", unknown: 1 } });
		const tab = record.settingTabs[0] as unknown as AksIpSettingTab;
		const el = showSettingTab(tab);
		const dropdown = settingNamed(el, "Default template").components[0] as DropdownComponent;
		expect(dropdown.options()).toEqual(TEMPLATES.map((t) => t.id));
		expect(dropdown.getValue()).toBe("overlay");
		expect(dropdown.selectEl.options[0]?.textContent).toBe(TEMPLATES[0]?.name);
		dropdown.change("pod-subnet-static");
		await Promise.resolve();
		expect(plugin.settings.defaultTemplate).toBe("pod-subnet-static");
		expect(record.data).toEqual({
			...DEFAULT_SETTINGS,
			defaultTemplate: "pod-subnet-static",
			defaultMaxSurge: "2",
		});

		const reloaded = await loadPlugin(AksIpPlugin, { data: record.data });
		expect(reloaded.plugin.settings).toEqual(plugin.settings);

		const { plugin: p2 } = await withEditor("", undefined, record.data);
		await runCommand(p2, "insert-template");
		expect((await setQuery(lastModal(TemplatePicker), ""))[0]?.id).toBe("pod-subnet-static");
	});

	it("ignores values that are not template ids", async () => {
		const { plugin, record } = await loadPlugin(AksIpPlugin);
		const tab = record.settingTabs[0] as unknown as AksIpSettingTab;
		await tab.setControlValue("defaultTemplate", "nope");
		await tab.setControlValue("defaultTemplate", 7);
		expect(plugin.settings.defaultTemplate).toBe("overlay");
		expect(inspect(plugin).saves).toBe(0);
	});

	it("is among the declarative setting definitions", async () => {
		const { record } = await loadPlugin(AksIpPlugin);
		const tab = record.settingTabs[0] as unknown as AksIpSettingTab;
		const def = tab.getSettingDefinitions().find((d) => "name" in d && d.name === "Default template");
		expect(def).toMatchObject({
			control: {
				type: "dropdown",
				key: "defaultTemplate",
				options: Object.fromEntries(TEMPLATES.map((t) => [t.id, t.name])),
			},
		});
		expect(tab.getControlValue("defaultTemplate")).toBe("overlay");
	});
});

describe("command registration", () => {
	it("registers the five commands with stable ids, sentence-case names and no hotkeys", async () => {
		const { record } = await loadPlugin(AksIpPlugin);
		expect(record.commands.map((c) => [c.id, c.name])).toEqual([
			["insert-template", "Insert plan from template"],
			["convert-selection", "Convert selection to plan"],
			["write-summary", "Write summary below"],
			["fill-missing-ranges", "Fill in missing ranges"],
			["check-vault", "Check plans in vault"],
		]);
		for (const { command } of record.commands) expect(command.hotkeys).toBeUndefined();
		expect(record.commands.map((c) => c.command.id)).toEqual([
			"aks-ip:insert-template",
			"aks-ip:convert-selection",
			"aks-ip:write-summary",
			"aks-ip:fill-missing-ranges",
			"aks-ip:check-vault",
		]);
	});
});
