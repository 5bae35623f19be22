import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { planSource } from "../../src/api";

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
		expect(r.out).toContain("  pass     Kubernetes 1.27 or later: The cluster runs 1.29.");
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
