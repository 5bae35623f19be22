/** `aks-ip fix`: every note with the allocator's proposals applied. */
import { allocContextOf, findBlocks, planSource, proposalEdits, type Change, type PlanSourceOptions } from "../api";
import { applyEdits, type TextEdit } from "../markdown/region";
import { isBareSpec, type Input } from "./io";
import type { Io } from "./main";
import { writeAtomically } from "./render";
import { loadNotes } from "./vault";
import { resolve } from "node:path";

export const FIX_HELP = `Usage: aks-ip fix [--write] [--fill] FILE...

Applies every proposal of the plans in each FILE (a note, a bare spec, or - for standard input):
subnets too small or overlapping moved to a free place of the VNet, missing node and pod subnets
added, pod and service CIDRs that collide moved to free private ranges, static load-balancer
and DNS IPs put right. Values are rewritten where they are written, keeping comments, quoting
and indentation; everything else stays byte for byte. Growing the VNet is only proposed (in
plan --json and in the plugin), never applied here.

Prints each file with the proposals applied, and lists every change on standard error as
  FILE:LINE: OLD -> NEW (WHY)

Every FILE is read into one registry, as check does: proposals stay clear of the ranges the other
notes hold (subnets of the same VNet, routed ranges of connected networks), and a vnet linked to
a network note is looked up there.

Options:
  --write     rewrite the files in place (atomically: a temporary file, then a rename)
  --fill      also write down the ranges the spec leaves to AKS's defaults (pod and service
              CIDRs, DNS service IP), as the plugin's "Fill in missing ranges" does
  --vault DIR the vault root links resolve from (default: the folder common to every FILE)
  -h, --help  show this help

Exit status: 0 when the result has no errors, 1 when some remain (for example no room in the
VNet) or a file could not be read or written, 2 for usage errors.
`;

interface FixOptions {
	write: boolean;
	fill: boolean;
	vault?: string;
}

/** What the registry tells block `index` of a note: the ranges to avoid, and its linked network. */
type Estate = (index: number) => Pick<PlanSourceOptions, "context" | "linkedVnet">;

interface Fixed {
	text: string;
	changes: Change[];
	problems: { line: number; reason: string }[];
}

/** One pass over every block of `text`: the proposals of `mode`, applied together. */
/** The blocks of `text` (a note, or a bare spec as one block) and their plans, with the registry's estate. */
function plansOf(input: Input, text: string, estate: Estate, mode: "fix" | "fill" = "fix") {
	const bare = isBareSpec({ ...input, text });
	const blocks = bare ? [{ fenceLine: 0, body: text }] : findBlocks(text);
	const plans = blocks.map((b, i) => planSource(b.body, { ...estate(i), fenceLine: b.fenceLine, proposals: mode }));
	return { blocks, plans };
}

function pass(input: Input, text: string, mode: "fix" | "fill", estate: Estate): Fixed {
	const { blocks, plans } = plansOf(input, text, estate, mode);
	const edits: TextEdit[] = [];
	const changes: Change[] = [];
	const problems: Fixed["problems"] = [];
	blocks.forEach((block, i) => {
		const chosen = (plans[i]?.proposals ?? []).filter((p) => p.auto && (mode === "fill" || p.active));
		if (chosen.length === 0) return;
		const r = proposalEdits(text, block.fenceLine, chosen);
		if (!r.ok) {
			problems.push({ line: Math.max(block.fenceLine, 1), reason: r.reason });
			return;
		}
		// Lines inserted by earlier blocks move this block's changes down.
		const shift = edits.reduce((n, e) => n + newlines(e.text) - newlines(text.slice(e.from, e.to)), 0);
		edits.push(...r.edits);
		for (const c of r.changes) changes.push({ ...c, line: c.line + shift });
	});
	return { text: applyEdits(text, edits), changes, problems };
}

function newlines(s: string): number {
	return s.split("\n").length - 1;
}

export function fix(files: string[], options: FixOptions, io: Io): number {
	const loaded = loadNotes(files, options.vault, io);
	let failed = loaded.unreadable > 0;
	for (const { input, key } of loaded.notes) {
		const estate: Estate = (index) =>
			key === null
				? {}
				: {
						context: allocContextOf(loaded.registry, key, index),
						linkedVnet: (link) => loaded.registry.linkedVnet(link, key),
					};
		const path = key === null ? "-" : resolve(loaded.root, key);
		const first = pass(input, input.text, "fix", estate);
		const second = options.fill ? pass(input, first.text, "fill", estate) : null;
		const result = second?.text ?? first.text;
		for (const p of [...first.problems, ...(second?.problems ?? [])])
			io.err(`${input.name}:${p.line}: not fixed: ${p.reason}\n`);
		for (const c of [...first.changes, ...(second?.changes ?? [])])
			io.err(`${input.name}:${c.line}: ${c.old} -> ${c.new} (${c.why})\n`);
		if (!options.write || path === "-") {
			if (loaded.notes.length > 1) io.out(`==> ${input.name} <==\n`);
			io.out(result);
		} else if (result !== input.text) {
			try {
				writeAtomically(path, result);
			} catch (e) {
				io.err(`aks-ip: ${input.name}: not written: ${(e as Error).message}\n`);
				failed = true;
			}
		}
		// The next notes' proposals see this one as fixed: two notes never move into one place.
		if (key !== null && result !== input.text) {
			loaded.registry.setNote(key, result, isBareSpec(input));
			loaded.registry.check();
		}
		const errors = plansOf(input, result, estate).plans.reduce(
			(n, p) => n + p.findings.filter((f) => f.severity === "error").length,
			0,
		);
		if (errors > 0) {
			io.err(
				`${input.name}: ${errors === 1 ? "1 error remains" : `${errors} errors remain`}: see aks-ip check\n`,
			);
			failed = true;
		}
	}
	return acrossNotes(loaded, io) || failed ? 1 : 0;
}

/** Errors across notes that remain once every note is fixed (the registry was kept current). */
function acrossNotes(loaded: ReturnType<typeof loadNotes>, io: Io): boolean {
	let any = false;
	for (const { input, key } of loaded.notes) {
		if (key === null) continue;
		const blocks = loaded.registry.notes.get(key)?.blocks ?? [];
		const errors = blocks.reduce((n, b) => n + b.cross.filter((f) => f.severity === "error").length, 0);
		if (errors === 0) continue;
		any = true;
		io.err(
			`${input.name}: ${errors === 1 ? "1 error across notes remains" : `${errors} errors across notes remain`}: see aks-ip check\n`,
		);
	}
	return any;
}
