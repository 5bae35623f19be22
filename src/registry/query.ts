/**
 * The body of an `aks-ip-registry` block: optional `where:` (a CIDR: only ranges inside it) and
 * `folder:` (only notes in that folder). Anything else is reported, never thrown.
 */
import { isMap, isScalar, parseDocument } from "yaml";
import { clip } from "../core/text";
import { parseFilter, type InventoryFilter } from "./inventory";

export const REGISTRY_LANGUAGE = "aks-ip-registry";

interface RegistryQuery {
	filter: InventoryFilter;
	/** What could not be read, one sentence each. */
	problems: string[];
}

function text(value: unknown): string {
	return typeof value === "string" || typeof value === "number" || typeof value === "bigint" ? String(value) : "";
}

export function parseRegistryQuery(source: string): RegistryQuery {
	const problems: string[] = [];
	let doc;
	try {
		doc = parseDocument(source, { schema: "core", resolveKnownTags: false });
	} catch {
		return { filter: {}, problems: ["The block cannot be read as YAML."] };
	}
	if (doc.errors.length > 0)
		return { filter: {}, problems: ["The block cannot be read as YAML: write where: and folder: keys."] };
	const root = doc.contents;
	if (root === null || (isScalar(root) && root.value === null)) return { filter: {}, problems };
	if (!isMap(root))
		return { filter: {}, problems: ["The block takes keys: where: (a CIDR) and folder: (a folder)."] };
	const values: Record<string, string> = {};
	for (const pair of root.items) {
		const key = isScalar(pair.key) ? text(pair.key.value) : "";
		const value = isScalar(pair.value) ? text(pair.value.value) : "";
		if (key === "where" || key === "folder") values[key] = value;
		else problems.push(`Unknown key "${clip(key)}": the block takes where: and folder:.`);
	}
	const filter = parseFilter(values.where, values.folder);
	if (typeof filter === "string") return { filter: {}, problems: [...problems, filter] };
	return { filter, problems };
}
