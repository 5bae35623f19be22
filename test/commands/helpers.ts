// Shared set-up for the command tests: the plugin loaded on a stub App, and a FakeEditor as the
// active Markdown view's editor.
import type { EditorPosition } from "obsidian";
import AksIpPlugin from "../../main";
import { FakeEditor } from "../editor-fake";
import { MarkdownView, TFile, loadPlugin, openModals } from "../obsidian-stub";

export async function withEditor(text: string, cursor: EditorPosition = { line: 0, ch: 0 }, data?: unknown) {
	const loaded = await loadPlugin(AksIpPlugin, { data });
	const editor = new FakeEditor(text, cursor);
	loaded.app.workspace.setActiveView(new MarkdownView(null, editor, new TFile(loaded.app.vault, "notes/plan.md")));
	return { ...loaded, editor };
}

/** The modal opened last, typed as the class the test expects. */
export function lastModal<T>(type: abstract new (...args: never[]) => T): T {
	const modal = openModals.at(-1);
	if (!(modal instanceof (type as unknown as typeof Object))) throw new Error(`No open ${type.name}.`);
	return modal as unknown as T;
}

/** Waits for pending timers and promises to run (one macrotask). */
export function tick(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}
