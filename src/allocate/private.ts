/**
 * Choosing a free private range: where the allocator finds pod CIDRs, service CIDRs and new VNet
 * address spaces, and what the move to Azure CNI Overlay uses for its pod CIDR.
 *
 * Order of preference: the AKS default when it is free (10.244.0.0/16 for pods, 10.0.0.0/16 for
 * services), then RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), then RFC 6598
 * (100.64.0.0/10), which AKS supports for pod CIDRs:
 * https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay
 * IPv6 ranges come from the unique local block fd00::/8. AKS's reserved ranges (169.254.0.0/16,
 * 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24) are never handed out:
 * https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
 */
import { bitsOf, makeCidr, parseCidr, type Cidr, type Family, type Range } from "../net/address";
import { Space } from "./free";

function cidr(text: string): Cidr {
	const parsed = parseCidr(text);
	if (!parsed.ok) throw new Error(`bad built-in CIDR ${text}`);
	return parsed.value;
}

/** Private address space, in the order it is searched. */
export const PRIVATE_SPACE: Record<Family, readonly Cidr[]> = {
	4: [cidr("10.0.0.0/8"), cidr("172.16.0.0/12"), cidr("192.168.0.0/16"), cidr("100.64.0.0/10")],
	6: [cidr("fd00::/8")],
};

/** Ranges AKS reserves for itself: never proposed for a pod, service or VNet range. */
export const AKS_RESERVED: readonly Cidr[] = [
	cidr("169.254.0.0/16"),
	cidr("172.30.0.0/16"),
	cidr("172.31.0.0/16"),
	cidr("192.0.2.0/24"),
];

export interface PrivateRangeOptions {
	/** IP family of the range (default IPv4). */
	family?: Family;
	/**
	 * A range to try first, such as AKS's default pod CIDR: the block of `prefix` aligned at its
	 * start is taken when it is free.
	 */
	prefer?: Range;
}

/** The block of `prefix` that holds `value`. */
function blockAt(family: Family, value: bigint, prefix: number): Cidr {
	const hostBits = BigInt(bitsOf(family) - prefix);
	return makeCidr(family, (value >> hostBits) << hostBits, prefix);
}

/**
 * A free private block of `prefix` clear of every range in `avoid` (and of AKS's reserved
 * ranges): the preferred range when it is free, else the first free aligned block of private
 * space. Null when no private block of that size is free.
 */
export function choosePrivateRange(
	prefix: number,
	avoid: readonly Range[],
	options: PrivateRangeOptions = {},
): Cidr | null {
	const family = options.family ?? options.prefer?.family ?? 4;
	if (!Number.isInteger(prefix) || prefix < 1 || prefix > bitsOf(family)) return null;
	const space = new Space([...avoid, ...AKS_RESERVED], family);
	return chooseIn(space, prefix, family, options.prefer);
}

/** choosePrivateRange over a Space that the caller keeps (and takes the result from). */
export function chooseIn(space: Space, prefix: number, family: Family, prefer?: Range): Cidr | null {
	if (prefer && prefer.family === family) {
		const block = blockAt(family, prefer.start, prefix);
		if (space.isFree(block) && PRIVATE_SPACE[family].some((p) => p.start <= block.start && block.end <= p.end))
			return block;
	}
	for (const parent of PRIVATE_SPACE[family]) {
		if (parent.prefix > prefix) continue;
		const block = space.firstFree(parent, prefix);
		if (block) return block;
	}
	return null;
}
