/**
 * The registry as an inventory, the IPAM table engineers keep by hand: one row per range of every
 * block, in address order, with its network, the networks connected to it and its findings.
 * Shared by the `aks-ip-registry` block and `aks-ip registry`.
 */
import type { Finding } from "../core/findings";
import { contains, parseCidr, type Cidr } from "../net/address";
import { findingAnchor, itemAnchor } from "./check";
import type { ItemKind, RangeItem } from "./items";
import type { Topology } from "./networks";
import type { Registry } from "./registry";

type RangeType = "VNet" | "subnet" | "pod" | "service" | "peered" | "on-premises";

export interface InventoryRow {
	/** The cluster or network the range belongs to. */
	name: string;
	block: "cluster" | "network";
	file: string;
	line: number;
	range: string;
	type: RangeType;
	/** The subnet's or range's name, or "default" for a range the spec left out. */
	detail: string;
	/** The network the block belongs to, as a link to its note. */
	network: string;
	/** Networks connected to that one: peered, or peered with the same hub. */
	connected: string[];
	/** "severity code" of each finding about the range: by its anchor (kind and CIDR), else at its line. */
	findings: string[];
}

const TYPES: Record<ItemKind, RangeType> = {
	vnet: "VNet",
	subnet: "subnet",
	pod: "pod",
	service: "service",
	peered: "peered",
	range: "on-premises",
};

export interface InventoryFilter {
	/** Only ranges inside this CIDR. */
	where?: Cidr;
	/** Only notes in this folder (a vault path; "" for all). */
	folder?: string;
}

/** Reads `where:` and `folder:` as the registry block and the command line take them. */
export function parseFilter(where: string | undefined, folder: string | undefined): InventoryFilter | string {
	const out: InventoryFilter = {};
	if (where !== undefined && where.trim() !== "") {
		const parsed = parseCidr(where.trim());
		if (!parsed.ok) return `where: ${parsed.message}`;
		out.where = parsed.value;
	}
	if (folder !== undefined) out.folder = folder.trim().replace(/^\/+|\/+$/g, "");
	return out;
}

function connectedNames(t: Topology, id: string, memo: Map<string, string[]>): string[] {
	const known = memo.get(id);
	if (known) return known;
	const names = new Set<string>();
	const net = t.nets.get(id);
	for (const p of net?.peers ?? []) {
		const peer = t.nets.get(p);
		if (peer) names.add(peer.name);
		for (const far of peer?.peers ?? []) if (far !== id) names.add(t.nets.get(far)?.name ?? far);
	}
	const list = [...names].sort();
	memo.set(id, list);
	return list;
}

/** True when `text` names `cidr` as a whole ("10.0.0.0/16", not inside "110.0.0.0/16" or "10.0.0.0/160"). */
function names(text: string, cidr: string): boolean {
	for (let i = text.indexOf(cidr); i >= 0; i = text.indexOf(cidr, i + 1)) {
		const before = text[i - 1] ?? " ";
		const after = text[i + cidr.length] ?? " ";
		if (!/[\d.:]/.test(before) && !/\d/.test(after)) return true;
	}
	return false;
}

/**
 * Whether finding `f` of the block is about `item`. A finding across notes knows the range it is
 * about (its anchor, as the registry's check gives it): that decides. Otherwise it is about the
 * ranges at its line (`atLine`, the block's ranges there), and where several share the line, about
 * those it names. A range left to a default is written nowhere (its row takes the block's first
 * line, which it shares with whatever is written there): it takes such a finding only by name.
 */
function isAbout(f: Finding, item: RangeItem, atLine: readonly RangeItem[]): boolean {
	const anchor = findingAnchor(f);
	if (anchor !== undefined) return anchor === itemAnchor(item);
	if (f.line !== item.line) return false;
	if (names(f.message, item.cidr.text)) return true;
	return !item.defaulted && !atLine.some((i) => i.cidr.text !== item.cidr.text && names(f.message, i.cidr.text));
}

export function inventory(reg: Registry, filter: InventoryFilter = {}): InventoryRow[] {
	if (!reg.checked) reg.check();
	const state = reg.checked;
	if (!state) return [];
	const folder = filter.folder ? `${filter.folder}/` : "";
	const memo = new Map<string, string[]>();
	const rows: InventoryRow[] = [];
	const atLine = new Map<string, RangeItem[]>();
	for (const item of state.sorted) {
		const key = `${item.block}\u0000${item.line}`;
		const list = atLine.get(key);
		if (list) list.push(item);
		else atLine.set(key, [item]);
	}
	for (const item of state.sorted) {
		if (filter.where && !contains(filter.where, item.cidr)) continue;
		const block = reg.block(item.block);
		if (!block || (folder !== "" && !block.path.startsWith(folder))) continue;
		const id = state.netOf.get(block.key) ?? "";
		const findings = new Set<string>();
		for (const f of [...block.plan.findings, ...block.cross])
			if (isAbout(f, item, atLine.get(`${item.block}\u0000${item.line}`) ?? []))
				findings.add(`${f.severity} ${f.code}`);
		rows.push({
			name: block.plan.cluster,
			block: block.plan.kind,
			file: block.path,
			line: item.line,
			range: item.cidr.text,
			type: TYPES[item.kind],
			detail: item.defaulted ? "default" : item.name,
			network: state.nets.get(id)?.name ?? "",
			connected: connectedNames(state, id, memo),
			findings: [...findings],
		});
	}
	return rows;
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function cell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.split('"').join('""')}"` : text;
}

const INVENTORY_COLUMNS = [
	"name",
	"block",
	"file",
	"line",
	"range",
	"type",
	"detail",
	"network",
	"connected",
	"findings",
] as const;

export function inventoryCsv(rows: InventoryRow[]): string {
	const lines = [INVENTORY_COLUMNS.join(",")];
	for (const r of rows)
		lines.push(
			[
				r.name,
				r.block,
				r.file,
				r.line,
				r.range,
				r.type,
				r.detail,
				r.network,
				r.connected.join("; "),
				r.findings.join("; "),
			]
				.map(cell)
				.join(","),
		);
	return `${lines.join("\r\n")}\r\n`;
}
