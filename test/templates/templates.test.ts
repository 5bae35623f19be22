import { describe, expect, it } from "vitest";
import { planNote, planSource } from "../../src/api";
import { TEMPLATES, templateBlock, templateById } from "../../src/templates/templates";

describe("templates", () => {
	it("offers at least the seven documented templates with unique ids", () => {
		expect(TEMPLATES.length).toBeGreaterThanOrEqual(7);
		expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
		expect(templateById("OVERLAY")?.name).toBe("Azure CNI Overlay (recommended)");
	});

	it.each(TEMPLATES.map((t) => [t.id, t]))("%s plans with no error and the model it names", (_id, t) => {
		const plan = planSource(t.body);
		expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
		expect(plan.findings.filter((f) => f.code === "unknown-key")).toEqual([]);
		const models: Record<string, string> = {
			overlay: "azure-cni-overlay",
			"node-subnet": "azure-cni-node-subnet",
			"pod-subnet-dynamic": "azure-cni-pod-subnet-dynamic",
			"pod-subnet-static": "azure-cni-pod-subnet-static",
			kubenet: "kubenet",
			"dual-stack": "azure-cni-overlay",
			"hub-spoke": "azure-cni-overlay",
		};
		expect(plan.model).toBe(models[t.id]);
		expect(planNote(`# t\n\n${templateBlock(t)}\n`)).toHaveLength(1);
	});
});
