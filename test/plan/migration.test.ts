import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrationOf, planNote, planSource, Registry } from "../../src/api";
import { knownCidr, overlaps, parseCidr } from "../../src/net/address";
import type { NoteLink } from "../../src/parse/types";
import type { Precondition } from "../../src/plan/migration/preconditions";
import { routedRanges } from "../../src/plan/migration/target";
import { TEMPLATES } from "../../src/templates/templates";
import { specInput, specText } from "./growth-specs";
import { dedent } from "./helpers";

const KUBENET = "networkPlugin: kubenet\nvnet: 10.50.0.0/16\nnodeSubnet: 10.50.0.0/24\ncount: 3\n";
const NODE_SUBNET = "networkPlugin: azure\nvnet: 10.20.0.0/16\nnodeSubnet: 10.20.0.0/22\nmaxPods: 30\ncount: 3\n";

function check(spec: string, id: Precondition["id"]) {
	return migrationOf(planSource(spec))?.preconditions.find((c) => c.id === id);
}

describe("move to overlay: each precondition passes, fails or is unknown from the spec", () => {
	it.each([
		["kubernetes-version", `${KUBENET}kubernetesVersion: 1.30\n`, "pass", "1.30"],
		["kubernetes-version", `${KUBENET}kubernetesVersion: "1.27.3"\n`, "pass", "1.27.3"],
		["kubernetes-version", `${KUBENET}kubernetesVersion: 1.22\n`, "pass", "1.22"],
		["kubernetes-version", `${KUBENET}kubernetesVersion: 1.21\n`, "fail", "upgrade it to 1.22"],
		["kubernetes-version", `${KUBENET}kubernetesVersion: 1.9\n`, "fail", "upgrade it to 1.22"],
		["kubernetes-version", KUBENET, "unknown", "add kubernetesVersion"],
		["network-policy", NODE_SUBNET, "pass", "AKS's default is none"],
		["network-policy", `${NODE_SUBNET}networkPolicy: none\n`, "pass", "none"],
		["network-policy", `${NODE_SUBNET}networkPolicy: azure\n`, "fail", "uninstall"],
		["network-policy", `${KUBENET}networkPolicy: calico\n`, "fail", "uninstall"],
		["network-policy", `${NODE_SUBNET}networkDataplane: cilium\nnetworkPolicy: cilium\n`, "unknown", "cilium"],
		["windows-pools", NODE_SUBNET, "pass", "Linux"],
		[
			"windows-pools",
			`networkPlugin: azure\nvnet: 10.20.0.0/16\nnodeSubnet: 10.20.0.0/20\nagentPools:\n  - { name: sys, mode: System, count: 3 }\n  - { name: win, osType: Windows, count: 2 }\n`,
			"unknown",
			"containerd",
		],
		["dual-stack", NODE_SUBNET, "pass", "IPv4 only"],
		["dual-stack", `${NODE_SUBNET}ipFamilies: [IPv4, IPv6]\n`, "fail", "recreate"],
		["source-model", KUBENET, "pass", "starts from this model"],
		["source-model", NODE_SUBNET, "pass", "starts from this model"],
		[
			"source-model",
			"networkPlugin: azure\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\npodSubnet: 10.0.16.0/20\ncount: 3\n",
			"fail",
			"not move to overlay in place: recreate the cluster",
		],
		[
			"source-model",
			"networkPlugin: azure\npodIpAllocationMode: StaticBlock\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\npodSubnet: 10.0.16.0/20\ncount: 3\n",
			"fail",
			"recreate the cluster",
		],
		["source-model", "vnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\n", "fail", "already uses Azure CNI Overlay"],
		["source-model", "networkPlugin: none\nvnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\n", "fail", "recreate"],
		["managed-identity", KUBENET, "unknown", "user-assigned managed identity"],
	] as const)("%s: %s → %s", (id, spec, status, words) => {
		const c = check(spec, id);
		expect(c?.status).toBe(status);
		expect(c?.detail).toContain(words);
	});

	it("asks for a user-assigned identity only on kubenet, and reads kubernetesVersion as written", () => {
		expect(check(NODE_SUBNET, "managed-identity")).toBeUndefined();
		const bad = planSource(`${KUBENET}kubernetesVersion: latest\n`);
		expect(bad.findings.find((f) => f.code === "invalid-value")?.message).toContain("kubernetesVersion");
		expect(check(`${KUBENET}kubernetesVersion: 1.3\n`, "kubernetes-version")?.status).toBe("fail");
	});

	it("the verdict: fail when one fails, unknown when one is unknown, else pass", () => {
		expect(migrationOf(planSource(`${NODE_SUBNET}kubernetesVersion: 1.30\n`))?.verdict).toBe("pass");
		expect(migrationOf(planSource(NODE_SUBNET))?.verdict).toBe("unknown");
		expect(migrationOf(planSource(`${NODE_SUBNET}kubernetesVersion: 1.21\n`))?.verdict).toBe("fail");
	});
});

/** Every kubenet and node-subnet block of the examples and the templates. */
function movable(): [string, string][] {
	const out: [string, string][] = [];
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
		);
	for (const file of walk("examples")) {
		planNote(readFileSync(file, "utf8")).forEach((p, i) => {
			if (p.model === "kubenet" || p.model === "azure-cni-node-subnet") out.push([`${file} #${i + 1}`, file]);
		});
	}
	for (const t of TEMPLATES) {
		const p = planSource(t.body);
		if (p.model === "kubenet" || p.model === "azure-cni-node-subnet") out.push([`template ${t.id}`, t.id]);
	}
	return out;
}

function plansOf(source: string) {
	const t = TEMPLATES.find((x) => x.id === source);
	if (t) return [planSource(t.body)];
	return planNote(readFileSync(source, "utf8")).filter(
		(p) => p.model === "kubenet" || p.model === "azure-cni-node-subnet",
	);
}

describe("move to overlay: the target block", () => {
	const cases = movable();

	it("covers kubenet and node-subnet examples and templates", () => {
		expect(cases.some(([name]) => name.includes("Kubenet"))).toBe(true);
		expect(cases.some(([name]) => name === "template node-subnet")).toBe(true);
		expect(cases.length).toBeGreaterThanOrEqual(5);
	});

	it.each(cases)("%s: plans with no new error as overlay, pools keeping maxPods", (_name, source) => {
		for (const p of plansOf(source)) {
			const m = migrationOf(p);
			expect(m?.target).not.toBeNull();
			const target = planSource(m?.target?.body ?? "");
			expect(target.model).toBe("azure-cni-overlay");
			const today = new Set(p.findings.filter((f) => f.severity === "error").map((f) => f.code));
			const errors = target.findings.filter((f) => f.severity === "error");
			// A clean plan moves clean; the note with deliberate mistakes keeps its own, and gains none.
			if (today.size === 0) expect(errors).toEqual([]);
			for (const f of errors) expect(today, f.message).toContain(f.code);
			expect(m?.target?.errors.length).toBe(errors.length);
			expect(target.pools.map((x) => [x.name, x.maxPods, x.count, x.maxCount])).toEqual(
				p.pools.map((x) => [x.name, x.maxPods, x.count, x.maxCount]),
			);
		}
	});

	it("frees maxPods addresses per node of a node subnet, and gives the command", () => {
		const p = planSource(NODE_SUBNET);
		const m = migrationOf(p);
		// 3 nodes + 1 surge: (30 + 1) × 4 = 124 before, 4 after.
		expect(m?.capacity?.nodeSubnets).toEqual([{ cidr: "10.20.0.0/22", usable: 1019n, before: 124n, after: 4n }]);
		expect(m?.podCidr).toMatchObject({ kept: false });
		expect(m?.podCidr?.cidr.text).toBe("10.244.0.0/16");
		expect(m?.command).toBe(
			"az aks update \\\n  --resource-group <resource-group> \\\n  --name <cluster> \\\n  --network-plugin azure \\\n  --network-plugin-mode overlay \\\n  --pod-cidr 10.244.0.0/16",
		);
		expect(m?.notes.join(" ")).toMatch(/cannot be undone.*reimages every node pool at once/);
	});

	it("keeps kubenet's pod CIDR when it is clear, and quotes an odd cluster name for the shell", () => {
		const m = migrationOf(planSource(`cluster: "it's prod"\n${KUBENET}podCidr: 172.20.0.0/16\n`));
		expect(m?.podCidr).toMatchObject({ kept: true });
		expect(m?.podCidr?.cidr.text).toBe("172.20.0.0/16");
		expect(m?.command).toContain("--name 'it'\\''s prod'");
	});

	it("proposes a pod CIDR clear of the VNet, subnets, service CIDR and peered ranges", () => {
		const p = planSource(
			dedent(`
				networkPlugin: azure
				vnet: [10.0.0.0/8, 100.64.0.0/16]
				nodeSubnet: 10.1.0.0/20
				serviceCidr: 172.16.0.0/16
				peered: { hub: 192.168.0.0/16, onprem: 172.17.0.0/16 }
				maxPods: 30
				count: 3
			`),
		);
		const cidr = migrationOf(p)?.podCidr?.cidr;
		expect(cidr?.text).toBe("172.18.0.0/16");
		expect(routedRanges(p)).toHaveLength(6);
		for (const r of routedRanges(p)) if (cidr) expect(overlaps(cidr, r)).toBe(false);
		for (const r of ["10.0.0.0/8", "100.64.0.0/16", "172.16.0.0/16", "192.168.0.0/16", "172.17.0.0/16"]) {
			const range = parseCidr(r);
			if (range.ok && cidr) expect(overlaps(cidr, range.value), r).toBe(false);
		}
		expect(migrationOf(p)?.target?.errors).toEqual([]);
	});

	it("for random clean kubenet and node-subnet specs, the target plans clean", () => {
		for (const model of ["kubenet", "node-subnet"] as const) {
			fc.assert(
				fc.property(specInput(model), (input) => {
					const p = planSource(specText(input));
					if (p.findings.some((f) => f.severity === "error")) return;
					expect(migrationOf(p)?.target?.errors, migrationOf(p)?.target?.body).toEqual([]);
				}),
				{ numRuns: 60, seed: 17 },
			);
		}
	}, 30_000);
});

describe("the overlay's pod CIDR with the registry", () => {
	it("stays clear of the ranges other notes route to the cluster", () => {
		const hub = knownCidr("10.244.0.0/14");
		const alone = migrationOf(planSource(KUBENET));
		expect(alone?.podCidr?.cidr.text).toBe("10.244.0.0/16");
		const plan = planSource(KUBENET, { context: { taken: [], routed: [hub] } });
		const cidr = migrationOf(plan)?.podCidr?.cidr;
		expect(cidr).toBeDefined();
		if (cidr) expect(overlaps(cidr, hub)).toBe(false);
	});
});

describe("the move of a cluster in a linked network", () => {
	const fence = (lines: string[]) => ["```aks-ip", ...lines, "```", ""].join("\n");
	const NET = fence([
		"kind: network",
		"vnet: 10.30.0.0/16",
		"subnets:",
		"  aks: 10.30.0.0/22",
		"  other: 10.30.8.0/24",
	]);
	const HUB = fence(["kind: network", "vnet: 10.0.0.0/16", "ranges:", "  on-premises: 10.244.0.0/14"]);
	const CLUSTER = [
		"cluster: linked",
		"networkPlugin: azure",
		'vnet: "[[Net]]"',
		"nodeSubnet: aks",
		"maxPods: 30",
		"count: 3",
		"subnets:",
		"  own: 10.30.9.0/24",
	];

	function registered(cluster: string[], ...extra: [string, string][]) {
		const reg = new Registry();
		reg.setNote("Net.md", NET);
		for (const [path, text] of extra) reg.setNote(path, text);
		reg.setNote("Cluster.md", fence(cluster));
		reg.check();
		const block = reg.notes.get("Cluster.md")?.blocks[0];
		if (!block) throw new Error("no block");
		// Planned whole, in the network the registry knows, as the command line plans a block.
		const linkedVnet = (link: NoteLink) => reg.linkedVnet(link, "Cluster.md");
		return { reg, plan: planSource(block.body, { fenceLine: block.fenceLine, linkedVnet }) };
	}

	it("keeps the link, names the network's subnets, and copies none of them", () => {
		const { plan } = registered(CLUSTER);
		expect(plan.subnets.find((s) => s.name === "aks")?.from).toBe("[[Net]]");
		const m = migrationOf(plan);
		const body = m?.target?.body ?? "";
		expect(body).toContain('vnet: "[[Net]]"\n');
		expect(body).not.toContain("10.30.0.0/16");
		expect(body).toContain("    nodeSubnet: aks\n");
		expect(body).not.toMatch(/^ {2}aks:/m);
		expect(body).not.toContain("10.30.0.0/22");
		expect(body).toContain("subnets:\n  own: { cidr: 10.30.9.0/24 }\n");
		expect(m?.target?.errors).toEqual([]);
	});

	it("plans the target in the same linked network", () => {
		const { reg, plan } = registered(CLUSTER);
		const m = migrationOf(plan);
		// The target's node subnet is the network's "aks": each node frees its 30 pod IPs.
		expect(m?.capacity?.nodeSubnets).toEqual([{ cidr: "10.30.0.0/22", usable: 1019n, before: 124n, after: 4n }]);
		const target = planSource(m?.target?.body ?? "", {
			linkedVnet: (link) => reg.linkedVnet(link, "Cluster.md"),
		});
		expect(target.model).toBe("azure-cni-overlay");
		expect(target.nodeSubnets.map((s) => [s.name, s.cidr.text, s.from])).toEqual([
			["aks", "10.30.0.0/22", "[[Net]]"],
		]);
		expect(target.findings.filter((f) => f.severity === "error")).toEqual([]);
	});

	it("with the linked network unknown, the target keeps the link and plans with no error", () => {
		const p = planSource(CLUSTER.join("\n"));
		const m = migrationOf(p);
		expect(m?.target?.body).toContain('vnet: "[[Net]]"\n');
		expect(m?.target?.body).toContain("    nodeSubnet: aks\n");
		expect(m?.target?.errors).toEqual([]);
	});

	it("keeps an aliased link as written, and peered links (named when unnamed)", () => {
		const cluster = CLUSTER.map((l) => (l.startsWith("vnet:") ? 'vnet: "[[Net|spoke]]"' : l));
		const { plan } = registered([...cluster, 'peered: ["[[Hub]]", 192.168.0.0/16]'], ["Hub.md", HUB]);
		const m = migrationOf(plan);
		const body = m?.target?.body ?? "";
		expect(body).toContain('vnet: "[[Net|spoke]]"\n');
		expect(body).toContain('peered:\n  192.168.0.0/16: 192.168.0.0/16\n  Hub: "[[Hub]]"\n');
		const reparsed = planSource(body);
		expect(reparsed.links.peered.map((p) => p.link.path)).toEqual(["Hub"]);
		expect(reparsed.links.vnet?.alias).toBe("spoke");
	});
});
