/** Runs every benchmark, prints a table and writes bench/results.json. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { domBench } from "./dom.bench";
import { engineBench, type Measure } from "./engine.bench";
import { fuzzBench } from "./fuzz.bench";
import { vaultBench } from "./vault.bench";

async function main(): Promise<void> {
	const results: Measure[] = [...engineBench(), ...fuzzBench(), ...(await domBench()), ...vaultBench()];
	// Chromium figures come from the browser tests (npm test), which write them here when they run.
	const latency = "test/browser/.build/latency.json";
	if (existsSync(latency)) {
		const l = JSON.parse(readFileSync(latency, "utf8")) as { median?: number; p95?: number; runs?: number };
		if (typeof l.median === "number") {
			results.push({ name: "render a block as typed (Chromium, from npm test)", median: l.median, p95: l.p95 ?? 0, runs: l.runs ?? 0, unit: "ms", target: "< 2 ms", ok: l.median < 2 });
		}
	}
	const rows = results.map((r) => [r.name, r.median.toFixed(3), r.p95.toFixed(3), r.target ?? "", r.ok === undefined ? "" : r.ok ? "met" : "MISSED", r.note ?? ""]);
	const head = ["benchmark", "median ms", "p95 ms", "target", "", "note"];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
	const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
	console.log(line(head));
	for (const r of rows) console.log(line(r));
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
	writeFileSync("bench/results.json", `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`);
	const checked = results.filter((r) => r.ok !== undefined);
	const missed = checked.filter((r) => r.ok === false);
	console.log(missed.length === 0 ? `All ${checked.length} targets met on ${machine}.` : `${missed.length} of ${checked.length} targets missed on ${machine}.`);
}

void main();
