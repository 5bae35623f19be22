import { describe, expect, it } from "vitest";
import { proposalEdits } from "../../src/allocate/edits";
import type { Proposal, ValueEdit } from "../../src/allocate/types";
import { findBlocks } from "../../src/note/blocks";

function proposal(...edits: ValueEdit[]): Proposal {
	return {
		kind: "fix",
		codes: [],
		subjects: [],
		line: 1,
		from: null,
		to: "",
		why: "because",
		edits,
		auto: true,
		active: true,
	};
}

function edit(text: string, fenceLine: number, ...edits: ValueEdit[]): string {
	const r = proposalEdits(text, fenceLine, [proposal(...edits)]);
	if (!r.ok) throw new Error(r.reason);
	return r.text;
}

describe("rewriting a value in place", () => {
	it.each([
		["nodeSubnet: 10.0.0.0/24   # nodes", "nodeSubnet: 10.0.8.0/21   # nodes"],
		['nodeSubnet: "10.0.0.0/24" # nodes', 'nodeSubnet: "10.0.8.0/21" # nodes'],
		["nodeSubnet: '10.0.0.0/24'", "nodeSubnet: '10.0.8.0/21'"],
		["nodeSubnet: [10.0.0.0/24, 'fd00::/64']", "nodeSubnet: [10.0.8.0/21, 'fd00::/64']"],
		["nodeSubnet: 10.0.0.5/24", "nodeSubnet: 10.0.8.0/21"],
	])("%s", (line, want) => {
		expect(
			edit(`vnet: 10.0.0.0/16\n${line}\ncount: 3\n`, 0, {
				kind: "replace",
				line: 2,
				from: "10.0.0.0/24",
				to: "10.0.8.0/21",
			}),
		).toBe(`vnet: 10.0.0.0/16\n${want}\ncount: 3\n`);
	});

	it("finds a subnet's CIDR written on the lines below its name", () => {
		const spec = "subnets:\n  nodes:\n    purpose: other\n    cidr: 10.0.0.0/24\nnodeSubnet: nodes\n";
		expect(edit(spec, 0, { kind: "replace", line: 2, from: "10.0.0.0/24", to: "10.0.1.0/24" })).toBe(
			spec.replace("10.0.0.0/24", "10.0.1.0/24"),
		);
	});

	it("edits a block indented in a note, with tabs and CRLF, and nothing else", () => {
		const note =
			"# Title\r\n\r\n  ```aks-ip\r\n  vnet: 10.0.0.0/16\r\n  agentPools:\r\n    - name: a\r\n  \tnodeSubnet: 10.0.0.0/28 # x\r\n  ```\r\nAfter\r\n";
		const [block] = findBlocks(note);
		expect(block?.fenceLine).toBe(3);
		expect(edit(note, 3, { kind: "replace", line: 7, from: "10.0.0.0/28", to: "10.0.0.0/27" })).toBe(
			note.replace("/28", "/27"),
		);
	});

	it("refuses when the value is not where the plan read it", () => {
		const r = proposalEdits("vnet: 10.0.0.0/16\n", 0, [
			proposal({ kind: "replace", line: 1, from: "10.9.0.0/16", to: "10.1.0.0/16" }),
		]);
		expect(r).toEqual({ ok: false, reason: "10.9.0.0/16 (line 1) is not written where the plan read it" });
	});
});

describe("adding a key the spec lacks", () => {
	it("goes after the key it follows, indented like it, in the block's quoting", () => {
		const note = "x\n```aks-ip\ncluster: a\nvnet: '10.0.0.0/16' # space\nagentPools:\n  - name: p\n```\n";
		expect(
			edit(
				note,
				2,
				{ kind: "insert", key: "nodeSubnet", to: "10.0.0.0/24" },
				{ kind: "insert", key: "serviceCidr", to: "10.1.0.0/16" },
			),
		).toBe(
			"x\n```aks-ip\ncluster: a\nvnet: '10.0.0.0/16' # space\nnodeSubnet: '10.0.0.0/24'\nserviceCidr: '10.1.0.0/16'\nagentPools:\n  - name: p\n```\n",
		);
	});

	it("after a list value, and at the top when no key it follows is there", () => {
		expect(
			edit("vnet:\n  - 10.0.0.0/16\n# pools\ncount: 3", 0, {
				kind: "insert",
				key: "nodeSubnet",
				to: "10.0.0.0/24",
			}),
		).toBe("vnet:\n  - 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24\n# pools\ncount: 3");
		expect(edit("count: 3\n", 0, { kind: "insert", key: "podCidr", to: "10.244.0.0/16" })).toBe(
			"podCidr: 10.244.0.0/16\ncount: 3\n",
		);
		expect(edit("vnet: 10.0.0.0/16", 0, { kind: "insert", key: "podCidr", to: "10.244.0.0/16" })).toBe(
			"vnet: 10.0.0.0/16\npodCidr: 10.244.0.0/16",
		);
	});

	it("into a JSON body", () => {
		const json = '{\n  "vnet": "10.0.0.0/16",\n  "count": 3\n}';
		expect(edit(json, 0, { kind: "insert", key: "nodeSubnet", to: "10.0.0.0/24" })).toBe(
			'{\n  "vnet": "10.0.0.0/16",\n  "count": 3,\n  "nodeSubnet": "10.0.0.0/24"\n}',
		);
	});

	it("fills a key written without a value, and a subnets entry without its CIDR", () => {
		expect(
			edit("vnet: 10.0.0.0/16\nnodeSubnet:   # fill in\n", 0, {
				kind: "insert",
				key: "nodeSubnet",
				to: "10.0.0.0/24",
			}),
		).toBe("vnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/24   # fill in\n");
		const spec = "subnets:\n  aks-nodes:   # fill in\n  AzureFirewallSubnet: ~\nnodeSubnet: aks-nodes\n";
		expect(
			edit(
				spec,
				0,
				{ kind: "fill", name: "aks-nodes", to: "10.0.0.0/24" },
				{ kind: "fill", name: "azurefirewallsubnet", to: "10.0.1.0/26" },
			),
		).toBe(
			"subnets:\n  aks-nodes: 10.0.0.0/24   # fill in\n  AzureFirewallSubnet: 10.0.1.0/26\nnodeSubnet: aks-nodes\n",
		);
	});
});

describe("growing the VNet", () => {
	it.each([
		["vnet: 10.0.0.0/24 # hub", "vnet: [10.0.0.0/24, 10.9.0.0/22] # hub"],
		["vnet: [10.0.0.0/24]", "vnet: [10.0.0.0/24, 10.9.0.0/22]"],
		["vnet:\n  - 10.0.0.0/24 # a", "vnet:\n  - 10.0.0.0/24 # a\n  - 10.9.0.0/22"],
	])("%s", (before, after) => {
		expect(edit(`${before}\ncount: 3\n`, 0, { kind: "append", line: 1, to: "10.9.0.0/22" })).toBe(
			`${after}\ncount: 3\n`,
		);
	});
});

describe("what the command line lists", () => {
	it("each change with its line in the new text, the old and new text, and why", () => {
		const r = proposalEdits("vnet: 10.0.0.0/16\nnodeSubnet: 10.0.0.0/28\n", 0, [
			proposal(
				{ kind: "insert", key: "podCidr", to: "10.244.0.0/16" },
				{ kind: "replace", line: 2, from: "10.0.0.0/28", to: "10.0.0.0/27" },
			),
		]);
		expect(r.ok && r.changes).toEqual([
			{ line: 2, old: "10.0.0.0/28", new: "10.0.0.0/27", why: "because" },
			{ line: 3, old: "(none)", new: "podCidr: 10.244.0.0/16", why: "because" },
		]);
	});
});
