/**
 * An `aks-ip-registry` block: the vault's registry as a table, the IPAM inventory engineers keep
 * by hand. One row per range in address order: its network or cluster, its note (a link), the
 * range, its kind, the networks connected to it and its findings. `where:` and `folder:` narrow it.
 */
import { MarkdownRenderChild, type App, type MarkdownPostProcessorContext } from "obsidian";
import { inventory, type InventoryRow } from "../registry/inventory";
import { parseRegistryQuery } from "../registry/query";
import type { VaultRegistry } from "../vault/registry-service";
import { openNote } from "./block";
import { noteLink, noteTitle, OPEN_ATTR, OPEN_LINE_ATTR } from "./findings";

/** Rows drawn at most; the rest are counted. */
const ROW_LIMIT = 500;
const CONNECTED_SHOWN = 3;

interface RegistryBlockHost {
	app: App;
	vaultRegistry: VaultRegistry;
}

function connected(names: string[]): string {
	if (names.length <= CONNECTED_SHOWN) return names.join(", ");
	return `${names.slice(0, CONNECTED_SHOWN).join(", ")} and ${names.length - CONNECTED_SHOWN} more`;
}

function rowsTable(parent: HTMLElement, rows: InventoryRow[]): void {
	const scroll = parent.createDiv({ cls: "aks-ip-scroll" });
	const t = scroll.createEl("table", { cls: "aks-ip-table aks-ip-inventory" });
	t.createEl("caption", { text: "Address registry" });
	const head = t.createEl("thead").createEl("tr");
	for (const h of ["Network or cluster", "Note", "Range", "Kind", "Connected networks", "Findings"])
		head.createEl("th", { text: h, attr: { scope: "col" } });
	const body = t.createEl("tbody");
	for (const r of rows.slice(0, ROW_LIMIT)) {
		const tr = body.createEl("tr");
		tr.createEl("th", { text: r.detail ? `${r.name} (${r.detail})` : r.name, attr: { scope: "row" } });
		noteLink(tr.createEl("td"), r.file, `${noteTitle(r.file)}, line ${r.line}`, r.line);
		tr.createEl("td", { text: r.range });
		tr.createEl("td", { text: r.type });
		tr.createEl("td", { text: connected(r.connected) });
		tr.createEl("td", {
			text: r.findings.join(", "),
			cls: r.findings.some((f) => f.startsWith("error")) ? "aks-ip-bad" : "",
		});
	}
}

export class AksIpRegistryBlock extends MarkdownRenderChild {
	/** What the last render showed: the registry redraws the block only when this changes. */
	private shown = "";

	constructor(
		containerEl: HTMLElement,
		private readonly source: string,
		private readonly ctx: MarkdownPostProcessorContext,
		private readonly host: RegistryBlockHost,
	) {
		super(containerEl);
	}

	onload(): void {
		this.register(this.host.vaultRegistry.onChange(() => this.refresh()));
		this.registerDomEvent(this.containerEl, "click", (evt) => {
			const target = evt.target as Element | null;
			if (typeof target?.closest !== "function") return;
			const link = target.closest(`[${OPEN_ATTR}]`);
			const path = link?.getAttribute(OPEN_ATTR);
			if (!path) return;
			evt.preventDefault();
			const line = link?.getAttribute(OPEN_LINE_ATTR);
			openNote(this.host.app, path, this.ctx.sourcePath, line ? Number(line) : null);
		});
	}

	private rows(): { rows: InventoryRow[] | null; problems: string[]; key: string } {
		const query = parseRegistryQuery(this.source);
		const registry = this.host.vaultRegistry;
		const rows = registry.ready ? inventory(registry.registry, query.filter) : null;
		return {
			rows,
			problems: query.problems,
			key: rows ? JSON.stringify(rows.slice(0, ROW_LIMIT)) + rows.length : "",
		};
	}

	private refresh(): void {
		if (this.rows().key !== this.shown) this.render();
	}

	/** Draws the block. Synchronous, and never throws: a failure becomes a message. */
	render(): void {
		const el = this.containerEl;
		el.empty();
		el.addClass("aks-ip-block", "aks-ip-registry");
		try {
			const { rows, problems, key } = this.rows();
			this.shown = key;
			for (const p of problems) el.createEl("p", { cls: "aks-ip-error", text: p, attr: { role: "alert" } });
			if (!rows) {
				el.createEl("p", { cls: "aks-ip-none", text: "The vault's registry is being built…" });
				return;
			}
			if (rows.length === 0) {
				el.createEl("p", { cls: "aks-ip-none", text: "No ranges in the registry match." });
				return;
			}
			rowsTable(el, rows);
			if (rows.length > ROW_LIMIT)
				el.createEl("p", {
					cls: "aks-ip-none",
					text: `Showing ${ROW_LIMIT} of ${rows.length} ranges: narrow the list with where: or folder:.`,
				});
		} catch (e) {
			el.createEl("p", {
				cls: "aks-ip-error",
				text: `The registry could not be drawn: ${e instanceof Error ? e.message : String(e)}`,
			});
		}
	}
}
