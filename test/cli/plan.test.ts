import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";

const EXAMPLE = "cluster: c\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/22\ncount: 3\nbogus: 1\n";

function cli(args: string[], stdin?: string) {
	let out = "";
	let err = "";
	const code = run(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: () => Buffer.from(stdin ?? "") });
	return { code, out, err };
}

describe("aks-ip plan", () => {
	let dir = "";
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), "aks-ip-plan-"));
		writeFileSync(join(dir, "spec.yaml"), EXAMPLE);
		writeFileSync(join(dir, "note.md"), `---\na: 1\n---\n# x\n\n\`\`\`aks-ip\n${EXAMPLE}\`\`\`\n`);
	});

	it("plans a bare spec with lines in the file", () => {
		const r = cli(["plan", "--json", join(dir, "spec.yaml")]);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.out) as { blocks: { line: number; findings: { code: string; line: number }[] }[] };
		expect(json.blocks).toHaveLength(1);
		expect(json.blocks[0]?.findings).toEqual([expect.objectContaining({ code: "unknown-key", line: 5 })]);
	});

	it("says so for a note without an aks-ip block (text); --json gives no block for it", () => {
		writeFileSync(join(dir, "plain.md"), "# Notes\n\n```yaml\ncount: 3\n```\n");
		const r = cli(["plan", join(dir, "plain.md"), join(dir, "spec.yaml")]);
		expect(r.code).toBe(0);
		expect(r.out.split("\n")[0]).toMatch(/plain\.md: no aks-ip block in this note$/);
		expect(r.out).toContain("spec.yaml:1: c:");
		const json = JSON.parse(cli(["plan", "--json", join(dir, "plain.md")]).out) as { blocks: unknown[] };
		expect(json.blocks).toEqual([]);
	});

	it("plans a note with lines in the note", () => {
		const r = cli(["plan", "--json", join(dir, "note.md")]);
		const json = JSON.parse(r.out) as { blocks: { line: number; findings: { line: number }[] }[] };
		expect(json.blocks[0]?.line).toBe(6);
		expect(json.blocks[0]?.findings[0]?.line).toBe(11);
	});

	it("reads standard input, as a note or as a bare spec", () => {
		const bare = cli(["plan", "--json", "-"], EXAMPLE);
		expect((JSON.parse(bare.out) as { blocks: { file: string }[] }).blocks[0]?.file).toBe("-");
		const note = cli(["plan", "-"], `# n\n\`\`\`aks-ip\n${EXAMPLE}\`\`\`\n`);
		expect(note.out).toContain("-:7: warning unknown-key");
		expect(note.out).toContain("c: Azure CNI Overlay, IPv4: 1 warning");
	});

	it("says what is left as the summary does: N free (x%), or N short", () => {
		const text = cli(
			["plan", "-"],
			"vnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/28\ncount: 20\npodCidr: 10.244.0.0/22\n",
		).out;
		expect(text).toMatch(/node subnet\s+10\.10\.0\.0\/28\s+11 usable\s+22 needed\s+11 short/);
		expect(text).toMatch(/pod CIDR\s+10\.244\.0\.0\/22\s+4 \/24 blocks\s+22 needed\s+18 short/);
		expect(cli(["plan", "-"], EXAMPLE).out).toMatch(
			/pod CIDR\s+10\.244\.0\.0\/16\s+256 \/24 blocks\s+4 needed\s+252 free \(98\.4%\)/,
		);
	});

	it("plans pasted terraform show -json and refuses Bicep with one error", () => {
		const plan = cli(["plan", "--json", "test/fixtures/shapes/terraform-plan.txt"]);
		const json = JSON.parse(plan.out) as {
			blocks: { model: string; pools: { name: string; nodeSubnet: string }[]; findings: { code: string }[] }[];
		};
		expect(json.blocks[0]?.model).toBe("azure-cni-overlay");
		expect(json.blocks[0]?.pools.map((p) => [p.name, p.nodeSubnet])).toEqual([
			["system", "10.70.0.0/22"],
			["apps", "10.70.0.0/22"],
		]);
		expect(json.blocks[0]?.findings.map((f) => f.code)).toEqual(["input-format", "missing-key", "missing-key"]);
		const bicep = cli(["plan", "test/fixtures/shapes/refuse-main.bicep"]);
		expect(bicep.out).toContain("test/fixtures/shapes/refuse-main.bicep:2: error input-format This is Bicep");
	});

	it("reports a missing file and goes on", () => {
		const r = cli(["plan", join(dir, "missing.md"), join(dir, "spec.yaml")]);
		expect(r.code).toBe(1);
		expect(r.err).toContain("missing.md: no such file");
		expect(r.out).toContain("spec.yaml:5: warning unknown-key");
	});

	it("answers usage errors with status 2 and prints help", () => {
		expect(cli(["plan"]).code).toBe(2);
		expect(cli(["plan", "--nope", "x"]).code).toBe(2);
		expect(cli(["frobnicate"]).code).toBe(2);
		expect(cli(["--help"]).out).toContain("Usage: aks-ip");
		expect(cli(["plan", "--help"]).out).toContain("Usage: aks-ip plan");
	});

	it("runs as a built command", () => {
		const r = spawnSync(process.execPath, ["dist/cli.cjs", "plan", "--json", "-"], {
			input: EXAMPLE,
			encoding: "utf8",
		});
		expect(r.status).toBe(0);
		expect((JSON.parse(r.stdout) as { blocks: { model: string }[] }).blocks[0]?.model).toBe("azure-cni-overlay");
	});
});
