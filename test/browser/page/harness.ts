// The page side of the real-browser tests: loads the built plugin (main.js) against the
// obsidian stub as Obsidian loads it (load.ts), renders notes the way reading view does, and
// measures what the Node side asks about (structure, overflow, contrast, re-render cost, what
// stays alive).
import type * as O from "obsidian";
import { App, Events, MarkdownRenderer, childrenOf, defaultManifest, inspect, isLoaded } from "../../obsidian-stub";
import type { StubEventRef } from "../../obsidian-stub";
import { listenerCounts, original, type ListenerCounts } from "./listeners";
import { loadMainJs, type LoadTiming } from "./load";
import { renderMarkdown } from "./markdown";

/** A piece of a note: Markdown text, or the body of an aks-ip block. */
export type NotePart = { kind: "markdown"; text: string } | { kind: "block"; source: string };

export interface BlockReport {
	title: string;
	status: string;
	hasHeader: boolean;
	tables: string[];
	tableRows: number[];
	findings: number;
	hasFindingsSection: boolean;
	mapBars: number;
	hasMap: boolean;
	summaryElements: number;
	summaryText: string;
	errorBox: boolean;
	/** Elements no spec text may ever create. */
	forbidden: string[];
	/** Raw HTML that reached the Markdown renderer unescaped. */
	rawHtml: string[];
	/** Event-handler, URL or (other than --aks-ip-*) style attributes: none should exist in a block. */
	suspiciousAttrs: string[];
}

export interface OverflowReport {
	viewportWidth: number;
	documentScrollWidth: number;
	blocks: {
		clientWidth: number;
		scrollWidth: number;
		/** Elements wider than their box that are not a .aks-ip-scroll: each "tag.class overflow-x scrollW>clientW". */
		offenders: string[];
		/** Elements clipped by overflow hidden (they do not scroll): informational. */
		clipped: string[];
		/** Elements outside .aks-ip-scroll whose box sticks out of the block on the right. */
		outside: string[];
		/** .aks-ip-scroll elements that scroll at this width. */
		scrolling: number;
		scrollers: number;
	}[];
}

export interface ContrastSample {
	selector: string;
	text: string;
	color: string;
	background: string;
	ratio: number;
	fontSize: number;
	fontWeight: number;
}

export interface LoopResult {
	/** Per render: unload, new container, processor call (ms). */
	script: number[];
	/** The plugin's processor alone: the app's unloading and detaching of the old block excluded. */
	processor: number[];
	/** Per render: the same plus the style and layout it forces (ms). */
	withLayout: number[];
	violations: string[];
}

export interface LiveState {
	listeners: ListenerCounts;
	/** Stub Events listeners (workspace, vault, the plugin's settings events) still registered. */
	eventRefs: number;
	liveChildren: number;
	/** Of the containers and children of past renders, how many are still reachable. */
	aliveContainers: number;
	aliveChildren: number;
	tracked: number;
	pluginChildren: number;
}

interface WeakRefLike<T extends object> {
	deref(): T | undefined;
}
type WeakRefCtor = new <T extends object>(target: T) => WeakRefLike<T>;

/** Every stub Events listener registered and not yet removed. */
const liveEventRefs = new Set<StubEventRef>();

function trackEvents(): void {
	const proto = Events.prototype;
	const on = original(proto, "on");
	const off = original(proto, "off");
	const offref = original(proto, "offref");
	proto.on = function (this: Events, name, callback, ctx) {
		const ref = on.call(this, name, callback, ctx);
		liveEventRefs.add(ref as StubEventRef);
		return ref;
	};
	proto.off = function (this: Events, name, callback) {
		off.call(this, name, callback);
		for (const ref of liveEventRefs)
			if (ref.e === this && ref.name === name && ref.fn === callback) liveEventRefs.delete(ref);
	};
	proto.offref = function (this: Events, ref) {
		offref.call(this, ref);
		liveEventRefs.delete(ref as StubEventRef);
	};
}

/** MarkdownRenderer.render with real Markdown (a small renderer), recording nothing, so nothing is retained. */
function renderMarkdownForReal(): void {
	MarkdownRenderer.render = (app: unknown, markdown: string, el: HTMLElement) => {
		renderMarkdown(el, markdown);
		return Promise.resolve();
	};
}

/** A post-processor context as reading view gives one: it loads children and unloads them when the section is redrawn. */
class SectionContext implements O.MarkdownPostProcessorContext {
	docId: string;
	frontmatter: unknown = null;
	readonly children: O.MarkdownRenderChild[] = [];

	constructor(public sourcePath: string) {
		this.docId = `doc-${sourcePath}`;
	}

	addChild(child: O.MarkdownRenderChild): void {
		this.children.push(child);
		child.load();
	}

	getSectionInfo(): O.MarkdownSectionInformation | null {
		return null;
	}

	/** The section is redrawn or the note closed: each child's container leaves the DOM and the child unloads. */
	replace(): O.MarkdownRenderChild[] {
		const old = this.children.splice(0);
		for (const child of old) {
			child.containerEl.detach();
			child.unload();
		}
		return old;
	}
}

const FORBIDDEN = "img, script, a, b, iframe, object, embed, svg image, style, link, meta, form, input";

function describeEl(el: Element): string {
	const cls = [...el.classList].join(".");
	return cls ? `${el.tagName.toLowerCase()}.${cls}` : el.tagName.toLowerCase();
}

let canvasContext: CanvasRenderingContext2D | null = null;

/** Any CSS colour as [r, g, b, a] (0–255, alpha 0–1), by painting it. */
function rgba(color: string): [number, number, number, number] {
	if (!canvasContext) {
		const canvas = createEl("canvas", { attr: { width: 1, height: 1 } });
		canvasContext = canvas.getContext("2d", { willReadFrequently: true });
	}
	const c = canvasContext;
	if (!c) throw new Error("No 2D canvas.");
	c.clearRect(0, 0, 1, 1);
	c.fillStyle = "#000";
	c.fillStyle = color;
	c.fillRect(0, 0, 1, 1);
	const [r = 0, g = 0, b = 0, a = 0] = c.getImageData(0, 0, 1, 1).data;
	if (a === 0) return [0, 0, 0, 0];
	// getImageData returns premultiplied-then-unpremultiplied values; good enough to 1/255.
	return [r, g, b, a / 255];
}

function over(top: [number, number, number, number], under: [number, number, number]): [number, number, number] {
	const a = top[3];
	return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a)];
}

function luminance([r, g, b]: [number, number, number]): number {
	const lin = (v: number): number => {
		const c = v / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** The opaque colour behind `el`: its and its ancestors' backgrounds, composited. */
function backgroundOf(el: Element): [number, number, number] {
	const layers: [number, number, number, number][] = [];
	for (let e: Element | null = el; e; e = e.parentElement) {
		const c = rgba(getComputedStyle(e).backgroundColor);
		if (c[3] > 0) layers.push(c);
		if (c[3] >= 1) break;
	}
	let base: [number, number, number] = [255, 255, 255];
	for (const layer of layers.reverse()) base = over(layer, base);
	return base;
}

function opacityOf(el: Element): number {
	let o = 1;
	for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
	return o;
}

const hex = (c: [number, number, number]): string =>
	`#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;

export class Harness {
	readonly app = new App();
	plugin: O.Plugin | null = null;
	/** What the page's first and only load of main.js cost (set once ready settles). */
	loadTiming: LoadTiming | null = null;
	/** The note view: div.markdown-preview-view > div.markdown-preview-sizer.markdown-preview-section. */
	private view: HTMLElement | null = null;
	private section: HTMLElement | null = null;
	private ctx: SectionContext | null = null;
	private refs: { el: WeakRefLike<HTMLElement>; child: WeakRefLike<O.MarkdownRenderChild> }[] = [];
	readonly ready: Promise<void>;

	constructor() {
		this.ready = this.start();
	}

	private async start(): Promise<void> {
		const { plugin, timing } = await loadMainJs(this.app as unknown as O.App, { ...defaultManifest });
		this.plugin = plugin;
		this.loadTiming = timing;
	}

	private processor(): (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => unknown {
		if (!this.plugin) throw new Error("The plugin is not loaded.");
		const found = inspect(this.plugin).codeBlockProcessors.find((p) => p.language === "aks-ip");
		if (!found) throw new Error("The plugin registered no aks-ip code-block processor.");
		return found.handler;
	}

	setLook(theme: "light" | "dark", phone: boolean): void {
		const body = activeDocument.body;
		body.toggleClass("theme-light", theme === "light");
		body.toggleClass("theme-dark", theme === "dark");
		body.toggleClass(["is-mobile", "is-phone"], phone);
	}

	/** Closes the current note (unloading its blocks) and opens an empty reading view. */
	openView(sourcePath: string): HTMLElement {
		this.closeNote();
		const view = activeDocument.body.createDiv({
			cls: "markdown-preview-view markdown-rendered is-readable-line-width",
		});
		this.view = view;
		this.section = view.createDiv({ cls: "markdown-preview-sizer markdown-preview-section" });
		this.ctx = new SectionContext(sourcePath);
		return this.section;
	}

	closeNote(): void {
		this.ctx?.replace();
		this.ctx = null;
		this.view?.detach();
		this.view = null;
		this.section = null;
	}

	/** Renders a note in reading view: Markdown parts as Markdown, blocks through the plugin's processor. */
	async renderNote(sourcePath: string, parts: NotePart[]): Promise<number> {
		const section = this.openView(sourcePath);
		const ctx = this.ctx;
		if (!ctx) throw new Error("No context.");
		const handler = this.processor();
		let blocks = 0;
		for (const part of parts) {
			if (part.kind === "markdown") {
				renderMarkdown(section.createDiv(), part.text);
				continue;
			}
			const el = section.createDiv({ cls: "block-language-aks-ip" });
			await handler(part.source, el, ctx);
			// Open the summary as a reader would (it is collapsed, and rendered on first open).
			el.querySelector<HTMLElement>('button[data-aks-ip-action="summary"]')?.click();
			blocks++;
		}
		return blocks;
	}

	private blocks(): HTMLElement[] {
		return Array.from(this.section?.querySelectorAll<HTMLElement>(".block-language-aks-ip") ?? []);
	}

	reportBlocks(): BlockReport[] {
		return this.blocks().map((el) => {
			const summary = el.querySelector(".aks-ip-summary");
			const suspiciousAttrs: string[] = [];
			for (const node of Array.from(el.querySelectorAll("*"))) {
				for (const attr of Array.from(node.attributes)) {
					if (
						/^on|^(href|src|srcset|action|formaction|xlink:href|style)$/i.test(attr.name) &&
						!/^--aks-ip-[a-z-]+:/.test(attr.value)
					)
						suspiciousAttrs.push(`${describeEl(node)} ${attr.name}="${attr.value}"`);
				}
			}
			return {
				title: el.querySelector(".aks-ip-title")?.textContent ?? "",
				status: el.querySelector(".aks-ip-status")?.textContent ?? "",
				hasHeader: el.querySelector(".aks-ip-header") !== null,
				tables: Array.from(el.querySelectorAll("table")).map((t) =>
					Array.from(t.classList)
						.filter((c) => c !== "aks-ip-table")
						.join(" "),
				),
				tableRows: Array.from(el.querySelectorAll("table")).map((t) => t.querySelectorAll("tbody tr").length),
				findings: el.querySelectorAll(".aks-ip-finding").length,
				hasFindingsSection: el.querySelector(".aks-ip-findings") !== null,
				mapBars: el.querySelectorAll(".aks-ip-map-bar").length,
				hasMap: el.querySelector(".aks-ip-map") !== null,
				summaryElements: summary?.querySelectorAll("h1, h2, h3, h4, h5, h6, li, p").length ?? 0,
				summaryText: summary?.textContent ?? "",
				errorBox: el.querySelector(".aks-ip-error") !== null,
				forbidden: Array.from(el.querySelectorAll(FORBIDDEN)).map(
					(n) => `${describeEl(n)}: ${n.outerHTML.slice(0, 80)}`,
				),
				rawHtml: Array.from(el.querySelectorAll(".md-raw-html")).map((n) => n.textContent ?? ""),
				suspiciousAttrs,
			};
		});
	}

	reportOverflow(): OverflowReport {
		const doc = activeDocument.documentElement;
		return {
			viewportWidth: activeWindow.innerWidth,
			documentScrollWidth: doc.scrollWidth,
			blocks: this.blocks().map((block) => {
				const right = block.getBoundingClientRect().right;
				const offenders: string[] = [];
				const clipped: string[] = [];
				const outside: string[] = [];
				for (const el of Array.from(block.querySelectorAll<HTMLElement>("*"))) {
					const style = getComputedStyle(el);
					if (style.display === "inline" || style.display === "none") continue;
					const inScroller = el.closest(".aks-ip-scroll") !== null && !el.hasClass("aks-ip-scroll");
					if (!inScroller && el.getBoundingClientRect().right > right + 0.5) outside.push(describeEl(el));
					if (el.scrollWidth <= el.clientWidth + 1) continue;
					const line = `${describeEl(el)} overflow-x:${style.overflowX} ${el.scrollWidth}>${el.clientWidth}`;
					if (el.hasClass("aks-ip-scroll") && (style.overflowX === "auto" || style.overflowX === "scroll"))
						continue;
					if (style.overflowX === "hidden" || style.overflowX === "clip") clipped.push(line);
					else if (!inScroller) offenders.push(line);
				}
				const scrollers = Array.from(block.querySelectorAll<HTMLElement>(".aks-ip-scroll"));
				return {
					clientWidth: block.clientWidth,
					scrollWidth: block.scrollWidth,
					offenders,
					clipped,
					outside,
					scrolling: scrollers.filter((s) => s.scrollWidth > s.clientWidth + 1).length,
					scrollers: scrollers.length,
				};
			}),
		};
	}

	/** Contrast of the first few elements matching each selector, inside the rendered blocks. */
	contrast(selectors: string[], perSelector = 5): ContrastSample[] {
		const out: ContrastSample[] = [];
		for (const selector of selectors) {
			const els = this.blocks().flatMap((b) => Array.from(b.querySelectorAll<HTMLElement>(selector)));
			for (const el of els.slice(0, perSelector)) {
				const style = getComputedStyle(el);
				const bg = backgroundOf(el);
				const fgRaw = rgba(style.color);
				const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacityOf(el)], bg);
				out.push({
					selector,
					text: (el.textContent ?? "").slice(0, 40),
					color: hex(fg),
					background: hex(bg),
					ratio: Math.round(contrastRatio(fg, bg) * 100) / 100,
					fontSize: parseFloat(style.fontSize),
					fontWeight: Number(style.fontWeight),
				});
			}
		}
		return out;
	}

	/**
	 * Live Preview typing: renders `base` plus a comment line growing by one character per
	 * render, Obsidian's way (unload the previous child, new container, run the processor).
	 * Renders number `from` to `to - 1`; the note stays open between calls.
	 */
	typeLoop(base: string, from: number, to: number): LoopResult {
		const WeakRefClass = (activeWindow as unknown as { WeakRef: WeakRefCtor }).WeakRef;
		if (from === 0 || !this.ctx || !this.section) this.openView("Live preview.md");
		const ctx = this.ctx;
		const section = this.section;
		if (!ctx || !section) throw new Error("No open note.");
		const handler = this.processor();
		const typed = "abcdefghijklmnopqrstuvwxyz0123456789 ";
		const script: number[] = [];
		const processorTimes: number[] = [];
		const withLayout: number[] = [];
		const violations: string[] = [];
		for (let i = from; i < to; i++) {
			let comment = "";
			for (let k = 0; k < i; k++) comment += typed[k % typed.length] ?? "";
			const source = `${base}\n# typed: ${comment}`;
			const t0 = performance.now();
			const old = ctx.replace();
			const el = section.createDiv({ cls: "block-language-aks-ip" });
			const tp = performance.now();
			void handler(source, el, ctx);
			const t1 = performance.now();
			void el.offsetHeight;
			const t2 = performance.now();
			script.push(t1 - t0);
			processorTimes.push(t1 - tp);
			withLayout.push(t2 - t0);
			if (i > 0 && old.length !== 1) violations.push(`render ${i}: ${old.length} children replaced instead of 1`);
			for (const child of old) {
				if (isLoaded(child)) violations.push(`render ${i}: the replaced child is still loaded`);
				if (childrenOf(child).length > 0)
					violations.push(`render ${i}: the replaced child still has ${childrenOf(child).length} children`);
			}
			const current = ctx.children[0];
			if (ctx.children.length !== 1 || !current || !isLoaded(current))
				violations.push(`render ${i}: ${ctx.children.length} live children`);
			if (!el.querySelector(".aks-ip-header")) violations.push(`render ${i}: no header`);
			if (current) this.refs.push({ el: new WeakRefClass(el), child: new WeakRefClass(current) });
		}
		return { script, processor: processorTimes, withLayout, violations };
	}

	/** What the Markdown renderer makes of `markdown`: proof that unescaped markup would show up. */
	probeMarkdown(markdown: string): { links: number; rawHtml: number; strong: number } {
		const el = createDiv();
		renderMarkdown(el, markdown);
		return {
			links: el.querySelectorAll("a").length,
			rawHtml: el.querySelectorAll(".md-raw-html").length,
			strong: el.querySelectorAll("strong").length,
		};
	}

	liveState(): LiveState {
		const alive = this.refs.filter((r) => r.el.deref() !== undefined).length;
		const aliveChildren = this.refs.filter((r) => r.child.deref() !== undefined).length;
		return {
			listeners: listenerCounts(),
			eventRefs: liveEventRefs.size,
			liveChildren: this.ctx?.children.length ?? 0,
			aliveContainers: alive,
			aliveChildren,
			tracked: this.refs.length,
			pluginChildren: this.plugin ? childrenOf(this.plugin).length : 0,
		};
	}
}

declare global {
	interface Window {
		aksIpHarness?: Harness;
		aksIpHarnessError?: string;
	}
}

/** Called by harness.html: loads main.js as Obsidian does (test/browser/page/load.ts) and starts the plugin. */
export function startHarness(): void {
	try {
		const harness = new Harness();
		harness.ready.catch((e: unknown) => {
			activeWindow.aksIpHarnessError = String(e);
		});
		activeWindow.aksIpHarness = harness;
	} catch (e) {
		activeWindow.aksIpHarnessError = String(e);
		throw e;
	}
}

trackEvents();
renderMarkdownForReal();
