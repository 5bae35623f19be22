/**
 * The one place that recognises what a body is and turns it into the spec's own keys: a spec as
 * written, `az aks show`, `az aks nodepool show`/`list`, `az network vnet show`/`list`,
 * `az network vnet subnet list`, ARM templates and what-if results, `terraform show -json`, or
 * several of them one after the other. The spec reader (parse.ts) reads the result, and *Convert
 * selection to plan* prints what the spec reader read, so the two cannot drift apart.
 */
import { isMap, isSeq, type Node, type YAMLMap } from "yaml";
import { TOP_KEYS } from "../keys";
import type { Entry, Reader } from "../reader";
import { resolveTree, templateResources, type Template } from "./arm";
import { azureType, clusterPart, poolPart, subnetPart, vnetPart } from "./azure";
import { merge } from "./merge";
import { fieldsOf, textOf, type Fields } from "./nodes";
import type { Part } from "./parts";
import { isTerraform, terraformParts } from "./terraform";

export interface Normalised {
	/** The spec's top-level keys, canonical names, with the nodes they came from. */
	top: Map<string, Entry>;
	/** Some part was written by a tool (Azure, Terraform): its unknown keys are not reported. */
	written: boolean;
	/** What printed the parts, in order, e.g. ["az aks show", "az network vnet show"]. */
	sources: string[];
	/** Only pools, VNets or subnets were given: the cluster's network is not known. */
	networkUnknown: boolean;
	/** Keys of pasted clusters the plan does not use (dotted paths), for Convert's comment. */
	unmapped: () => string[];
	/** Resources the paste holds that the plan does not use, e.g. "Microsoft.Network/networkSecurityGroups nsg-aks". */
	unused: string[];
}

/** The shape of one map: which parts it holds. Null: a spec written by hand. */
function partsOfMap(r: Reader, map: YAMLMap): Part[] | null {
	const f = fieldsOf(r, map);
	if (isTerraform(f)) return terraformParts(r, f);
	if (f.has("resources") && (f.has("$schema") || f.has("contentVersion"))) return templateParts(r, f);
	if (f.has("changes") && f.maps("changes").some((c) => c.has("changeType"))) return whatIfParts(r, f);
	const type = (textOf(f.peek("type")) ?? "").toLowerCase();
	if (type.includes("/")) return [resourcePart(r, map, type, f.has("properties") ? "az resource show" : "")];
	const props = f.map("properties");
	if (
		f.has("networkProfile") ||
		f.has("agentPoolProfiles") ||
		props?.has("networkProfile") ||
		props?.has("agentPoolProfiles")
	)
		return [clusterPart(r, map, "az aks show")];
	if (f.map("addressSpace")) return [vnetPart(r, map, "az network vnet show")];
	return null;
}

/** One Azure resource by its type; `source` empty means "the command that shows this type". */
function resourcePart(r: Reader, map: YAMLMap, type: string, source: string): Part {
	if (type.endsWith("microsoft.containerservice/managedclusters"))
		return clusterPart(r, map, source || "az aks show");
	if (type.endsWith("/agentpools")) return poolPart(r, map, source || "az aks nodepool show");
	if (type === "microsoft.network/virtualnetworks") return vnetPart(r, map, source || "az network vnet show");
	if (type === "microsoft.network/virtualnetworks/subnets")
		return subnetPart(r, map, source || "az network vnet subnet show");
	const name = fieldsOf(r, map).str("name");
	return {
		kind: "other",
		source: source || "an Azure resource",
		line: r.line(map, r.firstLine),
		what: `${type}${name ? ` ${name}` : ""}`,
	};
}

function templateParts(r: Reader, root: Fields): Part[] {
	const template: Template = {};
	const parameters = root.map("parameters");
	const variables = root.map("variables");
	if (parameters) template.parameters = parameters;
	if (variables) template.variables = variables;
	return templateResources(r, root).map(({ type, map }) => {
		const resolved = resolveTree(r, map, template);
		return resourcePart(r, isMap(resolved) ? resolved : map, type, "an ARM template");
	});
}

/** `az deployment ... what-if --no-pretty-print`: the resources as they will be after the deployment. */
function whatIfParts(r: Reader, root: Fields): Part[] {
	const parts: Part[] = [];
	for (const change of root.maps("changes")) {
		const after = change.node("after");
		if (!isMap(after)) continue;
		const resolved = resolveTree(r, after, {});
		const map = isMap(resolved) ? resolved : after;
		parts.push(resourcePart(r, map, azureType(r, map), "az deployment what-if"));
	}
	return parts;
}

/**
 * Reads the roots of a body (one document, or several one after the other) into the spec's
 * keys. Null when a root is neither a spec map nor something recognised.
 */
export function normalise(r: Reader, roots: (Node | null)[]): Normalised | null {
	const parts: Part[] = [];
	for (const root of roots) {
		if (root === null || r.isEmpty(root)) continue;
		if (isMap(root)) {
			parts.push(...(partsOfMap(r, root) ?? [specPart(r, root)]));
			continue;
		}
		if (!isSeq(root)) return null;
		for (const item of root.items) {
			const map = r.resolve(item);
			const found = isMap(map) ? partsOfMap(r, map) : null;
			if (!found) return null;
			// A list of what `show` prints is what `list` prints.
			for (const p of found) p.source = p.source.replace(/^(az .*) show$/, "$1 list");
			parts.push(...found);
		}
	}
	return merge(r, parts);
}

function specPart(r: Reader, map: YAMLMap): Part {
	const entries = r.entries(map, TOP_KEYS, "at the top level", false);
	return { kind: "spec", source: "", line: r.line(map, r.firstLine), entries, pools: [], unmapped: () => [] };
}
