// ESLint flat config: eslint-plugin-obsidianmd's recommended set (typescript-eslint
// recommendedTypeChecked plus Obsidian's guideline rules), tuned for aks-ip.
import { builtinModules } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
// Internal paths of eslint-plugin-obsidianmd (pinned): its default word lists, which our
// lists replace, and the parser it uses to read LICENSE files.
import { PlainTextParser } from "eslint-plugin-obsidianmd/dist/lib/plainTextParser.js";
import { DEFAULT_ACRONYMS } from "eslint-plugin-obsidianmd/dist/lib/rules/ui/acronyms.js";
import { DEFAULT_BRANDS } from "eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The engine: pure TypeScript shared by the plugin and the command line. It may import neither
 * Obsidian, nor Node, nor the layers built on it (CONTRIBUTING.md has the map).
 */
const ENGINE = [
	"src/api.ts",
	"src/core/**/*.ts",
	"src/net/**/*.ts",
	"src/note/**/*.ts",
	"src/parse/**/*.ts",
	"src/plan/**/*.ts",
	"src/markdown/**/*.ts",
	"src/convert/**/*.ts",
	"src/templates/**/*.ts",
	"src/registry/**/*.ts",
	"src/allocate/**/*.ts",
];

export default defineConfig(
	globalIgnores([
		"node_modules/",
		"main.js",
		"dist/",
		"coverage/",
		"test-results/",
		"test/browser/screenshots/",
		"test/browser/.build/",
		"versions.json",
		// Config files and Node scripts: outside the typed lint, as in the community scan.
		"**/*.mjs",
		"**/*.mts",
	]),
	{
		languageOptions: {
			globals: globals.browser,
			parserOptions: {
				// scripts/ has no tsconfig.json of its own (bench/ has): the default project
				// (the root tsconfig's options) types it; `npm run typecheck` checks it.
				projectService: { allowDefaultProject: ["manifest.json", "scripts/*.ts"] },
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: [".json"],
			},
		},
	},
	...obsidianmd.configs.recommended,
	{
		files: ["main.ts", "src/**/*.ts"],
		rules: {
			// Functions a reader takes in at once; split a longer one into named steps.
			"max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
			"no-restricted-syntax": [
				"error",
				{
					selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
					message: "No `as unknown as` in plugin code: type the value, or narrow it with a check.",
				},
			],
			"obsidianmd/ui/sentence-case": [
				"warn",
				{
					enforceCamelCaseLower: true,
					// Acronyms are upper-cased; mixed-case terms (IPv4, VNet) are brands.
					acronyms: [...DEFAULT_ACRONYMS, "AKS", "CIDR", "CNI", "NAT", "SNAT"],
					brands: [...DEFAULT_BRANDS, "Azure", "Kubernetes", "VNet", "IPv4", "IPv6"],
				},
			],
		},
	},
	{
		files: ENGINE,
		rules: {
			"no-restricted-imports": [
				"error",
				{
					paths: [
						{
							name: "obsidian",
							message:
								"The engine has no Obsidian import: the plugin layer (src/view, src/commands, src/settings) calls it.",
						},
						...builtinModules.map((name) => ({
							name,
							message: "The engine has no Node import: it runs on mobile and in the command line alike.",
						})),
					],
					patterns: [
						{
							group: ["node:*"],
							message: "The engine has no Node import: it runs on mobile and in the command line alike.",
						},
						{
							group: ["**/view/*", "**/commands/*", "**/settings/*", "**/vault/*", "**/cli/*", "**/main"],
							message: "The engine does not import the layers built on it.",
						},
					],
				},
			],
		},
	},
	{
		// Without its own block ESLint never reads manifest.json, so validate-manifest never runs.
		files: ["manifest.json"],
		languageOptions: { parser: tseslint.parser },
		plugins: { obsidianmd },
		rules: { "obsidianmd/validate-manifest": "error" },
	},
	{
		files: ["LICENSE"],
		languageOptions: { parser: PlainTextParser },
		plugins: { obsidianmd },
		// The holder must not be the sample's; the year is not checked, so lint stays green on 1 January.
		rules: { "obsidianmd/validate-license": ["error", { disableUnchangedYear: true }] },
	},
	{
		// Node code: the command line, tests, benchmarks and scripts (never in main.js).
		files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
		languageOptions: { globals: { ...globals.browser, ...globals.node, NodeJS: "readonly" } },
		rules: { "obsidianmd/no-nodejs-modules": "off" },
	},
	{
		// Command-line tools that report on stdout.
		files: ["bench/**/*.ts", "scripts/**/*.ts"],
		// rule-custom-message carries the console restriction (warn/error/debug only). They run in
		// Node, where globalThis is the global object.
		rules: { "obsidianmd/rule-custom-message": "off", "obsidianmd/no-global-this": "off" },
	},
	{
		// This file implements Obsidian's DOM helpers, so it must use the raw DOM calls they wrap.
		files: ["test/dom-helpers.ts"],
		rules: { "obsidianmd/no-static-styles-assignment": "off", "obsidianmd/prefer-create-el": "off" },
	},
	{
		// The command line walks plain folders and has no Vault#configDir to ask (its tests make
		// a .obsidian folder to prove it is skipped).
		files: ["src/cli/**/*.ts", "test/cli/**/*.ts"],
		rules: { "obsidianmd/hardcoded-config-path": "off" },
	},
	{
		// The browser harness loads main.js as Obsidian does: it fetches the text and wraps it in a
		// function of require, module and exports (new Function). Test code only; never in main.js.
		files: ["test/browser/page/load.ts"],
		rules: {
			"@typescript-eslint/no-implied-eval": "off",
			// rule-custom-message carries no-new-func here; no-restricted-globals carries fetch.
			"obsidianmd/rule-custom-message": "off",
			"no-restricted-globals": "off",
		},
	},
	{
		// Tests feed deliberately odd UI text (markup, mixed case) to the code under test,
		// and run in a single window, where plain instanceof is exact.
		files: ["test/**/*.ts"],
		rules: { "obsidianmd/ui/sentence-case": "off", "obsidianmd/prefer-instanceof": "off" },
	},
);
