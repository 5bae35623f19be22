/**
 * Address arithmetic on bigint start/end pairs. ip-num validates addresses and expands and
 * compresses IPv6 text; everything else (values, sizes, containment, overlaps) is plain bigint
 * arithmetic here, so a /8 or an IPv6 /32 costs the same as a /24 and nothing ever enumerates
 * addresses.
 *
 * The two imports below reach into ip-num's `dist/src` on purpose. ip-num (pinned in package.json)
 * ships CommonJS only: no ES module build, no `exports` map, and an index that requires every
 * module, which a bundler cannot tree-shake. Importing the two modules used keeps the rest of the
 * library out of main.js. This is fine while ip-num ships no ES module build; when it does, import
 * from "ip-num" and compare the bundle size (CONTRIBUTING.md, "Upgrading ip-num").
 */
import { collapseIPv6Number, expandIPv6Number } from "ip-num/dist/src/IPv6Utils";
import { Validator } from "ip-num/dist/src/Validator";

export type Family = 4 | 6;

/** An inclusive span of addresses of one family. */
export interface Range {
	family: Family;
	start: bigint;
	end: bigint;
}

/** A CIDR block: a range aligned to its prefix, with its canonical text. */
export interface Cidr extends Range {
	prefix: number;
	text: string;
}

export interface Address {
	family: Family;
	value: bigint;
	text: string;
}

type Parsed<T> =
	| { ok: true; value: T }
	| { ok: false; code: "invalid-cidr" | "invalid-ip" | "host-bits-set"; message: string; fixed?: T };

export function bitsOf(family: Family): number {
	return family === 4 ? 32 : 128;
}

function familyName(family: Family): string {
	return family === 4 ? "IPv4" : "IPv6";
}

export function formatAddress(family: Family, value: bigint): string {
	if (family === 4) {
		// 32 bits fit a number exactly: no bigint per octet.
		const n = Number(value);
		return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
	}
	const groups: string[] = [];
	for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((value >> shift) & 0xffffn).toString(16));
	return collapseIPv6Number(groups.join(":")).toLowerCase();
}

export function makeCidr(family: Family, start: bigint, prefix: number): Cidr {
	const hostBits = BigInt(bitsOf(family) - prefix);
	const end = start + (1n << hostBits) - 1n;
	return { family, start, end, prefix, text: `${formatAddress(family, start)}/${prefix}` };
}

const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

function parseAddressValue(text: string): { family: Family; value: bigint } | null {
	// A zone ID (fe80::1%eth0) means nothing in an Azure address space.
	if (text.includes("%")) return null;
	if (text.includes(":")) {
		if (!Validator.isValidIPv6String(text)[0]) return null;
		return { family: 6, value: BigInt(`0x${expandIPv6Number(text).split(":").join("")}`) };
	}
	// Leading zeros are ambiguous (octal in some tools): refuse them whatever the library does.
	const octets = IPV4.exec(text);
	if (!octets || !Validator.isValidIPv4String(text)[0]) return null;
	const [a, b, c, d] = [octets[1], octets[2], octets[3], octets[4]].map(Number) as [number, number, number, number];
	// Exact in a number (under 2^32), then one bigint.
	return { family: 4, value: BigInt(a * 16777216 + b * 65536 + c * 256 + d) };
}

function expectation(expected: Family | undefined): string {
	return expected === undefined ? "an IPv4 or IPv6" : `an ${familyName(expected)}`;
}

/** Parses a single address, optionally of one family. */
export function parseAddress(raw: string, expected?: Family): Parsed<Address> {
	const text = raw.trim();
	const parsed = parseAddressValue(text);
	if (!parsed) {
		const hint = text.includes("/") ? " (a single address is expected here, without a prefix length)" : "";
		return { ok: false, code: "invalid-ip", message: `"${text}" is not ${expectation(expected)} address${hint}.` };
	}
	if (expected !== undefined && parsed.family !== expected) {
		return {
			ok: false,
			code: "invalid-ip",
			message: `"${text}" is an ${familyName(parsed.family)} address; ${expectation(expected)} address is expected here.`,
		};
	}
	return { ok: true, value: { ...parsed, text: formatAddress(parsed.family, parsed.value) } };
}

/**
 * Parses a strict CIDR. A CIDR whose host bits are set is refused with the network address it
 * should be (`fixed`), so the caller can report it and still plan with the intended block.
 */
export function parseCidr(raw: string, expected?: Family): Parsed<Cidr> {
	const text = raw.trim();
	const slash = text.indexOf("/");
	const what = `${expectation(expected)} CIDR such as ${expected === 6 ? "fd00:10::/64" : "10.0.0.0/16"}`;
	if (slash < 0) {
		return {
			ok: false,
			code: "invalid-cidr",
			message: `"${text}" is not ${what}: the prefix length ("/16") is missing.`,
		};
	}
	const parsed = parseAddressValue(text.slice(0, slash));
	const prefixText = text.slice(slash + 1);
	if (!parsed || !/^\d{1,3}$/.test(prefixText)) {
		return { ok: false, code: "invalid-cidr", message: `"${text}" is not ${what}.` };
	}
	const prefix = Number(prefixText);
	const bits = bitsOf(parsed.family);
	if (prefix > bits) {
		return {
			ok: false,
			code: "invalid-cidr",
			message: `"${text}": an ${familyName(parsed.family)} prefix length is at most /${bits}.`,
		};
	}
	if (expected !== undefined && parsed.family !== expected) {
		return {
			ok: false,
			code: "invalid-cidr",
			message: `"${text}" is an ${familyName(parsed.family)} range; ${expectation(expected)} range is expected here.`,
		};
	}
	const hostBits = BigInt(bits - prefix);
	const network = (parsed.value >> hostBits) << hostBits;
	const cidr = makeCidr(parsed.family, network, prefix);
	if (network !== parsed.value) {
		return {
			ok: false,
			code: "host-bits-set",
			message: `"${text}" has host bits set: the network address of that block is ${cidr.text}.`,
			fixed: cidr,
		};
	}
	return { ok: true, value: cidr };
}

/** A CIDR written in the code (a default, a reserved range); a typo there throws on load. */
export function knownCidr(text: string): Cidr {
	const parsed = parseCidr(text);
	if (!parsed.ok) throw new Error(`Built-in CIDR ${text}: ${parsed.message}`);
	return parsed.value;
}

export function sizeOf(r: Range): bigint {
	return r.end - r.start + 1n;
}

export function contains(outer: Range, inner: Range): boolean {
	return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function containsAddress(r: Range, a: { family: Family; value: bigint }): boolean {
	return r.family === a.family && r.start <= a.value && a.value <= r.end;
}

export function overlaps(a: Range, b: Range): boolean {
	return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

export function intersection(a: Range, b: Range): Range | null {
	if (!overlaps(a, b)) return null;
	return { family: a.family, start: a.start > b.start ? a.start : b.start, end: a.end < b.end ? a.end : b.end };
}

/** Text of a range: a CIDR when it is one, else "first - last". */
export function formatRange(r: Range): string {
	const n = sizeOf(r);
	const bits = bitsOf(r.family);
	if ((n & (n - 1n)) === 0n && r.start % n === 0n) {
		const prefix = bits - (n.toString(2).length - 1);
		return `${formatAddress(r.family, r.start)}/${prefix}`;
	}
	return `${formatAddress(r.family, r.start)} - ${formatAddress(r.family, r.end)}`;
}

/** Addresses Azure keeps in every subnet: the first four and the last. */
export const AZURE_RESERVED = 5n;

export function azureUsable(c: Range): bigint {
	const n = sizeOf(c);
	return n > AZURE_RESERVED ? n - AZURE_RESERVED : 0n;
}

/** True for the addresses Azure keeps in a subnet (network, gateway, two DNS, broadcast). */
export function isAzureReservedAddress(subnet: Range, value: bigint): boolean {
	if (value < subnet.start || value > subnet.end) return false;
	return value - subnet.start < 4n || value === subnet.end;
}

/**
 * The longest prefix whose block holds `need` after `reserved` addresses are taken, or null when
 * even the whole address space is too small.
 */
export function smallestPrefixFor(need: bigint, family: Family, reserved: bigint): number | null {
	const bits = bitsOf(family);
	for (let prefix = bits; prefix >= 0; prefix--) {
		if ((1n << BigInt(bits - prefix)) - reserved >= need) return prefix;
	}
	return null;
}
