/**
 * ARM deployment templates and what-if results: the resources they hold, with template
 * expressions evaluated as far as the template alone allows. `[parameters('x')]` takes the
 * parameter's literal defaultValue; anything known only at deployment is marked unknown (the
 * reader then reports it as missing-key), never replaced by a default.
 */
import { isMap, isScalar, isSeq, Pair, YAMLMap, type Node } from "yaml";
import { clip } from "../../core/text";
import type { Reader } from "../reader";
import { Fields, fieldsOf, scalarAt, seqOf, textOf } from "./nodes";

type Value = { node: Node } | { text: string } | { note: string };

/** Nested evaluations (a variable naming a parameter naming ...) stop here. */
const MAX_DEPTH = 8;

export interface Template {
	parameters?: Fields;
	variables?: Fields;
}

const isExpression = (s: string): boolean => s.startsWith("[") && !s.startsWith("[[") && s.endsWith("]");

/** Quoted strings, words (names, numbers, `.property` access) and brackets. */
const TOKEN = /'(?:[^']|'')*'|[^\s(),'[\]]+|[(),[\]]/g;

/**
 * Evaluates what a template alone decides: string and number literals, parameters() (their
 * defaultValue), variables(), concat(), format() and resourceId(). Anything else (reference(),
 * resourceGroup(), property access) is known only at deployment.
 */
class Evaluator {
	private pos = 0;
	private readonly toks: string[];
	private readonly later: Value;

	constructor(
		text: string,
		private readonly template: Template,
		private readonly depth: number,
	) {
		this.toks = text.match(TOKEN) ?? [];
		this.later = { note: `[${clip(text, 120)}] is known only at deployment` };
	}

	run(): Value {
		const v = this.expr();
		return "note" in v || this.pos === this.toks.length ? v : this.later;
	}

	private expr(): Value {
		const tok = this.toks[this.pos++] ?? "";
		if (tok.startsWith("'")) return { text: tok.slice(1, -1).replace(/''/g, "'") };
		if (this.toks[this.pos] !== "(") return /^-?\d+$/.test(tok) ? { text: tok } : this.later;
		this.pos++;
		const args: Value[] = [];
		while (this.toks[this.pos] !== ")") {
			if (this.pos >= this.toks.length) return this.later;
			args.push(this.expr());
			if (this.toks[this.pos] === ",") this.pos++;
		}
		this.pos++;
		return this.apply(tok.toLowerCase(), args);
	}

	private apply(name: string, args: Value[]): Value {
		const unknown = args.find((a) => "note" in a);
		if (unknown) return unknown;
		const texts = args.map(text);
		if (name === "parameters" || name === "variables") return this.lookup(name, texts[0]);
		const s = texts.filter((t) => t !== undefined);
		if (s.length < texts.length) return this.later;
		if (name === "concat") return { text: s.join("") };
		if (name === "format")
			return { text: (s[0] ?? "").replace(/\{(\d+)\}/g, (_, i: string) => s[Number(i) + 1] ?? "") };
		return (name === "resourceid" && resourceId(s)) || this.later;
	}

	/** A parameter's defaultValue or a variable's value; an expression there is evaluated in turn. */
	private lookup(kind: "parameters" | "variables", name: string | undefined): Value {
		const what = `[${kind}('${clip(name ?? "")}')]`;
		const table = this.template[kind];
		const value =
			name === undefined
				? null
				: kind === "parameters"
					? (table?.map(name)?.node("defaultValue") ?? null)
					: (table?.node(name) ?? null);
		if (value === null)
			return {
				note: `${what} ${kind === "parameters" ? "has no defaultValue" : "is not defined"} in the template`,
			};
		const inner = textOf(value);
		if (inner === undefined || !isExpression(inner)) return { node: value };
		if (this.depth >= MAX_DEPTH) return { note: `${what} nests too deeply` };
		const v = new Evaluator(inner.slice(1, -1), this.template, this.depth + 1).run();
		return "note" in v ? { note: `${what}: ${v.note}` } : v;
	}
}

function text(v: Value): string | undefined {
	if ("text" in v) return v.text;
	const value: unknown = "node" in v && isScalar(v.node) ? v.node.value : undefined;
	return typeof value === "string" || typeof value === "number" || typeof value === "bigint"
		? String(value)
		: undefined;
}

/** resourceId([subscriptionId, resourceGroup,] type, name...) as an ID with placeholders. */
function resourceId(args: string[]): Value | undefined {
	const at = args.findIndex((a) => a.includes("/"));
	const [namespace, ...types] = (args[at] ?? "").split("/");
	const names = args.slice(at + 1);
	if (at < 0 || names.length !== types.length) return undefined;
	const path = types.map((t, i) => `${t}/${names[i] ?? ""}`).join("/");
	return {
		text: `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/${namespace ?? ""}/${path}`,
	};
}

/**
 * A copy of `node` with every template expression evaluated: known values become scalars at the
 * expression's place, unknown ones scalars marked unknown (with a note that names the expression).
 */
export function resolveTree(r: Reader, node: Node | null, template: Template, depth = 0): Node | null {
	if (node === null || depth > 64) return node;
	if (isScalar(node)) {
		const text = typeof node.value === "string" ? node.value.trim() : undefined;
		if (text === undefined || !text.startsWith("[")) return node;
		if (text.startsWith("[[")) return scalarAt(text.slice(1), node);
		if (!isExpression(text)) return node;
		const v = new Evaluator(text.slice(1, -1), template, 0).run();
		if ("text" in v) return scalarAt(v.text, node);
		if ("node" in v) return resolveTree(r, v.node, template, depth + 1);
		const s = scalarAt(text, node);
		r.markUnknown(s, v.note);
		return s;
	}
	if (isMap(node)) {
		const copy = new YAMLMap();
		copy.range = node.range;
		for (const pair of node.items)
			copy.items.push(new Pair(pair.key, resolveTree(r, r.resolve(pair.value), template, depth + 1)));
		return copy;
	}
	if (isSeq(node)) {
		const items = node.items.map((i) => resolveTree(r, r.resolve(i), template, depth + 1));
		return seqOf(
			items.filter((i): i is Node => i !== null),
			node,
		);
	}
	return node;
}

/** The resources of a template, nested child resources included, with their full types. */
export function templateResources(r: Reader, root: Fields): { type: string; map: YAMLMap }[] {
	const out: { type: string; map: YAMLMap }[] = [];
	const walk = (list: Node | null, parentType: string) => {
		const items = isSeq(list) ? list.items : isMap(list) ? list.items.map((p) => p.value) : [];
		for (const item of items) {
			const map = r.resolve(item);
			if (!isMap(map)) continue;
			const f = fieldsOf(r, map);
			const own = textOf(f.node("type")) ?? "";
			const type = parentType && !own.includes(".") ? `${parentType}/${own}` : own;
			const condition = f.node("condition");
			if (isScalar(condition) && condition.value === false) continue;
			out.push({ type: type.toLowerCase(), map });
			walk(f.node("resources"), type);
		}
	};
	walk(root.node("resources"), "");
	return out;
}
