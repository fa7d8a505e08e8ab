/**
 * Migrations of the ports capability (tables in schema.ts beside this file). A released migration
 * is never edited — add a new one (migrator.ts says how to name it).
 */
import type { Kysely, Migration } from "kysely";
import type { DialectKind } from "../dialect.ts";

export function portsMigrations(_kind: DialectKind): Record<string, Migration> {
  return {
    "0001_ports": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("ports")
          .addColumn("locode", "text", (c) => c.primaryKey())
          .addColumn("display_order", "integer", (c) => c.notNull())
          .addColumn("name_en", "text", (c) => c.notNull())
          .addColumn("name_ja", "text", (c) => c.notNull())
          .addColumn("country", "text", (c) => c.notNull())
          .addColumn("time_zone", "text", (c) => c.notNull())
          .addColumn("currency", "text", (c) => c.notNull())
          .addColumn("sister_port", "text")
          .addColumn("center_lon", "double precision", (c) => c.notNull())
          .addColumn("center_lat", "double precision", (c) => c.notNull())
          .addColumn("zoom", "double precision", (c) => c.notNull())
          .addColumn("bbox_json", "text", (c) => c.notNull())
          .addColumn("attribution_json", "text", (c) => c.notNull())
          .addColumn("geography_json", "text", (c) => c.notNull())
          .addColumn("geography_sha256", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable("ports").execute();
      },
    },
  };
}
