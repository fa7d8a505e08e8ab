/** CallStore on Kysely: one code path for SQLite and PostgreSQL. */
import { type Kysely, sql } from "kysely";
import type { PortCallRecord, StoredSegment } from "../../calls/calls.ts";
import { CALLS_METHODOLOGY_VERSION, type OperatingMode } from "../../calls/model.ts";
import type { CallQuery, CallStore, VesselDayState } from "../../calls/store.ts";
import { SECONDS_PER_DAY } from "../../core/time.ts";
import type { AisDatabase } from "../ais/schema.ts";
import { chunks } from "../chunks.ts";
import type { CallsDatabase, ModeSegmentsTable } from "./schema.ts";

const ROWS_PER_INSERT = 400;

const isoToS = (iso: string) => Date.parse(iso) / 1000;

function dayFromRow(r: {
  mmsi: number;
  day_utc: number;
  report_count: number;
  last_time_s: number;
  min_lat_deg: number;
  max_lat_deg: number;
  min_lon_deg: number;
  max_lon_deg: number;
}): VesselDayState {
  return {
    mmsi: Number(r.mmsi),
    dayUtc: Number(r.day_utc),
    reportCount: Number(r.report_count),
    lastTimeS: Number(r.last_time_s),
    minLatDeg: r.min_lat_deg,
    maxLatDeg: r.max_lat_deg,
    minLonDeg: r.min_lon_deg,
    maxLonDeg: r.max_lon_deg,
  };
}

function segmentFromRow(r: ModeSegmentsTable): StoredSegment {
  return {
    port: r.port,
    mmsi: Number(r.mmsi),
    mode: r.mode as OperatingMode,
    zone: r.zone,
    callId: r.call_id,
    startS: Number(r.start_s),
    endS: Number(r.end_s),
    durationH: r.duration_h,
    distanceNm: r.distance_nm,
    meanSpeedKn: r.mean_speed_kn,
    maxSpeedKn: r.max_speed_kn,
    reports: r.reports,
  };
}

/** The calls tables, and the AIS blocks whose state says which vessel-days need a new run. */
export function createCallStore(
  db: Kysely<CallsDatabase & Pick<AisDatabase, "ais_track_blocks">>,
): CallStore {
  const blockCols = [
    "b.mmsi",
    "b.day_utc",
    "b.report_count",
    "b.last_time_s",
    "b.min_lat_deg",
    "b.max_lat_deg",
    "b.min_lon_deg",
    "b.max_lon_deg",
  ] as const;
  return {
    async pendingVesselDays(version, limit) {
      const rows = await db
        .selectFrom("ais_track_blocks as b")
        .leftJoin("calls_vessel_days as p", (j) =>
          j.onRef("p.mmsi", "=", "b.mmsi").onRef("p.day_utc", "=", "b.day_utc"),
        )
        .select(blockCols)
        .where((eb) =>
          eb.or([
            eb("p.mmsi", "is", null),
            eb("p.report_count", "<>", eb.ref("b.report_count")),
            eb("p.last_time_s", "<>", eb.ref("b.last_time_s")),
            eb("p.methodology_version", "<>", version),
          ]),
        )
        .orderBy("b.mmsi")
        .orderBy("b.day_utc")
        .limit(limit)
        .execute();
      return rows.map(dayFromRow);
    },

    async vesselDaysInRange(fromS, toS) {
      const rows = await db
        .selectFrom("ais_track_blocks as b")
        .select(blockCols)
        .where("b.day_utc", ">=", Math.floor(fromS / SECONDS_PER_DAY))
        .where("b.day_utc", "<=", Math.floor(toS / SECONDS_PER_DAY))
        .orderBy("b.mmsi")
        .orderBy("b.day_utc")
        .execute();
      return rows.map(dayFromRow);
    },

    async markVesselDays(version, days) {
      if (days.length === 0) return;
      await db.transaction().execute(async (tx) => {
        for (const part of chunks(days, ROWS_PER_INSERT)) {
          await tx
            .insertInto("calls_vessel_days")
            .values(
              part.map((d) => ({
                mmsi: d.mmsi,
                day_utc: d.dayUtc,
                report_count: d.reportCount,
                last_time_s: d.lastTimeS,
                methodology_version: version,
              })),
            )
            .onConflict((oc) =>
              oc.columns(["mmsi", "day_utc"]).doUpdateSet((eb) => ({
                report_count: eb.ref("excluded.report_count"),
                last_time_s: eb.ref("excluded.last_time_s"),
                methodology_version: eb.ref("excluded.methodology_version"),
              })),
            )
            .execute();
        }
      });
    },

    async replaceVesselResults(port, mmsi, fromS, toS, calls, segments) {
      const now = new Date().toISOString();
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom("port_calls")
          .where("port", "=", port)
          .where("mmsi", "=", mmsi)
          .where("start_s", ">=", fromS)
          .where("start_s", "<", toS)
          .execute();
        await tx
          .deleteFrom("mode_segments")
          .where("port", "=", port)
          .where("mmsi", "=", mmsi)
          .where("start_s", ">=", fromS)
          .where("start_s", "<", toS)
          .execute();
        // A call id is port + MMSI + arrival minute: an overlapping older row outside the range goes.
        if (calls.length > 0)
          await tx
            .deleteFrom("port_calls")
            .where(
              "id",
              "in",
              calls.map((c) => c.id),
            )
            .execute();
        for (const part of chunks(calls, ROWS_PER_INSERT)) {
          await tx
            .insertInto("port_calls")
            .values(
              part.map((c) => ({
                id: c.id,
                port: c.port,
                mmsi: c.mmsi,
                imo: c.imo,
                vessel_name: c.vesselName,
                ship_type_group: c.shipTypeGroup,
                terminal: c.terminal,
                berth: c.berth,
                start_s: isoToS(c.startAt),
                end_s: isoToS(c.endAt),
                berth_arrival_s: isoToS(c.berthArrivalAt),
                berth_departure_s: isoToS(c.berthDepartureAt),
                anchorage_wait_h: c.anchorageWaitH,
                time_at_berth_h: c.timeAtBerthH,
                methodology_version: c.methodology.version,
                record_json: JSON.stringify(c),
                computed_at: now,
              })),
            )
            .execute();
        }
        const seen = new Set<string>();
        const unique = segments.filter((s) => {
          const k = `${s.startS}|${s.mode}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
        for (const part of chunks(unique, ROWS_PER_INSERT)) {
          await tx
            .insertInto("mode_segments")
            .values(
              part.map((s) => ({
                port,
                mmsi,
                start_s: s.startS,
                end_s: s.endS,
                mode: s.mode,
                zone: s.zone,
                call_id: s.callId,
                duration_h: s.durationH,
                distance_nm: s.distanceNm,
                mean_speed_kn: s.meanSpeedKn,
                max_speed_kn: s.maxSpeedKn,
                reports: s.reports,
                methodology_version: CALLS_METHODOLOGY_VERSION,
              })),
            )
            .execute();
        }
      });
    },

    async listCalls(q: CallQuery) {
      let base = db.selectFrom("port_calls");
      if (q.port !== undefined) base = base.where("port", "=", q.port);
      if (q.mmsi !== undefined) base = base.where("mmsi", "=", q.mmsi);
      if (q.terminal !== undefined) base = base.where("terminal", "=", q.terminal);
      if (q.shipTypeGroup !== undefined) base = base.where("ship_type_group", "=", q.shipTypeGroup);
      if (q.fromS !== undefined) base = base.where("end_s", ">=", q.fromS);
      if (q.toS !== undefined) base = base.where("start_s", "<=", q.toS);
      if (q.berthArrivalFromS !== undefined) base = base.where("berth_arrival_s", ">=", q.berthArrivalFromS);
      if (q.berthArrivalToS !== undefined) base = base.where("berth_arrival_s", "<", q.berthArrivalToS);
      const rows = await base
        .select("record_json")
        .orderBy("berth_arrival_s")
        .orderBy("id")
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      // A first page that is not full holds them all: no count to run (the KPI page's calls of a month).
      const total =
        q.offset === 0 && rows.length < q.limit
          ? rows.length
          : Number((await base.select(sql<number>`count(*)`.as("n")).executeTakeFirst())?.n ?? 0);
      return { total, calls: rows.map((r) => JSON.parse(r.record_json) as PortCallRecord) };
    },

    async getCall(id) {
      const row = await db
        .selectFrom("port_calls")
        .select("record_json")
        .where("id", "=", id)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.record_json) as PortCallRecord);
    },

    async segmentsOfCalls(callIds) {
      const out = new Map<string, StoredSegment[]>();
      for (const part of chunks(callIds, ROWS_PER_INSERT)) {
        const rows = await db
          .selectFrom("mode_segments")
          .selectAll()
          .where("call_id", "in", part)
          .orderBy("start_s")
          .execute();
        for (const r of rows) {
          const s = segmentFromRow(r);
          const list = out.get(s.callId as string);
          if (list) list.push(s);
          else out.set(s.callId as string, [s]);
        }
      }
      return out;
    },

    async segments(port, mmsi, fromS, toS) {
      const rows = await db
        .selectFrom("mode_segments")
        .selectAll()
        .where("port", "=", port)
        .where("mmsi", "=", mmsi)
        .where("start_s", ">=", fromS)
        .where("start_s", "<=", toS)
        .orderBy("start_s")
        .execute();
      return rows.map(segmentFromRow);
    },
  };
}
