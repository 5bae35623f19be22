/**
 * Field corrections (aks-networking.md section 11) and the rules of issue 12: each rule at its
 * boundary (an exact fit passes, one more fails), the case that must stay quiet beside it, and
 * the Microsoft Learn page it comes from.
 */
import { describe, expect, it } from "vitest";
import type { PlanResult } from "../../src/plan/types";
import { find, plan } from "./helpers";

function messages(p: PlanResult, code: string, severity?: string): string[] {
	return find(p, code)
		.filter((f) => severity === undefined || f.severity === severity)
		.map((f) => f.message);
}

// https://learn.microsoft.com/azure/aks/internal-lb: without the azure-load-balancer-internal-subnet
// annotation the frontend takes an address of the cluster's subnet (the first pool's node subnet).
describe("internal load balancer without subnet: the cluster's default subnet", () => {
	const spec = (ip: string, subnet = "") => `
		vnet: 10.10.0.0/16
		agentPools:
		  - { name: system, count: 3, nodeSubnet: 10.10.0.0/24 }
		  - { name: apps, count: 3, nodeSubnet: 10.10.4.0/24 }
		loadBalancers:
		  - { name: ingress, type: internal, ip: ${ip}${subnet} }`;

	it("a static IP inside the first pool's subnet is quiet, and counted there", () => {
		const p = plan(spec("10.10.0.254"));
		expect(find(p, "lb-ip-invalid")).toEqual([]);
		expect(p.loadBalancers[0]?.subnet?.cidr.text).toBe("10.10.0.0/24");
		expect(p.nodeSubnets.map((s) => s.required)).toEqual([4n + 1n, 4n]);
	});

	it("a static IP of a second pool's subnet, with no subnet:, is an error that says what to add", () => {
		const p = plan(spec("10.10.4.10"));
		const [m] = messages(p, "lb-ip-invalid", "error");
		expect(m).toContain("default subnet 10.10.0.0/24");
		expect(m).toContain("PrivateIPAddressNotInSubnet");
		expect(m).toContain("Add subnet: 10.10.4.0/24 (the");
		expect(m).toContain("azure-load-balancer-internal-subnet");
		expect(m).toContain("or pick an address of 10.10.0.0/24");
	});

	it("the same IP with the second pool's subnet named is quiet, and counted there", () => {
		for (const subnet of [", subnet: apps", ", subnet: 10.10.4.0/24"]) {
			const p = plan(spec("10.10.4.10", subnet));
			expect(find(p, "lb-ip-invalid")).toEqual([]);
			expect(p.loadBalancers[0]?.subnet?.cidr.text).toBe("10.10.4.0/24");
		}
	});

	it("the last usable address of the default subnet passes, the broadcast address is reserved", () => {
		expect(find(plan(spec("10.10.0.254")), "lb-ip-invalid")).toEqual([]);
		expect(messages(plan(spec("10.10.0.255")), "lb-ip-invalid")[0]).toContain("reserves");
		expect(messages(plan(spec("10.10.1.0")), "lb-ip-invalid")[0]).toContain("subnet: <its subnet>");
	});
});
