/** `aks-ip registry`: the inventory of every range in the notes read, as a table, JSON or CSV. */
import { inventory, inventoryCsv, parseFilter, type InventoryRow } from "../registry/inventory";
import type { Io } from "./main";
import { loadNotes, shownPath } from "./vault";

export const REGISTRY_HELP = `Usage: aks-ip registry [options] PATH...

Prints the registry of the notes at PATH (files or folders, as aks-ip check reads them): one
row per range of every block, in address order, with its cluster or network, note and line,
kind (VNet, subnet, pod, service, peered, on-premises), network, connected networks and
findings.

Options:
  --json          print {"ranges": [...]}
  --csv           print CSV (a header row, then one row per range)
  --where CIDR    only the ranges inside CIDR
  --folder DIR    only the notes in DIR (a path from the vault root)
  --vault DIR     the vault's root (default: the folder common to every PATH)
  -h, --help      show this help

Exit status: 0 when every file was read, 1 when a file could not be read, 2 usage error.
`;

interface RegistryCommandOptions {
	format: "text" | "json" | "csv";
	where?: string;
	folder?: string;
	vault?: string;
}

const CONNECTED_SHOWN = 3;

function table(rows: InventoryRow[]): string {
	const head = ["range", "kind", "name", "note", "network", "connected", "findings"];
	const cells = rows.map((r) => [
		r.range,
		r.type,
		r.detail ? `${r.name} (${r.detail})` : r.name,
		`${r.file}:${r.line}`,
		r.network,
		r.connected.length > CONNECTED_SHOWN
			? `${r.connected.slice(0, CONNECTED_SHOWN).join(", ")} and ${r.connected.length - CONNECTED_SHOWN} more`
			: r.connected.join(", "),
		r.findings.join(", "),
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
	const line = (c: string[]) =>
		c
			.map((x, i) => x.padEnd(widths[i] ?? 0))
			.join("  ")
			.trimEnd();
	return [line(head), ...cells.map(line)].join("\n");
}

export function registryCommand(paths: string[], options: RegistryCommandOptions, io: Io): number {
	const filter = parseFilter(options.where, options.folder);
	if (typeof filter === "string") {
		io.err(`aks-ip: ${filter}\n`);
		return 2;
	}
	const loaded = loadNotes(paths, options.vault, io);
	const rows = inventory(loaded.registry, filter).map((r) => ({ ...r, file: shownPath(loaded, r.file) }));
	if (options.format === "json") io.out(`${JSON.stringify({ ranges: rows }, null, 2)}\n`);
	else if (options.format === "csv") io.out(inventoryCsv(rows));
	else io.out(rows.length > 0 ? `${table(rows)}\n` : "No ranges.\n");
	return loaded.unreadable > 0 ? 1 : 0;
}
