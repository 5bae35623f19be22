// npm run bench: builds the plugin and command line, bundles the TypeScript benchmarks with
// esbuild (the obsidian stub standing in for the app), runs them, prints a table and writes
// bench/results.json (git-ignored).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { stdio: "inherit" });
// Render latency and the plugin's cold load in a real browser: the live-preview test writes
// test/browser/.build/latency.json. BROWSER_RUNS runs, each in a fresh browser, kept as
// latency-1.json, latency-2.json …; bench/main.ts reports the middle one of each figure.
const latency = "test/browser/.build/latency.json";
const BROWSER_RUNS = 5;
for (let run = 1; run <= BROWSER_RUNS; run++) rmSync(latency.replace(".json", `-${run}.json`), { force: true });
if (existsSync(process.env.AKS_IP_CHROMIUM ?? "/usr/bin/chromium")) {
	for (let run = 1; run <= BROWSER_RUNS; run++) {
		rmSync(latency, { force: true });
		execFileSync(
			process.execPath,
			["node_modules/vitest/vitest.mjs", "run", "--project", "browser", "test/browser/live-preview.test.ts"],
			{ stdio: ["ignore", "ignore", "inherit"] },
		);
		if (existsSync(latency)) renameSync(latency, latency.replace(".json", `-${run}.json`));
	}
}
mkdirSync("node_modules/.cache", { recursive: true });
const out = "node_modules/.cache/aks-ip-bench.cjs";
await esbuild.build({
	entryPoints: ["bench/main.ts"],
	outfile: out,
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	logLevel: "warning",
	alias: {
		obsidian: fileURLToPath(new URL("../test/obsidian-stub.ts", import.meta.url)),
		// yaml's browser build, the one main.js ships (its Node build reads process.env on every
		// token, and esbuild reaches it through CommonJS getters). A "browser" condition does not
		// pick it: on platform node the package's "node" export comes first.
		yaml: fileURLToPath(new URL("../node_modules/yaml/browser/index.js", import.meta.url)),
	},
});
execFileSync(process.execPath, ["--expose-gc", out, ...process.argv.slice(2)], { stdio: "inherit" });
