/**
 * The vault's registry in the plugin. Nothing happens while the plugin loads: `start` runs once the
 * workspace is ready, listens to the vault, and builds the registry in slices of at most SLICE_MS
 * of work, pausing between them so the app stays responsive. Then every create, modify, delete
 * and rename updates the notes concerned, and listeners hear which blocks' findings across notes
 * changed, so only those are drawn again.
 */
import { Component, TFile, type App, type TAbstractFile } from "obsidian";
import type { Finding } from "../core/findings";
import type { NoteLink } from "../parse/types";
import type { LinkedVnet, PlanResult } from "../plan/types";
import type { AllocContext } from "../allocate/types";
import { allocContextOf } from "../registry/allocation";
import { Registry } from "../registry/registry";
import { crossFindingsFor, registryBlockFor } from "../registry/view";
import { networkView, type NetworkView } from "../registry/network-view";
import { inRegistry, type AksIpSettings } from "../settings/settings";
import { linksTo, rewriteRenamed } from "./rename";

/**
 * Work per slice, in milliseconds: well under the 20 ms a frame-friendly task may take, leaving room
 * for a garbage collection or one long step landing in the slice.
 */
const SLICE_MS = 5;
/** Vault events are gathered this long before the registry is updated. */
const UPDATE_DELAY = 50;

const now = (): number => performance.now();

export class VaultRegistry extends Component {
	registry: Registry;
	ready = false;
	/** For tests and the benchmark: how the last build went. */
	readonly stats = { slices: 0, longestMs: 0 };
	private readonly listeners = new Set<(changed: ReadonlySet<string>) => void>();
	private readonly pending = new Set<string>();
	private timer: number | null = null;
	private queue: Promise<void> = Promise.resolve();
	/** Bumped by each rebuild and on unload: older async work sees it and stops. */
	private generation = 0;
	private started = false;
	private scope = "";

	constructor(
		private readonly app: App,
		private readonly settings: () => AksIpSettings,
	) {
		super();
		this.registry = this.newRegistry();
	}

	onunload(): void {
		this.generation++;
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
	}

	/** Listens to the vault and builds the registry: call it once the workspace is ready. */
	start(): void {
		if (this.started) return;
		this.started = true;
		const vault = this.app.vault;
		this.registerEvent(vault.on("create", (f) => this.touch(f)));
		this.registerEvent(vault.on("modify", (f) => this.touch(f)));
		this.registerEvent(vault.on("delete", (f) => this.touch(f)));
		this.registerEvent(vault.on("rename", (f, oldPath) => this.renamed(f, oldPath)));
		this.rebuild();
	}

	/** Called after a settings change: a new scope or default surge rebuilds; the rest re-checks. */
	settingsChanged(): void {
		if (!this.started) return;
		const s = this.settings();
		if (this.scopeKey(s) !== this.scope) return this.rebuild();
		this.registry.setReportUnconnected(s.reportUnconnected);
		this.schedule();
	}

	/** Runs `listener` with the keys of the blocks whose findings across notes changed. */
	onChange(listener: (changed: ReadonlySet<string>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Settles once the registry is built and every pending change is in. */
	async whenReady(): Promise<void> {
		while (!this.ready || this.pending.size > 0 || this.timer !== null) {
			await new Promise<void>((resolve) => window.setTimeout(resolve, UPDATE_DELAY));
			await this.queue;
		}
	}

	linkedVnet(link: NoteLink, sourcePath: string): LinkedVnet | null {
		return this.ready ? this.registry.linkedVnet(link, sourcePath) : null;
	}

	/** The findings across notes of a rendered block, with its block lines. */
	crossFindings(sourcePath: string, source: string, plan: PlanResult): Finding[] {
		return this.ready ? crossFindingsFor(this.registry, sourcePath, source, plan) : [];
	}

	/** What a block's proposals stay clear of: the ranges the rest of the estate holds (none while building). */
	allocContext(sourcePath: string, source: string): AllocContext | undefined {
		const block = this.ready && this.registry.checked ? registryBlockFor(this.registry, sourcePath, source) : null;
		return block ? allocContextOf(this.registry, sourcePath, block.index) : undefined;
	}

	/** What a network block shows from the registry, or null while it is not known. */
	networkView(sourcePath: string, source: string): NetworkView | null {
		const state = this.registry.checked;
		const block = this.ready && state ? registryBlockFor(this.registry, sourcePath, source) : null;
		return block && state ? networkView(this.registry, state, block) : null;
	}

	private newRegistry(): Registry {
		const s = this.settings();
		return new Registry({
			defaultMaxSurge: s.defaultMaxSurge,
			reportUnconnected: s.reportUnconnected,
			resolveLink: (linkpath, sourcePath) =>
				this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path ?? null,
		});
	}

	private scopeKey(s: AksIpSettings): string {
		return JSON.stringify([s.registryFolders, s.registryExcluded, s.defaultMaxSurge]);
	}

	private inScope(path: string): boolean {
		return path.toLowerCase().endsWith(".md") && inRegistry(path, this.settings());
	}

	private rebuild(): void {
		const generation = ++this.generation;
		this.ready = false;
		this.scope = this.scopeKey(this.settings());
		this.registry = this.newRegistry();
		this.pending.clear();
		// Never in the caller's task: the build starts with the next one.
		window.setTimeout(() => void this.enqueue(() => this.build(generation)), 0);
	}

	private enqueue(work: () => Promise<void>): Promise<void> {
		this.queue = this.queue.then(work).catch((e: unknown) => console.error("aks-ip: registry update failed", e));
		return this.queue;
	}

	private pause(): Promise<void> {
		return new Promise((resolve) => window.setTimeout(resolve, 0));
	}

	private async build(generation: number): Promise<void> {
		const files = this.app.vault.getMarkdownFiles().filter((f) => this.inScope(f.path));
		this.stats.slices = 0;
		this.stats.longestMs = 0;
		let start = now();
		const slice = async (): Promise<boolean> => {
			const spent = now() - start;
			this.stats.slices++;
			this.stats.longestMs = Math.max(this.stats.longestMs, spent);
			await this.pause();
			start = now();
			return generation === this.generation;
		};
		for (const file of files) {
			const text = await this.read(file);
			if (generation !== this.generation) return;
			if (text !== null) this.registry.setNote(file.path, text);
			if (now() - start >= SLICE_MS && !(await slice())) return;
		}
		while (!this.registry.settle(() => now() - start >= SLICE_MS)) if (!(await slice())) return;
		// The check across notes too: a full check of a large vault takes more than one slice.
		const steps = this.registry.checkSteps();
		let step = steps.next();
		while (!step.done) {
			if (now() - start >= SLICE_MS && !(await slice())) return;
			step = steps.next();
		}
		const changed = step.value;
		this.stats.slices++;
		this.stats.longestMs = Math.max(this.stats.longestMs, now() - start);
		this.ready = true;
		this.emit(changed);
		if (this.pending.size > 0) this.schedule();
	}

	private async read(file: TFile): Promise<string | null> {
		try {
			return await this.app.vault.cachedRead(file);
		} catch {
			return null; // gone since the list was taken
		}
	}

	private touch(file: TAbstractFile): void {
		// A folder (deleted, say): the notes the registry holds under it are read again.
		if (!(file instanceof TFile)) for (const path of this.notesUnder(file.path)) this.pending.add(path);
		else if (file.path.toLowerCase().endsWith(".md")) this.pending.add(file.path);
		this.schedule();
	}

	private notesUnder(folder: string): string[] {
		return [...this.registry.notes.keys()].filter((p) => p.startsWith(`${folder}/`));
	}

	private renamed(file: TAbstractFile, oldPath: string): void {
		if (!(file instanceof TFile)) {
			// A folder moved: its notes moved with it (their own rename events may follow; they find nothing left).
			for (const path of this.notesUnder(oldPath)) {
				const moved = `${file.path}${path.slice(oldPath.length)}`;
				this.registry.renameNote(path, moved);
				this.pending.add(moved);
			}
			this.schedule();
			return;
		}
		const rewrites = linksTo(this.registry, oldPath);
		if (this.registry.notes.has(oldPath)) this.registry.renameNote(oldPath, file.path);
		this.pending.add(file.path);
		this.schedule();
		if (rewrites.size > 0) void rewriteRenamed(this.app, file, oldPath, rewrites);
	}

	private schedule(): void {
		if (this.timer !== null) return;
		this.timer = window.setTimeout(() => {
			this.timer = null;
			void this.enqueue(() => this.update(this.generation));
		}, UPDATE_DELAY);
	}

	/** Reads the notes that changed, re-plans what depends on them, and re-checks. */
	private async update(generation: number): Promise<void> {
		if (!this.ready) return; // the build takes pending notes when it ends
		const paths = [...this.pending];
		this.pending.clear();
		for (const path of paths) {
			const file = this.app.vault.getAbstractFileByPath(path);
			const text = file instanceof TFile && this.inScope(path) ? await this.read(file) : null;
			if (generation !== this.generation) return;
			if (text === null) this.registry.removeNote(path);
			else this.registry.setNote(path, text);
		}
		let start = now();
		while (!this.registry.settle(() => now() - start >= SLICE_MS)) {
			await this.pause();
			if (generation !== this.generation) return;
			start = now();
		}
		this.emit(this.registry.check());
	}

	private emit(changed: ReadonlySet<string>): void {
		for (const listener of [...this.listeners]) {
			try {
				listener(changed);
			} catch (e) {
				console.error("aks-ip: a block could not be redrawn", e);
			}
		}
	}
}
