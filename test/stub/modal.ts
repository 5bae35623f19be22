// Modal, SuggestModal and FuzzySuggestModal of the `obsidian` module, for tests. Modals
// really attach to document.body while open; tests drive suggestions and choices.
import type * as O from "obsidian";

/** Test helper: the modals that are open now, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
	app: O.App;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = false;
	private closeCallback: (() => unknown) | null = null;

	constructor(app: O.App) {
		this.app = app;
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	/** Test helper: whether the modal is open. */
	get isOpen(): boolean {
		return openModals.includes(this);
	}

	open(): void {
		if (this.isOpen) return;
		activeDocument.body.appendChild(this.containerEl);
		openModals.push(this);
		void this.onOpen();
	}

	close(): void {
		const i = openModals.indexOf(this);
		if (i < 0) return;
		openModals.splice(i, 1);
		this.containerEl.detach();
		this.onClose();
		this.closeCallback?.();
	}

	onOpen(): Promise<void> | void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}

	setCloseCallback(callback: () => unknown): this {
		this.closeCallback = callback;
		return this;
	}
}

/**
 * On open, renders the suggestions for the (empty) query into resultContainerEl, one
 * `.suggestion-item` each. Tests call `setQuery()` and `choose()`.
 */
export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	instructions: O.Instruction[] = [];
	/** Test helper: the suggestions last rendered. */
	shown: T[] = [];

	constructor(app: O.App) {
		super(app);
		this.inputEl = this.modalEl.createEl("input", { cls: "prompt-input", type: "text" });
		this.resultContainerEl = this.modalEl.createDiv({ cls: "prompt-results" });
		this.modalEl.addClass("prompt");
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions: O.Instruction[]): void {
		this.instructions = instructions;
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

	onNoSuggestion(): void {
		this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
	}

	override open(): void {
		super.open();
		void this.setQuery(this.inputEl.value);
	}

	/** Test helper: types `query`, then renders its suggestions; resolves to them. */
	async setQuery(query: string): Promise<T[]> {
		this.inputEl.value = query;
		const found = (await this.getSuggestions(query)).slice(0, this.limit);
		this.shown = found;
		this.resultContainerEl.empty();
		if (found.length === 0) this.onNoSuggestion();
		for (const value of found)
			this.renderSuggestion(value, this.resultContainerEl.createDiv({ cls: "suggestion-item" }));
		return found;
	}

	/** As in Obsidian: closes the modal, then hands the choice over. */
	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	/** Test helper: picks a shown suggestion by index or predicate, as a click would. */
	async choose(
		which: number | ((value: T) => boolean) = 0,
		evt: MouseEvent | KeyboardEvent = new MouseEvent("click"),
	): Promise<T> {
		const shown = this.shown.length > 0 ? this.shown : await this.setQuery(this.inputEl.value);
		const value = typeof which === "number" ? shown[which] : shown.find(which);
		if (value === undefined) throw new Error("No such suggestion.");
		this.selectSuggestion(value, evt);
		return value;
	}
}

/** Subsequence match, case-insensitive; an empty query matches everything. */
function fuzzyScore(query: string, text: string): O.SearchResult | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	const t = text.toLowerCase();
	const matches: [number, number][] = [];
	let at = 0;
	for (const ch of q) {
		const found = t.indexOf(ch, at);
		if (found < 0) return null;
		matches.push([found, found + 1]);
		at = found + 1;
	}
	return { score: -(matches.length > 0 ? at - (matches[0]?.[0] ?? 0) : 0), matches };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<O.FuzzyMatch<T>> {
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;

	getSuggestions(query: string): O.FuzzyMatch<T>[] {
		const found: O.FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = fuzzyScore(query, this.getItemText(item));
			if (match) found.push({ item, match });
		}
		return query.trim() === "" ? found : found.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(item: O.FuzzyMatch<T>, el: HTMLElement): void {
		el.setText(this.getItemText(item.item));
	}

	onChooseSuggestion(item: O.FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}

	/** Test helper: picks an item by predicate (or the nth shown), closing the modal first. */
	async chooseItem(which: number | ((item: T) => boolean) = 0, evt?: MouseEvent | KeyboardEvent): Promise<T> {
		const pick = typeof which === "number" ? which : (m: O.FuzzyMatch<T>) => which(m.item);
		return (await this.choose(pick, evt)).item;
	}
}

// Free-function forms of the helpers, for modals typed as Obsidian's classes (as src
// code declares them); at run time they are the stub's.

/** Test helper: types `query` into a suggest modal; resolves to the suggestions shown. */
export function setQuery<T>(modal: O.SuggestModal<T>, query: string): Promise<T[]> {
	return (modal as unknown as SuggestModal<T>).setQuery(query);
}

/** Test helper: chooses a shown suggestion (index or predicate) as a click would. */
export function chooseSuggestion<T>(
	modal: O.SuggestModal<T>,
	which?: number | ((value: T) => boolean),
	evt?: MouseEvent | KeyboardEvent,
): Promise<T> {
	return (modal as unknown as SuggestModal<T>).choose(which, evt);
}

/** Test helper: chooses an item of a fuzzy modal (index among shown, or predicate). */
export function chooseItem<T>(
	modal: O.FuzzySuggestModal<T>,
	which?: number | ((item: T) => boolean),
	evt?: MouseEvent | KeyboardEvent,
): Promise<T> {
	return (modal as unknown as FuzzySuggestModal<T>).chooseItem(which, evt);
}
