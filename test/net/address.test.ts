import { describe, expect, it } from "vitest";
import {
	azureUsable,
	contains,
	formatRange,
	isAzureReservedAddress,
	knownCidr,
	overlaps,
	parseCidr,
	sizeOf,
	smallestPrefixFor,
	type Cidr,
	type Family,
} from "../../src/net/address";

function cidr(text: string, family?: Family): Cidr {
	const r = parseCidr(text, family);
	if (!r.ok) throw new Error(`${text}: ${r.code} ${r.message}`);
	return r.value;
}
const ip4 = (text: string): bigint => text.split(".").reduce((v, o) => (v << 8n) | BigInt(o), 0n);

describe("knownCidr", () => {
	it("reads a CIDR written in the code, and throws on a typo there", () => {
		expect(knownCidr("10.244.0.0/16")).toEqual(cidr("10.244.0.0/16"));
		expect(() => knownCidr("10.244.0.1/16")).toThrow("host bits");
	});
});

describe("Azure numbers", () => {
	it("usable addresses: /24 -> 251, /28 -> 11, /29 -> 3", () => {
		expect(azureUsable(cidr("10.0.0.0/24"))).toBe(251n);
		expect(azureUsable(cidr("10.0.0.0/28"))).toBe(11n);
		expect(azureUsable(cidr("10.0.0.0/29"))).toBe(3n);
	});

	it("usable addresses floor at 0 for blocks smaller than the five reserved", () => {
		expect(azureUsable(cidr("10.0.0.0/30"))).toBe(0n);
		expect(azureUsable(cidr("10.0.0.0/32"))).toBe(0n);
	});

	it("192.168.1.0/24 reserves .0 .1 .2 .3 and .255, not .4 or .254", () => {
		const subnet = cidr("192.168.1.0/24");
		for (const last of [0, 1, 2, 3, 255])
			expect(isAzureReservedAddress(subnet, ip4(`192.168.1.${last}`)), `.${last}`).toBe(true);
		for (const last of [4, 5, 128, 254])
			expect(isAzureReservedAddress(subnet, ip4(`192.168.1.${last}`)), `.${last}`).toBe(false);
	});

	it("smallestPrefixFor with 5 reserved per subnet", () => {
		expect(smallestPrefixFor(1581n, 4, 5n)).toBe(21);
		expect(smallestPrefixFor(1019n, 4, 5n)).toBe(22); // 1024 - 5 = 1019 fits a /22 exactly
		expect(smallestPrefixFor(1020n, 4, 5n)).toBe(21); // one more needs a /21
		expect(smallestPrefixFor(251n, 4, 5n)).toBe(24);
		expect(smallestPrefixFor(1n, 4, 5n)).toBe(29);
		expect(smallestPrefixFor(2n ** 32n, 4, 5n)).toBeNull();
		expect(smallestPrefixFor(2n ** 64n - 5n, 6, 5n)).toBe(64);
	});
});

describe("parseCidr", () => {
	it("host bits set: 10.10.0.5/16 is refused with 10.10.0.0/16 as the fix", () => {
		const r = parseCidr("10.10.0.5/16");
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.code).toBe("host-bits-set");
		expect(r.fixed?.text).toBe("10.10.0.0/16");
		expect(r.fixed?.start).toBe(ip4("10.10.0.0"));
		expect(r.fixed?.end).toBe(ip4("10.10.255.255"));
	});

	it("IPv6 fd12:3456:789a::/64 parses and prints the same", () => {
		const c = cidr("fd12:3456:789a::/64", 6);
		expect(c.family).toBe(6);
		expect(c.prefix).toBe(64);
		expect(c.text).toBe("fd12:3456:789a::/64");
		expect(formatRange(c)).toBe("fd12:3456:789a::/64");
	});

	it("IPv6 text is canonical (RFC 5952): lower case, no leading zeros, longest zero run collapsed", () => {
		expect(cidr("FD12:0000:0000:0001:0000:0000:0000:0000/64").text).toBe("fd12:0:0:1::/64");
		expect(cidr("2001:db8:0:0:1:0:0:0/128").text).toBe("2001:db8:0:0:1::/128"); // the longest run
		expect(cidr("2001:db8:0:0:1:0:0:1/128").text).toBe("2001:db8::1:0:0:1/128"); // the first of equal runs
		expect(cidr("2001:db8:0:1:1:1:1:1/128").text).toBe("2001:db8:0:1:1:1:1:1/128"); // a single 0 group stays
	});

	it("a missing prefix length is invalid-cidr", () => {
		expect(parseCidr("10.0.0.0")).toMatchObject({ ok: false, code: "invalid-cidr" });
	});

	it("an IPv4 CIDR where IPv6 is expected is invalid-cidr (and the other way round)", () => {
		expect(parseCidr("10.0.0.0/16", 6)).toMatchObject({ ok: false, code: "invalid-cidr" });
		expect(parseCidr("fd00::/8", 4)).toMatchObject({ ok: false, code: "invalid-cidr" });
	});

	it("refuses leading zeros in IPv4 octets and oversized prefixes", () => {
		expect(parseCidr("010.0.0.0/8")).toMatchObject({ ok: false, code: "invalid-cidr" });
		expect(parseCidr("10.0.0.0/33")).toMatchObject({ ok: false, code: "invalid-cidr" });
		expect(parseCidr("fd00::/129")).toMatchObject({ ok: false, code: "invalid-cidr" });
	});
});

describe("sizes without enumeration", () => {
	it("a /8 holds 2^24 addresses and an IPv6 /32 2^96", () => {
		expect(sizeOf(cidr("10.0.0.0/8"))).toBe(2n ** 24n);
		expect(sizeOf(cidr("2001:db8::/32"))).toBe(2n ** 96n);
		expect(sizeOf(cidr("::/0"))).toBe(2n ** 128n);
		expect(azureUsable(cidr("2001:db8::/32"))).toBe(2n ** 96n - 5n);
	});

	it("containment and overlap of large blocks are arithmetic", () => {
		const big = cidr("2001:db8::/32"),
			inner = cidr("2001:db8:ffff::/48"),
			next = cidr("2001:db9::/32");
		expect(contains(big, inner)).toBe(true);
		expect(overlaps(big, next)).toBe(false);
		expect(overlaps(cidr("0.0.0.0/0"), cidr("::/0"))).toBe(false);
	});
});
