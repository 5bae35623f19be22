// Setting components of the `obsidian` module, for tests. They wrap real DOM controls.
// setValue() never fires onChange (test code should not rely on either behaviour);
// change(v) simulates the user.
import type * as O from "obsidian";

export abstract class BaseComponent {
	disabled = false;

	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent {
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
		this.toggleEl.addEventListener("click", () => this.onClick());
	}

	getValue(): boolean {
		return this.on;
	}

	setValue(on: boolean): this {
		this.on = on;
		this.toggleEl.toggleClass("is-enabled", on);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.toggleEl.setAttr("aria-label", tooltip);
		return this;
	}

	onClick(): void {
		if (!this.disabled) this.change(!this.on);
	}
}

export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this.selectEl.addEventListener("change", () => void this.changeCallback?.(this.getValue()));
	}

	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
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

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
	inputEl: T;

	constructor(inputEl: T) {
		super();
		this.inputEl = inputEl;
		this.inputEl.addEventListener("input", () => this.onChanged());
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}

	onChanged(): void {
		void this.changeCallback?.(this.getValue());
	}
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("input", { type: "text" }));
	}
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("textarea"));
	}
}

export class SliderComponent extends ValueComponent<number> {
	sliderEl: HTMLInputElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.sliderEl = containerEl.createEl("input", { cls: "slider", type: "range" });
		this.sliderEl.addEventListener("input", () => void this.changeCallback?.(this.getValue()));
	}

	setLimits(min: number | null, max: number | null, step: number | "any"): this {
		if (min !== null) this.sliderEl.min = String(min);
		if (max !== null) this.sliderEl.max = String(max);
		this.sliderEl.step = String(step);
		return this;
	}

	setInstant(instant: boolean): this {
		return this;
	}

	setDynamicTooltip(): this {
		return this;
	}

	getValue(): number {
		return Number(this.sliderEl.value);
	}

	setValue(value: number): this {
		this.sliderEl.value = String(value);
		return this;
	}

	getValuePretty(): string {
		return String(this.getValue());
	}
}

export class ButtonComponent extends BaseComponent {
	buttonEl: HTMLButtonElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}

	override setDisabled(disabled: boolean): this {
		this.buttonEl.disabled = disabled;
		return super.setDisabled(disabled);
	}

	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	removeCta(): this {
		this.buttonEl.removeClass("mod-cta");
		return this;
	}

	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}

	setTooltip(tooltip: string): this {
		this.buttonEl.setAttr("aria-label", tooltip);
		return this;
	}

	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}

	setIcon(icon: O.IconName): this {
		this.buttonEl.setAttr("data-icon", icon);
		return this;
	}

	setClass(cls: string): this {
		this.buttonEl.addClass(cls);
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", (evt) => void callback(evt));
		return this;
	}
}

export class ExtraButtonComponent extends BaseComponent {
	extraSettingsEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.extraSettingsEl = containerEl.createDiv({ cls: "clickable-icon extra-setting-button" });
	}

	setTooltip(tooltip: string): this {
		this.extraSettingsEl.setAttr("aria-label", tooltip);
		return this;
	}

	setIcon(icon: O.IconName): this {
		this.extraSettingsEl.setAttr("data-icon", icon);
		return this;
	}

	onClick(callback: () => unknown): this {
		this.extraSettingsEl.addEventListener("click", () => void callback());
		return this;
	}
}
