/**
 * Migrations of the non-ship emission activity (CHE, harbour craft, drayage, rail, user factors):
 * facts keyed so that re-importing a file adds nothing, the rejects of each file, and one row per
 * import run. Wired into migrations.ts by spreading `emissionActivityMigrations(kind)`.
 */
import type { Kysely, Migration } from "kysely";

export function emissionActivityMigrations(_kind: "sqlite" | "postgres"): Record<string, Migration> {
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
  };
}
