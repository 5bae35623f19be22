// Runtime stand-in for the `obsidian` package, which ships types only. vitest.config.mts
// aliases "obsidian" to this file, so src code runs against it while tsc checks src
// against the real obsidian.d.ts. It holds what src and the tests use, nothing more (see
// CONTRIBUTING.md, "The obsidian stub"). Tests import the extra helpers from here directly.
import { MarkdownRenderer, Notice } from "./stub/component";
import { openModals } from "./stub/modal";

export {
	Component,
	Events,
	MarkdownRenderChild,
	MarkdownRenderer,
	Notice,
	childrenOf,
	isLoaded,
	loadingOf,
} from "./stub/component";
export type { StubEventRef } from "./stub/component";
export { App, Editor, MarkdownView } from "./stub/app";
export { TFile } from "./stub/vault";
export { Modal, SuggestModal, chooseSuggestion, openModals, setQuery } from "./stub/modal";
export { DropdownComponent } from "./stub/components";
export { PluginSettingTab, Setting, settingNamed, showSettingTab } from "./stub/setting";
export { Plugin, defaultManifest, inspect, loadPlugin, runCommand } from "./stub/plugin";
export { makeContext, renderCodeBlock, sectionOf } from "./stub/context";

/** Test helper (run after each test by test/setup.ts): forgets notices and renders, closes modals. */
export function resetStubState(): void {
	Notice.messages.length = 0;
	MarkdownRenderer.calls.length = 0;
	for (const modal of [...openModals].reverse()) modal.close();
}
