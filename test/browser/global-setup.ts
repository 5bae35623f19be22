// Global setup of the browser tests (vitest.browser.config.mts): the page needs a current
// main.js and the harness bundle before any test opens it.
import { buildHarness, ensureMainJs } from "./support/build";

export default async function setup(): Promise<void> {
	ensureMainJs();
	await buildHarness();
}
