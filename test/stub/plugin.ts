// Plugin of the `obsidian` module, for tests: records what a plugin registers, keeps
// its data in memory, and runs its commands the way the command palette would.
import type * as O from "obsidian";
import manifestJson from "../../manifest.json";
import { App, MarkdownView } from "./app";
import { Component, loadingOf } from "./component";
import type { PluginSettingTab } from "./setting";

export type CodeBlockHandler = (
	source: string,
	el: HTMLElement,
	ctx: O.MarkdownPostProcessorContext,
) => Promise<unknown> | void;

export interface CodeBlockProcessor {
	language: string;
	handler: CodeBlockHandler;
}

export interface CommandRecord {
	/** The object Obsidian keeps: id and name carry the plugin prefix. */
	command: O.Command;
	/** The id and name as the plugin wrote them. */
	id: string;
	name: string;
}

/** What a plugin registered, and its saved data. */
export interface PluginRecord {
	codeBlockProcessors: CodeBlockProcessor[];
	commands: CommandRecord[];
	settingTabs: PluginSettingTab[];
	/** What loadData() returns (as a fresh copy); saveData() replaces it. */
	data: unknown;
	saves: number;
}

const records = new WeakMap<object, PluginRecord>();

/** Test helper: the record of a plugin created from the stub. */
export function inspect(plugin: O.Plugin | Plugin): PluginRecord {
	const record = records.get(plugin);
	if (!record) throw new Error("Not a stub plugin.");
	return record;
}

export const defaultManifest: O.PluginManifest = { ...manifestJson };

const copy = (data: unknown): unknown => (data === undefined ? null : JSON.parse(JSON.stringify(data)));

export abstract class Plugin extends Component {
	app: O.App;
	manifest: O.PluginManifest;

	constructor(app: O.App, manifest: O.PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
		records.set(this, {
			codeBlockProcessors: [],
			commands: [],
			settingTabs: [],
			data: null,
			saves: 0,
		});
	}

	private get record(): PluginRecord {
		return inspect(this);
	}

	private get registry(): Record<string, O.Command> {
		return (this.app as unknown as App).commands.commands;
	}

	addCommand(command: O.Command): O.Command {
		const record: CommandRecord = { command, id: command.id, name: command.name };
		command.id = `${this.manifest.id}:${command.id}`;
		command.name = `${this.manifest.name}: ${command.name}`;
		this.record.commands.push(record);
		this.registry[command.id] = command;
		this.register(() => this.removeCommand(record.id));
		return command;
	}

	private removeCommand(commandId: string): void {
		const full = `${this.manifest.id}:${commandId}`;
		this.record.commands = this.record.commands.filter((c) => c.command.id !== full);
		delete this.registry[full];
	}

	addSettingTab(settingTab: PluginSettingTab): void {
		this.record.settingTabs.push(settingTab);
	}

	registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockHandler): O.MarkdownPostProcessor {
		const entry: CodeBlockProcessor = { language, handler };
		this.record.codeBlockProcessors.push(entry);
		this.register(() => {
			this.record.codeBlockProcessors = this.record.codeBlockProcessors.filter((p) => p !== entry);
		});
		return () => undefined;
	}

	loadData(): Promise<unknown> {
		return Promise.resolve(copy(this.record.data));
	}

	saveData(data: unknown): Promise<void> {
		this.record.data = copy(data);
		this.record.saves++;
		return Promise.resolve();
	}
}

export interface LoadOptions {
	/** An App made beforehand (e.g. with its layout not ready yet); else one with `files`. */
	app?: App;
	files?: Record<string, string>;
	/** Contents of data.json before the plugin loads. */
	data?: unknown;
}

/** Test helper: constructs the plugin on a stub App, loads it and waits for onload(). */
export async function loadPlugin<P extends O.Plugin>(
	PluginClass: new (app: O.App, manifest: O.PluginManifest) => P,
	options: LoadOptions = {},
): Promise<{ plugin: P; app: App; record: PluginRecord }> {
	const app = options.app ?? new App({ files: options.files });
	const plugin = new PluginClass(app as unknown as O.App, defaultManifest);
	const record = inspect(plugin);
	record.data = copy(options.data);
	plugin.load();
	await loadingOf(plugin);
	return { plugin, app, record };
}

export interface CommandContext {
	editor?: O.Editor;
	view?: MarkdownView | O.MarkdownView;
}

/**
 * Test helper: runs a command as the palette would (id with or without the plugin prefix).
 * Editor commands use the given editor/view, else the workspace's active MarkdownView.
 * Check callbacks are asked first. Resolves to false if the command was not available,
 * after awaiting the callback's promise if it returned one.
 */
export async function runCommand(plugin: O.Plugin, id: string, context: CommandContext = {}): Promise<boolean> {
	const found = inspect(plugin).commands.find((c) => c.id === id || c.command.id === id);
	if (!found) throw new Error(`No command "${id}".`);
	const cmd = found.command;
	const app = plugin.app as unknown as App;
	const view = (context.view ?? app.workspace.getActiveViewOfType(MarkdownView)) as O.MarkdownView | null;
	const editor = context.editor ?? view?.editor;
	if (cmd.editorCheckCallback || cmd.editorCallback) {
		if (!editor || !view) return false;
		if (cmd.editorCheckCallback) {
			if (cmd.editorCheckCallback(true, editor, view) !== true) return false;
			cmd.editorCheckCallback(false, editor, view);
		} else {
			await Promise.resolve(cmd.editorCallback?.(editor, view));
		}
		return true;
	}
	if (cmd.checkCallback) {
		if (cmd.checkCallback(true) !== true) return false;
		cmd.checkCallback(false);
		return true;
	}
	if (!cmd.callback) return false;
	await Promise.resolve(cmd.callback());
	return true;
}
