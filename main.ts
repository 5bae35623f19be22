/** AKS IP planner: lifecycle and registrations only. */
import { Events, Plugin } from "obsidian";
import { registerCommands } from "./src/commands";
import { LANGUAGE } from "./src/note/blocks";
import { AksIpBlock } from "./src/view/block";
import { DEFAULT_SETTINGS, mergeSettings, type AksIpSettings } from "./src/settings/settings";
import { AksIpSettingTab } from "./src/settings/tab";

export default class AksIpPlugin extends Plugin {
	settings: AksIpSettings = mergeSettings(DEFAULT_SETTINGS);
	private readonly settingsEvents = new Events();

	async onload(): Promise<void> {
		this.settings = mergeSettings(await this.loadData());
		this.registerMarkdownCodeBlockProcessor(LANGUAGE, (source, el, ctx) => {
			const block = new AksIpBlock(el, source, ctx, this);
			block.render();
			ctx.addChild(block);
		});
		this.addSettingTab(new AksIpSettingTab(this.app, this));
		registerCommands(this);
	}

	onSettingsChange(listener: () => void): () => void {
		const ref = this.settingsEvents.on("change", listener);
		return () => this.settingsEvents.offref(ref);
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		this.settingsEvents.trigger("change");
	}
}
