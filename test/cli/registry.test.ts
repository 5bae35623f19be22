import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annotation } from "../../src/cli/check";
import { commonRoot } from "../../src/cli/vault";
import { VAULT } from "../registry/vault";

// dist/cli.cjs is built by test/global-setup.ts.
const CLI = resolve("dist/cli.cjs");

function aks(args: string[], cwd: string) {
	const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: "", encoding: "utf8" });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

let root = "";
let vault = "";
beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), "aks-ip-registry-"));
	vault = join(root, "estate");
	for (const [path, text] of Object.entries(VAULT)) {
		mkdirSync(dirname(join(vault, path)), { recursive: true });
		writeFileSync(join(vault, path), text);
	}
});

describe("aks-ip check across notes", () => {
	it("reports findings across notes in both files, FILE:LINE first, and counts them", () => {
		const r = aks(["check", "estate"], root);
		expect(r.code).toBe(1);
		const lines = r.out.trim().split("\n");
		expect(lines).toContain(
			"estate/networks/Spoke test network.md:4: error cross-note-overlap VNet address space 10.1.0.0/16 overlaps VNet address space 10.1.0.0/16 in [[Spoke prod network]] (line 6): they share 10.1.0.0/16 (65,536 addresses), and the networks are peered through [[Hub]]. Connected networks need disjoint address spaces (Azure refuses to peer overlapping ones): move one of the ranges.",
		);
		const cross = lines.filter((l) => / (cross-note-overlap|unresolved-link) |range-overlap .* in \[\[/.test(l));
		expect(cross.map((l) => l.slice(0, l.indexOf(": ") + 1)).sort()).toEqual(
			[
				"clusters/Prod.md:4:",
				"networks/Hub.md:8:",
				"clusters/Staging.md:6:",
				"networks/On-premises.md:5:",
				"networks/Spoke prod network.md:6:",
				"networks/Spoke test network.md:4:",
				"shared/Team A.md:4:",
				"shared/Team B.md:4:",
				"shared/Team B.md:5:",
				"shared/Shared.md:17:",
				"clusters/Staging.md:3:",
				"labs/Lab one.md:3:",
				"drafts/Draft.md:6:",
			]
				.map((l) => `estate/${l}`)
				.sort(),
		);
		expect(lines.at(-1)).toMatch(/^13 files checked, 13 blocks in 12 notes: 10 errors, \d+ warnings\.$/);
	});

	it("resolves links from the folder common to the paths, or from --vault", () => {
		// Checked alone, Staging's link to networks/Hub resolves from its own folder: nowhere.
		const alone = aks(["check", "estate/clusters/Staging.md"], root);
		expect(alone.out).toContain(
			"warning unresolved-link peered links [[networks/Hub|the hub]], which names no note",
		);
		const both = aks(["check", "estate/clusters/Staging.md", "estate/networks"], root);
		expect(both.out).not.toContain("unresolved-link");
		expect(both.out).toContain("estate/clusters/Staging.md:6: error range-overlap");
		const viaVault = aks(["check", "--vault", "estate", "estate/clusters", "estate/networks/Hub.md"], root);
		expect(viaVault.out).not.toContain("networks/Hub|the hub]], which names no note");
	});

	it("gives related: {file, line} in JSON", () => {
		const r = aks(["check", "--format", "json", "estate"], root);
		const json = JSON.parse(r.out) as {
			blocks: { file: string; kind?: string; findings: { code: string; line: number; related?: unknown }[] }[];
		};
		const hub = json.blocks.find((b) => b.file === "estate/networks/Hub.md");
		expect(hub?.kind).toBe("network");
		expect(hub?.findings).toEqual([
			expect.objectContaining({
				code: "range-overlap",
				line: 8,
				related: { file: "estate/clusters/Prod.md", line: 4 },
			}),
		]);
		expect(json.blocks.find((b) => b.file === "estate/clusters/Prod.md")?.kind).toBeUndefined();
	});

	it("prints GitHub Actions annotations with --format github", () => {
		const r = aks(["check", "--format", "github", "--quiet", "estate"], root);
		expect(r.code).toBe(1);
		expect(r.out).toContain(
			"::error file=estate/networks/Hub.md,line=8,title=range-overlap::VNet address space 10.0.0.0/16 overlaps",
		);
		expect(r.out).not.toContain("::warning");
		expect(
			annotation("a,b:c%.md", {
				severity: "warning",
				code: "unresolved-link",
				message: "50% done\nnext: ok",
				line: 3,
			}),
		).toBe("::warning file=a%2Cb%3Ac%25.md,line=3,title=unresolved-link::50%25 done%0Anext: ok");
		expect(aks(["check", "--format", "xml", "estate"], root).code).toBe(2);
	});

	it("finds the root common to the paths", () => {
		expect(commonRoot(["/a/b/c", "/a/b/d/e", "/a/b"])).toBe("/a/b");
		expect(commonRoot(["/a/b", "/x"])).toBe("/");
	});
});

describe("aks-ip registry", () => {
	it("prints the inventory as a table, filtered by CIDR", () => {
		const text = aks(["registry", "--where", "10.50.0.0/16", "estate"], root);
		expect(text.code).toBe(0);
		const rows = text.out.trim().split("\n");
		expect(rows[0]).toMatch(/^range\s+kind\s+name\s+note\s+network\s+connected\s+findings$/);
		expect(rows.slice(1).map((r) => r.split(/\s{2,}/).slice(0, 2))).toEqual([
			["10.50.0.0/16", "VNet"],
			["10.50.0.0/22", "subnet"],
			["10.50.2.0/23", "subnet"],
			["10.50.8.0/24", "subnet"],
			["10.50.8.0/24", "service"],
			["10.50.100.0/24", "subnet"],
		]);
	});

	it("prints it as JSON, filtered by folder", () => {
		const json = JSON.parse(aks(["registry", "--json", "--folder", "labs", "estate"], root).out) as {
			ranges: { file: string; range: string; type: string; connected: string[] }[];
		};
		// Defaults count: the service and pod ranges AKS would give the labs.
		expect(json.ranges.map((r) => [r.file, r.range, r.type])).toEqual([
			["estate/labs/Lab one.md", "10.0.0.0/16", "service"],
			["estate/labs/Lab two.md", "10.0.0.0/16", "service"],
			["estate/labs/Lab one.md", "10.2.0.0/17", "VNet"],
			["estate/labs/Lab one.md", "10.2.0.0/24", "subnet"],
			["estate/labs/Lab two.md", "10.70.0.0/16", "VNet"],
			["estate/labs/Lab two.md", "10.70.0.0/24", "subnet"],
			["estate/labs/Lab one.md", "10.244.0.0/16", "pod"],
			["estate/labs/Lab two.md", "10.244.0.0/16", "pod"],
		]);
	});

	it("prints it as CSV, and answers usage errors with 2", () => {
		const csv = aks(["registry", "--csv", "--folder", "networks", "estate"], root).out.split("\r\n");
		expect(csv[0]).toBe("name,block,file,line,range,type,detail,network,connected,findings");
		expect(csv).toContain(
			"datacenter,network,estate/networks/On-premises.md,5,10.200.0.0/16,on-premises,dc-paris,[[On-premises]],[[Hub]]; [[Spoke prod network]]; [[Spoke test network]]; [[Staging]],error range-overlap",
		);
		expect(aks(["registry", "--where", "10.0.0.1/8", "estate"], root).code).toBe(2);
		expect(aks(["registry", "--help"], root).out).toContain("Usage: aks-ip registry");
	});
});
