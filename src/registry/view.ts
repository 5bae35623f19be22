/**
 * What a rendered block takes from the registry: its findings across notes, with the block's own
 * lines. The registry knows the note as it was last saved; a block being edited may differ, so
 * when its body is not the saved one, each finding is placed again by what it is about (its range
 * or link), and dropped when the block no longer has it.
 */
import { sortFindings, type Finding } from "../core/findings";
import { findBlocks, LANGUAGE } from "../note/blocks";
import { mayHoldFence } from "../note/fences";
import { planBody } from "../plan/plan";
import type { PlanResult } from "../plan/types";
import { findingAnchor, itemAnchor } from "./check";
import { itemsOf } from "./items";
import type { Registry, RegistryBlock } from "./registry";

function normalise(body: string): string {
	return body.replace(/\r\n/g, "\n").replace(/\n+$/, "");
}

/** The registry's block whose body is `source`, else the note's only block; null when unsure. */
export function registryBlockFor(reg: Registry, path: string, source: string): RegistryBlock | null {
	const blocks = reg.notes.get(path)?.blocks ?? [];
	const body = normalise(source);
	return blocks.find((b) => normalise(b.body) === body) ?? (blocks.length === 1 ? (blocks[0] ?? null) : null);
}

/** Lines of a plan's ranges and links, by anchor. */
function anchorLines(plan: PlanResult): Map<string, number> {
	const lines = new Map<string, number>();
	const set = (anchor: string, line: number) => {
		if (!lines.has(anchor)) lines.set(anchor, line);
	};
	for (const i of itemsOf("", plan)) set(itemAnchor(i), i.line);
	if (plan.links.vnet) set(`link ${plan.links.vnet.text}`, plan.links.vnet.line);
	for (const p of plan.links.peered) set(`link ${p.link.text}`, p.link.line);
	return lines;
}

/**
 * The findings across notes of the block `source` in note `path`, with the lines of `plan` (its
 * plan without a fence line: block lines, as the block shows them).
 */
export function crossFindingsFor(reg: Registry, path: string, source: string, plan: PlanResult): Finding[] {
	const blocks = reg.notes.get(path)?.blocks ?? [];
	// Most blocks have none: then nothing more is computed as the block is typed into.
	if (!blocks.some((b) => b.cross.length > 0)) return [];
	const body = normalise(source);
	const exact = blocks.find((b) => normalise(b.body) === body);
	if (exact) return exact.cross.map((f) => ({ ...f, line: f.line - exact.fenceLine }));
	const lines = anchorLines(plan);
	const out: Finding[] = [];
	const seen = new Set<string>();
	for (const b of blocks)
		for (const f of b.cross) {
			const anchor = findingAnchor(f);
			const line = anchor === undefined ? undefined : lines.get(anchor);
			const key = `${line ?? ""}\u0000${f.message}`;
			if (line === undefined || seen.has(key)) continue;
			seen.add(key);
			out.push({ ...f, line });
		}
	return out;
}

/**
 * The errors and warnings of a note's text, as "Check plans in vault" lists them: each block
 * planned with its linked VNet, and, while the note is as the registry last read it, its
 * findings across notes.
 */
export function noteFindings(reg: Registry, path: string, text: string): { plans: number; findings: Finding[] } {
	const blocks = mayHoldFence(text, LANGUAGE) ? findBlocks(text) : [];
	const known = reg.notes.get(path)?.blocks ?? [];
	const findings: Finding[] = [];
	blocks.forEach((b, i) => {
		const plan = planBody(b.body, {
			fenceLine: b.fenceLine,
			defaultMaxSurge: reg.options.defaultMaxSurge,
			linkedVnet: (link) => reg.linkedVnet(link, path),
		});
		findings.push(...plan.findings);
		const same = known[i];
		if (same && same.body === b.body && same.fenceLine === b.fenceLine) findings.push(...same.cross);
	});
	return { plans: blocks.length, findings: sortFindings(findings.filter((f) => f.severity !== "info")) };
}
