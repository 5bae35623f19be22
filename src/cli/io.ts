/** Reading inputs for the command line: notes, bare specs and standard input. */
import { errorText } from "../core/text";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { planNote, planSource, type PlanResult } from "../api";
import { findBlocks } from "../note/blocks";

export interface Input {
	/** The name printed for it: relative to the working folder, or "-" for standard input. */
	name: string;
	text: string;
}

type ReadResult = { ok: true; input: Input } | { ok: false; name: string; reason: string };

export function displayName(path: string): string {
	if (path === "-") return "-";
	const rel = relative(process.cwd(), path);
	return rel === "" ? path : rel.split("\\").join("/");
}

/** Reads a file as UTF-8 text, refusing binary and malformed files with a reason. */
export function readInput(path: string, stdin: () => Buffer = () => readFileSync(0)): ReadResult {
	const name = displayName(path);
	let bytes: Buffer;
	try {
		bytes = path === "-" ? stdin() : readFileSync(path);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		const reason =
			code === "ENOENT"
				? "no such file"
				: code === "EACCES"
					? "permission denied"
					: code === "EISDIR"
						? "is a folder"
						: errorText(e);
		return { ok: false, name, reason };
	}
	if (bytes.includes(0)) return { ok: false, name, reason: "binary file (it contains NUL bytes)" };
	let text: string;
	try {
		text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, name, reason: "not UTF-8 text" };
	}
	return { ok: true, input: { name, text: text.startsWith("\uFEFF") ? text.slice(1) : text } };
}

/** True when the input is a bare spec rather than a note. */
export function isBareSpec(input: Input): boolean {
	if (/\.(ya?ml|json)$/i.test(input.name)) return true;
	if (/\.(md|markdown)$/i.test(input.name)) return false;
	return findBlocks(input.text).length === 0;
}

/** Every plan of an input: each block of a note, or the one bare spec. */
export function planInput(input: Input): PlanResult[] {
	return isBareSpec(input) ? [planSource(input.text)] : planNote(input.text);
}
