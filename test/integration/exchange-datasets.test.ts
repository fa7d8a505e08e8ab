/**
 * The exchange's dataset rows read from a store (SQLite and, when configured, PostgreSQL): on a
 * small hand-built store the rows are the hand-computed figures; on the demo world of both ports
 * every catalog dataset yields rows, and the k-cell rule withholds the cells it should.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateCalls } from "../../src/calls/index.ts";
import {
  callServiceDeps,
  loadDemoEmissions,
  loadDemoIfEmpty,
  loadDemoOperations,
} from "../../src/cli/demo-load.ts";
import { loadDemoFleet } from "../../src/demo/transition.ts";
import { type InventoryLine, zeroPollutants } from "../../src/emissions/index.ts";
import { aggregateRows, CATALOG, catalogDataset } from "../../src/exchange/index.ts";
import type { HourlyRollup } from "../../src/operations/index.ts";
import { HOURLY_SUMS } from "../../src/operations/index.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { emissionsServiceDeps, exchangeDatasetRows } from "../../src/store/services.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const YEAR_2026_LA = { from: "2026-01-01T08:00:00Z", to: "2027-01-01T08:00:00Z" };

function line(l: Partial<InventoryLine>): InventoryLine {
  return {
    port: "USLAX",
    category: "che",
    scope: "tailpipe",
    year: 2026,
    month: 3,
    terminal: "uslax-terminal-yti",
    sourceId: "che:YT-1",
    label: "yard tractor",
    activity: 1,
    activityUnit: "h",
    grams: zeroPollutants(),
    ...l,
  };
}

function hourly(h: Partial<HourlyRollup>): HourlyRollup {
  const sums = Object.fromEntries(HOURLY_SUMS.map((k) => [k, 0])) as Record<
    (typeof HOURLY_SUMS)[number],
    number
  >;
  return { port: "USLAX", terminal: "uslax-terminal-yti", day: 20513, hour: 10, ...sums, ...h };
}

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`exchange dataset rows (${kind.kind})`, () => {
    describe("a hand-built store", () => {
      let database: TestDatabase;
      let store: Store;
      beforeAll(async () => {
        database = await kind.create();
        store = openStore({ databaseUrl: database.url });
        await store.migrate();
        await store.emissions.replaceInventory(
          {
            port: "USLAX",
            year: 2026,
            label: "2026",
            computedAt: "2026-12-01T00:00:00Z",
            methodVersion: "x",
            meta: {},
          },
          [
            // Three terminals' CHE in March 2026: 1, 2 and 4 t CO2e; NOx 10, 20, 40 kg.
            line({ grams: { ...zeroPollutants(), co2e: 1e6, nox: 10_000 } }),
            line({
              terminal: "uslax-terminal-apm-pier400",
              sourceId: "che:APM-1",
              grams: { ...zeroPollutants(), co2e: 2e6, nox: 20_000 },
            }),
            line({
              terminal: "uslax-terminal-trapac",
              sourceId: "che:TRAPAC-1",
              grams: { ...zeroPollutants(), co2e: 4e6, nox: 40_000 },
            }),
            // Two terminals' drayage in March: fewer than 3 companies.
            line({ category: "drayage", sourceId: "drayage:a", grams: { ...zeroPollutants(), co2e: 5e6 } }),
            line({
              category: "drayage",
              terminal: "uslax-terminal-trapac",
              sourceId: "drayage:b",
              grams: { ...zeroPollutants(), co2e: 5e6 },
            }),
            // Grid electricity of a battery unit: not tailpipe, not in the dataset.
            line({ scope: "grid", sourceId: "che:YT-2", grams: { ...zeroPollutants(), co2e: 9e6 } }),
          ],
        );
        // Day 20513 = 2026-03-01 local; YTI: 100 timed visits of 3,600 s each, 300 + 200 vessel moves.
        await store.operations.write((w) =>
          w.addRollups({
            hourly: [
              hourly({ truckVisits: 100, turnCount: 100, turnSumS: 360_000, vesselDischarges: 300 }),
              hourly({ hour: 11, vesselLoads: 200 }),
              hourly({ terminal: "uslax-terminal-trapac", truckVisits: 40, turnCount: 40, turnSumS: 72_000 }),
            ],
            histograms: [],
            monthHistograms: [],
            vesselMoves: [],
          }),
        );
        const unit = {
          port: "USLAX",
          category: "yard_tractor" as const,
          powertrain: "fuel_cell" as const,
          modelYear: 2024,
          ratedPowerKw: null,
          engineTier: null,
          status: "pilot" as const,
          programme: "UNO",
          replaces: null,
        };
        await store.transition.writeEquipment(
          [
            { ...unit, unitId: "YT-1", owner: "A" },
            { ...unit, unitId: "YT-2", owner: "B" },
            { ...unit, unitId: "YT-3", owner: "C" },
          ],
          [],
        );
        // 2026-03-02T08:00Z is March in Los Angeles: 6 h and 2 kg H2 per unit-day.
        const start = Date.parse("2026-03-02T08:00:00Z") / 1000;
        await store.transition.writeTelemetry(
          ["YT-1", "YT-2", "YT-3"].map((unitId, i) => ({
            port: "USLAX",
            unitId,
            periodStartS: start,
            periodEndS: start + 86_400,
            operatingH: 6 + i,
            moves: null,
            miles: null,
            chargedKwh: null,
            h2Kg: 2 + i,
            dieselL: null,
            downtimeH: 0,
            downtimeReason: null,
          })),
          [],
        );
      });
      afterAll(async () => {
        await store?.close();
        await database?.drop();
      });

      it("emissions-inventory: tonnes per source and month, and the k-rule on them", async () => {
        const rows = await exchangeDatasetRows(store, "USLAX", "emissions-inventory", YEAR_2026_LA);
        expect(rows).toHaveLength(5);
        const entry = catalogDataset("emissions-inventory")!;
        const { cells, suppressedCells } = aggregateRows(rows, ["category", "month"], entry.fields, 3);
        // CHE March: 3 terminals, 1 + 2 + 4 = 7 t CO2e, NOx 0.07 t; drayage (2 terminals) withheld.
        expect(suppressedCells).toBe(1);
        expect(cells).toHaveLength(1);
        expect(cells[0]!.dims).toEqual({ category: "che", month: "2026-03" });
        expect(cells[0]!.contributors).toBe(3);
        expect(cells[0]!.values.co2eTonnes).toBeCloseTo(7, 9);
        expect(cells[0]!.values.noxTonnes).toBeCloseTo(0.07, 9);
        // A range that ends before March holds none of it.
        expect(
          await exchangeDatasetRows(store, "USLAX", "emissions-inventory", {
            from: "2026-01-01T08:00:00Z",
            to: "2026-03-01T08:00:00Z",
          }),
        ).toEqual([]);
      });

      it("operations-kpis: a terminal's month from the day rollups", async () => {
        const rows = await exchangeDatasetRows(store, "USLAX", "operations-kpis", YEAR_2026_LA);
        // YTI: 360,000 s / 100 = 60 min; moves 300 + 200. TraPac: 72,000 s / 40 = 30 min.
        expect(rows.sort((a, b) => a.contributor.localeCompare(b.contributor))).toEqual([
          {
            contributor: "terminal uslax-terminal-trapac",
            dims: { terminal: "uslax-terminal-trapac", month: "2026-03", year: "2026" },
            values: { truckVisits: 40, truckTurnMin: 30, moves: 0 },
          },
          {
            contributor: "terminal uslax-terminal-yti",
            dims: { terminal: "uslax-terminal-yti", month: "2026-03", year: "2026" },
            values: { truckVisits: 100, truckTurnMin: 60, moves: 500 },
          },
        ]);
      });

      it("ze-fleet and hydrogen-supply from the registry and telemetry", async () => {
        const fleet = await exchangeDatasetRows(store, "USLAX", "ze-fleet", YEAR_2026_LA);
        const cells = aggregateRows(
          fleet,
          ["category", "powertrain", "month"],
          catalogDataset("ze-fleet")!.fields,
          3,
        );
        // 3 units of 3 owners: 6 + 7 + 8 = 21 h.
        expect(cells.cells).toEqual([
          {
            dims: { category: "yard_tractor", powertrain: "fuel_cell", month: "2026-03" },
            values: { units: 3, operatingH: 21 },
            contributors: 3,
          },
        ]);
        const h2 = await exchangeDatasetRows(store, "USLAX", "hydrogen-supply", YEAR_2026_LA);
        // 2 + 3 + 4 = 9 kg.
        expect(h2.reduce((s, r) => s + (r.values.h2DispensedKg ?? 0), 0)).toBe(9);
        const cards = await exchangeDatasetRows(store, "USLAX", "pilot-scorecards", YEAR_2026_LA);
        expect(cards.map((r) => [r.contributor, r.dims.month, r.values.availability])).toEqual([
          ["A", "2026-03", 1],
          ["B", "2026-03", 1],
          ["C", "2026-03", 1],
        ]);
        // h2KgPerH = 2 kg / 6 h, 3 / 7, 4 / 8.
        expect(cards.map((r) => r.values.h2KgPerH)).toEqual([2 / 6, 3 / 7, 4 / 8]);
      });

      it("a range with fractions of a second (a publish up to now) reads the same rows as whole seconds", async () => {
        // PostgreSQL stores instants as bigint and refused "…18.998" as a bound (demo exchange on PG).
        const fractional = { from: "2026-01-01T08:00:00.250Z", to: "2027-01-01T07:59:59.998Z" };
        const whole = { from: "2026-01-01T08:00:01Z", to: "2027-01-01T08:00:00Z" };
        for (const d of CATALOG)
          expect(await exchangeDatasetRows(store, "USLAX", d.id, fractional), d.id).toEqual(
            await exchangeDatasetRows(store, "USLAX", d.id, whole),
          );
      });

      it("refuses an unknown dataset or port", async () => {
        await expect(exchangeDatasetRows(store, "USLAX", "nope", YEAR_2026_LA)).rejects.toThrow(/no dataset/);
        await expect(exchangeDatasetRows(store, "XXXXX", "port-calls", YEAR_2026_LA)).rejects.toThrow(
          /unknown port/,
        );
      });
    });

    describe("the demo world of both ports", () => {
      let database: TestDatabase;
      let store: Store;
      const END = new Date("2026-11-27T04:30:00Z");
      beforeAll(async () => {
        database = await kind.create();
        store = openStore({ databaseUrl: database.url });
        await store.migrate();
        await store.ports.upsertPorts(loadPortRecords());
        await loadDemoIfEmpty(store.ais, { seed: 3, days: 1, scale: 0.5, end: END });
        await updateCalls(await callServiceDeps(store));
        await loadDemoOperations(store, { seed: 3, ports: ["USLAX", "JPNGO"], end: END, scale: 0.05 });
        await loadDemoEmissions(emissionsServiceDeps(store), {
          seed: 3,
          ports: ["USLAX", "JPNGO"],
          years: { USLAX: 2026, JPNGO: 2026 },
        });
        await loadDemoFleet(store, { seed: 3, ports: ["USLAX", "JPNGO"], end: END, days: 28 });
      }, 180_000);
      afterAll(async () => {
        await store?.close();
        await database?.drop();
      });

      it("every dataset yields rows at both ports; cells under k are withheld", async () => {
        const range = { from: "2026-01-01T00:00:00Z", to: "2027-04-01T00:00:00Z" };
        for (const port of ["USLAX", "JPNGO"])
          for (const d of CATALOG) {
            const rows = await exchangeDatasetRows(store, port, d.id, range);
            expect(rows.length, `${port} ${d.id}`).toBeGreaterThan(0);
            for (const r of rows) {
              expect(r.dims.month).toMatch(/^\d{4}-\d{2}$/);
              for (const name of Object.keys(r.values)) expect(d.fields.map((f) => f.name)).toContain(name);
            }
            for (const level of d.aggregations) {
              const { cells, suppressedCells } = aggregateRows(rows, level.dimensions, d.fields, 3);
              // Every kept cell has ≥ 3 contributors; every withheld one fewer (recounted here).
              const groups = new Map<string, Set<string>>();
              for (const r of rows) {
                const key = level.dimensions.map((x) => r.dims[x]).join("|");
                groups.set(key, (groups.get(key) ?? new Set()).add(r.contributor));
              }
              const small = [...groups.values()].filter((s) => s.size < 3).length;
              expect(suppressedCells).toBe(small);
              expect(cells.length).toBe(groups.size - small);
            }
          }
        // A terminal is one company: terminal-month KPI cells never reach k = 3, the port's month does.
        const kpis = await exchangeDatasetRows(store, "USLAX", "operations-kpis", range);
        expect(aggregateRows(kpis, ["terminal", "month"], [], 3).cells).toEqual([]);
        expect(aggregateRows(kpis, ["month"], [], 3).cells.length).toBeGreaterThan(0);
      });
    });
  });
}
