// The built plugin (main.js) in Debian's chromium: every aks-ip block of the example vault,
// drawn in an Obsidian-like reading view, light and dark, at desktop and phone width.
// Screenshots go to test/browser/screenshots/ (git-ignored) for people to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContrastSample } from "./page/harness";
import { BUILD_DIR, ROOT } from "./support/build";
import { browserTestsEnabled, openHarness, type Session } from "./support/chromium";
import { exampleNotes, splitNote } from "./support/notes";

const SCREENSHOTS = join(ROOT, "test/browser/screenshots");

interface Look {
	theme: "light" | "dark";
	width: number;
	phone: boolean;
}

const LOOKS: Look[] = [
	{ theme: "light", width: 1000, phone: false },
	{ theme: "dark", width: 1000, phone: false },
	{ theme: "light", width: 390, phone: true },
	{ theme: "dark", width: 390, phone: true },
];

const lookName = (l: Look): string => `${l.theme}, ${l.width}px`;

/** Text the contrast check measures, with the minimum WCAG ratio each must reach. */
const TEXT: { selector: string; what: string }[] = [
	{ selector: ".aks-ip-title", what: "title" },
	{ selector: ".aks-ip-model", what: "model" },
	{ selector: ".aks-ip-families", what: "IP families" },
	{ selector: ".aks-ip-status.is-ok", what: "status OK" },
	{ selector: ".aks-ip-status.is-warning", what: "status warnings" },
	{ selector: ".aks-ip-status.is-error", what: "status errors" },
	{ selector: ".aks-ip-section-title", what: "section title" },
	{ selector: ".aks-ip-table caption", what: "table caption" },
	{ selector: ".aks-ip-table thead th", what: "table header" },
	{ selector: ".aks-ip-table tbody th", what: "table row header" },
	{ selector: ".aks-ip-table td", what: "table cell" },
	{ selector: ".aks-ip-table td.aks-ip-tight", what: "table cell, tight" },
	{ selector: ".aks-ip-table td.aks-ip-bad", what: "table cell, over" },
	{ selector: ".aks-ip-tag", what: "default tag" },
	{ selector: ".aks-ip-finding.is-error .aks-ip-severity", what: "severity Error" },
	{ selector: ".aks-ip-finding.is-warning .aks-ip-severity", what: "severity Warning" },
	{ selector: ".aks-ip-finding.is-info .aks-ip-severity", what: "severity Info" },
	{ selector: ".aks-ip-code", what: "finding code" },
	{ selector: ".aks-ip-message", what: "finding message" },
	{ selector: "button.aks-ip-line", what: "line button" },
	{ selector: ".aks-ip-none", what: "no findings" },
	{ selector: ".aks-ip-map-title", what: "map title" },
	{ selector: ".aks-ip-map-legend li:not(.is-free)", what: "map legend" },
	{ selector: ".aks-ip-map-legend li.is-free", what: "map legend, free" },
	{ selector: ".aks-ip-map-beside li", what: "map beside" },
	{ selector: ".aks-ip-actions button", what: "summary button" },
	{ selector: ".aks-ip-summary li", what: "summary text" },
	{ selector: ".aks-ip-summary h2", what: "summary heading" },
];

const MIN_RATIO = 4.5;

const HOSTILE = [
	"cluster: '<img src=x onerror=\"alert(1)\"><script>alert(2)</script> [home](javascript:alert(3)) **bold**'",
	"vnet: 10.20.0.0/16",
	"nodeSubnet: 10.20.0.0/22",
	"agentPools:",
	"  - name: '[link](javascript:alert(4)) **bold** <b>b</b>'",
	"    count: 3",
	"  - name: '<img src=x onerror=alert(5)>'",
	"    count: 2",
	"subnets:",
	"  '<script>alert(6)</script>': 10.20.4.0/24",
	"  '[x](javascript:alert(7))': { cidr: 10.20.5.0/24, purpose: privateEndpoints }",
	"  '**bold** <img src=x onerror=alert(8)>': 10.20.6.0/24",
	"loadBalancers:",
	"  - { name: '<img src=x onerror=alert(9)>', type: internal, ip: 10.20.4.10 }",
	"  - { name: '[lb](javascript:alert(10)) **bold**', type: public }",
	"peered:",
	"  '<img src=x onerror=alert(11)>': 10.30.0.0/16",
	"",
].join("\n");

/** A plan with every kind of finding and a nearly full subnet, so each coloured text is measured. */
const EVERY_COLOUR = [
	"cluster: aks-contrast",
	"networkPlugin: azure",
	"podIpAllocationMode: StaticBlock  # maxPods 40 wastes /28 blocks: info",
	"vnet: 10.40.0.0/16",
	"nodeSubnet: 10.40.0.0/27          # 25 of 27 IPs used: low headroom",
	"podSubnet: 10.40.4.0/22           # too small: error",
	"maxPods: 40",
	"agentPools:",
	"  - name: system",
	"    mode: System",
	"    count: 22",
	"",
].join("\n");

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)("aks-ip blocks in chromium", () => {
	let s: Session | null = null;
	// A failed start fails every test that needs the browser (rather than skipping them).
	let startError: unknown = null;
	const notes = exampleNotes();
	const contrast: Record<string, ContrastSample[]> = {};

	const session = (): Session => {
		if (!s) throw startError instanceof Error ? startError : new Error("The browser session did not start.");
		return s;
	};

	beforeAll(async () => {
		mkdirSync(SCREENSHOTS, { recursive: true });
		s = await openHarness().catch((e: unknown) => {
			startError = e;
			return null;
		});
	});

	afterAll(async () => {
		await s?.close();
		s = null;
	});

	it("finds the example notes and their blocks", () => {
		expect(notes.length).toBeGreaterThanOrEqual(9);
		expect(notes.reduce((n, note) => n + note.blocks, 0)).toBeGreaterThanOrEqual(10);
	});

	describe.each(LOOKS)("$theme, $width px", (look) => {
		beforeAll(async () => {
			if (!s) return;
			const { page } = s;
			await page.setViewportSize({ width: look.width, height: look.phone ? 844 : 800 });
			await page.evaluate(([theme, phone]) => window.aksIpHarness?.setLook(theme, phone), [
				look.theme,
				look.phone,
			] as const);
		});

		it.each(notes)("draws $path whole, within the pane, with no errors", async (note) => {
			const { page, errors, dialogs } = session();
			const drawn = await page.evaluate(([path, parts]) => window.aksIpHarness?.renderNote(path, parts) ?? -1, [
				note.path,
				note.parts,
			] as const);
			expect(drawn).toBe(note.blocks);

			const blocks = await page.evaluate(() => window.aksIpHarness?.reportBlocks() ?? []);
			expect(blocks).toHaveLength(note.blocks);
			for (const b of blocks) {
				expect(b.errorBox, "error box instead of a plan").toBe(false);
				expect(b.hasHeader).toBe(true);
				expect(b.title).not.toBe("");
				expect(b.status).toMatch(/^(OK|\d+ warnings?|\d+ errors?(, \d+ warnings?)?)$/);
				expect(b.tables.slice(0, 3)).toEqual(["aks-ip-allocation", "aks-ip-pools", "aks-ip-growth"]);
				for (const t of b.tables.slice(3))
					expect(["aks-ip-sizing", "aks-ip-preconditions", "aks-ip-capacity"]).toContain(t);
				for (const rows of b.tableRows) expect(rows).toBeGreaterThan(0);
				expect(b.hasFindingsSection).toBe(true);
				expect(b.hasMap).toBe(true);
				expect(b.summaryElements, "the summary was rendered as Markdown").toBeGreaterThan(5);
				expect(b.forbidden).toEqual([]);
				expect(b.rawHtml).toEqual([]);
			}

			const overflow = await page.evaluate(() => window.aksIpHarness?.reportOverflow());
			expect(overflow).toBeDefined();
			if (!overflow) return;
			expect(overflow.documentScrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(
				overflow.viewportWidth,
			);
			overflow.blocks.forEach((b, i) => {
				expect(b.scrollWidth, "the block is wider than the pane").toBeLessThanOrEqual(b.clientWidth + 1);
				expect(b.offenders, "only .aks-ip-scroll may scroll").toEqual([]);
				expect(b.outside, "boxes sticking out of the block").toEqual([]);
				// Every table scrolls in its own .aks-ip-scroll, and so do the move's target block and command.
				const tables = blocks[i]?.tables ?? [];
				expect(b.scrollers).toBe(tables.length + (tables.includes("aks-ip-capacity") ? 2 : 0));
			});
			if (look.phone)
				expect(
					overflow.blocks.every((b) => b.scrolling > 0),
					"at phone width the tables scroll",
				).toBe(true);

			await page.screenshot({
				path: join(SCREENSHOTS, `${note.slug}-${look.width}-${look.theme}.png`),
				fullPage: true,
			});
			// The first block alone, its summary folded as a reader first sees it (the README's pictures).
			await page.evaluate(() =>
				document
					.querySelectorAll<HTMLElement>('button[data-aks-ip-action="summary"][aria-expanded="true"]')
					.forEach((b) => b.click()),
			);
			await page
				.locator(".block-language-aks-ip")
				.first()
				.screenshot({ path: join(SCREENSHOTS, `${note.slug}-${look.width}-${look.theme}-block.png`) });
			expect(errors).toEqual([]);
			expect(dialogs).toEqual([]);
		});

		it(`keeps text readable: contrast at least ${MIN_RATIO}:1`, async () => {
			const { page } = session();
			const samples: ContrastSample[] = [];
			const fixture = {
				path: "Every colour.md",
				parts: splitNote(`\`\`\`aks-ip\n${EVERY_COLOUR}\`\`\`\n`).parts,
			};
			for (const note of [...notes, fixture]) {
				await page.evaluate(([path, parts]) => window.aksIpHarness?.renderNote(path, parts), [
					note.path,
					note.parts,
				] as const);
				samples.push(
					...(await page.evaluate(
						(selectors) => window.aksIpHarness?.contrast(selectors, 3) ?? [],
						TEXT.map((t) => t.selector),
					)),
				);
			}
			contrast[lookName(look)] = samples;
			const worst = TEXT.map(({ selector, what }) => {
				const mine = samples.filter((x) => x.selector === selector);
				const low = mine.reduce<ContrastSample | null>(
					(a, b) => (a === null || b.ratio < a.ratio ? b : a),
					null,
				);
				return {
					what,
					ratio: low?.ratio ?? null,
					color: low?.color,
					background: low?.background,
					text: low?.text,
				};
			});
			for (const w of worst) expect(w.ratio, `${w.what} was never drawn`).not.toBeNull();
			const poor = worst.filter((w) => (w.ratio ?? 0) < MIN_RATIO);
			expect(poor, `text under ${MIN_RATIO}:1 in ${lookName(look)}`).toEqual([]);
		});
	});

	it("reports the contrast numbers", () => {
		const table: Record<string, Record<string, number>> = {};
		for (const [look, samples] of Object.entries(contrast)) {
			for (const { selector, what } of TEXT) {
				const ratios = samples.filter((x) => x.selector === selector).map((x) => x.ratio);
				if (ratios.length === 0) continue;
				(table[what] ??= {})[look] = Math.min(...ratios);
			}
		}
		mkdirSync(BUILD_DIR, { recursive: true });
		writeFileSync(
			join(BUILD_DIR, "contrast.json"),
			`${JSON.stringify({ minimum: MIN_RATIO, lowest: table, samples: contrast }, null, "\t")}\n`,
		);
		process.stdout.write(
			`Lowest WCAG contrast ratio per kind of text (also in test/browser/.build/contrast.json):\n${Object.entries(
				table,
			)
				.map(
					([what, byLook]) =>
						`  ${what.padEnd(20)} ${Object.entries(byLook)
							.map(([l, r]) => `${l}: ${r.toFixed(2)}`)
							.join("  ")}`,
				)
				.join("\n")}\n`,
		);
		expect(Object.keys(table).length).toBeGreaterThan(0);
	});

	it("keeps hostile names as text: no element, script, link or dialog from the spec", async () => {
		const { page, errors, dialogs, server } = session();
		await page.setViewportSize({ width: 1000, height: 800 });
		await page.evaluate(() => window.aksIpHarness?.setLook("light", false));
		// The Markdown renderer does turn unescaped markup into links, bold and raw HTML, so a
		// summary that failed to escape spec text would show up below.
		const probe = await page.evaluate(() =>
			window.aksIpHarness?.probeMarkdown("[a](javascript:x) **b** <img src=x>"),
		);
		expect(probe).toEqual({ links: 1, rawHtml: 1, strong: 1 });

		const { parts } = splitNote(`# Hostile\n\n\`\`\`aks-ip\n${HOSTILE}\`\`\`\n`);
		await page.evaluate(([path, p]) => window.aksIpHarness?.renderNote(path, p), ["Hostile.md", parts] as const);
		// Give any injected handler or script time to fire.
		await page.waitForTimeout(300);
		const [block] = await page.evaluate(() => window.aksIpHarness?.reportBlocks() ?? []);
		expect(block).toBeDefined();
		if (!block) return;
		expect(block.title).toBe(
			`<img src=x onerror="alert(1)"><script>alert(2)</script> [home](javascript:alert(3)) **bold**`,
		);
		expect(block.forbidden).toEqual([]);
		expect(block.rawHtml).toEqual([]);
		expect(block.suspiciousAttrs).toEqual([]);
		expect(block.summaryText).toContain("<img src=x onerror=");
		const boldFromSpec = await page.evaluate(
			() =>
				Array.from(
					activeDocument.querySelectorAll(".block-language-aks-ip strong, .block-language-aks-ip em"),
				).filter((e) => /bold|javascript/.test(e.textContent ?? "")).length,
		);
		expect(boldFromSpec, "**bold** in a name became bold text").toBe(0);
		await page.screenshot({ path: join(SCREENSHOTS, "hostile-names-1000-light.png"), fullPage: true });
		expect(dialogs).toEqual([]);
		expect(errors).toEqual([]);
		expect(server.misses, "the page requested something it should not").toEqual([]);
	});
});
