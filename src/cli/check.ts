/** `aks-ip check`: every block of every note, one line per finding, an exit status for CI. */
import { blockJson, type BlockJson } from "../plan/json";
import { countOf } from "../core/numbers";
import { findingLine } from "./format";
import { planInput, readInput, displayName } from "./io";
import type { Io } from "./main";
import { expandPaths } from "./walk";

export const CHECK_HELP = `Usage: aks-ip check [options] PATH...

Checks every aks-ip block in the notes at PATH: files (notes, bare specs, - for standard input)
or folders, searched recursively for .md notes (hidden folders, .obsidian, .git and
node_modules are skipped). Prints one line per finding,
  FILE:LINE: SEVERITY CODE MESSAGE
then a summary line.

Options:
  --json                  print {"blocks": [...]} as aks-ip plan --json does
  --quiet                 print errors only
  --warnings-as-errors    exit 1 on warnings too
  -h, --help              show this help

Exit status: 0 no errors, 1 errors found (or a file could not be read), 2 usage error.
`;

interface CheckOptions {
	json: boolean;
	quiet: boolean;
	warningsAsErrors: boolean;
}

export function check(paths: string[], options: CheckOptions, io: Io): number {
	const expanded = expandPaths(paths);
	let unreadable = expanded.problems.length;
	for (const p of expanded.problems) io.err(`aks-ip: ${displayName(p.path)}: ${p.reason}\n`);
	let blocks = 0;
	let errors = 0;
	let warnings = 0;
	let notesWithBlocks = 0;
	const json: BlockJson[] = [];
	const out: string[] = [];
	const progress = io.isTTY === true && expanded.files.length > 500;
	expanded.files.forEach((path, i) => {
		if (progress && i % 250 === 0) io.err(`\rChecking ${i}/${expanded.files.length}…`);
		const read = readInput(path, io.stdin);
		if (!read.ok) {
			io.err(`aks-ip: ${read.name}: ${read.reason}; skipped\n`);
			unreadable++;
			return;
		}
		const plans = planInput(read.input);
		if (plans.length > 0) notesWithBlocks++;
		for (const plan of plans) {
			blocks++;
			if (options.json) json.push(blockJson(plan, read.input.name));
			for (const f of plan.findings) {
				if (f.severity === "error") errors++;
				if (f.severity === "warning") warnings++;
				if (!options.json && (!options.quiet || f.severity === "error"))
					out.push(findingLine(read.input.name, f));
			}
		}
	});
	if (progress) io.err("\r\x1b[K");
	if (options.json) {
		io.out(`${JSON.stringify({ blocks: json }, null, 2)}\n`);
	} else {
		if (out.length > 0) io.out(`${out.join("\n")}\n`);
		const skipped = unreadable > 0 ? `, ${countOf(unreadable, "file")} not read` : "";
		io.out(
			`${countOf(expanded.files.length, "file")} checked, ${countOf(blocks, "block")} in ${countOf(notesWithBlocks, "note")}: ${countOf(errors, "error")}, ${countOf(warnings, "warning")}${skipped}.\n`,
		);
	}
	const failed = errors > 0 || (options.warningsAsErrors && warnings > 0) || unreadable > 0;
	return failed ? 1 : 0;
}
