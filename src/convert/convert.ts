/**
 * Pasted output → an `aks-ip` block. The selection is read by the spec reader itself (with
 * src/parse/shapes, which recognises `az aks show`, node pools, VNets, ARM templates, what-if,
 * `terraform show -json` and terminal text around them), and what it read is printed back as a
 * clean spec, with comments for what was skipped, unknown or left to fill in. Pure: no Obsidian
 * import, so the command line can reuse it.
 */
import type { Finding } from "../core/findings";
import { errorText } from "../core/text";
import { closesFence, openingFence } from "../note/fences";
import { parseSpec } from "../parse/parse";
import type { Reader } from "../parse/reader";
import type { Normalised } from "../parse/shapes/index";
import type { Spec } from "../parse/types";
import { subnetOfId } from "../parse/shapes/nodes";
import { Lines, printPeered, printPools, printSubnets, printTop, type Holes } from "./print";

export interface Converted {
	ok: true;
	/** The fenced block, from the opening fence to the closing one (no trailing newline). */
	block: string;
	/** Subnet names whose CIDR the user must fill in, in order of appearance. */
	subnets: string[];
	/** Keys present in the input that the block does not use, as dotted paths. */
	unmapped: string[];
	/** Where to put the cursor, relative to the block's first line: the first CIDR to fill in. */
	hole: { line: number; ch: number } | null;
}

type ConvertResult = Converted | { ok: false; error: string };

const ACCEPTED =
	"az aks show, az aks nodepool show or list, az network vnet show or list, az network vnet subnet list, an ARM template, what-if or terraform show -json";

/** Removes a code fence wrapped around the whole text, if there is one. */
function unfence(text: string): string {
	const lines = text.replace(/\r\n/g, "\n").trim().split("\n");
	const open = openingFence(lines[0] ?? "");
	if (lines.length < 2 || !open || !closesFence(lines[lines.length - 1] ?? "", open)) return text;
	return lines.slice(1, -1).join("\n");
}

/** Why a selection cannot be converted, from the reader's first error. */
function refusal(findings: Finding[]): string {
	const error = findings.find((f) => f.severity === "error");
	if (error?.code === "input-format") return error.message;
	if (error?.code === "yaml-syntax")
		return `The selection is neither JSON nor YAML: ${error.message.replace(/^Not valid YAML: /, "")}`;
	return `The selection is not a JSON or YAML object: select the whole output of ${ACCEPTED}.`;
}

/** Converts pasted output to a plan block; never throws. */
export function convertToPlan(text: string): ConvertResult {
	const source = unfence(text).trim();
	if (source === "") return { ok: false, error: "The selection is empty." };
	let parsed;
	try {
		parsed = parseSpec(source, 0);
	} catch (e) {
		return { ok: false, error: `The selection cannot be read: ${errorText(e)}` };
	}
	if (!parsed.spec || !parsed.read) return { ok: false, error: refusal(parsed.findings) };
	if (!parsed.read.normalised.written)
		return { ok: false, error: `The selection does not look like the output of ${ACCEPTED}.` };
	return print(parsed.spec, parsed.findings, parsed.read.reader, parsed.read.normalised);
}

/** Kept for callers of the first version, which read az aks show only. */
export const convertAzAksShow = convertToPlan;

function print(spec: Spec, findings: Finding[], r: Reader, n: Normalised): Converted {
	const head = new Lines();
	head.comment(`Converted from ${n.sources.join(" and ")}.`);
	for (const f of findings) if (f.code === "input-format" && f.severity !== "error") head.comment(f.message);
	if (n.networkUnknown)
		head.comment(
			"The cluster's network model and its pod and service ranges are unknown: fill in networkPlugin and the ranges from az aks show.",
		);
	for (const u of r.unknownsRead) head.comment(`Unknown, fill in: ${u.key}: ${u.note}.`);
	const unknownTop = new Set<string>();
	for (const [key, e] of n.top) if (r.unknownNote(e.node) !== undefined) unknownTop.add(key);
	const holes: Holes = new Map();
	const pools = printPools(spec, holes);
	const ids = spec.pools.some((p) => p.nodeSubnet?.kind === "id" || p.podSubnet?.kind === "id");
	if (holes.size > 0 && ids) {
		head.comment("It names subnets only by resource ID: fill in each subnet's CIDR under subnets, from");
		head.out.push("# az network vnet subnet show --ids <subnet ID> --query addressPrefix.");
	}
	if (n.networkUnknown) unknownTop.add("networkPlugin");
	const top = printTop(spec, unknownTop);
	const refs = spec.pools.flatMap((p) => [p.nodeSubnet, p.podSubnet]);
	const vnet = refs.map((s) => subnetOfId(s?.kind === "id" ? s.id : undefined)?.vnet).find((v) => v);
	if (spec.vnet.length === 0 && holes.size > 0 && !unknownTop.has("vnet"))
		top.add(0, "# vnet:", `the address space of VNet ${vnet ?? "?"}, not in ${n.sources[0] ?? "the source"}`);
	const subnets = new Lines();
	printSubnets(spec, holes, subnets);
	const tail = new Lines();
	const errors = findings.filter((f) => f.severity === "error");
	for (const f of errors) tail.comment(`Not read: ${f.message}`);
	const unmapped = n.unmapped();
	if (unmapped.length > 0) tail.comment(`Not mapped from ${n.sources[0] ?? "the source"}: ${unmapped.join(", ")}`);
	if (n.unused.length > 0) tail.comment(`Not used: ${n.unused.join(", ")}`);
	const body = [...head.out, ...top.out, ...subnets.out, ...printPeered(spec).out, ...pools.out, ...tail.out];
	// The cursor goes to the first value to fill in: a subnet's CIDR, else an unknown key.
	const empty = (l: string) => /^ *[^\s#][^:]*: +# (?:CIDR\?|unknown)/.test(l);
	const at = [...subnets.out, ...top.out].find(empty);
	const line = at === undefined ? -1 : body.indexOf(at);
	const hole = line < 0 ? null : { line: line + 1, ch: (body[line] ?? "").indexOf(":") + 2 };
	return {
		ok: true,
		block: ["```aks-ip", ...body, "```"].join("\n"),
		subnets: [...holes.values()].map((h) => h.name),
		unmapped,
		hole,
	};
}
