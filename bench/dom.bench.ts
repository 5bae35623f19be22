/** Plugin benchmarks in happy-dom: render time of a block, plugin onload, bundle size. */
import { readFileSync, statSync } from "node:fs";
import { Window } from "happy-dom";
import type { Measure } from "./engine.bench";
import { time } from "./engine.bench";

/** A happy-dom window as the global DOM, with Obsidian's helpers installed. */
async function installDom(): Promise<void> {
	const win = new Window({ url: "http://localhost/" });
	const g = globalThis as Record<string, unknown>;
	g.window = win;
	g.document = win.document;
	// DOM classes (Node, HTMLElement, Document …) as globals, as in a browser.
	for (const key of Object.getOwnPropertyNames(win)) {
		if (/^[A-Z]/.test(key) && !(key in g)) g[key] = (win as unknown as Record<string, unknown>)[key];
	}
	const { installDomHelpers } = await import("../test/dom-helpers");
	installDomHelpers(win as unknown as typeof window);
	for (const key of ["createEl", "createDiv", "createSpan", "activeWindow", "activeDocument"]) {
		g[key] = (win as unknown as Record<string, unknown>)[key];
	}
}

export async function domBench(): Promise<Measure[]> {
	await installDom();
	const { loadPlugin, renderCodeBlock, makeContext } = await import("../test/obsidian-stub");
	const { default: AksIpPlugin } = await import("../main");
	const example = readFileSync("test/fixtures/example-spec.yaml", "utf8");
	const out: Measure[] = [];

	const loads: number[] = [];
	for (let i = 0; i < 200; i++) {
		const start = performance.now();
		await loadPlugin(AksIpPlugin);
		loads.push(performance.now() - start);
	}
	loads.sort((a, b) => a - b);
	const onload = { median: loads[100] ?? 0, p95: loads[190] ?? 0 };
	out.push({
		name: "plugin onload (stub app, happy-dom)",
		...onload,
		runs: 200,
		unit: "ms",
		target: "< 1 ms",
		ok: onload.median < 1,
	});

	const { plugin } = await loadPlugin(AksIpPlugin);
	const ctx = makeContext();
	// Every render is of a new source, as when typing: no plan cache hit.
	let n = 0;
	// The stub context lists every replaced child (for tests); Obsidian lets them go. Emptied after
	// each render, so 600 old blocks do not stay alive and slow the collector in later benchmarks.
	const typing = time(() => {
		void renderCodeBlock(plugin, `${example}\n# ${n++}`, { ctx, attach: false });
		ctx.replaced.length = 0;
	}, 300);
	out.push({
		name: "render a block as typed (happy-dom)",
		...typing,
		runs: 300,
		unit: "ms",
		note: "plan + DOM, summary text only",
	});

	const bytes = statSync("main.js").size;
	const kib = bytes / 1024;
	// The budget test/build/bundle.test.ts asserts: 390,000 bytes.
	out.push({
		name: "main.js size",
		median: 0,
		p95: 0,
		runs: 1,
		unit: "ms",
		target: "≤ 390,000 bytes",
		ok: bytes <= 390_000,
		note: `${bytes.toLocaleString("en-US")} bytes (${kib.toFixed(1)} KiB)`,
	});
	return out;
}
