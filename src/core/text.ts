/** Text helpers shared by every layer. */

/** Shortens text quoted in a message, so a huge value never floods the view. */
export function clip(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a caught value says: an Error's message, or the value as text. */
export function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
