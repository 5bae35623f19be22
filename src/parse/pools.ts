/** Node pools: `agentPools` (or `az aks show`'s `agentPoolProfiles`), or a one-pool cluster's top-level keys. */
import { isMap } from "yaml";
import { POOL_KEYS, UPGRADE_KEYS } from "./keys";
import { clip } from "../core/text";
import type { Entry, Reader } from "./reader";
import type { PoolSpec, Spec } from "./types";
import { readBool, readEnum, readInt, readNodeSubnets, readString, readSubnetRef, readSurge } from "./values";

const MAX_NODES = 100_000;

export function readPools(r: Reader, top: Map<string, Entry>, spec: Spec): void {
	const list = top.get("agentPools");
	const single = ["count", "minCount", "maxCount", "osType"]
		.map((k) => top.get(k))
		.filter((e): e is Entry => e !== undefined);
	if (list && !r.isEmpty(list.node)) {
		spec.poolsLine = list.line;
		for (const e of single) {
			r.report(
				"warning",
				"invalid-value",
				`${e.key} at the top level is only for a one-pool cluster without agentPools; it is ignored. Set it on the pool.`,
				e.line,
			);
		}
		const seen = new Map<string, number>();
		r.items(list.node, list.line).forEach((item, i) => {
			if (!isMap(item.node)) {
				r.report(
					"error",
					"invalid-value",
					`Each item of ${list.key} must be a map of pool keys (name:, count: …).`,
					item.line,
				);
				return;
			}
			const keys = r.entries(item.node, POOL_KEYS, "in a pool", spec.azShape);
			const pool = readPool(r, keys, item.line, i);
			for (const k of ["nodeSubnet", "podSubnet"] as const) {
				if (r.unknownNote(keys.get(k)?.node) === undefined) continue;
				(pool.unknownRefs ??= []).push(k);
				spec.invalid.add(k === "nodeSubnet" ? "nodeSubnet" : "pool.podSubnet");
			}
			const key = pool.name.value.toLowerCase();
			const first = seen.get(key);
			if (first !== undefined) {
				r.report(
					"error",
					"duplicate-key",
					`Pool name "${clip(pool.name.value)}" is used twice (first at line ${first}); pool names are unique in a cluster.`,
					pool.name.line,
				);
			}
			seen.set(key, pool.name.line);
			spec.pools.push(pool);
		});
		return;
	}
	const firstLine = r.firstLine;
	const pool: PoolSpec = {
		line: single[0]?.line ?? firstLine,
		name: { value: "nodepool1", line: single[0]?.line ?? firstLine },
		assumed: single.length === 0,
	};
	readCounts(r, top, pool);
	const os = top.get("osType");
	if (os) pool.osType = readEnum(r, os, ["Linux", "Windows"] as const);
	spec.pools.push(pool);
}

function readPool(r: Reader, keys: Map<string, Entry>, line: number, index: number): PoolSpec {
	const name = keys.get("name");
	const pool: PoolSpec = {
		line,
		name: (name && readString(r, name)) ?? { value: `nodepool${index + 1}`, line },
		assumed: false,
	};
	readCounts(r, keys, pool);
	const get = (k: string) => keys.get(k);
	const e = {
		mode: get("mode"),
		autoscale: get("enableAutoScaling"),
		maxPods: get("maxPods"),
		maxSurge: get("maxSurge"),
		maxUnavailable: get("maxUnavailable"),
		upgrade: get("upgradeSettings"),
		node: get("nodeSubnet"),
		pod: get("podSubnet"),
		os: get("osType"),
		alloc: get("podIpAllocationMode"),
	};
	if (e.mode) pool.mode = readEnum(r, e.mode, ["System", "User"] as const);
	if (e.autoscale) pool.enableAutoScaling = readBool(r, e.autoscale);
	if (e.maxPods) pool.maxPods = readInt(r, e.maxPods, 0, MAX_NODES);
	readUpgradeSettings(r, e, pool);
	if (e.node) {
		const subnets = readNodeSubnets(r, e.node);
		pool.nodeSubnet = subnets.v4;
		pool.nodeSubnet6 = subnets.v6;
	}
	if (e.pod) pool.podSubnet = readSubnetRef(r, e.pod);
	if (e.os) pool.osType = readEnum(r, e.os, ["Linux", "Windows"] as const);
	if (e.alloc) pool.podIpAllocationMode = readEnum(r, e.alloc, ["DynamicIndividual", "StaticBlock"] as const);
	if (pool.enableAutoScaling?.value === false && pool.maxCount) {
		r.report(
			"warning",
			"invalid-value",
			`maxCount is ignored: enableAutoScaling is false for pool "${clip(pool.name.value)}".`,
			pool.maxCount.line,
		);
		delete pool.maxCount;
	}
	return pool;
}

/** maxSurge and maxUnavailable, on the pool or in `az aks show`'s upgradeSettings (the first one given wins). */
function readUpgradeSettings(
	r: Reader,
	e: { maxSurge?: Entry; maxUnavailable?: Entry; upgrade?: Entry },
	pool: PoolSpec,
): void {
	if (e.maxSurge) pool.maxSurge = readSurge(r, e.maxSurge);
	if (e.maxUnavailable) pool.maxUnavailable = readSurge(r, e.maxUnavailable);
	if (!e.upgrade || !isMap(e.upgrade.node)) return;
	const upgrade = r.entries(e.upgrade.node, UPGRADE_KEYS, "in upgradeSettings", true);
	for (const key of ["maxSurge", "maxUnavailable"] as const) {
		const entry = upgrade.get(key);
		const given = pool[key];
		if (entry && given) {
			r.report(
				"error",
				"duplicate-key",
				`${key} is given both at line ${given.line} and in upgradeSettings; the first is used.`,
				entry.line,
			);
		} else if (entry) {
			pool[key] = readSurge(r, entry);
		}
	}
}

function readCounts(r: Reader, keys: Map<string, Entry>, pool: PoolSpec): void {
	const count = keys.get("count");
	const min = keys.get("minCount");
	const max = keys.get("maxCount");
	if (count) pool.count = readInt(r, count, 0, MAX_NODES);
	if (min) pool.minCount = readInt(r, min, 0, MAX_NODES);
	if (max) pool.maxCount = readInt(r, max, 0, MAX_NODES);
	if (pool.minCount && pool.maxCount && pool.minCount.value > pool.maxCount.value) {
		r.report(
			"error",
			"invalid-value",
			`minCount ${pool.minCount.value} is above maxCount ${pool.maxCount.value}.`,
			pool.minCount.line,
		);
	}
	if (pool.count && pool.maxCount && pool.count.value > pool.maxCount.value) {
		r.report(
			"warning",
			"invalid-value",
			`count ${pool.count.value} is above maxCount ${pool.maxCount.value}; the autoscaler keeps the pool within minCount and maxCount.`,
			pool.count.line,
		);
	}
}
