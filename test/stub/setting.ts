// Setting and PluginSettingTab of the `obsidian` module, for tests, with helpers that find
// a rendered Setting by name.
import type * as O from "obsidian";
import { DropdownComponent, TextComponent, ToggleComponent } from "./components";

type SettingComponent = ToggleComponent | TextComponent | DropdownComponent;

const settingsByEl = new WeakMap<Element, Setting>();

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: SettingComponent[] = [];

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
		settingsByEl.set(this.settingEl, this);
	}

	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}

	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	private add<C extends SettingComponent>(component: C, cb: (component: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
}

/** The Settings rendered inside `containerEl`, in document order. */
function settingsIn(containerEl: HTMLElement): Setting[] {
	return Array.from(containerEl.querySelectorAll(".setting-item"))
		.map((el) => settingsByEl.get(el))
		.filter((s): s is Setting => s !== undefined);
}

/** Test helper: the Setting whose name is `name`; throws if there is none. */
export function settingNamed(containerEl: HTMLElement, name: string): Setting {
	const found = settingsIn(containerEl).find((s) => s.nameEl.textContent === name);
	if (!found) throw new Error(`No setting named "${name}".`);
	return found;
}

export abstract class PluginSettingTab {
	app: O.App;
	plugin: O.Plugin;
	containerEl: HTMLElement;

	constructor(app: O.App, plugin: O.Plugin) {
		this.app = app;
		this.plugin = plugin;
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}

	display(): void {}
}

/** Test helper: what opening the tab in Obsidian's settings does; returns its containerEl. */
export function showSettingTab(tab: O.PluginSettingTab | PluginSettingTab): HTMLElement {
	const stubTab = tab as unknown as PluginSettingTab;
	activeDocument.body.appendChild(stubTab.containerEl);
	stubTab.display();
	return stubTab.containerEl;
}
