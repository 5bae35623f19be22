import { describe, expect, it } from "vitest";
import { Space } from "../../src/allocate/free";
import {
	AKS_RESERVED,
	chooseIn,
	choosePrivateRange,
	PRIVATE_SPACE,
	type PrivateRangeOptions,
} from "../../src/allocate/private";
import { overlaps, parseCidr, type Cidr } from "../../src/net/address";

function cidr(text: string): Cidr {
	const parsed = parseCidr(text);
	if (!parsed.ok) throw new Error(text);
	return parsed.value;
}

// The chooser the move to Azure CNI Overlay proposes its pod CIDR with (src/plan/migration/target.ts).
describe("choosePrivateRange", () => {
	const prefer: PrivateRangeOptions = { prefer: cidr("10.244.0.0/16") };

	it("takes the preferred range when it is free, else the first free private block", () => {
		expect(choosePrivateRange(16, [cidr("10.10.0.0/16")], prefer)?.text).toBe("10.244.0.0/16");
		expect(choosePrivateRange(16, [cidr("10.0.0.0/8")], prefer)?.text).toBe("172.16.0.0/16");
		expect(choosePrivateRange(16, [cidr("10.0.0.0/8"), cidr("172.16.0.0/12"), cidr("192.168.0.0/16")])?.text).toBe(
			"100.64.0.0/16",
		);
	});

	it("never hands out a range AKS reserves, and stays in private space", () => {
		const avoid = [cidr("10.0.0.0/8"), cidr("172.16.0.0/14"), cidr("172.20.0.0/14"), cidr("172.24.0.0/14")];
		const chosen = choosePrivateRange(16, avoid);
		expect(chosen?.text).toBe("172.28.0.0/16");
		const twelve = choosePrivateRange(12, [cidr("10.0.0.0/8")]);
		// 172.16.0.0/12 holds 172.30/16 and 172.31/16: the /12 comes from 100.64.0.0/10 instead.
		expect(twelve?.text).toBe("100.64.0.0/12");
		for (const r of AKS_RESERVED) if (twelve) expect(overlaps(twelve, r)).toBe(false);
		expect(PRIVATE_SPACE[4].some((p) => twelve !== null && p.start <= twelve.start && twelve.end <= p.end)).toBe(
			true,
		);
	});

	it("chooseIn takes blocks from a space the caller keeps", () => {
		const space = new Space([cidr("10.0.0.0/8")], 4);
		const a = chooseIn(space, 16, 4);
		expect(a?.text).toBe("172.16.0.0/16");
		if (a) space.take(a);
		expect(chooseIn(space, 16, 4)?.text).toBe("172.17.0.0/16");
	});
});
