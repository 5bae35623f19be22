// Runtime stand-in for the `obsidian` package, which ships types only. vitest.config.mts
// aliases "obsidian" to this file, so src code runs against it while tsc checks src
// against the real obsidian.d.ts. Tests import the extra helpers from here directly.
import { MarkdownRenderer, Notice } from "./stub/component";
import { openModals } from "./stub/modal";

export {
	Component,
	Events,
	MarkdownRenderChild,
	MarkdownRenderer,
	Notice,
	Platform,
	childrenOf,
	debounce,
	getLanguage,
	isLoaded,
	loadingOf,
	normalizePath,
	setIcon,
	setTooltip,
} from "./stub/component";
export type { RenderCall, StubEventRef } from "./stub/component";
export { App, Editor, MarkdownView, Workspace, WorkspaceLeaf } from "./stub/app";
export type { OpenRecord } from "./stub/app";
export { MetadataCache, TAbstractFile, TFile, TFolder, Vault } from "./stub/vault";
export type { VaultWrite } from "./stub/vault";
export {
	FuzzySuggestModal,
	Modal,
	SuggestModal,
	chooseItem,
	chooseSuggestion,
	openModals,
	setQuery,
} from "./stub/modal";
export {
	AbstractTextComponent,
	BaseComponent,
	ButtonComponent,
	DropdownComponent,
	ExtraButtonComponent,
	SliderComponent,
	TextAreaComponent,
	TextComponent,
	ToggleComponent,
	ValueComponent,
} from "./stub/components";
export { PluginSettingTab, Setting, settingNamed, settingsIn, showSettingTab } from "./stub/setting";
export { Plugin, defaultManifest, inspect, loadPlugin, runCommand } from "./stub/plugin";
export type {
	CodeBlockHandler,
	CodeBlockProcessor,
	CommandContext,
	CommandRecord,
	LoadOptions,
	PluginRecord,
} from "./stub/plugin";
export { FakeContext, makeContext, renderCodeBlock, sectionOf } from "./stub/context";
export type { ContextOptions, RenderOptions, SectionInfoSource } from "./stub/context";

/** Test helper (run after each test by test/setup.ts): forgets notices and renders, closes modals. */
export function resetStubState(): void {
	Notice.messages.length = 0;
	MarkdownRenderer.calls.length = 0;
	for (const modal of [...openModals].reverse()) modal.close();
}
