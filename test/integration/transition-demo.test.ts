/**
 * The demo fleet loaded into a SQLite store for both ports (what `npm start` will call): every
 * row accepted, a second load adds nothing, and every pilot gets a scorecard with a diesel
 * counterfactual — by each of the three methods somewhere in the demo.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoFleet } from "../../src/demo/transition.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { fleetScorecards, loadScorecardTables } from "../../src/transition/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const END = new Date("2026-03-29T12:00:00Z");

describe("demo fleet", () => {
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await testDatabaseKinds()[0]!.create();
    store = openStore({ databaseUrl: db.url });
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("loads both ports once; every pilot has a scorecard with avoided emissions", async () => {
    const first = await loadDemoFleet(store, { seed: 1, ports: ["USLAX", "JPNGO"], end: END, days: 28 });
    expect(
      first.map((l) => [l.port, l.equipment.accepted, l.telemetry.accepted, l.telemetry.rejected]),
    ).toEqual([
      ["USLAX", 11, 308, 0],
      ["JPNGO", 8, 224, 0],
    ]);
    const again = await loadDemoFleet(store, { seed: 1, ports: ["USLAX", "JPNGO"], end: END, days: 28 });
    expect(again.every((l) => l.equipment.accepted === 0 && l.telemetry.accepted === 0)).toBe(true);
    const tables = loadScorecardTables();
    const methods = new Set<string>();
    for (const [port, timeZone, currency, pilots] of [
      ["USLAX", "America/Los_Angeles", "USD", 7],
      ["JPNGO", "Asia/Tokyo", "JPY", 5],
    ] as const) {
      const cards = await fleetScorecards(store.transition, tables, { port, timeZone, currency });
      expect(cards).toHaveLength(pilots);
      for (const c of cards) {
        expect(c.warnings).toEqual([]);
        expect(c.avoidedTailpipeCo2Kg).toBeGreaterThan(0);
        expect(c.availability).toBeGreaterThan(0.8);
        methods.add(c.dieselCounterfactual!.method);
      }
    }
    expect([...methods].sort()).toEqual(["energy_use_table", "measured_diesel_unit", "nonroad_engine"]);
  });
});
