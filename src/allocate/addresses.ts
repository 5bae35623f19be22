/**
 * Single addresses: a static internal load-balancer IP that is taken, reserved, in the service
 * range or outside its subnet (or whose subnet moves) gets the highest free address of its
 * subnet, away from the node addresses Azure hands out from the bottom; a DNS service IP outside
 * its service range, or on a reserved address, becomes the range's .10.
 * https://learn.microsoft.com/azure/aks/internal-lb
 */
import { contains, containsAddress, formatAddress, isAzureReservedAddress, type Cidr } from "../net/address";
import { finalServices, reported, vnetSpaces, type Alloc, type Wanted } from "./state";
import type { Proposal } from "./types";

function highestFree(subnet: Cidr, taken: Set<bigint>, avoid: (v: bigint) => boolean): bigint | null {
	// Azure keeps the first four and the last address; at most a few hundred load balancers are skipped.
	for (let v = subnet.end - 1n, tries = 0; v >= subnet.start + 4n && tries < 10_000; v--, tries++)
		if (!taken.has(v) && !avoid(v)) return v;
	return null;
}

interface Target {
	cidr: Cidr;
	/** The wanted subnet it is, when it moves or is new: its fix carries the address. */
	wanted?: Wanted;
}

/** Where a load balancer's frontend will be (frontends.ts), as a range and the fix that puts it there. */
function lbTarget(a: Alloc, j: number): Target | null {
	const owner = a.lbOwners.get(j);
	if (!owner) return null;
	if ("propose" in owner) return owner.place ? { cidr: owner.place, wanted: owner } : null;
	const w = a.wanted.find((x) => x.subnet === owner && x.place);
	return w?.place ? { cidr: w.place, wanted: w } : { cidr: owner.cidr };
}

/**
 * Static load-balancer IPs. `scope`: only those of subnets placed in a new address space (no
 * room), once the others are settled.
 */
export function chooseAddresses(a: Alloc, scope?: ReadonlySet<Wanted>): void {
	const services = finalServices(a);
	const inService = (v: bigint) => services.some((s) => s.family === 4 && s.start <= v && v <= s.end);
	const taken = new Set<bigint>();
	a.plan.loadBalancers.forEach((lb, j) => {
		const ip = lb.ip;
		const spec = a.spec.loadBalancers[j];
		if (lb.type !== "internal" || !ip || !spec?.ip) return;
		const target = lbTarget(a, j);
		const moved = target?.wanted;
		if (!target || (scope && (!moved || !scope.has(moved)))) {
			taken.add(a.lbIps.get(j) ?? ip.value);
			return;
		}
		const subnet = target.cidr;
		// A subnet that moves (or is new) takes its static IPs along: its fix answers their findings.
		if (moved?.proposal) {
			moved.proposal.codes.push("lb-ip-invalid", "outside-vnet");
			moved.proposal.subjects.push(`static IP ${ip.text}`);
		}
		const bad =
			a.mode === "fix" &&
			(moved !== undefined || reported(a, ["lb-ip-invalid", "outside-vnet"], `static IP ${ip.text}`)) &&
			(!containsAddress(subnet, ip) ||
				isAzureReservedAddress(subnet, ip.value) ||
				taken.has(ip.value) ||
				(ip.family === 4 && inService(ip.value)));
		if (!bad) {
			taken.add(ip.value);
			a.lbIps.set(j, ip.value);
			return;
		}
		// A subnet outside the VNet is itself to move first: an address there would be outside too.
		const outside = a.plan.vnet.length > 0 && !vnetSpaces(a, subnet.family).some((v) => contains(v, subnet));
		if (ip.family !== subnet.family || (outside && !scope)) return;
		const free = highestFree(subnet, taken, (v) => ip.family === 4 && inService(v));
		if (free === null) return;
		taken.add(free);
		a.lbIps.set(j, free);
		const to = formatAddress(ip.family, free);
		const edit = { kind: "replace" as const, line: spec.ip.line, from: ip.text, to };
		if (moved?.proposal) {
			moved.proposal.edits.push(edit);
			return;
		}
		a.proposals.push({
			kind: "fix",
			codes: ["lb-ip-invalid", "outside-vnet"],
			subjects: [`static IP ${ip.text}`],
			line: lb.line,
			from: ip.text,
			to,
			why: `${to} is free in ${subnet.text}, at its top, away from the node addresses Azure hands out from the bottom`,
			edits: [edit],
			auto: true,
			active: false,
		});
	});
}

/** The DNS service IP: the .10 of its service range when it is outside it or on a reserved address. */
export function chooseDns(a: Alloc): void {
	const svc = a.plan.serviceCidrs.find((c) => c.cidr.family === 4);
	if (!svc || a.movedServices.has(svc) || svc.cidr.start + 10n > svc.cidr.end) return;
	const dns = formatAddress(4, svc.cidr.start + 10n);
	const written = a.spec.dnsServiceIp;
	const proposal: Proposal = {
		kind: "fix",
		codes: ["dns-ip-outside-service-cidr", "dns-ip-reserved"],
		subjects: written ? [written.value.text] : [],
		line: written?.line ?? svc.line,
		from: written?.value.text ?? null,
		to: dns,
		why: `${dns} is the .10 of ${svc.cidr.text}, the address AKS gives the cluster DNS by convention`,
		edits: [],
		auto: true,
		active: false,
	};
	if (written && a.mode === "fix") {
		const v = written.value.value;
		const ok =
			containsAddress(svc.cidr, written.value) &&
			v !== svc.cidr.start &&
			v !== svc.cidr.start + 1n &&
			v !== svc.cidr.end;
		if (ok || !reported(a, proposal.codes, written.value.text)) return;
		a.proposals.push({
			...proposal,
			edits: [{ kind: "replace", line: written.line, from: written.value.text, to: dns }],
		});
	} else if (!written && a.mode === "fill" && !a.spec.invalid.has("dnsServiceIp")) {
		a.proposals.push({
			...proposal,
			kind: "fill",
			codes: [],
			edits: [{ kind: "insert", key: "dnsServiceIp", to: dns }],
		});
	}
}
