/** Plain-text output of the command line. */
import type { PlanResult } from "../api";
import { planModelLabel } from "../plan/model";
import { planStatus } from "../plan/status";
import { groupDigits, leftOf } from "../core/numbers";
import { clusterSentence, poolSentence, whatIfChanges, whatIfOutcome } from "../plan/growth/words";

export function findingLine(
	file: string,
	f: { severity: string; code: string; message: string; line: number },
): string {
	return `${file}:${f.line}: ${f.severity} ${f.code} ${f.message}`;
}

/** Growth, one line per pool and one for the cluster; the what-if first when the block has one. */
function growthLines(plan: PlanResult): string[] {
	const out: string[] = [];
	if (plan.whatIf) out.push(`  what if: ${whatIfChanges(plan.whatIf)}: ${whatIfOutcome(plan.whatIf)}`);
	if (!plan.growth) return out;
	for (const g of plan.growth.pools) out.push(`  growth: ${poolSentence(g)}`);
	out.push(`  growth: ${clusterSentence(plan.growth.cluster)}`);
	return out;
}

/** A short human summary of one plan, then its findings in FILE:LINE form. */
export function planText(file: string, plan: PlanResult): string {
	const out: string[] = [];
	if (!plan.parsed) {
		out.push(`${file}:${plan.line}: block not planned: ${planStatus(plan).text}`);
	} else {
		out.push(
			`${file}:${plan.line}: ${plan.cluster}: ${planModelLabel(plan)}, ${plan.ipFamilies.join(" + ")}: ${planStatus(plan).text}`,
		);
		const rows: string[][] = [];
		for (const v of plan.vnet)
			rows.push(["VNet", v.cidr.text, "", "", "", v.defaulted ? "AKS-managed (default)" : ""]);
		for (const s of plan.subnets) {
			const kind = s.role === "node" ? "node subnet" : s.role === "pod" ? "pod subnet" : `subnet (${s.purpose})`;
			const used =
				s.role === "other" && s.required === 0n
					? ["", "", ""]
					: [`${groupDigits(s.required)} needed`, leftOf(s.free, s.usable)];
			rows.push([
				kind,
				s.cidr.text,
				`${groupDigits(s.usable)} usable`,
				...used.slice(0, 2),
				[s.name, s.pools.join(", ")].filter(Boolean).join(": "),
			]);
		}
		for (const c of plan.podCidrs)
			rows.push([
				"pod CIDR",
				c.cidr.text,
				`${groupDigits(c.blocks)} /${c.blockPrefix} blocks`,
				`${groupDigits(c.requiredBlocks)} needed`,
				leftOf(c.blocks - c.requiredBlocks, c.blocks),
				c.defaulted ? "default" : "",
			]);
		for (const c of plan.serviceCidrs)
			rows.push([
				"service CIDR",
				c.cidr.text,
				`${groupDigits(c.size)} addresses`,
				"",
				"",
				`DNS ${c.dnsServiceIp?.text ?? "-"}${c.defaulted ? ", default" : ""}`,
			]);
		const widths = rows.reduce<number[]>((w, r) => r.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
		for (const r of rows)
			out.push(
				`  ${r
					.map((cell, i) => cell.padEnd(widths[i] ?? 0))
					.join("  ")
					.trimEnd()}`,
			);
		const pools = plan.pools.map(
			(p) =>
				`${p.name} ${p.maxCount !== null ? `${p.count}-${p.maxCount}` : p.count}+${p.surge} = ${p.nodesAtFullScale}`,
		);
		out.push(`  pools: ${pools.join("; ")} (nodes at full scale: ${plan.nodesAtFullScale})`, ...growthLines(plan));
	}
	for (const f of plan.findings) out.push(findingLine(file, f));
	return out.join("\n");
}
