// The sample classes import from "obsidian" exactly as src code does: real types under
// tsc, the stub at run time.
import type { App as ObsidianApp, Editor, MarkdownPostProcessorContext } from "obsidian";
import {
	MarkdownRenderChild,
	MarkdownRenderer,
	Notice,
	Plugin,
	PluginSettingTab,
	Setting,
	SuggestModal,
} from "obsidian";
import { describe, expect, it } from "vitest";
import { FakeEditor } from "../editor-fake";
import * as stub from "../obsidian-stub";
import {
	App,
	DropdownComponent,
	MarkdownView,
	TFile,
	chooseSuggestion,
	inspect,
	loadPlugin,
	openModals,
	renderCodeBlock,
	runCommand,
	setQuery,
	settingNamed,
	showSettingTab,
} from "../obsidian-stub";

class Block extends MarkdownRenderChild {
	constructor(
		el: HTMLElement,
		private readonly source: string,
		private readonly app: ObsidianApp,
	) {
		super(el);
	}

	override onload(): void {
		this.containerEl.createEl("pre", { text: this.source });
		void MarkdownRenderer.render(this.app, `**${this.source}**`, this.containerEl, "", this);
	}
}

class Picker extends SuggestModal<string> {
	chosen: string | null = null;
	getSuggestions(query: string): string[] {
		return ["overlay", "kubenet", "node subnet"].filter((item) => item.includes(query));
	}
	renderSuggestion(item: string, el: HTMLElement): void {
		el.setText(item);
	}
	onChooseSuggestion(item: string): void {
		this.chosen = item;
	}
}

class Tab extends PluginSettingTab {
	value = "a";
	// Obsidian 1.13+ would render these instead of calling display(); the stub renders display().
	override getSettingDefinitions(): [] {
		return [];
	}

	override display(): void {
		this.containerEl.empty();
		new Setting(this.containerEl).setName("Mode").addDropdown((d) =>
			d
				.addOptions({ a: "A", b: "B" })
				.setValue(this.value)
				.onChange((v) => (this.value = v)),
		);
	}
}

class Sample extends Plugin {
	override async onload(): Promise<void> {
		const saved = (await this.loadData()) as { n?: number } | null;
		await this.saveData({ n: (saved?.n ?? 0) + 1 });
		this.registerMarkdownCodeBlockProcessor(
			"aks-ip",
			(source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
				ctx.addChild(new Block(el, source, this.app));
			},
		);
		this.addCommand({ id: "shout", name: "Shout", callback: () => new Notice("Hello") });
		this.addCommand({
			id: "insert",
			name: "Insert",
			editorCallback: (editor: Editor) => editor.replaceSelection("X"),
		});
		this.addSettingTab(new Tab(this.app, this));
	}
}

describe("Plugin stub", () => {
	it("loads a plugin, records processors, commands (prefixed like Obsidian) and data", async () => {
		const { plugin, record } = await loadPlugin(Sample, { data: { n: 4 } });
		expect(record.data).toEqual({ n: 5 });
		expect(record.codeBlockProcessors.map((p) => p.language)).toEqual(["aks-ip"]);
		expect(record.commands.map((c) => [c.id, c.command.id, c.command.name])).toEqual([
			["shout", "aks-ip:shout", "AKS IP planner: Shout"],
			["insert", "aks-ip:insert", "AKS IP planner: Insert"],
		]);
		plugin.unload();
		expect(record.commands).toHaveLength(0);
		expect(inspect(plugin).codeBlockProcessors).toHaveLength(0);
	});

	it("runs commands like the palette: editor commands need an active Markdown view", async () => {
		const { plugin, app } = await loadPlugin(Sample);
		expect(await runCommand(plugin, "shout")).toBe(true);
		expect(stub.Notice.messages).toEqual(["Hello"]);
		expect(await runCommand(plugin, "aks-ip:insert")).toBe(false);
		const editor = new FakeEditor("ab", { line: 0, ch: 1 });
		app.workspace.setActiveView(new MarkdownView(null, editor, new TFile(app.vault, "n.md")));
		expect(await runCommand(plugin, "insert")).toBe(true);
		expect(editor.getValue()).toBe("aXb");
		expect(editor.edits).toHaveLength(1);
	});

	it("renders a code block through the captured processor, and re-renders", async () => {
		const { plugin } = await loadPlugin(Sample);
		const { el, ctx } = await renderCodeBlock(plugin, "<b>x</b>", { sourcePath: "n.md" });
		expect(el.className).toBe("block-language-aks-ip");
		expect(el.querySelector("pre")?.textContent).toBe("<b>x</b>");
		expect(el.querySelector("b")).toBeNull();
		expect(stub.MarkdownRenderer.calls[0]?.component).toBe(ctx.children[0]);
		const first = ctx.children[0];
		await renderCodeBlock(plugin, "y", { ctx });
		expect(ctx.replaced).toEqual([first]);
		expect(ctx.children).toHaveLength(1);
	});

	it("drives suggest modals and settings", async () => {
		const app = new App({ files: { "a/b.md": "text" } });
		expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["a/b.md"]);
		const picker = new Picker(app as unknown as ObsidianApp);
		picker.open();
		expect(openModals).toEqual([picker]);
		await setQuery(picker, "kube");
		expect(picker.resultContainerEl.textContent).toBe("kubenet");
		expect(await chooseSuggestion(picker)).toBe("kubenet");
		expect(picker.chosen).toBe("kubenet");
		expect(openModals).toEqual([]);

		const { record } = await loadPlugin(Sample);
		const tab = record.settingTabs[0] as unknown as Tab;
		expect(tab).toBeInstanceOf(Tab);
		const dropdown = settingNamed(showSettingTab(tab), "Mode").components[0] as DropdownComponent;
		expect(dropdown.options()).toEqual(["a", "b"]);
		dropdown.change("b");
		expect(tab.value).toBe("b");
	});

	it("reads vault files and records the files opened", async () => {
		const app = new App({ files: { "n.md": "one" } });
		const file = app.vault.getFileByPath("n.md");
		if (!file) throw new Error("missing");
		expect(await app.vault.cachedRead(file)).toBe("one");
		await app.workspace.getLeaf(false).openFile(file, { eState: { line: 3 } });
		expect(app.workspace.opened).toEqual([{ via: "openFile", path: "n.md", state: { eState: { line: 3 } } }]);
	});
});
