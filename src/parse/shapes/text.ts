/**
 * What a pasted body is, read from its text before any YAML: formats the reader refuses (with the
 * command that prints something readable), JSON documents with terminal text around them, and
 * what that terminal text is.
 */

interface Refusal {
	/** The format and the command that gives readable input. */
	message: string;
	/** 0-based line of the body where the format shows. */
	line: number;
}

/** The first line matching `re`, or -1. */
function firstMatch(lines: string[], re: RegExp): number {
	return lines.findIndex((l) => re.test(l));
}

/** PowerShell's Format-List: three `Name : value` lines in a row, some padded before the colon. */
function powerShellList(lines: string[]): number {
	let run = 0;
	let padded = false;
	for (let i = 0; i < lines.length; i++) {
		const m = /^[A-Z][A-Za-z0-9]*( *):(?: |$)/.exec(lines[i] ?? "");
		run = m ? run + 1 : 0;
		padded = m ? padded || m[1] !== "" : false;
		if (run >= 3 && padded) return i - 2;
	}
	return -1;
}

/** Tab-separated values: most non-empty lines hold a tab between two values. */
function tsv(lines: string[]): number {
	const tabbed = (l: string) => /\S\t+\S/.test(l);
	const filled = lines.filter((l) => l.trim() !== "");
	return filled.filter(tabbed).length * 2 >= filled.length ? lines.findIndex(tabbed) : -1;
}

const AZ_JSON = "paste az aks show -g RESOURCE_GROUP -n CLUSTER -o json";
const AGAIN = "run the command again with -o json";
const EVALUATE = "which the planner cannot evaluate";

/** Refused formats: how each is recognised (the line it shows on), what it is, why not, what to run. */
const PATTERNS: [(lines: string[]) => number, string, string, string][] = [
	[
		(l) =>
			firstMatch(
				l,
				/^\s*(?:(?:resource|data)\s+"[\w-]+"\s+"[\w-]+"|(?:module|variable|output|provider)\s+"[\w-]+"|terraform|locals)\s*\{\s*$/,
			),
		"Terraform HCL",
		EVALUATE,
		"paste terraform show -json of a saved plan (terraform plan -out tfplan) or of the state",
	],
	[
		(l) =>
			firstMatch(
				l,
				/^\s*(?:resource\s+\w+\s+'[\w.]+\/[\w./]+@[\w.-]+'|param\s+\w+\s+(?:string|int|bool|object|array)\b|targetScope\s*=)/,
			),
		"Bicep",
		EVALUATE,
		"paste the ARM JSON that az bicep build writes, or az deployment group what-if --no-pretty-print",
	],
	[
		(l) => firstMatch(l, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\b/),
		"a kubectl get nodes table",
		"which lists nodes, not address ranges",
		AZ_JSON,
	],
	[
		(l) => {
			const i = firstMatch(l, /^-{2,}(?: +-{2,})+\s*$/);
			return i > 0 ? i - 1 : i;
		},
		"az output in table form (-o table)",
		"which leaves out the network settings",
		AGAIN,
	],
	[powerShellList, "a PowerShell object listing (Name : value)", "which hides nested settings", AZ_JSON],
	[tsv, "tab-separated az output (-o tsv)", "whose values carry no key names", AGAIN],
];

/** A format the reader refuses, when the text is one. */
export function refusedFormat(text: string): Refusal | null {
	const lines = text.split("\n");
	for (const [test, what, why, fix] of PATTERNS) {
		const line = test(lines);
		if (line >= 0) return { message: `This is ${what}, ${why}: ${fix}.`, line };
	}
	return null;
}

/** True when the body reads as a PowerShell listing even though it is valid YAML. */
export function isPowerShellList(text: string): boolean {
	return / {2,}: /.test(text) && powerShellList(text.split("\n")) >= 0;
}

interface Segment {
	/** Offsets in the text: the first character and one past the last. */
	from: number;
	to: number;
}

/** Bounds, so that a long body of stray brackets stays fast: candidate starts, documents, characters scanned. */
const MAX_CANDIDATES = 200;
const MAX_DOCUMENTS = 20;
const MAX_SCAN = 1_000_000;
/** Deeper than any az or terraform output nests. */
const MAX_DEPTH = 256;

/** The end (one past the closing bracket) of the JSON value opening at `from`, or -1 (also past `limit`). */
function closeOf(text: string, from: number, limit: number): number {
	const stack: string[] = [];
	let inString = false;
	const end = Math.min(text.length, from + limit);
	for (let i = from; i < end; i++) {
		const c = text[i];
		if (inString) {
			if (c === "\\") i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === "{" || c === "[") {
			if (stack.length >= MAX_DEPTH) return -1;
			stack.push(c === "{" ? "}" : "]");
		} else if (c === "}" || c === "]") {
			if (stack.pop() !== c) return -1;
			if (stack.length === 0) return i + 1;
		}
	}
	return -1;
}

/**
 * The JSON documents of a text, each starting on a line of its own (`{` or `[` first on the line)
 * and parsing as JSON; whatever lies between them is terminal text.
 */
export function jsonSegments(text: string): Segment[] {
	const out: Segment[] = [];
	const start = /^[ \t]*[[{]/gm;
	let tried = 0;
	let budget = MAX_SCAN;
	let m: RegExpExecArray | null;
	while ((m = start.exec(text)) !== null && tried++ < MAX_CANDIDATES && out.length < MAX_DOCUMENTS && budget > 0) {
		const from = m.index + m[0].length - 1;
		const to = closeOf(text, from, budget);
		budget -= to < 0 ? text.length - from : to - from;
		if (to < 0) continue;
		try {
			JSON.parse(text.slice(from, to));
		} catch {
			continue;
		}
		out.push({ from, to });
		start.lastIndex = to;
	}
	return out;
}

/**
 * Segment `keep` alone, where it was among the others: whatever lies outside the segments keeps
 * only its line breaks and the other segments become spaces, so that every text made for one
 * segment has the same length and lines, and one line counter serves them all.
 */
export function isolate(text: string, segments: Segment[], keep: number): string {
	let out = "";
	let at = 0;
	segments.forEach((s, i) => {
		const own = text.slice(s.from, s.to);
		out += text.slice(at, s.from).replace(/[^\n]/g, "") + (i === keep ? own : own.replace(/[^\n]/g, " "));
		at = s.to;
	});
	return out + text.slice(at).replace(/[^\n]/g, "");
}

/** A shell prompt; a bare "#" is a YAML comment far more often than a root prompt, so "#" needs a user or host. */
const PROMPT = /^(?:PS [^>]*>|[\w.@~:/\\-]*(?: [\w.@~:/\\-]+)?\s?[$%>]|[\w.@~:/\\-]+(?: [\w.@~:/\\-]+)?\s?#)(?:\s|$)/;

/** What a line of terminal text is, for the finding that names skipped lines. */
export function terminalKind(line: string): string {
	const t = line.trim();
	if (/^(?:WARNING|WARN|ERROR|INFO|DEBUG)\b|^The behavior of this command has been altered/i.test(t))
		return "a warning";
	if (/^\[[#=>.\s-]*\]\s*\d{1,3}(?:\.\d+)?\s*%/.test(t) || /^[|\u2580-\u259f\s]*\d{1,3}(?:\.\d+)?\s*%$/.test(t))
		return "a progress bar";
	if (PROMPT.test(t) || /^(?:az|terraform|kubectl)\s/.test(t)) return "a shell prompt";
	return "other text";
}
