/**
 * Plan → Markdown summary in the seed note's format: numbered sections with bold-labelled
 * bullets, filled with this plan's ranges and numbers. Valid Markdown wherever no plugin runs.
 */
import { modelLabel, podsInVnet, usesPodCidr } from "../plan/model";
import { planStatus } from "../plan/status";
import type { PlanResult, SubnetPlan } from "../plan/types";
import { groupDigits, leftOf } from "../core/numbers";
import { code, mdText } from "./escape";
import { takeaways } from "./takeaways";

export interface SummaryOptions {
	/** Level of the cluster heading (2 gives "##"); sections are one level below. */
	headingLevel?: number;
}

const n = groupDigits;

function pools(names: string[]): string {
	if (names.length === 0) return "";
	return ` (${names.length > 1 ? "pools" : "pool"} ${names.map(mdText).join(", ")})`;
}

function capacity(s: SubnetPlan): string {
	const left = leftOf(s.free, s.usable);
	return `${code(s.cidr.text)}: ${n(s.required)} of ${n(s.usable)} usable IPs needed at full scale, ${left}`;
}

function bullet(label: string, text: string): string {
	return `- **${label}:** ${text}`;
}

function nodeSection(plan: PlanResult): string[] {
	const subnets = plan.nodeSubnets;
	const vnet = plan.vnet.map((v) => code(v.cidr.text)).join(", ");
	const where =
		subnets.length > 0
			? subnets.map((s) => `${code(s.cidr.text)}${pools(s.pools)}`).join(", ")
			: "not given in the plan";
	const managed = plan.vnet.some((v) => v.defaulted) ? ", in the AKS-managed VNet" : vnet ? `, in VNet ${vnet}` : "";
	const perNode =
		plan.model === "azure-cni-node-subnet" ? "; each node also books maxPods addresses for its pods up front" : "";
	return [
		bullet("Source", `Azure VNet subnet${subnets.length > 1 ? "s" : ""} ${where}${managed}`),
		bullet(
			"Management",
			`Azure assigns each node an address of its pool's subnet as pools scale and upgrade${perNode}`,
		),
		bullet("Purpose", "Node communication within the VNet and with peered networks"),
		bullet(
			"Capacity",
			subnets.length > 0 ? subnets.map(capacity).join("; ") : "unknown until the node subnet is given",
		),
	];
}

function podSection(plan: PlanResult): string[] {
	if (usesPodCidr(plan.model)) {
		const ranges = plan.podCidrs.map((c) => `${code(c.cidr.text)}${c.defaulted ? " (default)" : ""}`).join(" and ");
		const cap = plan.podCidrs
			.map((c) => {
				const left = c.blocks - c.requiredBlocks;
				const rest = leftOf(left, c.blocks);
				return `${code(c.cidr.text)}: ${n(c.blocks)} /${c.blockPrefix} node blocks, ${n(c.requiredBlocks)} needed at full scale, ${rest}`;
			})
			.join("; ");
		const first = plan.podCidrs[0];
		return [
			bullet("Source", `Cluster-internal pod CIDR ${ranges}, separate from the VNet`),
			bullet(
				"Management",
				`Kubernetes: each node gets its own /${first?.blockPrefix ?? 24} of the pod CIDR${plan.model === "kubenet" ? ", routed through the cluster's route table" : ""}`,
			),
			bullet(
				"Purpose",
				"Pod-to-pod communication; pods reach the VNet and beyond through their node's IP (SNAT)",
			),
			bullet("Capacity", cap),
		];
	}
	if (plan.model === "none") {
		return [
			bullet("Source", "Chosen by the bring-your-own CNI"),
			bullet("Management", "The installed CNI; AKS assigns no pod addresses"),
			bullet("Purpose", "Pod communication"),
			bullet("Capacity", "Up to the CNI; only node addresses are planned"),
		];
	}
	if (plan.model === "azure-cni-node-subnet") {
		return [
			bullet(
				"Source",
				`The node subnet${plan.nodeSubnets.length > 1 ? "s" : ""} ${plan.nodeSubnets.map((s) => code(s.cidr.text)).join(", ")}: pods take VNet addresses`,
			),
			bullet(
				"Management",
				"Azure CNI: each node books maxPods + 1 addresses of its subnet when it starts, used or not",
			),
			bullet("Purpose", "Pods are first-class VNet hosts, reachable from the VNet and peered networks"),
			bullet("Capacity", "Counted in the node subnet above"),
		];
	}
	const lots =
		plan.model === "azure-cni-pod-subnet-static"
			? "/28 blocks of 16 addresses fixed per node"
			: "lots of 16 addresses as a node's pods need them";
	return [
		bullet(
			"Source",
			`Pod subnet${plan.podSubnets.length > 1 ? "s" : ""} ${plan.podSubnets.map((s) => `${code(s.cidr.text)}${pools(s.pools)}`).join(", ") || "not given in the plan"}: VNet addresses`,
		),
		bullet("Management", `Azure CNI hands out ${lots}`),
		bullet("Purpose", "Pods are first-class VNet hosts, reachable from the VNet and peered networks"),
		bullet(
			"Capacity",
			plan.podSubnets
				.map(
					(s) =>
						`${capacity(s)}${s.requiredAtFullDensity !== null && s.requiredAtFullDensity !== s.required ? `; ${n(s.requiredAtFullDensity)} with every node at maxPods` : ""}`,
				)
				.join("; ") || "unknown until the pod subnet is given",
		),
	];
}

function serviceSection(plan: PlanResult): string[] {
	const v4 = plan.serviceCidrs.find((s) => s.cidr.family === 4);
	const ranges = plan.serviceCidrs.map((s) => `${code(s.cidr.text)}${s.defaulted ? " (default)" : ""}`).join(" and ");
	const dns = v4?.dnsServiceIp ? `, cluster DNS at ${code(v4.dnsServiceIp.text)}` : "";
	return [
		bullet("Source", `Cluster-internal service CIDR ${ranges}`),
		bullet("Management", "Kubernetes assigns service IPs"),
		bullet("Purpose", "Stable virtual endpoints for groups of pods"),
		`    - **ClusterIP:** internal access only${v4 ? ` (${code(v4.kubernetesServiceIp.text)} is kubernetes.default${dns})` : ""}`,
		"    - **LoadBalancer:** adds an Azure load-balancer frontend (section 4)",
		bullet("Capacity", plan.serviceCidrs.map((s) => `${code(s.cidr.text)}: ${n(s.size)} addresses`).join("; ")),
	];
}

function lbSection(plan: PlanResult): string[] {
	const lbs = plan.loadBalancers.map((lb) => {
		const where =
			lb.type === "public"
				? "Azure public IP"
				: `internal frontend ${lb.ip ? code(lb.ip.text) : "(dynamic)"} in subnet ${lb.subnet ? code(lb.subnet.cidr.text) : "unknown"}`;
		return `${mdText(lb.name)}: ${where}`;
	});
	const internal = plan.loadBalancers.filter((lb) => lb.type === "internal").length;
	return [
		bullet(
			"Source",
			lbs.length > 0
				? lbs.join("; ")
				: "None planned: public frontends take Azure public IPs, internal ones an address of a node subnet",
		),
		bullet("Management", "Azure, driven by Kubernetes LoadBalancer services"),
		bullet("Purpose", "Entry points to services from the VNet (internal) or the internet (public)"),
		bullet(
			"Capacity",
			`${n(internal)} VNet address${internal === 1 ? "" : "es"} counted in subnet capacity; up to 300 LoadBalancer services per cluster`,
		),
	];
}

function managementSection(plan: PlanResult): string[] {
	const vnet = plan.vnet.map((v) => code(v.cidr.text)).join(", ");
	const azure = ["VNet" + (vnet ? ` ${vnet}` : ""), "subnets and node IPs", "load-balancer frontends"];
	if (podsInVnet(plan.model)) azure.push("pod IPs");
	const k8s = [];
	if (usesPodCidr(plan.model)) k8s.push(`pod CIDR ${plan.podCidrs.map((c) => code(c.cidr.text)).join(", ")}`);
	k8s.push(`service CIDR ${plan.serviceCidrs.map((c) => code(c.cidr.text)).join(", ")}`);
	return [bullet("Azure", azure.join(", ")), bullet("Kubernetes", k8s.join(" and "))];
}

export function toMarkdown(plan: PlanResult, options: SummaryOptions = {}): string {
	const level = Math.min(Math.max(options.headingLevel ?? 2, 1), 5);
	const h = "#".repeat(level);
	const hh = "#".repeat(level + 1);
	const errors = plan.findings.filter((f) => f.severity === "error");
	const lines: string[] = [`${h} ${mdText(plan.cluster)}: IP allocation`, ""];
	if (!plan.parsed) {
		lines.push("The plan could not be read:", "", ...errors.map((f) => `- Line ${f.line}: ${mdText(f.message)}`));
		return `${lines.join("\n")}\n`;
	}
	const status = planStatus(plan);
	const state = status.level === "ok" ? "no problems found" : status.text;
	lines.push(
		`${modelLabel(plan.model, plan.dataplane)}, ${plan.ipFamilies.join(" and ")}; ${n(plan.nodesAtFullScale)} nodes at full scale; ${state}.`,
		"",
	);
	const sections: [string, string[]][] = [
		["1. Node IPs", nodeSection(plan)],
		["2. Pod IPs", podSection(plan)],
		["3. Service IPs", serviceSection(plan)],
		["4. Load balancer IPs", lbSection(plan)],
		["IP management", managementSection(plan)],
		["Key takeaways", takeaways(plan).map((t) => `- ${t}`)],
	];
	if (errors.length > 0)
		sections.push(["Errors", errors.map((f) => `- Line ${f.line}: ${mdText(f.message)} (${f.code})`)]);
	for (const [title, body] of sections) lines.push(`${hh} ${title}`, ...body, "");
	return `${lines.join("\n").trimEnd()}\n`;
}
