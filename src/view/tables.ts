/** The allocation table and the node-pools table: real tables, in a horizontal scroller. */
import { formatRange } from "../net/address";
import { usesPodCidr } from "../plan/model";
import { aksManagedVnet, MODEL_STATEMENTS } from "../plan/statements";
import { CELLS, fill } from "../plan/statements-shared";
import type { PlanResult, PoolPlan, SubnetPlan } from "../plan/types";
import { groupDigits, percentOf } from "../core/numbers";
import { drawn } from "./memo";

export type Cell = string | { text: string; tag?: string; cls?: string };

/**
 * A table with its caption and column headers, in a horizontal scroller. Its head and each row
 * are parts (memo.ts): a row that shows what it showed before is not built again.
 */
export function table(parent: HTMLElement, caption: string, headers: string[], rows: Cell[][], cls: string): void {
	const scroll = parent.createDiv({ cls: "aks-ip-scroll" });
	const t = scroll.createEl("table", { cls: `aks-ip-table ${cls}` });
	t.createEl("caption", { text: caption });
	drawn(t, "thead", headers, drawHead);
	const body = t.createEl("tbody");
	for (const row of rows) drawn(body, "tr", row, drawRow);
}

function drawHead(parent: HTMLElement, headers: string[]): HTMLElement {
	const head = parent.createEl("thead");
	const tr = head.createEl("tr");
	for (const h of headers) tr.createEl("th", { text: h, attr: { scope: "col" } });
	return head;
}

function drawRow(parent: HTMLElement, row: Cell[]): HTMLElement {
	const tr = parent.createEl("tr");
	row.forEach((cell, i) => {
		const c = typeof cell === "string" ? { text: cell } : cell;
		const td = i === 0 ? tr.createEl("th", { attr: { scope: "row" } }) : tr.createEl("td");
		td.appendText(c.text);
		if (c.tag) td.createSpan({ cls: "aks-ip-tag", text: c.tag });
		if (c.cls) td.addClass(c.cls);
	});
	return tr;
}

/** What is left: a count and percent, or how many are missing. */
function left(free: bigint, capacity: bigint): Cell {
	if (free < 0n) return { text: `${groupDigits(-free)} short`, cls: "aks-ip-bad" };
	return {
		text: `${groupDigits(free)} (${percentOf(free, capacity)})`,
		cls: free * 10n < capacity ? "aks-ip-tight" : "",
	};
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

/** A subnet's row: what it is, its range, who manages it, and its numbers. */
function subnetRow(label: string, s: SubnetPlan, managedBy: string, counted: boolean): Cell[] {
	return [
		label,
		range(s.cidr.text, s.defaulted),
		CELLS.vnetSubnet,
		managedBy,
		CELLS.connected,
		`${groupDigits(s.usable)} usable`,
		counted ? groupDigits(s.required) : "",
		counted ? free(s) : "",
	];
}

/** Pod and service rows of a block without the cluster's network profile (pools or a VNet alone). */
const UNKNOWN_ROWS: Cell[][] = ["Pod IPs", "Service IPs"].map((layer) => [
	layer,
	"Unknown",
	"Not in the block: add the cluster's az aks show",
	"",
	"",
	"",
	"",
	"",
]);

function podRows(plan: PlanResult): Cell[][] {
	if (!plan.modelKnown) return UNKNOWN_ROWS.slice(0, 1);
	const says = MODEL_STATEMENTS[plan.model];
	const rows: Cell[][] = [];
	const cells = [says.podSourceCell, says.podManagedCell, says.podReachCell];
	const byo = plan.model === "none";
	if (usesPodCidr(plan.model) || byo) {
		for (const c of plan.podCidrs) {
			const own = [
				says.podSourceCell,
				fill(says.podManagedCell, { block: `/${c.blockPrefix}` }),
				says.podReachCell,
			];
			const capacity = byo ? "Up to the CNI" : `${groupDigits(c.blocks)} /${c.blockPrefix} node blocks`;
			const need = byo ? "" : `${groupDigits(c.requiredBlocks)} blocks`;
			const freeCell: Cell = byo ? "" : left(c.blocks - c.requiredBlocks, c.blocks);
			rows.push(["Pod IPs", range(c.cidr.text, c.defaulted), ...own, capacity, need, freeCell]);
		}
	}
	if (plan.model === "azure-cni-node-subnet") {
		const where = plan.nodeSubnets.map((s) => s.cidr.text).join(", ") || "Node subnet";
		rows.push(["Pod IPs", where, ...cells, "In the node IPs row", "", ""]);
	}
	for (const s of plan.podSubnets) {
		rows.push([
			`Pod IPs${poolList(s.pools)}`,
			s.cidr.text,
			...cells,
			`${groupDigits(s.usable)} usable`,
			groupDigits(s.required),
			free(s),
		]);
	}
	if (byo && plan.podCidrs.length === 0) rows.push(["Pod IPs", "Chosen by the CNI", ...cells, "", "", ""]);
	return rows;
}

function serviceRows(plan: PlanResult): Cell[][] {
	if (!plan.modelKnown) return UNKNOWN_ROWS.slice(1);
	const rows: Cell[][] = [];
	for (const c of plan.serviceCidrs) {
		const size = `${groupDigits(c.size)} addresses`;
		const cells = [CELLS.serviceSource, CELLS.kubernetes, CELLS.clusterOnly];
		rows.push(["Service IPs", range(c.cidr.text, c.defaulted), ...cells, size, "", ""]);
		if (c.dnsServiceIp) {
			const source = fill(CELLS.dnsSource, { range: c.cidr.text });
			const dns = range(c.dnsServiceIp.text, c.dnsDefaulted);
			rows.push(["Cluster DNS IP", dns, source, CELLS.kubernetes, CELLS.clusterOnly, "", "1", ""]);
		}
	}
	return rows;
}

function loadBalancerRows(plan: PlanResult, owner: string): Cell[][] {
	return plan.loadBalancers.map((lb) => {
		const label = `Load balancer ${lb.name}`;
		if (lb.type === "public") return [label, "Public IP", CELLS.publicIp, CELLS.azure, CELLS.internet, "", "", ""];
		const source = fill(CELLS.internalSource, { subnet: lb.subnet?.cidr.text ?? "(unknown)" });
		return [label, lb.ip?.text ?? "Dynamic", source, owner, CELLS.connected, "", "1", ""];
	});
}

export function allocationRows(plan: PlanResult): Cell[][] {
	const owner = aksManagedVnet(plan) ? CELLS.azureAksVnet : CELLS.azureYourVnet;
	const rows: Cell[][] = plan.nodeSubnets.map((s) => subnetRow(`Node IPs${poolList(s.pools)}`, s, owner, true));
	rows.push(...podRows(plan), ...serviceRows(plan), ...loadBalancerRows(plan, owner));
	for (const s of plan.subnets.filter((x) => x.role === "other")) {
		const label = `${s.name ?? "Subnet"}${s.purpose !== "other" ? ` (${s.purpose})` : ""}`;
		rows.push(subnetRow(label, s, owner, s.required > 0n));
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
	if (!plan.modelKnown) return "Unknown: no cluster network profile";
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
		return `${groupDigits(p.maxPods ?? 0)} each from ${p.nodeSubnet?.cidr.text ?? "the node subnet"}`;
	if (p.podSubnet)
		return `${groupDigits(p.podIpsPerNode)} each${p.allocationMode === "StaticBlock" ? " (/28 blocks)" : " at first"} from ${p.podSubnet.cidr.text}`;
	return plan.model === "none" ? "Up to the CNI" : "Pod subnet not given";
}

function poolRows(plan: PlanResult): Cell[][] {
	return plan.pools.map((p) => [
		p.name,
		p.maxCount !== null
			? `${groupDigits(p.count)} (max ${groupDigits(p.maxCount)})`
			: p.countDefaulted
				? { text: groupDigits(p.count), tag: "default" }
				: groupDigits(p.count),
		p.surgeText === String(p.surge) ? groupDigits(p.surge) : `${groupDigits(p.surge)} (${p.surgeText})`,
		groupDigits(p.nodesAtFullScale),
		p.maxPods === null
			? "Not sized"
			: p.maxPodsDefaulted
				? { text: groupDigits(p.maxPods), tag: "default" }
				: groupDigits(p.maxPods),
		`${groupDigits(p.nodesAtFullScale * p.nodeSubnetIpsPerNode)} from ${p.nodeSubnet?.cidr.text ?? "(no subnet given)"}`,
		podSource(plan, p),
		p.maxPods === null ? "" : groupDigits(p.nodesAtFullScale * p.maxPods),
	]);
}

export function renderPools(parent: HTMLElement, plan: PlanResult): void {
	const headers = ["Pool", "Nodes", "Surge", "At full scale", "Max pods", "Node IPs", "Pod IPs", "Pod capacity"];
	table(parent, "Node pools", headers, poolRows(plan), "aks-ip-pools");
}
