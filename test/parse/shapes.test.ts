// What engineers paste into a block: each shape of test/fixtures/shapes read into a plan (model,
// pools, counts, CIDRs, subnet names and the lines of findings), and each refused format answered
// with exactly one finding that names it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { planNote, planSource, type PlanResult } from "../../src/api";
import { blockJson } from "../../src/plan/json";

const fixture = (name: string): string => readFileSync(`test/fixtures/shapes/${name}`, "utf8");

/** 1-based line of the first line of `text` containing `needle` (after `from`, if given). */
function lineOf(text: string, needle: string, from?: string): number {
	const lines = text.split("\n");
	const start = from === undefined ? 0 : lines.findIndex((l) => l.includes(from));
	const i = lines.findIndex((l, n) => n >= start && l.includes(needle));
	if (i < 0) throw new Error(`"${needle}" is not in the fixture`);
	return i + 1;
}

const pools = (p: PlanResult) =>
	p.pools.map((x) => [x.name, x.count, x.maxCount, x.maxPods, x.nodeSubnet?.cidr.text ?? null]);
const subnets = (p: PlanResult) => p.subnets.map((s) => [s.name, s.cidr.text, s.role, s.purpose]);
const findings = (p: PlanResult) => p.findings.map((f) => [f.line, f.severity, f.code]);

describe("terminal text around JSON", () => {
	const text = fixture("terminal-az-aks-create.txt");
	const p = planSource(text);

	it("plans the JSON and names the skipped lines in one info finding", () => {
		expect(p.cluster).toBe("aks-dev-neu");
		expect(p.model).toBe("azure-cni-overlay");
		expect(p.dataplane).toBe("cilium");
		expect(pools(p)).toEqual([["nodepool1", 2, null, 250, null]]);
		expect(p.podCidrs.map((c) => c.cidr.text)).toEqual(["192.168.0.0/16"]);
		expect(p.serviceCidrs.map((c) => [c.cidr.text, c.dnsServiceIp?.text])).toEqual([
			["10.41.0.0/16", "10.41.0.10"],
		]);
		const skipped = p.findings.filter((f) => f.code === "input-format");
		expect(skipped).toEqual([
			{
				severity: "info",
				code: "input-format",
				line: 1,
				message:
					"Lines 1-4 and 80 are terminal text around the JSON (a shell prompt, a warning, a progress bar) and are skipped.",
			},
		]);
	});

	it("points the subnet known only by resource ID at its key", () => {
		expect(findings(p)).toEqual([
			[1, "info", "input-format"],
			[lineOf(text, '"vnetSubnetId"'), "warning", "missing-key"],
		]);
	});

	it("keeps note lines for a paste inside a note's block", () => {
		const note = `# Dev cluster\n\n\`\`\`aks-ip\n${text}\`\`\`\n`;
		const [q] = planNote(note);
		expect(q?.findings.map((f) => f.line)).toEqual([4, lineOf(text, '"vnetSubnetId"') + 3]);
	});
});

describe("node pools alone", () => {
	it("reads az aks nodepool list as pools; the network is unknown and a warning says what to add", () => {
		const text = fixture("az-aks-nodepool-list.txt");
		const p = planSource(text);
		expect(p.cluster).toBe("aks-prod-weu");
		expect(pools(p)).toEqual([
			["system", 3, null, 30, null],
			["apps", 6, 40, 110, null],
		]);
		expect(p.pools.map((x) => x.surge)).toEqual([1, 14]);
		// Pod subnets on the pools tell the model; the ranges stay unknown, never defaults.
		expect(p.model).toBe("azure-cni-pod-subnet-dynamic");
		expect(p.podCidrs).toEqual([]);
		expect(p.serviceCidrs).toEqual([]);
		const warning = p.findings.find((f) => f.code === "missing-key" && f.message.includes("node pools only"));
		expect(warning).toMatchObject({ severity: "warning", line: 3 });
		expect(warning?.message).toContain("Add the cluster's az aks show -o json output");
		expect(p.findings.map((f) => f.code)).not.toContain("snat-ports");
	});

	it("shows the model as unknown, never an asserted default, when the pools do not tell it", () => {
		const p = planSource(
			fixture("az-aks-nodepool-list.txt").replace(/"podSubnetId": "[^"]*"/g, '"podSubnetId": null'),
		);
		expect(p.modelKnown).toBe(false);
		expect(blockJson(p, "x").model).toBeNull();
		expect(p.serviceCidrs).toEqual([]);
	});

	it("reads az aks nodepool show: autoscaler bounds, Windows, upgrade surge", () => {
		const text = fixture("az-aks-nodepool-show.json");
		const p = planSource(text);
		expect(pools(p)).toEqual([["win22", 2, 8, 30, null]]);
		expect(p.pools[0]).toMatchObject({ osType: "Windows", minCount: 2, surge: 1 });
		expect(p.findings.find((f) => f.message.includes("node pools only"))?.line).toBe(1);
	});
});

describe("VNets and subnets", () => {
	it("reads az network vnet show: address space, subnets, delegations, IP configurations, peerings", () => {
		const text = fixture("az-network-vnet-show.json");
		const p = planSource(text);
		expect(p.vnet.map((v) => v.cidr.text)).toEqual(["10.40.0.0/16"]);
		expect(subnets(p)).toEqual([
			["snet-aks-system", "10.40.0.0/24", "other", "other"],
			["snet-aks-apps", "10.40.4.0/22", "other", "other"],
			["snet-aks-pods", "10.40.64.0/18", "other", "other"],
			["snet-apiserver", "10.40.1.0/28", "other", "apiServer"],
			["snet-private-endpoints", "10.40.2.0/27", "other", "other"],
		]);
		expect(p.subnets.find((s) => s.name === "snet-private-endpoints")?.required).toBe(3n);
		expect(p.subnets.find((s) => s.name === "snet-apiserver")?.line).toBe(lineOf(text, '"10.40.1.0/28"'));
		expect(p.peered.map((x) => [x.name, x.cidr.text])).toEqual([["vnet-hub-weu", "10.0.0.0/16"]]);
		expect(p.pools).toEqual([]);
		expect(p.modelKnown).toBe(false);
		expect(findings(p)).toEqual([[1, "warning", "missing-key"]]);
	});

	it("takes the spoke of az network vnet list as the VNet and peers the hub", () => {
		const text = fixture("az-network-vnet-list.json");
		const p = planSource(text);
		expect(p.vnet.map((v) => v.cidr.text)).toEqual(["10.60.0.0/16"]);
		expect(p.subnets.map((s) => s.name)).toEqual(["snet-aks", "snet-tools", "snet-agc", "snet-shared"]);
		expect(p.peered.map((x) => [x.name, x.cidr.text])).toEqual([["vnet-hub-neu", "10.0.0.0/22"]]);
		const multi = p.findings.find((f) => f.code === "input-format");
		expect(multi).toMatchObject({ severity: "info", line: lineOf(text, '"10.60.12.0/24"') });
	});

	it("reads az network vnet subnet list after its prompt", () => {
		const p = planSource(fixture("az-network-vnet-subnet-list.txt"));
		expect(subnets(p)).toEqual([
			["snet-aks", "10.60.0.0/22", "other", "other"],
			["snet-tools", "10.60.8.0/27", "other", "other"],
			["snet-agc", "10.60.9.0/24", "other", "appGatewayForContainers"],
			["snet-shared", "10.60.12.0/24", "other", "other"],
		]);
		expect(p.subnets.find((s) => s.name === "snet-tools")?.required).toBe(4n);
	});
});

describe("several objects in one block", () => {
	const text = fixture("cluster-and-vnet.txt");

	it("combines az aks show and az network vnet show: subnet IDs resolve by name", () => {
		const p = planSource(text);
		expect(p.cluster).toBe("aks-prod-weu");
		expect(p.model).toBe("azure-cni-pod-subnet-dynamic");
		expect(p.vnet.map((v) => v.cidr.text)).toEqual(["10.40.0.0/16"]);
		expect(pools(p)).toEqual([
			["system", 3, null, 30, "10.40.0.0/24"],
			["apps", 6, 40, 110, "10.40.4.0/22"],
		]);
		expect(p.pools.map((x) => x.podSubnet?.cidr.text)).toEqual(["10.40.64.0/18", "10.40.64.0/18"]);
		expect(subnets(p)).toEqual([
			["snet-aks-system", "10.40.0.0/24", "node", "other"],
			["snet-aks-apps", "10.40.4.0/22", "node", "other"],
			["snet-aks-pods", "10.40.64.0/18", "pod", "other"],
			["snet-apiserver", "10.40.1.0/28", "other", "apiServer"],
			["snet-private-endpoints", "10.40.2.0/27", "other", "other"],
		]);
		// Node IPs in use are the pools' business: only the other subnets count IP configurations.
		// The API server subnet holds 9 for this cluster (enableVnetIntegration in the paste).
		expect(p.subnets.map((s) => s.required)).toEqual([4n, 54n, 928n, 9n, 3n]);
		expect(p.serviceCidrs.map((c) => c.cidr.text)).toEqual(["172.16.0.0/16"]);
		expect(p.peered.map((x) => x.name)).toEqual(["vnet-hub-weu"]);
		expect(findings(p)).toEqual([[1, "info", "input-format"]]);
		expect(p.findings[0]?.message).toBe(
			"Lines 1 and 141 are terminal text around the JSON (a shell prompt) and are skipped.",
		);
	});

	it("reads the same as a YAML list of the documents, and as YAML documents", () => {
		const [cluster, vnet] = text
			.split(/^ops@.*$/m)
			.filter((s) => s.trim() !== "")
			.map((s) => JSON.parse(s) as unknown);
		const asList = planSource(stringify([cluster, vnet]));
		const asDocs = planSource(`${stringify(cluster)}---\n${stringify(vnet)}`);
		for (const q of [asList, asDocs]) {
			expect(q.findings).toEqual([]);
			expect(pools(q)).toEqual(pools(planSource(text)));
			expect(subnets(q)).toEqual(subnets(planSource(text)));
		}
	});

	it("plans one cluster per block and says so", () => {
		const show = text.split(/^ops@.*$/m)[1] ?? "";
		const p = planSource(`${show}\n${show.replace(/aks-prod-weu/g, "aks-other")}`);
		expect(p.cluster).toBe("aks-prod-weu");
		const f = p.findings.find((x) => x.code === "input-format" && x.severity === "warning");
		expect(f?.message).toContain('ignores "aks-other"');
	});
});

describe("ARM templates and what-if", () => {
	const text = fixture("arm-template.json");
	const p = planSource(text);

	it("reads the cluster, its child agent pools, the VNet and a subnet resource", () => {
		expect(p.cluster).toBe("aks-stage-weu");
		expect(p.model).toBe("azure-cni-overlay");
		expect(pools(p)).toEqual([
			["system", 3, null, 30, "10.20.0.0/22"],
			["win22", 2, null, 30, "10.20.0.0/22"],
			["apps", 3, 20, 110, "10.20.0.0/22"],
		]);
		expect(p.vnet.map((v) => v.cidr.text)).toEqual(["10.20.0.0/16"]);
		expect(subnets(p)).toEqual([
			["snet-aks-nodes", "10.20.0.0/22", "node", "other"],
			["AzureBastionSubnet", "10.20.255.0/26", "other", "bastion"],
			["snet-ilb", "10.20.8.0/24", "other", "other"],
		]);
		expect(p.serviceCidrs.map((c) => [c.cidr.text, c.dnsServiceIp?.text])).toEqual([
			["10.50.0.0/16", "10.50.0.10"],
		]);
	});

	it("takes parameter defaults; a parameter without one is unknown, never a default", () => {
		expect(p.podCidrs).toEqual([]);
		expect(p.findings).toEqual([
			{
				severity: "warning",
				code: "missing-key",
				line: lineOf(text, '"podCidr": "[parameters'),
				message:
					"podCidr is unknown: [parameters('podCidr')] has no defaultValue in the template. The plan assumes none: set it in the source or in the block.",
			},
		]);
	});

	it("names deployment-time expressions it cannot evaluate", () => {
		const q = planSource(text.replace("\"[parameters('serviceCidr')]\"", "\"[reference('vnet').addressSpace]\""));
		const f = q.findings.find((x) => x.message.startsWith("serviceCidr is unknown"));
		expect(f?.message).toContain("[reference('vnet').addressSpace] is known only at deployment");
		expect(q.serviceCidrs).toEqual([]);
	});

	it("reads az deployment what-if: the resources as they will be", () => {
		const w = planSource(fixture("what-if.txt"));
		expect(w.cluster).toBe("aks-stage-weu");
		expect(pools(w)).toEqual([["system", 3, null, 30, "10.20.0.0/22"]]);
		expect(w.podCidrs.map((c) => c.cidr.text)).toEqual(["100.64.0.0/16"]);
		expect(subnets(w).map((s) => s[0])).toEqual(["snet-aks-nodes", "AzureBastionSubnet"]);
		expect(findings(w)).toEqual([[1, "info", "input-format"]]);
	});
});

describe("terraform show -json", () => {
	it("reads a plan: values known only after apply are unknown, named by resource address", () => {
		const text = fixture("terraform-plan.txt");
		const p = planSource(text);
		expect(p.cluster).toBe("aks-tf-weu");
		expect(p.model).toBe("azure-cni-overlay");
		expect(p.dataplane).toBe("cilium");
		// vnet_subnet_id is unknown in the plan: the configuration's reference names azurerm_subnet.aks_nodes.
		expect(pools(p)).toEqual([
			["system", 3, null, 50, "10.70.0.0/22"],
			["apps", 2, 30, 110, "10.70.0.0/22"],
		]);
		expect(subnets(p)).toEqual([
			["snet-aks-nodes", "10.70.0.0/22", "node", "other"],
			["snet-apiserver", "10.70.4.0/28", "other", "apiServer"],
		]);
		expect(p.podCidrs.map((c) => c.cidr.text)).toEqual(["192.168.0.0/16"]);
		expect(p.serviceCidrs).toEqual([]);
		const unknown = p.findings.filter((f) => f.code === "missing-key");
		const rc = '"address": "azurerm_kubernetes_cluster.aks"';
		expect(unknown.map((f) => [f.line, f.message.split(".")[0]])).toEqual([
			[lineOf(text, '"dns_service_ip": true', rc), "dnsServiceIp is unknown: network_profile"],
			[lineOf(text, '"service_cidr": true', rc), "serviceCidr is unknown: network_profile"],
		]);
		expect(unknown[1]?.message).toContain("network_profile.service_cidr of azurerm_kubernetes_cluster.aks");
	});

	it("names a subnet reference it cannot resolve", () => {
		const text = fixture("terraform-plan.txt").replace(
			/"azurerm_subnet\.aks_nodes(\.id)?"/g,
			'"module.net.subnet_id"',
		);
		const p = planSource(text);
		const f = p.findings.find((x) => x.message.startsWith("nodeSubnet is unknown"));
		expect(f?.message).toContain("default_node_pool.vnet_subnet_id of azurerm_kubernetes_cluster.aks");
		expect(p.vnet.map((v) => v.defaulted)).toEqual([false]);
	});

	it("reads the state (one line, child modules): every value known", () => {
		const p = planSource(fixture("terraform-state.txt"));
		expect(pools(p)).toEqual([
			["system", 3, null, 50, "10.70.0.0/22"],
			["apps", 2, 30, 110, "10.70.0.0/22"],
		]);
		expect(p.serviceCidrs.map((c) => [c.cidr.text, c.dnsServiceIp?.text])).toEqual([["10.0.0.0/16", "10.0.0.10"]]);
		expect(subnets(p).map((s) => s[0])).toEqual(["snet-aks-nodes", "snet-apiserver"]);
		expect(findings(p)).toEqual([[1, "info", "input-format"]]);
	});
});

describe("refused formats", () => {
	it.each([
		["refuse-terraform.tf", "Terraform HCL", "terraform show -json", 1],
		["refuse-main.bicep", "Bicep", "az bicep build", 2],
		["refuse-table.txt", "table form (-o table)", "-o json", 2],
		["refuse-tsv.txt", "tab-separated az output (-o tsv)", "-o json", 2],
		["refuse-powershell.txt", "PowerShell object listing", "az aks show", 3],
		["refuse-kubectl.txt", "kubectl get nodes table", "az aks show", 2],
	])("%s: one error naming the format and the command to run", (name, format, command, line) => {
		const p = planSource(fixture(name));
		expect(p.parsed).toBe(false);
		expect(p.findings).toHaveLength(1);
		expect(p.findings[0]).toMatchObject({ severity: "error", code: "input-format", line });
		expect(p.findings[0]?.message).toContain(format);
		expect(p.findings[0]?.message).toContain(command);
	});

	it("still reads a spec with aligned values, a progress-like comment or a table-like rule", () => {
		const p = planSource("cluster:   a\nvnet:      10.0.0.0/16\n# [####] 100%\n# ----  ----\ncount:     2\n");
		expect(p.parsed).toBe(true);
		expect(p.findings.map((f) => f.code)).not.toContain("input-format");
		expect(p.pools[0]?.count).toBe(2);
	});
});

describe("unknown keys", () => {
	it("reads twenty unknown keys of a pasted object as one finding listing them", () => {
		const keys = Array.from({ length: 20 }, (_, i) => `"field${i}": ${i}`);
		const p = planSource(`{\n  "name": "x",\n  ${keys.join(",\n  ")},\n  "servceCidr": "10.1.0.0/16"\n}`);
		const unknown = p.findings.filter((f) => f.code === "unknown-key");
		expect(unknown).toHaveLength(1);
		expect(unknown[0]?.line).toBe(3);
		expect(unknown[0]?.message).toMatch(/^21 unknown keys at the top level are ignored: "field0", "field1", /);
		expect(unknown[0]?.message).toContain("and 9 more.");
		expect(unknown[0]?.message).not.toContain("Known keys");
	});

	it("suggests a key only when one is close", () => {
		const close = planSource("servceCidr: 10.1.0.0/16\nzzz: 1\n").findings[0]?.message;
		expect(close).toBe(
			'2 unknown keys at the top level are ignored: "servceCidr" (did you mean "serviceCidr"?), "zzz".',
		);
	});
});

describe("hostile pastes", () => {
	it("stops on self-referring parameters, long expressions and many documents", () => {
		const template = {
			$schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
			contentVersion: "1.0.0.0",
			parameters: { a: { type: "string", defaultValue: "[parameters('a')]" } },
			resources: [
				{
					type: "Microsoft.ContainerService/managedClusters",
					name: `[concat(${Array(5000).fill("'x'").join(", ")})]`,
					properties: { networkProfile: { podCidr: "[parameters('a')]", serviceCidr: "[concat(]" } },
				},
			],
		};
		const p = planSource(JSON.stringify(template));
		expect(p.cluster).toBe("x".repeat(5000));
		expect(p.findings.find((f) => f.message.startsWith("podCidr is unknown"))?.message).toContain(
			"nests too deeply",
		);
		expect(p.findings.find((f) => f.message.startsWith("serviceCidr is unknown"))).toBeDefined();
		const many = planSource(`$ x\n${'{"name": "a", "networkProfile": {}}\n'.repeat(300)}`);
		expect(many.parsed).toBe(true);
		expect(planSource(`$ x\n${"[\n".repeat(3000)}`).parsed).toBe(false);
	});
});
