/** A parsed spec printed back as a clean spec body, with comments where the plan needs a hand. */
import type { Cidr } from "../net/address";
import { IMPLIED_PURPOSE } from "../parse/lists";
import type { Loc, Spec, SubnetRef, Surge } from "../parse/types";

const COMMENT_COLUMN = 32;
const WRAP = 100;
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/%-]*$/;
/** Plain text that YAML would read as something other than a string. */
const NOT_PLAIN =
	/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i;

/** A YAML scalar: plain when that reads back as the same string, JSON-quoted otherwise. */
function scalar(v: string | number | boolean): string {
	if (typeof v !== "string") return String(v);
	return PLAIN.test(v) && !NOT_PLAIN.test(v) ? v : JSON.stringify(v);
}

export class Lines {
	readonly out: string[] = [];

	add(indent: number, text: string, comment?: string): void {
		const line = " ".repeat(indent) + text;
		if (!comment) this.out.push(line);
		else this.out.push(`${line.length < COMMENT_COLUMN ? line.padEnd(COMMENT_COLUMN) : `${line}  `}# ${comment}`);
	}

	/** A comment, wrapped under WRAP columns; lines after the first are indented. */
	comment(text: string): void {
		let line = "#";
		for (const word of text.split(" ").filter((w) => w !== "")) {
			if (line.length + 1 + word.length > WRAP && line.length > 3) {
				this.out.push(line);
				line = "#  ";
			}
			line += ` ${word}`;
		}
		this.out.push(line);
	}
}

type Value = string | number | undefined;

/** A value as YAML: text quoted where it must be, CIDR lists in flow style, surges as written. */
function v(x: Loc<string | number | Surge | { text: string }> | Loc<{ text: string }>[] | undefined): Value {
	if (x === undefined) return undefined;
	if (Array.isArray(x))
		return x.length === 1
			? v(x[0])
			: x.length > 1
				? `[${x.map((c) => scalar(c.value.text)).join(", ")}]`
				: undefined;
	const value = x.value;
	if (typeof value === "string" || typeof value === "number") return scalar(value);
	if ("text" in value) return scalar(value.text);
	return value.kind === "percent" ? `${value.value}%` : value.value;
}

/** Subnets known only by resource ID (or by a name not under subnets), with the roles they play. */
export type Holes = Map<string, { name: string; roles: Set<string> }>;

/** How a subnet reference is written: a CIDR, or a subnet name (a resource ID becomes its name). */
function ref(spec: Spec, r: SubnetRef | undefined, role: string, holes: Holes): Value {
	if (!r) return undefined;
	if (r.kind === "cidr") return scalar(r.cidr.text);
	const key = r.name.toLowerCase();
	if (!spec.subnets.some((s) => s.name.toLowerCase() === key)) {
		const hole = holes.get(key) ?? { name: r.name, roles: new Set<string>() };
		holes.set(key, hole.roles.add(role) && hole);
	}
	// A name made of digits and dots would read as an address: refer by resource ID then.
	return scalar(r.kind === "id" && /^[\d.]+$/.test(r.name) ? r.id : r.name);
}

/** Writes `key: value` rows with their comments; an unknown key is written empty, to fill in. */
function rows(b: Lines, indent: number, list: [string, Value, string?][], unknown = new Set<string>()): void {
	for (const [key, value, comment] of list) {
		if (value !== undefined) b.add(indent, `${key}: ${value}`, comment);
		else if (unknown.has(key)) b.add(indent, `${key}:`, "unknown: fill in (see above)");
	}
}

const PER_FAMILY = "one per IP family, IPv4 first";

/** The cluster-wide keys, in the order a reader expects them. */
export function printTop(spec: Spec, unknown: Set<string>): Lines {
	const b = new Lines();
	const ports = spec.allocatedOutboundPorts?.value;
	const pods = (spec.podCidrs?.length ?? 0) > 1;
	const services = (spec.serviceCidrs?.length ?? 0) > 1;
	const families = spec.ipFamilies && `[${spec.ipFamilies.value.map((f) => `IPv${f}`).join(", ")}]`;
	rows(
		b,
		0,
		[
			["cluster", v(spec.cluster)],
			["kubernetesVersion", spec.kubernetesVersion && scalar(spec.kubernetesVersion.value.text)],
			["networkPlugin", v(spec.networkPlugin)],
			["networkPluginMode", v(spec.networkPluginMode)],
			["networkDataplane", v(spec.networkDataplane)],
			["networkPolicy", v(spec.networkPolicy)],
			["ipFamilies", families],
			["outboundType", v(spec.outboundType)],
			[
				"privateCluster",
				spec.privateCluster?.value ? "true" : undefined,
				spec.apiServerVnetIntegration?.value
					? "its endpoint is in the API server subnet"
					: "its API server endpoint takes 1 node-subnet IP",
			],
			[
				"apiServerVnetIntegration",
				spec.apiServerVnetIntegration?.value ? "true" : undefined,
				"the API server subnet takes 9 IPs per cluster",
			],
			["outboundIps", v(spec.outboundIps), "outbound public IPs"],
			[
				"allocatedOutboundPorts",
				v(spec.allocatedOutboundPorts),
				ports ? "SNAT ports per node" : "0: automatic allocation",
			],
			pods ? ["podCidrs", v(spec.podCidrs), PER_FAMILY] : ["podCidr", v(spec.podCidr) ?? v(spec.podCidrs)],
			services
				? ["serviceCidrs", v(spec.serviceCidrs), PER_FAMILY]
				: ["serviceCidr", v(spec.serviceCidr) ?? v(spec.serviceCidrs)],
			["dnsServiceIp", v(spec.dnsServiceIp)],
			["podIpAllocationMode", v(spec.podIpAllocationMode)],
			["maxPods", v(spec.maxPods)],
			["maxSurge", v(spec.maxSurge)],
			["maxUnavailable", v(spec.maxUnavailable)],
			["vnet", v(spec.vnet)],
		],
		unknown,
	);
	return b;
}

export function printPools(spec: Spec, holes: Holes): Lines {
	const b = new Lines();
	if (spec.pools.every((p) => p.assumed)) return b;
	b.add(0, "agentPools:");
	for (const p of spec.pools) {
		b.add(2, `- name: ${scalar(p.name.value)}`);
		rows(b, 4, [
			["mode", v(p.mode)],
			["count", v(p.count)],
			// The autoscaler's bounds, when it is on (maxCount is dropped when enableAutoScaling is false).
			["minCount", p.maxCount && v(p.minCount)],
			["maxCount", v(p.maxCount), "the autoscaler ceiling sizes the plan"],
			["maxPods", v(p.maxPods)],
			["osType", v(p.osType)],
			["maxSurge", v(p.maxSurge)],
			["maxUnavailable", v(p.maxUnavailable)],
			["podIpAllocationMode", v(p.podIpAllocationMode)],
			["nodeSubnet", ref(spec, p.nodeSubnet, "node", holes)],
			["podSubnet", ref(spec, p.podSubnet, "pod", holes)],
		]);
	}
	return b;
}

/** `subnets`, the CIDRs to fill in last. */
export function printSubnets(spec: Spec, holes: Holes, b: Lines): void {
	if (spec.subnets.length + holes.size === 0) return;
	b.add(0, "subnets:");
	for (const s of spec.subnets) {
		if (!s.cidr) continue;
		const extras = [];
		if (s.purpose !== IMPLIED_PURPOSE[s.name.toLowerCase()] && s.purpose !== "other")
			extras.push(`purpose: ${s.purpose}`);
		if (s.extraIps) extras.push(`extraIps: ${s.extraIps.value}`);
		const cidr = scalar(s.cidr.text);
		const value = extras.length > 0 ? `{ cidr: ${cidr}, ${extras.join(", ")} }` : cidr;
		b.add(2, `${scalar(s.name)}: ${value}`, s.extraIps && "IP configurations in use now");
	}
	for (const s of spec.subnets) if (!s.cidr) b.add(2, `${scalar(s.name)}:`, "CIDR? unknown in the source");
	for (const h of holes.values()) b.add(2, `${scalar(h.name)}:`, `CIDR? ${[...h.roles].join(" and ")} subnet`);
}

export function printPeered(spec: Spec): Lines {
	const b = new Lines();
	const byName = new Map<string, Loc<Cidr>[]>();
	for (const p of spec.peered) byName.set(p.name, [...(byName.get(p.name) ?? []), { value: p.cidr, line: p.line }]);
	if (byName.size > 0) b.add(0, "peered:");
	rows(
		b,
		2,
		[...byName].map(([name, cidrs]) => [scalar(name), v(cidrs)]),
	);
	return b;
}
