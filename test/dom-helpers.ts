// Obsidian's DOM helpers (createEl, empty, setText, addClass, setCssProps, ...) installed
// on the DOM prototypes and the window, as the app does. Text is always set as text,
// never parsed as HTML. Pure DOM code: also bundled for the browser harness.
import type {} from "obsidian";

type Info = DomElementInfo | SvgElementInfo | string | undefined;
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
		const info = o as DomElementInfo;
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

function makeSvg<K extends keyof SVGElementTagNameMap>(
	tag: K,
	o: SvgElementInfo | string | undefined,
	callback: ((el: SVGElementTagNameMap[K]) => void) | undefined,
	parent?: Node,
): SVGElementTagNameMap[K] {
	return build(docOf(parent).createElementNS("http://www.w3.org/2000/svg", tag), o, parent, callback);
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
		createSvg<K extends keyof SVGElementTagNameMap>(
			this: Node,
			tag: K,
			o?: SvgElementInfo | string,
			cb?: (el: SVGElementTagNameMap[K]) => void,
		) {
			return makeSvg(tag, o, cb, this);
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
		indexOf(this: Node, other: Node) {
			return Array.prototype.indexOf.call(this.childNodes, other);
		},
		insertAfter<T extends Node>(this: Node, node: T, child: Node | null): T {
			return this.insertBefore(node, child ? child.nextSibling : this.firstChild);
		},
		setChildrenInPlace(this: Node, children: Node[]) {
			while (this.firstChild) this.removeChild(this.firstChild);
			for (const child of children) this.appendChild(child);
		},
		instanceOf<T>(this: Node, type: new () => T): boolean {
			return this instanceof type;
		},
	});
	Object.defineProperty(win.Node.prototype, "doc", {
		configurable: true,
		get(this: Node) {
			return docOf(this);
		},
	});
	Object.defineProperty(win.Node.prototype, "win", {
		configurable: true,
		get(this: Node) {
			return docOf(this).defaultView ?? win;
		},
	});

	define(win.Element.prototype, {
		getText(this: Element) {
			return this.textContent ?? "";
		},
		setText(this: Element, val: string | DocumentFragment) {
			setText(this, val);
		},
		addClass(this: Element, ...classes: string[]) {
			this.classList.add(...classes);
		},
		addClasses(this: Element, classes: string[]) {
			this.classList.add(...classes);
		},
		removeClass(this: Element, ...classes: string[]) {
			this.classList.remove(...classes);
		},
		removeClasses(this: Element, classes: string[]) {
			this.classList.remove(...classes);
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
		setAttrs(this: Element, obj: Record<string, AttrValue>) {
			for (const [name, value] of Object.entries(obj)) setAttr(this, name, value);
		},
		getAttr(this: Element, name: string) {
			return this.getAttribute(name);
		},
		matchParent(this: Element, selector: string, lastParent?: Element) {
			for (let el = this.parentElement; el && el !== lastParent; el = el.parentElement) {
				if (el.matches(selector)) return el;
			}
			return null;
		},
		find(this: Element, selector: string) {
			return this.querySelector(selector);
		},
		findAll(this: Element, selector: string) {
			return Array.from(this.querySelectorAll(selector));
		},
	});

	const styleHelpers = {
		setCssProps(this: HTMLElement | SVGElement, props: Record<string, string>) {
			for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
		},
		setCssStyles(this: HTMLElement | SVGElement, styles: Partial<CSSStyleDeclaration>) {
			for (const [name, value] of Object.entries(styles)) {
				(this.style as unknown as Record<string, unknown>)[name] = value;
			}
		},
	};
	define(win.HTMLElement.prototype, {
		...styleHelpers,
		show(this: HTMLElement) {
			this.style.removeProperty("display");
		},
		hide(this: HTMLElement) {
			this.style.setProperty("display", "none");
		},
		toggle(this: HTMLElement, show: boolean) {
			if (show) this.style.removeProperty("display");
			else this.style.setProperty("display", "none");
		},
		isShown(this: HTMLElement) {
			if (!this.isConnected || this.style.display === "none") return false;
			for (let el = this.parentElement; el; el = el.parentElement) {
				if (el.style.display === "none") return false;
			}
			return true;
		},
		onClickEvent(
			this: HTMLElement,
			listener: (this: HTMLElement, ev: MouseEvent) => unknown,
			options?: boolean | AddEventListenerOptions,
		) {
			this.addEventListener("click", listener, options);
		},
		trigger(this: HTMLElement, eventType: string) {
			this.dispatchEvent(new win.Event(eventType, { bubbles: true, cancelable: true }));
		},
	});
	define(win.SVGElement.prototype, styleHelpers);
	define(win.DocumentFragment.prototype, {
		find(this: DocumentFragment, selector: string) {
			return this.querySelector(selector);
		},
		findAll(this: DocumentFragment, selector: string) {
			return Array.from(this.querySelectorAll(selector));
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
		createSvg: <K extends keyof SVGElementTagNameMap>(
			tag: K,
			o?: SvgElementInfo | string,
			cb?: (el: SVGElementTagNameMap[K]) => void,
		) => makeSvg(tag, o, cb),
		createFragment: (cb?: (el: DocumentFragment) => void) => {
			const fragment = win.document.createDocumentFragment();
			cb?.(fragment);
			return fragment;
		},
		sleep: (ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms)),
		nextFrame: () => new Promise<void>((resolve) => win.setTimeout(resolve, 0)),
		activeWindow: win,
		activeDocument: win.document,
	});
}
