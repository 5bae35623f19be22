/**
 * Reading pasted documents by key, and building the spec-shaped nodes the spec reader takes.
 * A built node carries the source range of the node it stands for, so findings keep the line
 * of the pasted key.
 */
import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import type { Entry, Reader } from "../reader";

/** A scalar holding `value`, placed where `at` is in the source. */
export function scalarAt(value: unknown, at: Node | null | undefined): Scalar {
	const s = new Scalar(value);
	if (at?.range) s.range = at.range;
	return s;
}

/** A map of `key: value` pairs; each key is placed at `keyAt` (or at its value). */
export function mapOf(pairs: { key: string; keyAt?: Node | null; value: Node | null }[], at?: Node | null): YAMLMap {
	const map = new YAMLMap();
	for (const p of pairs) map.items.push(new Pair(scalarAt(p.key, p.keyAt ?? p.value), p.value));
	if (at?.range) map.range = at.range;
	return map;
}

export function seqOf(items: Node[], at?: Node | null): YAMLSeq {
	const seq = new YAMLSeq();
	seq.items.push(...items);
	const first = at ?? items[0];
	if (first?.range) seq.range = first.range;
	return seq;
}

/** The text of a scalar string node, trimmed; undefined for anything else or an empty string. */
export function textOf(node: Node | null | undefined): string | undefined {
	if (!isScalar(node) || typeof node.value !== "string") return undefined;
	const t = node.value.trim();
	return t === "" ? undefined : t;
}

/** Carries information: not null, not empty, not a list or map of nothing but such values. */
function present(node: Node | null): boolean {
	if (node === null) return false;
	if (isScalar(node)) return node.value !== null && node.value !== "";
	if (isSeq(node)) return node.items.some((i) => present(i as Node | null));
	if (isMap(node)) return node.items.some((p) => present(p.value as Node | null));
	return false;
}

/** `map` read by case-insensitive key (built once per map, and kept by the read: Reader#fields). */
export function fieldsOf(r: Reader, map: YAMLMap): Fields {
	let f = r.fields.get(map);
	if (!f) r.fields.set(map, (f = new Fields(r, map)));
	return f;
}

/** A pasted map read by case-insensitive key, remembering the keys it used. */
export class Fields {
	private readonly used = new Set<string>();
	private readonly byKey = new Map<string, Pair>();

	constructor(
		private readonly r: Reader,
		readonly raw: YAMLMap,
	) {
		for (const pair of raw.items) {
			const key = r.resolve(pair.key);
			const text = isScalar(key) ? key.value : undefined;
			if (typeof text !== "string") continue;
			const lower = text.toLowerCase();
			if (!this.byKey.has(lower)) this.byKey.set(lower, pair);
		}
	}

	/** Every key, as written. */
	keys(): string[] {
		return [...this.byKey.values()].map((p) => String((this.r.resolve(p.key) as Scalar).value));
	}

	has(name: string): boolean {
		return this.byKey.has(name.toLowerCase());
	}

	use(name: string): void {
		this.used.add(name.toLowerCase());
	}

	/** The entry of `name` (the key as written, its line and its value), marked used. */
	entry(name: string): Entry | undefined {
		const pair = this.byKey.get(name.toLowerCase());
		if (!pair) return undefined;
		this.used.add(name.toLowerCase());
		const key = this.r.resolve(pair.key);
		return {
			key: String((key as Scalar).value),
			line: this.r.line(key, this.r.firstLine),
			node: this.r.resolve(pair.value),
		};
	}

	/** The key node of `name`, for a line. */
	keyNode(name: string): Node | null {
		const pair = this.byKey.get(name.toLowerCase());
		return pair ? this.r.resolve(pair.key) : null;
	}

	/** The value of `name` without marking it used (to recognise a shape). */
	peek(name: string): Node | null {
		const pair = this.byKey.get(name.toLowerCase());
		return pair ? this.r.resolve(pair.value) : null;
	}

	node(name: string): Node | null {
		const pair = this.byKey.get(name.toLowerCase());
		if (!pair) return null;
		this.used.add(name.toLowerCase());
		return this.r.resolve(pair.value);
	}

	str(name: string): string | undefined {
		return textOf(this.node(name));
	}

	/** The value of `name` when it is a map, as Fields. */
	map(name: string): Fields | undefined {
		const n = this.node(name);
		return isMap(n) ? fieldsOf(this.r, n) : undefined;
	}

	/** The items of `name` when it is a list (aliases resolved). */
	seq(name: string): Node[] {
		const n = this.node(name);
		if (!isSeq(n)) return [];
		return n.items.map((i) => this.r.resolve(i)).filter((i): i is Node => i !== null);
	}

	/** Maps among the items of `name`, as Fields. */
	maps(name: string): Fields[] {
		return this.seq(name)
			.filter((n): n is YAMLMap => isMap(n))
			.map((m) => fieldsOf(this.r, m));
	}

	/** Keys holding information that nothing used, prefixed with `path`. */
	unused(path: string): string[] {
		return [...this.byKey.entries()]
			.filter(([lower, pair]) => !this.used.has(lower) && present(this.r.resolve(pair.value)))
			.map(([, pair]) => `${path}${String((this.r.resolve(pair.key) as Scalar).value)}`);
	}
}

/** `…/virtualNetworks/VNET/subnets/NAME` in a resource ID. */
const SUBNET_ID = /\/virtualNetworks\/([^/]+)\/subnets\/([^/]+)\/?$/i;

export function subnetOfId(id: string | undefined): { vnet: string; name: string } | undefined {
	const m = id ? SUBNET_ID.exec(id) : null;
	return m?.[1] && m[2] ? { vnet: m[1], name: m[2] } : undefined;
}

/** The last segment of an ARM name such as `vnet/subnet` or `cluster/pool`. */
export function lastSegment(name: string): string {
	return name.split("/").pop() ?? name;
}
