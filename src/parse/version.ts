/**
 * `kubernetesVersion` (as az aks show prints it): "1.30" or
 * "1.30.4". Read from the source text, since YAML reads 1.30 as the number 1.3.
 */
import { isScalar } from "yaml";
import type { Entry, Reader } from "./reader";
import type { Loc } from "./types";

export interface KubernetesVersion {
	major: number;
	minor: number;
	text: string;
}

export function readKubernetesVersion(r: Reader, e: Entry): Loc<KubernetesVersion> | undefined {
	const n = e.node;
	if (r.isEmpty(n)) return undefined;
	const raw = isScalar(n) ? (n.source ?? String(n.value)) : "";
	const m = /^\s*v?(\d{1,2})\.(\d{1,3})(?:\.(\d{1,4}))?\s*$/.exec(raw);
	if (!m) {
		r.report(
			"error",
			"invalid-value",
			`kubernetesVersion must be a version such as 1.30 or 1.30.4, not "${raw.slice(0, 40)}".`,
			e.line,
		);
		return undefined;
	}
	return { value: { major: Number(m[1]), minor: Number(m[2]), text: raw.trim().replace(/^v/, "") }, line: e.line };
}
