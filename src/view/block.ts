/**
 * One rendered `aks-ip` block: a MarkdownRenderChild that plans its source and draws it.
 * Rendering is synchronous, side-effect free and never throws; actions (jump to a line, copy,
 * insert, open the summary) run only when the user asks, through one click listener per block.
 */
import {
	MarkdownRenderChild,
	MarkdownRenderer,
	MarkdownView,
	Notice,
	type App,
	type MarkdownPostProcessorContext,
} from "obsidian";
import { summaryOf } from "../api";
import { internalError, sortFindings } from "../core/findings";
import { toMarkdown } from "../markdown/summary";
import type { NoteLink } from "../parse/types";
import type { LinkedVnet, PlanResult } from "../plan/types";
import { viewKey, type NetworkView } from "../registry/network-view";
import type { AksIpSettings } from "../settings/settings";
import type { VaultRegistry } from "../vault/registry-service";
import { envKey } from "../registry/linked";
import { contextKey, planCached } from "./cache";
import { collect, spare, type Part } from "./memo";
import { LINE_ATTR, OPEN_ATTR, OPEN_LINE_ATTR, PROPOSAL_ATTR } from "./findings";
import { locateBlock } from "../note/locate";
import { ACTION_ATTR, renderErrorBox, renderPlan, SUMMARY_HIDE, SUMMARY_SHOW } from "./render";
import { OVERLAY_PANEL, toggleMigration } from "./migration";
import { migrationOf } from "../plan/plan";
import { writeSummaryInEditor } from "../commands/write-summary";
import { applyRendered } from "../commands/fix";
import { attachTo } from "../allocate/propose";

/** What a block needs from the plugin. */
export interface BlockHost {
	app: App;
	settings: AksIpSettings;
	/** Registers a listener called after settings change; returns its removal. */
	onSettingsChange(listener: () => void): () => void;
	/** The vault's registry: findings across notes, linked networks. Absent: the block stands alone. */
	vaultRegistry?: VaultRegistry;
}

/** Opens `path` (a note) in the workspace, at `line` (1-based) when given. */
export function openNote(app: App, path: string, sourcePath: string, line: number | null): void {
	const state = line === null ? undefined : { eState: { line: line - 1 } };
	void app.workspace.openLinkText(path, sourcePath, false, state);
}

export class AksIpBlock extends MarkdownRenderChild {
	private summaryChild: MarkdownRenderChild | null = null;
	/** The parts the last drawing made, handed over to the next block when this one goes (memo.ts). */
	private parts: Part[] = [];
	private plan: PlanResult | null = null;
	/** What the registry gave the last render: a change elsewhere redraws the block only if this changes. */
	private shown = "";

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
		this.registerDomEvent(this.containerEl, "click", (evt) => this.onClick(evt));
		const registry = this.host.vaultRegistry;
		if (registry) this.register(registry.onChange((changed) => this.registryChanged(changed)));
	}

	onunload(): void {
		spare(this.parts, this.containerEl);
		this.parts = [];
	}

	/** Redraws when the registry changed what this block shows: its findings, linked VNet or network view. */
	private registryChanged(changed: ReadonlySet<string>): void {
		const prefix = `${this.ctx.sourcePath}#`;
		// A network block shows the others' subnets; a block with proposals keeps them clear of the others' ranges.
		let concerned = this.plan?.kind === "network" || (this.plan?.proposals.length ?? 0) > 0;
		for (const key of changed) if (key.startsWith(prefix)) concerned = true;
		if (concerned && this.registryView().key !== this.shown) this.render();
	}

	/** The network a `vnet: [[Note]]` link of this block names, as the registry knows it. */
	private linked(): ((link: NoteLink) => LinkedVnet | null) | undefined {
		const registry = this.host.vaultRegistry;
		const path = this.ctx.sourcePath;
		return registry ? (link) => registry.linkedVnet(link, path) : undefined;
	}

	/** The plan with what the registry adds, and a text that changes when that does. */
	private registryView(): { plan: PlanResult; key: string; network: NetworkView | null } {
		const registry = this.host.vaultRegistry;
		const path = this.ctx.sourcePath;
		const context = registry?.allocContext(path, this.source);
		const plan = planCached(this.source, this.host.settings.defaultMaxSurge, this.linked(), context);
		if (!registry || !plan.parsed) return { plan, key: "", network: null };
		const cross = registry.crossFindings(path, this.source, plan);
		const network = plan.kind === "network" ? registry.networkView(path, this.source) : null;
		const env = plan.links.vnet ? envKey(registry.linkedVnet(plan.links.vnet, path)) : "";
		const key = [env, JSON.stringify(cross), network ? viewKey(network) : "", contextKey(context)].join("\u0000");
		if (cross.length === 0) return { plan, key, network };
		// A finding across notes that a proposal answers gets its Fix too. The proposals marked active
		// are copies: the plan is shared by every block that reads alike.
		const proposals = plan.proposals.map((p) => ({ ...p }));
		attachTo(cross, proposals, true);
		return { plan: { ...plan, proposals, findings: sortFindings([...plan.findings, ...cross]) }, key, network };
	}

	/** Draws the block from scratch. Any internal failure becomes an error box. */
	render(): void {
		const el = this.containerEl;
		try {
			const view = this.registryView();
			this.plan = view.plan;
			this.shown = view.key;
			if (this.summaryChild) {
				this.removeChild(this.summaryChild);
				this.summaryChild = null;
			}
			const plan = this.plan;
			[this.parts] = collect(() => renderPlan(el, plan, this.host.settings, { network: view.network }));
		} catch (e) {
			this.plan = null;
			this.parts = [];
			el.empty();
			el.addClass("aks-ip-block");
			renderErrorBox(el, "This plan could not be drawn", [internalError("The plan could not be drawn", e, 1)]);
		}
	}

	private onClick(evt: MouseEvent): void {
		// Duck-typed rather than instanceof, which fails for elements of a popout window.
		const target = evt.target as Element | null;
		if (typeof target?.closest !== "function") return;
		const open = target.closest(`[${OPEN_ATTR}]`);
		const path = open?.getAttribute(OPEN_ATTR);
		if (path) {
			evt.preventDefault();
			const at = open?.getAttribute(OPEN_LINE_ATTR);
			return openNote(this.host.app, path, this.ctx.sourcePath, at ? Number(at) : null);
		}
		const line = target.closest(`[${LINE_ATTR}]`)?.getAttribute(LINE_ATTR);
		if (line) return this.goToLine(Number(line));
		const button = target.closest(`[${ACTION_ATTR}]`);
		const action = button?.getAttribute(ACTION_ATTR);
		if (action === "fix" || action === "fix-all") return this.fix(action, button?.getAttribute(PROPOSAL_ATTR));
		if (action === "copy") return this.copyText(this.markdown(), "Summary copied as Markdown.");
		const move = this.plan ? migrationOf(this.plan) : null;
		if (action === "copy-target") return this.copyText(move?.target?.body, "Target block copied.");
		if (action === "copy-command") return this.copyText(move?.command, "Command copied.");
		if (action === "overlay" || action === "overlay-toggle") return this.toggleMove(action === "overlay");
		if (action === "insert") return this.insertBelow();
		if (action === "summary" && button) this.toggleSummary(button);
	}

	/** Opens or closes the Move to overlay panel; from a finding's button, opens it and scrolls to it. */
	private toggleMove(goTo: boolean): void {
		const panel = this.containerEl.querySelector(`.${OVERLAY_PANEL}`);
		if (!panel || !this.plan) return;
		toggleMigration(panel, this.plan, ACTION_ATTR, goTo ? true : undefined);
		if (goTo) panel.scrollIntoView({ block: "start" });
	}

	/** Shows or hides the summary panel, rendering it the first time it is shown. */
	private toggleSummary(button: Element): void {
		const body = button.closest(".aks-ip-summary-section")?.querySelector<HTMLElement>(".aks-ip-summary");
		if (!body) return;
		const open = button.getAttribute("aria-expanded") !== "true";
		button.setAttribute("aria-expanded", String(open));
		button.textContent = open ? SUMMARY_HIDE : SUMMARY_SHOW;
		body.toggleAttribute("hidden", !open);
		if (open) this.showSummary(body);
	}

	/**
	 * The summary in Markdown. Its finding lines are note lines, as `aks-ip render` writes them,
	 * when the block's fence line is known (`fenceLine`, or the section info); otherwise block lines.
	 */
	private markdown(fenceLine: number | null = this.fenceLine()): string | null {
		if (!this.plan) return null;
		const { defaultMaxSurge, summaryHeadingLevel: headingLevel } = this.host.settings;
		return fenceLine === null
			? toMarkdown(this.plan, { headingLevel })
			: summaryOf(this.source, { defaultMaxSurge, headingLevel, fenceLine, linkedVnet: this.linked() });
	}

	/** Renders the summary with Obsidian's renderer the first time its panel opens. */
	private showSummary(body: HTMLElement): void {
		if (this.summaryChild) return;
		const markdown = this.markdown();
		if (markdown === null) return;
		this.summaryChild = this.addChild(new MarkdownRenderChild(body));
		MarkdownRenderer.render(this.host.app, markdown, body, this.ctx.sourcePath, this.summaryChild).catch(
			(e: unknown) => {
				body.setText(markdown);
				console.error("aks-ip: summary could not be rendered", e);
			},
		);
	}

	private copyText(text: string | null | undefined, done: string): void {
		if (!text) return;
		navigator.clipboard.writeText(text).then(
			() => new Notice(done),
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

	/** The opening fence's 1-based note line, when Obsidian knows it. */
	private fenceLine(): number | null {
		const line0 = this.fenceLine0();
		return line0 === null ? null : line0 + 1;
	}

	/** Puts the cursor on line `line` (1-based) of this block's body. */
	private goToLine(line: number): void {
		const view = this.editorView();
		if (!view) {
			new Notice(`Open this note in the editor to go to line ${line} of the block.`);
			return;
		}
		const block = locateBlock(view.editor.getValue(), this.source, this.fenceLine0());
		if (!block) {
			new Notice("This block could not be located in the note.");
			return;
		}
		const at = { line: block.fenceLine - 1 + line, ch: 0 };
		view.editor.setCursor(at);
		view.editor.scrollIntoView({ from: at, to: at }, true);
		view.editor.focus();
	}

	/** Fix (one proposal) or Apply all fixes (every automatic one), as one undoable edit. */
	private fix(action: "fix" | "fix-all", index: string | null | undefined): void {
		const proposals = this.plan?.proposals ?? [];
		const chosen = action === "fix" ? [proposals[Number(index)]] : proposals.filter((p) => p.active && p.auto);
		const list = chosen.filter((p) => p !== undefined);
		if (list.length === 0) return;
		const view = this.editorView();
		if (!view) {
			new Notice("Open this note in the editor to apply the fix.");
			return;
		}
		applyRendered(view.editor, this.source, this.fenceLine0(), list);
	}

	private insertBelow(): void {
		if (!this.plan) return;
		const view = this.editorView();
		if (!view) {
			new Notice("Open this note in the editor to insert the summary, or use copy as Markdown.");
			return;
		}
		writeSummaryInEditor(
			view.editor,
			this.source,
			this.fenceLine0(),
			(fenceLine) => this.markdown(fenceLine) ?? "",
		);
	}
}
