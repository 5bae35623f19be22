// Counts DOM event listeners in the harness page: EventTarget's addEventListener and
// removeEventListener are wrapped before main.js loads. A listener is "in a block" when its
// target is an element inside a `.block-language-aks-ip` container (it goes away with the
// element); any other target (window, document, the note view) must see every listener the
// plugin adds removed again when the block unloads.

interface Registration {
	type: string;
	listener: EventListenerOrEventListenerObject;
	capture: boolean;
	inBlock: boolean;
}

export interface ListenerCounts {
	/** Listeners added (duplicates, which the DOM ignores, not counted). */
	added: number;
	removed: number;
	/** Currently registered on targets inside a block container. */
	liveInBlocks: number;
	/** Currently registered on anything else. */
	liveOutside: number;
	/** Event types of the live listeners outside blocks, e.g. {"click": 1}. */
	outsideTypes: Record<string, number>;
}

const registry = new WeakMap<EventTarget, Registration[]>();
const outside = new Map<string, number>();
const counts = { added: 0, removed: 0, liveInBlocks: 0, liveOutside: 0 };

function captureOf(options: boolean | EventListenerOptions | undefined): boolean {
	return typeof options === "boolean" ? options : Boolean(options?.capture);
}

function inBlock(target: EventTarget): boolean {
	return target instanceof Element && target.closest(".block-language-aks-ip") !== null;
}

function bump(reg: Registration, by: 1 | -1): void {
	if (reg.inBlock) counts.liveInBlocks += by;
	else {
		counts.liveOutside += by;
		outside.set(reg.type, (outside.get(reg.type) ?? 0) + by);
	}
}

let installed = false;

/** The function a prototype holds under `name` (read without binding: each call applies its own `this`). */
export function original<P extends object, K extends keyof P & string>(proto: P, name: K): P[K] {
	const fn = Object.getOwnPropertyDescriptor(proto, name)?.value as P[K] | undefined;
	if (typeof fn !== "function") throw new Error(`No ${name} to wrap.`);
	return fn;
}

/** Wraps the listener methods once; later calls do nothing. */
export function trackListeners(): void {
	if (installed) return;
	installed = true;
	const proto = EventTarget.prototype;
	const add = original(proto, "addEventListener");
	const remove = original(proto, "removeEventListener");
	proto.addEventListener = function (
		this: EventTarget,
		type: string,
		listener: EventListenerOrEventListenerObject | null,
		options?: boolean | AddEventListenerOptions,
	): void {
		add.call(this, type, listener, options);
		if (!listener) return;
		const capture = captureOf(options);
		const list = registry.get(this) ?? [];
		if (list.some((r) => r.type === type && r.listener === listener && r.capture === capture)) return;
		const reg: Registration = { type, listener, capture, inBlock: inBlock(this) };
		list.push(reg);
		registry.set(this, list);
		counts.added++;
		bump(reg, 1);
	};
	proto.removeEventListener = function (
		this: EventTarget,
		type: string,
		listener: EventListenerOrEventListenerObject | null,
		options?: boolean | EventListenerOptions,
	): void {
		remove.call(this, type, listener, options);
		if (!listener) return;
		const capture = captureOf(options);
		const list = registry.get(this);
		const i = list?.findIndex((r) => r.type === type && r.listener === listener && r.capture === capture) ?? -1;
		const reg = list?.[i];
		if (!list || !reg) return;
		list.splice(i, 1);
		counts.removed++;
		bump(reg, -1);
	};
}

export function listenerCounts(): ListenerCounts {
	const outsideTypes: Record<string, number> = {};
	for (const [type, n] of outside) if (n !== 0) outsideTypes[type] = n;
	return { ...counts, outsideTypes };
}
