import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { planSource } from "../../src/api";
import { knownCidr, overlaps } from "../../src/net/address";

function cli(args: string[], stdin?: string) {
	let out = "";
	let err = "";
	const code = run(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: () => Buffer.from(stdin ?? "") });
	return { code, out, err };
}

const KUBENET =
	"cluster: legacy\nnetworkPlugin: kubenet\nvnet: 10.50.0.0/16\nnodeSubnet: 10.50.0.0/24\ncount: 3\nkubernetesVersion: 1.29\n";

describe("aks-ip migrate", () => {
	it("prints preconditions, notes, pod CIDR, capacity, the target block and the command", () => {
		const r = cli(["migrate", "-"], KUBENET);
		expect(r.code).toBe(0);
		expect(r.out).toContain("-:1: legacy: Kubenet → Azure CNI Overlay: unknown");
		expect(r.out).toContain("  pass     Kubernetes 1.22 or later: The cluster runs 1.29.");
		expect(r.out).toContain("  unknown  A user-assigned managed identity");
		expect(r.out).toContain("note: The move cannot be undone");
		expect(r.out).toContain("  pod CIDR: 10.244.0.0/16 (kubenet's own, kept)");
		expect(r.out).toContain("```aks-ip\ncluster: legacy\nnetworkPlugin: azure");
		expect(r.out.trimEnd().endsWith("--pod-cidr 10.244.0.0/16")).toBe(true);
		// The target block printed is one that plans clean.
		const target = /```aks-ip\n([\s\S]*?)```/.exec(r.out)?.[1] ?? "";
		expect(planSource(target).findings.filter((f) => f.severity === "error")).toEqual([]);
	});

	it("says what other models can do, and gives JSON", () => {
		const overlay = cli(["migrate", "-"], "vnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\n");
		expect(overlay.out).toBe("-:1: AKS cluster: Azure CNI Overlay: The cluster already uses Azure CNI Overlay.\n");
		const dynamic = cli(
			["migrate", "-"],
			"networkPlugin: azure\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\npodSubnet: 10.0.16.0/20\n",
		);
		expect(dynamic.out).toContain("cannot move to overlay in place: recreate the cluster");
		const json = JSON.parse(cli(["migrate", "--json", "-"], KUBENET).out) as {
			blocks: {
				model: string;
				migration: { verdict: string; command: string; capacity: { nodeSubnets: unknown[] } };
			}[];
		};
		expect(json.blocks[0]?.model).toBe("kubenet");
		expect(json.blocks[0]?.migration.verdict).toBe("unknown");
		expect(json.blocks[0]?.migration.command).toContain("--network-plugin-mode overlay");
		expect(json.blocks[0]?.migration.capacity.nodeSubnets).toEqual([
			{ cidr: "10.50.0.0/24", usable: 251, before: 4, after: 4 },
		]);
	});

	it("has help, and usage errors exit 2", () => {
		expect(cli(["migrate", "--help"]).out).toContain("Usage: aks-ip migrate");
		expect(cli(["migrate"]).code).toBe(2);
		expect(cli(["--help"]).out).toContain("migrate [--json] FILE...");
		expect(cli(["migrate", "/no/such/file.md"]).code).toBe(1);
	});
});

describe("aks-ip migrate with the registry", () => {
	function vault(files: Record<string, string>): string {
		const dir = mkdtempSync(join(tmpdir(), "aks-ip-migrate-vault-"));
		for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
		return dir;
	}
	const fence = (body: string[]) => ["```aks-ip", ...body, "```", ""].join("\n");
	const target = (out: string) => /```aks-ip\n([\s\S]*?)```/.exec(out)?.[1] ?? "";

	it("keeps a linked VNet and names its subnets, planned in that network", () => {
		const dir = vault({
			"Net.md": fence(["kind: network", "vnet: 10.30.0.0/16", "subnets:", "  aks: 10.30.0.0/22"]),
			"Cluster.md": fence(['vnet: "[[Net]]"', "networkPlugin: kubenet", "nodeSubnet: aks", "count: 3"]),
		});
		const r = cli(["migrate", join(dir, "Cluster.md"), join(dir, "Net.md")]);
		expect(r.code).toBe(0);
		const body = target(r.out);
		expect(body).toContain('vnet: "[[Net]]"\n');
		expect(body).toContain("    nodeSubnet: aks\n");
		expect(body).not.toContain("10.30.0.0/22");
		// The network's subnet is known: capacity names it.
		expect(r.out).toContain("  node subnet 10.30.0.0/22: 4 → 4 of 1,019 usable IPs at full scale");
		expect(r.out).not.toContain("target error");
		// The network note itself has no move.
		expect(r.out).toContain("Net.md:1: a network block: no cluster to move");
	});

	it("keeps the overlay's pod CIDR clear of what a peered hub routes to the cluster", () => {
		const dir = vault({
			"Hub.md": fence(["kind: network", "vnet: 10.0.0.0/16", "ranges:", "  on-premises: 10.244.0.0/14"]),
			"Cluster.md": fence([
				"networkPlugin: azure",
				"vnet: 10.40.0.0/16",
				'peered: ["[[Hub]]"]',
				"nodeSubnet: 10.40.0.0/22",
				"serviceCidr: 172.16.0.0/16",
				"dnsServiceIp: 172.16.0.10",
				"maxPods: 30",
				"count: 3",
			]),
		});
		const alone = cli(["migrate", join(dir, "Cluster.md")]);
		const both = cli(["migrate", "--vault", dir, join(dir, "Cluster.md"), join(dir, "Hub.md")]);
		expect(alone.out).toContain("  pod CIDR: 10.244.0.0/16");
		const pod = / {2}pod CIDR: (\S+)/.exec(both.out)?.[1] ?? "";
		expect(pod).not.toBe("");
		expect(overlaps(knownCidr(pod), knownCidr("10.244.0.0/14"))).toBe(false);
		expect(target(both.out)).toContain('  Hub: "[[Hub]]"\n');
		expect(both.code).toBe(0);
	});
});
