/**
 * Plan → Markdown summary in the format of the production example note's summary (examples/IP
 * allocation on Azure public deployment PROD.md): numbered sections with bold-labelled
 * bullets, filled with this plan's ranges and numbers. Valid Markdown wherever no plugin runs.
 */
import { planModelLabel, usesPodCidr } from "../plan/model";
import { aksManagedVnet, egressOf, MODEL_STATEMENTS, nodeBlocks, type ModelStatements } from "../plan/statements";
import { fill, LINES } from "../plan/statements-shared";
import { planStatus } from "../plan/status";
import type { PlanResult, SubnetPlan, UnsizedSubnetPlan } from "../plan/types";
import { countOf, groupDigits, leftOf } from "../core/numbers";
import { code, mdText } from "./escape";
import { takeaways } from "./takeaways";
import { clusterSentence, poolSentence, whatIfChanges, whatIfOutcome } from "../plan/growth/words";

interface SummaryOptions {
	/** Level of the cluster heading (2 gives "##"); sections are one level below. */
	headingLevel?: number;
}

function pools(names: string[]): string {
	if (names.length === 0) return "";
	return ` (${names.length > 1 ? "pools" : "pool"} ${names.map(mdText).join(", ")})`;
}

function capacity(s: SubnetPlan): string {
	const left = leftOf(s.free, s.usable);
	return `${code(s.cidr.text)}: ${groupDigits(s.required)} of ${groupDigits(s.usable)} usable IPs needed at full scale, ${left}`;
}

function bullet(label: string, text: string): string {
	return `- **${label}:** ${text}`;
}

/** "subnet `10.1.0.0/22` (pool apps)", or the subnets of several pools; `more` are named without a CIDR. */
function subnetList(subnets: SubnetPlan[], missing: string, more: string[] = []): string {
	const names = [...subnets.map((s) => `${code(s.cidr.text)}${pools(s.pools)}`), ...more];
	if (names.length === 0) return missing;
	return `subnet${names.length > 1 ? "s" : ""} ${names.join(", ")}`;
}

function vnetText(plan: PlanResult): string {
	return plan.vnet.map((v) => code(v.cidr.text)).join(", ");
}

/** A node subnet named without a CIDR: what it must hold, and the smallest prefix for it. */
function unsizedCapacity(s: UnsizedSubnetPlan): string {
	const fit = s.prefix === null ? "more than any IPv4 subnet holds" : `a /${s.prefix} or larger`;
	return `${mdText(s.name)} (CIDR not given): ${groupDigits(s.required)} addresses needed at full scale, ${fit}`;
}

function nodeSection(plan: PlanResult, says: ModelStatements): string[] {
	const unsized = plan.unsizedNodeSubnets;
	const named = unsized.map((s) => `${mdText(s.name)}${pools(s.pools)} (CIDR not given)`);
	const subnets = subnetList(plan.nodeSubnets, "subnet not given in the plan", named);
	const vnet = vnetText(plan);
	const source = aksManagedVnet(plan)
		? fill(LINES.nodeSourceAksVnet, { subnets, vnet })
		: fill(vnet ? LINES.nodeSourceYourVnet : LINES.nodeSource, { subnets, vnet });
	return [
		bullet("Source", source),
		bullet("Management", says.nodeManagement),
		bullet("Reachable from", LINES.nodeReach),
		bullet(
			"Capacity",
			plan.nodeSubnets.length + unsized.length > 0
				? [...plan.nodeSubnets.map(capacity), ...unsized.map(unsizedCapacity)].join("; ")
				: "unknown until the node subnet is given",
		),
	];
}

function podCapacity(plan: PlanResult): string {
	if (usesPodCidr(plan.model))
		return plan.podCidrs
			.map((c) => {
				const rest = leftOf(c.blocks - c.requiredBlocks, c.blocks);
				return `${code(c.cidr.text)}: ${groupDigits(c.blocks)} /${c.blockPrefix} node blocks, ${groupDigits(c.requiredBlocks)} needed at full scale, ${rest}`;
			})
			.join("; ");
	if (plan.model === "none") return "Up to the CNI; only node addresses are planned";
	if (plan.model === "azure-cni-node-subnet") return "Counted in the node subnet above";
	return (
		plan.podSubnets
			.map(
				(s) =>
					`${capacity(s)}${s.requiredAtFullDensity !== null && s.requiredAtFullDensity !== s.required ? `; ${groupDigits(s.requiredAtFullDensity)} with every node at maxPods` : ""}`,
			)
			.join("; ") || "unknown until the pod subnet is given"
	);
}

/** The values the model statements take: pod ranges, the per-node block, pod subnets. */
function podValues(plan: PlanResult): Record<string, string> {
	const shared = plan.model === "azure-cni-node-subnet";
	const subnets = shared ? plan.nodeSubnets : plan.podSubnets;
	return {
		ranges: plan.podCidrs.map((c) => `${code(c.cidr.text)}${c.defaulted ? " (default)" : ""}`).join(" and "),
		block: nodeBlocks(plan),
		subnets:
			subnets.map((s) => `${code(s.cidr.text)}${shared ? "" : pools(s.pools)}`).join(", ") ||
			"not given in the plan",
	};
}

/** Bullets for what the block does not give (pools or a VNet without the cluster's network profile). */
function unknownHere(what: string): string[] {
	return [bullet("Source", `Unknown here: the block does not give the cluster's ${what} (az aks show has it)`)];
}

function podSection(plan: PlanResult, says: ModelStatements): string[] {
	if (!plan.modelKnown) return unknownHere("pod addressing");
	const values = podValues(plan);
	return [
		bullet("Source", fill(says.podSource, values)),
		bullet("Management", fill(says.podManagement, values)),
		bullet("Reachable from", says.podReach),
		bullet("Capacity", podCapacity(plan)),
	];
}

function serviceSection(plan: PlanResult): string[] {
	if (plan.serviceCidrs.length === 0) return unknownHere("service CIDR");
	const v4 = plan.serviceCidrs.find((s) => s.cidr.family === 4);
	const ranges = plan.serviceCidrs.map((s) => `${code(s.cidr.text)}${s.defaulted ? " (default)" : ""}`).join(" and ");
	const dns = v4?.dnsServiceIp ? `, cluster DNS at ${code(v4.dnsServiceIp.text)}` : "";
	const detail = v4 ? ` (${code(v4.kubernetesServiceIp.text)} is kubernetes.default${dns})` : "";
	return [
		bullet("Source", fill(LINES.serviceSource, { ranges })),
		bullet("Management", LINES.serviceManagement),
		bullet("Routing", LINES.serviceKeepClear),
		bullet("Purpose", LINES.servicePurpose),
		`    - **ClusterIP:** ${fill(LINES.clusterIp, { detail })}`,
		`    - **LoadBalancer:** ${LINES.loadBalancerService}`,
		bullet(
			"Capacity",
			plan.serviceCidrs.map((s) => `${code(s.cidr.text)}: ${groupDigits(s.size)} addresses`).join("; "),
		),
	];
}

function lbSection(plan: PlanResult): string[] {
	const lbs = plan.loadBalancers.map((lb) => {
		const name = mdText(lb.name);
		if (lb.type === "public") return fill(LINES.lbPublic, { name });
		const ip = lb.ip ? code(lb.ip.text) : "(dynamic)";
		return fill(LINES.lbInternal, { name, ip, subnet: lb.subnet ? code(lb.subnet.cidr.text) : "unknown" });
	});
	const internal = plan.loadBalancers.filter((lb) => lb.type === "internal").length;
	return [
		bullet("Source", lbs.length > 0 ? lbs.join("; ") : LINES.lbNone),
		bullet("Placement", LINES.lbPlacement),
		bullet("Management", LINES.lbManagement),
		bullet("Purpose", LINES.lbPurpose),
		bullet("Capacity", `${countOf(internal, "VNet address", "VNet addresses")} counted in subnet capacity`),
		bullet("Limit", LINES.lbLimit),
	];
}

function egressSection(plan: PlanResult, says: ModelStatements): string[] {
	if (!plan.modelKnown) return unknownHere("egress");
	return [bullet("Private destinations", says.privateSource), bullet("Internet", egressOf(plan))];
}

function managementSection(plan: PlanResult, says: ModelStatements): string[] {
	const vnet = vnetText(plan) || "(address space not given)";
	const azure = fill(aksManagedVnet(plan) ? LINES.azureAksVnet : LINES.azureYourVnet, { vnet });
	const services = plan.serviceCidrs.map((c) => code(c.cidr.text)).join(", ") || "(unknown here)";
	const lines = [
		bullet("Azure", azure),
		bullet("Pod IPs", plan.modelKnown ? fill(says.podManager, podValues(plan)) : "unknown here"),
		bullet("Kubernetes", fill(LINES.kubernetesManager, { ranges: services })),
	];
	if (says.aksDuties) lines.push(bullet("AKS", says.aksDuties));
	return lines;
}

/** One line per pool, and one for the cluster: how far each can grow and which limit binds. */
function growthSection(plan: PlanResult): string[] {
	const growth = plan.growth;
	if (!growth) return [];
	return [
		...growth.pools.map((g) => `- ${poolSentence(g, code, mdText(g.pool))}`),
		`- ${clusterSentence(growth.cluster, code)}`,
	];
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
		`${planModelLabel(plan)}, ${plan.ipFamilies.join(" and ")}; ${groupDigits(plan.nodesAtFullScale)} nodes at full scale; ${state}.`,
		"",
	);
	const says = MODEL_STATEMENTS[plan.model];
	if (plan.whatIf) {
		const w = plan.whatIf;
		lines.push(
			`**What if:** ${whatIfChanges(w, mdText)}. This summary describes the plan as it would be: ${whatIfOutcome(w, code, mdText)}`,
			"",
		);
	}
	const sections: [string, string[]][] = [
		["1. Node IPs", nodeSection(plan, says)],
		["2. Pod IPs", podSection(plan, says)],
		["3. Service IPs", serviceSection(plan)],
		["4. Load balancer IPs", lbSection(plan)],
		["5. Egress", egressSection(plan, says)],
		["IP management", managementSection(plan, says)],
		["Growth", growthSection(plan)],
		["Key takeaways", takeaways(plan).map((t) => `- ${t}`)],
	];
	if (errors.length > 0)
		sections.push(["Errors", errors.map((f) => `- Line ${f.line}: ${mdText(f.message)} (${f.code})`)]);
	for (const [title, body] of sections) if (body.length > 0) lines.push(`${hh} ${title}`, ...body, "");
	return `${lines.join("\n").trimEnd()}\n`;
}
