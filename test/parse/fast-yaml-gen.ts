/**
 * Random YAML documents in and around the fast reader's subset: block maps and sequences,
 * compact maps, scalars of every core-schema kind and quoting, one-line flow collections,
 * comments and blank lines at any indent, then random mutations (a character inserted or
 * deleted, a line re-indented, a document marker, a tab…) to reach the near misses.
 */
import fc from "fast-check";

type Tree = { k: "scalar"; text: string } | { k: "map"; entries: [string, Tree][] } | { k: "seq"; items: Tree[] };

/** Scalar texts where YAML resolution or the lexer has an edge. */
const TRICKY = [
	"",
	"~",
	"null",
	"Null",
	"NULL",
	"nULL",
	"true",
	"False",
	"TRUE",
	"yes",
	"on",
	"0",
	"-0",
	"+0",
	"007",
	"0o17",
	"0o8",
	"0x1f",
	"0xG",
	"0b1",
	"1_000",
	"1.5",
	"1.50",
	".5",
	"5.",
	"1e3",
	"1E-3",
	"-1.5e+3",
	".inf",
	"-.Inf",
	"+.INF",
	".nan",
	".NaN",
	"1:2",
	"fd00::/8",
	"fd00::",
	"a#b",
	"a #b",
	"a: b",
	"a:",
	":a",
	"-a",
	"- a",
	"-",
	"?a",
	"? a",
	"[a]",
	"{a}",
	"a,b",
	"a]",
	"a}b",
	"&a",
	"*a",
	"!a",
	"!!str a",
	"|",
	">",
	"%a",
	"@a",
	"`a",
	"a'b",
	'a"b',
	"10.0.0.0/8",
	"p1",
	"a b",
	"a  b",
	"<<",
	"---",
	"...",
	"a\tb",
	"#",
	"é",
	"😀",
	"1,000",
	"2001:db8::1",
	"[[Hub]]",
	"100%",
	"10%",
	"a\\nb",
	"\\",
];
const CHARS = "ab1 0.-+:#,[]{}'\"\\&*!|>%@`?~xe\té";

/** Scalars the subset reads: the core schema's forms, and the text of specs. */
const TAME = [
	"a",
	"p1",
	"10.1.0.0/16",
	"fd00::/8",
	"system",
	"x y",
	"1",
	"30",
	"-3",
	"+5",
	"0o17",
	"0x1F",
	"007",
	"2.50",
	".5",
	"1e3",
	"-.inf",
	".NaN",
	"~",
	"null",
	"NULL",
	"true",
	"False",
	"10%",
	"a,b",
	"a]b",
	"é😀",
	"Standard_D4s_v5",
	"a'b",
	'a"b',
];

function plainText(wild: boolean): fc.Arbitrary<string> {
	return wild
		? fc.oneof(
				{ weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
				{ weight: 2, arbitrary: fc.constantFrom(...TAME) },
				{ weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 6 }) },
			)
		: fc.constantFrom(...TAME);
}

const ESCAPES = [
	"\\n",
	"\\t",
	"\\\\",
	'\\"',
	"\\/",
	"\\x41",
	"\\u00e9",
	"\\U0001F600",
	"\\q",
	"\\x4",
	"\\U00110000",
	"\\ ",
];

/** A scalar as written: plain, single- or double-quoted (sometimes with escapes, some bad). */
function scalarText(wild: boolean): fc.Arbitrary<string> {
	const plain = plainText(wild);
	const escapes = wild ? ESCAPES : ESCAPES.filter((e) => !["\\q", "\\x4", "\\U00110000"].includes(e));
	return fc.oneof(
		{ weight: 4, arbitrary: plain },
		{ weight: 1, arbitrary: plain.map((s) => `'${s.replace(/'/g, "''")}'`) },
		{ weight: 1, arbitrary: plain.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`) },
		{
			weight: 1,
			arbitrary: fc
				.tuple(plain, fc.constantFrom(...escapes), plain)
				.map(([a, e, b]) => `"${a.replace(/["\\]/g, "")}${e}${b.replace(/["\\]/g, "")}"`),
		},
		{ weight: 1, arbitrary: fc.constantFrom(...(wild ? ["'a", '"a', "'a'b", '"a"b'] : []), "'it''s'", '""', "''") },
	);
}

const flowSep = fc.constantFrom(", ", ",", " , ", ",  ");

function flowText(wild: boolean): fc.Arbitrary<string> {
	const scalar = scalarText(wild);
	const seq = (item: fc.Arbitrary<string>) =>
		fc
			.tuple(fc.array(item, { maxLength: 4 }), flowSep, fc.constantFrom("", " "), fc.boolean())
			.map(([items, sep, pad, trailing]) => `[${pad}${items.join(sep)}${trailing && wild ? "," : ""}${pad}]`);
	// Flow sequences in a flow collection, as bare links are written: `[[Hub]]`.
	const item = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: seq(scalar) });
	return fc.oneof(
		seq(item),
		fc
			.tuple(
				fc.array(fc.tuple(scalar, item), { maxLength: 4 }),
				flowSep,
				fc.constantFrom(...(wild ? [":", " : "] : []), ": "),
				fc.constantFrom("", " "),
			)
			.map(([pairs, sep, colon, pad]) => `{${pad}${pairs.map(([k, v]) => `${k}${colon}${v}`).join(sep)}${pad}}`),
		fc.constantFrom(
			...(wild ? ["[[Hub]]", "[a, [b]]", "{a: {b: c}}", "[a: 1]", "{a, b}", "[a", "{ a: }"] : []),
			"[ ]",
			"{}",
		),
	);
}

function keyText(wild: boolean): fc.Arbitrary<string> {
	const odd = ["<<", "a:b", "k ", ...(wild ? ["? x", "-k", "[a]", "{a: 1}", "x".repeat(1100)] : [])];
	return fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom("a", "b", "name", "count", "vnet", "c d", "k1") },
		{ weight: 2, arbitrary: scalarText(wild) },
		{ weight: 1, arbitrary: fc.constantFrom(...odd) },
	);
}

function tree(wild: boolean): fc.Arbitrary<Tree> {
	const scalar = scalarText(wild);
	const flow = flowText(wild);
	const key = keyText(wild);
	return fc.letrec<{ node: Tree }>((tie) => ({
		node: fc.oneof(
			{ depthSize: "small", withCrossShrink: true },
			{ weight: 3, arbitrary: scalar.map((text): Tree => ({ k: "scalar", text })) },
			{ weight: 1, arbitrary: flow.map((text): Tree => ({ k: "scalar", text })) },
			{
				weight: 2,
				arbitrary: fc
					.array(fc.tuple(key, tie("node")), { minLength: 1, maxLength: 4 })
					.map((entries): Tree => ({ k: "map", entries })),
			},
			{
				weight: 2,
				arbitrary: fc
					.array(tie("node"), { minLength: 1, maxLength: 4 })
					.map((items): Tree => ({ k: "seq", items })),
			},
		),
	})).node;
}

/** A small deterministic generator for the layout choices, seeded by fast-check. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Renderer {
	readonly lines: string[] = [];
	constructor(private readonly rnd: () => number) {}

	private pick<T>(...options: T[]): T {
		return options[Math.floor(this.rnd() * options.length)] ?? (options[0] as T);
	}

	private chance(p: number): boolean {
		return this.rnd() < p;
	}

	private comment(): string {
		return this.chance(0.2) ? this.pick(" # c", "   # note: x", " #", "#x") : this.pick("", "", " ", "");
	}

	private trivia(): void {
		while (this.chance(0.15)) {
			const pad = " ".repeat(Math.floor(this.rnd() * 7));
			this.lines.push(this.pick(`${pad}# comment`, "", pad, `${pad}#`));
		}
	}

	block(node: Tree, indent: number): void {
		const pad = " ".repeat(indent);
		const step = this.pick(2, 2, 2, 4, 1, 3);
		if (node.k === "scalar") {
			this.lines.push(pad + node.text + this.comment());
			return;
		}
		if (node.k === "map") {
			for (const [key, value] of node.entries) {
				const head = `${pad}${key}${this.pick(":", ":", ":", " :")}`;
				if (value.k === "scalar")
					this.lines.push(`${head}${this.pick(" ", " ", "  ")}${value.text}${this.comment()}`);
				else {
					this.lines.push(head + this.comment());
					this.trivia();
					this.block(value, value.k === "seq" && this.chance(0.4) ? indent : indent + step);
				}
				this.trivia();
			}
			return;
		}
		for (const item of node.items) {
			if (item.k === "scalar")
				this.lines.push(`${pad}-${this.pick(" ", " ", "  ")}${item.text}${this.comment()}`);
			else if (this.chance(0.8)) {
				// Compact: the item's first line shares the dash's line.
				const gap = this.pick(1, 1, 1, 3);
				const at = this.lines.length;
				this.block(item, indent + 1 + gap);
				const first = this.lines[at] ?? "";
				this.lines[at] = `${pad}-${" ".repeat(gap)}${first.slice(indent + 1 + gap)}`;
			} else {
				this.lines.push(`${pad}-${this.comment()}`);
				this.block(item, indent + step);
			}
			this.trivia();
		}
	}
}

/** One mutation of the text: the near misses the fast reader must decline or read exactly. */
function mutate(text: string, rnd: () => number): string {
	const at = Math.floor(rnd() * (text.length + 1));
	const lines = text.split("\n");
	const line = Math.floor(rnd() * lines.length);
	switch (Math.floor(rnd() * 8)) {
		case 0:
			return text.slice(0, at) + text.slice(at + 1);
		case 1:
			return text.slice(0, at) + (CHARS[Math.floor(rnd() * CHARS.length)] ?? "") + text.slice(at);
		case 2:
			lines[line] = ` ${lines[line] ?? ""}`;
			return lines.join("\n");
		case 3:
			lines[line] = (lines[line] ?? "").replace(/^ /, "");
			return lines.join("\n");
		case 4:
			lines.splice(
				line,
				0,
				["---", "...", "%YAML 1.2", "--- a", "\t# tab", "  \t", "? x", ": y"][line % 8] ?? "",
			);
			return lines.join("\n");
		case 5:
			return text.slice(0, at) + ["\n", "\r\n", ": ", " #", "\t", "&x ", "*x", "!t "][at % 8] + text.slice(at);
		case 6:
			lines.splice(line, 0, lines[line] ?? "");
			return lines.join("\n");
		default:
			return text.slice(0, at) + "\n" + " ".repeat(Math.floor(rnd() * 5)) + text.slice(at);
	}
}

/**
 * A document text: a rendered tree (a map at its root, mostly). Wild documents draw from every
 * edge and a third of them carry 1 to 3 mutations; tame ones stay mostly inside the subset, so
 * that its layouts (comments, nesting, compact maps) are read by both paths often.
 */
export function yamlDocument(wild: boolean): fc.Arbitrary<string> {
	return fc
		.tuple(tree(wild), fc.integer(), fc.nat({ max: 9 }), fc.boolean())
		.map(([root, seed, mutations, final]) => {
			const rnd = random(seed);
			const r = new Renderer(rnd);
			if (rnd() < 0.3) r.lines.push(rnd() < 0.5 ? "# leading comment" : "");
			r.block(root.k === "map" || (wild && rnd() < 0.1) ? root : { k: "map", entries: [["root", root]] }, 0);
			let text = r.lines.join("\n") + (final ? "\n" : "");
			for (let i = 0; wild && i < mutations - 6; i++) text = mutate(text, rnd);
			return text;
		});
}
