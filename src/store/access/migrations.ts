/**
 * Migrations of the access capability (tables in schema.ts beside this file). A released
 * migration is never edited — add a new one (migrator.ts says how to name it).
 */
import type { Kysely, Migration } from "kysely";
import type { DialectKind } from "../dialect.ts";

export function accessMigrations(_kind: DialectKind): Record<string, Migration> {
  return {
    "0700_access": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("access_users")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull().unique())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("ports", "text", (c) => c.notNull())
          .addColumn("owner", "text")
          .addColumn("password_hash", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("disabled_at", "text")
          .execute();
        await db.schema
          .createTable("access_sessions")
          .addColumn("token_hash", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .addColumn("last_seen_at", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("access_sessions_user").on("access_sessions").column("user_id").execute();
        await db.schema
          .createTable("access_api_keys")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("secret_hash", "text", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("ports", "text", (c) => c.notNull())
          .addColumn("owner", "text")
          .addColumn("created_by", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text")
          .addColumn("revoked_at", "text")
          .addColumn("last_used_at", "text")
          .execute();
        await db.schema
          .createTable("access_audit_log")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("actor_kind", "text", (c) => c.notNull())
          .addColumn("actor_id", "text")
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("target", "text", (c) => c.notNull())
          .addColumn("outcome", "text", (c) => c.notNull())
          .addColumn("ip", "text")
          .addColumn("detail_json", "text")
          .execute();
        await db.schema.createIndex("access_audit_log_at").on("access_audit_log").column("at").execute();
      },
    },
    // Paging the audit log newest first by (at, id), and by one actor: both read an index in order.
    "0740_access_audit_paging": {
      async up(db: Kysely<unknown>) {
        await db.schema.dropIndex("access_audit_log_at").execute();
        await db.schema
          .createIndex("access_audit_log_at_id")
          .on("access_audit_log")
          .columns(["at", "id"])
          .execute();
        await db.schema
          .createIndex("access_audit_log_actor_at_id")
          .on("access_audit_log")
          .columns(["actor_id", "at", "id"])
          .execute();
      },
    },
  };
}
