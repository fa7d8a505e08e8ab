/**
 * A database made by an older release must open with today's store as it is: no migration runs
 * again and every read returns what the old store read. The fixtures were written by commit
 * b291d57 (before store/ was split into one folder per capability) through the `sisterports`
 * command, on SQLite and on PostgreSQL — test/fixtures/store/make-old-database.sh remakes them and
 * records the old reads.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_AT_B291D57, readEverything } from "../../test/fixtures/store/read-store.ts";
import { testDatabaseKinds } from "../../test/helpers/databases.ts";
import { openStore } from "./index.ts";

const FIXTURES = path.join(import.meta.dirname, "..", "..", "test", "fixtures", "store");
/** Migrations released after b291d57 (an old database runs these, and only these). */
const MIGRATIONS_SINCE = [
  "0300_operations",
  "0310_operations_signals",
  "0400_transition_fleet",
  "0410_transition_scenarios",
  "0420_operations_alerts",
  "0430_operations_packed_histograms",
  "0440_operations_daily",
  "0600_exchange",
  "0700_access",
  "0720_operations_alert_since",
  "0730_exchange_peer_keys",
  "0740_access_audit_paging",
  "0741_operations_visit_carrier",
  "0750_operations_vessel_teu",
  "0760_operations_fact_keys",
  "0790_operations_vessel_moves_by_vessel",
  "0791_calls_berth_arrival",
  "0792_operations_fact_time_keys",
  "0793_operations_vessel_moves_covering",
  "0794_operations_unpaired_exits",
];
const MIGRATIONS_RUN = "select name, timestamp from kysely_migration order by name";

/** Runs a dump's SQL on the database at `url`; `query` reads it outside the store. */
async function restore(kind: "sqlite" | "postgres", url: string, dump: string) {
  if (kind === "sqlite") {
    const sqlite = new SqliteDatabase(url.slice("sqlite:".length));
    sqlite.exec(dump);
    return { query: async (text: string) => sqlite.prepare(text).all(), close: async () => sqlite.close() };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(dump);
  await client.query("set search_path = public"); // the dump empties it
  return { query: async (text: string) => (await client.query(text)).rows, close: () => client.end() };
}

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`a ${kind.kind} database written by b291d57`, () => {
    it("opens with no migration run again and reads back what the old store read", async () => {
      const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
      const database = await kind.create();
      const old = await restore(
        kind.kind,
        database.url,
        zlib.gunzipSync(fixture(`old-database.${kind.kind}.sql.gz`)).toString("utf8"),
      );
      const store = openStore({ databaseUrl: database.url });
      try {
        const before = await old.query(MIGRATIONS_RUN);
        expect(before.map((r) => (r as { name: string }).name)).toEqual(MIGRATIONS_AT_B291D57);
        // Only the migrations added since run, once.
        expect(await store.migrationStatus()).toEqual({
          applied: MIGRATIONS_AT_B291D57,
          pending: MIGRATIONS_SINCE,
        });
        expect(await store.migrate()).toEqual(MIGRATIONS_SINCE);
        expect(await store.migrate()).toEqual([]);
        const oldReads = JSON.parse(fixture(`old-reads.${kind.kind}.json`).toString("utf8"));
        expect(JSON.parse(JSON.stringify(await readEverything(store)))).toEqual(oldReads);
        // Same rows and times: nothing re-ran.
        expect((await old.query(MIGRATIONS_RUN)).slice(0, before.length)).toEqual(before);
      } finally {
        await store.close();
        await old.close();
        await database.drop();
      }
    }, 60_000);
  });
}
