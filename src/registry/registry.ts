/**
 * The vault's address registry: every `aks-ip` block of every note, planned, with its ranges and
 * its links resolved, and the findings that only show across notes. Pure: the plugin and the
 * command line feed it notes and ask it questions; it reads nothing itself.
 *
 * Notes change one at a time (`setNote`, `removeNote`, `renameNote`); a cluster whose VNet is a
 * link is planned with what the linked note says, and re-planned when that changes (`settle`,
 * which can run in slices); `check` then runs the rules across notes and says which blocks'
 * findings changed.
 */
import type { Finding } from "../core/findings";
import { findBlocks, LANGUAGE } from "../note/blocks";
import { mayHoldFence } from "../note/fences";
import type { NoteLink } from "../parse/types";
import { planBody } from "../plan/plan";
import type { LinkedVnet } from "../plan/types";
import { CrossCheck, type CheckState } from "./check";
import { drain, itemsOf, mergeSortedSteps, type RangeItem } from "./items";
import { envKey, registryPlan, topoKey, type RegistryPlan } from "./linked";
import { NoteIndex, noteRef } from "./links";

export interface RegistryBlock {
	/** `path` and block index: unique in the registry. */
	key: string;
	path: string;
	index: number;
	/** 1-based line of the opening fence (0 for a bare spec file). */
	fenceLine: number;
	body: string;
	/** What the registry keeps of the block's plan, with note lines (the block is planned lean). */
	plan: RegistryPlan;
	items: RangeItem[];
	/** Where the `vnet` link and each `peered` link lead (a note path), or null when nowhere. */
	vnetTarget: string | null;
	peerTargets: (string | null)[];
	/** What the linked VNet was when the block was planned ("" without a vnet link). */
	envKey: string;
	/** Findings across notes, with note lines, from the last check. */
	cross: Finding[];
}

export interface RegistryNote {
	path: string;
	blocks: RegistryBlock[];
}

export interface RegistryOptions {
	/**
	 * Resolves a link path written in `sourcePath` to a note path (Obsidian: metadataCache's
	 * getFirstLinkpathDest). By default, among the registry's own notes, as NoteIndex does.
	 */
	resolveLink?: (linkpath: string, sourcePath: string) => string | null;
	defaultMaxSurge?: string;
	/** Report overlaps between networks that are not connected (warnings); true by default. */
	reportUnconnected?: boolean;
}

const BARE = /\.(ya?ml|json)$/i;
/** A `vnet:` key whose value may be a link: such a note is planned with what the linked note says. */
const VNET_LINK = /\bvnet\s*:\s*["']?\[\[/;

export interface NoteInput {
	path: string;
	text: string;
	/** A bare spec file (see setNote). */
	bare?: boolean;
}

export class Registry {
	readonly notes = new Map<string, RegistryNote>();
	private readonly index = new NoteIndex();
	/** Note paths whose vnet-linked blocks must be looked at again. */
	private readonly pending = new Set<string>();
	/** Target note path → note paths with a block whose vnet links it. */
	private readonly dependents = new Map<string, Set<string>>();
	private linksStale = false;
	private readonly cross = new CrossCheck();
	/** Blocks added, replaced or removed since the last check, by key. */
	private readonly dirty = new Set<string>();
	/** Networks or links changed since the last check: every pair is judged again. */
	private topologyDirty = true;
	/** Every item in address order, kept up to date by merging in what changed since the last check. */
	private sorted: RangeItem[] = [];
	private readonly removed = new Set<RangeItem>();
	private readonly byKey = new Map<string, RegistryBlock>();
	private added: RangeItem[] = [];
	options: RegistryOptions;

	constructor(options: RegistryOptions = {}) {
		this.options = { reportUnconnected: true, ...options };
	}

	/** The state of the last check (networks, connections), or null before the first. */
	get checked(): CheckState | null {
		return this.cross.state;
	}

	/** Whether overlaps between networks that are not connected are reported (a setting). */
	setReportUnconnected(value: boolean): void {
		if (this.options.reportUnconnected === value) return;
		this.options.reportUnconnected = value;
		this.topologyDirty = true;
	}

	resolveLink(linkpath: string, sourcePath: string): string | null {
		return this.options.resolveLink
			? this.options.resolveLink(linkpath, sourcePath)
			: this.index.resolve(linkpath, sourcePath);
	}

	/** The block a link to `path` means: its first network block, else its first block. */
	targetBlock(path: string | null): RegistryBlock | null {
		const note = path === null ? undefined : this.notes.get(path);
		if (!note) return null;
		return note.blocks.find((b) => b.plan.kind === "network") ?? note.blocks[0] ?? null;
	}

	/** What a cluster in `sourcePath` that links `link` as its VNet is planned with. */
	linkedVnet(link: NoteLink, sourcePath: string): LinkedVnet | null {
		const target = this.targetBlock(this.resolveLink(link.path, sourcePath));
		const network = target?.plan.network;
		return target && network ? { note: noteRef(target.path), ...network } : null;
	}

	/** Adds or replaces a note. A bare spec file (.yaml, .yml, .json unless told) is one block. */
	setNote(path: string, text: string, bare = BARE.test(path)): void {
		if (!this.notes.has(path)) {
			this.index.add(path);
			this.linksStale = true;
		}
		this.forgetLinks(path);
		const found = bare ? [{ fenceLine: 0, body: text }] : mayHoldFence(text, LANGUAGE) ? findBlocks(text) : [];
		const blocks = found.map((b, index) => this.planBlock(path, index, b.fenceLine, b.body));
		this.swap(this.notes.get(path)?.blocks ?? [], blocks);
		this.notes.set(path, { path, blocks });
		this.rememberLinks(path);
		this.touch(path);
	}

	removeNote(path: string): void {
		const note = this.notes.get(path);
		if (!note) return;
		this.forgetLinks(path);
		this.swap(note.blocks, []);
		this.notes.delete(path);
		this.index.remove(path);
		this.pending.delete(path);
		this.linksStale = true;
		this.touch(path);
	}

	/** A note moved: its blocks keep their plans; every link is resolved again at the next check. */
	renameNote(oldPath: string, newPath: string): void {
		const note = this.notes.get(oldPath);
		if (!note) return;
		this.forgetLinks(oldPath);
		this.notes.delete(oldPath);
		this.index.remove(oldPath);
		this.index.add(newPath);
		for (const b of note.blocks) {
			this.byKey.delete(b.key);
			b.path = newPath;
			b.key = `${newPath}#${b.index}`;
			this.byKey.set(b.key, b);
			for (const i of b.items) i.block = b.key;
		}
		this.notes.set(newPath, { path: newPath, blocks: note.blocks });
		this.rememberLinks(newPath);
		this.linksStale = true;
		this.topologyDirty = true;
		this.touch(oldPath);
		this.touch(newPath);
	}

	/** Resolves every link again (notes appeared, went or moved). */
	relink(): void {
		this.linksStale = false;
		for (const note of this.notes.values()) {
			let moved = false;
			for (const b of note.blocks) {
				const vnet = b.plan.links.vnet ? this.resolveLink(b.plan.links.vnet.path, note.path) : null;
				if (vnet !== b.vnetTarget) moved = true;
				b.vnetTarget = vnet;
				const peers = b.plan.links.peered.map((p) => this.resolveLink(p.link.path, note.path));
				if (peers.some((t, i) => t !== b.peerTargets[i])) this.topologyDirty = true;
				b.peerTargets = peers;
			}
			if (moved) {
				this.topologyDirty = true;
				this.forgetLinks(note.path);
				this.rememberLinks(note.path);
				this.pending.add(note.path);
			}
		}
	}

	/**
	 * Re-plans the clusters whose linked VNet changed, until none is left or `stop` says so (it is
	 * asked after each note). True when everything is settled.
	 */
	settle(stop: () => boolean = () => false): boolean {
		if (this.linksStale) this.relink();
		let budget = 4 * (this.notes.size + 1);
		while (this.pending.size > 0 && budget-- > 0) {
			const path = this.pending.values().next().value as string;
			this.pending.delete(path);
			const note = this.notes.get(path);
			if (!note) continue;
			this.forgetLinks(path);
			let changed = false;
			const before = note.blocks;
			note.blocks = before.map((b) => {
				const link = b.plan.links.vnet;
				if (!link || envKey(this.linkedVnet(link, path)) === b.envKey) return b;
				changed = true;
				return this.planBlock(path, b.index, b.fenceLine, b.body);
			});
			if (changed) this.swap(before, note.blocks);
			this.rememberLinks(path);
			if (changed) this.touch(path);
			if (stop()) break;
		}
		if (budget < 0) this.pending.clear();
		return this.pending.size === 0;
	}

	/** Runs the rules across notes; returns the keys of the blocks whose findings or view changed. */
	check(): Set<string> {
		return drain(this.checkSteps());
	}

	/**
	 * `check` in steps of a few milliseconds at most, for the plugin's build, which pauses between
	 * them to keep the app responsive. Notes must not change until the last step, which returns
	 * what `check` returns.
	 */
	*checkSteps(): Generator<void, Set<string>> {
		this.settle();
		yield;
		const sorted = yield* this.sortedItems();
		const dirty = new Set(this.dirty);
		const full = this.topologyDirty;
		this.dirty.clear();
		this.topologyDirty = false;
		yield;
		const state = yield* this.cross.steps(this, sorted, dirty, full);
		return state.changed;
	}

	/** Every range of the registry in address order (family, start, then the wider first), in steps. */
	private *sortedItems(): Generator<void, RangeItem[]> {
		const [removed, added] = [new Set(this.removed), this.added];
		this.removed.clear();
		this.added = [];
		this.sorted = yield* mergeSortedSteps(this.sorted, removed, added);
		return this.sorted;
	}

	blocks(): RegistryBlock[] {
		const out: RegistryBlock[] = [];
		for (const note of this.notes.values()) out.push(...note.blocks);
		return out;
	}

	block(key: string): RegistryBlock | null {
		return this.byKey.get(key) ?? null;
	}

	private planBlock(path: string, index: number, fenceLine: number, body: string): RegistryBlock {
		const key = `${path}#${index}`;
		let used = "";
		// Lean: the registry keeps a summary (RegistryPlan), not proposals, growth or the migration.
		const whole = planBody(body, {
			fenceLine,
			defaultMaxSurge: this.options.defaultMaxSurge,
			lean: true,
			linkedVnet: (link) => {
				const env = this.linkedVnet(link, path);
				used = envKey(env);
				return env;
			},
		});
		const items = itemsOf(key, whole);
		const plan = registryPlan(whole);
		const vnet = plan.links.vnet;
		const vnetTarget = vnet ? this.resolveLink(vnet.path, path) : null;
		const peerTargets = plan.links.peered.map((p) => this.resolveLink(p.link.path, path));
		return {
			key,
			path,
			index,
			fenceLine,
			body,
			plan,
			items,
			vnetTarget,
			peerTargets,
			envKey: used,
			cross: [],
		};
	}

	/** Blocks replaced: their items leave the sorted list, the new ones join it at the next check. */
	private swap(before: readonly RegistryBlock[], after: readonly RegistryBlock[]): void {
		const kept = new Set(after);
		const was = new Map<string, RegistryBlock>();
		for (const b of before) {
			was.set(b.key, b);
			if (kept.has(b)) continue;
			this.byKey.delete(b.key);
			this.dirty.add(b.key);
			for (const i of b.items) this.removed.add(i);
		}
		const old = new Set(before);
		for (const b of after) {
			if (old.has(b)) continue;
			this.byKey.set(b.key, b);
			this.dirty.add(b.key);
			const previous = was.get(b.key);
			if (!previous || topoKey(previous) !== topoKey(b)) this.topologyDirty = true;
			for (const i of b.items) this.added.push(i);
		}
		if (before.length !== after.length) this.topologyDirty = true;
	}

	/** The notes that take their VNet from `path` must be looked at again. */
	private touch(path: string): void {
		for (const d of this.dependents.get(path) ?? []) this.pending.add(d);
	}

	private rememberLinks(path: string): void {
		for (const b of this.notes.get(path)?.blocks ?? []) {
			if (b.vnetTarget === null) continue;
			const set = this.dependents.get(b.vnetTarget) ?? new Set<string>();
			set.add(path);
			this.dependents.set(b.vnetTarget, set);
		}
	}

	private forgetLinks(path: string): void {
		for (const b of this.notes.get(path)?.blocks ?? []) {
			if (b.vnetTarget !== null) this.dependents.get(b.vnetTarget)?.delete(path);
		}
	}
}

/**
 * Adds many notes at once (the command line reading a vault). Every path is known before any
 * note is planned, so links resolve as they will in the end, and notes whose VNet may be a link
 * are planned after the others: a cluster is planned once, its network already there, instead
 * of once without it and again when it comes (settle still catches longer chains). The notes
 * keep the order given. Not a method: the plugin adds notes one by one, and its bundle leaves
 * this out.
 */
export function setNotes(reg: Registry, notes: readonly NoteInput[]): void {
	for (const { path } of notes) if (!reg.notes.has(path)) reg.setNote(path, "", false);
	for (const n of notes) if (!VNET_LINK.test(n.text)) reg.setNote(n.path, n.text, n.bare);
	for (const n of notes) if (VNET_LINK.test(n.text)) reg.setNote(n.path, n.text, n.bare);
}
