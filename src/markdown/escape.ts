/**
 * Text from a spec, made literal in Markdown: no emphasis, links, HTML, tags, comments or
 * table cells come from it. Hyphens, dots and colons stay readable as they are.
 */
export function mdText(text: string): string {
	return text.replace(/[\\`*_[\]<>|~=$^&#%]/g, (ch) => `\\${ch}`).replace(/\s+/g, " ");
}

/** A range or address in code style (no escaping needed inside a code span without backticks). */
export function code(text: string): string {
	return `\`${text.replace(/`/g, "'")}\``;
}
