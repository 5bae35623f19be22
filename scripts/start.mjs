// npm start: builds the command line if needed, then checks the bundled example vault and prints
// the summary the production note gets. A demo: it exits 0 even though one note has mistakes.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const cli = "dist/cli.cjs";

function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
	}
	return latest;
}

if (!existsSync(cli) || statSync(cli).mtimeMs < Math.max(newest("src"), statSync("main.ts").mtimeMs)) {
	console.log("Building…");
	execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit", shell: process.platform === "win32" });
}

const run = (args) => spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
console.log("\n$ aks-ip check examples\n");
run(["check", "examples"]);
console.log('\n$ aks-ip render "examples/IP allocation on Azure public deployment PROD.md"\n');
run(["render", "examples/IP allocation on Azure public deployment PROD.md"]);
