// The Obsidian DOM helpers that src and the tests use (createEl, empty, setText, addClass,
// setCssProps, ...) installed on the DOM prototypes and the window, as the app does. Text is
// always set as text, never parsed as HTML. Pure DOM code: also bundled for the browser harness.
import type {} from "obsidian";

type Info = DomElementInfo | string | undefined;
type AttrValue = string | number | boolean | null;

function setAttr(el: Element, name: string, value: AttrValue): void {
	if (value === null) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

function setProp(el: Element, name: "value" | "type" | "placeholder" | "href" | "title", value: string): void {
	if (name in el) (el as unknown as Record<string, string>)[name] = value;
	else el.setAttribute(name, value);
}

function setText(el: Element, text: string | DocumentFragment): void {
	if (typeof text === "string") {
		el.textContent = text;
	} else {
		while (el.firstChild) el.removeChild(el.firstChild);
		el.appendChild(text);
	}
}

/**
 * Applies an element-info object or class string, then inserts the element into `parent`.
 * Kept lean (no copies, no regular expressions): it runs for every element a block draws, and
 * the browser benchmarks would otherwise time the stub as much as the plugin.
 */
function build<E extends Element>(el: E, o: Info, parent: Node | undefined, callback?: (el: E) => void): E {
	if (typeof o === "string") {
		if (o !== "") el.className = o;
	} else if (o) {
		const info = o;
		const { cls, text, attr } = info;
		// A new element has no classes yet: one assignment sets them all.
		if (cls !== undefined) el.className = Array.isArray(cls) ? cls.join(" ") : cls;
		if (text !== undefined) setText(el, text);
		if (attr) for (const name in attr) setAttr(el, name, attr[name] ?? null);
		if (info.title !== undefined) setProp(el, "title", info.title);
		if (info.value !== undefined) setProp(el, "value", info.value);
		if (info.type !== undefined) setProp(el, "type", info.type);
		if (info.placeholder !== undefined) setProp(el, "placeholder", info.placeholder);
		if (info.href !== undefined) setProp(el, "href", info.href);
	}
	const target = parent ?? (typeof o === "object" ? o.parent : undefined);
	if (target) {
		if (typeof o === "object" && o.prepend) target.insertBefore(el, target.firstChild);
		else target.appendChild(el);
	}
	callback?.(el);
	return el;
}

function docOf(node: Node | undefined): Document {
	return node?.ownerDocument ?? (node instanceof Document ? node : document);
}

function makeEl<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	o: DomElementInfo | string | undefined,
	callback: ((el: HTMLElementTagNameMap[K]) => void) | undefined,
	parent?: Node,
): HTMLElementTagNameMap[K] {
	return build(docOf(parent).createElement(tag), o, parent, callback);
}

function define(proto: object, methods: Record<string, unknown>): void {
	for (const [name, value] of Object.entries(methods)) {
		Object.defineProperty(proto, name, { value, configurable: true, writable: true });
	}
}

/** Installs the helpers on `win` (default: the current window). Safe to call twice. */
export function installDomHelpers(win: typeof window = window): void {
	define(win.Node.prototype, {
		createEl<K extends keyof HTMLElementTagNameMap>(
			this: Node,
			tag: K,
			o?: DomElementInfo | string,
			cb?: (el: HTMLElementTagNameMap[K]) => void,
		) {
			return makeEl(tag, o, cb, this);
		},
		createDiv(this: Node, o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) {
			return makeEl("div", o, cb, this);
		},
		createSpan(this: Node, o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) {
			return makeEl("span", o, cb, this);
		},
		empty(this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
		detach(this: Node) {
			this.parentNode?.removeChild(this);
		},
		appendText(this: Node, val: string) {
			this.appendChild(docOf(this).createTextNode(val));
		},
		instanceOf<T>(this: Node, type: new () => T): boolean {
			return this instanceof type;
		},
	});

	define(win.Element.prototype, {
		setText(this: Element, val: string | DocumentFragment) {
			setText(this, val);
		},
		addClass(this: Element, ...classes: string[]) {
			this.classList.add(...classes);
		},
		toggleClass(this: Element, classes: string | string[], value: boolean) {
			for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
		},
		hasClass(this: Element, cls: string) {
			return this.classList.contains(cls);
		},
		setAttr(this: Element, name: string, value: AttrValue) {
			setAttr(this, name, value);
		},
	});

	define(win.HTMLElement.prototype, {
		setCssProps(this: HTMLElement, props: Record<string, string>) {
			for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
		},
	});

	define(win, {
		createEl: <K extends keyof HTMLElementTagNameMap>(
			tag: K,
			o?: DomElementInfo | string,
			cb?: (el: HTMLElementTagNameMap[K]) => void,
		) => makeEl(tag, o, cb),
		createDiv: (o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) => makeEl("div", o, cb),
		createSpan: (o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) => makeEl("span", o, cb),
		createFragment: (cb?: (el: DocumentFragment) => void) => {
			const fragment = win.document.createDocumentFragment();
			cb?.(fragment);
			return fragment;
		},
		activeWindow: win,
		activeDocument: win.document,
	});
}
