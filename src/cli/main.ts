/**
 * The `aks-ip` command line: the plugin's engine for CI, terminals and places where no plugin
 * runs. Node-only: it is not part of the plugin bundle.
 */
import { parseArgs } from "node:util";
import { blockJson } from "../api";
import { check, CHECK_HELP, type CheckFormat } from "./check";
import { fix, FIX_HELP } from "./fix";
import { registryCommand, REGISTRY_HELP } from "./registry";
import { planText } from "./format";
import { planInput, readInput } from "./io";
import { migrate } from "./migrate";
import { render, RENDER_HELP } from "./render";
import { TEMPLATES, templateBlock, templateById } from "../templates/templates";

declare const AKS_IP_VERSION: string | undefined;
const VERSION = typeof AKS_IP_VERSION === "string" ? AKS_IP_VERSION : "0.0.0-dev";

const HELP = `Usage: aks-ip <command> [options] FILE...

Plan and check the AKS IP plans (\`aks-ip\` code blocks) in Obsidian notes.

Commands:
  check [options] PATH...   check every block in notes and folders, and across them; FILE:LINE: SEVERITY CODE MESSAGE
  registry [options] PATH...  the inventory of every range in the notes: a table, --json or --csv
  plan [--json] FILE...     plan every block of each note (.md), bare spec (.yaml, .yml, .json) or - (standard input)
  render [--write] FILE...  write each block's Markdown summary below it
  fix [--write] FILE...     apply the plans' proposals: free subnets, pod and service ranges, IPs
  migrate [--json] FILE...  the move of each kubenet or node subnet cluster to Azure CNI Overlay
  template [--list] [NAME]  list the plan templates, or print one as a fenced block

Options:
  -h, --help       show help (also: aks-ip <command> --help)
  -v, --version    print the version
`;

const PLAN_HELP = `Usage: aks-ip plan [--json] FILE...

Plans every aks-ip block of each FILE: a note (.md), a bare spec (.yaml, .yml, .json) or -
for standard input. Prints a summary per block and one line per finding,
FILE:LINE: SEVERITY CODE MESSAGE; a note without an aks-ip block says so.

  --json    print {"blocks": [...]}, the shape documented in the README; a finding with a
            proposal carries fix: {line, from, to}
Exit status: 0 when every file was read, 1 when a file could not be read, 2 for usage errors.
`;

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
	stdin?: () => Buffer;
	/** Standard error is a terminal: long runs show progress there. */
	isTTY?: boolean;
}

function usage(io: Io, message: string): number {
	io.err(`aks-ip: ${message}\nTry 'aks-ip --help'.\n`);
	return 2;
}

function plan(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
	});
	if (values.help) {
		io.out(PLAN_HELP);
		return 0;
	}
	if (positionals.length === 0) return usage(io, "plan needs at least one FILE (or - for standard input)");
	let failed = false;
	const blocks = [];
	const texts: string[] = [];
	for (const path of positionals) {
		const read = readInput(path, io.stdin);
		if (!read.ok) {
			io.err(`aks-ip: ${read.name}: ${read.reason}\n`);
			failed = true;
			continue;
		}
		const plans = planInput(read.input);
		if (plans.length === 0 && !values.json) texts.push(`${read.input.name}: no aks-ip block in this note`);
		for (const p of plans) {
			if (values.json) blocks.push(blockJson(p, read.input.name));
			else texts.push(planText(read.input.name, p));
		}
	}
	if (values.json) io.out(`${JSON.stringify({ blocks }, null, 2)}\n`);
	else if (texts.length > 0) io.out(`${texts.join("\n\n")}\n`);
	return failed ? 1 : 0;
}

const FORMATS: readonly CheckFormat[] = ["text", "json", "github"];

function checkCommand(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			json: { type: "boolean" },
			format: { type: "string" },
			vault: { type: "string" },
			quiet: { type: "boolean", short: "q" },
			"warnings-as-errors": { type: "boolean" },
			help: { type: "boolean", short: "h" },
		},
	});
	if (values.help) {
		io.out(CHECK_HELP);
		return 0;
	}
	if (positionals.length === 0)
		return usage(io, "check needs at least one PATH (a note, a folder, or - for standard input)");
	const format = values.format ?? (values.json ? "json" : "text");
	if (!FORMATS.includes(format as CheckFormat)) return usage(io, `--format takes ${FORMATS.join(", ")}`);
	if (values.json && format !== "json") return usage(io, "--json and --format disagree");
	return check(
		positionals,
		{
			format: format as CheckFormat,
			quiet: values.quiet === true,
			warningsAsErrors: values["warnings-as-errors"] === true,
			vault: values.vault,
		},
		io,
	);
}

function registryCli(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			json: { type: "boolean" },
			csv: { type: "boolean" },
			where: { type: "string" },
			folder: { type: "string" },
			vault: { type: "string" },
			help: { type: "boolean", short: "h" },
		},
	});
	if (values.help) {
		io.out(REGISTRY_HELP);
		return 0;
	}
	if (positionals.length === 0) return usage(io, "registry needs at least one PATH (a note or a folder)");
	if (values.json && values.csv) return usage(io, "choose --json or --csv");
	const format = values.json ? "json" : values.csv ? "csv" : "text";
	return registryCommand(
		positionals,
		{ format, where: values.where, folder: values.folder, vault: values.vault },
		io,
	);
}

function renderCommand(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			write: { type: "boolean", short: "w" },
			heading: { type: "string" },
			help: { type: "boolean", short: "h" },
		},
	});
	if (values.help) {
		io.out(RENDER_HELP);
		return 0;
	}
	const heading = values.heading === undefined ? 2 : Number(values.heading);
	if (!Number.isInteger(heading) || heading < 1 || heading > 5)
		return usage(io, "--heading takes a level from 1 to 5");
	if (positionals.length === 0) return usage(io, "render needs at least one FILE (or - for standard input)");
	return render(positionals, { write: values.write === true, heading }, io);
}

function fixCommand(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			write: { type: "boolean", short: "w" },
			fill: { type: "boolean" },
			vault: { type: "string" },
			help: { type: "boolean", short: "h" },
		},
	});
	if (values.help) {
		io.out(FIX_HELP);
		return 0;
	}
	if (positionals.length === 0) return usage(io, "fix needs at least one FILE (or - for standard input)");
	return fix(positionals, { write: values.write === true, fill: values.fill === true, vault: values.vault }, io);
}

const TEMPLATE_HELP = `Usage: aks-ip template --list
       aks-ip template NAME

Lists the plan templates (id first, then name), or prints one as an aks-ip fenced block
ready to paste into a note. The same templates as the plugin's "Insert plan from template".
`;

function templateCommand(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { list: { type: "boolean", short: "l" }, help: { type: "boolean", short: "h" } },
	});
	if (values.help) {
		io.out(TEMPLATE_HELP);
		return 0;
	}
	if (values.list || positionals.length === 0) {
		const width = Math.max(...TEMPLATES.map((t) => t.id.length));
		io.out(TEMPLATES.map((t) => `${t.id.padEnd(width)}  ${t.name}: ${t.description}`).join("\n") + "\n");
		return 0;
	}
	if (positionals.length > 1) return usage(io, "template takes one NAME");
	const t = templateById(positionals[0] ?? "");
	if (!t) return usage(io, `no template '${positionals[0] ?? ""}'; see aks-ip template --list`);
	io.out(`${templateBlock(t)}\n`);
	return 0;
}

export function run(argv: string[], io: Io): number {
	const [command, ...rest] = argv;
	try {
		switch (command) {
			case "plan":
				return plan(rest, io);
			case "check":
				return checkCommand(rest, io);
			case "registry":
				return registryCli(rest, io);
			case "render":
				return renderCommand(rest, io);
			case "fix":
				return fixCommand(rest, io);
			case "migrate":
				return migrate(rest, io);
			case "template":
				return templateCommand(rest, io);
			case "-v":
			case "--version":
				io.out(`${VERSION}\n`);
				return 0;
			case undefined:
			case "-h":
			case "--help":
			case "help":
				io.out(HELP);
				return command === undefined ? 2 : 0;
			default:
				return usage(io, `unknown command '${command}'`);
		}
	} catch (e) {
		if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
			return usage(io, e.message);
		throw e;
	}
}

if (require.main === module) {
	process.exitCode = run(process.argv.slice(2), {
		out: (t) => process.stdout.write(t),
		err: (t) => process.stderr.write(t),
		isTTY: process.stderr.isTTY,
	});
}
