/** Which proposal a finding shows: the one for the value on its line, then the one naming its range best. */
import { describe, expect, it } from "vitest";
import { planSource } from "../../src/api";

describe("a finding's Fix", () => {
	it("is the proposal for the value on the finding's line when two proposals name its ranges", () => {
		const spec = [
			"networkPlugin: azure",
			"networkPluginMode: overlay",
			"vnet: 10.10.0.0/16",
			"nodeSubnet: 10.10.0.0/28",
			"podCidr: 10.10.0.0/16",
			"count: 50",
			"",
		].join("\n");
		const plan = planSource(spec);
		const atPod = plan.findings.filter((f) => f.line === 5 && f.fix);
		expect(atPod.length).toBeGreaterThan(0);
		for (const f of atPod) expect(f.fix?.from, `${f.code}: ${f.message}`).toBe("10.10.0.0/16");
	});
});
