import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two projects in one run (`npm test`): the unit tests on happy-dom, then the real-browser
// tests of test/browser/ (vitest.browser.config.mts), so one JSON report counts them all.
export default defineConfig({
	test: {
		projects: [
			{
				resolve: {
					// `obsidian` ships types only; at run time src imports get the stub.
					alias: { obsidian: fileURLToPath(new URL("./test/obsidian-stub.ts", import.meta.url)) },
					// TypeScript first: `../main` is the plugin's main.ts, not the main.js built beside it.
					extensions: [".ts", ".mts", ".mjs", ".js", ".json"],
				},
				test: {
					name: "unit",
					environment: "happy-dom",
					setupFiles: ["./test/setup.ts"],
					globalSetup: ["./test/global-setup.ts"],
					include: ["test/**/*.test.ts"],
					exclude: ["test/browser/**", "node_modules/**"],
					sequence: { groupOrder: 0 },
					// A guard against a hung test, not a speed limit (speed is npm run bench's): the
					// 3,000-pool and property tests take seconds on a machine shared with other work.
					testTimeout: 60_000,
				},
			},
			"./vitest.browser.config.mts",
		],
	},
});
