/**
 * Migration 0440 keeps day sums beside the hour sums (ops_daily): hours stored before it are summed
 * into days, later ingests add to both, and a by-day read equals the hours summed by hand. SQLite
 * and PostgreSQL.
 */
import { Kysely, Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testDatabaseKinds } from "../../../test/helpers/databases.ts";
import { emptyHourly } from "../../operations/rollup.ts";
import { openDialect } from "../dialect.ts";
import { openStore, type Store } from "../index.ts";
import { migrationsFor } from "../migrator.ts";

const PORT = "USLAX";
const YTI = "uslax-terminal-yti";
const DAY = Date.UTC(2026, 0, 5) / 86_400_000; // local day number of 2026-01-05

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`day sums (migration 0440) on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await kind.create();
      const kysely = new Kysely<unknown>({ dialect: openDialect(db.url).dialect });
      const migrator = new Migrator({
        db: kysely,
        provider: { getMigrations: async () => migrationsFor(kind.kind) },
      });
      expect((await migrator.migrateTo("0430_operations_packed_histograms")).error).toBeUndefined();
      // Three hours stored before 0440: 08:00 and 09:00 of the 5th, 08:00 of the 6th.
      for (const [day, hour, visits, turnS] of [
        [DAY, 8, 3, 3600],
        [DAY, 9, 2, 1800],
        [DAY + 1, 8, 4, 7200],
      ])
        await sql`insert into ops_hourly (port, terminal, day, hour, truck_visits, turn_count, turn_sum_s)
          values (${PORT}, ${YTI}, ${day}, ${hour}, ${visits}, ${visits}, ${turnS})`.execute(kysely);
      await kysely.destroy();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("sums the hours stored before it into days", async () => {
      const days = await store.operations.hourlyRollups({ port: PORT, fromDay: DAY, toDay: DAY + 1 }, "day");
      // The 5th: 3 + 2 visits, 3,600 + 1,800 s; the 6th: 4 visits, 7,200 s.
      expect(days.map((d) => [d.day, d.hour, d.truckVisits, d.turnCount, d.turnSumS])).toEqual([
        [DAY, 0, 5, 5, 5400],
        [DAY + 1, 0, 4, 4, 7200],
      ]);
    });

    it("adds a later batch to the hour and the day", async () => {
      const delta = { ...emptyHourly(PORT, YTI, DAY, 10), truckVisits: 1, turnCount: 1, turnSumS: 600 };
      const other = { ...emptyHourly(PORT, YTI, DAY, 8), truckVisits: 1, turnCount: 1, turnSumS: 1200 };
      await store.operations.write((w) =>
        w.addRollups({ hourly: [delta, other], histograms: [], monthHistograms: [], vesselMoves: [] }),
      );
      const [day5] = await store.operations.hourlyRollups({ port: PORT, fromDay: DAY, toDay: DAY }, "day");
      // 5 + 2 visits; 5,400 + 600 + 1,200 s.
      expect([day5!.truckVisits, day5!.turnSumS]).toEqual([7, 7200]);
      const hours = await store.operations.hourlyRollups({ port: PORT, fromDay: DAY, toDay: DAY });
      expect(hours.map((h) => [h.hour, h.truckVisits, h.turnSumS])).toEqual([
        [8, 4, 4800],
        [9, 2, 1800],
        [10, 1, 600],
      ]);
    });
  });
}
