/** Aggregations over stored calls for the portal and API: anchorage queue and speed-zone compliance. */
import type { AnchorageQueue, PortCallRecord, SpeedCompliance } from "./wire.ts";

/** Vessels at anchor at an instant (of calls waiting for a berth or anchored after it). */
export type QueuePoint = AnchorageQueue["points"][number];

/**
 * Vessels at anchor at each step in [fromS, toS).
 * Example: one call anchored 01:00–03:00 and one 02:00–05:00, from 00:00 to 06:00 by 1 h →
 * counts 0, 1, 2, 1, 1, 0.
 */
export function anchorageQueue(
  calls: readonly PortCallRecord[],
  fromS: number,
  toS: number,
  stepS: number,
): QueuePoint[] {
  const n = Math.max(0, Math.ceil((toS - fromS) / stepS));
  const diff = new Int32Array(n + 1);
  for (const c of calls)
    for (const a of c.anchorages) {
      const s = Date.parse(a.from) / 1000;
      const e = Date.parse(a.to) / 1000;
      // Steps whose instant t satisfies s <= t < e.
      const i0 = Math.max(0, Math.ceil((s - fromS) / stepS));
      const i1 = Math.min(n, Math.ceil((e - fromS) / stepS));
      if (i1 > i0) {
        diff[i0]! += 1;
        diff[i1]! -= 1;
      }
    }
  const out: QueuePoint[] = [];
  let cur = 0;
  for (let i = 0; i < n; i++) {
    cur += diff[i]!;
    out.push({ time: new Date((fromS + i * stepS) * 1000).toISOString().replace(".000", ""), atAnchor: cur });
  }
  return out;
}

export type ComplianceGroupBy = SpeedCompliance["groupBy"];
export type ComplianceRow = SpeedCompliance["rows"][number];

/**
 * Share of the distance sailed inside each speed zone at or below its limit, per vessel or ship
 * type. (AIS carries no operator; grouping by operator needs a vessel–operator register.)
 * Example: two calls of one vessel with 20 nm (15 compliant) and 20 nm (20 compliant) in the
 * 20 nm zone → one row, 40 nm, 35 nm, share 0.875.
 */
export function speedCompliance(
  calls: readonly PortCallRecord[],
  groupBy: ComplianceGroupBy,
): ComplianceRow[] {
  const rows = new Map<string, ComplianceRow>();
  for (const c of calls)
    for (const z of c.speedZones) {
      if (z.distanceNm <= 0) continue;
      const key = groupBy === "vessel" ? String(c.mmsi) : c.shipTypeGroup;
      const k = `${key}|${z.zone}`;
      let r = rows.get(k);
      if (r === undefined) {
        r = {
          key,
          name: groupBy === "vessel" ? c.vesselName : null,
          zone: z.zone,
          limitKn: z.limitKn,
          calls: 0,
          distanceNm: 0,
          compliantDistanceNm: 0,
          compliantShare: null,
        };
        rows.set(k, r);
      }
      r.calls++;
      r.distanceNm += z.distanceNm;
      r.compliantDistanceNm += z.compliantDistanceNm;
    }
  const out = [...rows.values()];
  for (const r of out) {
    r.distanceNm = Math.round(r.distanceNm * 1000) / 1000;
    r.compliantDistanceNm = Math.round(r.compliantDistanceNm * 1000) / 1000;
    r.compliantShare =
      r.distanceNm > 0 ? Math.round((r.compliantDistanceNm / r.distanceNm) * 10000) / 10000 : null;
  }
  return out.sort((a, b) => a.key.localeCompare(b.key) || a.zone.localeCompare(b.zone));
}
