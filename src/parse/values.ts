/** Typed values read from YAML nodes; a bad value is reported and read as absent. */
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { parseAddress, parseCidr, type Address, type Cidr, type Family } from "../net/address";
import { groupDigits } from "../core/numbers";
import { clip } from "../core/text";
import type { Entry, Reader } from "./reader";
import type { Loc, SubnetRef, Surge } from "./types";

function describe(node: Node | null): string {
	if (node === null) return "nothing";
	if (isMap(node)) return "a map";
	if (isSeq(node)) return "a list";
	if (isScalar(node)) {
		const v = node.value;
		if (typeof v === "string") return `"${clip(v)}"`;
		if (typeof v === "bigint" || typeof v === "number" || typeof v === "boolean") return String(v);
	}
	return "this value";
}

/**
 * A value that a pasted document leaves open (an ARM expression without a default, a Terraform
 * value known only after apply) is reported once, as missing-key, and read as absent.
 */
export function reportUnknown(r: Reader, e: Entry): boolean {
	const note = r.unknownNote(e.node);
	if (note === undefined) return false;
	r.report(
		"warning",
		"missing-key",
		`${e.key} is unknown: ${note}. The plan assumes none: set it in the source or in the block.`,
		e.line,
	);
	r.unknownsRead.push({ key: e.key, note, line: e.line });
	return true;
}

export function readString(r: Reader, e: Entry): Loc<string> | undefined {
	if (reportUnknown(r, e)) return undefined;
	const n = e.node;
	if (isScalar(n) && (typeof n.value === "string" || typeof n.value === "number" || typeof n.value === "bigint")) {
		const value = String(n.value).trim();
		if (value !== "") return { value, line: e.line };
	}
	if (r.isEmpty(n)) return undefined;
	r.report("error", "invalid-value", `${e.key} must be text, not ${describe(n)}.`, e.line);
	return undefined;
}

export function readInt(r: Reader, e: Entry, min: number, max: number): Loc<number> | undefined {
	if (reportUnknown(r, e)) return undefined;
	const n = e.node;
	if (r.isEmpty(n)) return undefined;
	const v = isScalar(n) ? n.value : undefined;
	let big: bigint | undefined;
	if (typeof v === "bigint") big = v;
	else if (typeof v === "number" && Number.isInteger(v)) big = BigInt(v);
	else if (typeof v === "string" && /^\d{1,20}$/.test(v.trim())) big = BigInt(v.trim());
	if (big === undefined) {
		r.report("error", "invalid-value", `${e.key} must be a whole number, not ${describe(n)}.`, e.line);
		return undefined;
	}
	if (big < BigInt(min) || big > BigInt(max)) {
		r.report(
			"error",
			"invalid-value",
			`${e.key} is ${big.toString()}; it must be between ${min} and ${groupDigits(max)}.`,
			e.line,
		);
		return undefined;
	}
	return { value: Number(big), line: e.line };
}

export function readBool(r: Reader, e: Entry): Loc<boolean> | undefined {
	if (reportUnknown(r, e)) return undefined;
	const n = e.node;
	if (r.isEmpty(n)) return undefined;
	if (isScalar(n) && typeof n.value === "boolean") return { value: n.value, line: e.line };
	r.report("error", "invalid-value", `${e.key} must be true or false, not ${describe(n)}.`, e.line);
	return undefined;
}

/** One of a fixed set of words, matched case-insensitively and returned in its canonical spelling. */
export function readEnum<T extends string>(r: Reader, e: Entry, allowed: readonly T[]): Loc<T> | undefined {
	const s = readString(r, e);
	if (!s) return undefined;
	const match = allowed.find((a) => a.toLowerCase() === s.value.toLowerCase());
	if (match) return { value: match, line: s.line };
	r.report(
		"error",
		"invalid-value",
		`${e.key} is "${clip(s.value)}"; it must be one of ${allowed.join(", ")}.`,
		e.line,
	);
	return undefined;
}

/** A CIDR; one with host bits set is reported and read as its network block. */
export function readCidr(r: Reader, e: Entry, family?: Family): Cidr | undefined {
	const s = readString(r, e);
	if (!s) return undefined;
	const parsed = parseCidr(s.value, family);
	if (parsed.ok) return parsed.value;
	r.report("error", parsed.code, `${e.key}: ${parsed.message}`, e.line);
	return parsed.fixed;
}

export function readAddress(r: Reader, e: Entry, family?: Family): Loc<Address> | undefined {
	const s = readString(r, e);
	if (!s) return undefined;
	const parsed = parseAddress(s.value, family);
	if (parsed.ok) return { value: parsed.value, line: e.line };
	r.report("error", parsed.code, `${e.key}: ${parsed.message}`, e.line);
	return undefined;
}

/** One CIDR or a list of them, each item with its own line. */
export function readCidrList(r: Reader, e: Entry, family?: Family): Loc<Cidr>[] {
	const out: Loc<Cidr>[] = [];
	for (const item of r.items(e.node, e.line)) {
		const cidr = readCidr(r, { ...item, key: e.key }, family);
		if (cidr) out.push({ value: cidr, line: item.line });
	}
	return out;
}

/**
 * A surge from a YAML value or a setting: a whole number of nodes (0 to 1,000), or a percentage up
 * to 100% such as "33%"; undefined for anything else.
 */
export function surgeOf(v: unknown): Surge | undefined {
	if (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) {
		const count = Number(v);
		return count >= 0 && count <= 1000 ? { kind: "count", value: count } : undefined;
	}
	const m = typeof v === "string" ? /^\s*(\d{1,4})\s*(%?)\s*$/.exec(v) : null;
	if (m?.[1] === undefined) return undefined;
	const value = Number(m[1]);
	if (m[2] === "%") return value <= 100 ? { kind: "percent", value } : undefined;
	return value <= 1000 ? { kind: "count", value } : undefined;
}

/** maxSurge or maxUnavailable: a whole number of nodes or a percentage such as "33%". */
export function readSurge(r: Reader, e: Entry): Loc<Surge> | undefined {
	if (reportUnknown(r, e)) return undefined;
	const n = e.node;
	if (r.isEmpty(n)) return undefined;
	const surge = surgeOf(isScalar(n) ? n.value : undefined);
	if (surge) return { value: surge, line: e.line };
	r.report(
		"error",
		"invalid-value",
		`${e.key === "maxUnavailable" ? "maxUnavailable" : "maxSurge"} is ${describe(n)}; it must be a node count (0 to 1,000) or a percentage up to 100%, such as 33%.`,
		e.line,
	);
	return undefined;
}

/**
 * A node subnet: one subnet, or for dual-stack a list of the IPv4 subnet and the IPv6 prefix
 * (`[10.0.0.0/22, "fd00::/64"]`), as a dual-stack Azure subnet has both.
 */
export function readNodeSubnets(r: Reader, e: Entry): { v4?: SubnetRef; v6?: SubnetRef } {
	if (!isSeq(e.node)) return { v4: readSubnetRef(r, e) };
	const [first, second, ...rest] = r.items(e.node, e.line).map((item) => readSubnetRef(r, { ...item, key: e.key }));
	if (rest.length > 0)
		r.report(
			"error",
			"invalid-value",
			`${e.key} takes one subnet, or two for dual-stack: the IPv4 subnet, then its IPv6 prefix.`,
			e.line,
		);
	if (first?.kind === "cidr" && first.cidr.family === 6) {
		r.report(
			"error",
			"invalid-cidr",
			`${e.key}: the first subnet is the IPv4 one; put the IPv6 prefix second.`,
			first.line,
		);
		return {};
	}
	if (second && (second.kind !== "cidr" || second.cidr.family !== 6)) {
		r.report(
			"error",
			"invalid-cidr",
			`${e.key}: the second subnet must be an IPv6 prefix such as fd00:10::/64.`,
			second.line,
		);
		return { v4: first };
	}
	return { v4: first, v6: second };
}

const RESOURCE_ID = /\/subnets\/([^/]+)\/?$/i;

/** A subnet: a CIDR, the name of an entry of `subnets`, or an Azure subnet resource ID. */
export function readSubnetRef(r: Reader, e: Entry): SubnetRef | undefined {
	const s = readString(r, e);
	if (!s) return undefined;
	const text = s.value;
	if (text.startsWith("/")) {
		const m = RESOURCE_ID.exec(text);
		if (m?.[1]) return { kind: "id", id: text, name: m[1], line: e.line };
		r.report(
			"error",
			"invalid-value",
			`${e.key} "${clip(text)}" is neither a CIDR nor a subnet resource ID (…/subnets/NAME).`,
			e.line,
		);
		return undefined;
	}
	if (/^[\d.]+(\/.*)?$/.test(text) || text.includes(":") || text.includes("/")) {
		const cidr = readCidr(r, e);
		return cidr ? { kind: "cidr", cidr, line: e.line } : undefined;
	}
	return { kind: "name", name: text, line: e.line };
}
