import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The .ts files under `dir`, recursively. */
function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return ["screenshots", ".build"].includes(e.name) ? [] : files(path);
		return path.endsWith(".ts") ? [path] : [];
	});
}

function target(from: string, specifier: string): string | null {
	if (!specifier.startsWith(".")) return null;
	const base = resolve(dirname(from), specifier);
	for (const candidate of [`${base}.ts`, join(base, "index.ts")]) {
		if (existsSync(candidate)) return relative(".", candidate);
	}
	return null;
}

const parsed = new Map<string, ts.SourceFile>();

function parse(path: string): ts.SourceFile {
	const cached = parsed.get(path);
	if (cached) return cached;
	const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
	parsed.set(path, source);
	return source;
}

/** Names a file exports by declaration (`export function f`, `export const c`, `export interface I`). */
function declaredExports(source: ts.SourceFile): string[] {
	const names: string[] = [];
	for (const st of source.statements) {
		const modifiers = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
		if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
		if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) continue;
		if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) names.push(d.name.getText());
		else if (
			(ts.isFunctionDeclaration(st) ||
				ts.isClassDeclaration(st) ||
				ts.isInterfaceDeclaration(st) ||
				ts.isTypeAliasDeclaration(st) ||
				ts.isEnumDeclaration(st)) &&
			st.name
		)
			names.push(st.name.text);
	}
	return names;
}

/** "file#name" for every name imported or re-exported by name, and "file#*" for whole-module use. */
function uses(paths: string[]): Set<string> {
	const out = new Set<string>();
	for (const path of paths) {
		const visit = (node: ts.Node): void => {
			const decl = ts.isImportDeclaration(node) || ts.isExportDeclaration(node) ? node : null;
			const spec = decl?.moduleSpecifier;
			const file = spec && ts.isStringLiteral(spec) ? target(path, spec.text) : null;
			if (decl && file) {
				const bindings = ts.isImportDeclaration(decl) ? decl.importClause?.namedBindings : decl.exportClause;
				if (bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
					for (const el of bindings.elements) out.add(`${file}#${(el.propertyName ?? el.name).text}`);
				} else out.add(`${file}#*`);
			}
			if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
				const arg = node.arguments[0];
				const dynamic = arg && ts.isStringLiteral(arg) ? target(path, arg.text) : null;
				if (dynamic) out.add(`${dynamic}#*`);
			}
			ts.forEachChild(node, visit);
		};
		visit(parse(path));
	}
	return out;
}

describe("exports", () => {
	it("every export of src/ is imported somewhere: what only its own file uses is not exported", () => {
		const source = ["main.ts", ...files("src")];
		const used = uses([...source, ...files("test"), ...files("bench"), ...files("scripts")]);
		// src/api.ts is the engine's public entry: its option types are there for callers to come.
		const dead = files("src")
			.filter((path) => path !== join("src", "api.ts") && !used.has(`${path}#*`))
			.flatMap((path) => declaredExports(parse(path)).map((name) => `${path}#${name}`))
			.filter((key) => !used.has(key));
		expect(dead).toEqual([]);
	}, 60_000);
});
