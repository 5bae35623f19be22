// Loads main.js the way Obsidian does, and times it: Obsidian reads the file's text, wraps it in
// a function of `require`, `module` and `exports`, calls it, constructs the default export with
// the app and the manifest, and awaits load() (which runs onload()). The page is fresh, so this
// is the cold load a user waits for when Obsidian starts with the plugin enabled.
import type * as O from "obsidian";
import * as obsidian from "../../obsidian-stub";

/** What loading main.js cost, in milliseconds (the text's download excluded). */
export interface LoadTiming {
	/** Compiling and running main.js's top level: the wrapper function built and called. */
	evaluateMs: number;
	/** `new Plugin(app, manifest)`. */
	constructMs: number;
	/** load() until onload()'s promise settled. */
	onloadMs: number;
	totalMs: number;
	/** Size of the main.js evaluated. */
	bytes: number;
}

type PluginClass = new (app: O.App, manifest: O.PluginManifest) => O.Plugin;

/** The only module a plugin may require: a Node module here would break the plugin on mobile. */
function requireForPlugin(name: string): unknown {
	if (name === "obsidian") return obsidian;
	throw new Error(`main.js required ${name}: a plugin may require only obsidian`);
}

/** Fetches /main.js, then evaluates, constructs and loads the plugin on `app`, timing each step. */
export async function loadMainJs(
	app: O.App,
	manifest: O.PluginManifest,
): Promise<{ plugin: O.Plugin; timing: LoadTiming }> {
	const response = await fetch("/main.js", { cache: "no-store" });
	if (!response.ok) throw new Error(`main.js: HTTP ${response.status}`);
	const code = await response.text();
	const module: { exports: { default?: unknown } } = { exports: {} };

	const start = performance.now();
	// As Obsidian: the code becomes the body of a function of require, module and exports.
	const wrapped = new Function("require", "module", "exports", `${code}\n//# sourceURL=main.js`) as (
		req: typeof requireForPlugin,
		mod: typeof module,
		exp: typeof module.exports,
	) => void;
	wrapped(requireForPlugin, module, module.exports);
	const evaluated = performance.now();
	const Plugin = module.exports.default;
	if (typeof Plugin !== "function") throw new Error("main.js has no default export.");
	const plugin = new (Plugin as PluginClass)(app, manifest);
	const constructed = performance.now();
	plugin.load();
	await obsidian.loadingOf(plugin);
	const loaded = performance.now();

	return {
		plugin,
		timing: {
			evaluateMs: evaluated - start,
			constructMs: constructed - evaluated,
			onloadMs: loaded - constructed,
			totalMs: loaded - start,
			bytes: new TextEncoder().encode(code).length,
		},
	};
}
