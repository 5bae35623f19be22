/** The registry in the plugin: built after the layout is ready, in slices, kept current from vault events. */
import { afterEach, describe, expect, it, vi } from "vitest";
import AksIpPlugin from "../../main";
import { AksIpBlock } from "../../src/view/block";
import { App, TFile, loadPlugin, makeContext, renderCodeBlock, runCommand, sectionOf } from "../obsidian-stub";
import { VaultCheckModal } from "../../src/commands/vault-modal";
import { lastModal } from "../commands/helpers";
import { VAULT } from "../registry/vault";
import { TFolder } from "../stub/vault";

afterEach(() => {
	vi.restoreAllMocks();
});

async function loaded(files: Record<string, string> = VAULT, data?: unknown) {
	const { plugin, app } = await loadPlugin(AksIpPlugin, { files, data });
	await plugin.vaultRegistry.whenReady();
	return { plugin, app };
}

function fileAt(app: App, path: string): TFile {
	const file = app.vault.getFileByPath(path);
	if (!(file instanceof TFile)) throw new Error(`No note ${path}.`);
	return file;
}

/** Renders the nth aks-ip block of a vault note as Obsidian would. */
async function show(plugin: AksIpPlugin, app: App, path: string, index = 0) {
	const note = (await app.vault.read(fileAt(app, path))) ?? "";
	const section = sectionOf(note, "aks-ip", index);
	const source = section
		? note
				.split("\n")
				.slice(section.lineStart + 1, section.lineEnd)
				.join("\n")
		: "";
	return renderCodeBlock(plugin, source, { sourcePath: path, sectionInfo: section, language: "aks-ip" });
}

function findings(el: HTMLElement): string[] {
	return [...el.querySelectorAll(".aks-ip-finding")].map((li) =>
		[
			li.querySelector(".aks-ip-code")?.textContent,
			li.querySelector(".aks-ip-line")?.textContent,
			li.querySelector(".aks-ip-related")?.textContent ?? "",
		].join(" "),
	);
}

/** Lets the registry take in vault events (they are gathered for a moment first). */
async function settled(plugin: AksIpPlugin): Promise<void> {
	await new Promise((resolve) => window.setTimeout(resolve, 80));
	await plugin.vaultRegistry.whenReady();
}

describe("building the registry", () => {
	it("waits for the layout, never reads a note while the plugin loads, and builds in slices", async () => {
		const app = new App({ files: VAULT });
		for (let i = 0; i < 400; i++)
			app.vault.create(
				`more/n${i}.md`,
				`\`\`\`aks-ip\nvnet: 10.${100 + (i % 100)}.${i % 256}.0/24\ncount: 3\n\`\`\`\n`,
			);
		app.workspace.layoutReady = false;
		const read = vi.spyOn(app.vault, "cachedRead");
		const { plugin } = await loadPlugin(AksIpPlugin, { app });
		expect(read).not.toHaveBeenCalled();
		app.workspace.setLayoutReady();
		// Not even in the task that made the layout ready.
		expect(read).not.toHaveBeenCalled();
		expect(plugin.vaultRegistry.ready).toBe(false);
		await plugin.vaultRegistry.whenReady();
		expect(read).toHaveBeenCalledTimes(413);
		expect(plugin.vaultRegistry.stats.slices).toBeGreaterThan(1);
		expect(plugin.vaultRegistry.registry.notes.size).toBe(413);
	});

	it("shows each block's findings across notes, with the other note as a link to its line", async () => {
		const { plugin, app } = await loaded();
		const { el } = await show(plugin, app, "networks/Hub.md");
		expect(findings(el)).toEqual(["range-overlap Line 3 Prod, line 4"]);
		const related = el.querySelector(".aks-ip-related");
		expect(related?.getAttribute("data-href")).toBe("clusters/Prod.md");
		related?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({
			via: "openLinkText",
			path: "clusters/Prod.md",
			state: { eState: { line: 3 } },
		});
		const draft = await show(plugin, app, "drafts/Draft.md");
		expect(findings(draft.el)).toContain("unresolved-link Line 5 ");
	});

	it("proposes ranges clear of the estate: a finding across notes gets its Fix", async () => {
		const files = {
			"Hub.md": "```aks-ip\nkind: network\nvnet: 10.0.0.0/16\nranges:\n  on-premises: 10.244.0.0/14\n```\n",
			"Spoke.md":
				"```aks-ip\nvnet: 10.40.0.0/16\npeered: [[Hub]]\nnetworkPlugin: azure\nnetworkPluginMode: overlay\nnodeSubnet: 10.40.0.0/24\npodCidr: 10.244.0.0/16\n```\n",
		};
		const { plugin, app } = await loaded(files);
		const { el } = await show(plugin, app, "Spoke.md");
		const item = [...el.querySelectorAll(".aks-ip-finding")].find(
			(li) => li.querySelector(".aks-ip-related") && /Pod CIDR 10\.244\.0\.0\/16/.test(li.textContent ?? ""),
		);
		expect(item?.querySelector(".aks-ip-fix-button")?.textContent).toBe("Fix");
		const why = item?.querySelector(".aks-ip-fix-why")?.textContent ?? "";
		const to = /(\d+\.\d+\.\d+\.\d+\/\d+) is/.exec(why)?.[1] ?? "";
		expect(to).toMatch(/^\d+\.\d+\.\d+\.\d+\/16$/);
		// Clear of the hub's VNet and its on-premises range.
		expect(to.startsWith("10.244.") || to.startsWith("10.245.") || to.startsWith("10.0.")).toBe(false);
	});

	it("plans a cluster with its linked network's subnets once the registry knows them", async () => {
		const { plugin, app } = await loaded();
		const { el } = await show(plugin, app, "clusters/Prod.md");
		const rows = [...el.querySelectorAll(".aks-ip-allocation tbody tr")].map((tr) => tr.textContent ?? "");
		expect(rows.some((r) => r.startsWith("Node IPs (system)10.1.0.0/22"))).toBe(true);
		expect(el.querySelector(".aks-ip-status")?.textContent).toBe("1 error");
	});

	it("draws a network block with its subnets, free space, map and the clusters that use it, as links", async () => {
		const { plugin, app } = await loaded();
		const { el } = await show(plugin, app, "shared/Shared.md", 1);
		expect(el.querySelector(".aks-ip-model")?.textContent).toBe("Network: VNet");
		const spaces = [...el.querySelectorAll(".aks-ip-spaces tbody tr")].map((tr) =>
			[...tr.children].map((c) => c.textContent),
		);
		// 65,536 minus the note's two /24s and Team A's /22, which holds Team B's /23.
		expect(spaces).toEqual([["10.50.0.0/16", "VNet address space", "4", "64,000 (97.6%)"]]);
		const subnets = [...el.querySelectorAll(".aks-ip-subnets tbody tr")].map((tr) =>
			[...tr.children].map((c) => c.textContent),
		);
		expect(subnets).toContainEqual(["tools", "10.50.100.0/24", "other", "251 usable", "ops-tools", "This note"]);
		expect(subnets).toContainEqual(["10.50.2.0/23", "10.50.2.0/23", "", "", "aks-team-b", "Team B"]);
		expect(el.querySelectorAll(".aks-ip-map-bar")).toHaveLength(1);
		const members = [...el.querySelectorAll(".aks-ip-members li")].map((li) => li.textContent);
		expect(members).toEqual([
			"ops-tools: in this VNet (Shared)",
			"aks-team-a: in this VNet (Team A)",
			"aks-team-b: in this VNet (Team B)",
		]);
		el.querySelector(".aks-ip-members a")?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "shared/Shared.md", state: { eState: { line: 4 } } });
		expect(el.querySelector(".aks-ip-summary-section")).toBeNull();
	});
});

describe("keeping the registry current", () => {
	it("redraws only the blocks whose findings across notes change", async () => {
		const { plugin, app } = await loaded();
		const blocks = await Promise.all(
			["networks/On-premises.md", "networks/Hub.md", "labs/Lab two.md"].map((p) => show(plugin, app, p)),
		);
		const render = vi.spyOn(AksIpBlock.prototype, "render");
		const staging = fileAt(app, "clusters/Staging.md");
		await app.vault.modify(staging, (VAULT["clusters/Staging.md"] ?? "").replace("10.200.0.0/16", "172.16.0.0/16"));
		await settled(plugin);
		const redrawn = render.mock.contexts.map((c) => blocks.findIndex((b) => b.ctx.children[0] === c));
		expect(redrawn).toEqual([0]);
		expect(findings(blocks[0]?.el ?? createDiv())).toEqual([]);
	});

	it("draws a block's proposals again when another note takes their place in the same VNet", async () => {
		const a =
			"```aks-ip\nnetworkPlugin: azure\nvnet: 10.50.0.0/16\nnodeSubnet: 10.50.255.0/28\ncount: 50\nmaxPods: 30\n```\n";
		const { plugin, app } = await loaded({ "A.md": a });
		const { el } = await show(plugin, app, "A.md");
		const proposal = () =>
			[...el.querySelectorAll(".aks-ip-finding")]
				.find((li) => li.querySelector(".aks-ip-code")?.textContent === "node-subnet-too-small")
				?.querySelector(".aks-ip-fix-why")?.textContent ?? "";
		expect(proposal()).toContain("10.50.0.0/21");
		app.vault.create("B.md", "```aks-ip\nvnet: 10.50.0.0/16\nsubnets:\n  shared: 10.50.0.0/24\n```\n");
		await settled(plugin);
		expect(proposal()).not.toContain("10.50.0.0/21");
		expect(proposal()).toContain("10.50.8.0/21");
	});

	it("follows deletions and creations", async () => {
		const { plugin, app } = await loaded();
		const hub = await show(plugin, app, "networks/Hub.md");
		await app.fileManager.trashFile(fileAt(app, "networks/On-premises.md"));
		await settled(plugin);
		expect(findings(hub.el)).toContain("unresolved-link Line 7 ");
		app.vault.create("elsewhere/On-premises.md", VAULT["networks/On-premises.md"] ?? "");
		await settled(plugin);
		expect(findings(hub.el)).not.toContain("unresolved-link Line 7 ");
	});

	it("rewrites links inside aks-ip blocks when a note is renamed, one edit per note", async () => {
		const { plugin, app } = await loaded();
		const writes = app.vault.writes.length;
		await app.vault.rename(fileAt(app, "networks/Hub.md"), "networks/Hub WEU.md");
		await settled(plugin);
		await settled(plugin);
		const edits = app.vault.writes.slice(writes);
		expect(edits.map((w) => [w.via, w.path]).sort()).toEqual([
			["process", "clusters/Staging.md"],
			["process", "networks/Spoke prod network.md"],
			["process", "networks/Spoke test network.md"],
		]);
		const text = (path: string) => edits.find((w) => w.path === path)?.data ?? "";
		expect(text("clusters/Staging.md")).toContain('peered: ["[[Hub WEU|the hub]]"]');
		expect(text("networks/Spoke prod network.md")).toContain('peered: ["[[Hub WEU]]"]');
		expect(text("networks/Spoke test network.md")).toContain("peered: [[Hub WEU]]");
		const unresolved = plugin.vaultRegistry.registry
			.blocks()
			.flatMap((b) => b.cross)
			.filter((f) => f.code === "unresolved-link");
		expect(unresolved.map((f) => f.message)).toEqual([expect.stringContaining("[[Old hub]]")]);
	});

	it("moves the notes of a renamed folder", async () => {
		const { plugin, app } = await loaded();
		const folder = new TFolder(undefined, "labs-2026");
		app.vault.trigger("rename", folder, "labs");
		expect([...plugin.vaultRegistry.registry.notes.keys()].filter((p) => p.includes("Lab "))).toEqual([
			"labs-2026/Lab one.md",
			"labs-2026/Lab two.md",
		]);
	});

	it("reads only the folders in scope, and reports unconnected overlaps only when asked", async () => {
		const { plugin } = await loaded(VAULT, { registryExcluded: ["labs"], reportUnconnected: false });
		const reg = plugin.vaultRegistry.registry;
		expect([...reg.notes.keys()].some((p) => p.startsWith("labs/"))).toBe(false);
		plugin.settings.registryExcluded = [];
		await plugin.saveSettings();
		await settled(plugin);
		const warnings = () =>
			plugin.vaultRegistry.registry
				.blocks()
				.flatMap((b) => b.cross)
				.filter((f) => f.severity === "warning" && f.code === "cross-note-overlap");
		expect(plugin.vaultRegistry.registry.notes.has("labs/Lab one.md")).toBe(true);
		expect(warnings()).toEqual([]);
		plugin.settings.reportUnconnected = true;
		await plugin.saveSettings();
		await settled(plugin);
		expect(warnings()).toHaveLength(2);
	});
});

describe("the aks-ip-registry block", () => {
	it("lists the ranges inside where:, each note a link, and follows the registry", async () => {
		const { plugin, app } = await loaded();
		const { el } = await renderCodeBlock(plugin, "where: 10.50.0.0/16", {
			language: "aks-ip-registry",
			sourcePath: "Inventory.md",
		});
		const rows = () =>
			[...el.querySelectorAll(".aks-ip-inventory tbody tr")].map((tr) =>
				[...tr.children].map((c) => c.textContent),
			);
		expect(rows()[0]).toEqual(["shared-weu", "Shared, line 14", "10.50.0.0/16", "VNet", "", ""]);
		expect(rows().map((r) => r[2])).toEqual([
			"10.50.0.0/16",
			"10.50.0.0/22",
			"10.50.2.0/23",
			"10.50.8.0/24",
			"10.50.8.0/24",
			"10.50.100.0/24",
		]);
		expect(rows()[1]?.[5]).toBe("error cross-note-overlap");
		el.querySelector(".aks-ip-inventory a")?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		expect(app.workspace.opened.at(-1)).toMatchObject({ path: "shared/Shared.md", sourcePath: "Inventory.md" });
		const teamA = fileAt(app, "shared/Team A.md");
		await app.vault.modify(teamA, (VAULT["shared/Team A.md"] ?? "").replace("10.50.0.0/22", "10.50.16.0/22"));
		await settled(plugin);
		expect(rows().map((r) => r[2])).toContain("10.50.16.0/22");
	});

	it("says what it cannot read, and waits for the registry", async () => {
		const app = new App({ files: VAULT });
		app.workspace.layoutReady = false;
		const { plugin } = await loadPlugin(AksIpPlugin, { app });
		const waiting = await renderCodeBlock(plugin, "", { language: "aks-ip-registry" });
		expect(waiting.el.textContent).toContain("being built");
		app.workspace.setLayoutReady();
		await plugin.vaultRegistry.whenReady();
		expect(waiting.el.querySelectorAll(".aks-ip-inventory tbody tr").length).toBeGreaterThan(10);
		const bad = await renderCodeBlock(plugin, "where: 10.0.0.1/8\nfolderz: labs", { language: "aks-ip-registry" });
		expect([...bad.el.querySelectorAll(".aks-ip-error")].map((p) => p.textContent)).toEqual([
			'Unknown key "folderz": the block takes where: and folder:.',
			expect.stringContaining("host bits set"),
		]);
	});
});

describe("Check plans in vault", () => {
	it("lists findings across notes with the others", async () => {
		const { plugin } = await loaded();
		expect(await runCommand(plugin, "check-vault")).toBe(true);
		const modal = lastModal(VaultCheckModal);
		await modal.done;
		const notes = [...modal.contentEl.querySelectorAll(".aks-ip-vault-note .aks-ip-vault-path")].map(
			(n) => n.textContent,
		);
		expect(notes).toEqual(
			expect.arrayContaining([
				"networks/Hub.md",
				"networks/On-premises.md",
				"labs/Lab one.md",
				"drafts/Draft.md",
			]),
		);
		const codes = [...modal.contentEl.querySelectorAll(".aks-ip-code")].map((c) => c.textContent);
		expect(codes).toContain("cross-note-overlap");
		expect(codes).toContain("unresolved-link");
	});
});

describe("the block without a registry", () => {
	it("stands alone: a linked VNet's subnet names are not judged", async () => {
		const { plugin } = await loadPlugin(AksIpPlugin);
		const ctx = makeContext({ sourcePath: "x.md" });
		const { el } = await renderCodeBlock(plugin, "vnet: [[Nowhere]]\nnodeSubnet: nodes", { ctx });
		expect(el.querySelector(".aks-ip-status")?.textContent).toBe("OK");
	});
});
