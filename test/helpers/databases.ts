/**
 * The databases a store test runs against: SQLite always; PostgreSQL when SP_TEST_DATABASE_URL
 * names a server (CI starts a throw-away cluster). Each test file gets its own fresh database so
 * files can run in parallel and nothing leaks between them.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseKind {
  kind: "sqlite" | "postgres";
  /** Set when this kind cannot run here: its tests are skipped, and the summary says so. */
  skip?: string;
  create(): Promise<TestDatabase>;
}

const sqlite: TestDatabaseKind = {
  kind: "sqlite",
  async create() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-test-"));
    return {
      url: `sqlite:${path.join(dir, "test.sqlite")}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function postgres(adminUrl: string): TestDatabaseKind {
  return {
    kind: "postgres",
    async create() {
      const name = `sp_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async drop() {
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await client.end();
        },
      };
    },
  };
}

/**
 * SQLite, then PostgreSQL. Without SP_TEST_DATABASE_URL (which `npm test` sets when PostgreSQL is
 * installed) the PostgreSQL tests are still declared, as skipped, so no run passes them silently.
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const pgUrl = process.env.SP_TEST_DATABASE_URL;
  if (pgUrl) return [sqlite, postgres(pgUrl)];
  const unavailable: TestDatabaseKind = {
    kind: "postgres",
    skip: "no PostgreSQL: SP_TEST_DATABASE_URL is not set",
    create: () => Promise.reject(new Error("PostgreSQL tier not available")),
  };
  return [sqlite, unavailable];
}
