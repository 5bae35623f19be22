/** `aks-ip render`: each note with its blocks' summaries written below them. */
import { errorText } from "../core/text";
import { renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { planNote, planSource, toMarkdown } from "../api";
import { applyEdits, summaryEdit, type TextEdit } from "../markdown/region";
import { findBlocks } from "../note/blocks";
import { isBareSpec, readInput } from "./io";
import type { Io } from "./main";

export const RENDER_HELP = `Usage: aks-ip render [--write] FILE...

Writes the Markdown summary of every aks-ip block of each note right below the block, between
two marker comments, refreshing a summary that is already there. Everything else in the note
is left as it is, byte for byte; rendering a rendered note changes nothing.
For a bare spec (.yaml, .yml, .json) it prints the summary alone.

Options:
  --write       rewrite the notes in place (atomically: a temporary file, then a rename)
  --heading N   level of the summary's cluster heading (default 2)
  -h, --help    show this help

Without --write the result goes to standard output.
`;

/** The note with every closed block's summary written or refreshed below it. */
export function renderNote(note: string, headingLevel = 2): string {
	const blocks = findBlocks(note);
	const plans = planNote(note);
	const edits: TextEdit[] = [];
	blocks.forEach((block, i) => {
		const plan = plans[i];
		if (!plan) return;
		const edit = summaryEdit(note, block, toMarkdown(plan, { headingLevel }));
		if (edit) edits.push(edit);
	});
	return applyEdits(note, edits);
}

/** Writes through a temporary file and a rename, so a failure never leaves a truncated note. */
export function writeAtomically(path: string, text: string): void {
	const temp = join(dirname(path), `.${basename(path)}.aks-ip-${process.pid}.tmp`);
	// "wx" refuses to reuse an existing file, so a temporary file found there is never ours to delete.
	writeFileSync(temp, text, { encoding: "utf8", flag: "wx" });
	try {
		renameSync(temp, path);
	} catch (e) {
		unlinkSync(temp);
		throw e;
	}
}

export function render(files: string[], options: { write: boolean; heading: number }, io: Io): number {
	let failed = false;
	for (const path of files) {
		const read = readInput(path, io.stdin);
		if (!read.ok) {
			io.err(`aks-ip: ${read.name}: ${read.reason}\n`);
			failed = true;
			continue;
		}
		const { name, text } = read.input;
		if (isBareSpec(read.input)) {
			if (options.write) {
				io.err(`aks-ip: ${name}: a bare spec has no note to write a summary into; run without --write\n`);
				failed = true;
				continue;
			}
			io.out(toMarkdown(planSource(text), { headingLevel: options.heading }));
			continue;
		}
		const rendered = renderNote(text, options.heading);
		if (!options.write || path === "-") {
			if (files.length > 1) io.out(`==> ${name} <==\n`);
			io.out(rendered);
			continue;
		}
		if (rendered === text) continue;
		try {
			writeAtomically(path, rendered);
			io.err(`aks-ip: ${name}: summaries written\n`);
		} catch (e) {
			io.err(`aks-ip: ${name}: not written: ${errorText(e)}\n`);
			failed = true;
		}
	}
	return failed ? 1 : 0;
}
