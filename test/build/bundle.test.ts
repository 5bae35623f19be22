import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";

// main.js is built by test/global-setup.ts before the tests run.
describe("the plugin bundle", () => {
	it("main.js requires only obsidian: nothing from Node, so it runs on mobile", () => {
		const js = readFileSync("main.js", "utf8");
		const required = new Set([...js.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
		expect([...required]).toEqual(["obsidian"]);
		expect(js).not.toMatch(/\bprocess\.(env|cwd|argv)\b|\bBuffer\.from\(|["'`]node:[a-z_]+["'`]/);
	});

	it("stays within its size budget of 390,000 bytes", () => {
		// yaml ships whole (its Document class carries the writer and every schema): about 100 kB;
		// growth and the move to overlay are about 28 kB; the registry across notes (src/registry,
		// src/vault, the network and registry blocks) about 40 kB; the allocator and its Fix and
		// Fill actions about 30 kB; the fast YAML reader that plans 3,000 pools in a sixth of the
		// time (src/parse/fast-yaml.ts, fast-line.ts) about 7.5 kB.
		expect(statSync("main.js").size).toBeLessThanOrEqual(390_000);
	});

	it("is CommonJS with a default export and a fixed banner", () => {
		const js = readFileSync("main.js", "utf8");
		expect(js.startsWith("/*\naks-ip")).toBe(true);
		expect(js).toMatch(/module\.exports/);
	});

	it("manifest, versions and package agree", () => {
		const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as {
			id: string;
			version: string;
			minAppVersion: string;
			isDesktopOnly: boolean;
		};
		const versions = JSON.parse(readFileSync("versions.json", "utf8")) as Record<string, string>;
		const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
		expect(manifest.id).toBe("aks-ip");
		expect(manifest.isDesktopOnly).toBe(false);
		expect(manifest.version).toBe(pkg.version);
		expect(versions[manifest.version]).toBe(manifest.minAppVersion);
	});
});
