/**
 * The cluster after the move: a pod CIDR for the overlay, clear of everything routed to the
 * cluster, and the target block, written from the plan (every range explicit, each pool keeping
 * its maxPods, which cannot change once a pool exists).
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
 * free, else the first free private block (the allocator's choice).
 */
export function proposePodCidr(plan: PlanResult): PodCidrProposal | null {
	const wanted = Math.max(256, 2 * plan.nodesAtFullScale);
	let prefix = 16;
	while (prefix > 8 && 2 ** (24 - prefix) < wanted) prefix--;
	const avoid = routedRanges(plan);
	const current = plan.model === "kubenet" ? plan.podCidrs.find((c) => c.cidr.family === 4) : undefined;
	if (current && current.cidr.prefix <= prefix && !avoid.some((r) => overlaps(r, current.cidr)))
		return { cidr: current.cidr, kept: true, wanted };
	const cidr = choosePrivateRange(prefix, avoid, { prefer: DEFAULTS.podCidr });
	return cidr ? { cidr, kept: false, wanted } : null;
}

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const NOT_TEXT = /^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i;

/** A YAML scalar that reads back as the same text. */
function text(value: string): string {
	return PLAIN.test(value) && !NOT_TEXT.test(value) ? value : JSON.stringify(value);
}

function surge(s: Surge): string {
	return s.kind === "percent" ? `"${s.value}%"` : String(s.value);
}

/** How the target names a subnet: by its name when the spec declared one, else by CIDR. */
function subnetRef(s: SubnetPlan): string {
	return s.name !== null && !s.defaulted ? text(s.name) : s.cidr.text;
}

function poolLines(plan: PlanResult, spec: Spec): string[] {
	const out = ["agentPools:                     # each pool keeps its maxPods, which cannot change"];
	plan.pools.forEach((p, i) => {
		const given = spec.pools[i];
		out.push(`  - name: ${text(p.name)}`);
		if (given?.mode) out.push(`    mode: ${given.mode.value}`);
		out.push(`    count: ${p.count}`);
		if (p.minCount !== null) out.push(`    minCount: ${p.minCount}`);
		if (p.maxCount !== null) out.push(`    maxCount: ${p.maxCount}`);
		if (p.maxPods !== null) out.push(`    maxPods: ${p.maxPods}`);
		if (given?.maxSurge) out.push(`    maxSurge: ${surge(given.maxSurge.value)}`);
		if (p.osType === "Windows") out.push("    osType: Windows");
		if (p.nodeSubnet && !p.nodeSubnet.defaulted) out.push(`    nodeSubnet: ${subnetRef(p.nodeSubnet)}`);
	});
	return out;
}

function networkLines(plan: PlanResult): string[] {
	const out: string[] = [];
	const subnets = plan.subnets.filter((s) => s.name !== null && !s.defaulted && s.cidr.family === 4);
	if (subnets.length > 0) {
		out.push("subnets:");
		for (const s of subnets) {
			const extra = s.extras.find((e) => e.what.endsWith("(extraIps)"))?.count;
			const fields = [`cidr: ${s.cidr.text}`];
			if (s.purpose !== "other") fields.push(`purpose: ${s.purpose}`);
			if (extra) fields.push(`extraIps: ${extra}`);
			out.push(`  ${text(s.name ?? "")}: { ${fields.join(", ")} }`);
		}
	}
	if (plan.loadBalancers.length > 0) {
		out.push("loadBalancers:");
		for (const lb of plan.loadBalancers) {
			const fields = [`name: ${text(lb.name)}`, `type: ${lb.type}`];
			if (lb.ip) fields.push(`ip: ${lb.ip.text}`);
			if (lb.type === "internal" && lb.subnet && !lb.subnet.defaulted)
				fields.push(`subnet: ${subnetRef(lb.subnet)}`);
			if (lb.privateLinkIps > 0) fields.push(`privateLinkIps: ${lb.privateLinkIps}`);
			out.push(`  - { ${fields.join(", ")} }`);
		}
	}
	if (plan.peered.length > 0) {
		out.push("peered:");
		for (const p of plan.peered) out.push(`  ${text(p.name)}: ${p.cidr.text}`);
	}
	return out;
}

function headLines(plan: PlanResult, spec: Spec, podCidr: Cidr): string[] {
	const from = plan.model === "kubenet" ? "kubenet" : "Azure CNI node subnet";
	const out = [
		...(plan.clusterDefaulted ? [] : [`cluster: ${text(plan.cluster)}`]),
		`networkPlugin: azure           # moved from ${from} with az aks update`,
		"networkPluginMode: overlay",
	];
	if (plan.dataplane === "cilium" && plan.model !== "kubenet") out.push("networkDataplane: cilium");
	if (spec.kubernetesVersion) out.push(`kubernetesVersion: "${spec.kubernetesVersion.value.text}"`);
	if (spec.outboundType) out.push(`outboundType: ${spec.outboundType.value}`);
	if (spec.outboundIps) out.push(`outboundIps: ${spec.outboundIps.value}`);
	if (spec.allocatedOutboundPorts) out.push(`allocatedOutboundPorts: ${spec.allocatedOutboundPorts.value}`);
	if (spec.privateCluster?.value) out.push("privateCluster: true");
	const vnet = plan.vnet.filter((v) => !v.defaulted).map((v) => v.cidr.text);
	if (vnet.length > 0) out.push(`vnet: ${vnet.length === 1 ? vnet[0] : `[${vnet.join(", ")}]`}`);
	out.push(`podCidr: ${podCidr.text}         # one /24 per node, outside the VNet`);
	const service = plan.serviceCidrs.find((c) => c.cidr.family === 4);
	if (service) out.push(`serviceCidr: ${service.cidr.text}`);
	if (service?.dnsServiceIp) out.push(`dnsServiceIp: ${service.dnsServiceIp.text}`);
	if (spec.maxSurge) out.push(`maxSurge: ${surge(spec.maxSurge.value)}`);
	return out;
}

/** The target block's body: the plan after the move, in the spec language. */
export function targetBody(plan: PlanResult, spec: Spec, podCidr: Cidr): string {
	const ignore = spec.ignore.map((i) => i.value).filter((c) => c !== "kubenet-retirement" && c !== "move-to-overlay");
	const lines = [...headLines(plan, spec, podCidr), ...poolLines(plan, spec), ...networkLines(plan)];
	if (ignore.length > 0) lines.push(`ignore: [${ignore.join(", ")}]`);
	return `${lines.join("\n")}\n`;
}
