// Vitest global setup: builds main.js and dist/cli.cjs once, before any test file runs, so tests
// of the bundle and of the built command line never race each other's builds.
import { spawnSync } from "node:child_process";

export default function setup(): void {
	const r = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { encoding: "utf8" });
	if (r.status !== 0) throw new Error(`Build for tests failed:\n${r.stdout}\n${r.stderr}`);
}
