/**
 * Opens the database named by the configuration: embedded SQLite (better-sqlite3) by default,
 * PostgreSQL when the URL is postgres://…. Everything above this file sees only Kysely and the
 * capability store interfaces, so one code path serves both.
 */
import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, type MigrationResultSet, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { AisStore } from "../ais/track-store.ts";
import type { CallStore } from "../calls/store.ts";
import { DomainError } from "../core/errors.ts";
import type { EmissionActivityStore } from "../emissions/nonship/index.ts";
import type { EmissionStore } from "../emissions/store.ts";
import type { PortStore } from "../ports/model.ts";
import { migrationsFor } from "./ais/migrations.ts";
import type { Database } from "./ais/schema.ts";
import { createAisStore } from "./ais/store.ts";
import { createCallStore } from "./calls/store.ts";
import { createEmissionActivityStore } from "./emissions/activity-store.ts";
import { createEmissionStore } from "./emissions/store.ts";
import { createPortStore } from "./ports/store.ts";

export interface Store {
  kind: "sqlite" | "postgres";
  db: Kysely<Database>;
  ports: PortStore;
  ais: AisStore;
  calls: CallStore;
  emissions: EmissionStore;
  emissionActivity: EmissionActivityStore;
  /** Applies pending migrations; returns the names applied now (empty when up to date). */
  migrate(): Promise<string[]>;
  /** Names of applied and pending migrations. */
  migrationStatus(): Promise<{ applied: string[]; pending: string[] }>;
  /**
   * A token that changes whenever any stored data changes, by this process or another: lets the
   * server keep answers until then. SQLite: `data_version` (commits by other connections) and this
   * connection's `total_changes()`. Undefined on PostgreSQL (no such cheap token): nothing is kept.
   */
  dataVersion(): string | undefined;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl: string;
}

// PostgreSQL returns bigint (int8) as text by default; our counts and epoch seconds fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

function openDialect(databaseUrl: string): {
  kind: Store["kind"];
  dialect: SqliteDialect | PostgresDialect;
  dataVersion: () => string | undefined;
} {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    return { kind: "postgres", dialect: new PostgresDialect({ pool }), dataVersion: () => undefined };
  }
  if (!databaseUrl.startsWith("sqlite:")) {
    throw new DomainError("validation", `unsupported database URL "${databaseUrl}"`);
  }
  const file = databaseUrl.slice("sqlite:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets the portal read while an ingest writes; NORMAL sync is durable across app crashes.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // One connection (Kysely's driver holds it for a whole transaction), read synchronously: ~µs.
  const version = sqlite
    .prepare("select (select data_version from pragma_data_version) || ':' || total_changes()")
    .pluck();
  return {
    kind: "sqlite",
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    dataVersion: () => String(version.get()),
  };
}

/**
 * better-sqlite3 with its prepared statements kept by SQL text (least recently used dropped past
 * `capacity`). Kysely prepares every query anew; the per-vessel reads and the chunked inserts repeat
 * the same few texts thousands of times, and preparing them was ~5 % of call detection (issue 5's
 * profile). A statement still iterating (a stream) is busy: a second use gets its own.
 */
export function withStatementCache(
  sqlite: SqliteDatabase.Database,
  capacity = 500,
): { prepare(sql: string): SqliteDatabase.Statement; close(): void } {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql); // re-inserted below: the Map's order is the recency order
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

export function openStore(options: OpenStoreOptions): Store {
  const { kind, dialect, dataVersion } = openDialect(options.databaseUrl);
  const db = new Kysely<Database>({ dialect });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrationsFor(kind) },
  });

  const describe = (results: MigrationResultSet) => {
    if (results.error) {
      const failed = results.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
      const reason = results.error instanceof Error ? results.error.message : String(results.error);
      throw new DomainError("internal", `migration ${failed} failed: ${reason}`);
    }
    return (results.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  };

  return {
    kind,
    db,
    ports: createPortStore(db),
    ais: createAisStore(db, kind),
    calls: createCallStore(db as unknown as Kysely<unknown>),
    emissions: createEmissionStore(db as unknown as Kysely<unknown>),
    emissionActivity: createEmissionActivityStore(db as unknown as Kysely<unknown>),
    migrate: async () => describe(await migrator.migrateToLatest()),
    async migrationStatus() {
      const all = await migrator.getMigrations();
      return {
        applied: all.filter((m) => m.executedAt).map((m) => m.name),
        pending: all.filter((m) => !m.executedAt).map((m) => m.name),
      };
    },
    dataVersion,
    close: () => db.destroy(),
  };
}
