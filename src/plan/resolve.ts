/** Spec → plan skeleton: defaults applied, subnets resolved, every node and address counted. */
import { formatAddress, knownCidr, sizeOf, type Address, type Cidr, type Family } from "../net/address";
import type { Finding } from "../core/findings";
import { countOf } from "../core/numbers";
import { clip } from "../core/text";
import type { LoadBalancerSpec, Loc, PoolSpec, Spec, Surge } from "../parse/types";
import {
	DEFAULT_MAX_PODS,
	detectModel,
	dynamicFullDensity,
	staticBlocks,
	surgeNodes,
	usesPodCidr,
	usesPodSubnet,
} from "./model";
import { newSubnet, SubnetRegistry } from "./subnets";
import type {
	LinkedVnet,
	LoadBalancerPlan,
	ModelId,
	PodCidrPlan,
	PoolPlan,
	ServiceCidrPlan,
	SubnetPlan,
	UnsizedSubnetPlan,
} from "./types";
import { unsizedNodeSubnets } from "./unsized";

type Report = (f: Finding) => void;

export const DEFAULTS = {
	serviceCidr: knownCidr("10.0.0.0/16"),
	podCidr: knownCidr("10.244.0.0/16"),
	podCidrV6: knownCidr("fd12:3456:789a::/64"),
	serviceCidrV6: knownCidr("fd12:3456:789a:1::/108"),
	managedVnet: knownCidr("10.224.0.0/12"),
	managedSubnet: knownCidr("10.224.0.0/16"),
	surge: { kind: "percent", value: 10 } as Surge,
	poolCount: 3,
};

/**
 * Per-node pod blocks of a pod CIDR: a /24 for IPv4; a /80 for IPv6, as AKS's own node listing
 * shows under Azure CNI Overlay dual-stack (https://learn.microsoft.com/azure/aks/configure-dual-stack).
 */
function blockPrefixFor(family: Family): number {
	return family === 4 ? 24 : 80;
}

function address(family: Family, value: bigint): Address {
	return { family, value, text: formatAddress(family, value) };
}

interface Resolved {
	model: ModelId;
	families: Family[];
	registry: SubnetRegistry;
	managedVnet: boolean;
	pools: PoolPlan[];
	loadBalancers: LoadBalancerPlan[];
	unsizedNodeSubnets: UnsizedSubnetPlan[];
	podCidrs: PodCidrPlan[];
	serviceCidrs: ServiceCidrPlan[];
}

/** No VNet, subnet or link given: AKS creates and manages the VNet. */
function isManagedVnet(spec: Spec): boolean {
	return (
		spec.vnetLink === undefined &&
		spec.vnet.length === 0 &&
		spec.subnets.every((s) => s.cidr === null) &&
		spec.nodeSubnet === undefined &&
		spec.podSubnet === undefined &&
		!spec.invalid.has("vnet") &&
		!spec.invalid.has("nodeSubnet") &&
		spec.pools.every((p) => p.nodeSubnet === undefined && p.podSubnet === undefined)
	);
}

export function resolve(
	spec: Spec,
	firstLine: number,
	report: Report,
	defaultSurge: Surge = DEFAULTS.surge,
	linked: LinkedVnet | null = null,
): Resolved {
	const model = detectModel(spec);
	const families: Family[] = spec.ipFamilies?.value ?? [4];
	// A linked VNet whose note is not known (yet): its subnet names cannot be checked here.
	const network = spec.vnetLink ? (linked ?? { note: `[[${spec.vnetLink.text}]]`, unknown: true }) : null;
	const registry = new SubnetRegistry(spec.subnets, report, network);
	const managedVnet = isManagedVnet(spec);
	const managedSubnet = managedVnet
		? registry.add(newSubnet(DEFAULTS.managedSubnet, "aks-subnet", "node", "other", firstLine, true))
		: null;

	const pools = spec.pools.map((p) => resolvePool(spec, p, model, registry, managedSubnet, report, defaultSurge));
	const missingNode = pools.filter((p, i) => p.nodeSubnet === null && !hasRef(spec, spec.pools[i], "nodeSubnet"));
	if (missingNode.length > 0 && !managedVnet) {
		const names = missingNode.map((p) => `"${clip(p.name)}"`).join(", ");
		report({
			severity: "warning",
			code: "missing-key",
			message: `No node subnet is given for pool${missingNode.length > 1 ? "s" : ""} ${names}: their node IPs cannot be checked. Add nodeSubnet: <CIDR> (at the top for every pool, or on the pool).`,
			line: missingNode[0]?.line ?? firstLine,
		});
	}
	if (usesPodSubnet(model)) {
		const missingPod = pools.filter((p, i) => p.podSubnet === null && !hasRef(spec, spec.pools[i], "podSubnet"));
		if (missingPod.length > 0) {
			report({
				severity: "warning",
				code: "missing-key",
				message: `No pod subnet is given for pool${missingPod.length > 1 ? "s" : ""} ${missingPod.map((p) => `"${clip(p.name)}"`).join(", ")} in a pod-subnet cluster: add podSubnet: <CIDR> on the pool or at the top.`,
				line: missingPod[0]?.line ?? firstLine,
			});
		}
	}
	const loadBalancers = resolveLoadBalancers(spec, registry, pools, report);
	const vnetIntegration =
		spec.apiServerVnetIntegration?.value === true || registry.list.some((s) => s.purpose === "apiServer");
	const privateEndpoint = spec.privateCluster?.value === true && !vnetIntegration;
	countDemand(pools, loadBalancers, registry.list, privateEndpoint);
	return {
		model,
		families,
		registry,
		managedVnet,
		pools,
		loadBalancers,
		unsizedNodeSubnets: unsizedNodeSubnets(spec, pools, loadBalancers, registry, privateEndpoint, report),
		podCidrs:
			usesPodCidr(model) || model === "none"
				? resolvePodCidrs(spec, families, pools, firstLine, model, report)
				: [],
		serviceCidrs: resolveServiceCidrs(spec, families, firstLine, report),
	};
}

function hasRef(spec: Spec, pool: PoolSpec | undefined, key: "nodeSubnet" | "podSubnet"): boolean {
	return pool?.[key] !== undefined || spec[key] !== undefined || pool?.unknownRefs?.includes(key) === true;
}

function reportAssumedPool(p: PoolSpec, report: Report): void {
	report({
		severity: "info",
		code: "missing-key",
		message: `No node pools are given: the plan assumes AKS's default pool "nodepool1" of ${DEFAULTS.poolCount} nodes. Add agentPools (or count).`,
		line: p.line,
	});
}

function resolvePool(
	spec: Spec,
	p: PoolSpec,
	model: ModelId,
	registry: SubnetRegistry,
	managed: SubnetPlan | null,
	report: Report,
	defaultSurge: Surge,
): PoolPlan {
	const who = `pool "${clip(p.name.value)}"`;
	const count =
		p.count?.value ??
		(p.assumed ? DEFAULTS.poolCount : (p.minCount?.value ?? p.maxCount?.value ?? DEFAULTS.poolCount));
	const countDefaulted =
		p.count === undefined && (p.assumed || (p.minCount === undefined && p.maxCount === undefined));
	const maxCount = p.maxCount?.value ?? null;
	const sizing = maxCount ?? count;
	const surgeSpec: Loc<Surge> | undefined = p.maxSurge ?? spec.maxSurge;
	const surgeValue = surgeSpec?.value ?? defaultSurge;
	const surge = surgeNodes(surgeValue, sizing);
	const surgeText = `${surgeValue.value}${surgeValue.kind === "percent" ? "%" : ""}${surgeSpec ? "" : ", default"}`;
	const maxPodsGiven = p.maxPods?.value ?? spec.maxPods?.value;
	const maxPods = maxPodsGiven ?? DEFAULT_MAX_PODS[model];
	const nodeRef = p.nodeSubnet ?? spec.nodeSubnet;
	const podRef = p.podSubnet ?? spec.podSubnet;
	const nodeSubnet = nodeRef ? registry.resolve(nodeRef, "node", who) : managed;
	const node6Ref = p.nodeSubnet ? p.nodeSubnet6 : (p.nodeSubnet6 ?? spec.nodeSubnet6);
	const nodeSubnet6 = node6Ref ? registry.resolve(node6Ref, "node", who) : null;
	const podSubnet = podRef && usesPodSubnet(model) ? registry.resolve(podRef, "pod", who) : null;
	const mode = p.podIpAllocationMode?.value ?? spec.podIpAllocationMode?.value ?? "DynamicIndividual";
	const allocationMode = usesPodSubnet(model) ? mode : null;
	if (p.assumed && spec.vnet.length > 0) reportAssumedPool(p, report);
	return {
		name: p.name.value,
		line: p.line,
		mode: p.mode?.value ?? "System",
		osType: p.osType?.value ?? "Linux",
		count,
		countDefaulted,
		minCount: p.minCount?.value ?? null,
		maxCount,
		maxPods,
		maxPodsDefaulted: maxPodsGiven === undefined,
		surge,
		surgeSetting: surgeValue,
		surgeText,
		nodesAtFullScale: sizing + surge,
		nodeSubnet,
		nodeSubnet6,
		podSubnet,
		...ipsPerNode(model, allocationMode, maxPods ?? 0),
		allocationMode,
	};
}

/** Addresses a node takes from its node subnet, and from its pod subnet or pod CIDR. */
function ipsPerNode(
	model: ModelId,
	allocationMode: PoolPlan["allocationMode"],
	pods: number,
): { nodeSubnetIpsPerNode: number; podIpsPerNode: number } {
	if (model === "azure-cni-node-subnet") return { nodeSubnetIpsPerNode: pods + 1, podIpsPerNode: 0 };
	if (allocationMode === "StaticBlock") return { nodeSubnetIpsPerNode: 1, podIpsPerNode: 16 * staticBlocks(pods) };
	if (allocationMode === "DynamicIndividual") return { nodeSubnetIpsPerNode: 1, podIpsPerNode: 16 };
	return { nodeSubnetIpsPerNode: 1, podIpsPerNode: usesPodCidr(model) ? 256 : 0 };
}

function resolveLoadBalancers(
	spec: Spec,
	registry: SubnetRegistry,
	pools: PoolPlan[],
	report: Report,
): LoadBalancerPlan[] {
	return spec.loadBalancers.map((lb) => {
		const plan: LoadBalancerPlan = {
			name: lb.name,
			line: lb.line,
			type: lb.type.value,
			ip: lb.ip?.value ?? null,
			subnet: null,
			subnetDefaulted: false,
			privateLinkIps: lb.privateLinkIps?.value ?? 0,
		};
		if (plan.type === "public") publicLoadBalancer(lb, plan, report);
		else plan.subnet = frontendSubnet(lb, plan.ip, registry, pools, report);
		plan.subnetDefaulted = plan.type === "internal" && !lb.subnet;
		return plan;
	});
}

/** A public frontend is an Azure public IP: a subnet is ignored, and a Private Link Service refused. */
function publicLoadBalancer(lb: LoadBalancerSpec, plan: LoadBalancerPlan, report: Report): void {
	if (lb.subnet)
		report({
			severity: "warning",
			code: "model-mismatch",
			message: `Load balancer "${clip(lb.name)}" is public: its frontend is an Azure public IP, so its subnet is ignored. Set type: internal for a frontend in the VNet.`,
			line: lb.subnet.line,
		});
	if (lb.privateLinkIps) {
		report({
			severity: "error",
			code: "invalid-value",
			message: `Load balancer "${clip(lb.name)}" is public: a Private Link Service needs an internal load balancer (type: internal).`,
			line: lb.privateLinkIps.line,
		});
		plan.privateLinkIps = 0;
	}
}

/**
 * The subnet of an internal frontend: the one it names (a CIDR, a subnet name or a pool name),
 * else the node subnet holding its static IP, else the first pool's node subnet.
 */
function frontendSubnet(
	lb: LoadBalancerSpec,
	ip: Address | null,
	registry: SubnetRegistry,
	pools: PoolPlan[],
	report: Report,
): SubnetPlan | null {
	const ref = lb.subnet;
	if (ref?.kind === "cidr")
		return (
			registry.list.find((s) => s.cidr.text === ref.cidr.text) ??
			registry.add(newSubnet(ref.cidr, null, "other", "other", ref.line))
		);
	if (ref) {
		const named =
			registry.byNameOrNull(ref.name, ref.line) ??
			pools.find((p) => p.name.toLowerCase() === ref.name.toLowerCase())?.nodeSubnet ??
			null;
		if (!named)
			report({
				severity: "error",
				code: "invalid-value",
				message: `Load balancer "${clip(lb.name)}" names subnet "${clip(ref.name)}", which is neither under subnets nor a pool. Give a CIDR or a subnet name.`,
				line: ref.line,
			});
		return named;
	}
	// Without the azure-load-balancer-internal-subnet annotation the frontend goes in the cluster's
	// default subnet, the first pool's node subnet, even when a static IP lies in another subnet
	// (https://learn.microsoft.com/azure/aks/internal-lb).
	const first = pools[0];
	return ip?.family === 6 ? (first?.nodeSubnet6 ?? null) : (first?.nodeSubnet ?? null);
}

/** Demand at full scale in every subnet: nodes of each pool times what a node takes, plus frontends. */
function countDemand(
	pools: PoolPlan[],
	lbs: LoadBalancerPlan[],
	subnets: readonly SubnetPlan[],
	privateEndpoint: boolean,
): void {
	// Pool names per subnet as a set: a look-up in the list itself is quadratic over 3,000 pools.
	const members = new Map<SubnetPlan, Set<string>>();
	const join = (s: SubnetPlan, pool: string) => {
		const names = members.get(s) ?? new Set(s.pools);
		members.set(s, names);
		if (names.has(pool)) return;
		names.add(pool);
		s.pools.push(pool);
	};
	for (const p of pools) {
		const sizing = p.nodesAtFullScale - p.surge;
		if (p.nodeSubnet) {
			p.nodeSubnet.required += BigInt(p.nodesAtFullScale * p.nodeSubnetIpsPerNode);
			p.nodeSubnet.requiredWithoutSurge += BigInt(sizing * p.nodeSubnetIpsPerNode);
			join(p.nodeSubnet, p.name);
		}
		if (p.nodeSubnet6) {
			p.nodeSubnet6.required += BigInt(p.nodesAtFullScale);
			p.nodeSubnet6.requiredWithoutSurge += BigInt(sizing);
			join(p.nodeSubnet6, p.name);
		}
		if (p.podSubnet) {
			const s = p.podSubnet;
			s.required += BigInt(p.nodesAtFullScale * p.podIpsPerNode);
			s.requiredWithoutSurge += BigInt(sizing * p.podIpsPerNode);
			const dense = p.allocationMode === "StaticBlock" ? p.podIpsPerNode : dynamicFullDensity(p.maxPods ?? 0);
			s.requiredAtFullDensity = (s.requiredAtFullDensity ?? 0n) + BigInt(p.nodesAtFullScale * dense);
			join(s, p.name);
		}
	}
	for (const lb of lbs) {
		if (lb.type !== "internal" || !lb.subnet) continue;
		lb.subnet.required += 1n;
		lb.subnet.requiredWithoutSurge += 1n;
		if (lb.subnet.requiredAtFullDensity !== null) lb.subnet.requiredAtFullDensity += 1n;
		lb.subnet.loadBalancers.push(lb.name);
		// A Private Link Service takes its NAT IPs from the load balancer's subnet:
		// https://learn.microsoft.com/azure/aks/internal-lb
		if (lb.privateLinkIps > 0)
			lb.subnet.extras.push({
				what: `${countOf(lb.privateLinkIps, "Private Link NAT IP")} of "${clip(lb.name)}"`,
				count: lb.privateLinkIps,
				kind: "privateLink",
			});
	}
	// A private cluster's API server endpoint: 1 address of the first pool's node subnet
	// (https://learn.microsoft.com/azure/aks/private-clusters), unless API server VNet integration (the
	// flag, or an apiServer subnet) puts it in the API server's own subnet
	// (https://learn.microsoft.com/azure/aks/api-server-vnet-integration).
	const first = pools[0]?.nodeSubnet;
	if (privateEndpoint && first)
		first.extras.push({ what: "1 private cluster endpoint", count: 1, kind: "clusterEndpoint" });
	// Every subnet, pools' and load balancers' included, is in the registry.
	for (const s of subnets) {
		const extra = BigInt(s.extras.reduce((sum, e) => sum + e.count, 0));
		s.required += extra;
		s.requiredWithoutSurge += extra;
		if (s.requiredAtFullDensity !== null) s.requiredAtFullDensity += extra;
	}
}

function listFor(
	spec: Spec,
	key: "podCidrs" | "serviceCidrs",
	families: Family[],
	single: Loc<Cidr> | undefined,
	report: Report,
): (Loc<Cidr> | undefined)[] {
	const list = spec[key];
	if (!list) return [single];
	const fams = list.map((c) => c.value.family);
	const expected = families.map((f) => `IPv${f}`).join(", ");
	if (fams.length !== families.length || fams.some((f, i) => f !== families[i])) {
		report({
			severity: "error",
			code: "invalid-value",
			message: `${key} must give one range per IP family in ipFamilies order (${expected}); it gives ${fams.map((f) => `IPv${f}`).join(", ")}.`,
			line: list[0]?.line ?? 1,
		});
	}
	const v4 = list.find((c) => c.value.family === 4);
	if (single && v4 && single.value.text !== v4.value.text) {
		report({
			severity: "error",
			code: "invalid-value",
			message: `${key} starts with ${v4.value.text} but ${key.slice(0, -1)} is ${single.value.text}; give one or make them agree.`,
			line: single.line,
		});
	}
	return families.map((f) => list.find((c) => c.value.family === f) ?? (f === 4 ? single : undefined));
}

function resolvePodCidrs(
	spec: Spec,
	families: Family[],
	pools: PoolPlan[],
	firstLine: number,
	model: ModelId,
	report: Report,
): PodCidrPlan[] {
	const given = listFor(spec, "podCidrs", families, spec.podCidr, report);
	const nodes = BigInt(pools.reduce((n, p) => n + p.nodesAtFullScale, 0));
	const out: PodCidrPlan[] = [];
	families.forEach((family, i) => {
		const loc = given[i];
		if (!loc && (spec.invalid.has("podCidr") || spec.invalid.has("podCidrs") || model === "none")) return;
		const c = loc?.value ?? (family === 4 ? DEFAULTS.podCidr : DEFAULTS.podCidrV6);
		const blockPrefix = blockPrefixFor(family);
		const blocks = c.prefix <= blockPrefix ? 1n << BigInt(blockPrefix - c.prefix) : 0n;
		out.push({
			cidr: c,
			line: loc?.line ?? firstLine,
			defaulted: !loc,
			blockPrefix,
			blocks,
			requiredBlocks: nodes,
		});
	});
	return out;
}

function resolveServiceCidrs(spec: Spec, families: Family[], firstLine: number, report: Report): ServiceCidrPlan[] {
	const given = listFor(spec, "serviceCidrs", families, spec.serviceCidr, report);
	const out: ServiceCidrPlan[] = [];
	families.forEach((family, i) => {
		const loc = given[i];
		if (!loc && (spec.invalid.has("serviceCidr") || spec.invalid.has("serviceCidrs"))) return;
		const c = loc?.value ?? (family === 4 ? DEFAULTS.serviceCidr : DEFAULTS.serviceCidrV6);
		const kubernetesServiceIp = address(family, c.start + (sizeOf(c) > 1n ? 1n : 0n));
		let dnsServiceIp = null;
		let dnsLine = loc?.line ?? firstLine;
		let dnsDefaulted = false;
		if (family === 4) {
			if (spec.dnsServiceIp) {
				dnsServiceIp = spec.dnsServiceIp.value;
				dnsLine = spec.dnsServiceIp.line;
			} else if (!spec.invalid.has("dnsServiceIp") && c.start + 10n <= c.end) {
				dnsServiceIp = address(family, c.start + 10n);
				dnsDefaulted = true;
			} else if (!spec.invalid.has("dnsServiceIp")) {
				report({
					severity: "error",
					code: "missing-key",
					message: `Service CIDR ${c.text} has no .10 address for the default DNS service IP; set dnsServiceIp.`,
					line: dnsLine,
				});
			}
		}
		out.push({
			cidr: c,
			line: loc?.line ?? firstLine,
			defaulted: !loc,
			size: sizeOf(c),
			dnsServiceIp,
			dnsLine,
			dnsDefaulted,
			kubernetesServiceIp,
		});
	});
	return out;
}
