/** Whole-process benchmark of `aks-ip check` on a generated vault of 1,000 notes. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEMPLATES, templateBlock } from "../src/templates/templates";
import type { Measure } from "./engine.bench";

export function makeVault(notes: number): string {
	const dir = mkdtempSync(join(tmpdir(), "aks-ip-bench-vault-"));
	const prose = readFileSync("README.md", "utf8").slice(0, 3000);
	for (let i = 0; i < notes; i++) {
		const folder = join(dir, `area-${i % 20}`);
		mkdirSync(folder, { recursive: true });
		const t = TEMPLATES[i % TEMPLATES.length];
		const block = i % 3 === 0 && t ? `\n\n${templateBlock(t)}\n` : "";
		writeFileSync(join(folder, `note-${i}.md`), `---\ntags: [n${i}]\n---\n# Note ${i}\n\n${prose}${block}\n`);
	}
	return dir;
}

export function vaultBench(): Measure[] {
	const dir = makeVault(1000);
	try {
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const start = performance.now();
			// Copies of one template share a VNet across notes: megabytes of findings, hence the buffer.
			const r = spawnSync(process.execPath, ["dist/cli.cjs", "check", dir], {
				encoding: "utf8",
				maxBuffer: 2 ** 26,
			});
			times.push(performance.now() - start);
			if (r.status === 2 || !r.stdout.includes("1,000 files checked"))
				throw new Error(`check failed: ${r.stderr}`);
		}
		times.sort((a, b) => a - b);
		const median = times[2] ?? 0;
		return [
			{
				name: "aks-ip check: 1,000-note vault, whole process",
				median,
				p95: times[4] ?? 0,
				runs: 5,
				unit: "ms",
				target: "< 2 s",
				ok: median < 2000,
			},
		];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
