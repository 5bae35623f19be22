/** The JSON contract of `aks-ip plan --json` (README, "Command line"). */
import type { PlanResult, SubnetPlan } from "./types";

/** 2^53, exact as a double: the README's contract writes larger integers as decimal strings. */
const LIMIT = 2n ** 53n;

/** Integers up to 2^53 as JSON numbers, larger ones (IPv6) as decimal strings. */
export function jsonInt(value: bigint): number | string {
	return value <= LIMIT && value >= -LIMIT ? Number(value) : value.toString();
}

function subnetJson(s: SubnetPlan, withDensity: boolean) {
	const base = {
		cidr: s.cidr.text,
		size: jsonInt(s.size),
		reserved: jsonInt(s.reserved),
		usable: jsonInt(s.usable),
		required: jsonInt(s.required),
		free: jsonInt(s.free),
		pools: [...s.pools],
	};
	return withDensity ? { ...base, requiredAtFullDensity: jsonInt(s.requiredAtFullDensity ?? s.required) } : base;
}

export function blockJson(plan: PlanResult, file: string) {
	return {
		file,
		line: plan.line,
		model: plan.parsed && plan.modelKnown ? plan.model : null,
		ipFamilies: [...plan.ipFamilies],
		nodeSubnets: plan.nodeSubnets.map((s) => subnetJson(s, false)),
		podSubnets: plan.podSubnets.map((s) => subnetJson(s, true)),
		podCidrs: plan.podCidrs.map((c) => ({
			cidr: c.cidr.text,
			blockPrefix: c.blockPrefix,
			blocks: jsonInt(c.blocks),
			requiredBlocks: jsonInt(c.requiredBlocks),
		})),
		serviceCidrs: plan.serviceCidrs.map((c) => ({
			cidr: c.cidr.text,
			size: jsonInt(c.size),
			dnsServiceIp: c.dnsServiceIp?.text ?? null,
			kubernetesServiceIp: c.kubernetesServiceIp.text,
		})),
		pools: plan.pools.map((p) => ({
			name: p.name,
			count: p.count,
			maxCount: p.maxCount,
			maxPods: p.maxPods,
			surge: p.surge,
			nodesAtFullScale: p.nodesAtFullScale,
			nodeSubnet: p.nodeSubnet?.cidr.text ?? null,
			podSubnet: p.podSubnet?.cidr.text ?? null,
		})),
		loadBalancers: plan.loadBalancers.map((lb) => ({
			name: lb.name,
			type: lb.type,
			ip: lb.ip?.text ?? null,
			subnet: lb.subnet?.cidr.text ?? null,
		})),
		findings: plan.findings.map((f) => ({
			severity: f.severity,
			code: f.code,
			message: f.message,
			line: f.line,
			// A proposal that answers it: the value on `line` (null `from`: a key to add) becomes `to`.
			...(f.fix ? { fix: { line: f.fix.line, from: f.fix.from, to: f.fix.to } } : {}),
		})),
	};
}

export type BlockJson = ReturnType<typeof blockJson>;
