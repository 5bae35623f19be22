import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";

// dist/cli.cjs is built by test/global-setup.ts.
const CLI = resolve("dist/cli.cjs");
// Three clusters in three VNets: notes that declared one address space would share a VNet.
const GOOD = "```aks-ip\ncluster: good\nvnet: 10.10.0.0/16\nnodeSubnet: 10.10.0.0/24\ncount: 3\n```\n";
const WARN = "# w\n\n```aks-ip\nvnet: 10.11.0.0/16\nnodeSubnet: 10.11.0.0/24\ncount: 3\nbogus: 1\n```\n";
const BAD = "---\ntags: [x]\n---\n# Bad\n\n```aks-ip\nvnet: 10.12.0.0/16\nnodeSubnet: 10.12.0.0/28\ncount: 20\n```\n";

function aks(args: string[], options: { cwd?: string; input?: string } = {}) {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: options.cwd,
		input: options.input ?? "",
		encoding: "utf8",
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
}

let vault = "";
beforeEach(() => {
	vault = mkdtempSync(join(tmpdir(), "aks-ip-vault-"));
	mkdirSync(join(vault, "notes", "deep"), { recursive: true });
	mkdirSync(join(vault, ".obsidian"));
	mkdirSync(join(vault, "node_modules"));
	writeFileSync(join(vault, "notes", "good.md"), GOOD);
	writeFileSync(join(vault, "notes", "deep", "bad.md"), BAD);
	writeFileSync(join(vault, "notes", "warn.md"), WARN);
	writeFileSync(join(vault, ".obsidian", "skipped.md"), BAD);
	writeFileSync(join(vault, "node_modules", "skipped.md"), BAD);
	writeFileSync(join(vault, "notes", "plain.md"), "# no blocks\n");
});

describe("aks-ip check", () => {
	it("prints FILE:LINE: SEVERITY CODE MESSAGE relative to the working folder, and exits 1 on errors", () => {
		const r = aks(["check", "."], { cwd: vault });
		expect(r.code).toBe(1);
		const lines = r.out.trim().split("\n");
		expect(lines[0]).toMatch(
			/^notes\/deep\/bad\.md:8: error node-subnet-too-small Node subnet 10\.12\.0\.0\/28 has 11 usable IPs/,
		);
		expect(lines).toContain(
			'notes/warn.md:7: warning unknown-key Unknown key "bogus" at the top level; it is ignored.',
		);
		expect(lines.at(-1)).toBe("4 files checked, 3 blocks in 3 notes: 1 error, 1 warning.");
		expect(r.out).not.toContain("skipped.md");
	});

	it("exits 0 without errors; --warnings-as-errors makes warnings count; --quiet prints errors only", () => {
		expect(aks(["check", "notes/good.md", "notes/warn.md"], { cwd: vault }).code).toBe(0);
		expect(aks(["check", "--warnings-as-errors", "notes/warn.md"], { cwd: vault }).code).toBe(1);
		const quiet = aks(["check", "--quiet", "."], { cwd: vault });
		expect(quiet.out).not.toContain("warning unknown-key");
		expect(quiet.out).toContain("error node-subnet-too-small");
	});

	it("prints the plan JSON shape with --json", () => {
		const r = aks(["check", "--json", "notes"], { cwd: vault });
		const json = JSON.parse(r.out) as { blocks: { file: string; line: number; model: string }[] };
		expect(json.blocks.map((b) => [b.file, b.line])).toEqual([
			["notes/deep/bad.md", 6],
			["notes/good.md", 1],
			["notes/warn.md", 3],
		]);
	});

	it("prints each finding as plan --json does, with its fix", () => {
		type Out = { blocks: { findings: { code: string; fix?: { to: string } }[] }[] };
		const checked = JSON.parse(aks(["check", "--json", "notes/deep/bad.md"], { cwd: vault }).out) as Out;
		const planned = JSON.parse(aks(["plan", "--json", "notes/deep/bad.md"], { cwd: vault }).out) as Out;
		const findings = checked.blocks[0]?.findings ?? [];
		expect(findings.some((f) => f.fix !== undefined)).toBe(true);
		expect(findings).toEqual(planned.blocks[0]?.findings);
	});

	it("reads standard input", () => {
		const r = aks(["check", "-"], { input: BAD });
		expect(r.out).toContain("-:8: error node-subnet-too-small");
		expect(r.code).toBe(1);
	});

	it("reports missing, unreadable, binary and non-UTF-8 files by name, goes on, and ends non-zero", () => {
		writeFileSync(join(vault, "notes", "binary.md"), Buffer.from([0x23, 0x00, 0x01, 0x02]));
		writeFileSync(join(vault, "notes", "latin1.md"), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
		writeFileSync(join(vault, "notes", "locked.md"), GOOD);
		chmodSync(join(vault, "notes", "locked.md"), 0o000);
		const r = aks(["check", "notes", "missing.md"], { cwd: vault });
		expect(r.code).toBe(1);
		expect(r.err).toContain("missing.md: no such file or folder");
		expect(r.err).toContain("notes/binary.md: binary file");
		expect(r.err).toContain("notes/latin1.md: not UTF-8 text");
		if (process.getuid?.() !== 0) expect(r.err).toContain("notes/locked.md: permission denied");
		expect(r.out).toContain("notes/deep/bad.md:8: error");
	});

	it("checks a huge note (8 MB of prose around a block) and a huge block body", () => {
		const prose = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n".repeat(150_000);
		writeFileSync(join(vault, "huge.md"), `${prose}\n${BAD}\n${prose}`);
		const r = aks(["check", "huge.md"], { cwd: vault });
		expect(r.code).toBe(1);
		expect(r.out).toContain(`huge.md:${150_000 + 8 + 1}: error node-subnet-too-small`);
		const body = `cluster: big\n${"# comment\n".repeat(200_000)}count: [\n`;
		writeFileSync(join(vault, "huge-body.md"), `\`\`\`aks-ip\n${body}\`\`\`\n`);
		const b = aks(["check", "huge-body.md"], { cwd: vault });
		expect(b.code).toBe(1);
		expect(b.out).toContain("error yaml-syntax");
	});

	it("answers usage errors with 2 and has help for each subcommand", () => {
		expect(aks(["check"]).code).toBe(2);
		expect(aks(["check", "--bogus", "."]).code).toBe(2);
		for (const sub of ["check", "plan", "render", "template"])
			expect(aks([sub, "--help"]).out).toContain(`Usage: aks-ip ${sub}`);
		const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
		expect(aks(["--version"]).out).toBe(`${pkg.version}\n`);
	});
});

describe("aks-ip render", () => {
	it("writes each summary below its block, leaves the rest byte for byte, and is idempotent", () => {
		const note = `${BAD}\nText after, with trailing spaces   \n\n${GOOD}`;
		writeFileSync(join(vault, "n.md"), note);
		const once = aks(["render", "n.md"], { cwd: vault });
		expect(once.code).toBe(0);
		expect(once.out.match(/<!-- aks-ip summary/g)).toHaveLength(2);
		expect(once.out.replace(/\n\n<!-- aks-ip summary[\s\S]*?<!-- \/aks-ip summary -->/g, "")).toBe(note);
		writeFileSync(join(vault, "once.md"), once.out);
		expect(aks(["render", "once.md"], { cwd: vault }).out).toBe(once.out);
	});

	it("--write rewrites in place through a temporary file, and a failed write leaves the note intact", () => {
		writeFileSync(join(vault, "w.md"), BAD);
		expect(aks(["render", "--write", "w.md"], { cwd: vault }).code).toBe(0);
		const written = readFileSync(join(vault, "w.md"), "utf8");
		expect(written).toContain("### 1. Node IPs");
		expect(readdirSync(vault).filter((f) => f.includes(".tmp"))).toEqual([]);
		if (process.getuid?.() === 0) return; // root ignores directory permissions
		const ro = join(vault, "ro");
		mkdirSync(ro);
		writeFileSync(join(ro, "n.md"), BAD);
		chmodSync(ro, 0o555);
		const r = aks(["render", "--write", "ro/n.md"], { cwd: vault });
		expect(r.code).toBe(1);
		expect(readFileSync(join(ro, "n.md"), "utf8")).toBe(BAD);
	});

	it("prints a bare spec's summary and refuses to --write it", () => {
		writeFileSync(join(vault, "s.yaml"), "cluster: s\ncount: 2\n");
		expect(aks(["render", "s.yaml"], { cwd: vault }).out).toContain("## s: IP allocation");
		expect(aks(["render", "--write", "s.yaml"], { cwd: vault }).code).toBe(1);
	});
});

describe("aks-ip template", () => {
	it("lists the templates one per line, id first, and prints one as a block that plans cleanly", () => {
		const list = aks(["template", "--list"]).out.trim().split("\n");
		expect(list.length).toBeGreaterThanOrEqual(7);
		expect(list[0]).toMatch(/^overlay +Azure CNI Overlay \(recommended\)/);
		const block = aks(["template", "hub-spoke"]);
		expect(block.out.startsWith("```aks-ip\ncluster: aks-spoke-prod")).toBe(true);
		const checked = aks(["check", "-"], { input: block.out });
		expect(checked.code).toBe(0);
		expect(aks(["template", "nope"]).code).toBe(2);
	});
});
