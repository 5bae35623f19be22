/** `aks-ip migrate`: the move of each block's cluster to Azure CNI Overlay. */
import { parseArgs } from "node:util";
import { allocContextOf, findBlocks, jsonInt, migrationOf, planSource, type PlanResult } from "../api";
import { groupDigits as num } from "../core/numbers";
import { limitText } from "../plan/growth/words";
import { movesToOverlay, type CapacityChange, type Migration } from "../plan/migration/migration";
import { planModelLabel } from "../plan/model";
import { isBareSpec, planInput } from "./io";
import type { Io } from "./main";
import { loadNotes } from "./vault";

const MIGRATE_HELP = `Usage: aks-ip migrate [--json] [--vault DIR] FILE...

For every aks-ip block of each FILE (a note, a bare spec, or - for standard input): the move of
a kubenet or Azure CNI node subnet cluster to Azure CNI Overlay. Prints each documented
precondition as pass, fail or unknown from what the spec says, what to know before the move,
a pod CIDR for the overlay clear of every routed range, capacity before and after, the target
block (which plans with no error) and the az aks update command that performs the move.
Other models say whether, and how, they could move.

Every FILE is read into one registry, as check does: a vnet linked to a network note is looked
up there (the target keeps the link and names that network's subnets), and the pod CIDR stays
clear of what the other notes route to the cluster (a peered hub, on-premises ranges).

  --json       print {"blocks": [...]} with each block's file, line, cluster, model and migration
  --vault DIR  the vault root links resolve from (default: the folder common to every FILE)
  -h, --help   show this help
Exit status: 0 when every file was read, 1 when a file could not be read, 2 for usage errors.
`;

function growthWords(g: CapacityChange["growth"]["before"]): string {
	return g?.canGrowTo != null && g.boundBy
		? `${num(g.canGrowTo)} nodes (${limitText(g.boundBy)} binds)`
		: "no limit left";
}

function capacityLines(c: CapacityChange): string[] {
	const out = c.nodeSubnets.map(
		(s) =>
			`  node subnet ${s.cidr}: ${num(s.before)} → ${num(s.after)} of ${num(s.usable)} usable IPs at full scale`,
	);
	const before = c.podCidr.before
		? `${c.podCidr.before.cidr}, ${num(c.podCidr.before.blocks)} node blocks`
		: "node subnets";
	out.push(`  pod IPs: ${before} → ${c.podCidr.after.cidr}, ${num(c.podCidr.after.blocks)} node blocks`);
	out.push(`  all pools can grow to: ${growthWords(c.growth.before)} → ${growthWords(c.growth.after)}`);
	return out;
}

/** One block's move in words. */
function migrationText(file: string, plan: PlanResult): string {
	const m = migrationOf(plan);
	if (plan.parsed && plan.kind === "network") return `${file}:${plan.line}: a network block: no cluster to move`;
	if (!plan.parsed || !m) return `${file}:${plan.line}: block not planned`;
	if (!movesToOverlay(plan.model)) {
		const why = m.preconditions.find((c) => c.id === "source-model")?.detail ?? "";
		return `${file}:${plan.line}: ${plan.cluster}: ${planModelLabel(plan)}: ${why}`;
	}
	const out = [`${file}:${plan.line}: ${plan.cluster}: ${planModelLabel(plan)} → Azure CNI Overlay: ${m.verdict}`];
	for (const c of m.preconditions) out.push(`  ${c.status.padEnd(7)}  ${c.title}: ${c.detail}`);
	if (!m.target || !m.capacity || !m.command || !m.podCidr) return out.join("\n");
	for (const n of m.notes) out.push(`  note: ${n}`);
	out.push(
		`  pod CIDR: ${m.podCidr.cidr.text}${m.podCidr.kept ? " (kubenet's own, kept)" : ""}`,
		"  capacity, before → after:",
	);
	out.push(...capacityLines(m.capacity));
	for (const f of m.target.errors) out.push(`  target error: ${f.code} ${f.message}`);
	out.push("  target block:", "```aks-ip", m.target.body.trimEnd(), "```", "  command:", m.command);
	return out.join("\n");
}

function migrationJson(m: Migration | null) {
	if (!m) return null;
	const c = m.capacity;
	return {
		verdict: m.verdict,
		preconditions: m.preconditions.map((p) => ({
			id: p.id,
			title: p.title,
			status: p.status,
			detail: p.detail,
			line: p.line,
		})),
		notes: [...m.notes],
		podCidr: m.podCidr ? { cidr: m.podCidr.cidr.text, kept: m.podCidr.kept } : null,
		capacity: c
			? {
					nodeSubnets: c.nodeSubnets.map((s) => ({
						cidr: s.cidr,
						usable: jsonInt(s.usable),
						before: jsonInt(s.before),
						after: jsonInt(s.after),
					})),
					podCidr: {
						before: c.podCidr.before
							? { cidr: c.podCidr.before.cidr, blocks: jsonInt(c.podCidr.before.blocks) }
							: null,
						after: { cidr: c.podCidr.after.cidr, blocks: jsonInt(c.podCidr.after.blocks) },
						needed: jsonInt(c.podCidr.needed),
					},
					canGrowTo: { before: c.growth.before?.canGrowTo ?? null, after: c.growth.after?.canGrowTo ?? null },
				}
			: null,
		target: m.target ? { body: m.target.body, errors: m.target.errors.map((f) => ({ ...f })) } : null,
		command: m.command,
	};
}

interface MigrateOptions {
	json?: boolean;
	vault?: string;
}

/** The blocks of every FILE, planned in one registry: the linked network, and what to stay clear of. */
function plannedNotes(files: string[], vault: string | undefined, io: Io) {
	const loaded = loadNotes(files, vault, io);
	const notes = loaded.notes.map(({ input, key }) => {
		if (key === null) return { name: input.name, plans: planInput(input) };
		const blocks = isBareSpec(input) ? [{ fenceLine: 0, body: input.text }] : findBlocks(input.text);
		const plans = blocks.map((b, i) =>
			planSource(b.body, {
				fenceLine: b.fenceLine,
				context: allocContextOf(loaded.registry, key, i),
				linkedVnet: (link) => loaded.registry.linkedVnet(link, key),
			}),
		);
		return { name: input.name, plans };
	});
	return { notes, failed: loaded.unreadable > 0 };
}

export function migrate(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: "boolean" }, vault: { type: "string" }, help: { type: "boolean", short: "h" } },
	});
	if (values.help) {
		io.out(MIGRATE_HELP);
		return 0;
	}
	if (positionals.length === 0) {
		io.err("aks-ip: migrate needs at least one FILE (or - for standard input)\nTry 'aks-ip --help'.\n");
		return 2;
	}
	return migrateFiles(positionals, { json: values.json, vault: values.vault }, io);
}

function migrateFiles(files: string[], options: MigrateOptions, io: Io): number {
	const { notes, failed } = plannedNotes(files, options.vault, io);
	const blocks: unknown[] = [];
	const texts: string[] = [];
	for (const { name, plans } of notes) {
		for (const p of plans) {
			if (options.json)
				blocks.push({
					file: name,
					line: p.line,
					cluster: p.cluster,
					model: p.parsed ? p.model : null,
					migration: migrationJson(migrationOf(p)),
				});
			else texts.push(migrationText(name, p));
		}
	}
	if (options.json) io.out(`${JSON.stringify({ blocks }, null, 2)}\n`);
	else if (texts.length > 0) io.out(`${texts.join("\n\n")}\n`);
	return failed ? 1 : 0;
}
