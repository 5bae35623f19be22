// Real-browser tests (test/browser/): Node drives Debian's chromium with playwright-core.
// A project of vitest.config.mts, so `npm test` runs them after the unit tests; alone:
//   npx vitest run -c vitest.browser.config.mts   (or: npx vitest run --project browser)
import { defineProject } from "vitest/config";

export default defineProject({
	test: {
		name: "browser",
		environment: "node",
		include: ["test/browser/**/*.test.ts"],
		globalSetup: ["./test/browser/global-setup.ts"],
		// One file at a time, after the unit tests: timings are not shared with other work.
		maxWorkers: 1,
		sequence: { groupOrder: 1 },
		testTimeout: 120_000,
		hookTimeout: 120_000,
	},
});
