// Modal and SuggestModal of the `obsidian` module, for tests. Modals really attach to
// document.body while open; tests drive suggestions and choices.
import type * as O from "obsidian";

/** Test helper: the modals that are open now, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
	app: O.App;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;

	constructor(app: O.App) {
		this.app = app;
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	open(): void {
		if (openModals.includes(this)) return;
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
	}

	onOpen(): Promise<void> | void {}

	onClose(): void {}
}

/**
 * On open, renders the suggestions for the (empty) query into resultContainerEl, one
 * `.suggestion-item` each. Tests call `setQuery()` and `choose()`.
 */
export abstract class SuggestModal<T> extends Modal {
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
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

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

	override open(): void {
		super.open();
		void this.setQuery(this.inputEl.value);
	}

	/** Test helper: types `query`, then renders its suggestions; resolves to them. */
	async setQuery(query: string): Promise<T[]> {
		this.inputEl.value = query;
		const found = await this.getSuggestions(query);
		this.shown = found;
		this.resultContainerEl.empty();
		for (const value of found)
			this.renderSuggestion(value, this.resultContainerEl.createDiv({ cls: "suggestion-item" }));
		return found;
	}

	/** Test helper: picks a shown suggestion by index or predicate, as a click would: closes, then chooses. */
	async choose(
		which: number | ((value: T) => boolean) = 0,
		evt: MouseEvent | KeyboardEvent = new MouseEvent("click"),
	): Promise<T> {
		const shown = this.shown.length > 0 ? this.shown : await this.setQuery(this.inputEl.value);
		const value = typeof which === "number" ? shown[which] : shown.find(which);
		if (value === undefined) throw new Error("No such suggestion.");
		this.close();
		this.onChooseSuggestion(value, evt);
		return value;
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
