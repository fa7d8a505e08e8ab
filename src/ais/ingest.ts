/**
 * AIS ingest: decoded messages (or CSV rows) in, facts out — track reports per vessel-day, the
 * latest position of each vessel, distinct static broadcasts, fixed stations and every reject —
 * written to the store in batches, each batch one transaction. Counts balance:
 * read = accepted + rejected + duplicates; a second ingest of the same input accepts nothing.
 *
 * A record is one decoded message, one CSV row or one rejected line. Its counted fact is the
 * position for types 1, 2, 3, 18, 19, 27 and CSV rows (the static fields riding along with
 * type 19 and CSV rows are stored too, without counting twice), the static report for types 5
 * and 24, the station for types 4 and 21; the other types carry none and are rejected as
 * `no_stored_fact` (so read = accepted + rejected + duplicates still holds).
 */
import { emptyIngestCounts, type IngestCounts } from "../core/ingest.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";
import type { AisMessage } from "./messages.ts";
import {
  COG_NOT_AVAILABLE,
  HEADING_NOT_AVAILABLE,
  mergeIntoBlock,
  NAV_STATUS_NOT_DEFINED,
  POSITION_UNITS_PER_DEG,
  SOG_NOT_AVAILABLE,
  TrackReports,
} from "./track-block.ts";
import { type AisStore, type AisWriteBatch, trackKey, type VesselStaticReport } from "./track-store.ts";

/** 2000-01-01 … 2100-01-01: outside this a timestamp is an error, not a fact. */
const MIN_TIME_S = 946_684_800;
const MAX_TIME_S = 4_102_444_800;

export interface AisIngestOptions {
  /** Name of the input (file path, "udp:10110", …): rejects are stored under it. */
  source: string;
  /**
   * Records buffered before `flushDue` turns true. Default 1,000,000 (~40 MB of buffers): large
   * batches matter because each flush rewrites the blocks of the vessel-days it touches.
   */
  flushEveryRecords?: number;
}

/** Static fields as they arrive, before they are keyed into a VesselStaticReport. */
export type StaticFields = Omit<
  VesselStaticReport,
  "mmsi" | "contentHash" | "firstSeenS" | "lastSeenS" | "aisClass"
>;

const NO_STATIC: StaticFields = {
  imo: null,
  name: null,
  callsign: null,
  shipType: null,
  toBowM: null,
  toSternM: null,
  toPortM: null,
  toStarboardM: null,
  lengthM: null,
  beamM: null,
  draughtM: null,
  destination: null,
  eta: null,
};

/** Two independent 32-bit FNV-1a style hashes: a short, stable key for a set of field values. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/** "MM-DD HH:mm" as broadcast (AIS carries no year), or null when incomplete. */
function formatEta(m: number | null, d: number | null, h: number | null, min: number | null): string | null {
  if (m === null || d === null) return null;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(m)}-${p(d)} ${h === null ? "--" : p(h)}:${min === null ? "--" : p(min)}`;
}

/** The static fields a message carries, or null for messages without any. */
export function staticFieldsOf(msg: AisMessage): StaticFields | null {
  switch (msg.msgType) {
    case 5:
      return {
        ...NO_STATIC,
        imo: msg.imo,
        name: msg.shipname,
        callsign: msg.callsign,
        shipType: msg.shipType,
        toBowM: msg.toBowM,
        toSternM: msg.toSternM,
        toPortM: msg.toPortM,
        toStarboardM: msg.toStarboardM,
        lengthM: msg.toBowM + msg.toSternM || null,
        beamM: msg.toPortM + msg.toStarboardM || null,
        draughtM: msg.draughtM,
        destination: msg.destination,
        eta: formatEta(msg.etaMonth, msg.etaDay, msg.etaHour, msg.etaMinute),
      };
    case 19:
      return {
        ...NO_STATIC,
        name: msg.shipname,
        shipType: msg.shipType,
        toBowM: msg.toBowM,
        toSternM: msg.toSternM,
        toPortM: msg.toPortM,
        toStarboardM: msg.toStarboardM,
        lengthM: msg.toBowM + msg.toSternM || null,
        beamM: msg.toPortM + msg.toStarboardM || null,
      };
    case 24:
      if (msg.partNo === 0) return { ...NO_STATIC, name: msg.shipname };
      return {
        ...NO_STATIC,
        shipType: msg.shipType,
        callsign: msg.callsign,
        toBowM: msg.toBowM,
        toSternM: msg.toSternM,
        toPortM: msg.toPortM,
        toStarboardM: msg.toStarboardM,
        lengthM: sum(msg.toBowM, msg.toSternM) || null,
        beamM: sum(msg.toPortM, msg.toStarboardM) || null,
      };
    default:
      return null;
  }
}

/** A vessel-day of the batch: how many of the buffered rows are its, and its newest one. */
interface BatchEntry {
  key: { mmsi: number; dayUtc: number };
  index: number;
  count: number;
  newestTimeS: number;
  newestRow: number;
}

/** Int32 values per buffered report: entry, time, lat, lon, sog|cog, heading|nav|type. */
const ROW_INTS = 6;

function emptyBatch(): AisWriteBatch {
  return {
    tracks: new Map(),
    latest: [],
    staticReports: [],
    sideStaticReports: [],
    stations: [],
    rejects: [],
  };
}

/**
 * Buffers records and writes them in batches. Use: `add…` per record; when `flushDue`, `await
 * flush()`; at the end `await flush()` once more and read `counts`.
 *
 * Example: two type 1 reports of MMSI 366999712 ten seconds apart and one bad line, flushed →
 * counts `{ read: 3, accepted: 2, rejected: 1, duplicates: 0 }`; the same again → `accepted 0,
 * rejected 1, duplicates 2` (the reject is kept once).
 */
export class AisIngest {
  readonly counts: IngestCounts = emptyIngestCounts();
  private batch = emptyBatch();
  private batchRecords = 0;
  /**
   * Reports are buffered as rows of one growing Int32Array, in arrival order: writes stay
   * sequential (one cache line per report) however many vessels interleave. They are grouped by
   * vessel-day once, at flush.
   */
  private rows = new Int32Array(ROW_INTS * 65_536);
  private rowCount = 0;
  private entries: BatchEntry[] = [];
  private readonly entryByKey = new Map<number, BatchEntry>();
  /** Each vessel's vessel-day entry used last: most reports follow their vessel's previous one. */
  private readonly current = new Map<number, BatchEntry>();
  private readonly flushEvery: number;

  constructor(
    private readonly store: AisStore,
    private readonly options: AisIngestOptions,
  ) {
    this.flushEvery = options.flushEveryRecords ?? 1_000_000;
  }

  get flushDue(): boolean {
    return this.batchRecords >= this.flushEvery;
  }

  /** Counts a rejected line now; it is stored with the next flush. */
  addReject(line: number, reason: string, text: string): void {
    this.counts.read++;
    this.counts.rejected++;
    this.counts.rejectedByReason[reason] = (this.counts.rejectedByReason[reason] ?? 0) + 1;
    this.batch.rejects.push({ source: this.options.source, line, reason, text });
    this.batchRecords++;
  }

  /** Adds one decoded message heard at `timeS` (epoch seconds); without a time it is rejected. */
  addMessage(msg: AisMessage, timeS: number | undefined, text = ""): void {
    if (timeS === undefined || !(timeS >= MIN_TIME_S && timeS < MAX_TIME_S)) {
      this.addReject(msg.line, timeS === undefined ? "no_timestamp" : "bad_timestamp", text);
      return;
    }
    const t = Math.floor(timeS);
    switch (msg.msgType) {
      case 1:
      case 2:
      case 3:
      case 27:
        this.addPosition(
          msg.mmsi,
          t,
          msg.latDeg,
          msg.lonDeg,
          msg.sogKnots,
          msg.cogDeg,
          msg.msgType === 27 ? null : msg.headingDeg,
          msg.navStatus,
          msg.msgType,
          msg.line,
          text,
        );
        return;
      case 18:
        this.addPosition(
          msg.mmsi,
          t,
          msg.latDeg,
          msg.lonDeg,
          msg.sogKnots,
          msg.cogDeg,
          msg.headingDeg,
          null,
          18,
          msg.line,
          text,
        );
        return;
      case 19:
        if (
          this.addPosition(
            msg.mmsi,
            t,
            msg.latDeg,
            msg.lonDeg,
            msg.sogKnots,
            msg.cogDeg,
            msg.headingDeg,
            null,
            19,
            msg.line,
            text,
          )
        ) {
          this.addStatic(msg.mmsi, t, "B", staticFieldsOf(msg)!, false);
        }
        return;
      case 5:
        this.counts.read++;
        this.addStatic(msg.mmsi, t, "A", staticFieldsOf(msg)!, true);
        return;
      case 24:
        this.counts.read++;
        this.addStatic(msg.mmsi, t, "B", staticFieldsOf(msg)!, true);
        return;
      case 4:
      case 21:
        if (msg.latDeg === null || msg.lonDeg === null) {
          this.addReject(msg.line, "no_position", text);
          return;
        }
        this.counts.read++;
        this.batch.stations.push({
          mmsi: msg.mmsi,
          kind: msg.msgType === 4 ? "base_station" : "aid_to_navigation",
          name: msg.msgType === 21 ? msg.name : null,
          latDeg: msg.latDeg,
          lonDeg: msg.lonDeg,
          lastSeenS: t,
        });
        this.batchRecords++;
        return;
      default:
        // Binary, safety, acknowledgement, link-management and SAR-aircraft messages (6-17, 20,
        // 22, 23, 25, 26) decode but hold no track, static or station fact: counted, not stored.
        this.addReject(msg.line, "no_stored_fact", text);
    }
  }

  /**
   * Adds one position report; false (and a reject) when it has no usable position.
   * Units as decoded: degrees, knots; null = not available.
   */
  addPosition(
    mmsi: number,
    timeS: number,
    latDeg: number | null,
    lonDeg: number | null,
    sogKnots: number | null,
    cogDeg: number | null,
    headingDeg: number | null,
    navStatus: number | null,
    msgType: number,
    line: number,
    text: string,
  ): boolean {
    if (
      latDeg === null ||
      lonDeg === null ||
      Math.abs(latDeg) > 90 ||
      Math.abs(lonDeg) > 180 ||
      (latDeg === 0 && lonDeg === 0)
    ) {
      // (0, 0) is what unconfigured GNSS receivers send: not a position anyone is at.
      this.addReject(line, "no_position", text);
      return false;
    }
    this.counts.read++;
    const dayUtc = Math.floor(timeS / SECONDS_PER_DAY);
    // MMSIs are small integers (fast map keys); the vessel-day key is only needed on a new day.
    let entry = this.current.get(mmsi);
    if (entry === undefined || entry.key.dayUtc !== dayUtc) {
      const key = trackKey(mmsi, dayUtc);
      entry = this.entryByKey.get(key);
      if (!entry) {
        entry = {
          key: { mmsi, dayUtc },
          index: this.entries.length,
          count: 0,
          newestTimeS: -1,
          newestRow: -1,
        };
        this.entries.push(entry);
        this.entryByKey.set(key, entry);
      }
      this.current.set(mmsi, entry);
    }
    if ((this.rowCount + 1) * ROW_INTS > this.rows.length) {
      const bigger = new Int32Array(this.rows.length * 2);
      bigger.set(this.rows);
      this.rows = bigger;
    }
    const o = this.rowCount * ROW_INTS;
    const rows = this.rows;
    rows[o] = entry.index;
    rows[o + 1] = timeS | 0;
    rows[o + 2] = Math.round(latDeg * POSITION_UNITS_PER_DEG);
    rows[o + 3] = Math.round(lonDeg * POSITION_UNITS_PER_DEG);
    rows[o + 4] =
      (sogKnots === null ? SOG_NOT_AVAILABLE : Math.min(SOG_NOT_AVAILABLE, Math.round(sogKnots * 10))) |
      ((cogDeg === null ? COG_NOT_AVAILABLE : Math.round(cogDeg * 10)) << 10);
    rows[o + 5] =
      (headingDeg === null ? HEADING_NOT_AVAILABLE : Math.round(headingDeg)) |
      ((navStatus === null ? NAV_STATUS_NOT_DEFINED : navStatus) << 9) |
      (msgType << 13);
    // The newest report is the latest position: remembered by row, no object per report.
    if (timeS > entry.newestTimeS) {
      entry.newestTimeS = timeS;
      entry.newestRow = this.rowCount;
    }
    entry.count++;
    this.rowCount++;
    this.batchRecords++;
    return true;
  }

  /** Adds static fields heard at `timeS`; `counted` when they are the record's own fact. */
  addStatic(mmsi: number, timeS: number, aisClass: "A" | "B", fields: StaticFields, counted: boolean): void {
    const report: VesselStaticReport = {
      mmsi,
      contentHash: contentHash(
        `${aisClass}|${fields.imo}|${fields.name}|${fields.callsign}|${fields.shipType}|${fields.toBowM}|${fields.toSternM}|${fields.toPortM}|${fields.toStarboardM}|${fields.lengthM}|${fields.beamM}|${fields.draughtM}|${fields.destination}|${fields.eta}`,
      ),
      firstSeenS: timeS,
      lastSeenS: timeS,
      aisClass,
      ...fields,
    };
    (counted ? this.batch.staticReports : this.batch.sideStaticReports).push(report);
    if (counted) this.batchRecords++;
  }

  /** Groups the buffered rows by vessel-day (a stable counting sort) into one set of columns. */
  private gatherTracks(): AisWriteBatch["tracks"] {
    const n = this.rowCount;
    const rows = this.rows;
    const cursor = new Int32Array(this.entries.length);
    let offset = 0;
    for (const e of this.entries) {
      cursor[e.index] = offset;
      offset += e.count;
    }
    const order = new Int32Array(n);
    for (let r = 0; r < n; r++) order[cursor[rows[r * ROW_INTS]!]!++] = r;
    const columns = new TrackReports(n);
    for (let k = 0; k < n; k++) {
      const o = order[k]! * ROW_INTS;
      columns.timeS[k] = rows[o + 1]! >>> 0;
      columns.latU[k] = rows[o + 2]!;
      columns.lonU[k] = rows[o + 3]!;
      const motion = rows[o + 4]!;
      columns.sogDeciKn[k] = motion & 0x3ff;
      columns.cogDeciDeg[k] = motion >>> 10;
      const state = rows[o + 5]!;
      columns.headingDeg[k] = state & 0x1ff;
      columns.navStatus[k] = (state >>> 9) & 0xf;
      columns.msgType[k] = state >>> 13;
    }
    const tracks: AisWriteBatch["tracks"] = new Map();
    let start = 0;
    for (const e of this.entries) {
      tracks.set(trackKey(e.key.mmsi, e.key.dayUtc), {
        key: e.key,
        reports: TrackReports.slice(columns, start, e.count),
      });
      start += e.count;
    }
    return tracks;
  }

  /** The newest report of each vessel in the batch. */
  private latestPositions(): AisWriteBatch["latest"] {
    const byMmsi = new Map<number, AisWriteBatch["latest"][number]>();
    const rows = this.rows;
    for (const e of this.entries) {
      const seen = byMmsi.get(e.key.mmsi);
      if (seen && seen.timeS >= e.newestTimeS) continue;
      const o = e.newestRow * ROW_INTS;
      const sog = rows[o + 4]! & 0x3ff;
      const cog = rows[o + 4]! >>> 10;
      const heading = rows[o + 5]! & 0x1ff;
      const nav = (rows[o + 5]! >>> 9) & 0xf;
      byMmsi.set(e.key.mmsi, {
        mmsi: e.key.mmsi,
        timeS: e.newestTimeS,
        latDeg: rows[o + 2]! / POSITION_UNITS_PER_DEG,
        lonDeg: rows[o + 3]! / POSITION_UNITS_PER_DEG,
        sogKnots: sog === SOG_NOT_AVAILABLE ? null : sog / 10,
        cogDeg: cog === COG_NOT_AVAILABLE ? null : cog / 10,
        headingDeg: heading === HEADING_NOT_AVAILABLE ? null : heading,
        navStatus: nav === NAV_STATUS_NOT_DEFINED ? null : nav,
        msgType: rows[o + 5]! >>> 13,
      });
    }
    return [...byMmsi.values()];
  }

  /** Writes what is buffered in one transaction and updates the counts. */
  async flush(): Promise<void> {
    const batch = this.batch;
    batch.tracks = this.gatherTracks();
    batch.latest = this.latestPositions();
    this.batch = emptyBatch();
    this.current.clear();
    this.entryByKey.clear();
    this.entries = [];
    this.rowCount = 0;
    this.batchRecords = 0;
    const result = await this.store.writeBatch(batch, mergeIntoBlock);
    this.counts.accepted += result.reportsAdded + result.staticAdded + result.stationsAdded;
    this.counts.duplicates += result.reportsDuplicate + result.staticDuplicate + result.stationsDuplicate;
  }
}
