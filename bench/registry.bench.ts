/**
 * Registry benchmarks on the generated estate (bench/estate.ts): building it as the plugin does,
 * in slices of at most SLICE_MS of work; one note's update with the check across notes; and
 * `aks-ip check` of the estate written to disk, whole process.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Registry } from "../src/registry/registry";
import { estate } from "./estate";
import type { Measure } from "./engine.bench";

/** The plugin's budget per slice (src/vault/registry-service.ts). */
const SLICE_MS = 8;

interface Build {
	total: number;
	longest: number;
	slices: number;
	ranges: number;
}

/** Builds the registry the way the plugin does: notes, then linked VNets, then the check. */
function buildInSlices(notes: Record<string, string>): Build {
	const start = performance.now();
	const reg = new Registry();
	const slices: number[] = [];
	const entries = Object.entries(notes);
	let i = 0;
	while (i < entries.length) {
		const t = performance.now();
		while (i < entries.length && performance.now() - t < SLICE_MS) {
			const [path, text] = entries[i++] ?? ["", ""];
			reg.setNote(path, text);
		}
		slices.push(performance.now() - t);
	}
	for (;;) {
		const t = performance.now();
		const done = reg.settle(() => performance.now() - t >= SLICE_MS);
		slices.push(performance.now() - t);
		if (done) break;
	}
	const t = performance.now();
	reg.check();
	slices.push(performance.now() - t);
	const ranges = reg.blocks().reduce((n, b) => n + b.items.length, 0);
	return { total: performance.now() - start, longest: Math.max(...slices), slices: slices.length, ranges };
}

function median(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

function p95(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;
}

/** One note edited (its service range switched back and forth), then the check across notes. */
function updates(notes: Record<string, string>): number[] {
	const reg = new Registry();
	for (const [path, text] of Object.entries(notes)) reg.setNote(path, text);
	reg.check();
	const path = "clusters/team-5/Cluster 425.md";
	const text = notes[path] ?? "";
	const other = text.replace(/serviceCidr: [^\n]+/, "serviceCidr: 10.200.0.0/16");
	const times: number[] = [];
	for (let i = 0; i < 400; i++) {
		const t = performance.now();
		reg.setNote(path, i % 2 === 0 ? other : text);
		reg.check();
		if (i >= 100) times.push(performance.now() - t);
	}
	return times;
}

function writeEstate(notes: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), "aks-ip-bench-estate-"));
	for (const [path, text] of Object.entries(notes)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

export function registryBench(): Measure[] {
	const notes = estate();
	const builds = [0, 1, 2, 3, 4].map(() => buildInSlices(notes));
	const totals = builds.map((b) => b.total);
	const longest = builds.map((b) => b.longest);
	const first = builds[0];
	const update = updates(notes);
	const dir = writeEstate(notes);
	const cli: number[] = [];
	try {
		for (let i = 0; i < 5; i++) {
			const t = performance.now();
			const r = spawnSync(process.execPath, ["dist/cli.cjs", "check", dir], { encoding: "utf8" });
			cli.push(performance.now() - t);
			if (!r.stdout.includes("1,000 files checked")) throw new Error(`check failed: ${r.stderr}`);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const size = `${Object.keys(notes).length.toLocaleString("en")} notes, ${first?.ranges.toLocaleString("en") ?? 0} ranges`;
	return [
		{
			name: `registry: build ${size}`,
			median: median(totals),
			p95: Math.max(...totals),
			runs: builds.length,
			unit: "ms",
			target: "< 1 s",
			ok: median(totals) < 1000,
			note: `${first?.slices ?? 0} slices of ≤ ${SLICE_MS} ms of work`,
		},
		{
			name: "registry: longest slice of the build",
			median: median(longest),
			p95: Math.max(...longest),
			runs: builds.length,
			unit: "ms",
			target: "< 20 ms",
			ok: Math.max(...longest) < 20,
			note: "the last slice is the check across notes",
		},
		{
			name: "registry: one note's update and the check across notes",
			median: median(update),
			p95: p95(update),
			runs: update.length,
			unit: "ms",
			target: "< 2 ms",
			ok: median(update) < 2,
		},
		{
			name: "aks-ip check: the registry estate, whole process",
			median: median(cli),
			p95: Math.max(...cli),
			runs: cli.length,
			unit: "ms",
			target: "< 2 s",
			ok: median(cli) < 2000,
		},
	];
}
