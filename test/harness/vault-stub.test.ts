// The stub's vault, metadata cache, file manager and layout readiness behave as Obsidian documents.
import { describe, expect, it } from "vitest";
import { App, TFile } from "../obsidian-stub";

function fileAt(app: App, path: string): TFile {
	const file = app.vault.getFileByPath(path);
	if (!(file instanceof TFile)) throw new Error(path);
	return file;
}

describe("the stub vault", () => {
	it("fires create, modify, rename and delete, and records writes", async () => {
		const app = new App({ files: { "a/Note.md": "one" } });
		const events: string[] = [];
		for (const name of ["create", "modify", "rename", "delete"])
			app.vault.on(name, (f: TFile, old?: string) => events.push(`${name} ${f.path}${old ? ` ${old}` : ""}`));
		app.vault.create("b.md", "two");
		const note = fileAt(app, "a/Note.md");
		await app.vault.modify(note, "three");
		expect(await app.vault.process(note, (t) => `${t}!`)).toBe("three!");
		await app.vault.rename(note, "c/Renamed.md");
		expect([note.path, note.basename, note.parent?.path]).toEqual(["c/Renamed.md", "Renamed", "c"]);
		expect(app.vault.getAbstractFileByPath("a/Note.md")).toBeNull();
		await app.fileManager.trashFile(fileAt(app, "b.md"));
		expect(events).toEqual([
			"create b.md",
			"modify a/Note.md",
			"modify a/Note.md",
			"rename c/Renamed.md a/Note.md",
			"delete b.md",
		]);
		expect(app.vault.writes.map((w) => [w.via, w.data])).toEqual([
			["modify", "three"],
			["process", "three!"],
		]);
		await expect(app.vault.rename(fileAt(app, "c/Renamed.md"), "c/Renamed.md")).rejects.toThrow();
	});
});

describe("the stub metadata cache", () => {
	const app = new App({
		files: { "Hub.md": "", "x/Dup.md": "", "y/Dup.md": "", "y/deep/Dup.md": "", "z/Deep note.md": "" },
	});

	it.each([
		["Hub", "n.md", "Hub.md"],
		["hub", "n.md", "Hub.md"],
		["Hub.md", "n.md", "Hub.md"],
		["Hub#Heading", "n.md", "Hub.md"],
		["Deep note", "n.md", "z/Deep note.md"],
		["z/Deep note", "n.md", "z/Deep note.md"],
		["Dup", "y/deep/n.md", "y/deep/Dup.md"],
		["Dup", "q/n.md", "x/Dup.md"],
		["Nowhere", "n.md", null],
	])("resolves %s from %s to %s", (link, source, path) => {
		expect(app.metadataCache.getFirstLinkpathDest(link, source)?.path ?? null).toBe(path);
	});

	it("writes a note's name when unique, else its path", () => {
		expect(app.metadataCache.fileToLinktext(fileAt(app, "z/Deep note.md"), "n.md", true)).toBe("Deep note");
		expect(app.metadataCache.fileToLinktext(fileAt(app, "x/Dup.md"), "n.md", true)).toBe("x/Dup");
		expect(app.metadataCache.fileToLinktext(fileAt(app, "Hub.md"), "n.md", false)).toBe("Hub.md");
	});
});

describe("the stub workspace", () => {
	it("runs layout-ready callbacks at once when ready, else when it becomes ready", () => {
		const app = new App();
		const ran: string[] = [];
		app.workspace.onLayoutReady(() => ran.push("ready"));
		app.workspace.layoutReady = false;
		app.workspace.onLayoutReady(() => ran.push("later"));
		expect(ran).toEqual(["ready"]);
		app.workspace.setLayoutReady();
		expect(ran).toEqual(["ready", "later"]);
	});

	it("records openLinkText", async () => {
		const app = new App();
		await app.workspace.openLinkText("Hub.md", "n.md", false, { eState: { line: 2 } });
		expect(app.workspace.opened).toEqual([
			{ via: "openLinkText", path: "Hub.md", sourcePath: "n.md", state: { eState: { line: 2 } } },
		]);
	});
});
