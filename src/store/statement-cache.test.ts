import SqliteDatabase from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./dialect.ts";

describe("SQLite statement cache", () => {
  it("prepares a text once, gives a busy statement's second user its own, and drops the least recent", () => {
    const sqlite = new SqliteDatabase(":memory:");
    sqlite.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
    const db = withStatementCache(sqlite, 2);
    const select = "SELECT x FROM t ORDER BY x";
    const first = db.prepare(select);
    expect(db.prepare(select)).toBe(first);

    // While the cached statement streams, the same text must still run (a nested read).
    const seen: number[] = [];
    for (const row of first.iterate() as Iterable<{ x: number }>) {
      const inner = db.prepare(select);
      expect(inner).not.toBe(first);
      seen.push(row.x, (inner.all() as { x: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
    expect(db.prepare(select)).toBe(first); // idle again: the cached one is back

    db.prepare("SELECT 1");
    db.prepare("SELECT 2"); // capacity 2: the SELECT x … text is now the least recent, dropped
    expect(db.prepare(select)).not.toBe(first);
    db.close();
  });
});
