/**
 * The cluster after the move: a pod CIDR for the overlay, clear of everything routed to the
 * cluster, and the target block, written from the plan (every range explicit, each pool keeping
 * its maxPods, which cannot change once a pool exists). A VNet or peer linked to a network note
 * stays a link, and the subnets taken from that network are named, not copied.
 */
import { choosePrivateRange } from "../../allocate/private";
import { overlaps, type Cidr, type Range } from "../../net/address";
import type { Spec, Surge } from "../../parse/types";
import { DEFAULTS } from "../resolve";
import type { PlanResult, SubnetPlan } from "../types";

/** Everything the overlay's pod CIDR must stay clear of: the VNet, its subnets, the service CIDR, peered ranges. */
export function routedRanges(plan: PlanResult): Range[] {
	return [
		...plan.vnet.map((v) => v.cidr),
		...plan.subnets.map((s) => s.cidr),
		...plan.serviceCidrs.map((c) => c.cidr),
		...plan.peered.map((p) => p.cidr),
	].filter((r) => r.family === 4);
}

export interface PodCidrProposal {
	cidr: Cidr;
	/** True when kubenet's own pod CIDR is kept. */
	kept: boolean;
	/** Node blocks wanted: twice today's nodes at full scale, at least a /16's 256. */
	wanted: number;
}

/**
 * A pod CIDR of at least a /16, with room for twice today's nodes at full scale: kubenet's own
 * when it is clear and large enough (the move may keep it), else AKS's default 10.244.0.0/16 when
 * free, else the first free private block (the allocator's choice). `estate`: the ranges the
 * registry routes to the cluster from other notes (a peered hub, on-premises).
 */
export function proposePodCidr(plan: PlanResult, estate: readonly Range[] = []): PodCidrProposal | null {
	const wanted = Math.max(256, 2 * plan.nodesAtFullScale);
	let prefix = 16;
	while (prefix > 8 && 2 ** (24 - prefix) < wanted) prefix--;
	const avoid = [...routedRanges(plan), ...estate.filter((r) => r.family === 4)];
	const current = plan.model === "kubenet" ? plan.podCidrs.find((c) => c.cidr.family === 4) : undefined;
	if (current && current.cidr.prefix <= prefix && !avoid.some((r) => overlaps(r, current.cidr)))
		return { cidr: current.cidr, kept: true, wanted };
	const cidr = choosePrivateRange(prefix, avoid, { prefer: DEFAULTS.podCidr });
	return cidr ? { cidr, kept: false, wanted } : null;
}

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const NOT_TEXT = /^(?:true|false|yes|no|on|off|null|~|[-+.\d][\d.e+-]*|0x[\da-f]+|0o[0-7]+)$/i;

/** A YAML scalar that reads back as the same text. */
function text(value: string): string {
	return PLAIN.test(value) && !NOT_TEXT.test(value) ? value : JSON.stringify(value);
}

type Field = [key: string, value: string | number | false | null | undefined];

/** `key: value` for each field with a value. */
function fields(list: Field[]): string[] {
	return list.filter(([, v]) => v !== undefined && v !== null && v !== false).map(([k, v]) => `${k}: ${v}`);
}

function surge(s: Surge | undefined): string | undefined {
	return s && (s.kind === "percent" ? `"${s.value}%"` : String(s.value));
}

/** How the target names a subnet: by its name when the spec declared one, else by CIDR. */
function subnetRef(s: SubnetPlan | null): string | undefined {
	if (!s || s.defaulted) return undefined;
	return s.name !== null ? text(s.name) : s.cidr.text;
}

/**
 * A pool's node subnet: the one it resolved to, else, in a linked network whose note is not
 * known here, the name the spec gives (that network's subnet, checked where the note is known).
 */
function nodeSubnetRef(plan: PlanResult, spec: Spec, i: number): string | undefined {
	const resolved = subnetRef(plan.pools[i]?.nodeSubnet ?? null);
	if (resolved !== undefined || !plan.links.vnet) return resolved;
	const ref = spec.pools[i]?.nodeSubnet ?? spec.nodeSubnet;
	return ref && ref.kind !== "cidr" ? text(ref.kind === "id" ? ref.id : ref.name) : undefined;
}

function poolLines(plan: PlanResult, spec: Spec): string[] {
	const out = ["agentPools:                     # maxPods unchanged: it is fixed per pool"];
	plan.pools.forEach((p, i) => {
		const given = spec.pools[i];
		out.push(`  - name: ${text(p.name)}`);
		const list = fields([
			["mode", given?.mode?.value],
			["count", p.count],
			["minCount", p.minCount],
			["maxCount", p.maxCount],
			["maxPods", p.maxPods],
			["maxSurge", surge(given?.maxSurge?.value)],
			["osType", p.osType === "Windows" && "Windows"],
			["nodeSubnet", nodeSubnetRef(plan, spec, i)],
		]);
		out.push(...list.map((l) => `    ${l}`));
	});
	return out;
}

function section(title: string, items: string[]): string[] {
	return items.length > 0 ? [`${title}:`, ...items] : [];
}

/** A link to a note, as a YAML scalar: `"[[Note]]"`. */
function linkText(inner: string): string {
	return JSON.stringify(`[[${inner}]]`);
}

/** `peered`: named CIDRs, and the links to other networks' notes (named by their note when unnamed). */
function peeredLines(plan: PlanResult): string[] {
	const used = new Set(plan.peered.map((p) => p.name.toLowerCase()));
	const unique = (name: string): string => {
		let out = name;
		for (let n = 2; used.has(out.toLowerCase()); n++) out = `${name} ${n}`;
		used.add(out.toLowerCase());
		return out;
	};
	return [
		...plan.peered.map((p) => `  ${text(p.name)}: ${p.cidr.text}`),
		...plan.links.peered.map((p) => `  ${text(unique(p.name || p.link.path))}: ${linkText(p.link.text)}`),
	];
}

function networkLines(plan: PlanResult): string[] {
	// Subnets of a linked network (`from`) are declared in its note: the pools name them.
	const subnets = plan.subnets.filter(
		(s) => s.name !== null && !s.defaulted && s.from === undefined && s.cidr.family === 4,
	);
	const flow = (list: Field[]) => `{ ${fields(list).join(", ")} }`;
	return [
		...section(
			"subnets",
			subnets.map((s) => {
				const extra = s.extras.find((e) => e.what.endsWith("(extraIps)"))?.count;
				return `  ${text(s.name ?? "")}: ${flow([
					["cidr", s.cidr.text],
					["purpose", s.purpose !== "other" && s.purpose],
					["extraIps", extra],
				])}`;
			}),
		),
		...section(
			"loadBalancers",
			plan.loadBalancers.map(
				(lb) =>
					`  - ${flow([
						["name", text(lb.name)],
						["type", lb.type],
						["ip", lb.ip?.text],
						["subnet", lb.type === "internal" && subnetRef(lb.subnet)],
						["privateLinkIps", lb.privateLinkIps || null],
					])}`,
			),
		),
		...section("peered", peeredLines(plan)),
	];
}

function headLines(plan: PlanResult, spec: Spec, podCidr: Cidr): string[] {
	const vnet = plan.links.vnet
		? [linkText(plan.links.vnet.text)]
		: plan.vnet.filter((v) => !v.defaulted).map((v) => v.cidr.text);
	const service = plan.serviceCidrs.find((c) => c.cidr.family === 4);
	return fields([
		["cluster", !plan.clusterDefaulted && text(plan.cluster)],
		["networkPlugin", `azure           # was ${plan.model === "kubenet" ? "kubenet" : "Azure CNI node subnet"}`],
		["networkPluginMode", "overlay"],
		["networkDataplane", plan.dataplane === "cilium" && "cilium"],
		["kubernetesVersion", spec.kubernetesVersion && `"${spec.kubernetesVersion.value.text}"`],
		["outboundType", spec.outboundType?.value],
		["outboundIps", spec.outboundIps?.value],
		["allocatedOutboundPorts", spec.allocatedOutboundPorts?.value],
		["privateCluster", spec.privateCluster?.value === true && "true"],
		["vnet", vnet.length > 1 ? `[${vnet.join(", ")}]` : vnet[0]],
		["podCidr", podCidr.text],
		["serviceCidr", service?.cidr.text],
		["dnsServiceIp", service?.dnsServiceIp?.text],
		["maxSurge", surge(spec.maxSurge?.value)],
	]);
}

/** The target block's body: the plan after the move, in the spec language. */
export function targetBody(plan: PlanResult, spec: Spec, podCidr: Cidr): string {
	const ignore = spec.ignore.map((i) => i.value).filter((c) => c !== "kubenet-retirement" && c !== "move-to-overlay");
	const lines = [...headLines(plan, spec, podCidr), ...poolLines(plan, spec), ...networkLines(plan)];
	if (ignore.length > 0) lines.push(`ignore: [${ignore.join(", ")}]`);
	return `${lines.join("\n")}\n`;
}
