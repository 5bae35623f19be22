// Random broken specs for the allocator's property tests: subnets too small, overlapping, outside
// the VNet or missing; pod and service ranges that collide or are the wrong size; static IPs taken
// or outside their subnet; IPv4 and dual-stack; with and without a registry context; values
// plain, quoted and commented, so edits must keep the text around them.
import fc from "fast-check";
import type { AllocContext } from "../../src/allocate/types";
import { formatAddress, makeCidr, overlaps, parseCidr, type Cidr } from "../../src/net/address";

export type Model = "overlay" | "nodesubnet" | "dynamic" | "static" | "kubenet";

export interface Broken {
	/** A bare spec, or a note holding the spec in an aks-ip block (fenceLine > 0). */
	text: string;
	fenceLine: number;
	context: AllocContext;
	/** The VNet is a /16 and the demand small: every subnet must find a place. */
	roomy: boolean;
	model: Model;
}

function c(text: string): Cidr {
	const r = parseCidr(text);
	if (!r.ok) throw new Error(text);
	return r.value;
}

const subnetGen = fc.record({
	kind: fc.constantFrom("missing", "in", "in", "in", "outside"),
	prefix: fc.integer({ min: 20, max: 30 }),
	slot: fc.nat(),
});

const poolGen = fc.record({
	count: fc.integer({ min: 0, max: 30 }),
	extra: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
	maxPods: fc.option(fc.integer({ min: 10, max: 110 }), { nil: undefined }),
	own: fc.option(subnetGen, { nil: undefined, freq: 3 }),
});

export const brokenSpec: fc.Arbitrary<Broken> = fc
	.record({
		model: fc.constantFrom<Model>("overlay", "overlay", "nodesubnet", "dynamic", "static", "kubenet"),
		dual: fc.boolean(),
		vnetPrefix: fc.constantFrom(16, 16, 16, 20, 24, 26),
		second: fc.integer({ min: 1, max: 200 }),
		pools: fc.array(poolGen, { minLength: 1, maxLength: 3 }),
		node: subnetGen,
		pod: subnetGen,
		others: fc.array(fc.integer({ min: 24, max: 28 }), { maxLength: 3 }),
		podCidr: fc.nat({ max: 7 }),
		serviceCidr: fc.nat({ max: 7 }),
		dns: fc.constantFrom("missing", "ten", "outside", "first"),
		peered: fc.subarray(["10.0.0.0/16", "192.168.0.0/16", "172.16.0.0/16", "10.244.0.0/16", "100.64.0.0/16"]),
		lbs: fc.array(fc.integer({ min: -2, max: 300 }), { maxLength: 2 }),
		context: fc.option(
			fc.record({
				taken: fc.array(fc.nat(), { maxLength: 3 }),
				routed: fc.subarray(["192.168.0.0/20", "10.244.0.0/16", "172.20.0.0/16", "100.64.0.0/12"]),
			}),
			{ nil: undefined },
		),
		quote: fc.constantFrom("", "", '"', "'"),
		comments: fc.boolean(),
		wrap: fc.constantFrom("", "note", "indented", "crlf"),
	})
	.map((g) => build(g));

function build(g: {
	model: Model;
	dual: boolean;
	vnetPrefix: number;
	second: number;
	pools: { count: number; extra?: number; maxPods?: number; own?: { kind: string; prefix: number; slot: number } }[];
	node: { kind: string; prefix: number; slot: number };
	pod: { kind: string; prefix: number; slot: number };
	others: number[];
	podCidr: number;
	serviceCidr: number;
	dns: string;
	peered: string[];
	lbs: number[];
	context?: { taken: number[]; routed: string[] };
	quote: string;
	comments: boolean;
	wrap: string;
}): Broken {
	const vnet = makeCidr(4, c(`10.${g.second}.0.0/32`).start, g.vnetPrefix);
	const dual = g.dual && g.model === "overlay";
	const q = (v: string) => `${g.quote}${v}${g.quote}`;
	const note = (text: string) => (g.comments ? `${text}   # note` : text);
	const inVnet = (prefix: number, slot: number): Cidr => {
		const p = Math.max(prefix, vnet.prefix);
		const count = 1n << BigInt(p - vnet.prefix);
		return makeCidr(4, vnet.start + (BigInt(slot) % count) * (1n << BigInt(32 - p)), p);
	};
	const subnet = (s: { kind: string; prefix: number; slot: number }): string | null =>
		s.kind === "missing"
			? null
			: s.kind === "outside"
				? `10.${g.second + 1}.${s.slot % 256}.0/24`
				: inVnet(s.prefix, s.slot).text;
	const lines: string[] = ["cluster: gen"];
	lines.push(`networkPlugin: ${g.model === "kubenet" ? "kubenet" : "azure"}`);
	if (g.model === "overlay") lines.push("networkPluginMode: overlay");
	if (g.model === "static") lines.push("podIpAllocationMode: StaticBlock");
	if (dual) lines.push("ipFamilies: [IPv4, IPv6]");
	lines.push(note(dual ? `vnet: [${q(vnet.text)}, "fd00:${g.second}::/48"]` : `vnet: ${q(vnet.text)}`));
	const node = subnet(g.node);
	if (node)
		lines.push(
			note(
				dual && g.node.slot % 2 === 0
					? `nodeSubnet: [${q(node)}, "fd00:${g.second}::/64"]`
					: `nodeSubnet: ${q(node)}`,
			),
		);
	const podModel = g.model === "dynamic" || g.model === "static";
	const pod = podModel ? subnet(g.pod) : null;
	if (pod) lines.push(note(`podSubnet: ${q(pod)}`));
	else if (podModel && !g.pools.some((p) => p.own?.kind === "in")) lines.push("podSubnet: 10.255.255.0/24"); // makes the model pod subnet
	const pods = ["10.244.0.0/16", vnet.text, "192.168.0.0/22", "172.30.0.0/16", "8.8.0.0/16", "10.244.0.0/24"];
	if ((g.model === "overlay" || g.model === "kubenet") && g.podCidr < pods.length)
		lines.push(note(`podCidr: ${q(pods[g.podCidr] ?? "")}`));
	const services = ["10.0.0.0/16", vnet.text, "10.0.0.0/8", "172.16.0.0/12", "10.244.0.0/16", "192.168.0.0/20"];
	const service = services[g.serviceCidr];
	if (service) lines.push(note(`serviceCidr: ${q(service)}`));
	if (g.dns !== "missing") {
		const base = c(service ?? "10.0.0.0/16");
		const ip = g.dns === "ten" ? base.start + 10n : g.dns === "first" ? base.start + 1n : base.end + 20n;
		lines.push(note(`dnsServiceIp: ${q(formatAddress(4, ip))}`));
	}
	lines.push("agentPools:");
	g.pools.forEach((p, i) => {
		// Pod subnets hold every pod at full density: fewer, smaller nodes keep the VNet roomy.
		const count = podModel ? p.count % 11 : p.count;
		lines.push(`  - name: p${i}`, `    count: ${count}`);
		if (p.extra !== undefined) lines.push(`    maxCount: ${count + (podModel ? p.extra % 11 : p.extra)}`);
		if (podModel) lines.push(`    maxPods: ${10 + ((p.maxPods ?? 0) % 51)}`);
		else if (p.maxPods !== undefined && g.model !== "overlay") lines.push(`    maxPods: ${p.maxPods}`);
		const own = p.own ? subnet(p.own) : null;
		if (own) lines.push(note(`    ${podModel && i % 2 === 1 ? "podSubnet" : "nodeSubnet"}: ${q(own)}`));
	});
	// Other subnets sit at the top of the VNet, one per /24 from the end: they never overlap each other.
	if (g.others.length > 0 && vnet.prefix <= 22) {
		lines.push("subnets:");
		g.others.forEach((prefix, i) => {
			const start = vnet.end + 1n - BigInt(i + 1) * 256n;
			lines.push(note(`  other${i}: ${q(makeCidr(4, start, prefix).text)}`));
		});
	}
	const peered = g.peered.filter((p) => !overlaps(c(p), vnet));
	if (peered.length > 0) lines.push(`peered: [${peered.join(", ")}]`);
	if (g.lbs.length > 0) {
		lines.push("loadBalancers:");
		const base = node ? c(node) : vnet;
		g.lbs.forEach((off, i) => {
			const ip = formatAddress(4, base.start + BigInt(off < 0 ? 1000 : off));
			lines.push(`  - name: lb${i}`, "    type: internal", note(`    ip: ${q(ip)}`));
		});
	}
	const context: AllocContext = g.context
		? {
				taken: g.context.taken
					.map((slot) => inVnet(26, slot))
					.filter((t) => !overlaps(t, makeCidr(4, vnet.end + 1n - 1024n, 22))),
				routed: g.context.routed.map(c).filter((r) => !overlaps(r, vnet)),
			}
		: { taken: [], routed: [] };
	const body = lines.join("\n");
	const roomy = vnet.prefix === 16;
	if (g.wrap === "") return { text: `${body}\n`, fenceLine: 0, context, roomy, model: g.model };
	// In a note: after front matter and prose, the fence indented (its body too) or with CRLF line ends.
	const pad = g.wrap === "indented" ? "  " : "";
	const fenced = [`${pad}\`\`\`aks-ip`, ...lines.map((l) => `${pad}${l}`), `${pad}\`\`\``].join("\n");
	const md = `---\ntags: [aks]\n---\n# Cluster\n\nSome prose.\n\n${fenced}\n\nAfter the block.\n`;
	return {
		text: g.wrap === "crlf" ? md.replace(/\n/g, "\r\n") : md,
		fenceLine: 8,
		context,
		roomy,
		model: g.model,
	};
}
