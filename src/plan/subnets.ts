/**
 * The VNet's subnets as one registry: declared `subnets`, node subnets and pod subnets, merged
 * when the spec names the same subnet twice (by CIDR, by name or by resource ID).
 */
import { azureUsable, sizeOf, type Cidr } from "../net/address";
import type { Finding } from "../core/findings";
import { countOf } from "../core/numbers";
import { clip } from "../core/text";
import type { Purpose, SubnetRef, SubnetSpec } from "../parse/types";
import type { LinkedVnet, Role, SubnetPlan } from "./types";

type Report = (f: Finding) => void;
type LinkedSubnet = LinkedVnet["subnets"][number];

/** The network a `vnet: [[Note]]` link names: its subnets, or `unknown` while the note is not known. */
interface LinkedSubnets {
	note: string;
	subnets?: LinkedSubnet[];
	unknown?: boolean;
}

export function newSubnet(
	cidr: Cidr,
	name: string | null,
	role: Role,
	purpose: Purpose,
	line: number,
	defaulted = false,
): SubnetPlan {
	const usable = azureUsable(cidr);
	return {
		cidr,
		name,
		role,
		purpose,
		line,
		defaulted,
		size: sizeOf(cidr),
		reserved: sizeOf(cidr) - usable,
		usable,
		required: 0n,
		requiredAtFullDensity: null,
		requiredWithoutSurge: 0n,
		free: usable,
		pools: [],
		loadBalancers: [],
		extras: [],
	};
}

const ROLE_WORDS: Record<Role, string> = { node: "node subnet", pod: "pod subnet", other: "subnet" };

export class SubnetRegistry {
	readonly list: SubnetPlan[] = [];
	private readonly byName = new Map<string, SubnetPlan>();
	private readonly byCidr = new Map<string, SubnetPlan[]>();
	/** Lower-cased names of declared subnets whose CIDR is not filled in yet. */
	private readonly pending = new Set<string>();

	private readonly linkedByName = new Map<string, LinkedSubnet>();
	private readonly linkedByCidr = new Map<string, LinkedSubnet>();

	constructor(
		declared: SubnetSpec[],
		private readonly report: Report,
		private readonly linked: LinkedSubnets | null = null,
	) {
		for (const s of linked?.subnets ?? []) {
			if (!this.linkedByName.has(s.name.toLowerCase())) this.linkedByName.set(s.name.toLowerCase(), s);
			if (!this.linkedByCidr.has(s.cidr.text)) this.linkedByCidr.set(s.cidr.text, s);
		}
		for (const s of declared) {
			if (s.cidr === null) {
				this.pending.add(s.name.toLowerCase());
				continue;
			}
			const subnet = this.add(newSubnet(s.cidr, s.name, "other", s.purpose, s.line));
			// API server VNet integration: each cluster reserves at least 9 addresses of a subnet it
			// may share with other clusters, whose addresses extraIps counts (9 each)
			// (https://learn.microsoft.com/azure/aks/api-server-vnet-integration).
			const apiServer = s.purpose === "apiServer";
			if (apiServer) subnet.extras.push({ what: "9 for this cluster's API server", count: 9, kind: "apiServer" });
			if (s.extraIps && s.extraIps.value > 0)
				subnet.extras.push({
					what: apiServer
						? `${countOf(s.extraIps.value, "IP")} of other clusters (extraIps, 9 each)`
						: `${countOf(s.extraIps.value, "other IP")} (extraIps)`,
					count: s.extraIps.value,
					kind: "extraIps",
				});
			if (s.privateEndpoints && s.privateEndpoints.value > 0)
				subnet.extras.push({
					what: countOf(s.privateEndpoints.value, "private endpoint"),
					count: s.privateEndpoints.value,
					kind: "privateEndpoints",
				});
		}
	}

	add(subnet: SubnetPlan): SubnetPlan {
		this.list.push(subnet);
		if (subnet.name !== null && !this.byName.has(subnet.name.toLowerCase()))
			this.byName.set(subnet.name.toLowerCase(), subnet);
		const same = this.byCidr.get(subnet.cidr.text);
		if (same) same.push(subnet);
		else this.byCidr.set(subnet.cidr.text, [subnet]);
		return subnet;
	}

	/** The subnet of that name: declared here, or in the linked network (taken in at `line`). */
	byNameOrNull(name: string, line = 0): SubnetPlan | null {
		const own = this.byName.get(name.toLowerCase());
		if (own) return own;
		const linked = this.linkedByName.get(name.toLowerCase());
		return linked ? this.fromLinked(linked, line) : null;
	}

	/** A subnet of the linked network, listed in this plan from the line that first names it. */
	private fromLinked(s: LinkedSubnet, line: number): SubnetPlan {
		const subnet = newSubnet(s.cidr, s.name, "other", s.purpose, line);
		subnet.from = this.linked?.note;
		this.linkedByName.delete(s.name.toLowerCase());
		this.linkedByCidr.delete(s.cidr.text);
		return this.add(subnet);
	}

	/** A name declared under subnets whose CIDR is not filled in yet. */
	isPending(name: string): boolean {
		return this.pending.has(name.toLowerCase());
	}

	/** The VNet is a linked network note: its subnets are named there, not sized here (unsized.ts). */
	get linksNetwork(): boolean {
		return this.linked !== null;
	}

	/** The subnet a reference names, taking the role on; null (and a finding) when it cannot be known. */
	resolve(ref: SubnetRef, role: "node" | "pod", who: string): SubnetPlan | null {
		if (ref.kind === "cidr") {
			const same = this.byCidr.get(ref.cidr.text) ?? [];
			const match =
				same.find((s) => s.role === role) ?? same.find((s) => s.role === "other" && s.purpose === "other");
			if (match) return this.adopt(match, role);
			const linked = this.linkedByCidr.get(ref.cidr.text);
			if (linked?.purpose === "other") return this.adopt(this.fromLinked(linked, ref.line), role);
			return this.add(newSubnet(ref.cidr, null, role, "other", ref.line));
		}
		const found = this.byNameOrNull(ref.name, ref.line);
		if (!found && (this.isPending(ref.name) || this.linked?.unknown)) return null;
		// A node subnet without a CIDR is reported with what it must hold (unsized.ts).
		if (!found && role === "node" && !this.linksNetwork) return null;
		if (!found) {
			if (ref.kind === "id") {
				this.report({
					severity: "warning",
					code: "missing-key",
					message: `The ${ROLE_WORDS[role]} of ${who} is known only by its resource ID (…/subnets/${clip(ref.name)}); its CIDR cannot be read from it. Add it under subnets as "${clip(ref.name)}: <CIDR>".`,
					line: ref.line,
				});
			} else {
				this.report({
					severity: "error",
					code: "invalid-value",
					message: `The ${ROLE_WORDS[role]} of ${who} is "${clip(ref.name)}", but no subnet has that name under subnets${this.linked ? ` here or in ${this.linked.note}` : ""}. Give a CIDR or a name from subnets.`,
					line: ref.line,
				});
			}
			return null;
		}
		if (found.role === role || (found.role === "other" && found.purpose === "other"))
			return this.adopt(found, role);
		const what = found.role === "other" ? `a ${found.purpose} subnet` : `already a ${ROLE_WORDS[found.role]}`;
		this.report({
			severity: "error",
			code: "invalid-value",
			message: `Subnet "${clip(ref.name)}" is ${what}; it cannot also be the ${ROLE_WORDS[role]} of ${who}. Node and pod subnets are separate, undelegated subnets.`,
			line: ref.line,
		});
		return null;
	}

	private adopt(subnet: SubnetPlan, role: "node" | "pod"): SubnetPlan {
		subnet.role = role;
		return subnet;
	}
}
