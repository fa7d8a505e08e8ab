/**
 * A vessel's track over a time range, read from its vessel-day blocks: as stored (for calls/, which
 * works on integer positions) or as columns in degrees and knots (for the API and the map). The
 * block encoding stays inside ais/.
 */
import {
  COG_NOT_AVAILABLE,
  decodeTrackBlock,
  HEADING_NOT_AVAILABLE,
  NAV_STATUS_NOT_DEFINED,
  POSITION_UNITS_PER_DEG,
  SOG_NOT_AVAILABLE,
  TrackReports,
} from "./track-block.ts";
import type { AisStore, StoredTrackBlock } from "./track-store.ts";

/** Columns of a track (one array per field, same length), ready to send or draw. */
export interface TrackColumns {
  timeS: number[];
  lonDeg: number[];
  latDeg: number[];
  sogKnots: (number | null)[];
  cogDeg: (number | null)[];
  headingDeg: (number | null)[];
  navStatus: (number | null)[];
}

/**
 * The reports of the blocks that fall in [fromS, toS], as stored (1/10000 minute positions, tenths
 * of knots), in time order. Blocks wholly inside the range are copied in bulk.
 * Example: blocks holding reports at t = 100, 200, 300 and the range [150, 300] → timeS [200, 300].
 */
export function reportsInRange(
  blocks: readonly StoredTrackBlock[],
  fromS: number,
  toS: number,
): TrackReports {
  const out = new TrackReports(
    Math.max(
      1,
      blocks.reduce((s, b) => s + b.reportCount, 0),
    ),
  );
  for (const block of blocks) {
    if (block.lastTimeS < fromS || block.firstTimeS > toS) continue;
    const r = decodeTrackBlock(block.data);
    if (block.firstTimeS >= fromS && block.lastTimeS <= toS) {
      out.appendAll(r);
      continue;
    }
    for (let i = 0; i < r.count; i++) {
      const t = r.timeS[i]!;
      if (t >= fromS && t <= toS) out.copyFrom(r, i);
    }
  }
  return out;
}

/** A vessel's reports in [fromS, toS] as stored (see reportsInRange). */
export async function readTrackReports(
  store: AisStore,
  mmsi: number,
  fromS: number,
  toS: number,
): Promise<TrackReports> {
  return reportsInRange(await store.trackBlocks(mmsi, fromS, toS), fromS, toS);
}

/** The reports of the blocks that fall in [fromS, toS] as columns in degrees and knots (see reportsInRange). */
export function trackInRange(blocks: readonly StoredTrackBlock[], fromS: number, toS: number): TrackColumns {
  const r = reportsInRange(blocks, fromS, toS);
  const out: TrackColumns = {
    timeS: Array.from(r.timeS.subarray(0, r.count)),
    lonDeg: [],
    latDeg: [],
    sogKnots: [],
    cogDeg: [],
    headingDeg: [],
    navStatus: [],
  };
  for (let i = 0; i < r.count; i++) {
    const sog = r.sogDeciKn[i]!;
    const cog = r.cogDeciDeg[i]!;
    const heading = r.headingDeg[i]!;
    const nav = r.navStatus[i]!;
    // Six decimals (~0.1 m) are more than AIS's resolution needs and keep JSON small.
    out.lonDeg.push(Math.round((r.lonU[i]! / POSITION_UNITS_PER_DEG) * 1e6) / 1e6);
    out.latDeg.push(Math.round((r.latU[i]! / POSITION_UNITS_PER_DEG) * 1e6) / 1e6);
    out.sogKnots.push(sog === SOG_NOT_AVAILABLE ? null : sog / 10);
    out.cogDeg.push(cog === COG_NOT_AVAILABLE ? null : cog / 10);
    out.headingDeg.push(heading === HEADING_NOT_AVAILABLE ? null : heading);
    out.navStatus.push(nav === NAV_STATUS_NOT_DEFINED ? null : nav);
  }
  return out;
}

export async function readTrack(
  store: AisStore,
  mmsi: number,
  fromS: number,
  toS: number,
): Promise<TrackColumns> {
  return trackInRange(await store.trackBlocks(mmsi, fromS, toS), fromS, toS);
}
