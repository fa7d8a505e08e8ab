/**
 * A database made by an older release must open with today's store as it is: no migration runs
 * again and every read returns what the old store read. The fixture was written by commit b291d57
 * (before store/ was split into one folder per capability) through the `sisterports` command —
 * test/fixtures/store/make-old-database.sh remakes it and records the old reads.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_AT_B291D57, readEverything } from "../../test/fixtures/store/read-store.ts";
import { openStore } from "./index.ts";

const FIXTURES = path.join(import.meta.dirname, "..", "..", "test", "fixtures", "store");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-old-db-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a SQLite database written by b291d57", () => {
  it("opens with no migration run again and reads back what the old store read", async () => {
    const file = path.join(dir, "old.sqlite");
    const dump = zlib
      .gunzipSync(fs.readFileSync(path.join(FIXTURES, "old-database.sql.gz")))
      .toString("utf8");
    const sqlite = new SqliteDatabase(file);
    sqlite.exec(dump);
    const ran = () => sqlite.prepare("select name, timestamp from kysely_migration order by name").all();
    const before = ran();
    expect(before.map((r) => (r as { name: string }).name)).toEqual(MIGRATIONS_AT_B291D57);

    const store = openStore({ databaseUrl: `sqlite:${file}` });
    try {
      expect(await store.migrationStatus()).toEqual({ applied: MIGRATIONS_AT_B291D57, pending: [] });
      expect(await store.migrate()).toEqual([]);
      const oldReads = JSON.parse(fs.readFileSync(path.join(FIXTURES, "old-reads.json"), "utf8"));
      expect(JSON.parse(JSON.stringify(await readEverything(store)))).toEqual(oldReads);
    } finally {
      await store.close();
    }
    expect(ran()).toEqual(before); // same rows, same timestamps: nothing re-ran
    sqlite.close();
  });
});
