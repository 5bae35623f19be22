// Component, events and small helpers of the `obsidian` module, for tests.
// Types come from the real obsidian.d.ts (type-only imports, erased at runtime).
import type * as O from "obsidian";

type Listener = (...data: never[]) => unknown;

/** The object behind an EventRef: which emitter, which event, which callback. */
export interface StubEventRef extends O.EventRef {
	e: Events;
	name: string;
	fn: Listener;
	ctx?: unknown;
}

function isStubRef(ref: O.EventRef): ref is StubEventRef {
	return typeof ref === "object" && ref !== null && (ref as Partial<StubEventRef>).e instanceof Events;
}

export class Events {
	private readonly handlers = new Map<string, StubEventRef[]>();

	on(name: string, callback: Listener, ctx?: unknown): O.EventRef {
		const ref: StubEventRef = { e: this, name, fn: callback, ctx };
		const list = this.handlers.get(name) ?? [];
		list.push(ref);
		this.handlers.set(name, list);
		return ref;
	}

	off(name: string, callback: Listener): void {
		const list = this.handlers.get(name);
		if (list)
			this.handlers.set(
				name,
				list.filter((ref) => ref.fn !== callback),
			);
	}

	offref(ref: O.EventRef): void {
		if (!isStubRef(ref)) return;
		const list = this.handlers.get(ref.name);
		if (list)
			this.handlers.set(
				ref.name,
				list.filter((r) => r !== ref),
			);
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: O.EventRef, args: unknown[]): void {
		if (!isStubRef(evt)) return;
		try {
			Reflect.apply(evt.fn, evt.ctx, args);
		} catch (e: unknown) {
			console.error(e);
		}
	}

	/** Test helper: how many listeners an event has right now. */
	listenerCount(name: string): number {
		return this.handlers.get(name)?.length ?? 0;
	}
}

interface LifecycleState {
	loaded: boolean;
	children: Component[];
	cleanups: (() => unknown)[];
	loading: Promise<void>;
}

// Kept outside the instances so the stub Component has exactly the public shape of the
// real one (and each is assignable to the other).
const lifecycles = new WeakMap<object, LifecycleState>();

function lifecycle(component: object): LifecycleState {
	let state = lifecycles.get(component);
	if (!state) {
		state = { loaded: false, children: [], cleanups: [], loading: Promise.resolve() };
		lifecycles.set(component, state);
	}
	return state;
}

/**
 * Lifecycle as in Obsidian: load() runs onload() then loads the children; unload()
 * unloads the children (last added first), runs every registered cleanup (last
 * registered first), then onunload(). Both run at most once per load.
 */
export class Component {
	load(): void {
		const state = lifecycle(this);
		if (state.loaded) return;
		state.loaded = true;
		state.loading = Promise.resolve(this.onload());
		for (const child of [...state.children]) child.load();
	}

	onload(): Promise<void> | void {}

	unload(): void {
		const state = lifecycle(this);
		if (!state.loaded) return;
		state.loaded = false;
		while (state.children.length > 0) state.children.pop()?.unload();
		while (state.cleanups.length > 0) state.cleanups.pop()?.();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		const state = lifecycle(this);
		state.children.push(component);
		if (state.loaded) component.load();
		return component;
	}

	removeChild<T extends Component>(component: T): T {
		const children = lifecycle(this).children;
		const i = children.indexOf(component);
		if (i >= 0) {
			children.splice(i, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		lifecycle(this).cleanups.push(cb);
	}

	registerEvent(eventRef: O.EventRef): void {
		this.register(() => {
			if (isStubRef(eventRef)) eventRef.e.offref(eventRef);
		});
	}

	registerDomEvent<K extends keyof WindowEventMap>(
		el: Window,
		type: K,
		callback: (this: HTMLElement, ev: WindowEventMap[K]) => unknown,
		options?: boolean | AddEventListenerOptions,
	): void;
	registerDomEvent<K extends keyof DocumentEventMap>(
		el: Document,
		type: K,
		callback: (this: HTMLElement, ev: DocumentEventMap[K]) => unknown,
		options?: boolean | AddEventListenerOptions,
	): void;
	registerDomEvent<K extends keyof HTMLElementEventMap>(
		el: HTMLElement,
		type: K,
		callback: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown,
		options?: boolean | AddEventListenerOptions,
	): void;
	registerDomEvent(
		el: EventTarget,
		type: string,
		callback: (this: HTMLElement, ev: Event) => unknown,
		options?: boolean | AddEventListenerOptions,
	): void {
		el.addEventListener(type, callback, options);
		this.register(() => el.removeEventListener(type, callback, options));
	}

	registerInterval(id: number): number {
		this.register(() => window.clearInterval(id));
		return id;
	}
}

/** Test helper: whether load() ran and unload() has not since. */
export function isLoaded(component: O.Component): boolean {
	return lifecycle(component).loaded;
}

/** Test helper: the component's current children. */
export function childrenOf(component: O.Component): readonly O.Component[] {
	return lifecycle(component).children;
}

/** Test helper: settles when the last load()'s onload() (sync or async) has finished. */
export function loadingOf(component: O.Component): Promise<void> {
	return lifecycle(component).loading;
}

export class MarkdownRenderChild extends Component {
	containerEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.containerEl = containerEl;
	}
}

export interface RenderCall {
	markdown: string;
	el: HTMLElement;
	sourcePath: string;
	component: unknown;
}

/** Renders Markdown as plain text: one `div.stub-markdown` whose textContent is the source. */
export class MarkdownRenderer {
	/** Test helper: every render call, oldest first. */
	static readonly calls: RenderCall[] = [];

	static render(
		app: unknown,
		markdown: string,
		el: HTMLElement,
		sourcePath: string,
		component: O.Component,
	): Promise<void> {
		MarkdownRenderer.calls.push({ markdown, el, sourcePath, component });
		el.createDiv({ cls: "stub-markdown", text: markdown });
		return Promise.resolve();
	}
}

/** Records the text of every notice; see Notice.messages and resetStubState(). */
export class Notice {
	static readonly messages: string[] = [];

	constructor(message: string | DocumentFragment) {
		Notice.messages.push(typeof message === "string" ? message : (message.textContent ?? ""));
	}
}
