/**
 * One rendered `aks-ip` block: a MarkdownRenderChild that plans its source and draws it.
 * Rendering is synchronous, side-effect free and never throws; actions (jump to a line, copy,
 * insert) run only when the user asks.
 */
import { MarkdownRenderChild, MarkdownRenderer, MarkdownView, Notice, type App, type MarkdownPostProcessorContext } from "obsidian";
import { toMarkdown } from "../markdown/summary";
import type { PlanResult } from "../plan/types";
import type { Finding } from "../spec/findings";
import type { AksIpSettings } from "../settings/settings";
import { planCached } from "./cache";
import { locateBlock } from "./locate";
import { renderErrorBox, renderPlan } from "./render";
import { writeSummaryInEditor } from "./write-summary";

/** What a block needs from the plugin. */
export interface BlockHost {
	app: App;
	settings: AksIpSettings;
	/** Registers a listener called after settings change; returns its removal. */
	onSettingsChange(listener: () => void): () => void;
}

export class AksIpBlock extends MarkdownRenderChild {
	private summaryChild: MarkdownRenderChild | null = null;

	constructor(
		containerEl: HTMLElement,
		private readonly source: string,
		private readonly ctx: MarkdownPostProcessorContext,
		private readonly host: BlockHost,
	) {
		super(containerEl);
	}

	onload(): void {
		this.register(this.host.onSettingsChange(() => this.render()));
	}

	/** Draws the block from scratch. Any internal failure becomes an error box. */
	render(): void {
		const el = this.containerEl;
		try {
			const plan = planCached(this.source, this.host.settings.defaultMaxSurge);
			renderPlan(el, plan, this.host.settings, {
				onFindingClick: (f) => this.goToLine(f),
				renderSummary: (section) => this.renderSummary(section, plan),
			});
		} catch (e) {
			el.empty();
			el.addClass("aks-ip-block");
			const message = e instanceof Error ? e.message : String(e);
			renderErrorBox(el, "This plan could not be drawn", [{ severity: "error", code: "yaml-syntax", message: `Internal error: ${message}`, line: 1 }], {});
		}
	}

	private renderSummary(section: HTMLElement, plan: PlanResult): void {
		const markdown = toMarkdown(plan, { headingLevel: this.host.settings.summaryHeadingLevel });
		const buttons = section.createDiv({ cls: "aks-ip-actions" });
		buttons.createEl("button", { text: "Copy as Markdown", attr: { type: "button" } }).addEventListener("click", () => this.copy(markdown));
		buttons.createEl("button", { text: "Insert below", attr: { type: "button" } }).addEventListener("click", () => this.insertBelow(markdown));
		const body = section.createDiv({ cls: "aks-ip-summary markdown-rendered" });
		if (this.summaryChild) this.removeChild(this.summaryChild);
		this.summaryChild = this.addChild(new MarkdownRenderChild(body));
		MarkdownRenderer.render(this.host.app, markdown, body, this.ctx.sourcePath, this.summaryChild).catch((e: unknown) => {
			body.setText(markdown);
			console.error("aks-ip: summary could not be rendered", e);
		});
	}

	private copy(markdown: string): void {
		navigator.clipboard.writeText(markdown).then(
			() => new Notice("Summary copied as Markdown."),
			() => new Notice("Could not copy to the clipboard."),
		);
	}

	/** The editor showing this block's note, if the note is open in the active pane. */
	private editorView(): MarkdownView | null {
		const view = this.host.app.workspace.getActiveViewOfType(MarkdownView);
		return view && view.file?.path === this.ctx.sourcePath ? view : null;
	}

	private fenceLine0(): number | null {
		return this.ctx.getSectionInfo(this.containerEl)?.lineStart ?? null;
	}

	private goToLine(f: Finding): void {
		const view = this.editorView();
		if (!view) {
			new Notice(`Open this note in the editor to go to line ${f.line} of the block.`);
			return;
		}
		const block = locateBlock(view.editor.getValue(), this.source, this.fenceLine0());
		if (!block) {
			new Notice("This block could not be located in the note.");
			return;
		}
		const line = block.fenceLine - 1 + f.line;
		view.editor.setCursor({ line, ch: 0 });
		view.editor.scrollIntoView({ from: { line, ch: 0 }, to: { line, ch: 0 } }, true);
		view.editor.focus();
	}

	private insertBelow(markdown: string): void {
		const view = this.editorView();
		if (!view) {
			new Notice("Open this note in the editor to insert the summary, or use copy as Markdown.");
			return;
		}
		writeSummaryInEditor(view.editor, this.source, this.fenceLine0(), markdown);
	}
}
