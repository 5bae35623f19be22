/**
 * Pod CIDRs (kubenet, overlay) and service CIDRs: a new private range for each one that collides
 * with something routed to the cluster (the VNet, its subnets, peered and registry ranges), with
 * each other, or with AKS's reserved ranges, or that is too small (pods) or too large (services).
 * https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay
 */
import { contains, formatAddress, overlaps, parseCidr, type Cidr, type Family, type Range } from "../net/address";
import type { FindingCode } from "../core/findings";
import { groupDigits } from "../core/numbers";
import type { Loc } from "../parse/types";
import { DEFAULTS } from "../plan/resolve";
import type { PodCidrPlan, ServiceCidrPlan } from "../plan/types";
import { Space } from "./free";
import { AKS_RESERVED, chooseIn, PRIVATE_SPACE } from "./private";
import { connected, finalSubnets, leftPercent, overlapsAny, reported, type Alloc } from "./state";
import type { ValueEdit } from "./types";

const MULTICAST = (() => {
	const c = parseCidr("224.0.0.0/4");
	if (!c.ok) throw new Error("224.0.0.0/4");
	return c.value;
})();

/** Findings that name a pod or service CIDR, answered by moving it. */
const POD_CODES: FindingCode[] = [
	"pod-cidr-too-small",
	"low-headroom",
	"range-overlap",
	"reserved-range",
	"public-range",
];
const SERVICE_CODES: FindingCode[] = [
	"service-cidr-too-large",
	"service-cidr-in-vnet",
	"range-overlap",
	"reserved-range",
	"public-range",
	"lb-ip-invalid",
	"dns-ip-outside-service-cidr",
	"dns-ip-reserved",
];

/** Reserved, multicast or (IPv4) public: ranges AKS refuses or does not support for pods and services. */
function placementCodes(r: Range): FindingCode[] {
	const out: FindingCode[] = [];
	if (overlapsAny(r, [...AKS_RESERVED, MULTICAST])) out.push("reserved-range");
	else if (r.family === 4 && !PRIVATE_SPACE[4].some((p) => contains(p, r))) out.push("public-range");
	return out;
}

/** Codes of the clashes of `r` with routed ranges: the VNet's space, its subnets, connected ranges. */
function routedCodes(a: Alloc, r: Range, inVnet: FindingCode): FindingCode[] {
	const out: FindingCode[] = [];
	if (overlapsAny(r, [...a.plan.subnets.map((s) => s.cidr), ...connected(a)])) out.push("range-overlap");
	else if (
		overlapsAny(
			r,
			a.plan.vnet.map((v) => v.cidr),
		)
	)
		out.push(inVnet);
	return out;
}

/** The smallest pod CIDR whose node blocks hold every node with 10% of them left. */
function podPrefix(c: PodCidrPlan): number {
	const bits = c.cidr.family === 4 ? 32 : 128;
	for (let p = c.blockPrefix; p >= 1; p--) {
		const blocks = 1n << BigInt(c.blockPrefix - p);
		if (blocks >= c.requiredBlocks && (blocks - c.requiredBlocks) * 10n >= blocks) return p;
	}
	return bits - 1;
}

function podReasons(a: Alloc, c: PodCidrPlan): FindingCode[] {
	const out = [...placementCodes(c.cidr), ...routedCodes(a, c.cidr, "range-overlap")];
	if (c.blocks < c.requiredBlocks) out.push("pod-cidr-too-small");
	else if (c.requiredBlocks > 0n && (c.blocks - c.requiredBlocks) * 10n < c.blocks) out.push("low-headroom");
	return out;
}

function serviceReasons(a: Alloc, c: ServiceCidrPlan): FindingCode[] {
	const out = [...placementCodes(c.cidr), ...routedCodes(a, c.cidr, "service-cidr-in-vnet")];
	if (c.cidr.prefix <= (c.cidr.family === 4 ? 12 : 107)) out.push("service-cidr-too-large");
	return out;
}

/**
 * Space routed to the cluster, one per family, built once: the VNet, its subnets as they will be,
 * connected and reserved ranges, and the pod and service CIDRs that stay; each new range is
 * taken as it is chosen, so pod and service CIDRs stay clear of each other too.
 */
function routedSpace(a: Alloc, family: Family, spaces: Map<Family, Space>): Space {
	let space = spaces.get(family);
	if (!space) {
		const staying = [
			...a.plan.podCidrs.filter((c) => !a.movingPods.has(c) || keeps(a, c)).map((c) => c.cidr),
			...a.plan.serviceCidrs.filter((c) => !a.movingServices.has(c) || keeps(a, c)).map((c) => c.cidr),
		];
		const all = [
			...a.plan.vnet.map((v) => v.cidr),
			...finalSubnets(a),
			...connected(a),
			...AKS_RESERVED,
			...staying,
		];
		spaces.set(family, (space = new Space(all, family)));
	}
	return space;
}

/** Lines that write `cidr` under `single` or in `list`. */
function writtenAt(single: Loc<Cidr> | undefined, list: Loc<Cidr>[] | undefined, cidr: Cidr): number[] {
	return [single, ...(list ?? [])].filter((l) => l?.value.text === cidr.text).map((l) => l?.line ?? 0);
}

function edits(lines: number[], from: Cidr, to: Cidr, insert: "podCidr" | "serviceCidr" | null): ValueEdit[] {
	if (lines.length === 0) return insert ? [{ kind: "insert", key: insert, to: to.text }] : [];
	return lines.map((line) => ({ kind: "replace", line, from: from.text, to: to.text }));
}

/**
 * A cluster-private range that overlaps a range routed to the cluster from another note: the
 * registry reports it (range-overlap across notes), not the block's plan.
 */
function routedElsewhere(a: Alloc, c: PodCidrPlan | ServiceCidrPlan): boolean {
	const clash = a.context.routed.length > 0 && overlapsAny(c.cidr, a.context.routed);
	if (clash) a.estate.add(c);
	return clash;
}

/** Can the allocator write a pod or service CIDR the spec left to AKS's default? */
function insertable(a: Alloc, key: "podCidr" | "serviceCidr", family: Family): boolean {
	const list = key === "podCidr" ? "podCidrs" : "serviceCidrs";
	return family === 4 && a.spec[list] === undefined && !a.spec.invalid.has(key) && !a.spec.invalid.has(list);
}

/**
 * Decides which pod and service CIDRs move (fix mode: a finding names them and they clash with
 * the VNet, its subnets, connected or reserved ranges, or each other), or are written down (fill
 * mode: AKS's default, not written in the spec).
 */
export function decideRanges(a: Alloc): void {
	const pods = a.plan.model === "azure-cni-overlay" || a.plan.model === "kubenet" ? a.plan.podCidrs : [];
	if (a.mode === "fill") {
		for (const c of pods) if (c.defaulted && insertable(a, "podCidr", c.cidr.family)) a.movingPods.add(c);
		for (const c of a.plan.serviceCidrs)
			if (c.defaulted && insertable(a, "serviceCidr", c.cidr.family)) a.movingServices.add(c);
		return;
	}
	for (const c of pods)
		if (routedElsewhere(a, c) || (podReasons(a, c).length > 0 && reported(a, POD_CODES, c.cidr.text)))
			a.movingPods.add(c);
	for (const c of a.plan.serviceCidrs)
		if (
			routedElsewhere(a, c) ||
			(serviceReasons(a, c).length > 0 && reported(a, SERVICE_CODES, `service CIDR ${c.cidr.text}`))
		)
			a.movingServices.add(c);
	// A pod CIDR and a service CIDR that overlap: the service CIDR moves (nothing outside uses it).
	for (const p of pods)
		for (const s of a.plan.serviceCidrs)
			if (!a.movingPods.has(p) && !a.movingServices.has(s) && overlaps(p.cidr, s.cidr)) {
				if (reported(a, ["range-overlap"], `service CIDR ${s.cidr.text}`)) a.movingServices.add(s);
			}
	// A spec that asks for its node subnet (a VNet and pools) gets every range written down.
	if (!a.wanted.some((w) => w.pools !== undefined)) return;
	for (const c of pods)
		if (!a.movingPods.has(c) && c.defaulted && insertable(a, "podCidr", c.cidr.family)) {
			a.movingPods.add(c);
			a.fills.add(c);
		}
	for (const c of a.plan.serviceCidrs)
		if (!a.movingServices.has(c) && c.defaulted && insertable(a, "serviceCidr", c.cidr.family)) {
			a.movingServices.add(c);
			a.fills.add(c);
		}
}

/** A default written down as it is: it collides with nothing, so it keeps its range. */
function keeps(a: Alloc, c: PodCidrPlan | ServiceCidrPlan): boolean {
	if (a.mode !== "fill" && !a.fills.has(c)) return false;
	return "blockPrefix" in c ? podReasons(a, c).length === 0 : serviceReasons(a, c).length === 0;
}

/** Gives every moving pod CIDR, then every moving service CIDR, its new range. */
export function placeRanges(a: Alloc): void {
	const spaces = new Map<Family, Space>();
	for (const c of a.movingPods) movePod(a, c, spaces);
	for (const c of a.movingServices) moveService(a, c, spaces);
}

function movePod(a: Alloc, c: PodCidrPlan, spaces: Map<Family, Space>): void {
	const fix = a.mode === "fix" && !a.fills.has(c);
	const family = c.cidr.family;
	const lines = c.defaulted ? [] : writtenAt(a.spec.podCidr, a.spec.podCidrs, c.cidr);
	if (lines.length === 0 && !insertable(a, "podCidr", family)) return;
	// At least AKS's default size (/16; /64 for IPv6): a pod CIDR cannot shrink, and growing it is a preview.
	const prefix = Math.min(podPrefix(c), c.cidr.prefix, family === 4 ? 16 : 64);
	const space = routedSpace(a, family, spaces);
	const to = keeps(a, c)
		? c.cidr
		: chooseIn(space, prefix, family, family === 4 ? DEFAULTS.podCidr : DEFAULTS.podCidrV6);
	if (!to) return;
	space.take(to);
	a.movedPods.set(c, to);
	const blocks = 1n << BigInt(c.blockPrefix - to.prefix);
	a.proposals.push({
		kind: fix ? "fix" : "fill",
		codes: fix ? POD_CODES : [],
		subjects: [`Pod CIDR ${c.cidr.text}`],
		line: c.line,
		from: c.defaulted ? null : c.cidr.text,
		to: to.text,
		why: `${to.text} is private, clear of every routed range, and holds ${groupDigits(c.requiredBlocks)} /${c.blockPrefix} node blocks with ${leftPercent(blocks - c.requiredBlocks, blocks)} left`,
		edits: edits(lines, c.cidr, to, "podCidr"),
		auto: true,
		active: a.estate.has(c),
	});
}

function moveService(a: Alloc, c: ServiceCidrPlan, spaces: Map<Family, Space>): void {
	const fix = a.mode === "fix" && !a.fills.has(c);
	const family = c.cidr.family;
	const lines = c.defaulted ? [] : writtenAt(a.spec.serviceCidr, a.spec.serviceCidrs, c.cidr);
	if (lines.length === 0 && !insertable(a, "serviceCidr", family)) return;
	const prefix = family === 4 ? (c.cidr.prefix <= 12 ? 16 : c.cidr.prefix) : Math.max(c.cidr.prefix, 108);
	const space = routedSpace(a, family, spaces);
	const to = keeps(a, c)
		? c.cidr
		: chooseIn(space, prefix, family, family === 4 ? DEFAULTS.serviceCidr : DEFAULTS.serviceCidrV6);
	if (!to) return;
	space.take(to);
	a.movedServices.set(c, to);
	const all = edits(lines, c.cidr, to, "serviceCidr");
	let dnsText = "";
	if (family === 4 && to.start + 10n <= to.end) {
		const dns = formatAddress(4, to.start + 10n);
		dnsText = `; DNS service IP ${dns}`;
		const written = a.spec.dnsServiceIp;
		if (written) all.push({ kind: "replace", line: written.line, from: written.value.text, to: dns });
		else if (!fix && !a.spec.invalid.has("dnsServiceIp"))
			all.push({ kind: "insert", key: "dnsServiceIp", to: dns });
	}
	a.proposals.push({
		kind: fix ? "fix" : "fill",
		codes: fix ? SERVICE_CODES : [],
		subjects: [
			`service CIDR ${c.cidr.text}`,
			...(a.spec.dnsServiceIp ? [`DNS service IP ${a.spec.dnsServiceIp.value.text}`] : []),
		],
		line: c.line,
		from: c.defaulted ? null : c.cidr.text,
		to: to.text,
		why: `${to.text} is private and clear of every routed range and of the pod CIDR${dnsText}`,
		edits: all,
		auto: true,
		active: a.estate.has(c),
	});
}
