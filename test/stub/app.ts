// App, workspace, views and the Editor base class of the `obsidian` module, for tests: a
// workspace whose active view tests set, and records of the files opened.
import type * as O from "obsidian";
import { Component } from "./component";
import { MetadataCache, Vault } from "./vault";
import type { TAbstractFile, TFile } from "./vault";

/** Obsidian's abstract Editor, as a base class: test/editor-fake.ts implements what src calls. */
export abstract class Editor {}

export interface OpenRecord {
	via: "openFile" | "openLinkText";
	path: string;
	sourcePath?: string;
	state?: O.OpenViewState;
}

export class WorkspaceLeaf {
	view: MarkdownView | null = null;

	constructor(readonly workspace: Workspace) {}

	openFile(file: TFile, openState?: O.OpenViewState): Promise<void> {
		this.workspace.opened.push({ via: "openFile", path: file.path, state: openState });
		return Promise.resolve();
	}
}

export class MarkdownView extends Component {
	app: App | null = null;
	leaf: WorkspaceLeaf | null;
	editor: O.Editor;
	file: TFile | null;

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
}

export class Workspace {
	layoutReady = true;
	private readonly layoutCallbacks: (() => unknown)[] = [];
	/** Test helper: the view getActiveViewOfType() looks at. */
	activeView: MarkdownView | null = null;
	/** Test helper: every leaf.openFile and openLinkText call, oldest first. */
	readonly opened: OpenRecord[] = [];

	constructor(readonly app: App) {}

	/** Test helper: makes `view` the active one (null: none). */
	setActiveView(view: MarkdownView | null): void {
		this.activeView = view;
		if (view && !view.leaf) {
			view.leaf = this.getLeaf(true);
			view.leaf.view = view;
		}
		if (view) view.app = this.app;
	}

	getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
		return this.activeView instanceof type ? this.activeView : null;
	}

	getLeaf(newLeaf?: O.PaneType | boolean): WorkspaceLeaf {
		const current = this.activeView?.leaf;
		return !newLeaf && current ? current : new WorkspaceLeaf(this);
	}

	openLinkText(
		linktext: string,
		sourcePath: string,
		newLeaf?: O.PaneType | boolean,
		openViewState?: O.OpenViewState,
	): Promise<void> {
		this.opened.push({ via: "openLinkText", path: linktext, sourcePath, state: openViewState });
		return Promise.resolve();
	}

	/** Runs `callback` now when the layout is ready, else when setLayoutReady() is called. */
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.layoutCallbacks.push(callback);
	}

	/** Test helper: the layout becomes ready, as after Obsidian's start-up. */
	setLayoutReady(): void {
		this.layoutReady = true;
		for (const callback of this.layoutCallbacks.splice(0)) callback();
	}
}

/** File operations that respect the user's preferences. */
export class FileManager {
	constructor(private readonly vault: Vault) {}

	trashFile(file: TAbstractFile): Promise<void> {
		this.vault.removeFile(file);
		return Promise.resolve();
	}
}

export class App {
	vault: Vault;
	workspace: Workspace;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	/** Commands added by plugins, by full id ("aks-ip:insert-plan"). */
	commands: { commands: Record<string, O.Command> } = { commands: {} };

	/** `files` maps vault paths to text; they are created synchronously. */
	constructor(init: { files?: Record<string, string> } = {}) {
		this.vault = new Vault();
		this.workspace = new Workspace(this);
		this.metadataCache = new MetadataCache(this.vault);
		this.fileManager = new FileManager(this.vault);
		for (const [path, text] of Object.entries(init.files ?? {})) this.vault.create(path, text);
	}
}
