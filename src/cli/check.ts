/** `aks-ip check`: every block of every note, one line per finding, an exit status for CI. */
import { blockJson, type BlockJson } from "../plan/json";
import { countOf } from "../core/numbers";
import type { Finding } from "../core/findings";
import { findingLine } from "./format";
import type { Io } from "./main";
import { loadNotes, planned } from "./vault";

export const CHECK_HELP = `Usage: aks-ip check [options] PATH...

Checks every aks-ip block in the notes at PATH: files (notes, bare specs, - for standard input)
or folders, searched recursively for .md notes (hidden folders, .obsidian, .git and
node_modules are skipped). Every note read goes into one registry, so overlaps between notes
(connected networks, cluster ranges reaching a peered network) and links to other notes are
checked too. Prints one line per finding,
  FILE:LINE: SEVERITY CODE MESSAGE
then a summary line.

Options:
  --vault DIR             the vault's root, from which links by path resolve (default: the
                          folder common to every PATH)
  --format FORMAT         text (the default), json, or github: GitHub Actions annotations
                          (::error file=FILE,line=LINE,title=CODE::MESSAGE)
  --json                  the same as --format json: {"blocks": [...]} as aks-ip plan --json
                          prints it, findings across notes with "related": {file, line}
  --quiet                 print errors only
  --warnings-as-errors    exit 1 on warnings too
  -h, --help              show this help

Exit status: 0 no errors, 1 errors found (or a file could not be read), 2 usage error.
`;

export type CheckFormat = "text" | "json" | "github";

interface CheckOptions {
	format: CheckFormat;
	quiet: boolean;
	warningsAsErrors: boolean;
	vault?: string;
}

/** GitHub's workflow-command escapes: for the message, and (more) for a property. */
function escapeData(text: string): string {
	return text.split("%").join("%25").split("\r").join("%0D").split("\n").join("%0A");
}

function escapeProperty(text: string): string {
	return escapeData(text).split(":").join("%3A").split(",").join("%2C");
}

const LEVELS = { error: "error", warning: "warning", info: "notice" } as const;

/** A finding as a GitHub Actions annotation on its file and line. */
export function annotation(file: string, f: Finding): string {
	return `::${LEVELS[f.severity]} file=${escapeProperty(file)},line=${f.line},title=${escapeProperty(f.code)}::${escapeData(f.message)}`;
}

export function check(paths: string[], options: CheckOptions, io: Io): number {
	const loaded = loadNotes(paths, options.vault, io);
	let blocks = 0;
	let errors = 0;
	let warnings = 0;
	let notesWithBlocks = 0;
	const json: BlockJson[] = [];
	const out: string[] = [];
	for (const note of loaded.notes) {
		const list = planned(loaded, note);
		if (list.length > 0) notesWithBlocks++;
		for (const block of list) {
			blocks++;
			let findings = block.findings;
			if (options.format === "json") {
				const whole = block.whole();
				findings = whole.findings;
				json.push(blockJson(whole.plan, note.input.name, findings));
			}
			for (const f of findings) {
				if (f.severity === "error") errors++;
				if (f.severity === "warning") warnings++;
				if (options.format === "json" || (options.quiet && f.severity !== "error")) continue;
				out.push(
					options.format === "github" ? annotation(note.input.name, f) : findingLine(note.input.name, f),
				);
			}
		}
	}
	if (options.format === "json") {
		io.out(`${JSON.stringify({ blocks: json }, null, 2)}\n`);
	} else {
		if (out.length > 0) io.out(`${out.join("\n")}\n`);
		const skipped = loaded.unreadable > 0 ? `, ${countOf(loaded.unreadable, "file")} not read` : "";
		io.out(
			`${countOf(loaded.files, "file")} checked, ${countOf(blocks, "block")} in ${countOf(notesWithBlocks, "note")}: ${countOf(errors, "error")}, ${countOf(warnings, "warning")}${skipped}.\n`,
		);
	}
	const failed = errors > 0 || (options.warningsAsErrors && warnings > 0) || loaded.unreadable > 0;
	return failed ? 1 : 0;
}
