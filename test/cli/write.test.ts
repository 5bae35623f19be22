import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAtomically } from "../../src/cli/render";

// Failures made without file permissions, so they happen for root too (CI runs as root).
describe("writing a note atomically", () => {
	it("replaces the note and leaves no temporary file", () => {
		const dir = mkdtempSync(join(tmpdir(), "aks-ip-write-"));
		writeFileSync(join(dir, "n.md"), "old");
		writeAtomically(join(dir, "n.md"), "new");
		expect(readFileSync(join(dir, "n.md"), "utf8")).toBe("new");
		expect(readdirSync(dir)).toEqual(["n.md"]);
	});

	it("leaves the note and a foreign temporary file intact when the temporary file cannot be made", () => {
		const dir = mkdtempSync(join(tmpdir(), "aks-ip-write-"));
		const temp = join(dir, `.n.md.aks-ip-${process.pid}.tmp`);
		writeFileSync(join(dir, "n.md"), "old");
		writeFileSync(temp, "someone else's");
		expect(() => writeAtomically(join(dir, "n.md"), "new")).toThrow(/EEXIST/);
		expect(readFileSync(join(dir, "n.md"), "utf8")).toBe("old");
		expect(readFileSync(temp, "utf8")).toBe("someone else's");
	});

	it("removes its temporary file and keeps the target when the rename fails", () => {
		const dir = mkdtempSync(join(tmpdir(), "aks-ip-write-"));
		mkdirSync(join(dir, "n.md"));
		writeFileSync(join(dir, "n.md", "inside"), "kept");
		expect(() => writeAtomically(join(dir, "n.md"), "new")).toThrow();
		expect(readdirSync(dir)).toEqual(["n.md"]);
		expect(readFileSync(join(dir, "n.md", "inside"), "utf8")).toBe("kept");
	});
});
