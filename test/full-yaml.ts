// The whole `yaml` package (its Node build, writer included), for tests that write YAML or
// compare with the bundled reader. Code under src/ gets the bundled reader: scripts/yaml-bundle.mjs.
import { createRequire } from "node:module";
import { join } from "node:path";

export const fullYaml = createRequire(import.meta.url)(join(process.cwd(), "node_modules/yaml/dist/index.js")) as typeof import("yaml");
