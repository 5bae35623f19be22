/** Resolving and rewriting links, and the sweep that finds overlaps without comparing every pair. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NoteIndex, rewriteLinks } from "../../src/registry/links";
import { compareItems, sweep, sweepBetween, type RangeItem } from "../../src/registry/items";
import { makeCidr, overlaps } from "../../src/net/address";

describe("resolving a link as Obsidian does", () => {
	const index = new NoteIndex();
	for (const p of ["Hub.md", "networks/Spoke.md", "a/Dup.md", "b/Dup.md", "b/deep/Dup.md", "x/y/Deep note.md"])
		index.add(p);

	it.each([
		["Hub", "any.md", "Hub.md"],
		["hub", "any.md", "Hub.md"],
		["Hub.md", "any.md", "Hub.md"],
		["Spoke", "any.md", "networks/Spoke.md"],
		["networks/Spoke", "any.md", "networks/Spoke.md"],
		["y/Deep note", "any.md", "x/y/Deep note.md"],
		["Dup", "b/n.md", "b/Dup.md"],
		["Dup", "b/deep/n.md", "b/deep/Dup.md"],
		["Dup", "c/n.md", "a/Dup.md"],
		["a/Dup", "b/n.md", "a/Dup.md"],
		["../Hub", "networks/n.md", "Hub.md"],
		["./Spoke", "networks/n.md", "networks/Spoke.md"],
		["Nowhere", "any.md", null],
		["../../Hub", "networks/n.md", null],
	])("%s from %s → %s", (link, source, expected) => {
		expect(index.resolve(link, source)).toBe(expected);
	});

	it("names a note by its name when unique, else by its path", () => {
		expect(index.linktext("networks/Spoke.md")).toBe("Spoke");
		expect(index.linktext("a/Dup.md")).toBe("a/Dup");
		index.remove("b/Dup.md");
		index.remove("b/deep/Dup.md");
		expect(index.linktext("a/Dup.md")).toBe("Dup");
	});
});

describe("rewriting links inside aks-ip blocks", () => {
	const note = [
		"# Prod [[Hub]] stays as Obsidian handles it",
		"```aks-ip",
		"vnet: [[Hub]]",
		'peered: ["[[hub#Ranges|the hub]]", [[Other]]]',
		"```",
		"```yaml",
		"a: [[Hub]]",
		"```",
		"~~~aks-ip",
		"peered:",
		"  - [[Hub|h]]",
		"~~~",
	].join("\n");
	const toNew = (to: string) => (l: { path: string }) => (l.path.toLowerCase() === "hub" ? to : null);

	it("changes the path of the links that named the note, keeping heading and alias, and nothing else", () => {
		const r = rewriteLinks(note, toNew("Hub WEU"));
		expect(r.count).toBe(3);
		expect(r.text.split("\n")).toEqual([
			"# Prod [[Hub]] stays as Obsidian handles it",
			"```aks-ip",
			"vnet: [[Hub WEU]]",
			'peered: ["[[Hub WEU#Ranges|the hub]]", [[Other]]]',
			"```",
			"```yaml",
			"a: [[Hub]]",
			"```",
			"~~~aks-ip",
			"peered:",
			"  - [[Hub WEU|h]]",
			"~~~",
		]);
	});

	it("quotes a bare link whose new path YAML would misread, and leaves a note without change as it is", () => {
		const r = rewriteLinks(note, toNew("Hub, west"));
		expect(r.text).toContain('vnet: "[[Hub, west]]"');
		expect(r.text).toContain('peered: ["[[Hub, west#Ranges|the hub]]"');
		expect(rewriteLinks(note, () => null)).toEqual({ text: note, count: 0 });
	});
});

function items(ranges: [number, number][]): RangeItem[] {
	return ranges.map(([start, prefix], i) => {
		const cidr = makeCidr(4, (BigInt(start) << BigInt(32 - prefix)) & 0xffffffffn, prefix);
		return {
			block: `b${i}`,
			kind: i % 3 === 0 ? "service" : "subnet",
			cidr,
			line: i,
			label: "",
			defaulted: false,
			name: "",
			top: true,
			family: 4,
			s: Number(cidr.start),
			e: Number(cidr.end),
		};
	});
}

describe("the sweep", () => {
	const ranges = fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 4, max: 12 })), {
		maxLength: 60,
	});
	const key = (a: RangeItem, b: RangeItem) => [a.block, b.block].sort().join("-");

	it("finds exactly the overlapping pairs", () => {
		fc.assert(
			fc.property(ranges, (list) => {
				const all = items(list);
				const expected = new Set<string>();
				for (let i = 0; i < all.length; i++)
					for (let j = i + 1; j < all.length; j++) {
						const a = all[i];
						const b = all[j];
						if (a && b && overlaps(a.cidr, b.cidr)) expected.add(key(a, b));
					}
				const found = new Set<string>();
				sweep([...all].sort(compareItems), (a, b) => found.add(key(a, b)));
				expect(found).toEqual(expected);
			}),
		);
	});

	it("finds exactly the overlapping pairs between two sides", () => {
		fc.assert(
			fc.property(ranges, (list) => {
				const all = items(list);
				const left = (i: RangeItem) => i.kind === "service";
				const expected = new Set<string>();
				for (const a of all)
					for (const b of all)
						if (left(a) && !left(b) && overlaps(a.cidr, b.cidr)) expected.add(`${a.block}-${b.block}`);
				const found = new Set<string>();
				sweepBetween([...all].sort(compareItems), left, (l, r) => found.add(`${l.block}-${r.block}`));
				expect(found).toEqual(expected);
			}),
		);
	});
});
