/**
 * Migrations of the exchange capability (tables in schema.ts beside this file). A released migration
 * is never edited — add a new one (migrator.ts says how to name it).
 */
import type { Kysely, Migration } from "kysely";
import type { DialectKind } from "../dialect.ts";

export function exchangeMigrations(_kind: DialectKind): Record<string, Migration> {
  return {
    "0600_exchange": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("exchange_node")
          .addColumn("port", "text", (c) => c.primaryKey())
          .addColumn("name_en", "text", (c) => c.notNull())
          .addColumn("name_ja", "text", (c) => c.notNull())
          .addColumn("endpoint", "text", (c) => c.notNull())
          .addColumn("document", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("exchange_keys")
          .addColumn("kid", "text", (c) => c.primaryKey())
          .addColumn("public_key", "text", (c) => c.notNull())
          .addColumn("private_key_pem", "text", (c) => c.notNull())
          .addColumn("from_at", "text", (c) => c.notNull())
          .addColumn("until_at", "text")
          .addColumn("endorsed_by", "text")
          .addColumn("endorsement", "text")
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("exchange_peers")
          .addColumn("port", "text", (c) => c.primaryKey())
          .addColumn("fingerprint", "text", (c) => c.notNull())
          .addColumn("document", "text", (c) => c.notNull())
          .addColumn("added_at", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("exchange_negotiations")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("provider", "text", (c) => c.notNull())
          .addColumn("consumer", "text", (c) => c.notNull())
          .addColumn("state", "text", (c) => c.notNull())
          .addColumn("state_json", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("exchange_negotiation_messages")
          .addColumn("negotiation_id", "text", (c) => c.notNull())
          .addColumn("seq", "integer", (c) => c.notNull())
          .addColumn("hash", "text", (c) => c.notNull())
          .addColumn("message", "text", (c) => c.notNull())
          .addColumn("stored_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("exchange_negotiation_messages_pk", ["negotiation_id", "seq"])
          .execute();
        await db.schema
          .createTable("exchange_packages")
          .addColumn("agreement_id", "text", (c) => c.notNull())
          .addColumn("direction", "text", (c) => c.notNull())
          .addColumn("seq", "integer", (c) => c.notNull())
          .addColumn("hash", "text", (c) => c.notNull())
          .addColumn("dataset", "text", (c) => c.notNull())
          .addColumn("issued_at", "text", (c) => c.notNull())
          .addColumn("package", "text", (c) => c.notNull())
          .addColumn("stored_at", "text", (c) => c.notNull())
          .addColumn("purged_at", "text")
          .addPrimaryKeyConstraint("exchange_packages_pk", ["agreement_id", "direction", "seq"])
          .execute();
        await db.schema
          .createTable("exchange_receipts")
          .addColumn("hash", "text", (c) => c.primaryKey())
          .addColumn("agreement_id", "text", (c) => c.notNull())
          .addColumn("direction", "text", (c) => c.notNull())
          .addColumn("package_seq", "integer", (c) => c.notNull())
          .addColumn("receipt", "text", (c) => c.notNull())
          .addColumn("stored_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("exchange_receipts_agreement")
          .on("exchange_receipts")
          .columns(["agreement_id", "package_seq"])
          .execute();
        await db.schema
          .createTable("exchange_audit")
          .addColumn("seq", "integer", (c) => c.primaryKey())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("peer", "text")
          .addColumn("agreement_id", "text")
          .addColumn("outcome", "text", (c) => c.notNull())
          .addColumn("reason", "text")
          .addColumn("detail", "text")
          .addColumn("prev_hash", "text", (c) => c.unique())
          .addColumn("hash", "text", (c) => c.notNull().unique())
          .execute();
        await db.schema
          .createIndex("exchange_audit_agreement")
          .on("exchange_audit")
          .columns(["agreement_id", "seq"])
          .execute();
      },
    },
    // The API key this node presents to each peer's HTTP routes (a sister_port key the peer made).
    "0730_exchange_peer_keys": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("exchange_peers").addColumn("api_key", "text").execute();
      },
    },
  };
}
