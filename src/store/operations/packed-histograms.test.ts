/**
 * Migration 0430 packs the row-per-bin histograms of 0300 into one row per terminal × metric ×
 * day or month: histograms stored before it read back the same after it, and further ingests add to
 * them. Run on SQLite and PostgreSQL.
 */
import { Kysely, Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabaseKinds } from "../../../test/helpers/databases.ts";
import { openDialect } from "../dialect.ts";
import { openStore, type Store } from "../index.ts";
import { migrationsFor } from "../migrator.ts";

const PORT = "USLAX";
const YTI = "uslax-terminal-yti";
const TRAPAC = "uslax-terminal-trapac";
// Local days (days since 1970-01-01) and months (yyyy·12 + m − 1) as rollup.ts numbers them.
const JAN_5 = Date.UTC(2026, 0, 5) / 86_400_000; // 20458
const JAN_6 = JAN_5 + 1;
const JAN = 2026 * 12;

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`packed histograms (migration 0430) on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await kind.create();
      // The database as 0310 left it, with histograms in the row-per-bin tables.
      const kysely = new Kysely<unknown>({ dialect: openDialect(db.url).dialect });
      const migrator = new Migrator({
        db: kysely,
        provider: { getMigrations: async () => migrationsFor(kind.kind) },
      });
      const to0310 = await migrator.migrateTo("0310_operations_signals");
      expect(to0310.error).toBeUndefined();
      const rows = (table: string, period: string, values: [string, number, string, number, number][]) =>
        sql`insert into ${sql.table(table)} (port, terminal, ${sql.ref(period)}, metric, bin, count) values ${sql.join(
          values.map(([t, p, m, b, c]) => sql`(${PORT}, ${t}, ${p}, ${m}, ${b}, ${c})`),
        )}`.execute(kysely);
      await rows("ops_histograms", "day", [
        [YTI, JAN_5, "turn", 50, 3],
        [YTI, JAN_5, "turn", 51, 1],
        [YTI, JAN_6, "turn", 50, 2],
        [TRAPAC, JAN_5, "turn", 40, 7],
        [YTI, JAN_5, "dwellTruck", 100, 4],
      ]);
      await rows("ops_histograms_monthly", "month", [
        [YTI, JAN, "turn", 50, 5],
        [YTI, JAN, "turn", 51, 1],
        [TRAPAC, JAN, "turn", 40, 7],
      ]);
      await kysely.destroy();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("reads back the bins stored before the migration, per day range and per whole month", async () => {
      const days = await store.operations.histograms({ port: PORT, fromDay: JAN_5, toDay: JAN_6 }, ["turn"]);
      // Jan 5–6 is a partial month: read from the day rows. YTI bin 50: 3 + 2; bin 51: 1; TraPac 40: 7.
      expect(days).toEqual([
        { terminal: TRAPAC, metric: "turn", bin: 40, count: 7 },
        { terminal: YTI, metric: "turn", bin: 50, count: 5 },
        { terminal: YTI, metric: "turn", bin: 51, count: 1 },
      ]);
      const month = await store.operations.histograms(
        { port: PORT, fromDay: JAN_5 - 4, toDay: JAN_5 + 26, terminal: YTI },
        ["turn", "dwellTruck"],
      );
      // The whole of January: the month rows (no dwellTruck month row was stored).
      expect(month).toEqual([
        { terminal: YTI, metric: "turn", bin: 50, count: 5 },
        { terminal: YTI, metric: "turn", bin: 51, count: 1 },
      ]);
    });

    it("adds a later batch's bins to the carried-over rows", async () => {
      await store.operations.write((w) =>
        w.addRollups({
          hourly: [],
          vesselMoves: [],
          histograms: [
            { port: PORT, terminal: YTI, day: JAN_5, metric: "turn", bin: 50, count: 10 },
            { port: PORT, terminal: YTI, day: JAN_5, metric: "turn", bin: 52, count: 1 },
          ],
          monthHistograms: [{ port: PORT, terminal: YTI, month: JAN, metric: "turn", bin: 50, count: 10 }],
        }),
      );
      const day = await store.operations.histograms(
        { port: PORT, fromDay: JAN_5, toDay: JAN_5, terminal: YTI },
        ["turn"],
      );
      expect(day).toEqual([
        { terminal: YTI, metric: "turn", bin: 50, count: 13 },
        { terminal: YTI, metric: "turn", bin: 51, count: 1 },
        { terminal: YTI, metric: "turn", bin: 52, count: 1 },
      ]);
      const month = await store.operations.histograms(
        { port: PORT, fromDay: JAN_5 - 4, toDay: JAN_5 + 26, terminal: YTI },
        ["turn"],
      );
      expect(month.find((h) => h.bin === 50)?.count).toBe(15);
    });
  });
}
