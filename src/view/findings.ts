/**
 * The findings list: severity, code, message and line, and for a finding the allocator answers,
 * its proposal with a Fix button. Buttons carry their line or proposal in data attributes; the
 * block listens once for clicks on all of them (see block.ts). Plain buttons: a tap works on
 * phones, nothing needs hover.
 */
import { FINDING_CODES, type Finding } from "../core/findings";
import type { Proposal } from "../allocate/types";
import { drawn } from "./memo";

const SEVERITY_WORDS = { error: "Error", warning: "Warning", info: "Info" } as const;

/** Attribute naming the block line a button goes to. */
export const LINE_ATTR = "data-aks-ip-line";
/** Attribute naming the proposal (its index in the plan's proposals) a Fix button applies. */
export const PROPOSAL_ATTR = "data-aks-ip-proposal";
/** Attribute naming what an action button does (shared with the summary's buttons). */
export const ACTION_ATTR = "data-aks-ip-action";
/** Attributes of a link to another note (a vault path) and the line to open it at. */
export const OPEN_ATTR = "data-aks-ip-open";
export const OPEN_LINE_ATTR = "data-aks-ip-open-line";

/** The name a link shows for a note: its file name without `.md`. */
export function noteTitle(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

/** A link to a note, as Obsidian draws internal links; the block's click listener opens it. */
export function noteLink(parent: HTMLElement, path: string, text: string, line: number | null = null): HTMLElement {
	const attr: Record<string, string | number> = { href: path, "data-href": path, [OPEN_ATTR]: path };
	if (line !== null) attr[OPEN_LINE_ATTR] = line;
	return parent.createEl("a", { cls: "internal-link", text, attr });
}

interface ItemOptions {
	/** Silenced by `ignore`, listed under the others. */
	suppressed?: boolean;
	/** The line button's accessible label: where it goes. */
	label: string;
	/** More attributes of the line button. */
	attr?: Record<string, string | number>;
}

/**
 * One finding as a list item, in a block and in the vault check alike: severity, code (its
 * description as a tooltip), message and a line button. Returns the item.
 */
export function findingItem(list: HTMLElement, f: Finding, options: ItemOptions): HTMLElement {
	const suppressed = options.suppressed === true;
	const li = list.createEl("li", { cls: `aks-ip-finding is-${f.severity}${suppressed ? " is-suppressed" : ""}` });
	li.createSpan({ cls: "aks-ip-severity", text: suppressed ? "Suppressed" : SEVERITY_WORDS[f.severity] });
	li.createEl("code", { cls: "aks-ip-code", text: f.code, attr: { title: FINDING_CODES[f.code].description } });
	li.createSpan({ cls: "aks-ip-message", text: f.message });
	li.createEl("button", {
		cls: "aks-ip-line",
		text: `Line ${f.line}`,
		attr: { type: "button", ...options.attr, "aria-label": options.label },
	});
	return li;
}

/** A finding's proposal, on a row of its own under the message, with its Fix button. */
function proposalRow(li: HTMLElement, f: Finding): void {
	const fix = f.fix;
	if (!fix) return;
	const row = li.createDiv({ cls: "aks-ip-fix" });
	row.createSpan({ cls: "aks-ip-fix-why", text: `Proposal: ${fix.why}.` });
	row.createEl("button", {
		cls: "aks-ip-fix-button",
		text: "Fix",
		attr: {
			type: "button",
			[ACTION_ATTR]: "fix",
			[PROPOSAL_ATTR]: fix.proposal,
			"aria-label": fix.from === null ? `Add ${fix.to}` : `Change ${fix.from} to ${fix.to}`,
		},
	});
}

/** One finding of a block's list, as drawn: what it says, and which buttons it carries. */
interface ItemModel {
	f: Finding;
	suppressed: boolean;
	/** Its proposal's row with a Fix button. */
	fix: boolean;
	/** A button to the Move to overlay panel. */
	move: boolean;
}

/** Findings about the move (kubenet's retirement, the move-to-overlay line): a button to the panel, when it is drawn. */
const MOVE_CODES: ReadonlySet<string> = new Set(["kubenet-retirement", "move-to-overlay"]);

/**
 * The findings, then any silenced by `ignore`. With `proposals` (a block's plan), findings the
 * allocator answers show their proposal and Fix, and an "Apply all fixes" button applies every
 * automatic one at once. With `toMove`, findings about the move to overlay get a button to its panel.
 */
export function renderFindings(
	parent: HTMLElement,
	findings: Finding[],
	suppressed: Finding[],
	proposals: readonly Proposal[] | null = null,
	toMove = false,
): void {
	const model = (f: Finding, isSuppressed: boolean): ItemModel => ({
		f,
		suppressed: isSuppressed,
		fix: f.fix !== undefined && proposals?.[f.fix.proposal] !== undefined,
		move: toMove && MOVE_CODES.has(f.code),
	});
	const items = [...findings.map((f) => model(f, false)), ...suppressed.map((f) => model(f, true))];
	const section = parent.createDiv({ cls: "aks-ip-findings" });
	if (items.length === 0) {
		section.createEl("p", { cls: "aks-ip-none", text: "No findings: the plan meets every rule checked." });
		return;
	}
	const list = section.createEl("ul", { cls: "aks-ip-finding-list", attr: { "aria-label": "Findings" } });
	// Each item is a part (memo.ts): a finding that reads as before is not built again.
	for (const item of items) drawn(list, "finding", item, drawItem);
	const automatic = (proposals ?? []).filter((p) => p.active && p.auto).length;
	if (automatic > 0)
		section.createDiv({ cls: "aks-ip-actions aks-ip-fix-all" }).createEl("button", {
			text: "Apply all fixes",
			attr: { type: "button", [ACTION_ATTR]: "fix-all", "aria-label": `Apply all ${automatic} fixes` },
		});
}

function drawItem(list: HTMLElement, { f, suppressed, fix, move }: ItemModel): HTMLElement {
	const li = findingItem(list, f, {
		suppressed,
		label: `Go to line ${f.line} of this block`,
		attr: { [LINE_ATTR]: f.line },
	});
	if (fix) proposalRow(li, f);
	// A finding across notes links the other note at its line.
	if (f.related)
		noteLink(li, f.related.file, `${noteTitle(f.related.file)}, line ${f.related.line}`, f.related.line).addClass(
			"aks-ip-related",
		);
	if (move)
		li.createEl("button", {
			cls: "aks-ip-overlay-link",
			text: "Go to the move",
			attr: { type: "button", [ACTION_ATTR]: "overlay" },
		});
	return li;
}
