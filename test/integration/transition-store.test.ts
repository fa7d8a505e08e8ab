/**
 * The transition fleet store (SQLite here; PostgreSQL in CI): equipment and telemetry ingest with
 * counts that balance, re-ingest adds nothing, a changed row updates, bad rows are stored as
 * rejects with file, line, field and reason, and a scorecard read back through the store equals
 * the hand-computed one of src/transition/scorecard.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.ts";
import {
  EQUIPMENT_CSV_COLUMNS,
  fleetScorecards,
  ingestEquipment,
  ingestTelemetry,
  loadScorecardTables,
  summarizeScorecards,
  TELEMETRY_CSV_COLUMNS,
} from "../../src/transition/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const EQUIPMENT = `${EQUIPMENT_CSV_COLUMNS.join(",")}
JPNGO,TH-D-07,top_handler,diesel,2012,250,T3,Demo Terminal,in_service,,
JPNGO,TH-H2-01,top_handler,fuel_cell,2025,90,,Demo Terminal,pilot,NEDO demo,TH-D-07
JPNGO,TH-H2-02,top_handler,fuel_cell,2025,90,,Demo Terminal,pilot,NEDO demo,TH-NOPE
JPNGO,FL-01,forklift,warp drive,2020,50,,,in_service,,
`;
// 2026-03-01 and 03-02 are Nagoya days (midnight JST); the diesel unit metered 220 L in 10 h.
const TELEMETRY = `${TELEMETRY_CSV_COLUMNS.join(",")}
JPNGO,TH-H2-01,2026-03-01,2026-03-02,10,100,,,20,,1,fuel cell fault
JPNGO,TH-H2-01,2026-03-02,2026-03-03,12,140,,,25,,2,waiting for fueller
JPNGO,TH-D-07,2026-02-01,2026-02-02,10,90,,,,220,0,
JPNGO,TH-H2-01,2026-03-03,2026-03-04,30,,,,,,,
JPNGO,NOBODY,2026-03-03,2026-03-04,3,,,,,,,
`;

const ctx = {
  timeZone: (p: string) => ({ JPNGO: "Asia/Tokyo", USLAX: "America/Los_Angeles" })[p],
  h2LhvKwhPerKg: 33.33,
};

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`transition store on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("imports equipment with counts that add up; re-import adds nothing; a changed row updates", async () => {
      const first = await ingestEquipment(store.transition, EQUIPMENT, "fleet.csv");
      expect(first.counts).toMatchObject({ read: 4, accepted: 2, rejected: 2, duplicates: 0, updated: 0 });
      expect(first.rejects.map((r) => [r.line, r.field])).toEqual([
        [4, "replaces"],
        [5, "powertrain"],
      ]);
      const again = await ingestEquipment(store.transition, EQUIPMENT, "fleet.csv");
      expect(again.counts).toMatchObject({ read: 4, accepted: 0, rejected: 2, duplicates: 2 });
      const changed = await ingestEquipment(
        store.transition,
        `${EQUIPMENT_CSV_COLUMNS.join(",")}\nJPNGO,TH-D-07,top_handler,diesel,2012,250,T3,Demo Terminal,retired,,\n`,
        "retire.csv",
      );
      expect(changed.counts).toMatchObject({ read: 1, accepted: 1, updated: 1, duplicates: 0 });
      const units = await store.transition.listEquipment({ port: "JPNGO" });
      expect(units.map((u) => [u.unitId, u.status])).toEqual([
        ["TH-D-07", "retired"],
        ["TH-H2-01", "pilot"],
      ]);
      const runs = await store.transition.ingestRuns(10);
      expect(runs).toHaveLength(3);
      const stored = await store.transition.rejects(first.runId);
      expect(stored).toEqual(first.rejects);
    });

    it("ingests telemetry: unknown unit and implausible hours rejected, re-ingest adds nothing", async () => {
      const first = await ingestTelemetry(store.transition, TELEMETRY, "tel.csv", ctx);
      expect(first.counts).toMatchObject({ read: 5, accepted: 3, rejected: 2, duplicates: 0 });
      expect(first.rejects.map((r) => [r.line, r.field])).toEqual([
        [5, "operating_h"],
        [6, "unit_id"],
      ]);
      const again = await ingestTelemetry(store.transition, TELEMETRY, "tel.csv", ctx);
      expect(again.counts).toMatchObject({ read: 5, accepted: 0, rejected: 2, duplicates: 3 });
      expect(await store.transition.telemetry({ port: "JPNGO" })).toHaveLength(3);
    });

    it("reads back a scorecard equal to the hand-computed one", async () => {
      const cards = await fleetScorecards(store.transition, loadScorecardTables(), {
        port: "JPNGO",
        timeZone: "Asia/Tokyo",
        currency: "JPY",
      });
      expect(cards.map((c) => c.unitId)).toEqual(["TH-H2-01"]);
      const c = cards[0]!;
      // See src/transition/scorecard.test.ts "hand-computed scorecard" for the arithmetic.
      expect(c.availability).toBeCloseTo(0.9375, 10);
      expect(c.energyKwhPerH).toBeCloseTo(68.175, 6);
      expect(c.avoidedTailpipeCo2Kg).toBeCloseTo(1305.348, 6);
      expect(c.fuelCostPerH?.value).toBeCloseTo(682.5766, 3);
      const s = summarizeScorecards("JPNGO", cards);
      expect(s.avoidedWtwKgCo2eByPathway["grey-smr"]).toBeCloseTo(1077.424, 6);
      // A window that holds only the second day.
      const day2 = await fleetScorecards(store.transition, loadScorecardTables(), {
        port: "JPNGO",
        timeZone: "Asia/Tokyo",
        currency: "JPY",
        unitId: "TH-H2-01",
        fromS: Date.parse("2026-03-02T00:00:00+09:00") / 1000,
        toS: Date.parse("2026-03-03T00:00:00+09:00") / 1000,
      });
      expect(day2[0]?.operatingH).toBe(12);
    });
  });
}
