// Vitest setup (vitest.config.mts setupFiles): Obsidian's DOM helpers on happy-dom, and a
// clean slate after every test.
import { afterEach } from "vitest";
import { installDomHelpers } from "./dom-helpers";
import { resetStubState } from "./obsidian-stub";

installDomHelpers();

afterEach(() => {
	resetStubState();
	activeDocument.body.empty();
});
