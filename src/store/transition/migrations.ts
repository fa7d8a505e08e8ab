/**
 * Migrations of the transition capability (tables in schema.ts beside this file). A released
 * migration is never edited — add a new one (migrator.ts says how to name it).
 */
import type { Kysely, Migration } from "kysely";
import type { DialectKind } from "../dialect.ts";

export function transitionMigrations(_kind: DialectKind): Record<string, Migration> {
  return {
    "0400_transition_fleet": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("transition_equipment")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("unit_id", "text", (c) => c.notNull())
          .addColumn("category", "text", (c) => c.notNull())
          .addColumn("powertrain", "text", (c) => c.notNull())
          .addColumn("model_year", "integer")
          .addColumn("rated_power_kw", "double precision")
          .addColumn("engine_tier", "text")
          .addColumn("owner", "text")
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("programme", "text")
          .addColumn("replaces", "text")
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("transition_equipment_pk", ["port", "unit_id"])
          .execute();
        await db.schema
          .createTable("transition_telemetry")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("unit_id", "text", (c) => c.notNull())
          .addColumn("period_start_s", "bigint", (c) => c.notNull())
          .addColumn("period_end_s", "bigint", (c) => c.notNull())
          .addColumn("operating_h", "double precision", (c) => c.notNull())
          .addColumn("moves", "double precision")
          .addColumn("miles", "double precision")
          .addColumn("charged_kwh", "double precision")
          .addColumn("h2_kg", "double precision")
          .addColumn("diesel_l", "double precision")
          .addColumn("downtime_h", "double precision", (c) => c.notNull())
          .addColumn("downtime_reason", "text")
          .addPrimaryKeyConstraint("transition_telemetry_pk", ["port", "unit_id", "period_start_s"])
          .execute();
        await db.schema
          .createTable("transition_ingest_runs")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("file", "text", (c) => c.notNull())
          .addColumn("started_at", "text", (c) => c.notNull())
          .addColumn("finished_at", "text", (c) => c.notNull())
          .addColumn("read", "integer", (c) => c.notNull())
          .addColumn("accepted", "integer", (c) => c.notNull())
          .addColumn("updated", "integer", (c) => c.notNull())
          .addColumn("rejected", "integer", (c) => c.notNull())
          .addColumn("duplicates", "integer", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("transition_rejects")
          .addColumn("run_id", "text", (c) => c.notNull())
          .addColumn("file", "text", (c) => c.notNull())
          .addColumn("line", "integer", (c) => c.notNull())
          .addColumn("field", "text", (c) => c.notNull())
          .addColumn("reason", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("transition_rejects_run")
          .on("transition_rejects")
          .column("run_id")
          .execute();
      },
    },
    "0410_transition_scenarios": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("transition_scenarios")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("description", "text")
          .addColumn("base_year", "integer", (c) => c.notNull())
          .addColumn("horizon_year", "integer", (c) => c.notNull())
          .addColumn("input_json", "text", (c) => c.notNull())
          .addColumn("result_json", "text", (c) => c.notNull())
          .addColumn("gap_json", "text", (c) => c.notNull())
          .addColumn("ze_share_che_pct_2030", "double precision")
          .addColumn("wtw_co2e_t_horizon", "double precision")
          .addColumn("saved_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("transition_scenarios_pk", ["port", "name"])
          .execute();
      },
    },
  };
}
