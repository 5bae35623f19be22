import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
	resolve: {
		// `obsidian` ships types only; at run time src imports get the stub.
		alias: { obsidian: fileURLToPath(new URL("./test/obsidian-stub.ts", import.meta.url)) },
	},
	test: {
		environment: "happy-dom",
		setupFiles: ["./test/setup.ts"],
		globalSetup: ["./test/global-setup.ts"],
		include: ["test/**/*.test.ts"],
		// Real-browser tests (playwright-core + Debian chromium) live in test/browser/ and
		// get their own runner; they join `npm test` once that runner exists.
		exclude: ["test/browser/**", "node_modules/**"],
	},
});
