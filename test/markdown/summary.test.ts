import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planSource, toMarkdown } from "../../src/api";
import { applyEdits, existingRegion, summaryEdit, SUMMARY_END, SUMMARY_START } from "../../src/markdown/region";
import { findBlocks } from "../../src/note/blocks";
import { TEMPLATES } from "../../src/templates/templates";

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");

describe("the Markdown summary", () => {
	it("matches the approved summary of the example spec", async () => {
		await expect(toMarkdown(planSource(EXAMPLE))).toMatchFileSnapshot("./approved/example-summary.md");
	});

	it.each(TEMPLATES.map((t) => [t.id, t.body]))(
		"matches the approved summary of the %s template",
		async (id, body) => {
			await expect(toMarkdown(planSource(body))).toMatchFileSnapshot(`./approved/template-${id}.md`);
		},
	);

	it("has the sections of the production example note's summary in order, with bold-labelled bullets", () => {
		const md = toMarkdown(planSource(EXAMPLE));
		const headings = md.split("\n").filter((l) => l.startsWith("#"));
		expect(headings).toEqual([
			"## aks-prod-weu: IP allocation",
			"### 1. Node IPs",
			"### 2. Pod IPs",
			"### 3. Service IPs",
			"### 4. Load balancer IPs",
			"### 5. Egress",
			"### IP management",
			"### Growth",
			"### Key takeaways",
		]);
		for (const label of [
			"**Source:**",
			"**Management:**",
			"**Reachable from:**",
			"**Purpose:**",
			"**Capacity:**",
			"**Private destinations:**",
			"**Internet:**",
			"**Azure:**",
			"**Pod IPs:**",
			"**Kubernetes:**",
			"**ClusterIP:**",
			"**LoadBalancer:**",
		])
			expect(md).toContain(label);
	});

	it("derives the takeaways from the model: VNet pods under Azure CNI, hidden pods under overlay", () => {
		const flat = toMarkdown(
			planSource("networkPlugin: azure\nvnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/22\ncount: 3"),
		);
		expect(flat).toContain("Pods take VNet addresses, reachable both ways");
		expect(flat).not.toContain("nothing outside the cluster can connect to a pod");
		const overlay = toMarkdown(planSource("count: 3"));
		expect(overlay).toContain("nothing outside the cluster can connect to a pod");
	});

	it("lists errors, follows the heading level, and escapes spec text", () => {
		const md = toMarkdown(
			planSource("cluster: '*bold* <b>x</b> [l](u) #tag'\nvnet: 10.1.0.0/16\nnodeSubnet: 10.1.0.0/29\ncount: 9"),
			{ headingLevel: 3 },
		);
		expect(md.startsWith("### \\*bold\\* \\<b\\>x\\</b\\> \\[l\\](u) \\#tag: IP allocation\n")).toBe(true);
		expect(md).toContain("#### Errors\n- Line 3: Node subnet 10.1.0.0/29 has 3 usable IPs");
	});

	it("says so when the plan cannot be read", () => {
		expect(toMarkdown(planSource("a: [1"))).toContain("The plan could not be read:");
	});
});

describe("the summary region", () => {
	const note = "# T\n\n```aks-ip\ncount: 3\n```\nNext line right after.\n";

	it("is inserted after the closing fence, keeps everything else, and refreshes in place", () => {
		const block = findBlocks(note)[0]!;
		const first = applyEdits(note, [summaryEdit(note, block, "## A\n")!]);
		expect(first).toBe(
			`# T\n\n\`\`\`aks-ip\ncount: 3\n\`\`\`\n\n${SUMMARY_START}\n## A\n${SUMMARY_END}\n\nNext line right after.\n`,
		);
		const block2 = findBlocks(first)[0]!;
		expect(existingRegion(first, block2)).not.toBeNull();
		const second = applyEdits(first, [summaryEdit(first, block2, "## B\n")!]);
		expect(second).toBe(first.replace("## A", "## B"));
		expect(applyEdits(second, [summaryEdit(second, findBlocks(second)[0]!, "## B")!])).toBe(second);
	});

	it("never takes text it did not write: a start marker without an end gets a new region", () => {
		const broken = `${note.replace("Next", `${SUMMARY_START}\nmine\nNext`)}`;
		const out = applyEdits(broken, [summaryEdit(broken, findBlocks(broken)[0]!, "## A")!]);
		expect(out).toContain("mine\nNext line right after.");
	});

	it("refuses a block without a closing fence", () => {
		const open = "```aks-ip\ncount: 3\n";
		expect(summaryEdit(open, findBlocks(open)[0]!, "## A")).toBeNull();
	});
});
