// Files and vault of the `obsidian` module, for tests: an in-memory vault.
import type * as O from "obsidian";

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

/** In-memory vault. Paths are vault-relative, like "notes/prod.md". */
export class Vault {
	private readonly root: TFolder = new TFolder(this, "/");
	private readonly entries = new Map<string, TAbstractFile>();
	private readonly contents = new Map<TFile, string>();

	getFileByPath(path: string): TFile | null {
		const f = this.entries.get(path);
		return f instanceof TFile ? f : null;
	}

	getMarkdownFiles(): TFile[] {
		return [...this.contents.keys()].filter((f) => f.extension === "md");
	}

	/** Test helper (synchronous, unlike Obsidian's): adds a file with its text. */
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
		return file;
	}

	read(file: TFile): Promise<string> {
		const data = this.contents.get(file);
		return data === undefined ? Promise.reject(new Error(`No such file: ${file.path}`)) : Promise.resolve(data);
	}

	cachedRead(file: TFile): Promise<string> {
		return this.read(file);
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
