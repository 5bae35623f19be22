/**
 * The JSON of `terraform show -json`: its resources (from resource_changes for a plan, from
 * values for the state, child modules included), their attributes with the unknown-after-apply
 * flags of a plan, and the configuration's expressions (references of values known only after apply).
 */
import { isScalar, type Node } from "yaml";
import type { Entry, Reader } from "../reader";
import { Fields, scalarAt, textOf } from "./nodes";

export interface Resource {
	address: string;
	type: string;
	/** The module path of the resource, e.g. "module.network." ("" at the root). */
	module: string;
	values: Fields;
	unknown: Fields | undefined;
	line: number;
}

/** Attribute values of a resource (or of a nested block) with their unknown-after-apply flags. */
export class Tf {
	constructor(
		private readonly r: Reader,
		readonly res: Resource,
		private readonly values: Fields | undefined,
		private readonly unknown: Fields | undefined,
		private readonly path: string,
	) {}

	/** The first element of a nested block such as network_profile. */
	block(key: string): Tf {
		const first = (f: Fields | undefined) => f?.maps(key)[0];
		return new Tf(this.r, this.res, first(this.values), first(this.unknown), `${this.path}${key}.`);
	}

	maps(key: string): Fields[] {
		return this.values?.maps(key) ?? [];
	}

	known(key: string): Entry | undefined {
		const e = this.values?.entry(key);
		return e && !this.r.isEmpty(e.node) ? e : undefined;
	}

	isUnknown(key: string): boolean {
		const n = this.unknown?.node(key) ?? null;
		return isScalar(n) && n.value === true;
	}

	/** The key node of an unknown attribute (for its line). */
	unknownKey(key: string): Node | null {
		return this.unknown?.keyNode(key) ?? null;
	}

	/** A known value, or an unknown one marked so, or undefined when the attribute is unset. */
	entry(key: string): Entry | undefined {
		const e = this.known(key);
		if (e) return e;
		if (!this.isUnknown(key)) return undefined;
		return this.unknownEntry(key, `${this.path}${key} of ${this.res.address} is known only after apply`);
	}

	unknownEntry(key: string, what: string): Entry {
		const at = this.unknownKey(key);
		const node = scalarAt("(known after apply)", at);
		this.r.markUnknown(node, what);
		return { key, line: this.r.line(at, this.res.line), node };
	}
}

/** Resources of a plan (resource_changes) or of the state (values), child modules included. */
export function resources(r: Reader, root: Fields): Resource[] {
	const out: Resource[] = [];
	const changes = root.maps("resource_changes");
	for (const c of changes) {
		const change = c.map("change");
		const actions = change?.seq("actions").map((a) => textOf(a)) ?? [];
		const after = change?.map("after");
		if (!after || (actions.length === 1 && actions[0] === "delete")) continue;
		const address = c.str("address") ?? "";
		out.push({
			address,
			type: c.str("type") ?? "",
			module: modulePath(address),
			values: after,
			unknown: change?.map("after_unknown"),
			line: r.line(c.raw, r.firstLine),
		});
	}
	if (changes.length > 0) return out;
	const walk = (m: Fields | undefined) => {
		if (!m) return;
		for (const res of m.maps("resources")) {
			const values = res.map("values");
			const address = res.str("address") ?? "";
			if (values)
				out.push({
					address,
					type: res.str("type") ?? "",
					module: modulePath(address),
					values,
					unknown: undefined,
					line: r.line(res.raw, r.firstLine),
				});
		}
		for (const child of m.maps("child_modules")) walk(child);
	};
	walk((root.map("values") ?? root.map("planned_values"))?.map("root_module"));
	return out;
}

function modulePath(address: string): string {
	const m = /^((?:module\.[^.]+(?:\[[^\]]*\])?\.)*)/.exec(address);
	return m?.[1] ?? "";
}

/** The configuration's expressions by resource address (references of unknown values). */
export function expressions(root: Fields): Map<string, Fields> {
	const out = new Map<string, Fields>();
	const walk = (m: Fields | undefined, prefix: string) => {
		if (!m) return;
		for (const res of m.maps("resources")) {
			const e = res.map("expressions");
			if (e) out.set(`${prefix}${res.str("address") ?? ""}`, e);
		}
		const calls = m.map("module_calls");
		for (const name of calls?.keys() ?? []) walk(calls?.map(name)?.map("module"), `${prefix}module.${name}.`);
	};
	walk(root.map("configuration")?.map("root_module"), "");
	return out;
}
