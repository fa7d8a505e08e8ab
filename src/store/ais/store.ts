/** AisStore on Kysely: one code path for SQLite and PostgreSQL. */
import { type Kysely, sql, type Transaction } from "kysely";
import type {
  AisFixedStation,
  AisStore,
  AisWriteResult,
  LatestPosition,
  StoredTrackBlock,
  VesselStaticReport,
} from "../../ais/track-store.ts";
import { SECONDS_PER_DAY } from "../../core/time.ts";
import { chunks } from "../chunks.ts";
import type { AisDatabase, AisLatestPositionsTable, VesselStaticReportsTable } from "./schema.ts";

/** Rows per INSERT: keeps statements under PostgreSQL's 65,535 parameters and SQLite's limits. */
const ROWS_PER_INSERT = 400;

const toBytes = (data: unknown): Uint8Array =>
  data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);

function staticFromRow(row: VesselStaticReportsTable): VesselStaticReport {
  return {
    mmsi: Number(row.mmsi),
    contentHash: row.content_hash,
    firstSeenS: Number(row.first_seen_s),
    lastSeenS: Number(row.last_seen_s),
    aisClass: row.ais_class === "B" ? "B" : "A",
    imo: row.imo,
    name: row.name,
    callsign: row.callsign,
    shipType: row.ship_type,
    toBowM: row.to_bow_m,
    toSternM: row.to_stern_m,
    toPortM: row.to_port_m,
    toStarboardM: row.to_starboard_m,
    lengthM: row.length_m,
    beamM: row.beam_m,
    draughtM: row.draught_m,
    destination: row.destination,
    eta: row.eta,
  };
}

type Tx = Transaction<AisDatabase>;

function latestFromRow(r: AisLatestPositionsTable): LatestPosition {
  return {
    mmsi: Number(r.mmsi),
    timeS: Number(r.time_s),
    latDeg: r.lat_deg,
    lonDeg: r.lon_deg,
    sogKnots: r.sog_knots,
    cogDeg: r.cog_deg,
    headingDeg: r.heading_deg,
    navStatus: r.nav_status,
    msgType: r.msg_type,
  };
}

/**
 * Inserts rows that are new by key and widens the seen-interval of those already there. `counted`
 * rows are records' own facts: the result says how many of them were new (the first of each new
 * key) and how many repeated something known; side rows are stored without being counted.
 * `insert` writes the new rows: the caller names the table again so that Kysely checks the rows'
 * columns (it cannot through a table name that is a type parameter).
 */
async function upsertSeen<
  T extends { mmsi: number; content_hash: string; first_seen_s: number; last_seen_s: number },
>(
  trx: Tx,
  table: "vessel_static_reports" | "ais_stations",
  insert: (rows: T[]) => Promise<unknown>,
  counted: T[],
  side: T[] = [],
): Promise<{ added: number; duplicate: number }> {
  // The same broadcast heard many times in one batch is one row.
  const byKey = new Map<string, { row: T; counted: boolean }>();
  for (const [rows, isCounted] of [
    [counted, true],
    [side, false],
  ] as const) {
    for (const row of rows) {
      const key = `${row.mmsi}:${row.content_hash}`;
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { row: { ...row }, counted: isCounted });
      else {
        seen.row.first_seen_s = Math.min(seen.row.first_seen_s, row.first_seen_s);
        seen.row.last_seen_s = Math.max(seen.row.last_seen_s, row.last_seen_s);
        seen.counted ||= isCounted;
      }
    }
  }
  let added = 0;
  for (const part of chunks([...byKey.values()], ROWS_PER_INSERT)) {
    const existing = await trx
      .selectFrom(table)
      .select(["mmsi", "content_hash", "first_seen_s", "last_seen_s"])
      .where("mmsi", "in", [...new Set(part.map((p) => p.row.mmsi))])
      .execute();
    const known = new Map(existing.map((e) => [`${e.mmsi}:${e.content_hash}`, e]));
    const fresh = part.filter((p) => !known.has(`${p.row.mmsi}:${p.row.content_hash}`));
    added += fresh.filter((p) => p.counted).length;
    if (fresh.length > 0) await insert(fresh.map((p) => p.row));
    for (const { row } of part) {
      const old = known.get(`${row.mmsi}:${row.content_hash}`);
      if (!old) continue;
      const first = Math.min(Number(old.first_seen_s), row.first_seen_s);
      const last = Math.max(Number(old.last_seen_s), row.last_seen_s);
      if (first === Number(old.first_seen_s) && last === Number(old.last_seen_s)) continue;
      await trx
        .updateTable(table)
        .set({ first_seen_s: first, last_seen_s: last })
        .where("mmsi", "=", row.mmsi)
        .where("content_hash", "=", row.content_hash)
        .execute();
    }
  }
  // Every counted report that did not add a row repeats one already known.
  return { added, duplicate: counted.length - added };
}

export function createAisStore(db: Kysely<AisDatabase>, kind: "sqlite" | "postgres"): AisStore {
  return {
    async writeBatch(batch, merge) {
      const result: AisWriteResult = {
        reportsAdded: 0,
        reportsDuplicate: 0,
        staticAdded: 0,
        staticDuplicate: 0,
        stationsAdded: 0,
        stationsDuplicate: 0,
        rejectsAdded: 0,
        rejectsDuplicate: 0,
      };
      await db.transaction().execute(async (trx) => {
        // Track blocks: read the stored blocks of the touched vessel-days, merge, write back.
        const entries = [...batch.tracks.values()];
        for (const part of chunks(entries, ROWS_PER_INSERT)) {
          const days = [...new Set(part.map((e) => e.key.dayUtc))];
          let query = trx
            .selectFrom("ais_track_blocks")
            .select(["mmsi", "day_utc", "data"])
            .where("mmsi", "in", [...new Set(part.map((e) => e.key.mmsi))])
            .where("day_utc", "in", days);
          // PostgreSQL: lock the rows so a concurrent ingest of the same vessel-days waits.
          if (kind === "postgres") query = query.forUpdate();
          const stored = new Map<string, Uint8Array>();
          for (const row of await query.execute())
            stored.set(`${row.mmsi}:${row.day_utc}`, toBytes(row.data));
          const rows = part.map((e) => {
            const merged = merge(stored.get(`${e.key.mmsi}:${e.key.dayUtc}`), e.reports);
            result.reportsAdded += merged.added;
            result.reportsDuplicate += merged.duplicates;
            return {
              mmsi: e.key.mmsi,
              day_utc: e.key.dayUtc,
              report_count: merged.reportCount,
              first_time_s: merged.firstTimeS,
              last_time_s: merged.lastTimeS,
              min_lat_deg: merged.minLatDeg,
              max_lat_deg: merged.maxLatDeg,
              min_lon_deg: merged.minLonDeg,
              max_lon_deg: merged.maxLonDeg,
              data: merged.data,
              added: merged.added,
            };
          });
          const changed = rows.filter((r) => r.added > 0).map(({ added: _added, ...row }) => row);
          if (changed.length === 0) continue;
          await trx
            .insertInto("ais_track_blocks")
            .values(changed)
            .onConflict((oc) =>
              oc.columns(["mmsi", "day_utc"]).doUpdateSet((eb) => ({
                report_count: eb.ref("excluded.report_count"),
                first_time_s: eb.ref("excluded.first_time_s"),
                last_time_s: eb.ref("excluded.last_time_s"),
                min_lat_deg: eb.ref("excluded.min_lat_deg"),
                max_lat_deg: eb.ref("excluded.max_lat_deg"),
                min_lon_deg: eb.ref("excluded.min_lon_deg"),
                max_lon_deg: eb.ref("excluded.max_lon_deg"),
                data: eb.ref("excluded.data"),
              })),
            )
            .execute();
        }

        // Latest positions: keep the newest per vessel.
        const newest = new Map<number, LatestPosition>();
        for (const p of batch.latest) {
          const seen = newest.get(p.mmsi);
          if (!seen || p.timeS > seen.timeS) newest.set(p.mmsi, p);
        }
        for (const part of chunks([...newest.values()], ROWS_PER_INSERT)) {
          await trx
            .insertInto("ais_latest_positions")
            .values(
              part.map((p) => ({
                mmsi: p.mmsi,
                time_s: p.timeS,
                lat_deg: p.latDeg,
                lon_deg: p.lonDeg,
                sog_knots: p.sogKnots,
                cog_deg: p.cogDeg,
                heading_deg: p.headingDeg,
                nav_status: p.navStatus,
                msg_type: p.msgType,
              })),
            )
            .onConflict((oc) =>
              oc
                .column("mmsi")
                .doUpdateSet((eb) => ({
                  time_s: eb.ref("excluded.time_s"),
                  lat_deg: eb.ref("excluded.lat_deg"),
                  lon_deg: eb.ref("excluded.lon_deg"),
                  sog_knots: eb.ref("excluded.sog_knots"),
                  cog_deg: eb.ref("excluded.cog_deg"),
                  heading_deg: eb.ref("excluded.heading_deg"),
                  nav_status: eb.ref("excluded.nav_status"),
                  msg_type: eb.ref("excluded.msg_type"),
                }))
                .where("ais_latest_positions.time_s", "<", (eb) => eb.ref("excluded.time_s")),
            )
            .execute();
        }

        const staticRow = (s: VesselStaticReport) => ({
          mmsi: s.mmsi,
          content_hash: s.contentHash,
          first_seen_s: s.firstSeenS,
          last_seen_s: s.lastSeenS,
          ais_class: s.aisClass,
          imo: s.imo,
          name: s.name,
          callsign: s.callsign,
          ship_type: s.shipType,
          to_bow_m: s.toBowM,
          to_stern_m: s.toSternM,
          to_port_m: s.toPortM,
          to_starboard_m: s.toStarboardM,
          length_m: s.lengthM,
          beam_m: s.beamM,
          draught_m: s.draughtM,
          destination: s.destination,
          eta: s.eta,
        });
        const statics = await upsertSeen(
          trx,
          "vessel_static_reports",
          (rows) => trx.insertInto("vessel_static_reports").values(rows).execute(),
          batch.staticReports.map(staticRow),
          batch.sideStaticReports.map(staticRow),
        );
        result.staticAdded = statics.added;
        result.staticDuplicate = statics.duplicate;

        const stations = await upsertSeen(
          trx,
          "ais_stations",
          (rows) => trx.insertInto("ais_stations").values(rows).execute(),
          batch.stations.map((s) => ({
            mmsi: s.mmsi,
            content_hash: `${s.kind}|${s.name ?? ""}|${s.latDeg.toFixed(5)}|${s.lonDeg.toFixed(5)}`,
            kind: s.kind,
            name: s.name,
            lat_deg: s.latDeg,
            lon_deg: s.lonDeg,
            first_seen_s: s.lastSeenS,
            last_seen_s: s.lastSeenS,
          })),
        );
        result.stationsAdded = stations.added;
        result.stationsDuplicate = stations.duplicate;

        for (const part of chunks(batch.rejects, ROWS_PER_INSERT)) {
          const inserted = await trx
            .insertInto("ingest_rejects")
            .values(part)
            .onConflict((oc) => oc.columns(["source", "line"]).doNothing())
            .executeTakeFirst();
          const n = Number(inserted.numInsertedOrUpdatedRows ?? 0);
          result.rejectsAdded += n;
          result.rejectsDuplicate += part.length - n;
        }
      });
      return result;
    },

    async trackBlocks(mmsi, fromS, toS) {
      const rows = await db
        .selectFrom("ais_track_blocks")
        .selectAll()
        .where("mmsi", "=", mmsi)
        .where("day_utc", ">=", Math.floor(fromS / SECONDS_PER_DAY))
        .where("day_utc", "<=", Math.floor(toS / SECONDS_PER_DAY))
        .orderBy("day_utc")
        .execute();
      return rows.map(
        (r): StoredTrackBlock => ({
          mmsi: Number(r.mmsi),
          dayUtc: r.day_utc,
          reportCount: r.report_count,
          firstTimeS: Number(r.first_time_s),
          lastTimeS: Number(r.last_time_s),
          minLatDeg: r.min_lat_deg,
          maxLatDeg: r.max_lat_deg,
          minLonDeg: r.min_lon_deg,
          maxLonDeg: r.max_lon_deg,
          data: toBytes(r.data),
        }),
      );
    },

    async latestPosition(mmsi) {
      const r = await db
        .selectFrom("ais_latest_positions")
        .selectAll()
        .where("mmsi", "=", mmsi)
        .executeTakeFirst();
      return r ? latestFromRow(r) : undefined;
    },

    async latestPositions(sinceS, bbox) {
      let query = db.selectFrom("ais_latest_positions").selectAll().where("time_s", ">=", sinceS);
      if (bbox) {
        query = query
          .where("lon_deg", ">=", bbox[0])
          .where("lat_deg", ">=", bbox[1])
          .where("lon_deg", "<=", bbox[2])
          .where("lat_deg", "<=", bbox[3]);
      }
      const rows = await query.orderBy("mmsi").execute();
      return rows.map(latestFromRow);
    },

    async staticHistory(mmsi) {
      const rows = await db
        .selectFrom("vessel_static_reports")
        .selectAll()
        .where("mmsi", "=", mmsi)
        .orderBy("first_seen_s")
        .orderBy("content_hash")
        .execute();
      return rows.map(staticFromRow);
    },

    async mmsisWithImo(imo) {
      const rows = await db
        .selectFrom("vessel_static_reports")
        .select("mmsi")
        .distinct()
        .where("imo", "=", imo)
        .orderBy("mmsi")
        .execute();
      return rows.map((r) => Number(r.mmsi));
    },

    async staticReports(mmsis) {
      let query = db.selectFrom("vessel_static_reports").selectAll();
      if (mmsis) {
        if (mmsis.length === 0) return [];
        query = query.where("mmsi", "in", mmsis);
      }
      const rows = await query.orderBy("mmsi").orderBy("first_seen_s").orderBy("content_hash").execute();
      return rows.map(staticFromRow);
    },

    async stations() {
      const rows = await db
        .selectFrom("ais_stations")
        .selectAll()
        .orderBy("mmsi")
        .orderBy("last_seen_s", "desc")
        .execute();
      const newest = new Map<number, AisFixedStation>();
      for (const r of rows) {
        const mmsi = Number(r.mmsi);
        if (newest.has(mmsi)) continue;
        newest.set(mmsi, {
          mmsi,
          kind: r.kind === "aid_to_navigation" ? "aid_to_navigation" : "base_station",
          name: r.name,
          latDeg: r.lat_deg,
          lonDeg: r.lon_deg,
          lastSeenS: Number(r.last_seen_s),
        });
      }
      return [...newest.values()];
    },

    async upsertParticulars(records, source) {
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const updatedAt = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        for (const part of chunks(records, ROWS_PER_INSERT)) {
          const existing = await trx
            .selectFrom("vessel_particulars")
            .select(["imo", "record_json"])
            .where(
              "imo",
              "in",
              part.map((r) => r.imo),
            )
            .execute();
          const stored = new Map(existing.map((e) => [Number(e.imo), e.record_json]));
          for (const record of part) {
            const json = JSON.stringify(record);
            const before = stored.get(record.imo);
            if (before === json) {
              counts.unchanged++;
              continue;
            }
            const row = { imo: record.imo, record_json: json, source, updated_at: updatedAt };
            if (before === undefined) {
              await trx.insertInto("vessel_particulars").values(row).execute();
              counts.added++;
            } else {
              await trx.updateTable("vessel_particulars").set(row).where("imo", "=", record.imo).execute();
              counts.updated++;
            }
          }
        }
      });
      return counts;
    },

    async particulars(imos) {
      if (imos.length === 0) return [];
      const rows = await db
        .selectFrom("vessel_particulars")
        .select("record_json")
        .where("imo", "in", imos)
        .orderBy("imo")
        .execute();
      return rows.map((r) => JSON.parse(r.record_json));
    },

    async recordIngestRun(run) {
      const row = {
        id: run.id,
        kind: run.kind,
        source: run.source,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        read: run.read,
        accepted: run.accepted,
        rejected: run.rejected,
        duplicates: run.duplicates,
        detail_json: JSON.stringify(run.detail),
      };
      await db
        .insertInto("ingest_runs")
        .values(row)
        .onConflict((oc) => oc.column("id").doUpdateSet(row))
        .execute();
    },

    async ingestRuns(limit, kind) {
      let query = db.selectFrom("ingest_runs").selectAll();
      if (kind !== undefined) query = query.where("kind", "=", kind);
      const rows = await query.orderBy("started_at", "desc").limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        source: r.source,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        read: Number(r.read),
        accepted: Number(r.accepted),
        rejected: Number(r.rejected),
        duplicates: Number(r.duplicates),
        detail: JSON.parse(r.detail_json),
      }));
    },

    async rejectCounts(source) {
      let query = db
        .selectFrom("ingest_rejects")
        .select(["reason", sql<number>`count(*)`.as("n")])
        .groupBy("reason");
      if (source) query = query.where("source", "=", source);
      const rows = await query.execute();
      return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
    },
  };
}
