/** Every rule, in the order its findings are listed for one line. */
import { lowHeadroom, nodeSubnetTooSmall, podCidrTooSmall, podSubnetFullDensity, podSubnetTooSmall } from "./capacity";
import { lbIpInvalid } from "./lb";
import { kubenetRetirement, modelMismatch, networkPolicyManagerLimit } from "./model";
import { moveToOverlay } from "./overlay";
import { outsideVnet, rangeOverlap, serviceCidrInVnet } from "./overlap";
import {
	maxPodsOutOfRange,
	nodeLimit,
	poolMinPods,
	poolName,
	snatPorts,
	staticBlockWaste,
	systemPoolOs,
	upgradeSettings,
} from "./pools";
import { vnetLimit } from "./vnet";
import { publicRange, reservedRange } from "./reserved";
import type { Rule } from "./rule";
import { dnsIpOutsideServiceCidr, dnsIpReserved, serviceCidrSmall, serviceCidrTooLarge } from "./service";
import { apiServerSubnetUse, overlayNameLength, subnetSize } from "./subnets";

export const RULES: readonly Rule[] = [
	modelMismatch,
	rangeOverlap,
	outsideVnet,
	reservedRange,
	publicRange,
	subnetSize,
	overlayNameLength,
	apiServerSubnetUse,
	nodeSubnetTooSmall,
	podSubnetTooSmall,
	podSubnetFullDensity,
	podCidrTooSmall,
	lowHeadroom,
	serviceCidrTooLarge,
	serviceCidrInVnet,
	serviceCidrSmall,
	dnsIpOutsideServiceCidr,
	dnsIpReserved,
	maxPodsOutOfRange,
	poolMinPods,
	nodeLimit,
	networkPolicyManagerLimit,
	lbIpInvalid,
	kubenetRetirement,
	moveToOverlay,
	staticBlockWaste,
	snatPorts,
	upgradeSettings,
	poolName,
	systemPoolOs,
	vnetLimit,
];
