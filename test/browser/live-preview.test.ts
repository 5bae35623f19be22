// Live Preview in chromium: one block re-rendered 500 times as if typed into, Obsidian's way
// (unload the previous child, new container, processor on the source changed by one
// character). Reports the cost per render and checks that nothing piles up: children,
// listeners, detached DOM, heap. Also reports the page's cold load of the plugin (main.js
// evaluated, constructed, onload), which npm run bench takes from latency.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveState, LoopResult } from "./page/harness";
import { BUILD_DIR } from "./support/build";
import { browserTestsEnabled, heapAfterGc, openHarness, type Session } from "./support/chromium";
import { exampleNotes } from "./support/notes";

const RENDERS = 500;
const WARM_UP = 100;
const MB = 1024 * 1024;

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[at] ?? Number.NaN;
}

const ms = (v: number): number => Math.round(v * 1000) / 1000;

const enabled = browserTestsEnabled();

describe.skipIf(!enabled)("a block typed into in Live Preview (chromium)", () => {
	let s: Session | null = null;
	// A failed start fails the test (rather than skipping it).
	let startError: unknown = null;

	beforeAll(async () => {
		s = await openHarness().catch((e: unknown) => {
			startError = e;
			return null;
		});
	});

	afterAll(async () => {
		await s?.close();
		s = null;
	});

	it(`renders ${RENDERS} times without piling up children, listeners, DOM or heap`, async () => {
		if (!s) throw startError instanceof Error ? startError : new Error("The browser session did not start.");
		const { page, cdp, errors } = s;
		// The largest example block (Plan with mistakes: ten findings, so every part of the view is drawn).
		const base = exampleNotes()
			.flatMap((n) => n.parts)
			.flatMap((p) => (p.kind === "block" ? [p.source] : []))
			.reduce((a, b) => (b.length > a.length ? b : a), "");
		expect(base).toContain("cluster:");

		// The page loaded main.js once, cold, as Obsidian does at start-up (page/load.ts).
		const load = await page.evaluate(() => window.aksIpHarness?.loadTiming);
		expect(load?.totalMs).toBeGreaterThan(0);
		const before = await page.evaluate(() => window.aksIpHarness?.liveState());
		const loop = (from: number, to: number): Promise<LoopResult | undefined> =>
			page.evaluate(([b, f, t]) => window.aksIpHarness?.typeLoop(b, f, t), [base, from, to] as const);
		const state = (): Promise<LiveState | undefined> => page.evaluate(() => window.aksIpHarness?.liveState());

		const first = await loop(0, WARM_UP);
		const heapWarm = await heapAfterGc(cdp);
		const atWarm = await state();
		const rest = await loop(WARM_UP, RENDERS);
		const heapEnd = await heapAfterGc(cdp);
		const atEnd = await state();
		// Close the note: the last block unloads too.
		await page.evaluate(() => window.aksIpHarness?.closeNote());
		const heapClosed = await heapAfterGc(cdp);
		const closed = await state();

		expect(before && first && atWarm && rest && atEnd && closed).toBeTruthy();
		if (!before || !first || !atWarm || !rest || !atEnd || !closed) return;

		const script = [...first.script, ...rest.script];
		const processor = [...first.processor, ...rest.processor];
		const withLayout = [...first.withLayout, ...rest.withLayout];
		const report = {
			pluginLoadMs: load && {
				evaluate: ms(load.evaluateMs),
				construct: ms(load.constructMs),
				onload: ms(load.onloadMs),
				total: ms(load.totalMs),
				mainJsBytes: load.bytes,
			},
			renders: RENDERS,
			source: "the largest example block, plus a comment line growing by one character per render",
			scriptMs: {
				median: ms(quantile(script, 0.5)),
				p95: ms(quantile(script, 0.95)),
				max: ms(Math.max(...script)),
			},
			processorMs: {
				median: ms(quantile(processor, 0.5)),
				p95: ms(quantile(processor, 0.95)),
				max: ms(Math.max(...processor)),
			},
			withLayoutMs: {
				median: ms(quantile(withLayout, 0.5)),
				p95: ms(quantile(withLayout, 0.95)),
				max: ms(Math.max(...withLayout)),
			},
			steadyStateScriptMs: { median: ms(quantile(rest.script, 0.5)), p95: ms(quantile(rest.script, 0.95)) },
			heapBytes: {
				afterRender100: heapWarm,
				afterRender500: heapEnd,
				growth100to500: heapEnd - heapWarm,
				afterClose: heapClosed,
			},
			domListeners: { before: before.listeners, afterRender500: atEnd.listeners, afterClose: closed.listeners },
			eventRefs: { before: before.eventRefs, duringTyping: atEnd.eventRefs, afterClose: closed.eventRefs },
			reachableAfterClose: {
				containers: closed.aliveContainers,
				children: closed.aliveChildren,
				of: closed.tracked,
			},
			chromium: (await cdp.send("Browser.getVersion")).product,
		};
		mkdirSync(BUILD_DIR, { recursive: true });
		writeFileSync(join(BUILD_DIR, "latency.json"), `${JSON.stringify(report, null, "\t")}\n`);
		process.stdout.write(
			`${[
				`Plugin load, cold (evaluate main.js, construct, onload): ${report.pluginLoadMs?.total} ms (evaluate ${report.pluginLoadMs?.evaluate}, construct ${report.pluginLoadMs?.construct}, onload ${report.pluginLoadMs?.onload})`,
				`Live Preview, ${RENDERS} renders of one block (test/browser/.build/latency.json):`,
				`  per render, script only:  median ${report.scriptMs.median} ms, p95 ${report.scriptMs.p95} ms, max ${report.scriptMs.max} ms`,
				`  per render, the processor alone (old block's removal excluded): median ${report.processorMs.median} ms, p95 ${report.processorMs.p95} ms`,
				`  per render, with layout:  median ${report.withLayoutMs.median} ms, p95 ${report.withLayoutMs.p95} ms, max ${report.withLayoutMs.max} ms`,
				`  heap after GC: ${(heapWarm / MB).toFixed(2)} MB after render ${WARM_UP}, ${(heapEnd / MB).toFixed(2)} MB after render ${RENDERS} (${((heapEnd - heapWarm) / 1024).toFixed(1)} kB growth), ${(heapClosed / MB).toFixed(2)} MB after closing`,
				`  DOM listeners: ${closed.listeners.added} added, ${closed.listeners.removed} removed; outside blocks ${before.listeners.liveOutside} before, ${atEnd.listeners.liveOutside} while typing, ${closed.listeners.liveOutside} after closing`,
				`  stub Events listeners: ${before.eventRefs} before, ${atEnd.eventRefs} while typing, ${closed.eventRefs} after closing`,
				`  still reachable after closing and GC: ${closed.aliveContainers} of ${closed.tracked} containers, ${closed.aliveChildren} children`,
			].join("\n")}\n`,
		);

		// Every render replaced exactly one loaded child, and the replaced one unloaded with its children.
		expect([...first.violations, ...rest.violations]).toEqual([]);
		expect(atEnd.liveChildren).toBe(1);
		expect(closed.liveChildren).toBe(0);
		expect(closed.pluginChildren, "blocks must not be children of the plugin").toBe(0);
		// Listeners outside the blocks (window, document, workspace, settings) come and go with the block.
		expect(atEnd.listeners.liveOutside).toBe(before.listeners.liveOutside);
		expect(closed.listeners.liveOutside).toBe(before.listeners.liveOutside);
		expect(atEnd.eventRefs).toBe(before.eventRefs + 1);
		expect(closed.eventRefs).toBe(before.eventRefs);
		// Old containers and children are garbage: nothing keeps them reachable.
		expect(closed.aliveContainers).toBeLessThanOrEqual(2);
		expect(closed.aliveChildren).toBeLessThanOrEqual(2);
		expect(heapEnd - heapWarm, "heap growth from render 100 to 500").toBeLessThan(2 * MB);
		// Sanity bound only; the numbers are reported above.
		expect(report.scriptMs.median).toBeLessThan(100);
		expect(errors).toEqual([]);
	});
});
