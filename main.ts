/** AKS IP planner: lifecycle and registrations only. */
import { Events, Plugin } from "obsidian";
import { registerCommands } from "./src/commands";
import { LANGUAGE } from "./src/note/blocks";
import { REGISTRY_LANGUAGE } from "./src/registry/query";
import { AksIpBlock } from "./src/view/block";
import { AksIpRegistryBlock } from "./src/view/registry-block";
import { DEFAULT_SETTINGS, mergeSettings, type AksIpSettings } from "./src/settings/settings";
import { AksIpSettingTab } from "./src/settings/tab";
import { VaultRegistry } from "./src/vault/registry-service";

export default class AksIpPlugin extends Plugin {
	settings: AksIpSettings = mergeSettings(DEFAULT_SETTINGS);
	/** The vault's registry: built once the workspace is ready, never while the plugin loads. */
	readonly vaultRegistry = new VaultRegistry(this.app, () => this.settings);
	private readonly settingsEvents = new Events();

	async onload(): Promise<void> {
		this.settings = mergeSettings(await this.loadData());
		// Loaded with the plugin and unloaded with it, but not a child: children are render children.
		this.vaultRegistry.load();
		this.register(() => this.vaultRegistry.unload());
		this.registerMarkdownCodeBlockProcessor(LANGUAGE, (source, el, ctx) => {
			const block = new AksIpBlock(el, source, ctx, this);
			block.render();
			ctx.addChild(block);
		});
		this.registerMarkdownCodeBlockProcessor(REGISTRY_LANGUAGE, (source, el, ctx) => {
			const block = new AksIpRegistryBlock(el, source, ctx, this);
			block.render();
			ctx.addChild(block);
		});
		this.addSettingTab(new AksIpSettingTab(this.app, this));
		registerCommands(this);
		this.register(this.onSettingsChange(() => this.vaultRegistry.settingsChanged()));
		this.app.workspace.onLayoutReady(() => this.vaultRegistry.start());
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
