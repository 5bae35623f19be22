/**
 * The registry as an inventory, the IPAM table engineers keep by hand: one row per range of every
 * block, in address order, with its network, the networks connected to it and its findings.
 * Shared by the `aks-ip-registry` block and `aks-ip registry`.
 */
import { contains, parseCidr, type Cidr } from "../net/address";
import type { ItemKind } from "./items";
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
	/** "severity code" of each finding at the range's line in its block. */
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

export function inventory(reg: Registry, filter: InventoryFilter = {}): InventoryRow[] {
	if (!reg.checked) reg.check();
	const state = reg.checked;
	if (!state) return [];
	const folder = filter.folder ? `${filter.folder}/` : "";
	const memo = new Map<string, string[]>();
	const rows: InventoryRow[] = [];
	for (const item of state.sorted) {
		if (filter.where && !contains(filter.where, item.cidr)) continue;
		const block = reg.block(item.block);
		if (!block || (folder !== "" && !block.path.startsWith(folder))) continue;
		const id = state.netOf.get(block.key) ?? "";
		const findings = new Set<string>();
		for (const f of [...block.plan.findings, ...block.cross])
			if (f.line === item.line) findings.add(`${f.severity} ${f.code}`);
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
