/** The allocation table and the node-pools table: real tables, in a horizontal scroller. */
import { formatRange } from "../net/address";
import { usesPodCidr } from "../plan/model";
import type { PlanResult, PoolPlan, SubnetPlan } from "../plan/types";
import { num, pct } from "./format";

type Cell = string | { text: string; tag?: string; cls?: string };

export function table(
	parent: HTMLElement,
	caption: string,
	headers: string[],
	rows: Cell[][],
	cls: string,
): HTMLTableElement {
	const scroll = parent.createDiv({ cls: "aks-ip-scroll" });
	const t = scroll.createEl("table", { cls: `aks-ip-table ${cls}` });
	t.createEl("caption", { text: caption });
	const head = t.createEl("thead").createEl("tr");
	for (const h of headers) head.createEl("th", { text: h, attr: { scope: "col" } });
	const body = t.createEl("tbody");
	for (const row of rows) {
		const tr = body.createEl("tr");
		row.forEach((cell, i) => {
			const c = typeof cell === "string" ? { text: cell } : cell;
			const td = i === 0 ? tr.createEl("th", { attr: { scope: "row" } }) : tr.createEl("td");
			td.appendText(c.text);
			if (c.tag) td.createSpan({ cls: "aks-ip-tag", text: c.tag });
			if (c.cls) td.addClass(c.cls);
		});
	}
	return t;
}

const VNET = "VNet, peered networks";

/** What is left: a count and percent, or how many are missing. */
function left(free: bigint, capacity: bigint): Cell {
	if (free < 0n) return { text: `${num(-free)} short`, cls: "aks-ip-bad" };
	return { text: `${num(free)} (${pct(free, capacity)})`, cls: free * 10n < capacity ? "aks-ip-tight" : "" };
}

function free(s: SubnetPlan): Cell {
	return left(s.free, s.usable);
}

function range(text: string, defaulted: boolean): Cell {
	return defaulted ? { text, tag: "default" } : text;
}

function poolList(names: string[]): string {
	return names.length === 0
		? ""
		: ` (${names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ")})`;
}

export function allocationRows(plan: PlanResult): Cell[][] {
	const rows: Cell[][] = [];
	for (const s of plan.nodeSubnets) {
		rows.push([
			`Node IPs${poolList(s.pools)}`,
			range(s.cidr.text, s.defaulted),
			"VNet subnet",
			"Azure",
			VNET,
			`${num(s.usable)} usable`,
			num(s.required),
			free(s),
		]);
	}
	if (usesPodCidr(plan.model) || plan.model === "none") {
		for (const c of plan.podCidrs) {
			const capacity = plan.model === "none" ? "Up to the CNI" : `${num(c.blocks)} /${c.blockPrefix} node blocks`;
			const need = plan.model === "none" ? "" : `${num(c.requiredBlocks)} blocks`;
			const freeCell: Cell = plan.model === "none" ? "" : left(c.blocks - c.requiredBlocks, c.blocks);
			rows.push([
				"Pod IPs",
				range(c.cidr.text, c.defaulted),
				"Cluster range",
				"Kubernetes",
				"Cluster only",
				capacity,
				need,
				freeCell,
			]);
		}
	}
	if (plan.model === "azure-cni-node-subnet") {
		rows.push([
			"Pod IPs",
			plan.nodeSubnets.map((s) => s.cidr.text).join(", ") || "Node subnet",
			"Node subnet, shared with nodes",
			"Azure",
			VNET,
			"In the node IPs row",
			"",
			"",
		]);
	}
	for (const s of plan.podSubnets) {
		rows.push([
			`Pod IPs${poolList(s.pools)}`,
			s.cidr.text,
			"VNet subnet",
			"Azure",
			VNET,
			`${num(s.usable)} usable`,
			num(s.required),
			free(s),
		]);
	}
	if (plan.model === "none" && plan.podCidrs.length === 0)
		rows.push(["Pod IPs", "Chosen by the CNI", "Bring your own CNI", "The CNI", "Up to the CNI", "", "", ""]);
	for (const c of plan.serviceCidrs) {
		rows.push([
			"Service IPs",
			range(c.cidr.text, c.defaulted),
			"Cluster range",
			"Kubernetes",
			"Cluster only",
			`${num(c.size)} addresses`,
			"",
			"",
		]);
		if (c.dnsServiceIp)
			rows.push([
				"Cluster DNS IP",
				range(c.dnsServiceIp.text, c.dnsDefaulted),
				`Service range ${c.cidr.text}`,
				"Kubernetes",
				"Cluster only",
				"",
				"1",
				"",
			]);
	}
	for (const lb of plan.loadBalancers) {
		if (lb.type === "public")
			rows.push([`Load balancer ${lb.name}`, "Public IP", "Azure public IP", "Azure", "Internet", "", "", ""]);
		else
			rows.push([
				`Load balancer ${lb.name}`,
				lb.ip?.text ?? "Dynamic",
				`VNet subnet ${lb.subnet?.cidr.text ?? "(unknown)"}`,
				"Azure",
				VNET,
				"",
				"1",
				"",
			]);
	}
	for (const s of plan.subnets.filter((x) => x.role === "other")) {
		const label = `${s.name ?? "Subnet"}${s.purpose !== "other" ? ` (${s.purpose})` : ""}`;
		rows.push([
			label,
			s.cidr.text,
			"VNet subnet",
			"Azure",
			VNET,
			`${num(s.usable)} usable`,
			s.required > 0n ? num(s.required) : "",
			s.required > 0n ? free(s) : "",
		]);
	}
	return rows;
}

export function renderAllocation(parent: HTMLElement, plan: PlanResult): void {
	const headers = [
		"IPs",
		"Range",
		"Source",
		"Managed by",
		"Reachable from",
		"Capacity",
		"Needed at full scale",
		"Free",
	];
	table(parent, "Allocation", headers, allocationRows(plan), "aks-ip-allocation");
}

function podSource(plan: PlanResult, p: PoolPlan): string {
	if (usesPodCidr(plan.model)) {
		const c = plan.podCidrs.find((x) => x.cidr.family === 4) ?? plan.podCidrs[0];
		if (!c) return "Pod CIDR";
		const first = formatRange({
			family: c.cidr.family,
			start: c.cidr.start,
			end: c.cidr.start + (1n << BigInt((c.cidr.family === 4 ? 32 : 128) - c.blockPrefix)) - 1n,
		});
		return `/${c.blockPrefix} each from ${c.cidr.text}, first ${first}`;
	}
	if (plan.model === "azure-cni-node-subnet")
		return `${num(p.maxPods ?? 0)} each from ${p.nodeSubnet?.cidr.text ?? "the node subnet"}`;
	if (p.podSubnet)
		return `${num(p.podIpsPerNode)} each${p.allocationMode === "StaticBlock" ? " (/28 blocks)" : " at first"} from ${p.podSubnet.cidr.text}`;
	return plan.model === "none" ? "Up to the CNI" : "Pod subnet not given";
}

export function poolRows(plan: PlanResult): Cell[][] {
	return plan.pools.map((p) => [
		p.name,
		p.maxCount !== null
			? `${num(p.count)} (max ${num(p.maxCount)})`
			: p.countDefaulted
				? { text: num(p.count), tag: "default" }
				: num(p.count),
		p.surgeText === String(p.surge) ? num(p.surge) : `${num(p.surge)} (${p.surgeText})`,
		num(p.nodesAtFullScale),
		p.maxPods === null
			? "Not sized"
			: p.maxPodsDefaulted
				? { text: num(p.maxPods), tag: "default" }
				: num(p.maxPods),
		`${num(p.nodesAtFullScale * p.nodeSubnetIpsPerNode)} from ${p.nodeSubnet?.cidr.text ?? "(no subnet given)"}`,
		podSource(plan, p),
		p.maxPods === null ? "" : num(p.nodesAtFullScale * p.maxPods),
	]);
}

export function renderPools(parent: HTMLElement, plan: PlanResult): void {
	const headers = ["Pool", "Nodes", "Surge", "At full scale", "Max pods", "Node IPs", "Pod IPs", "Pod capacity"];
	table(parent, "Node pools", headers, poolRows(plan), "aks-ip-pools");
}
