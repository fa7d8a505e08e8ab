/**
 * Migrations of the emissions capability (tables in schema.ts beside this file): the non-ship
 * activity (0200), then the inventories (0210) and their summaries (0211). A released migration is
 * never edited — add a new one (migrator.ts says how to name it).
 */
import type { Kysely, Migration } from "kysely";
import type { DialectKind } from "../dialect.ts";
import { POLLUTANT_COLUMNS } from "./schema.ts";

export function emissionsMigrations(_kind: DialectKind): Record<string, Migration> {
  return {
    "0200_emission_activity": {
      async up(db: Kysely<unknown>) {
        // One row per activity fact: the parsed record as JSON, keyed by what it describes.
        await db.schema
          .createTable("emission_activity")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("record_key", "text", (c) => c.notNull())
          .addColumn("year", "integer")
          .addColumn("month", "integer")
          .addColumn("record_json", "text", (c) => c.notNull())
          .addColumn("source_file", "text", (c) => c.notNull())
          .addColumn("source_line", "integer", (c) => c.notNull())
          .addColumn("imported_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("emission_activity_pk", ["port", "kind", "record_key"])
          .execute();
        await db.schema
          .createIndex("emission_activity_port_year")
          .on("emission_activity")
          .columns(["port", "year", "month"])
          .execute();

        // Every rejected row of the last import of a file, with line, field and reason.
        await db.schema
          .createTable("emission_activity_rejects")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("source_file", "text", (c) => c.notNull())
          .addColumn("line", "integer", (c) => c.notNull())
          .addColumn("seq", "integer", (c) => c.notNull())
          .addColumn("field", "text", (c) => c.notNull())
          .addColumn("reason", "text", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("emission_activity_rejects_pk", [
            "port",
            "kind",
            "source_file",
            "line",
            "seq",
          ])
          .execute();

        // One row per import run; counts balance: read = accepted + rejected + duplicates.
        await db.schema
          .createTable("emission_activity_imports")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("source_file", "text", (c) => c.notNull())
          .addColumn("imported_at", "text", (c) => c.notNull())
          .addColumn("read", "integer", (c) => c.notNull())
          .addColumn("accepted", "integer", (c) => c.notNull())
          .addColumn("added", "integer", (c) => c.notNull())
          .addColumn("updated", "integer", (c) => c.notNull())
          .addColumn("rejected", "integer", (c) => c.notNull())
          .addColumn("duplicates", "integer", (c) => c.notNull())
          .addColumn("detail_json", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("emission_activity_imports_port")
          .on("emission_activity_imports")
          .columns(["port", "imported_at"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of ["emission_activity_imports", "emission_activity_rejects", "emission_activity"])
          await db.schema.dropTable(t).execute();
      },
    },

    "0210_emissions": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("emission_inventories")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("label", "text", (c) => c.notNull())
          .addColumn("computed_at", "text", (c) => c.notNull())
          .addColumn("method_version", "text", (c) => c.notNull())
          .addColumn("meta_json", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("emission_inventories_pk", ["port", "year"])
          .execute();
        let lines = db.schema
          .createTable("emission_lines")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("category", "text", (c) => c.notNull())
          .addColumn("scope", "text", (c) => c.notNull())
          .addColumn("source_id", "text", (c) => c.notNull())
          .addColumn("cal_year", "integer", (c) => c.notNull())
          .addColumn("month", "integer", (c) => c.notNull())
          .addColumn("terminal", "text")
          .addColumn("label", "text", (c) => c.notNull())
          .addColumn("activity", "double precision", (c) => c.notNull())
          .addColumn("activity_unit", "text", (c) => c.notNull());
        for (const col of POLLUTANT_COLUMNS)
          lines = lines.addColumn(col, "double precision", (c) => c.notNull());
        await lines
          .addPrimaryKeyConstraint("emission_lines_pk", [
            "port",
            "year",
            "category",
            "scope",
            "source_id",
            "cal_year",
            "month",
          ])
          .execute();
        await db.schema
          .createTable("emission_baselines")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("pollutant", "text", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("tonnes", "double precision", (c) => c.notNull())
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("entered_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("emission_baselines_pk", ["port", "pollutant", "year"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of ["emission_baselines", "emission_lines", "emission_inventories"])
          await db.schema.dropTable(t).execute();
      },
    },
    "0211_emission_summaries": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("emission_inventories").addColumn("summary_json", "text").execute();
        let totals = db.schema
          .createTable("emission_source_totals")
          .addColumn("port", "text", (c) => c.notNull())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("category", "text", (c) => c.notNull())
          .addColumn("source_id", "text", (c) => c.notNull())
          .addColumn("label", "text", (c) => c.notNull())
          .addColumn("terminal", "text")
          .addColumn("activity", "double precision", (c) => c.notNull())
          .addColumn("activity_unit", "text", (c) => c.notNull());
        for (const col of POLLUTANT_COLUMNS)
          totals = totals.addColumn(col, "double precision", (c) => c.notNull());
        await totals
          .addPrimaryKeyConstraint("emission_source_totals_pk", ["port", "year", "category", "source_id"])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable("emission_source_totals").execute();
        await db.schema.alterTable("emission_inventories").dropColumn("summary_json").execute();
      },
    },
  };
}
