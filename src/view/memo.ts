/**
 * Parts of a block drawn before, by what they show. Obsidian draws a block anew on every
 * keystroke, in a new container; a part (a table row, a finding, the map, the header) whose model
 * is the same as in a recent drawing is not built again, element by element:
 * - the previous block's own part is moved over, once that block is gone (spare());
 * - otherwise a kept copy is cloned (`cloneNode`, done by the browser in one call).
 * Sound because each part is drawn from its model alone (a draw function reads nothing else), the
 * model's JSON is the key, and no element of a block has a listener of its own (the block listens
 * once, on its container). What the user sees is the same, element for element.
 */

interface Kept {
	/** A copy to clone; null until the part is drawn a second time, so a part that changes on every keystroke costs no copies. */
	copy: Node | null;
	/** The part of a block that is gone, out of its container, ready to be moved into the next. */
	spare: HTMLElement | null;
}

/** A part a block drew, which it hands back when it is gone (spare()). */
export interface Part {
	key: string;
	root: HTMLElement;
}

/** Drawings kept per document (a popout window has its own), least recently used first. */
const LIMIT = 256;
const byDocument = new WeakMap<Document, Map<string, Kept>>();
/** Where drawn() lists the parts of the block being drawn (see collect()). */
let collecting: Part[] | null = null;

function keptIn(doc: Document): Map<string, Kept> {
	let kept = byDocument.get(doc);
	if (!kept) byDocument.set(doc, (kept = new Map<string, Kept>()));
	return kept;
}

/**
 * Appends the part `kind` drawn from `model` to `parent` and returns its root: a spare or a copy
 * of the same kind and model if there is one, else what `draw` builds (one root element). A part
 * the user can change in place (opened, filled in) is `changing`: it is never handed over as a spare.
 */
export function drawn<M>(
	parent: HTMLElement,
	kind: string,
	model: M,
	draw: (parent: HTMLElement, model: M) => HTMLElement,
	changing = false,
): HTMLElement {
	const kept = keptIn(parent.ownerDocument);
	const key = `${kind}\u0000${JSON.stringify(model)}`;
	const known = kept.get(key);
	let copy = known?.copy ?? null;
	const ready = known?.spare ?? (copy?.cloneNode(true) as HTMLElement | undefined);
	let root: HTMLElement;
	if (ready) root = parent.appendChild(ready);
	else {
		// Parts inside this one go with it: they are not listed on their own.
		[, root] = collect(() => draw(parent, model));
		// Drawn a second time: worth a copy.
		if (known) copy = root.cloneNode(true);
	}
	kept.delete(key);
	kept.set(key, { copy, spare: null });
	if (kept.size > LIMIT) kept.delete(kept.keys().next().value as string);
	if (!changing) collecting?.push({ key, root });
	return root;
}

/** Runs `draw` (the drawing of one block) and returns the parts it drew, for spare(), and what it returned. */
export function collect<T>(draw: () => T): [Part[], T] {
	const outer = collecting;
	const parts: Part[] = [];
	collecting = parts;
	try {
		return [parts, draw()];
	} finally {
		collecting = outer;
	}
}

/**
 * The block that drew `parts` in `container` is gone (unloaded): its parts leave the container and
 * wait, as spares, for the next drawing of the same model. Only once the container is off screen:
 * nobody sees a part leave.
 */
export function spare(parts: readonly Part[], container: HTMLElement): void {
	if (container.isConnected) return;
	for (const { key, root } of parts) {
		const known = keptIn(root.ownerDocument).get(key);
		if (!known || !container.contains(root)) continue;
		root.remove();
		known.spare = root;
	}
}
