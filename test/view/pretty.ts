/** Readable HTML for approval files: one element per line, indented by depth. */
export function prettyHtml(el: Element): string {
	const out: string[] = [];
	const walk = (node: Node, depth: number) => {
		const pad = "  ".repeat(depth);
		if (node.nodeType === 3) {
			const text = (node.textContent ?? "").trim();
			if (text) out.push(pad + escapeText(text));
			return;
		}
		if (!node.instanceOf(Element)) return;
		const attrs = [...node.attributes].map((a) => ` ${a.name}="${escapeText(a.value)}"`).join("");
		const tag = node.tagName.toLowerCase();
		const kids = [...node.childNodes];
		const onlyText = kids.length === 1 && kids[0]?.nodeType === 3;
		if (kids.length === 0) out.push(`${pad}<${tag}${attrs}></${tag}>`);
		else if (onlyText) out.push(`${pad}<${tag}${attrs}>${escapeText(kids[0]?.textContent ?? "")}</${tag}>`);
		else {
			out.push(`${pad}<${tag}${attrs}>`);
			for (const k of kids) walk(k, depth + 1);
			out.push(`${pad}</${tag}>`);
		}
	};
	walk(el, 0);
	return `${out.join("\n")}\n`;
}

function escapeText(text: string): string {
	return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
