// Files, vault and metadata cache of the `obsidian` module, for tests: an in-memory vault
// that records every write.
import type * as O from "obsidian";
import { Events } from "./component";

export abstract class TAbstractFile {
	vault!: Vault;
	path: string;
	name: string;
	parent: TFolder | null = null;

	constructor(vault?: Vault, path = "") {
		if (vault) this.vault = vault;
		this.path = path;
		this.name = path.slice(path.lastIndexOf("/") + 1);
	}
}

export class TFile extends TAbstractFile {
	stat: O.FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename: string;
	extension: string;

	constructor(vault?: Vault, path = "") {
		super(vault, path);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
	}
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];

	isRoot(): boolean {
		return this.path === "/";
	}
}

export interface VaultWrite {
	via: "create" | "modify" | "process" | "append";
	path: string;
	data: string;
}

/** In-memory vault. Paths are vault-relative, like "notes/prod.md". */
export class Vault extends Events {
	/** Not the default name, so code that hardcodes the config folder shows up in tests. */
	configDir = ".vault-config";
	/** Test helper: every write, oldest first. */
	readonly writes: VaultWrite[] = [];
	private readonly root: TFolder = new TFolder(this, "/");
	private readonly entries = new Map<string, TAbstractFile>();
	private readonly contents = new Map<TFile, string>();

	getName(): string {
		return "test-vault";
	}

	getRoot(): TFolder {
		return this.root;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return path === "/" || path === "" ? this.root : (this.entries.get(path) ?? null);
	}

	getFileByPath(path: string): TFile | null {
		const f = this.entries.get(path);
		return f instanceof TFile ? f : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFolder ? f : null;
	}

	getFiles(): TFile[] {
		return [...this.contents.keys()];
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [this.root, ...this.entries.values()];
	}

	createFolder(path: string): Promise<TFolder> {
		return Promise.resolve(this.folder(path));
	}

	create(path: string, data: string): Promise<TFile> {
		if (this.entries.has(path)) return Promise.reject(new Error("File already exists."));
		const slash = path.lastIndexOf("/");
		const parent = this.folder(slash > 0 ? path.slice(0, slash) : "/");
		const file = new TFile(this, path);
		file.parent = parent;
		parent.children.push(file);
		this.entries.set(path, file);
		this.write(file, data, "create");
		this.trigger("create", file);
		return Promise.resolve(file);
	}

	read(file: TFile): Promise<string> {
		const data = this.contents.get(file);
		return data === undefined ? Promise.reject(new Error(`No such file: ${file.path}`)) : Promise.resolve(data);
	}

	cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}

	async modify(file: TFile, data: string): Promise<void> {
		await this.read(file);
		this.write(file, data, "modify");
		this.trigger("modify", file);
	}

	async append(file: TFile, data: string): Promise<void> {
		this.write(file, (await this.read(file)) + data, "append");
		this.trigger("modify", file);
	}

	/** Atomic read-modify-write, like Obsidian's: fn runs synchronously on the current text. */
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const next = fn(await this.read(file));
		this.write(file, next, "process");
		this.trigger("modify", file);
		return next;
	}

	private write(file: TFile, data: string, via: VaultWrite["via"]): void {
		const now = Date.now();
		this.contents.set(file, data);
		file.stat = { ctime: file.stat.ctime || now, mtime: now, size: data.length };
		this.writes.push({ via, path: file.path, data });
	}

	private folder(path: string): TFolder {
		if (path === "/" || path === "") return this.root;
		const existing = this.entries.get(path);
		if (existing instanceof TFolder) return existing;
		if (existing) throw new Error(`Not a folder: ${path}`);
		const slash = path.lastIndexOf("/");
		const parent = this.folder(slash > 0 ? path.slice(0, slash) : "/");
		const folder = new TFolder(this, path);
		folder.parent = parent;
		parent.children.push(folder);
		this.entries.set(path, folder);
		return folder;
	}
}

export class MetadataCache extends Events {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};

	constructor(private readonly vault: Vault) {
		super();
	}

	getFileCache(file: TFile): O.CachedMetadata | null {
		return null;
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const path = linkpath.split("#")[0] ?? "";
		return this.vault.getFileByPath(path) ?? this.vault.getFileByPath(`${path}.md`);
	}
}
