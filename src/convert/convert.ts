/**
 * `az aks show` output (JSON, or YAML of the same shape) → an `aks-ip` block holding the fields
 * the planner reads. Pure: no Obsidian import, so the command line can reuse it.
 *
 * Subnets appear in `az aks show` only as resource IDs, which carry no address prefix: each one
 * becomes a name under `subnets:` with an empty value and a comment asking for its CIDR. Keys it
 * does not use (top level and networkProfile) are listed in a comment at the end of the block.
 */
import { errorText } from "../core/text";
import { isCollection, parseDocument, visit } from "yaml";
import { closesFence, openingFence } from "../note/fences";

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

type Obj = Record<string, unknown>;

const COMMENT_COLUMN = 32;
const WRAP = 100;
/** A subnet resource ID: …/virtualNetworks/VNET/subnets/NAME. */
const SUBNET_ID = /\/virtualNetworks\/([^/]+)\/subnets\/([^/]+)\/?$/i;
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/%-]*$/;
/** Plain text that YAML would read as something other than a string. */
const NOT_PLAIN =
	/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i;

function isObj(v: unknown): v is Obj {
	return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Carries information: not null, not empty, not a list or map of nothing but such values. */
function present(v: unknown): boolean {
	if (v === null || v === undefined || v === "") return false;
	if (Array.isArray(v)) return v.some(present);
	if (isObj(v)) return Object.values(v).some(present);
	return true;
}

function strings(v: unknown): string[] {
	return Array.isArray(v)
		? v.filter((s): s is string => typeof s === "string" && s.trim() !== "").map((s) => s.trim())
		: [];
}

/** A YAML scalar: plain when that reads back as the same string, JSON-quoted otherwise. */
function scalar(v: string | number): string {
	if (typeof v === "number") return String(v);
	return PLAIN.test(v) && !NOT_PLAIN.test(v) ? v : JSON.stringify(v);
}

/** A map read by case-insensitive key, remembering which keys were used. */
class Fields {
	private readonly used = new Set<string>();

	constructor(private readonly obj: Obj) {}

	/** The value of `name`; the key counts as used when `accept` takes the value. */
	private take<T>(name: string, accept: (v: unknown) => T | undefined): T | undefined {
		const lower = name.toLowerCase();
		const key = Object.keys(this.obj).find((k) => k.toLowerCase() === lower);
		if (key === undefined) return undefined;
		const value = accept(this.obj[key]);
		if (value !== undefined) this.used.add(key);
		return value;
	}

	get(name: string): unknown {
		return this.take(name, (v) => v);
	}

	str(name: string): string | undefined {
		return this.take(name, (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined));
	}

	bool(name: string): boolean | undefined {
		return this.take(name, (v) => (typeof v === "boolean" ? v : undefined));
	}

	int(name: string): number | undefined {
		return this.take(name, (v) => (typeof v === "number" && Number.isInteger(v) ? v : undefined));
	}

	map(name: string): Fields | undefined {
		return this.take(name, (v) => (isObj(v) ? new Fields(v) : undefined));
	}

	/** Keys with information that were never read, prefixed with `path`. */
	unused(path: string): string[] {
		return Object.keys(this.obj)
			.filter((k) => !this.used.has(k) && present(this.obj[k]))
			.map((k) => `${path}${k}`);
	}
}

class Lines {
	readonly out: string[] = [];

	add(indent: number, text: string, comment?: string): void {
		const line = " ".repeat(indent) + text;
		if (!comment) this.out.push(line);
		else this.out.push(`${line.length < COMMENT_COLUMN ? line.padEnd(COMMENT_COLUMN) : `${line}  `}# ${comment}`);
	}

	/** A comment listing `items` after `lead`, wrapped under WRAP columns. */
	list(lead: string, items: string[]): void {
		let line = `# ${lead}`;
		items.forEach((item, i) => {
			const word = `${item}${i < items.length - 1 ? "," : ""}`;
			if (line.length + 1 + word.length > WRAP && !line.endsWith(":")) {
				this.out.push(line);
				line = "#  ";
			}
			line += ` ${word}`;
		});
		this.out.push(line);
	}
}

/** Removes a code fence wrapped around the whole text, if there is one. */
function unfence(text: string): string {
	const lines = text.replace(/\r\n/g, "\n").trim().split("\n");
	const open = openingFence(lines[0] ?? "");
	if (lines.length < 2 || !open || !closesFence(lines[lines.length - 1] ?? "", open)) return text;
	return lines.slice(1, -1).join("\n");
}

function read(text: string): unknown {
	const source = unfence(text).trim();
	if (source === "") throw new Error("The selection is empty.");
	try {
		return JSON.parse(source) as unknown;
	} catch {
		// Not JSON: YAML (a superset) reads it, or says why not.
	}
	const doc = parseDocument(source, { uniqueKeys: false, schema: "core", resolveKnownTags: false });
	const error = doc.errors[0];
	if (error)
		throw new Error(
			`The selection is neither JSON nor YAML: ${(error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}.`,
		);
	let collectionKey = false;
	visit(doc, { Pair: (_, pair) => void (collectionKey ||= isCollection(pair.key)) });
	if (collectionKey) throw new Error("The selection cannot be read: a list or map used as a key is not supported.");
	try {
		return doc.toJS({ maxAliasCount: 100 }) as unknown;
	} catch (e) {
		const message = errorText(e);
		throw new Error(`The selection cannot be read: ${message.charAt(0).toLowerCase()}${message.slice(1)}`);
	}
}

/** Converts `az aks show` output; never throws. */
export function convertAzAksShow(text: string): ConvertResult {
	let data: unknown;
	try {
		data = read(text);
	} catch (e) {
		return { ok: false, error: errorText(e) };
	}
	if (!isObj(data))
		return {
			ok: false,
			error: "The selection is not a JSON or YAML object: select the whole output of az aks show.",
		};
	const root = new Fields(data);
	const props = root.map("properties");
	const top = (name: string): unknown => {
		const v = root.get(name);
		return v === undefined || v === null ? props?.get(name) : v;
	};
	const profileValue = top("networkProfile");
	const poolsValue = top("agentPoolProfiles");
	if (!isObj(profileValue) && !Array.isArray(poolsValue)) {
		return {
			ok: false,
			error: "The selection has no network profile and no agent pool profiles: it does not look like the output of az aks show.",
		};
	}
	return build(
		root,
		props,
		isObj(profileValue) ? new Fields(profileValue) : undefined,
		Array.isArray(poolsValue) ? poolsValue.filter(isObj) : [],
	);
}

/** What the steps of build() share: the subnets they meet and the values they cannot use. */
interface Draft {
	/** Unusable values below the levels that `unused` lists (pool subnet IDs, outbound IP counts). */
	skipped: string[];
	subnets: Map<string, { name: string; roles: Set<string> }>;
	vnetName?: string;
}

function build(root: Fields, props: Fields | undefined, net: Fields | undefined, pools: Obj[]): Converted {
	const draft: Draft = { skipped: [], subnets: new Map() };
	const body = new Lines();
	const name = root.str("name") ?? props?.str("name");
	if (name) body.add(0, `cluster: ${scalar(name)}`);
	networkLines(body, net);
	const access = root.map("apiServerAccessProfile") ?? props?.map("apiServerAccessProfile");
	if (access) accessLines(body, access, draft);
	const lb = net?.map("loadBalancerProfile");
	if (lb) loadBalancerLines(body, lb, draft);
	const ranges = rangeLines(net);
	const poolLines = new Lines();
	pools.forEach((raw, i) => poolEntry(poolLines, new Fields(raw), i, draft));
	const { out, hole } = assemble(draft, body, ranges, poolLines);
	const rest = [
		...root.unused(""),
		...(props?.unused("properties.") ?? []),
		...(net?.unused("networkProfile.") ?? []),
		...(lb?.unused("networkProfile.loadBalancerProfile.") ?? []),
		...draft.skipped,
	];
	const tail = new Lines();
	if (rest.length > 0) tail.list("Not mapped from az aks show:", rest);
	return {
		ok: true,
		block: ["```aks-ip", ...out, ...tail.out, "```"].join("\n"),
		subnets: [...draft.subnets.values()].map((s) => s.name),
		unmapped: rest,
		hole,
	};
}

/** networkProfile's plugin, data plane, policy, IP families and outbound type. */
function networkLines(body: Lines, net: Fields | undefined): void {
	for (const key of ["networkPlugin", "networkPluginMode", "networkDataplane", "networkPolicy"]) {
		const v = net?.str(key);
		if (v) body.add(0, `${key}: ${scalar(v)}`);
	}
	const families = strings(net?.get("ipFamilies"));
	if (families.length > 0) body.add(0, `ipFamilies: [${families.map((f) => scalar(f)).join(", ")}]`);
	const outbound = net?.str("outboundType");
	if (outbound) body.add(0, `outboundType: ${scalar(outbound)}`);
}

/** apiServerAccessProfile: a private cluster, and API server VNet integration (its endpoint then in the API server subnet). */
function accessLines(body: Lines, access: Fields, draft: Draft): void {
	const integrated = access.bool("enableVnetIntegration") === true;
	if (access.bool("enablePrivateCluster") === true)
		body.add(
			0,
			"privateCluster: true",
			integrated ? "its endpoint is in the API server subnet" : "its API server endpoint takes 1 node-subnet IP",
		);
	if (integrated) body.add(0, "apiServerVnetIntegration: true", "the API server subnet takes 9 IPs per cluster");
	draft.skipped.push(...access.unused("apiServerAccessProfile."));
}

/** loadBalancerProfile: outbound IPs (managed, else your own) and SNAT ports per node. */
function loadBalancerLines(body: Lines, lb: Fields, draft: Draft): void {
	const managedIps = lb.map("managedOutboundIPs");
	const managed = managedIps?.int("count");
	if (managedIps) draft.skipped.push(...managedIps.unused("networkProfile.loadBalancerProfile.managedOutboundIPs."));
	const own = lb.map("outboundIPs")?.get("publicIPs");
	if (managed !== undefined) body.add(0, `outboundIps: ${managed}`, "managed outbound public IPs");
	else if (Array.isArray(own) && own.length > 0)
		body.add(0, `outboundIps: ${own.length}`, "your own outbound public IPs");
	const ports = lb.int("allocatedOutboundPorts");
	if (ports !== undefined)
		body.add(
			0,
			`allocatedOutboundPorts: ${ports}`,
			ports === 0 ? "0: automatic allocation" : "SNAT ports per node",
		);
}

/** Pod and service ranges (one, or one per IP family) and the DNS service IP. */
function rangeLines(net: Fields | undefined): Lines {
	const ranges = new Lines();
	for (const [single, list] of [
		["podCidr", "podCidrs"],
		["serviceCidr", "serviceCidrs"],
	] as const) {
		const one = net?.str(single);
		const all = strings(net?.get(list));
		if (all.length > 1)
			ranges.add(0, `${list}: [${all.map((c) => scalar(c)).join(", ")}]`, "one per IP family, IPv4 first");
		else if (one ?? all[0]) ranges.add(0, `${single}: ${scalar(one ?? all[0] ?? "")}`);
	}
	const dns = net?.str("dnsServiceIp");
	if (dns) ranges.add(0, `dnsServiceIp: ${scalar(dns)}`);
	return ranges;
}

/** A subnet resource ID as the name the block refers to it by; the subnet joins `draft.subnets`. */
function subnetRef(draft: Draft, id: unknown, role: string, path: string): string | undefined {
	if (typeof id !== "string" || id.trim() === "") return undefined;
	const m = SUBNET_ID.exec(id.trim());
	if (!m?.[1] || !m[2]) {
		draft.skipped.push(path);
		return undefined;
	}
	draft.vnetName ??= m[1];
	const key = m[2].toLowerCase();
	const entry = draft.subnets.get(key) ?? { name: m[2], roles: new Set<string>() };
	entry.roles.add(role);
	draft.subnets.set(key, entry);
	// A name made of digits and dots would read as an address: refer by resource ID then.
	return scalar(/^[\d.]+$/.test(m[2]) ? id.trim() : m[2]);
}

/** One pool of agentPoolProfiles as an item of agentPools. */
function poolEntry(lines: Lines, p: Fields, i: number, draft: Draft): void {
	const poolName = p.str("name") ?? `nodepool${i + 1}`;
	const where = `agentPoolProfiles[${scalar(poolName)}]`;
	lines.add(2, `- name: ${scalar(poolName)}`);
	const mode = p.str("mode");
	if (mode) lines.add(4, `mode: ${scalar(mode)}`);
	const count = p.int("count");
	if (count !== undefined) lines.add(4, `count: ${count}`);
	if (p.get("enableAutoScaling") === true) {
		const min = p.int("minCount");
		const max = p.int("maxCount");
		if (min !== undefined) lines.add(4, `minCount: ${min}`);
		if (max !== undefined) lines.add(4, `maxCount: ${max}`, "the autoscaler ceiling sizes the plan");
	}
	const maxPods = p.int("maxPods");
	if (maxPods !== undefined) lines.add(4, `maxPods: ${maxPods}`);
	const os = p.str("osType");
	if (os) lines.add(4, `osType: ${scalar(os)}`);
	for (const key of ["maxSurge", "maxUnavailable"]) {
		const v = p.map("upgradeSettings")?.get(key);
		const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
		if (text !== "") lines.add(4, `${key}: ${/^\d+$/.test(text) ? text : scalar(text)}`);
	}
	const alloc = p.str("podIpAllocationMode");
	if (alloc) lines.add(4, `podIpAllocationMode: ${scalar(alloc)}`);
	const node = subnetRef(draft, p.get("vnetSubnetId"), "node", `${where}.vnetSubnetId`);
	if (node) lines.add(4, `nodeSubnet: ${node}`);
	const pod = subnetRef(draft, p.get("podSubnetId"), "pod", `${where}.podSubnetId`);
	if (pod) lines.add(4, `podSubnet: ${pod}`);
}

/** The block's lines in order: the heading comment, keys, ranges, subnets to fill in, pools. */
function assemble(draft: Draft, body: Lines, ranges: Lines, pools: Lines): { out: string[]; hole: Converted["hole"] } {
	const { subnets } = draft;
	const head = ["# Converted from az aks show."];
	if (subnets.size > 0) {
		head.push("# It names subnets only by resource ID: fill in each subnet's CIDR under subnets, from");
		head.push("# az network vnet subnet show --ids <subnet ID> --query addressPrefix.");
		ranges.add(0, "# vnet:", `the address space of VNet ${draft.vnetName ?? "?"}, not in az aks show`);
	}
	const out = [...head, ...body.out, ...ranges.out];
	let hole: Converted["hole"] = null;
	if (subnets.size > 0) {
		out.push("subnets:");
		for (const s of subnets.values()) {
			const key = `  ${scalar(s.name)}: `;
			hole ??= { line: out.length + 1, ch: key.length };
			out.push(`${key.padEnd(COMMENT_COLUMN)}# CIDR? ${[...s.roles].join(" and ")} subnet`);
		}
	}
	if (pools.out.length > 0) out.push("agentPools:", ...pools.out);
	return { out, hole };
}
