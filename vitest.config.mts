import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { yamlVitePlugin } from "./scripts/yaml-bundle.mjs";

// Two projects in one run (`npm test`): the unit tests on happy-dom, then the real-browser
// tests of test/browser/ (vitest.browser.config.mts), so one JSON report counts them all.
export default defineConfig({
	test: {
		projects: [
			{
				// The yaml that main.js and the command line ship (see scripts/yaml-bundle.mjs).
				plugins: [yamlVitePlugin()],
				resolve: {
					// `obsidian` ships types only; at run time src imports get the stub.
					alias: { obsidian: fileURLToPath(new URL("./test/obsidian-stub.ts", import.meta.url)) },
				},
				test: {
					name: "unit",
					environment: "happy-dom",
					setupFiles: ["./test/setup.ts"],
					globalSetup: ["./test/global-setup.ts"],
					include: ["test/**/*.test.ts"],
					exclude: ["test/browser/**", "node_modules/**"],
					sequence: { groupOrder: 0 },
					// Inlined so that the yaml plugin above applies to yaml's own files.
					server: { deps: { inline: ["yaml"] } },
				},
			},
			"./vitest.browser.config.mts",
		],
	},
});
