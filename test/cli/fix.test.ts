import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";

function aks(args: string[], stdin = "") {
	let out = "";
	let err = "";
	const code = run(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: () => Buffer.from(stdin) });
	return { code, out, err };
}

const NOTE = [
	"---",
	"tags: [aks]",
	"---",
	"# Prod",
	"",
	"```aks-ip",
	"networkPlugin: azure",
	"vnet: 10.10.0.0/16",
	'nodeSubnet: "10.10.0.0/22"   # too small',
	"count: 50",
	"maxPods: 30",
	"maxSurge: 1",
	"serviceCidr: 10.10.0.0/16",
	"subnets:",
	"  other: 10.10.4.0/22",
	"```",
	"",
	"Text after.",
	"",
	"```aks-ip",
	"vnet: 10.20.0.0/16",
	"agentPools:",
	"  - name: sys",
	"    count: 3",
	"```",
	"",
].join("\n");

describe("aks-ip fix", () => {
	it("prints the note with every proposal applied and lists each change on standard error", () => {
		const r = aks(["fix", "-"], NOTE);
		expect(r.code).toBe(0);
		expect(r.out).toBe(
			NOTE.replace('"10.10.0.0/22"   # too small', '"10.10.8.0/21"   # too small')
				.replace("serviceCidr: 10.10.0.0/16", "serviceCidr: 10.0.0.0/16")
				.replace(
					"vnet: 10.20.0.0/16\n",
					"vnet: 10.20.0.0/16\nnodeSubnet: 10.20.0.0/28\npodCidr: 10.244.0.0/16\nserviceCidr: 10.0.0.0/16\ndnsServiceIp: 10.0.0.10\n",
				),
		);
		expect(r.err.split("\n")).toEqual([
			'-:9: "10.10.0.0/22" -> "10.10.8.0/21" (10.10.8.0/21 is free and holds 1,581 with 22% left)',
			"-:13: 10.10.0.0/16 -> 10.0.0.0/16 (10.0.0.0/16 is private and clear of every routed range and of the pod CIDR; DNS service IP 10.0.0.10)",
			...[
				"nodeSubnet: 10.20.0.0/28",
				"podCidr: 10.244.0.0/16",
				"serviceCidr: 10.0.0.0/16",
				"dnsServiceIp: 10.0.0.10",
			].map(
				(line, i) =>
					`-:${22 + i}: (none) -> ${line} (10.20.0.0/28 is free and holds 4 with 63% left; with podCidr 10.244.0.0/16, serviceCidr 10.0.0.0/16, dnsServiceIp 10.0.0.10 written down, each free and clear of the rest)`,
			),
			"",
		]);
	});

	it("fills in the ranges left to defaults with --fill, and changes nothing twice", () => {
		const spec = "vnet: 10.20.0.0/16\ncount: 3\n";
		const dir = mkdtempSync(join(tmpdir(), "aks-ip-fix-"));
		writeFileSync(join(dir, "a.yaml"), spec);
		const r = aks(["fix", "--fill", "--write", join(dir, "a.yaml")]);
		expect(r.code).toBe(0);
		expect(r.out).toBe("");
		const fixed = readFileSync(join(dir, "a.yaml"), "utf8");
		expect(fixed).toBe(
			"vnet: 10.20.0.0/16\nnodeSubnet: 10.20.0.0/28\npodCidr: 10.244.0.0/16\nserviceCidr: 10.0.0.0/16\ndnsServiceIp: 10.0.0.10\ncount: 3\n",
		);
		expect(readdirSync(dir)).toEqual(["a.yaml"]);
		const again = aks(["fix", "--fill", "--write", join(dir, "a.yaml")]);
		expect([again.code, again.err]).toEqual([0, ""]);
		expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(fixed);
	});

	it("exits 1 when errors remain, such as no room in the VNet, and 2 for usage errors", () => {
		const r = aks(["fix", "-"], "```aks-ip\nvnet: 10.1.0.0/24\nnodeSubnet: 10.1.0.0/26\ncount: 250\n```\n");
		expect(r.code).toBe(1);
		expect(r.err).toContain("-: 1 error remains: see aks-ip check");
		expect(aks(["fix"]).code).toBe(2);
		expect(aks(["fix", "--nope", "x"]).code).toBe(2);
		expect(aks(["fix", "--help"]).out).toContain("Usage: aks-ip fix");
	});

	it("plan --json carries each proposal as fix: {line, from, to}", () => {
		const json = JSON.parse(aks(["plan", "--json", "-"], NOTE).out) as {
			blocks: { findings: { code: string; fix?: unknown }[] }[];
		};
		expect(json.blocks[0]?.findings.filter((f) => f.fix).map((f) => [f.code, f.fix])).toEqual([
			["node-subnet-too-small", { line: 9, from: "10.10.0.0/22", to: "10.10.8.0/21" }],
			["range-overlap", { line: 13, from: "10.10.0.0/16", to: "10.0.0.0/16" }],
			["range-overlap", { line: 13, from: "10.10.0.0/16", to: "10.0.0.0/16" }],
		]);
	});
});

describe("aks-ip fix with the registry", () => {
	function vault(files: Record<string, string>): string {
		const dir = mkdtempSync(join(tmpdir(), "aks-ip-fix-vault-"));
		for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
		return dir;
	}
	const fence = (body: string[]) => ["```aks-ip", ...body, "```", ""].join("\n");

	it("places a new subnet clear of the subnets another note takes in the same VNet", () => {
		const dir = vault({
			"Spoke.md": fence(["kind: network", "vnet: 10.30.0.0/16", "subnets:", "  shared: 10.30.0.0/20"]),
			"Cluster.md": fence(['vnet: "[[Spoke]]"', "networkPlugin: azure", "count: 50", "maxPods: 30"]),
		});
		const r = aks(["fix", join(dir, "Cluster.md"), join(dir, "Spoke.md")]);
		expect(r.err).toMatch(/Cluster\.md:\d+: \(none\) -> nodeSubnet: "?10\.30\.(16|24)\.0\/21/);
		expect(r.out).not.toMatch(/nodeSubnet: 10\.30\.0\.0/);
	});

	it("fixes notes one after the other: two overlapping notes never move into one place, and a second run changes nothing", () => {
		const cluster = (subnet: string) =>
			fence([
				'vnet: "[[Net60]]"',
				"networkPlugin: azure",
				"networkPluginMode: overlay",
				`nodeSubnet: ${subnet}`,
				"count: 3",
			]);
		const dir = vault({
			"Net60.md": fence(["kind: network", "vnet: 10.60.0.0/16"]),
			"C.md": cluster("10.60.0.0/27"),
			"D.md": cluster("10.60.0.16/28"),
		});
		const files = ["C.md", "D.md", "Net60.md"].map((f) => join(dir, f));
		const first = aks(["fix", "--write", ...files]);
		expect(first.code, first.err).toBe(0);
		const check = aks(["check", dir]);
		expect(check.code, check.out).toBe(0);
		const second = aks(["fix", "--write", ...files]);
		expect(second.err).toBe("");
		expect(second.code).toBe(0);
	});

	it("keeps pod and service ranges clear of what a peered hub routes", () => {
		const dir = vault({
			"Hub.md": fence(["kind: network", "vnet: 10.0.0.0/16", "ranges:", "  on-premises: 10.244.0.0/14"]),
			"Cluster.md": fence([
				"vnet: 10.40.0.0/16",
				'peered: ["[[Hub]]"]',
				"networkPlugin: azure",
				"networkPluginMode: overlay",
				"nodeSubnet: 10.40.0.0/24",
				"podCidr: 10.244.0.0/16",
				"serviceCidr: 10.0.0.0/16",
			]),
		});
		const r = aks(["fix", join(dir, "Cluster.md"), join(dir, "Hub.md")]);
		const pod = /podCidr: (\S+)/.exec(r.out.split("==> ")[1] ?? "")?.[1];
		const service = /serviceCidr: (\S+)/.exec(r.out.split("==> ")[1] ?? "")?.[1];
		expect(pod).not.toBe("10.244.0.0/16");
		expect(service).not.toBe("10.0.0.0/16");
		expect(r.code).toBe(0);
	});
});
