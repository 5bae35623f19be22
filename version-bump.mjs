// Run by `npm version <x.y.z>` (the "version" script): copies the new package
// version into manifest.json and records it in versions.json when the
// minimum app version differs from every version recorded so far.
import { readFileSync, writeFileSync } from "node:fs";

const version = process.env.npm_package_version;
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
	console.error(`version-bump: expected npm_package_version x.y.z, got ${String(version)}`);
	process.exit(1);
}

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const writeJson = (file, data) => writeFileSync(file, JSON.stringify(data, null, "\t") + "\n");

const manifest = readJson("manifest.json");
manifest.version = version;
writeJson("manifest.json", manifest);

const versions = readJson("versions.json");
if (!Object.values(versions).includes(manifest.minAppVersion)) {
	versions[version] = manifest.minAppVersion;
	writeJson("versions.json", versions);
}
console.log(`version-bump: manifest.json -> ${version} (minAppVersion ${manifest.minAppVersion})`);
