// Types of scripts/yaml-bundle.mjs, for the tests that import it.
export declare const YAML_DIST: string;
export declare const YAML_ENTRY: string;
export declare const YAML_STANDINS: Record<string, string>;
export declare function exportedNames(code: string): string[];
export declare function checkStandIns(): void;
export declare function standInFor(file: string): string | undefined;
export declare function yamlEsbuildPlugin(): unknown;
export declare function yamlVitePlugin(): unknown;
