/**
 * Note text → spec: the body of one block, read with lines. The body may be a spec, or what an
 * engineer pastes (`az` or `terraform show -json` output, ARM templates, terminal text around
 * them): shapes/ recognises it and hands the spec's own keys to the readers here.
 */
import type { Finding } from "../core/findings";
import { readLoadBalancers, readSubnets } from "./lists";
import { readNetworkKeys } from "./links";
import { readPools } from "./pools";
import type { Reader } from "./reader";
import { readBody } from "./shapes/body";
import { normalise, type Normalised } from "./shapes/index";
import { markNetworkUnknown, readTopLevel } from "./top";
import type { Spec } from "./types";

export { expandLeadingTabs } from "./shapes/body";

interface ParseResult {
	/** null when the body cannot be read at all (a syntax error, or not a map). */
	spec: Spec | null;
	findings: Finding[];
	/** How the body was read, for *Convert selection to plan*; null when it was not. */
	read: { reader: Reader; normalised: Normalised } | null;
}

function emptySpec(): Spec {
	return {
		invalid: new Set(),
		azShape: false,
		vnet: [],
		pools: [],
		loadBalancers: [],
		subnets: [],
		peered: [],
		peeredLinks: [],
		ranges: [],
		ignore: [],
	};
}

/**
 * Parses one block body. `lineOffset` is added to body lines: the opening fence's 1-based line
 * for a block in a note (body line 1 is the line after the fence), 0 for a bare spec file.
 */
export function parseSpec(source: string, lineOffset = 0): ParseResult {
	const body = readBody(source, lineOffset);
	if (!body.ok) return { spec: null, findings: body.findings, read: null };
	const r = body.reader;
	const roots = body.docs.map((d) => r.resolve(d.contents));
	const spec = emptySpec();
	if (roots.every((root) => r.isEmpty(root))) {
		r.report(
			"info",
			"missing-key",
			"The block is empty: the plan shows what AKS would create by default. Add keys, or insert a template.",
			lineOffset + 1,
		);
		return { spec, findings: r.findings, read: null };
	}
	const normalised = normalise(r, roots);
	if (!normalised) {
		const root = roots.find((n) => !r.isEmpty(n)) ?? null;
		r.report(
			"error",
			"invalid-value",
			"The body must be a map of keys (cluster:, vnet:, agentPools: …), not a list or a single value.",
			r.line(root, lineOffset + 1),
		);
		return { spec: null, findings: r.findings, read: null };
	}
	const top = normalised.top;
	spec.azShape = normalised.written;
	if (normalised.networkUnknown) markNetworkUnknown(spec);
	readTopLevel(r, top, spec);
	readPools(r, top, spec);
	// A VNet alone: no pool is assumed, there is no cluster to assume it for.
	if (spec.networkUnknown && spec.pools.every((p) => p.assumed)) spec.pools = [];
	const subnets = top.get("subnets");
	if (subnets) spec.subnets = readSubnets(r, subnets);
	readNetworkKeys(r, top, spec);
	const lbs = top.get("loadBalancers");
	if (lbs) spec.loadBalancers = readLoadBalancers(r, lbs);
	return { spec, findings: r.findings, read: { reader: r, normalised } };
}
