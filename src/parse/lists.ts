/** The VNet's other subnets, peered ranges and load balancers. */
import { isMap, isSeq } from "yaml";
import { LB_KEYS, SUBNET_KEYS } from "./keys";
import { clip } from "../core/text";
import type { Entry, Reader } from "./reader";
import type { LoadBalancerSpec, Purpose, SubnetSpec } from "./types";
import { readAddress, readCidr, readEnum, readInt, readString, readSubnetRef, reportUnknown } from "./values";

const PURPOSES: readonly Purpose[] = [
	"apiServer",
	"appGateway",
	"appGatewayForContainers",
	"firewall",
	"bastion",
	"gateway",
	"privateEndpoints",
	"virtualNodes",
	"other",
];

/** Subnet names that Azure reserves for one purpose. */
export const IMPLIED_PURPOSE: Record<string, Purpose> = {
	azurefirewallsubnet: "firewall",
	azurefirewallmanagementsubnet: "firewall",
	azurebastionsubnet: "bastion",
	gatewaysubnet: "gateway",
};

/** `subnets`: a map of name to CIDR or {cidr, purpose}, or a list of {name, cidr, purpose}. */
export function readSubnets(r: Reader, e: Entry): SubnetSpec[] {
	const out: SubnetSpec[] = [];
	if (isMap(e.node)) {
		for (const item of r.namedEntries(e.node, "in subnets")) {
			const s = readSubnet(r, item.key, item);
			if (s) out.push(s);
		}
	} else if (isSeq(e.node)) {
		r.items(e.node, e.line).forEach((item, i) => {
			const name = isMap(item.node)
				? r.entries(item.node, SUBNET_KEYS, "in a subnet", true).get("name")
				: undefined;
			const s = readSubnet(r, (name && readString(r, name)?.value) ?? `subnet${i + 1}`, item);
			if (s) out.push(s);
		});
	} else if (!r.isEmpty(e.node)) {
		r.report("error", "invalid-value", "subnets must be a map of name to CIDR (or to {cidr, purpose}).", e.line);
	}
	return out;
}

function readSubnet(r: Reader, name: string, e: Entry): SubnetSpec | undefined {
	const implied = IMPLIED_PURPOSE[name.toLowerCase()] ?? "other";
	// A CIDR the source leaves unknown (reported there) is pending, as one not written yet.
	if (reportUnknown(r, { ...e, key: `Subnet "${clip(name)}"` }))
		return { line: e.line, name, cidr: null, purpose: implied };
	if (r.isEmpty(e.node)) {
		r.report(
			"warning",
			"missing-key",
			`Subnet "${clip(name)}" has no CIDR yet: write it after the colon, e.g. ${clip(name)}: 10.1.0.0/24.`,
			e.line,
		);
		return { line: e.line, name, cidr: null, purpose: implied };
	}
	if (!isMap(e.node)) {
		const cidr = readCidr(r, { ...e, key: `Subnet "${clip(name)}"` });
		return cidr ? { line: e.line, name, cidr, purpose: implied } : undefined;
	}
	const keys = r.entries(e.node, SUBNET_KEYS, `in subnet "${clip(name)}"`);
	const cidrEntry = keys.get("cidr");
	if (!cidrEntry) {
		r.report("error", "missing-key", `Subnet "${clip(name)}" needs a cidr.`, e.line);
		return undefined;
	}
	const pending = reportUnknown(r, { ...cidrEntry, key: `Subnet "${clip(name)}"` });
	const cidr = pending ? null : readCidr(r, { ...cidrEntry, key: `Subnet "${clip(name)}"` });
	const purposeEntry = keys.get("purpose");
	const purpose = purposeEntry ? readEnum(r, purposeEntry, PURPOSES)?.value : undefined;
	const extraEntry = keys.get("extraIps");
	const extraIps = extraEntry ? readInt(r, extraEntry, 0, 1_000_000) : undefined;
	const endpointsEntry = keys.get("privateEndpoints");
	const privateEndpoints = endpointsEntry ? readInt(r, endpointsEntry, 0, 1_000_000) : undefined;
	if (!cidr && !pending) return undefined;
	const subnet: SubnetSpec = { line: e.line, name, cidr: cidr ?? null, purpose: purpose ?? implied };
	if (extraIps) subnet.extraIps = extraIps;
	if (privateEndpoints) subnet.privateEndpoints = privateEndpoints;
	return subnet;
}

/** `loadBalancers`: LoadBalancer services with their frontend type, optional static IP and subnet. */
export function readLoadBalancers(r: Reader, e: Entry): LoadBalancerSpec[] {
	const out: LoadBalancerSpec[] = [];
	r.items(e.node, e.line).forEach((item, i) => {
		if (!isMap(item.node)) {
			r.report(
				"error",
				"invalid-value",
				"Each load balancer must be a map (name:, type:, ip:, subnet:).",
				item.line,
			);
			return;
		}
		const keys = r.entries(item.node, LB_KEYS, "in a load balancer");
		const nameEntry = keys.get("name");
		const typeEntry = keys.get("type");
		const ipEntry = keys.get("ip");
		const subnetEntry = keys.get("subnet");
		const lb: LoadBalancerSpec = {
			line: item.line,
			name: (nameEntry && readString(r, nameEntry)?.value) ?? `lb${i + 1}`,
			type: (typeEntry && readEnum(r, typeEntry, ["internal", "public"] as const)) ?? {
				value: subnetEntry ? "internal" : "public",
				line: item.line,
			},
		};
		if (ipEntry) lb.ip = readAddress(r, ipEntry);
		if (subnetEntry) lb.subnet = readSubnetRef(r, subnetEntry);
		const plsEntry = keys.get("privateLinkIps");
		const pls = plsEntry ? readInt(r, plsEntry, 1, 8) : undefined;
		if (pls) lb.privateLinkIps = pls;
		out.push(lb);
	});
	return out;
}
