// Builds what the harness page loads: main.js (only when missing or older than src/), and the
// browser bundle of the obsidian stub plus DOM helpers (test/browser/.build/harness.js).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

export const ROOT = process.cwd();
export const BUILD_DIR = join(ROOT, "test/browser/.build");
export const HARNESS_BUNDLE = join(BUILD_DIR, "harness.js");

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
	}
	return newest;
}

/** Runs the production build if main.js is missing or older than main.ts, any file in src/ or the build script. */
export function ensureMainJs(): void {
	const main = join(ROOT, "main.js");
	const inputs = Math.max(
		newestMtime(join(ROOT, "src")),
		statSync(join(ROOT, "main.ts")).mtimeMs,
		statSync(join(ROOT, "esbuild.config.mjs")).mtimeMs,
	);
	if (existsSync(main) && statSync(main).mtimeMs >= inputs) return;
	const r = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: ROOT, encoding: "utf8" });
	if (r.status !== 0) throw new Error(`The production build failed:\n${r.stdout}\n${r.stderr}`);
}

/** The stub, DOM helpers and page harness as one IIFE whose exports are the global ObsidianStub. */
export async function buildHarness(): Promise<void> {
	mkdirSync(BUILD_DIR, { recursive: true });
	await build({
		entryPoints: [join(ROOT, "test/browser/page/entry.ts")],
		outfile: HARNESS_BUNDLE,
		bundle: true,
		format: "iife",
		globalName: "ObsidianStub",
		platform: "browser",
		target: "es2020",
		charset: "utf8",
		sourcemap: "inline",
		logLevel: "warning",
	});
}
