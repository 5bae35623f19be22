// App, workspace, views and the Editor base class of the `obsidian` module, for tests: a
// workspace whose active view tests set, and records of what was opened.
import type * as O from "obsidian";
import { Component, Events } from "./component";
import { MetadataCache, Vault } from "./vault";
import type { TFile } from "./vault";

/** Placeholder for Obsidian's abstract Editor; the non-abstract methods work as in Obsidian. */
export abstract class Editor {
	abstract getValue(): string;
	abstract getLine(line: number): string;
	abstract lineCount(): number;
	abstract getCursor(side?: "from" | "to" | "head" | "anchor"): O.EditorPosition;
	abstract setSelection(anchor: O.EditorPosition, head?: O.EditorPosition): void;
	abstract replaceRange(replacement: string, from: O.EditorPosition, to?: O.EditorPosition, origin?: string): void;
	abstract offsetToPos(offset: number): O.EditorPosition;
	abstract transaction(tx: O.EditorTransaction, origin?: string): void;

	getDoc(): this {
		return this;
	}

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	somethingSelected(): boolean {
		const from = this.getCursor("from");
		const to = this.getCursor("to");
		return from.line !== to.line || from.ch !== to.ch;
	}

	setCursor(pos: O.EditorPosition | number, ch?: number): void {
		this.setSelection(typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos);
	}

	processLines<T>(
		read: (line: number, lineText: string) => T | null,
		write: (line: number, lineText: string, value: T | null) => O.EditorChange | void,
		ignoreEmpty = false,
	): void {
		const changes: O.EditorChange[] = [];
		for (let n = 0; n < this.lineCount(); n++) {
			const text = this.getLine(n);
			if (ignoreEmpty && text.trim() === "") continue;
			const change = write(n, text, read(n, text));
			if (change) changes.push(change);
		}
		if (changes.length > 0) this.transaction({ changes });
	}
}

export interface OpenRecord {
	via: "openLinkText" | "openFile";
	path: string;
	sourcePath?: string;
	newLeaf?: unknown;
	state?: O.OpenViewState;
}

export class WorkspaceLeaf extends Events {
	view: MarkdownView | null = null;

	constructor(readonly workspace: Workspace) {
		super();
	}

	openFile(file: TFile, openState?: O.OpenViewState): Promise<void> {
		this.workspace.opened.push({ via: "openFile", path: file.path, state: openState });
		return Promise.resolve();
	}

	getViewState(): O.ViewState {
		return { type: this.view?.getViewType() ?? "empty" };
	}

	detach(): void {
		this.workspace.leaves = this.workspace.leaves.filter((leaf) => leaf !== this);
	}
}

export class MarkdownView extends Component {
	app: App | null = null;
	leaf: WorkspaceLeaf | null;
	editor: O.Editor;
	file: TFile | null;
	containerEl: HTMLElement = createDiv({ cls: "workspace-leaf-content" });
	/** Test helper: what getMode() answers. */
	mode: O.MarkdownViewModeType = "source";

	constructor(leaf: WorkspaceLeaf | null, editor: O.Editor, file: TFile | null = null) {
		super();
		this.leaf = leaf;
		this.editor = editor;
		this.file = file;
		if (leaf) {
			leaf.view = this;
			this.app = leaf.workspace.app;
		}
	}

	getViewType(): string {
		return "markdown";
	}

	getMode(): O.MarkdownViewModeType {
		return this.mode;
	}

	getViewData(): string {
		return this.editor.getValue();
	}

	setViewData(data: string, clear: boolean): void {
		this.editor.setValue(data);
	}

	/** Writes the editor's text to the vault file, as Obsidian's autosave does. */
	async save(): Promise<void> {
		if (this.file && this.app) await this.app.vault.modify(this.file, this.editor.getValue());
	}
}

export class Workspace extends Events {
	layoutReady = true;
	leaves: WorkspaceLeaf[] = [];
	activeEditor: O.MarkdownFileInfo | null = null;
	/** Test helper: the view getActiveViewOfType() looks at. */
	activeView: MarkdownView | null = null;
	/** Test helper: every openLinkText / leaf.openFile call, oldest first. */
	readonly opened: OpenRecord[] = [];

	constructor(readonly app: App) {
		super();
	}

	/** Test helper: makes `view` the active one (null: none) and fires active-leaf-change. */
	setActiveView(view: MarkdownView | null): void {
		this.activeView = view;
		if (view && !view.leaf) {
			view.leaf = this.getLeaf(true);
			view.leaf.view = view;
		}
		if (view?.leaf && !this.leaves.includes(view.leaf)) this.leaves.push(view.leaf);
		if (view) view.app = this.app;
		this.activeEditor = view ? (view as unknown as O.MarkdownFileInfo) : null;
		this.trigger("active-leaf-change", view?.leaf ?? null);
	}

	getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
		return this.activeView instanceof type ? this.activeView : null;
	}

	getActiveFile(): TFile | null {
		return this.activeView?.file ?? null;
	}

	getLeaf(newLeaf?: O.PaneType | boolean): WorkspaceLeaf {
		const current = this.activeView?.leaf;
		if (!newLeaf && current) return current;
		const leaf = new WorkspaceLeaf(this);
		this.leaves.push(leaf);
		return leaf;
	}

	getLeavesOfType(viewType: string): WorkspaceLeaf[] {
		return this.leaves.filter((leaf) => leaf.view?.getViewType() === viewType);
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of [...this.leaves]) callback(leaf);
	}

	openLinkText(
		linktext: string,
		sourcePath: string,
		newLeaf?: O.PaneType | boolean,
		openViewState?: O.OpenViewState,
	): Promise<void> {
		this.opened.push({ via: "openLinkText", path: linktext, sourcePath, newLeaf, state: openViewState });
		return Promise.resolve();
	}

	onLayoutReady(callback: () => unknown): void {
		callback();
	}
}

export class App {
	vault: Vault;
	workspace: Workspace;
	metadataCache: MetadataCache;
	/** Commands added by plugins, by full id ("aks-ip:insert-plan"). */
	commands: { commands: Record<string, O.Command> } = { commands: {} };
	private readonly storage = new Map<string, unknown>();

	/** `files` maps vault paths to text; they are created synchronously. */
	constructor(init: { files?: Record<string, string> } = {}) {
		this.vault = new Vault();
		this.workspace = new Workspace(this);
		this.metadataCache = new MetadataCache(this.vault);
		for (const [path, text] of Object.entries(init.files ?? {})) void this.vault.create(path, text);
	}

	isDarkMode(): boolean {
		return false;
	}

	loadLocalStorage(key: string): unknown {
		return this.storage.get(key) ?? null;
	}

	saveLocalStorage(key: string, data: unknown): void {
		if (data === null || data === undefined) this.storage.delete(key);
		else this.storage.set(key, data);
	}
}
