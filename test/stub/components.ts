// The setting components src uses (toggle, text, dropdown), for tests. They wrap real DOM
// controls. setValue() never fires onChange (test code should not rely on either behaviour);
// change(v) simulates the user.

export abstract class ValueComponent<T> {
	protected changeCallback: ((value: T) => unknown) | null = null;

	abstract getValue(): T;
	abstract setValue(value: T): this;

	onChange(callback: (value: T) => unknown): this {
		this.changeCallback = callback;
		return this;
	}

	/** Test helper: what a user edit does: set the value, then call onChange's callback. */
	change(value: T): unknown {
		this.setValue(value);
		return this.changeCallback?.(this.getValue());
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	private on = false;

	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
	}

	getValue(): boolean {
		return this.on;
	}

	setValue(on: boolean): this {
		this.on = on;
		this.toggleEl.toggleClass("is-enabled", on);
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options))
			this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	getValue(): string {
		return this.selectEl.value;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}

	/** Test helper: the option values, in order. */
	options(): string[] {
		return Array.from(this.selectEl.options, (o) => o.value);
	}
}

export class TextComponent extends ValueComponent<string> {
	inputEl: HTMLInputElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.inputEl = containerEl.createEl("input", { type: "text" });
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
}
