/**
 * Registry benchmarks on a generated estate (below): building it as the plugin does,
 * in slices of at most SLICE_MS of work; one note's update with the check across notes; and
 * `aks-ip check` of the estate written to disk, whole process.
 *
 * The estate: 1,000 notes of networks and clusters, about 5,000 ranges. Ten hubs peered with one
 * on-premises note; 190 spoke networks, each peered with a hub; 400 clusters living in a spoke's
 * VNet by link; 399 clusters with a VNet of their own, peered with a hub. Every cluster reuses
 * the same pod range (quiet, as it should be); every fiftieth takes the default service range,
 * which collides with hub 0: the rules have work to report.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Registry } from "../src/registry/registry";
import type { Measure } from "./engine.bench";

const fence = "```";

function block(lines: string[]): string {
	return `# Note\n\nSome prose before the plan.\n\n${fence}aks-ip\n${lines.join("\n")}\n${fence}\n`;
}

/** The nth /20 of 10.128.0.0/9 (spoke VNets) and the nth /22 of 10.64.0.0/10 (cluster VNets). */
function spokeSpace(n: number): [number, number] {
	return [128 + Math.floor(n / 16), (n % 16) * 16];
}

function clusterSpace(n: number): [number, number] {
	return [64 + Math.floor(n / 64), (n % 64) * 4];
}

export function estate(): Record<string, string> {
	const notes: Record<string, string> = {};
	notes["networks/On-premises.md"] = block([
		"kind: network",
		"name: datacenters",
		"ranges:",
		"  paris: 10.200.0.0/16",
		"  lyon: 10.201.0.0/16",
		"  vpn: 172.20.0.0/22",
		"  lab: 10.210.0.0/16",
	]);
	for (let h = 0; h < 10; h++)
		notes[`networks/hubs/Hub ${h}.md`] = block([
			"kind: network",
			`name: hub-${h}`,
			`vnet: 10.${h}.0.0/16`,
			"subnets:",
			`  AzureFirewallSubnet: 10.${h}.0.0/26`,
			`  GatewaySubnet: 10.${h}.1.0/27`,
			`  AzureBastionSubnet: 10.${h}.2.0/26`,
			`  shared: 10.${h}.4.0/22`,
			`  dns: 10.${h}.8.0/28`,
			`  tools: 10.${h}.9.0/24`,
			"peered: [[On-premises]]",
		]);
	for (let s = 0; s < 190; s++) {
		const [b, c] = spokeSpace(s);
		notes[`networks/spokes/Spoke ${s}.md`] = block([
			"kind: network",
			`name: spoke-${s}`,
			`vnet: 10.${b}.${c}.0/20`,
			"subnets:",
			`  nodes: 10.${b}.${c}.0/22`,
			`  apps: 10.${b}.${c + 4}.0/22`,
			`  endpoints: { cidr: 10.${b}.${c + 8}.0/24, purpose: privateEndpoints }`,
			`peered: [[Hub ${s % 10}]]`,
		]);
	}
	for (let i = 0; i < 799; i++) notes[`clusters/team-${i % 20}/Cluster ${i}.md`] = cluster(i);
	return notes;
}

function cluster(i: number): string {
	// Every fiftieth cluster takes the default service range, which collides with hub 0's space.
	const service = i % 50 === 0 ? [] : [`serviceCidr: 172.${16 + (i % 8)}.0.0/16`];
	if (i < 400) {
		return block([
			`cluster: aks-${i}`,
			`vnet: [[Spoke ${i % 190}]]`,
			i < 190 ? "nodeSubnet: nodes" : "nodeSubnet: apps",
			"podCidr: 192.168.0.0/16",
			...service,
			"subnets:",
			`  ingress-${i}: 10.${spokeSpace(i % 190)[0]}.${spokeSpace(i % 190)[1] + 12 + (i < 190 ? 0 : 1)}.0/24`,
			"agentPools:",
			"  - { name: system, count: 3 }",
			"  - { name: apps, count: 3, maxCount: 10 }",
		]);
	}
	const [b, c] = clusterSpace(i);
	return block([
		`cluster: aks-${i}`,
		`vnet: 10.${b}.${c}.0/22`,
		`nodeSubnet: 10.${b}.${c}.0/24`,
		"podCidr: 192.168.0.0/16",
		...service,
		"subnets:",
		`  ingress: 10.${b}.${c + 1}.0/26`,
		`  endpoints: { cidr: 10.${b}.${c + 1}.64/26, purpose: privateEndpoints }`,
		`  apiserver: { cidr: 10.${b}.${c + 1}.128/28, purpose: apiServer }`,
		`peered: ["[[Hub ${i % 10}]]"]`,
		"count: 3",
	]);
}

/** The plugin's budget per slice (src/vault/registry-service.ts). */
const SLICE_MS = 5;

interface Build {
	total: number;
	longest: number;
	slices: number;
	ranges: number;
}

/** Builds the registry the way the plugin does: notes, then linked VNets, then the check, all in slices. */
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
	const steps = reg.checkSteps();
	for (;;) {
		const t = performance.now();
		let step = steps.next();
		while (!step.done && performance.now() - t < SLICE_MS) step = steps.next();
		slices.push(performance.now() - t);
		if (step.done) break;
	}
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
			const r = spawnSync(process.execPath, ["dist/cli.cjs", "check", dir], {
				encoding: "utf8",
				maxBuffer: 2 ** 26,
			});
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
			note: "the check across notes in slices too",
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
