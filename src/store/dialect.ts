/**
 * Opens the database a URL names: embedded SQLite (better-sqlite3) by default, PostgreSQL when the
 * URL is postgres://…. Everything above store.ts sees only Kysely and the capability store
 * interfaces, so one code path serves both.
 */
import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { CompiledQuery, type DatabaseConnection, type Driver, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { DomainError } from "../core/errors.ts";

/** The two databases; migrations and a few queries differ by it (blob / bytea, row locks). */
export type DialectKind = "sqlite" | "postgres";

// PostgreSQL returns bigint (int8) as text by default; our counts and epoch seconds fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

export function openDialect(databaseUrl: string): {
  kind: DialectKind;
  dialect: SqliteDialect | PostgresDialect;
  dataVersion: () => string | undefined;
  /**
   * Rows just written that are bookkeeping, not data (the audit log, a key's last use): they do
   * not move `dataVersion`, so the answers kept for readers survive them.
   */
  bookkeeping: (changedRows: number) => void;
  /** SQLite: the connection's prepared statements, for writes run directly (operations ingest). */
  statements?: ReturnType<typeof withStatementCache>;
} {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    return {
      kind: "postgres",
      dialect: new PostgresDialect({ pool }),
      dataVersion: () => undefined,
      bookkeeping: () => undefined,
    };
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
  // Another process (a CLI ingest beside `serve`) may hold the write lock for a long batch: wait.
  sqlite.pragma("busy_timeout = 15000");
  // One connection (Kysely's driver holds it for a whole transaction), read synchronously: ~µs.
  const version = sqlite
    .prepare("select (select data_version from pragma_data_version), total_changes()")
    .raw();
  // Rows of bookkeeping this connection wrote, counted out of total_changes(): each count is the
  // writing statement's own (sqlite3_changes), the very rows total_changes() added for it.
  let bookkept = 0;
  const statements = withStatementCache(sqlite);
  return {
    kind: "sqlite",
    dialect: new ImmediateSqliteDialect({ database: statements }),
    dataVersion: () => {
      const [dataVersion, changes] = version.get() as [number, number];
      return `${dataVersion}:${changes - bookkept}`;
    },
    bookkeeping: (changedRows) => {
      bookkept += changedRows;
    },
    statements,
  };
}

/**
 * Kysely's SQLite dialect with transactions begun IMMEDIATE. Kysely begins them deferred: one that
 * reads and then writes fails at once (SQLITE_BUSY, no waiting) when another process wrote in
 * between. IMMEDIATE takes the write lock at BEGIN, where busy_timeout waits for it — so every
 * transaction, a read-only one too, waits behind another process's write (up to 15 s).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    };
    return driver;
  }
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
