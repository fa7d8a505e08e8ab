/**
 * Per-vessel-day track blocks: the storage unit for AIS position reports.
 *
 * Why blocks and not a row per report: a year of one port's AIS is 10–50 million reports, nearly
 * always read as "one vessel over a time range" (port calls, emissions, the track on the map). One
 * row per report costs ~60–100 bytes of row and index overhead per report in SQLite and PostgreSQL
 * and an index lookup per report on ingest; one row per vessel per UTC day holds a few hundred to a
 * few thousand reports, so ingest writes ~10⁴ rows a day instead of ~10⁵–10⁶, a vessel-day is
 * one index probe, and the packed columns compress (~5–6 bytes per report instead of ~80).
 *
 * Layout (version 1), little-endian, then deflate-raw compressed:
 *   u8 version=1, 3 bytes padding, u32 count (so the columns below stay aligned),
 *   then columns of `count` values each, sorted by time then MMSI-local order:
 *   i32 Δtime s (first value absolute epoch seconds), i32 Δlat, i32 Δlon (1/600 000 degree,
 *   AIS's native resolution, so AIS positions round-trip exactly), u16 sog (0.1 kn, 1023 = n/a),
 *   u16 cog (0.1°, 3600 = n/a), u16 heading (°, 511 = n/a), u8 navStatus (15 = n/a),
 *   u8 msgType.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { POSITION_UNITS_PER_DEG } from "./messages.ts";
import type { MergedBlock } from "./track-store.ts";

// Positions are stored in AIS's own unit (1/600 000 degree, defined in messages.ts); re-exported
// for the blocks' readers.
export { POSITION_UNITS_PER_DEG };
export const SOG_NOT_AVAILABLE = 1023;
export const COG_NOT_AVAILABLE = 3600;
export const HEADING_NOT_AVAILABLE = 511;
export const NAV_STATUS_NOT_DEFINED = 15;

/** Columns of position reports of one vessel (struct of arrays: no object per report). */
export class TrackReports {
  count = 0;
  timeS: Float64Array;
  latU: Int32Array;
  lonU: Int32Array;
  sogDeciKn: Uint16Array;
  cogDeciDeg: Uint16Array;
  headingDeg: Uint16Array;
  navStatus: Uint8Array;
  msgType: Uint8Array;

  constructor(capacity = 64) {
    this.timeS = new Float64Array(capacity);
    this.latU = new Int32Array(capacity);
    this.lonU = new Int32Array(capacity);
    this.sogDeciKn = new Uint16Array(capacity);
    this.cogDeciDeg = new Uint16Array(capacity);
    this.headingDeg = new Uint16Array(capacity);
    this.navStatus = new Uint8Array(capacity);
    this.msgType = new Uint8Array(capacity);
  }

  private grow(): void {
    const cap = Math.max(16, this.timeS.length * 2);
    const copy = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.timeS = copy(this.timeS, (n) => new Float64Array(n));
    this.latU = copy(this.latU, (n) => new Int32Array(n));
    this.lonU = copy(this.lonU, (n) => new Int32Array(n));
    this.sogDeciKn = copy(this.sogDeciKn, (n) => new Uint16Array(n));
    this.cogDeciDeg = copy(this.cogDeciDeg, (n) => new Uint16Array(n));
    this.headingDeg = copy(this.headingDeg, (n) => new Uint16Array(n));
    this.navStatus = copy(this.navStatus, (n) => new Uint8Array(n));
    this.msgType = copy(this.msgType, (n) => new Uint8Array(n));
  }

  push(
    timeS: number,
    latU: number,
    lonU: number,
    sog: number,
    cog: number,
    heading: number,
    nav: number,
    type: number,
  ): void {
    if (this.count === this.timeS.length) this.grow();
    const i = this.count++;
    this.timeS[i] = timeS;
    this.latU[i] = latU;
    this.lonU[i] = lonU;
    this.sogDeciKn[i] = sog;
    this.cogDeciDeg[i] = cog;
    this.headingDeg[i] = heading;
    this.navStatus[i] = nav;
    this.msgType[i] = type;
  }

  /**
   * Reports [start, start + count) of shared columns, without copying (ingest gathers a whole
   * batch into one set of columns and hands each vessel-day its slice).
   */
  static slice(
    columns: Omit<TrackReports, "count" | "push" | "appendAll" | "copyFrom">,
    start: number,
    count: number,
  ): TrackReports {
    const r = new TrackReports(0);
    const end = start + count;
    r.timeS = columns.timeS.subarray(start, end);
    r.latU = columns.latU.subarray(start, end);
    r.lonU = columns.lonU.subarray(start, end);
    r.sogDeciKn = columns.sogDeciKn.subarray(start, end);
    r.cogDeciDeg = columns.cogDeciDeg.subarray(start, end);
    r.headingDeg = columns.headingDeg.subarray(start, end);
    r.navStatus = columns.navStatus.subarray(start, end);
    r.msgType = columns.msgType.subarray(start, end);
    r.count = count;
    return r;
  }

  /** Appends all of `src` (bulk copies; capacity must suffice). */
  appendAll(src: TrackReports): void {
    const n = src.count;
    while (this.count + n > this.timeS.length) this.grow();
    const at = this.count;
    this.timeS.set(src.timeS.subarray(0, n), at);
    this.latU.set(src.latU.subarray(0, n), at);
    this.lonU.set(src.lonU.subarray(0, n), at);
    this.sogDeciKn.set(src.sogDeciKn.subarray(0, n), at);
    this.cogDeciDeg.set(src.cogDeciDeg.subarray(0, n), at);
    this.headingDeg.set(src.headingDeg.subarray(0, n), at);
    this.navStatus.set(src.navStatus.subarray(0, n), at);
    this.msgType.set(src.msgType.subarray(0, n), at);
    this.count += n;
  }

  copyFrom(src: TrackReports, i: number): void {
    this.push(
      src.timeS[i]!,
      src.latU[i]!,
      src.lonU[i]!,
      src.sogDeciKn[i]!,
      src.cogDeciDeg[i]!,
      src.headingDeg[i]!,
      src.navStatus[i]!,
      src.msgType[i]!,
    );
  }
}

function compareAt(a: TrackReports, i: number, b: TrackReports, j: number): number {
  return a.timeS[i]! - b.timeS[j]! || a.latU[i]! - b.latU[j]! || a.lonU[i]! - b.lonU[j]!;
}

/** Indices of the reports in time order (ties by position, so the order is deterministic). */
function sortedIndices(r: TrackReports): Uint32Array {
  const order = new Uint32Array(r.count);
  let sorted = true;
  for (let i = 0; i < r.count; i++) {
    order[i] = i;
    if (i > 0 && sorted && compareAt(r, i - 1, r, i) > 0) sorted = false;
  }
  // Feeds are nearly always in time order per vessel: skip the sort then.
  if (!sorted) order.sort((i, j) => compareAt(r, i, r, j));
  return order;
}

export interface MergeResult {
  merged: TrackReports;
  /** Incoming reports that were new. */
  added: number;
  /** Incoming reports already stored, or repeated within the input (same time and position). */
  duplicates: number;
}

/**
 * Merges new reports into a vessel-day's stored reports (sorted, unique), dropping duplicates: a
 * report with the same second and position as one already there (the same message heard by two
 * receivers, or the same file ingested twice).
 * Example: stored [t=10, t=20], incoming [t=20 (same position), t=15] → merged [10, 15, 20],
 * added 1, duplicates 1.
 */
export function mergeTrackReports(stored: TrackReports, incoming: TrackReports): MergeResult {
  const order = sortedIndices(incoming);
  const merged = new TrackReports(stored.count + incoming.count || 1);
  let i = 0;
  // The common case — new reports all after the stored ones (a feed moving forward, a new day):
  // the stored reports are copied in bulk and only the incoming ones are compared.
  if (
    order.length > 0 &&
    (stored.count === 0 || compareAt(stored, stored.count - 1, incoming, order[0]!) < 0)
  ) {
    merged.appendAll(stored);
    i = stored.count;
  }
  let added = 0;
  let duplicates = 0;
  for (let k = 0; k < order.length; k++) {
    const j = order[k]!;
    while (i < stored.count && compareAt(stored, i, incoming, j) < 0) merged.copyFrom(stored, i++);
    const last = merged.count - 1;
    if (
      (i < stored.count && compareAt(stored, i, incoming, j) === 0) ||
      (last >= 0 && compareAt(merged, last, incoming, j) === 0)
    ) {
      duplicates++;
      continue;
    }
    merged.copyFrom(incoming, j);
    added++;
  }
  while (i < stored.count) merged.copyFrom(stored, i++);
  return { merged, added, duplicates };
}

const HEADER_BYTES = 8;
const BYTES_PER_REPORT = 4 + 4 + 4 + 2 + 2 + 2 + 1 + 1;

// Columns are written through typed-array views (platform byte order); the format is little-endian.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
  throw new Error("track blocks need a little-endian platform");

/** Packs sorted reports into a compressed block (layout in the file comment). */
export function encodeTrackBlock(r: TrackReports): Uint8Array {
  const n = r.count;
  const bytes = new Uint8Array(HEADER_BYTES + n * BYTES_PER_REPORT);
  const buffer = bytes.buffer;
  const view = new DataView(buffer);
  view.setUint8(0, 1);
  view.setUint32(4, n, true);
  // Deltas make slowly changing columns mostly small numbers, which deflate packs well.
  const time = new Int32Array(buffer, HEADER_BYTES, n);
  const lat = new Int32Array(buffer, HEADER_BYTES + 4 * n, n);
  const lon = new Int32Array(buffer, HEADER_BYTES + 8 * n, n);
  let prevT = 0;
  let prevLat = 0;
  let prevLon = 0;
  for (let i = 0; i < n; i++) {
    const t = r.timeS[i]!;
    time[i] = i === 0 ? t | 0 : t - prevT;
    prevT = t;
    const la = r.latU[i]!;
    lat[i] = la - prevLat;
    prevLat = la;
    const lo = r.lonU[i]!;
    lon[i] = lo - prevLon;
    prevLon = lo;
  }
  let o = HEADER_BYTES + 12 * n;
  new Uint16Array(buffer, o, n).set(r.sogDeciKn.subarray(0, n));
  new Uint16Array(buffer, o + 2 * n, n).set(r.cogDeciDeg.subarray(0, n));
  new Uint16Array(buffer, o + 4 * n, n).set(r.headingDeg.subarray(0, n));
  o += 6 * n;
  bytes.set(r.navStatus.subarray(0, n), o);
  bytes.set(r.msgType.subarray(0, n), o + n);
  return deflateRawSync(bytes, { level: 1 });
}

export function decodeTrackBlock(block: Uint8Array): TrackReports {
  const raw = inflateRawSync(block);
  // Copy into a fresh, aligned buffer: typed-array views need 4-byte alignment.
  const bytes = new Uint8Array(raw.length);
  bytes.set(raw);
  const buffer = bytes.buffer;
  const view = new DataView(buffer);
  if (view.getUint8(0) !== 1) throw new Error(`unknown track block version ${view.getUint8(0)}`);
  const n = view.getUint32(4, true);
  if (bytes.length !== HEADER_BYTES + n * BYTES_PER_REPORT)
    throw new Error("track block length does not match its count");
  const r = new TrackReports(Math.max(n, 1));
  r.count = n;
  const time = new Int32Array(buffer, HEADER_BYTES, n);
  const lat = new Int32Array(buffer, HEADER_BYTES + 4 * n, n);
  const lon = new Int32Array(buffer, HEADER_BYTES + 8 * n, n);
  let t = 0;
  let la = 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    // The first time is absolute (unsigned: valid until 2106).
    t = i === 0 ? time[0]! >>> 0 : t + time[i]!;
    r.timeS[i] = t;
    la += lat[i]!;
    r.latU[i] = la;
    lo += lon[i]!;
    r.lonU[i] = lo;
  }
  let o = HEADER_BYTES + 12 * n;
  r.sogDeciKn.set(new Uint16Array(buffer, o, n));
  r.cogDeciDeg.set(new Uint16Array(buffer, o + 2 * n, n));
  r.headingDeg.set(new Uint16Array(buffer, o + 4 * n, n));
  o += 6 * n;
  r.navStatus.set(bytes.subarray(o, o + n));
  r.msgType.set(bytes.subarray(o + n, o + 2 * n));
  return r;
}

/**
 * Merges incoming reports into a stored block (or none) and packs the result with its summary.
 * Example: no stored block and two reports at t=100 and t=160 → a block of 2 reports,
 * firstTimeS 100, lastTimeS 160, added 2, duplicates 0.
 */
export function mergeIntoBlock(stored: Uint8Array | undefined, incoming: TrackReports): MergedBlock {
  const base = stored ? decodeTrackBlock(stored) : new TrackReports(1);
  const { merged, added, duplicates } = mergeTrackReports(base, incoming);
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < merged.count; i++) {
    const lat = merged.latU[i]!;
    const lon = merged.lonU[i]!;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  return {
    reportCount: merged.count,
    firstTimeS: merged.timeS[0] ?? 0,
    lastTimeS: merged.timeS[merged.count - 1] ?? 0,
    minLatDeg: minLat / POSITION_UNITS_PER_DEG,
    maxLatDeg: maxLat / POSITION_UNITS_PER_DEG,
    minLonDeg: minLon / POSITION_UNITS_PER_DEG,
    maxLonDeg: maxLon / POSITION_UNITS_PER_DEG,
    data: encodeTrackBlock(merged),
    added,
    duplicates,
  };
}
