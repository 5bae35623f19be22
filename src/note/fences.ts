/**
 * Code fences as CommonMark reads them: the one place the project matches fence lines. A fence
 * is three or more backticks or tildes, indented by at most three spaces; a closing fence uses
 * the same character, at least as many times, and nothing after it but spaces.
 */

export interface Fence {
	/** Spaces before the fence (0 to 3). */
	indent: number;
	/** The run of backticks or tildes. */
	marker: string;
	/** The info string after the marker, trimmed. */
	info: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence a line opens, or null. A backtick fence whose info string holds a backtick is none. */
export function openingFence(line: string): Fence | null {
	const m = OPENING.exec(line.endsWith("\r") ? line.slice(0, -1) : line);
	if (!m) return null;
	const marker = m[2] ?? "";
	const info = (m[3] ?? "").trim();
	if (marker.startsWith("`") && info.includes("`")) return null;
	return { indent: (m[1] ?? "").length, marker, info };
}

/** True when `line` closes the block that `open` opened. */
export function closesFence(line: string, open: Fence): boolean {
	const marker = CLOSING.exec(line.endsWith("\r") ? line.slice(0, -1) : line)?.[1] ?? "";
	return marker[0] === open.marker[0] && marker.length >= open.marker.length;
}

/**
 * A quick test over a whole note, before reading it line by line: could it hold a fence of
 * `language` at all? True for every note that does, and false for most that do not.
 */
export function mayHoldFence(text: string, language: string): boolean {
	let at = text.indexOf(language);
	while (at >= 0) {
		const before = text.slice(Math.max(0, at - 8), at).trimEnd();
		if (before.endsWith("```") || before.endsWith("~~~")) return true;
		at = text.indexOf(language, at + language.length);
	}
	return false;
}

/** The language of a fenced block: the first word of its info string, as written. */
export function fenceLanguage(fence: Fence): string {
	return fence.info.split(/\s+/)[0] ?? "";
}
