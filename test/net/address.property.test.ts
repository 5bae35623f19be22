/**
 * Differential tests: src/net/address.ts against Python 3's `ipaddress`, an independent
 * implementation. Cases come from a seeded PRNG (reproducible), biased towards edges: prefixes
 * 0/1/max-1/max, nested, adjacent and identical blocks, range boundaries, cross-family pairs.
 * python3 runs once for the whole batch (JSON in on stdin, JSON out on stdout).
 */
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import {
	azureUsable,
	contains,
	containsAddress,
	formatAddress,
	formatRange,
	intersection,
	isAzureReservedAddress,
	makeCidr,
	overlaps,
	parseAddress,
	parseCidr,
	sizeOf,
	smallestPrefixFor,
	type Cidr,
	type Family,
} from "../../src/net/address";

const PY = String.raw`
import sys, json, ipaddress as ip
if sys.version_info < (3, 9, 5):
    sys.exit("python3 >= 3.9.5 is required (older ipaddress accepts leading zeros in IPv4 octets); found " + sys.version)
NET = {4: ip.IPv4Network, 6: ip.IPv6Network}
ADDR = {4: ip.IPv4Address, 6: ip.IPv6Address}
def atext(a):
    s = str(a)
    if a.version == 6 and '.' in s:  # python >= 3.13 prints IPv4-mapped IPv6 with a dotted tail; 3.11 prints hex groups
        head, v4 = s.rsplit(':', 1); n = int(ip.IPv4Address(v4)); s = '%s:%x:%x' % (head, n >> 16, n & 0xffff)
    return s
def ntext(n):
    return n.with_prefixlen if '.' not in n.with_prefixlen or n.version == 4 else atext(n.network_address) + '/' + str(n.prefixlen)
def net(c): return NET[c[0]]((int(c[1]), c[2]))  # strict: raises if the start is not aligned
def parse(s):
    try: n, kind = ip.ip_network(s, strict=True), 'ok'
    except ValueError:
        try: n, kind = ip.ip_network(s, strict=False), 'host'
        except ValueError: return None
    return [kind, n.version, n.prefixlen, ntext(n), str(int(n.network_address)), str(int(n.broadcast_address))]
def addr(s):
    try: a = ip.ip_address(s)
    except ValueError: return None
    return [a.version, str(int(a)), atext(a)]
def sub(a, b):
    try: return a.subnet_of(b)
    except TypeError: return False  # different versions
def pair(p):
    a, b = net(p[0]), net(p[1]); ov = a.overlaps(b)
    lo = max(int(a.network_address), int(b.network_address)); hi = min(int(a.broadcast_address), int(b.broadcast_address))
    return [str(a.num_addresses), str(b.num_addresses), ntext(a), ntext(b), str(int(a.broadcast_address)), str(int(b.broadcast_address)),
            sub(b, a), sub(a, b), ov, [str(lo), str(hi)] if ov else None, str(max(a.num_addresses - 5, 0)), str(max(b.num_addresses - 5, 0))]
def member(m):
    n = net(m[0]); a = ADDR[m[1][0]](int(m[1][1])); k = n.num_addresses
    reserved = {int(n[i]) for i in range(min(4, k))} | {int(n[-1])}
    return [a in n, a.version == n.version and int(a) in reserved]
def rng(r):
    f, l = ADDR[r[0]](int(r[1])), ADDR[r[0]](int(r[2]))
    nets = list(ip.summarize_address_range(f, l))
    return ntext(nets[0]) if len(nets) == 1 else atext(f) + ' - ' + atext(l)
SIZES = {f: [NET[f]((0, p)).num_addresses for p in range(b + 1)] for f, b in ((4, 32), (6, 128))}
def spf(q):
    need, fam, res = int(q[0]), q[1], int(q[2])
    for p in range(len(SIZES[fam]) - 1, -1, -1):
        if SIZES[fam][p] - res >= need: return p
    return None
d = json.load(sys.stdin)
json.dump({'version': sys.version, 'parse': [parse(s) for s in d['parse']], 'addr': [addr(s) for s in d['addr']],
           'format': [atext(ADDR[f](int(v))) for f, v in d['format']], 'pair': [pair(p) for p in d['pair']],
           'member': [member(m) for m in d['member']], 'range': [rng(r) for r in d['range']], 'spf': [spf(q) for q in d['spf']]}, sys.stdout)
`;

// ---- seeded generation (mulberry32) ----
let seed = 0x5eed1e55;
const rand = (): number => {
	let t = (seed = (seed + 0x6d2b79f5) >>> 0);
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n: number): number => Math.floor(rand() * n);
const chance = (p: number): boolean => rand() < p;
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
const BITS = { 4: 32, 6: 128 } as const;
const MAX = (f: Family): bigint => (1n << BigInt(BITS[f])) - 1n;
const FAMILIES: Family[] = [4, 6];
const N = 6000; // cases per family per property

function randBits(n: number): bigint {
	let v = 0n;
	for (let i = 0; i < n; i += 16) v = (v << 16n) | BigInt(int(65536));
	return v & ((1n << BigInt(n)) - 1n);
}
function value(f: Family): bigint {
	const b = BITS[f],
		g = f === 4 ? 8 : 16,
		ones = (1n << BigInt(g)) - 1n;
	return pick<() => bigint>([
		() => 0n,
		() => MAX(f),
		() => BigInt(int(300)),
		() => MAX(f) - BigInt(int(300)),
		() => randBits(b),
		() => randBits(b),
		() => (f === 6 && chance(0.5) ? (0xffffn << 32n) | randBits(32) : 1n << BigInt(int(b))), // IPv4-mapped, powers of two
		// runs of zero (and all-ones) groups: exercises "::" placement
		() =>
			Array.from({ length: b / g }).reduce<bigint>(
				(v) => (v << BigInt(g)) | (chance(0.55) ? 0n : chance(0.2) ? ones : randBits(g)),
				0n,
			),
	])();
}
function prefix(f: Family): number {
	const b = BITS[f];
	return pick([
		0,
		1,
		b - 1,
		b,
		int(b + 1),
		int(b + 1),
		f === 6 ? pick([32, 48, 56, 64, 96]) : pick([8, 16, 24, 28, 29]),
	]);
}
const align = (v: bigint, f: Family, p: number): bigint => (v >> BigInt(BITS[f] - p)) << BigInt(BITS[f] - p);
const tz = (v: bigint, f: Family): number => {
	let n = 0;
	while (n < BITS[f] && ((v >> BigInt(n)) & 1n) === 0n) n++;
	return n;
};
const v4text = (v: bigint): string => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join(".");
function v6text(v: bigint): string {
	const groups = Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(112 - 16 * i)) & 0xffffn));
	let parts = groups.map((g) => {
		const h = chance(0.2) ? g.toString(16).padStart(1 + int(4), "0") : g.toString(16);
		return chance(0.2) ? h.toUpperCase() : h;
	});
	const tail = chance(0.15) ? [v4text(v & 0xffffffffn)] : [];
	if (tail.length) parts = parts.slice(0, 6);
	const zeros = parts.map((_, i) => i).filter((i) => groups[i] === 0);
	if (zeros.length && chance(0.75)) {
		// collapse a zero run (any, not only the longest: all are valid input)
		const i = pick(zeros);
		let j = i + 1;
		while (j < parts.length && groups[j] === 0 && chance(0.8)) j++;
		return `${parts.slice(0, i).join(":")}::${[...parts.slice(j), ...tail].join(":")}`;
	}
	return [...parts, ...tail].join(":");
}
const text = (f: Family, v: bigint): string => (f === 4 ? v4text(v) : v6text(v));

/** Breaks a valid CIDR string in one of the ways users (or typos) do. */
function mutate(s: string, f: Family): string {
	const [a = "", p = ""] = s.split("/");
	const octets = a.split("."),
		k = int(4);
	switch (int(f === 4 ? 9 : 10)) {
		case 0:
			return a; // no prefix
		case 1:
			return `${a}/${pick([String(BITS[f] + 1 + int(5)), String(200 + int(800)), "", "-1", "+8", "0x10", "1a", " 8", "0" + p, "00" + p, "8/8"])}`;
		case 2:
			return `${pick(["", " ", "x", "/"])}${a}${pick(["", "/", "//", ".", ":", " "])}/${p}`;
		default:
			if (f === 4) {
				const breakers = [
					() => {
						octets[k] = String(256 + int(744));
					}, // out of range
					() => {
						octets[k] = "0" + octets[k];
					}, // leading zero: 010.0.0.1 (and 00)
					() => octets.splice(k, 1), // three octets
					() => octets.splice(k, 0, String(int(256))), // five octets
					() => {
						octets[k] = pick(["", "0x" + int(256).toString(16), "1e1", "a", " 1"]);
					},
					() => {
						octets[3] += ".";
					},
				];
				pick(breakers)();
				return `${octets.join(".")}/${p}`;
			}
			return pick<() => string>([
				() => `${a}:${int(65536).toString(16)}/${p}`, // too many groups
				() => `${int(65536).toString(16)}:${a}/${p}`,
				() => `1:2:3:4:5:6:7:8:${int(65536).toString(16)}/${p}`,
				() => `${a.replace(/^[^:]*/, (g) => "1" + g.padStart(4, "0"))}/${p}`, // 5-digit group
				() => `${a}::1/${p}`, // second "::" (or too many groups)
				() => `${a.replace(":", pick([":::", "g:", ":z", ": "]))}/${p}`,
				() => `${pick([":", ""])}${a}${pick([":", ":1.2.3.256", ":01.2.3.4"])}/${p}`,
			])();
	}
}
const GARBAGE = "0123456789abcdefABCDEFgx.:/- ";
const garbage = (): string => Array.from({ length: int(22) }, () => pick([...GARBAGE])).join("");

// ---- cases ----
type C = [Family, bigint, number];
const cidr = (f: Family, p = prefix(f)): C => [f, align(value(f), f, p), p];
function pairOf(f: Family): [C, C] {
	const a = cidr(f),
		[, s, p] = a,
		b = BITS[f];
	const end = s + (1n << BigInt(b - p)) - 1n;
	const mode = int(6);
	if (mode === 0) return [a, [...a]];
	if (mode === 1) {
		const q = p + int(b - p + 1),
			inner: C = [f, align(s + randBits(b - p), f, q), q];
		return chance(0.5) ? [a, inner] : [inner, a];
	}
	if (mode === 2 && end < MAX(f)) {
		const n = end + 1n,
			q = b - int(tz(n, f) + 1);
		return [a, [f, n, q]];
	} // b starts at a.end + 1
	if (mode === 3 && s > 0n) {
		const q = b - int(tz(s, f) + 1);
		return [a, [f, s - (1n << BigInt(b - q)), q]];
	} // b ends at a.start - 1
	if (mode === 4) {
		const o: Family = f === 4 ? 6 : 4,
			q = int(BITS[o] + 1);
		return [a, [o, align(s & MAX(o), o, q), q]];
	} // cross-family
	return [a, cidr(f)];
}
function memberOf(f: Family): [C, [Family, bigint]] {
	const c = cidr(f),
		[, s, p] = c,
		end = s + (1n << BigInt(BITS[f] - p)) - 1n;
	if (chance(0.08)) {
		const o: Family = f === 4 ? 6 : 4;
		return [c, [o, pick([s, end, value(o)]) & MAX(o)]];
	}
	const v = pick([
		s,
		end,
		s - 1n,
		end + 1n,
		s + 1n,
		s + 2n,
		s + 3n,
		s + 4n,
		end - 1n,
		s + randBits(BITS[f] - p),
		value(f),
	]);
	return [c, [f, v < 0n ? 0n : v > MAX(f) ? MAX(f) : v]];
}
function rangeOf(f: Family): [Family, bigint, bigint] {
	const [, s, p] = cidr(f),
		end = s + (1n << BigInt(BITS[f] - p)) - 1n;
	const x = s + randBits(BITS[f] - p);
	const [lo, hi] = pick([
		[s, end],
		[s, end - 1n],
		[s + 1n, end],
		[s, x],
		[x, end],
		[s, s],
		[0n, MAX(f)],
		[value(f), value(f)],
	]);
	const clamp = (v: bigint): bigint => (v < 0n ? 0n : v > MAX(f) ? MAX(f) : v),
		a = clamp(lo),
		z = clamp(hi);
	return a <= z ? [f, a, z] : [f, z, a];
}
function spfOf(f: Family): [bigint, Family, bigint] {
	const reserved = pick([0n, 5n, 5n, BigInt(int(10))]),
		b = BITS[f],
		k = BigInt(int(b + 2));
	const need = pick([
		0n,
		1n,
		(1n << k) - reserved - 1n,
		(1n << k) - reserved,
		(1n << k) - reserved + 1n,
		randBits(1 + int(b + 1)),
		1581n,
		1020n,
	]);
	return [need < 0n ? 0n : need, f, reserved];
}

const parseCases: { s: string; f: Family | 0 }[] = [];
for (const f of FAMILIES)
	for (let i = 0; i < N; i++) {
		const p = prefix(f),
			v = chance(0.4) ? align(value(f), f, p) : value(f),
			s = `${text(f, v)}/${p}`;
		parseCases.push({ s: chance(0.35) ? mutate(s, f) : s, f });
	}
for (let i = 0; i < 1500; i++) parseCases.push({ s: garbage(), f: 0 });
const formats = FAMILIES.flatMap((f) => Array.from({ length: N }, (): [Family, bigint] => [f, value(f)]));
const pairs = FAMILIES.flatMap((f) => Array.from({ length: N }, () => pairOf(f)));
const members = FAMILIES.flatMap((f) => Array.from({ length: N }, () => memberOf(f)));
const ranges = FAMILIES.flatMap((f) => Array.from({ length: N }, () => rangeOf(f)));
const spfs = FAMILIES.flatMap((f) => Array.from({ length: N }, () => spfOf(f)));
const addrPart = (s: string): string => s.trim().split("/")[0] ?? "";

type PyParse = [string, Family, number, string, string, string] | null;
interface PyOut {
	version: string;
	parse: PyParse[];
	addr: ([Family, string, string] | null)[];
	format: string[];
	pair: [
		string,
		string,
		string,
		string,
		string,
		string,
		boolean,
		boolean,
		boolean,
		[string, string] | null,
		string,
		string,
	][];
	member: [boolean, boolean][];
	range: string[];
	spf: (number | null)[];
}
let py: PyOut;
const big = (_: string, v: unknown): unknown => (typeof v === "bigint" ? v.toString() : v);

beforeAll(() => {
	const input = JSON.stringify(
		{
			parse: parseCases.map((c) => c.s.trim()),
			addr: parseCases.map((c) => addrPart(c.s).trim()),
			format: formats,
			pair: pairs,
			member: members,
			range: ranges,
			spf: spfs,
		},
		big,
	);
	const run = spawnSync("python3", ["-c", PY], { input, encoding: "utf8", maxBuffer: 1 << 28 });
	if (run.error)
		throw new Error(
			`python3 is required for the differential tests (it is part of the machine image) but could not be run: ${run.error.message}`,
		);
	if (run.status !== 0) throw new Error(`python3 failed (exit ${run.status}): ${run.stderr}`);
	py = JSON.parse(run.stdout) as PyOut;
}, 120_000);

/** Collects mismatches so one failure shows the first few offending inputs, not just the first. */
function check<X, Y>(name: string, xs: readonly X[], ys: readonly Y[], each: (x: X, y: Y) => string | null): void {
	expect(ys.length, `${name}: python answered ${ys.length} of ${xs.length} cases`).toBe(xs.length);
	const bad: string[] = [];
	xs.forEach((x, i) => {
		const m = each(x, ys[i] as Y);
		if (m) bad.push(m);
	});
	expect(bad.slice(0, 8), `${name}: ${bad.length} of ${xs.length} cases disagree with python ipaddress`).toEqual([]);
}
const show = (x: unknown): string => JSON.stringify(x, big);
const cidrIs = (c: Cidr, e: NonNullable<PyParse>): boolean =>
	c.family === e[1] && c.prefix === e[2] && c.text === e[3] && c.start === BigInt(e[4]) && c.end === BigInt(e[5]);
const mk = (c: C): Cidr => makeCidr(c[0], c[1], c[2]);

describe("address.ts agrees with python ipaddress", () => {
	it("generates enough cases per family", () => {
		for (const f of FAMILIES) expect(parseCases.filter((c) => c.f === f).length).toBeGreaterThanOrEqual(5000);
		expect(py.parse.filter((r) => r?.[0] === "ok").length).toBeGreaterThan(2000); // sanity: the mix has valid,
		expect(py.parse.filter((r) => r?.[0] === "host").length).toBeGreaterThan(2000); // host-bits-set
		expect(py.parse.filter((r) => r === null).length).toBeGreaterThan(2000); // and invalid strings
	});

	it("parseCidr: validity, host bits, network and canonical (RFC 5952) text", () => {
		check("parseCidr", parseCases, py.parse, ({ s }, e) => {
			const ours = parseCidr(s),
				t = s.trim();
			const slash = t.indexOf("/");
			// Deliberately stricter than python: a prefix length of 1-3 digits is required; python also takes
			// a bare address (as /32 or /128), a netmask/hostmask ("/255.0.0.0") and "/0008".
			if (e === null || slash < 0 || !/^\d{1,3}$/.test(t.slice(slash + 1)))
				return !ours.ok && ours.code === "invalid-cidr"
					? null
					: `${show(s)}: expected invalid-cidr, got ${show(ours)}`;
			const other: Family = e[1] === 4 ? 6 : 4,
				wrong = parseCidr(s, other),
				right = parseCidr(s, e[1]);
			if (wrong.ok || wrong.code !== "invalid-cidr") return `${show(s)} as IPv${other}: ${show(wrong)}`;
			if (show(right) !== show(ours)) return `${show(s)} with its own family differs: ${show(right)}`;
			if (e[0] === "ok")
				return ours.ok && cidrIs(ours.value, e) ? null : `${show(s)}: python ${show(e)}, ours ${show(ours)}`;
			return !ours.ok && ours.code === "host-bits-set" && ours.fixed && cidrIs(ours.fixed, e)
				? null
				: `${show(s)}: python ${show(e)}, ours ${show(ours)}`;
		});
	});

	it("parseAddress vs ip_address", () => {
		check("parseAddress", parseCases, py.addr, ({ s }, e) => {
			const a = addrPart(s),
				ours = parseAddress(a);
			if (e === null) return ours.ok ? `${show(a)}: python rejects, ours ${show(ours)}` : null;
			return ours.ok &&
				ours.value.family === e[0] &&
				ours.value.value === BigInt(e[1]) &&
				ours.value.text === e[2]
				? null
				: `${show(a)}: python ${show(e)}, ours ${show(ours)}`;
		});
	});

	it("formatAddress vs str(ip_address(int))", () => {
		check("formatAddress", formats, py.format, ([f, v], e) => {
			const ours = formatAddress(f, v);
			return ours === e ? null : `IPv${f} ${v}: python ${e}, ours ${ours}`;
		});
	});

	it("makeCidr/sizeOf/contains/overlaps/intersection/azureUsable vs num_addresses/subnet_of/overlaps", () => {
		check("pairs", pairs, py.pair, (pair, e) => {
			const a = mk(pair[0]),
				b = mk(pair[1]),
				x = intersection(a, b),
				y = intersection(b, a);
			const ours = [
				String(sizeOf(a)),
				String(sizeOf(b)),
				a.text,
				b.text,
				String(a.end),
				String(b.end),
				contains(a, b),
				contains(b, a),
				overlaps(a, b),
				x && [String(x.start), String(x.end)],
				String(azureUsable(a)),
				String(azureUsable(b)),
			];
			const sym = overlaps(b, a) === overlaps(a, b) && show(x) === show(y) && (!x || x.family === a.family);
			const cross = a.family === b.family || !(ours[6] || ours[7] || ours[8] || x);
			return sym && cross && show(ours) === show(e)
				? null
				: `${show(pair)}: python ${show(e)}, ours ${show(ours)}`;
		});
	});

	it("containsAddress vs `addr in net`, isAzureReservedAddress (addresses of the subnet) vs net[0..3], net[-1]", () => {
		check("members", members, py.member, (m, [inside, reserved]) => {
			const [c, [f, v]] = m,
				n = mk(c),
				got = containsAddress(n, { family: f, value: v });
			if (got !== inside) return `${show(m)}: python in=${inside}, ours ${got}`;
			// Only addresses inside the subnet: see the fixed cases below for ones outside it.
			if (inside && isAzureReservedAddress(n, v) !== reserved) return `${show(m)}: python reserved=${reserved}`;
			return null;
		});
	});

	it("formatRange vs summarize_address_range", () => {
		check("formatRange", ranges, py.range, ([family, start, end], e) => {
			const ours = formatRange({ family, start, end });
			return ours === e ? null : `IPv${family} ${start}-${end}: python ${e}, ours ${ours}`;
		});
	});

	it("smallestPrefixFor vs a python loop over num_addresses", () => {
		check("smallestPrefixFor", spfs, py.spf, ([need, f, reserved], e) => {
			const ours = smallestPrefixFor(need, f, reserved);
			return ours === e ? null : `${show([need, f, reserved])}: python ${e}, ours ${ours}`;
		});
	});
});

describe("cases the random batch does not reach", () => {
	// An address outside the subnet is never one of the subnet's reserved addresses.
	it("isAzureReservedAddress(10.0.1.0/24, 10.0.0.0) is false", () => {
		const subnet = makeCidr(4, 0x0a000100n, 24);
		expect(isAzureReservedAddress(subnet, 0x0a000000n)).toBe(false);
		expect(isAzureReservedAddress(makeCidr(4, 0x0a000000n, 31), 0x0a000002n)).toBe(false);
	});
	// No "%" is generated at random: python keeps a zone index, we refuse it (meaningless in Azure).
	it("parseCidr refuses an IPv6 zone index: fe80::%eth0/64", () => {
		expect(parseCidr("fe80::%eth0/64")).toMatchObject({ ok: false, code: "invalid-cidr" });
	});
});
