// npm run bench: bundles the TypeScript benchmarks with esbuild, runs them, prints a table and
// writes bench/results.json (git-ignored).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import esbuild from "esbuild";

mkdirSync("node_modules/.cache", { recursive: true });
const out = "node_modules/.cache/aks-ip-bench.cjs";
await esbuild.build({ entryPoints: ["bench/main.ts"], outfile: out, bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "warning" });
execFileSync(process.execPath, ["--expose-gc", out, ...process.argv.slice(2)], { stdio: "inherit" });
