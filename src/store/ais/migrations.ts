/**
 * Migrations of the AIS capability (tables in schema.ts beside this file). A released migration
 * is never edited — add a new one (migrator.ts says how to name it).
 */
import type { Kysely, Migration } from "kysely";
import type { DialectKind } from "../dialect.ts";

/** The dialects differ only in the binary column type (blob / bytea). */
export function aisMigrations(kind: DialectKind): Record<string, Migration> {
  const binary = kind === "postgres" ? "bytea" : "blob";
  return {
    "0002_ais": {
      async up(db: Kysely<unknown>) {
        // Per-vessel-day blocks of position reports (see src/ais/track-block.ts for why).
        await db.schema
          .createTable("ais_track_blocks")
          .addColumn("mmsi", "bigint", (c) => c.notNull())
          .addColumn("day_utc", "integer", (c) => c.notNull())
          .addColumn("report_count", "integer", (c) => c.notNull())
          .addColumn("first_time_s", "bigint", (c) => c.notNull())
          .addColumn("last_time_s", "bigint", (c) => c.notNull())
          .addColumn("min_lat_deg", "double precision", (c) => c.notNull())
          .addColumn("max_lat_deg", "double precision", (c) => c.notNull())
          .addColumn("min_lon_deg", "double precision", (c) => c.notNull())
          .addColumn("max_lon_deg", "double precision", (c) => c.notNull())
          .addColumn("data", binary, (c) => c.notNull())
          .addPrimaryKeyConstraint("ais_track_blocks_pk", ["mmsi", "day_utc"])
          .execute();
        await db.schema
          .createIndex("ais_track_blocks_day")
          .on("ais_track_blocks")
          .columns(["day_utc"])
          .execute();

        await db.schema
          .createTable("ais_latest_positions")
          .addColumn("mmsi", "bigint", (c) => c.primaryKey())
          .addColumn("time_s", "bigint", (c) => c.notNull())
          .addColumn("lat_deg", "double precision", (c) => c.notNull())
          .addColumn("lon_deg", "double precision", (c) => c.notNull())
          .addColumn("sog_knots", "double precision")
          .addColumn("cog_deg", "double precision")
          .addColumn("heading_deg", "double precision")
          .addColumn("nav_status", "integer")
          .addColumn("msg_type", "integer", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("ais_latest_positions_time")
          .on("ais_latest_positions")
          .columns(["time_s"])
          .execute();

        // Each distinct static/voyage broadcast of a vessel, once, with when it was first and last heard.
        await db.schema
          .createTable("vessel_static_reports")
          .addColumn("mmsi", "bigint", (c) => c.notNull())
          .addColumn("content_hash", "text", (c) => c.notNull())
          .addColumn("first_seen_s", "bigint", (c) => c.notNull())
          .addColumn("last_seen_s", "bigint", (c) => c.notNull())
          .addColumn("ais_class", "text", (c) => c.notNull())
          .addColumn("imo", "integer")
          .addColumn("name", "text")
          .addColumn("callsign", "text")
          .addColumn("ship_type", "integer")
          .addColumn("to_bow_m", "double precision")
          .addColumn("to_stern_m", "double precision")
          .addColumn("to_port_m", "double precision")
          .addColumn("to_starboard_m", "double precision")
          .addColumn("length_m", "double precision")
          .addColumn("beam_m", "double precision")
          .addColumn("draught_m", "double precision")
          .addColumn("destination", "text")
          .addColumn("eta", "text")
          .addPrimaryKeyConstraint("vessel_static_reports_pk", ["mmsi", "content_hash"])
          .execute();
        await db.schema
          .createIndex("vessel_static_reports_imo")
          .on("vessel_static_reports")
          .columns(["imo"])
          .execute();

        await db.schema
          .createTable("ais_stations")
          .addColumn("mmsi", "bigint", (c) => c.notNull())
          .addColumn("content_hash", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("name", "text")
          .addColumn("lat_deg", "double precision", (c) => c.notNull())
          .addColumn("lon_deg", "double precision", (c) => c.notNull())
          .addColumn("first_seen_s", "bigint", (c) => c.notNull())
          .addColumn("last_seen_s", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("ais_stations_pk", ["mmsi", "content_hash"])
          .execute();

        // Every rejected input record, kept with its source, line and reason (once per line).
        await db.schema
          .createTable("ingest_rejects")
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("line", "integer", (c) => c.notNull())
          .addColumn("reason", "text", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("ingest_rejects_pk", ["source", "line"])
          .execute();

        // One row per ingest run, with counts that balance: read = accepted + rejected + duplicates.
        await db.schema
          .createTable("ingest_runs")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("started_at", "text", (c) => c.notNull())
          .addColumn("finished_at", "text")
          .addColumn("read", "bigint", (c) => c.notNull())
          .addColumn("accepted", "bigint", (c) => c.notNull())
          .addColumn("rejected", "bigint", (c) => c.notNull())
          .addColumn("duplicates", "bigint", (c) => c.notNull())
          .addColumn("detail_json", "text", (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of [
          "ingest_runs",
          "ingest_rejects",
          "ais_stations",
          "vessel_static_reports",
          "ais_latest_positions",
          "ais_track_blocks",
        ]) {
          await db.schema.dropTable(table).execute();
        }
      },
    },
    "0003_vessel_particulars": {
      async up(db: Kysely<unknown>) {
        // Particulars imported from a registry file, one row per IMO number; `defaulted_json` lists
        // the values that came from default tables, so the raw input can always be told apart.
        await db.schema
          .createTable("vessel_particulars")
          .addColumn("imo", "integer", (c) => c.primaryKey())
          .addColumn("record_json", "text", (c) => c.notNull())
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable("vessel_particulars").execute();
      },
    },
  };
}
