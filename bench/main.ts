/** Runs every benchmark, prints a table and writes bench/results.json. */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { engineBench, type Measure } from "./engine.bench";

const results: Measure[] = [...engineBench()];
const rows = results.map((r) => [r.name, r.median.toFixed(3), r.p95.toFixed(3), r.target ?? "", r.ok === undefined ? "" : r.ok ? "met" : "MISSED", r.note ?? ""]);
const head = ["benchmark", "median ms", "p95 ms", "target", "", "note"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
console.log(line(head));
for (const r of rows) console.log(line(r));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
writeFileSync("bench/results.json", `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`);
const missed = results.filter((r) => r.ok === false);
console.log(missed.length === 0 ? `All ${results.filter((r) => r.ok !== undefined).length} targets met on ${machine}.` : `${missed.length} target(s) missed on ${machine}.`);
