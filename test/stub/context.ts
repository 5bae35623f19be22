// A fake MarkdownPostProcessorContext and helpers that run a plugin's code-block
// processor the way Obsidian does, including re-rendering after an edit.
import type * as O from "obsidian";
import { inspect } from "./plugin";

export type SectionInfoSource =
	O.MarkdownSectionInformation | null | ((el: HTMLElement) => O.MarkdownSectionInformation | null);

export interface ContextOptions {
	sourcePath?: string;
	/** What getSectionInfo() answers; null by default, as in embeds and some Live Preview states. */
	sectionInfo?: SectionInfoSource;
}

export class FakeContext implements O.MarkdownPostProcessorContext {
	docId: string;
	sourcePath: string;
	frontmatter: unknown;
	sectionInfo: SectionInfoSource;
	/** Children added by the current render, loaded. */
	readonly children: O.MarkdownRenderChild[] = [];
	/** Children of earlier renders, unloaded by rerender(). */
	readonly replaced: O.MarkdownRenderChild[] = [];
	/** How many times getSectionInfo() was called. */
	sectionInfoCalls = 0;

	constructor(options: ContextOptions = {}) {
		this.sourcePath = options.sourcePath ?? "note.md";
		this.docId = `doc-${this.sourcePath}`;
		this.frontmatter = undefined;
		this.sectionInfo = options.sectionInfo ?? null;
	}

	/** As in Obsidian: the child is loaded now and unloaded when its element is replaced. */
	addChild(child: O.MarkdownRenderChild): void {
		this.children.push(child);
		child.load();
	}

	getSectionInfo(el: HTMLElement): O.MarkdownSectionInformation | null {
		this.sectionInfoCalls++;
		return typeof this.sectionInfo === "function" ? this.sectionInfo(el) : this.sectionInfo;
	}

	/**
	 * Simulates Obsidian replacing the rendered block (an edit, a mode switch, closing the
	 * note): each child's container leaves the DOM and the child is unloaded, once.
	 */
	rerender(): void {
		while (this.children.length > 0) {
			const child = this.children.shift();
			if (!child) break;
			child.containerEl.detach();
			child.unload();
			this.replaced.push(child);
		}
	}
}

export function makeContext(options: ContextOptions = {}): FakeContext {
	return new FakeContext(options);
}

export interface RenderOptions extends ContextOptions {
	/** Defaults to the first registered code-block language. */
	language?: string;
	/** Reuse a context: its current children are replaced first, as on a re-render. */
	ctx?: FakeContext;
	/** Attach the block's section to document.body (default true). */
	attach?: boolean;
}

/**
 * Test helper: runs the plugin's code-block processor on `source` like Obsidian: `el` is an
 * empty `div.block-language-<lang>` inside a section div. Awaits the handler's promise.
 */
export async function renderCodeBlock(
	plugin: O.Plugin,
	source: string,
	options: RenderOptions = {},
): Promise<{ el: HTMLElement; ctx: FakeContext }> {
	const processors = inspect(plugin).codeBlockProcessors;
	const processor =
		options.language === undefined ? processors[0] : processors.find((p) => p.language === options.language);
	if (!processor) throw new Error(`No code-block processor for ${options.language ?? "any language"}.`);
	const ctx = options.ctx ?? makeContext(options);
	ctx.rerender();
	const section = createDiv({ cls: "markdown-preview-section" });
	if (options.attach ?? true) activeDocument.body.appendChild(section);
	const el = section.createDiv({ cls: `block-language-${processor.language}` });
	await processor.handler(source, el, ctx);
	return { el, ctx };
}

/**
 * Test helper: the section info Obsidian would give for the `index`th fenced block of
 * `language` in `note` (0-based fence lines; text is the whole note), or null.
 */
export function sectionOf(note: string, language = "aks-ip", index = 0): O.MarkdownSectionInformation | null {
	const lines = note.split("\n");
	let seen = 0;
	for (let i = 0; i < lines.length; i++) {
		const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i] ?? "");
		if (!open) continue;
		const fence = open[1] ?? "```";
		let end = i + 1;
		const closes = (line: string): boolean => {
			const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1] ?? "";
			return close[0] === fence[0] && close.length >= fence.length;
		};
		while (end < lines.length && !closes(lines[end] ?? "")) end++;
		const lineEnd = Math.min(end, lines.length - 1);
		if (open[2] === language && seen++ === index) return { text: note, lineStart: i, lineEnd };
		i = lineEnd;
	}
	return null;
}
