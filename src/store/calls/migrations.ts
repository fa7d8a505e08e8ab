/**
 * Migrations of the calls capability (tables in schema.ts beside this file). A released migration
 * is never edited — add a new one (migrator.ts says how to name it).
 */
import type { Kysely, Migration } from "kysely";
import type { DialectKind } from "../dialect.ts";

export function callsMigrations(_kind: DialectKind): Record<string, Migration> {
  return {
    "0100_calls": {
      async up(db: Kysely<unknown>) {
        // One row per port call; the full record (berths, anchorages, compliance, methodology) as JSON.
        await db.schema
          .createTable("port_calls")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("mmsi", "bigint", (c) => c.notNull())
          .addColumn("imo", "integer")
          .addColumn("vessel_name", "text")
          .addColumn("ship_type_group", "text", (c) => c.notNull())
          .addColumn("terminal", "text")
          .addColumn("berth", "text", (c) => c.notNull())
          .addColumn("start_s", "bigint", (c) => c.notNull())
          .addColumn("end_s", "bigint", (c) => c.notNull())
          .addColumn("berth_arrival_s", "bigint", (c) => c.notNull())
          .addColumn("berth_departure_s", "bigint", (c) => c.notNull())
          .addColumn("anchorage_wait_h", "double precision", (c) => c.notNull())
          .addColumn("time_at_berth_h", "double precision", (c) => c.notNull())
          .addColumn("methodology_version", "text", (c) => c.notNull())
          .addColumn("record_json", "text", (c) => c.notNull())
          .addColumn("computed_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("port_calls_port_start")
          .on("port_calls")
          .columns(["port", "start_s"])
          .execute();
        await db.schema
          .createIndex("port_calls_mmsi_start")
          .on("port_calls")
          .columns(["mmsi", "start_s"])
          .execute();

        // Operating-mode segments per vessel and port (inside the port's region).
        await db.schema
          .createTable("mode_segments")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("mmsi", "bigint", (c) => c.notNull())
          .addColumn("start_s", "bigint", (c) => c.notNull())
          .addColumn("end_s", "bigint", (c) => c.notNull())
          .addColumn("mode", "text", (c) => c.notNull())
          .addColumn("zone", "text")
          .addColumn("call_id", "text")
          .addColumn("duration_h", "double precision", (c) => c.notNull())
          .addColumn("distance_nm", "double precision", (c) => c.notNull())
          .addColumn("mean_speed_kn", "double precision", (c) => c.notNull())
          .addColumn("max_speed_kn", "double precision", (c) => c.notNull())
          .addColumn("reports", "integer", (c) => c.notNull())
          .addColumn("methodology_version", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("mode_segments_pk", ["port", "mmsi", "start_s", "mode"])
          .execute();
        await db.schema.createIndex("mode_segments_call").on("mode_segments").columns(["call_id"]).execute();

        // Which AIS vessel-day blocks the stored results were computed from (incremental updates).
        await db.schema
          .createTable("calls_vessel_days")
          .addColumn("mmsi", "bigint", (c) => c.notNull())
          .addColumn("day_utc", "integer", (c) => c.notNull())
          .addColumn("report_count", "integer", (c) => c.notNull())
          .addColumn("last_time_s", "bigint", (c) => c.notNull())
          .addColumn("methodology_version", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("calls_vessel_days_pk", ["mmsi", "day_utc"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of ["calls_vessel_days", "mode_segments", "port_calls"])
          await db.schema.dropTable(t).execute();
      },
    },
    // Calls by berth arrival (the KPI page's calls of a month): the visit-overlap read by
    // (port, start_s) walked every call of the port since the first, however old.
    "0791_calls_berth_arrival": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex("port_calls_port_berth_arrival")
          .on("port_calls")
          .columns(["port", "berth_arrival_s"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex("port_calls_port_berth_arrival").execute();
      },
    },
  };
}
