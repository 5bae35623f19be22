// Random inputs shared by the robustness tests and the yaml bundle comparison: realistic specs
// mutated line by line, and YAML-ish tokens to splice in or string together.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { TEMPLATES } from "../../src/templates/templates";

const EXAMPLE = readFileSync("test/fixtures/example-spec.yaml", "utf8");
export const SEEDS = [EXAMPLE, ...TEMPLATES.map((t) => t.body)];

export const token = fc.constantFrom(
	"10.0.0.0/8",
	"10.0.0.5/16",
	"::/0",
	"fd00::/64",
	"999.1.1.1/24",
	"-1",
	"1e309",
	"null",
	"~",
	"[]",
	"{}",
	"&a",
	"*a",
	"!!binary",
	"'",
	'"',
	"|",
	">",
	"\t",
	"  ",
	": ",
	"- ",
	"#",
	"%YAML 1.2",
	"---",
	"...",
	"99999999999999999999",
	"0x10",
	"true",
	"StaticBlock",
	"overlay",
	"kubenet",
	"azure",
	"none",
	"agentPools",
	"podCidr",
	"serviceCidr",
	"dnsServiceIp",
	"nodeSubnet",
	"podSubnet",
	"subnets",
	"peered",
	"loadBalancers",
	"ignore",
	"show",
	"maxSurge",
	"ipFamilies",
	"\u0000",
	"\uFFFF",
	"😀",
);

/** Mutates a seed: deletes, duplicates or swaps lines, and splices tokens into them. */
export const mutated = fc
	.tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), token), { maxLength: 8 }))
	.map(([seed, edits]) => {
		const lines = seed.split("\n");
		for (const [a, b, kind, tok] of edits) {
			const i = a % Math.max(lines.length, 1);
			const line = lines[i] ?? "";
			switch (kind % 5) {
				case 0:
					lines.splice(i, 1);
					break;
				case 1:
					lines.splice(i, 0, line);
					break;
				case 2:
					lines[i] = line.slice(0, b % (line.length + 1)) + tok + line.slice(b % (line.length + 1));
					break;
				case 3:
					lines[i] = lines[b % lines.length] ?? "";
					break;
				default:
					lines[i] = `${" ".repeat(b % 7)}${line.trimStart()}`;
			}
		}
		return lines.join("\n");
	});
