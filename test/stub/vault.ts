// Files, vault and metadata cache of the `obsidian` module, for tests: an in-memory vault that
// fires Obsidian's vault events and records every write.
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
}

export interface VaultWrite {
	via: "modify" | "process";
	path: string;
	data: string;
}

/** In-memory vault. Paths are vault-relative, like "notes/prod.md". */
export class Vault extends Events {
	/** Test helper: every write, oldest first. */
	readonly writes: VaultWrite[] = [];
	private readonly root: TFolder = new TFolder(this, "/");
	private readonly entries = new Map<string, TAbstractFile>();
	private readonly contents = new Map<TFile, string>();

	getFileByPath(path: string): TFile | null {
		const f = this.entries.get(path);
		return f instanceof TFile ? f : null;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return path === "/" || path === "" ? this.root : (this.entries.get(path) ?? null);
	}

	getMarkdownFiles(): TFile[] {
		return [...this.contents.keys()].filter((f) => f.extension === "md");
	}

	/** Test helper (synchronous, unlike Obsidian's): adds a file with its text, then fires "create". */
	create(path: string, data: string): TFile {
		if (this.entries.has(path)) throw new Error("File already exists.");
		const slash = path.lastIndexOf("/");
		const parent = this.folder(slash > 0 ? path.slice(0, slash) : "/");
		const file = new TFile(this, path);
		file.parent = parent;
		parent.children.push(file);
		this.entries.set(path, file);
		const now = Date.now();
		file.stat = { ctime: now, mtime: now, size: data.length };
		this.contents.set(file, data);
		this.trigger("create", file);
		return file;
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
	}

	/** Atomic read-modify-write, like Obsidian's: fn runs synchronously on the current text. */
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const next = fn(await this.read(file));
		this.write(file, next, "process");
		return next;
	}

	/** Moves a file (no link updates, as Vault#rename), then fires "rename" with the old path. */
	rename(file: TAbstractFile, newPath: string): Promise<void> {
		if (this.entries.has(newPath)) return Promise.reject(new Error("Destination file already exists!"));
		const oldPath = file.path;
		this.entries.delete(oldPath);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		const slash = newPath.lastIndexOf("/");
		const parent = this.folder(slash > 0 ? newPath.slice(0, slash) : "/");
		file.path = newPath;
		file.name = newPath.slice(slash + 1);
		if (file instanceof TFile) {
			const dot = file.name.lastIndexOf(".");
			file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
			file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
		}
		file.parent = parent;
		parent.children.push(file);
		this.entries.set(newPath, file);
		this.trigger("rename", file, oldPath);
		return Promise.resolve();
	}

	/** Test helper behind FileManager#trashFile: the file goes, then "delete" fires. */
	removeFile(file: TAbstractFile): void {
		this.entries.delete(file.path);
		if (file instanceof TFile) this.contents.delete(file);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.trigger("delete", file);
	}

	/** Writes and fires "modify", as Obsidian does once the file is saved. */
	private write(file: TFile, data: string, via: VaultWrite["via"]): void {
		this.contents.set(file, data);
		file.stat = { ...file.stat, mtime: Date.now(), size: data.length };
		this.writes.push({ via, path: file.path, data });
		this.trigger("modify", file);
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

/** Link resolution of the metadata cache, over the vault's files. */
export class MetadataCache {
	constructor(private readonly vault: Vault) {}

	/**
	 * As Obsidian resolves a link: a path from the vault root (with or without ".md"), else the
	 * notes whose path ends with it, without regard to case; of several, the one in the linking
	 * note's folder, else the shortest path.
	 */
	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const path = (linkpath.split("#")[0] ?? "").trim();
		const exact = this.vault.getFileByPath(path) ?? this.vault.getFileByPath(`${path}.md`);
		if (exact) return exact;
		const want = (path.toLowerCase().endsWith(".md") ? path : `${path}.md`).toLowerCase();
		const matches = this.vault
			.getMarkdownFiles()
			.filter((f) => f.path.toLowerCase() === want || f.path.toLowerCase().endsWith(`/${want}`));
		const folder = sourcePath.includes("/") ? sourcePath.slice(0, sourcePath.lastIndexOf("/")) : "";
		const here = matches.find((f) => (f.parent?.path === "/" ? "" : (f.parent?.path ?? "")) === folder);
		return here ?? matches.sort((a, b) => a.path.length - b.path.length)[0] ?? null;
	}

	/** The file's name when no other file has it, else its path ("Folder/Note"). */
	fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
		const same = this.vault.getMarkdownFiles().filter((f) => f.name.toLowerCase() === file.name.toLowerCase());
		const text = same.length === 1 ? file.name : file.path;
		return omitMdExtension && file.extension === "md" ? text.slice(0, -3) : text;
	}
}
