/**
 * The dataset mappers on hand-made inputs; every expected number is worked out in the comments.
 */
import { describe, expect, it } from "vitest";
import type { PortCallRecord } from "../calls/index.ts";
import type { InventoryLine, PollutantGrams } from "../emissions/index.ts";
import type { HourlyRollup } from "../operations/index.ts";
import type { Equipment, Scorecard, Telemetry } from "../transition/index.ts";
import {
  emissionsInventoryRows,
  hydrogenSupplyRows,
  localMonth,
  operationsKpiRows,
  pilotScorecardRows,
  portCallRows,
  rangeMonths,
  zeFleetRows,
} from "./datasets.ts";
import { aggregateRows } from "./package.ts";

const LA = "America/Los_Angeles";
const grams = (g: Partial<PollutantGrams>): PollutantGrams => ({
  nox: 0,
  pm10: 0,
  pm25: 0,
  dpm: 0,
  so2: 0,
  co: 0,
  hc: 0,
  co2: 0,
  ch4: 0,
  n2o: 0,
  co2e: 0,
  ...g,
});
const line = (l: Partial<InventoryLine>): InventoryLine => ({
  port: "USLAX",
  category: "che",
  scope: "tailpipe",
  year: 2026,
  month: 3,
  terminal: "YTI",
  sourceId: "che:YTI-YT-001",
  label: "yard tractor",
  activity: 1,
  activityUnit: "h",
  grams: grams({}),
  ...l,
});

describe("months in the port's zone", () => {
  it("puts an instant in its local month", () => {
    // 2026-01-01T05:00Z is 2025-12-31 21:00 PST (UTC−8) and 2026-01-01 14:00 JST (UTC+9).
    expect(localMonth(Date.parse("2026-01-01T05:00:00Z") / 1000, LA)).toBe("2025-12");
    expect(localMonth(Date.parse("2026-01-01T05:00:00Z") / 1000, "Asia/Tokyo")).toBe("2026-01");
    // [2026-01-01T08:00Z, 2026-04-01T07:00Z) is Jan–Mar 2026 in Los Angeles (PST then PDT).
    expect(rangeMonths({ from: "2026-01-01T08:00:00Z", to: "2026-04-01T07:00:00Z" }, LA)).toEqual({
      first: "2026-01",
      last: "2026-03",
    });
  });
});

describe("emissions-inventory rows", () => {
  it("maps tailpipe lines to tonnes with the vessel or terminal behind each", () => {
    const rows = emissionsInventoryRows(
      [
        // 2,500,000 g CO2e = 2.5 t; 1,000 g SO2 = 0.001 t; 40,000 g NOx = 0.04 t.
        line({ grams: grams({ co2e: 2_500_000, so2: 1000, nox: 40_000, pm25: 500, dpm: 400 }) }),
        // Grid scope: reported apart, not a tailpipe row.
        line({ scope: "grid", grams: grams({ co2e: 9e9 }) }),
        // An OGV line: the call's IMO from the stored calls.
        line({
          category: "ogv",
          terminal: null,
          sourceId: "USLAX-367000001-202603020304",
          grams: grams({ co2e: 1e6 }),
        }),
        // An OGV line whose call is not stored: the MMSI from the call id.
        line({ category: "ogv", terminal: null, sourceId: "USLAX-367000002-202603050000" }),
        line({ category: "harbor_craft", terminal: null, sourceId: "harbor_craft:MMSI 366990001" }),
        line({ category: "rail", terminal: null, sourceId: "rail:switch:Tier 4:PHL switchers T4" }),
        // Outside the months asked for.
        line({ month: 5 }),
        // The same source-month again (a second inventory year holding it): counted once.
        line({ grams: grams({ co2e: 7 }) }),
      ],
      new Map([["USLAX-367000001-202603020304", 9_300_000]]),
      { first: "2026-01", last: "2026-04" },
    );
    expect(rows.map((r) => r.contributor)).toEqual([
      "terminal YTI",
      "IMO 9300000",
      "MMSI 367000002",
      "MMSI 366990001",
      "rail PHL switchers T4",
    ]);
    const che = rows[0]!;
    expect(che.dims).toEqual({ category: "che", month: "2026-03", year: "2026" });
    expect(che.values.co2eTonnes).toBeCloseTo(2.5, 12);
    expect(che.values.soxTonnes).toBeCloseTo(0.001, 12);
    expect(che.values.noxTonnes).toBeCloseTo(0.04, 12);
    expect(che.values.pm25Tonnes).toBeCloseTo(0.0005, 12);
    expect(che.values.dpmTonnes).toBeCloseTo(0.0004, 12);
    expect(rows[1]!.values.co2eTonnes).toBeCloseTo(1, 12);
  });
});

const call = (c: Partial<PortCallRecord>): PortCallRecord =>
  ({
    port: "USLAX",
    neighbourOf: null,
    mmsi: 367000001,
    imo: 9300000,
    shipTypeGroup: "container",
    berthArrivalAt: "2026-02-01T03:00:00Z",
    anchorageWaitH: 0,
    timeAtBerthH: 30,
    ...c,
  }) as PortCallRecord;

describe("port-calls rows", () => {
  it("one row per own call arriving in the range, in its local month", () => {
    const range = { from: "2026-01-01T08:00:00Z", to: "2026-03-01T08:00:00Z" };
    const rows = portCallRows(
      [
        // 2026-02-01T03:00Z is 2026-01-31 19:00 in Los Angeles: January.
        call({ anchorageWaitH: 5.5 }),
        call({ imo: null, mmsi: 367000002, berthArrivalAt: "2026-02-10T00:00:00Z", timeAtBerthH: 20 }),
        // A Long Beach call seen from Los Angeles: not ours.
        call({ neighbourOf: "USLAX", port: "USLGB" }),
        // Before the range.
        call({ berthArrivalAt: "2025-12-31T00:00:00Z" }),
      ],
      range,
      LA,
    );
    expect(rows).toEqual([
      {
        contributor: "IMO 9300000",
        dims: { vesselType: "container", month: "2026-01", year: "2026" },
        values: { calls: 1, anchoredCalls: 1, anchorageWaitH: 5.5, berthH: 30 },
      },
      {
        contributor: "MMSI 367000002",
        dims: { vesselType: "container", month: "2026-02", year: "2026" },
        values: { calls: 1, anchoredCalls: 0, anchorageWaitH: 0, berthH: 20 },
      },
    ]);
  });
});

const rollup = (r: Partial<HourlyRollup>): HourlyRollup =>
  ({
    port: "USLAX",
    terminal: "YTI",
    day: 20513, // 2026-03-01 (20513 × 86,400 s = 1,772,323,200 s = 2026-03-01T00:00Z)
    hour: 0,
    truckVisits: 0,
    turnCount: 0,
    turnSumS: 0,
    dwellTruckCount: 0,
    dwellTruckSumS: 0,
    dwellRailCount: 0,
    dwellRailSumS: 0,
    vesselDischarges: 0,
    vesselLoads: 0,
    vesselTeuQuarters: 0,
    ...r,
  }) as HourlyRollup;

describe("operations-kpis rows", () => {
  it("sums a terminal's days into its month and divides for the means", () => {
    const rows = operationsKpiRows([
      rollup({
        truckVisits: 100,
        turnCount: 100,
        turnSumS: 360_000,
        dwellTruckCount: 15,
        dwellTruckSumS: 6_480_000,
        vesselDischarges: 300,
        // 100 × 20 ft (4 quarter-TEU each) + 180 × 40 ft (8) + 20 × 45 ft (9) = 400 + 1,440 + 180.
        vesselTeuQuarters: 2020,
      }),
      rollup({
        day: 20514,
        truckVisits: 50,
        turnCount: 50,
        turnSumS: 180_000,
        dwellRailCount: 5,
        dwellRailSumS: 2_160_000,
        vesselLoads: 200,
        // 200 × 40 ft.
        vesselTeuQuarters: 1600,
      }),
      // 2026-04-01 = day 20544 (20513 + 31): another month, nothing timed.
      rollup({ day: 20544, truckVisits: 3 }),
    ]);
    // March: 150 visits; turn 540,000 s / 150 = 3,600 s = 60 min; dwell (6,480,000 + 2,160,000) s / 20
    // = 432,000 s = 5 d; moves 300 + 200 = 500; TEU (2,020 + 1,600) / 4 = 905 (April: no box, no TEU).
    expect(rows).toEqual([
      {
        contributor: "terminal YTI",
        dims: { terminal: "YTI", month: "2026-03", year: "2026" },
        values: { truckVisits: 150, truckTurnMin: 60, importDwellDays: 5, moves: 500, teu: 905 },
      },
      {
        contributor: "terminal YTI",
        dims: { terminal: "YTI", month: "2026-04", year: "2026" },
        values: { truckVisits: 3, moves: 0 },
      },
    ]);
  });
});

const unit = (e: Partial<Equipment>): Equipment => ({
  port: "USLAX",
  unitId: "YT-1",
  category: "yard_tractor",
  powertrain: "fuel_cell",
  modelYear: 2024,
  ratedPowerKw: null,
  engineTier: null,
  owner: "Toyota",
  status: "pilot",
  programme: "UNO",
  replaces: null,
  ...e,
});
const tel = (unitId: string, startIso: string, operatingH: number, h2Kg: number | null): Telemetry => ({
  port: "USLAX",
  unitId,
  periodStartS: Date.parse(startIso) / 1000,
  periodEndS: Date.parse(startIso) / 1000 + 86_400,
  operatingH,
  moves: null,
  miles: null,
  chargedKwh: null,
  h2Kg,
  dieselL: null,
  downtimeH: 0,
  downtimeReason: null,
});

describe("ze-fleet and hydrogen-supply rows", () => {
  const equipment = [
    unit({}),
    unit({ unitId: "YT-2" }),
    unit({ unitId: "YT-9", status: "planned" }),
    unit({ unitId: "RTG-1", category: "rtg", powertrain: "diesel", owner: "Yusen", status: "in_service" }),
  ];
  const telemetry = [
    // 2026-03-02T08:00Z and 2026-03-03T08:00Z: March in Los Angeles.
    tel("YT-1", "2026-03-02T08:00:00Z", 6, 3.5),
    tel("YT-1", "2026-03-03T08:00:00Z", 7.5, 0),
    tel("YT-2", "2026-03-02T08:00:00Z", 5, 4),
    tel("RTG-1", "2026-03-02T08:00:00Z", 10, null),
    // A planned unit's record does not count; nor one outside the range.
    tel("YT-9", "2026-03-02T08:00:00Z", 1, 1),
    tel("YT-1", "2026-05-02T08:00:00Z", 9, 9),
  ];
  const range = { from: "2026-03-01T08:00:00Z", to: "2026-04-01T07:00:00Z" };

  it("ze-fleet: a unit counts in the months it reported, with its hours", () => {
    const rows = zeFleetRows(equipment, telemetry, range, LA);
    // YT-1: 6 + 7.5 = 13.5 h.
    expect(rows).toEqual([
      {
        contributor: "Toyota",
        dims: { category: "yard_tractor", powertrain: "fuel_cell", month: "2026-03", year: "2026" },
        values: { units: 1, operatingH: 13.5 },
      },
      {
        contributor: "Toyota",
        dims: { category: "yard_tractor", powertrain: "fuel_cell", month: "2026-03", year: "2026" },
        values: { units: 1, operatingH: 5 },
      },
      {
        contributor: "Yusen",
        dims: { category: "rtg", powertrain: "diesel", month: "2026-03", year: "2026" },
        values: { units: 1, operatingH: 10 },
      },
    ]);
    // Aggregated by category-month with k = 2: the yard tractors are one company (suppressed), the
    // RTG one more: nothing leaves; with k = 1, 2 units and 18.5 h of fuel-cell yard tractors.
    expect(
      aggregateRows(rows, ["category", "month"], [{ name: "units", aggregate: "sum" }], 2).cells,
    ).toEqual([]);
    const k1 = aggregateRows(
      rows,
      ["category", "month"],
      [
        { name: "units", aggregate: "sum" },
        { name: "operatingH", aggregate: "sum" },
      ],
      1,
    );
    expect(k1.cells.find((c) => c.dims.category === "yard_tractor")?.values).toEqual({
      units: 2,
      operatingH: 18.5,
    });
  });

  it("hydrogen-supply: kg dispensed per owner and month", () => {
    // Hydrogen dispensed is supply whatever the unit's status: a planned unit fuelled on trial counts.
    const rows = hydrogenSupplyRows(equipment, telemetry, range, LA);
    expect(rows).toEqual([
      {
        contributor: "Toyota",
        dims: { pathway: "unrecorded", month: "2026-03", year: "2026" },
        // 3.5 (YT-1) + 4 (YT-2) + 1 (YT-9, planned but fuelled: hydrogen was supplied) = 8.5 kg.
        values: { h2DispensedKg: 8.5 },
      },
    ]);
  });
});

describe("pilot-scorecards rows", () => {
  it("one row per unit-month scorecard that has records", () => {
    const card = (c: Partial<Scorecard>): Scorecard =>
      ({
        unitId: "YT-1",
        category: "yard_tractor",
        programme: "UNO",
        records: 2,
        operatingH: 100,
        chargedKwh: 250,
        availability: 0.95,
        h2KgPerH: 0.42,
        avoidedTailpipeCo2Kg: 800,
        ...c,
      }) as Scorecard;
    const rows = pilotScorecardRows(
      [{ month: "2026-03", scorecards: [card({}), card({ unitId: "YT-2", records: 0 })] }],
      new Map([["YT-1", "Toyota"]]),
    );
    // kwhPerH = 250 kWh / 100 h = 2.5.
    expect(rows).toEqual([
      {
        contributor: "Toyota",
        dims: { category: "yard_tractor", programme: "UNO", month: "2026-03", year: "2026" },
        values: { availability: 0.95, kwhPerH: 2.5, h2KgPerH: 0.42, co2AvoidedKg: 800 },
      },
    ]);
  });
});
