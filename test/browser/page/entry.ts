// Entry of the harness bundle (esbuild --format=iife --global-name=ObsidianStub): Obsidian's
// DOM helpers installed on the page, listener counting switched on, the obsidian stub as the
// bundle's exports (what `require("obsidian")` returns to main.js), and startHarness.
import { installDomHelpers } from "../../dom-helpers";
import { trackListeners } from "./listeners";

installDomHelpers();
trackListeners();

export * from "../../obsidian-stub";
export { startHarness } from "./harness";
