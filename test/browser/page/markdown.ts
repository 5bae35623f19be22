// A small Markdown-to-DOM renderer for the browser harness: enough of CommonMark for notes
// and the block's summary (headings, paragraphs, nested lists, rules, fenced code, bold,
// italics, code spans, links, backslash escapes). Built with Obsidian's DOM helpers only:
// text always goes in as text. Raw HTML is never parsed: it becomes a `span.md-raw-html`
// holding the text, so a test can see that unescaped HTML reached the renderer.

const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/** Index of the next `marker` at or after `from` that is not backslash-escaped, or -1. */
function findUnescaped(text: string, marker: string, from: number): number {
	for (let i = from; i <= text.length - marker.length; i++) {
		if (text[i] === "\\") {
			i++;
			continue;
		}
		if (text.startsWith(marker, i)) return i;
	}
	return -1;
}

/** Appends `text`'s inline Markdown to `parent`. */
export function renderInline(parent: HTMLElement, text: string): void {
	let plain = "";
	const flush = (): void => {
		if (plain !== "") parent.appendText(plain);
		plain = "";
	};
	let i = 0;
	while (i < text.length) {
		const ch = text[i] ?? "";
		const next = text[i + 1] ?? "";
		if (ch === "\\" && PUNCTUATION.includes(next) && next !== "") {
			plain += next;
			i += 2;
			continue;
		}
		if (ch === "`") {
			let ticks = 1;
			while (text[i + ticks] === "`") ticks++;
			const fence = "`".repeat(ticks);
			const end = text.indexOf(fence, i + ticks);
			if (end > 0) {
				flush();
				parent.createEl("code", { text: text.slice(i + ticks, end).replace(/^ (.*) $/, "$1") });
				i = end + ticks;
				continue;
			}
		}
		if (ch === "*" && next === "*") {
			const end = findUnescaped(text, "**", i + 2);
			if (end > i + 2) {
				flush();
				renderInline(parent.createEl("strong"), text.slice(i + 2, end));
				i = end + 2;
				continue;
			}
		}
		if (ch === "*" && next !== " " && next !== "*") {
			const end = findUnescaped(text, "*", i + 1);
			if (end > i + 1) {
				flush();
				renderInline(parent.createEl("em"), text.slice(i + 1, end));
				i = end + 1;
				continue;
			}
		}
		if (ch === "[" && next === "[") {
			const end = text.indexOf("]]", i + 2);
			if (end > 0) {
				flush();
				const target = text.slice(i + 2, end);
				const [path, alias] = target.split("|");
				parent.createEl("a", {
					cls: "internal-link",
					text: alias ?? path ?? target,
					attr: { "data-href": path ?? target },
				});
				i = end + 2;
				continue;
			}
		}
		if (ch === "[") {
			const close = findUnescaped(text, "]", i + 1);
			if (close > 0 && text[close + 1] === "(") {
				const end = findUnescaped(text, ")", close + 2);
				if (end > 0) {
					flush();
					const url = text.slice(close + 2, end).trim();
					const a = parent.createEl("a", { cls: "external-link" });
					// Only web links get an address; anything else stays inert, as a sanitiser would leave it.
					if (/^https?:\/\//i.test(url)) a.setAttr("href", url);
					renderInline(a, text.slice(i + 1, close));
					i = end + 1;
					continue;
				}
			}
		}
		if (ch === "<" && /[A-Za-z/!?]/.test(next)) {
			const end = text.indexOf(">", i);
			flush();
			parent.createSpan({ cls: "md-raw-html", text: end > 0 ? text.slice(i, end + 1) : text.slice(i) });
			i = end > 0 ? end + 1 : text.length;
			continue;
		}
		plain += ch;
		i++;
	}
	flush();
}

interface OpenList {
	indent: number;
	el: HTMLElement;
	last: HTMLElement | null;
}

/** Renders Markdown `source` into `el`, one block element after another. */
export function renderMarkdown(el: HTMLElement, source: string): void {
	const lines = source.replace(/\r\n?/g, "\n").split("\n");
	let paragraph: string[] = [];
	let lists: OpenList[] = [];
	const endParagraph = (): void => {
		if (paragraph.length > 0) renderInline(el.createEl("p"), paragraph.join(" "));
		paragraph = [];
	};
	const endLists = (): void => {
		lists = [];
	};
	let afterBlank = false;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n] ?? "";
		const blank = line.trim() === "";
		const prevBlank = afterBlank;
		afterBlank = blank;
		if (blank) {
			endParagraph();
			continue;
		}
		const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
		if (fence) {
			endParagraph();
			endLists();
			const marker = fence[1] ?? "```";
			const body: string[] = [];
			for (n++; n < lines.length && !(lines[n] ?? "").trim().startsWith(marker); n++) body.push(lines[n] ?? "");
			const lang = (fence[2] ?? "").trim().split(/\s+/)[0] ?? "";
			el.createEl("pre").createEl("code", { cls: lang ? `language-${lang}` : undefined, text: body.join("\n") });
			continue;
		}
		if (/^\s*<!--.*-->\s*$/.test(line)) {
			// An HTML comment on its own line: hidden, as in reading view.
			endParagraph();
			continue;
		}
		const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			endParagraph();
			endLists();
			const level = (heading[1] ?? "#").length;
			renderInline(el.createEl(`h${level}` as "h1"), heading[2] ?? "");
			continue;
		}
		if (/^ {0,3}([-*_])( *\1){2,} *$/.test(line)) {
			endParagraph();
			endLists();
			el.createEl("hr");
			continue;
		}
		const item = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
		if (item) {
			endParagraph();
			const indent = (item[1] ?? "").replace(/\t/g, "    ").length;
			const ordered = /\d/.test(item[2] ?? "");
			while (lists.length > 0 && (lists[lists.length - 1]?.indent ?? 0) > indent) lists.pop();
			let list = lists[lists.length - 1];
			if (!list || list.indent < indent) {
				const host: HTMLElement = list?.last ?? el;
				list = { indent, el: host.createEl(ordered ? "ol" : "ul"), last: null };
				lists.push(list);
			}
			list.last = list.el.createEl("li");
			renderInline(list.last, item[3] ?? "");
			continue;
		}
		const open = lists[lists.length - 1];
		if (open?.last && paragraph.length === 0 && (!prevBlank || /^\s/.test(line))) {
			// A continuation line of the last list item.
			renderInline(open.last, ` ${line.trim()}`);
			continue;
		}
		endLists();
		paragraph.push(line.trim());
	}
	endParagraph();
}
