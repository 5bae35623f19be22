/**
 * The plugin's commands. Ids are stable (Obsidian prefixes them with the plugin id); names leave
 * the plugin name out, which the palette shows; none has a default hotkey.
 */
import type { App, Command } from "obsidian";
import type { AksIpSettings } from "../settings/settings";
import type { VaultRegistry } from "../vault/registry-service";
import { blockAtCursor, convertSelection, insertTemplate, writeSummaryBelow } from "./editor";
import { fillMissingRanges, type BlockEstate } from "./fix";
import { TemplatePicker } from "./template-picker";
import { VaultCheckModal } from "./vault-modal";

/** What the commands need from the plugin; settings are read when a command runs. */
interface CommandHost {
	app: App;
	settings: AksIpSettings;
	addCommand(command: Command): Command;
	/** The vault's registry, for findings across notes. */
	vaultRegistry?: VaultRegistry;
}

export function registerCommands(host: CommandHost): void {
	host.addCommand({
		id: "insert-template",
		name: "Insert plan from template",
		editorCallback: (editor) =>
			new TemplatePicker(host.app, host.settings.defaultTemplate, (t) => insertTemplate(editor, t)).open(),
	});
	host.addCommand({
		id: "convert-selection",
		name: "Convert selection to plan",
		editorCheckCallback: (checking, editor) => {
			if (!editor.somethingSelected()) return false;
			if (!checking) convertSelection(editor);
			return true;
		},
	});
	host.addCommand({
		id: "write-summary",
		name: "Write summary below",
		editorCheckCallback: (checking, editor) => {
			const block = blockAtCursor(editor);
			if (!block) return false;
			if (!checking) writeSummaryBelow(editor, block, host.settings);
			return true;
		},
	});
	host.addCommand({
		id: "fill-missing-ranges",
		name: "Fill in missing ranges",
		editorCheckCallback: (checking, editor, ctx) => {
			const block = blockAtCursor(editor);
			if (!block) return false;
			const estate = () => estateOf(host.vaultRegistry, ctx.file?.path, block.body);
			if (!checking) fillMissingRanges(editor, block, host.settings.defaultMaxSurge, estate());
			return true;
		},
	});
	host.addCommand({
		id: "check-vault",
		name: "Check plans in vault",
		callback: () => new VaultCheckModal(host.app, host.settings, host.vaultRegistry).open(),
	});
}

/** What the vault's registry tells a block's proposals: the ranges to stay clear of, its linked network. */
function estateOf(registry: VaultRegistry | undefined, path: string | undefined, body: string): BlockEstate {
	if (!registry || path === undefined) return {};
	return { context: registry.allocContext(path, body), linkedVnet: (link) => registry.linkedVnet(link, path) };
}
