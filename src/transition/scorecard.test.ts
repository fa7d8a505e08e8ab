import { describe, expect, it } from "vitest";
import {
  cheSpec,
  computeNonshipLines,
  emptyActivity,
  parseActivityText,
  portGridFactor,
} from "../emissions/nonship/index.ts";
import { computeScorecard, tablePrices } from "./scorecard.ts";
import { loadScorecardTables } from "./tables-io.ts";
import type { Equipment, Telemetry } from "./wire.ts";

const tables = loadScorecardTables();

function unit(over: Partial<Equipment>): Equipment {
  return {
    port: "JPNGO",
    unitId: "TH-H2-01",
    category: "top_handler",
    powertrain: "fuel_cell",
    modelYear: 2025,
    ratedPowerKw: 90,
    engineTier: null,
    owner: null,
    status: "pilot",
    programme: "demo",
    replaces: null,
    ...over,
  };
}

function tel(over: Partial<Telemetry>): Telemetry {
  return {
    port: "JPNGO",
    unitId: "TH-H2-01",
    periodStartS: Date.UTC(2026, 2, 1) / 1000,
    periodEndS: Date.UTC(2026, 2, 2) / 1000,
    operatingH: 0,
    moves: null,
    miles: null,
    chargedKwh: null,
    h2Kg: null,
    dieselL: null,
    downtimeH: 0,
    downtimeReason: null,
    ...over,
  };
}

describe("computeScorecard", () => {
  it("hand-computed scorecard: Nagoya hydrogen top handler vs a metered diesel top handler", () => {
    // Two daily records (24 h each): 10 h + 12 h operating, 1 h + 2 h downtime, 100 + 140 moves,
    // 20 + 25 kg H2. The diesel unit it replaces was metered at 220 L in 10 h = 22 L/h.
    //   period 48 h; availability = (48 − 3) / 48 = 0.9375
    //   energy = 45 kg × 33.33 kWh/kg (H2 LHV, 120 MJ/kg) = 1,499.85 kWh
    //   per operating hour 1,499.85 / 22 = 68.175 kWh/h; per move 1,499.85 / 240 = 6.249375 kWh
    //   kg H2 per hour 45 / 22 = 2.04545
    //   counterfactual diesel 22 L/h × 22 h = 484 L
    //   tailpipe CO2 484 × 2.697 kg/L (EPA 10.21 kg/gal ÷ 3.785) = 1,305.348 kg, all avoided
    //   WTW diesel 484 × 3.286 kg CO2e/L = 1,590.424 kg
    //   SMR 11.4 kg CO2e/kg: unit 45 × 11.4 = 513 → avoided 1,077.424 kg
    //   Chubu grid electrolysis (26.1–28.8, middle 27.45): 1,235.25 → avoided 355.174 kg
    //   solar electrolysis (2–3, middle 2.5): 112.5 → avoided 1,477.924 kg
    //   fuel cost: Japan's 30 JPY/Nm³ target ÷ 0.0899 kg/Nm³ = 333.7041 JPY/kg;
    //   45 kg × 333.7041 = 15,016.685 JPY over 22 h = 682.5766 JPY/h
    const day = 86_400;
    const t0 = Date.UTC(2026, 2, 1) / 1000;
    const sc = computeScorecard(
      {
        unit: unit({ replaces: "TH-D-07" }),
        telemetry: [
          tel({ operatingH: 10, downtimeH: 1, downtimeReason: "fuel cell fault", moves: 100, h2Kg: 20 }),
          tel({
            periodStartS: t0 + day,
            periodEndS: t0 + 2 * day,
            operatingH: 12,
            downtimeH: 2,
            downtimeReason: "waiting for fueller",
            moves: 140,
            h2Kg: 25,
          }),
        ],
        replaced: unit({ unitId: "TH-D-07", powertrain: "diesel", modelYear: 2012, ratedPowerKw: 250 }),
        replacedTelemetry: [tel({ unitId: "TH-D-07", operatingH: 10, dieselL: 220 })],
        timeZone: "Asia/Tokyo",
        currency: "JPY",
        fromS: null,
        toS: null,
      },
      tables,
    );
    expect(sc.periodH).toBe(48);
    expect(sc.availability).toBeCloseTo(0.9375, 10);
    expect(sc.energyKwh).toBeCloseTo(1499.85, 6);
    expect(sc.energyKwhPerH).toBeCloseTo(68.175, 6);
    expect(sc.energyKwhPerMove).toBeCloseTo(6.249375, 6);
    expect(sc.h2KgPerH).toBeCloseTo(2.045454, 5);
    expect(sc.downtimeByReason).toEqual({ "fuel cell fault": 1, "waiting for fueller": 2 });
    expect(sc.dieselCounterfactual?.method).toBe("measured_diesel_unit");
    expect(sc.dieselCounterfactual?.dieselL).toBeCloseTo(484, 9);
    expect(sc.avoidedTailpipeCo2Kg).toBeCloseTo(1305.348, 6);
    const byPath = Object.fromEntries(sc.pathways.map((p) => [p.pathway, p.avoidedWtwKgCo2e]));
    expect(byPath["grey-smr"]).toBeCloseTo(1077.424, 6);
    expect(byPath["grid-electrolysis"]).toBeCloseTo(355.174, 6);
    expect(byPath["solar-electrolysis"]).toBeCloseTo(1477.924, 6);
    expect(sc.fuelCostPerH?.currency).toBe("JPY");
    expect(sc.fuelCostPerH?.value).toBeCloseTo(682.5766, 3);
    expect(sc.warnings).toEqual([]);
  });

  it("diesel counterfactual from the inventory's NONROAD engine (hand-computed)", () => {
    // Los Angeles fuel-cell yard tractor, 10 h and 12 kg H2 in March 2026, replacing a 200 hp
    // (149.14 kW) diesel yard tractor of model year 2018, no metered diesel. EPA NONROAD2008a
    // (MOVES5 data): terminal tractor SCC 2270003070, 175–300 hp from MY2014 → tech T4N; LF 0.59;
    // 1,257 h/yr; median life 4,667 h; T4N THC 0.13 g/bhp-hr, DF 1 + 0.027 × min(age, 1);
    // BSFC 0.371 lb/bhp-hr.
    //   age = 8 yr × 1,257 h × 0.59 / 4,667 = 1.2713 → capped 1 → THC 0.13 × 1.027 = 0.13351
    //   CO2 = (0.371 × 453.6 − 0.13351) × 0.87 × 44/12 = 536.40517 g/bhp-hr
    //   tailpipe = 200 hp × 10 h × 0.59 × 536.40517 = 632,958.1 g = 632.9581 kg
    //   upstream = × (3.286 − 2.697) / 2.697 = 0.2183908 → WTW 771.19033 kg
    //   unit: 12 kg × 16.6 (California grid electrolysis) = 199.2 → avoided 571.99033 kg
    //         12 kg × 2.5 (solar) = 30 → 741.19033; 12 × 11.4 (SMR) = 136.8 → 634.39033
    const sc = computeScorecard(
      {
        unit: unit({ port: "USLAX", unitId: "UTR-H2", category: "yard_tractor", replaces: "YT-D-1" }),
        telemetry: [tel({ port: "USLAX", unitId: "UTR-H2", operatingH: 10, h2Kg: 12 })],
        replaced: unit({
          port: "USLAX",
          unitId: "YT-D-1",
          category: "yard_tractor",
          powertrain: "diesel",
          modelYear: 2018,
          ratedPowerKw: 149.14,
        }),
        replacedTelemetry: [],
        timeZone: "America/Los_Angeles",
        currency: "USD",
        fromS: null,
        toS: null,
      },
      tables,
    );
    const cf = sc.dieselCounterfactual!;
    expect(cf.method).toBe("nonroad_engine");
    expect(cf.tailpipeCo2Kg).toBeCloseTo(632.9581, 3);
    expect(cf.wtwCo2eKg).toBeCloseTo(771.19033, 3);
    const byPath = Object.fromEntries(sc.pathways.map((p) => [p.pathway, p.avoidedWtwKgCo2e]));
    expect(byPath["grid-electrolysis"]).toBeCloseTo(571.99033, 3);
    expect(byPath["solar-electrolysis"]).toBeCloseTo(741.19033, 3);
    expect(byPath["grey-smr"]).toBeCloseTo(634.39033, 3);
    // No USD fuel price ships with us: cost is not invented.
    expect(sc.fuelCostPerH).toBeNull();
    expect(sc.fuelCostMissing).toEqual(["h2"]);
  });

  it("agrees with the inventory to the gram: the same diesel unit imported as CHE activity", () => {
    // What the inventory computes for the replaced unit's 10 h of March 2026, imported the way a
    // terminal operator reports CHE activity (emissions import che), equals the counterfactual.
    const csv = `unit_id,equipment_type,powertrain,rated_kw,model_year,year,month,hours
YT-D-1,yard tractor,diesel,149.14,2018,2026,3,10
`;
    const parsed = parseActivityText(cheSpec(), csv, "che.csv");
    expect(parsed.rejects).toEqual([]);
    const inventory = computeNonshipLines(
      tables.nonship,
      { ...emptyActivity(), che: parsed.records.map((r) => r.record) },
      {
        port: "USLAX",
        gwp: "AR5",
        wellToWheel: true,
        gridFactor: portGridFactor("USLAX", tables.nonship),
      },
    );
    const grams = (scope: string) =>
      inventory.lines
        .filter((l) => l.scope === scope)
        .reduce((a, l) => a + (scope === "tailpipe" ? l.grams.co2 : l.grams.co2e), 0);
    const sc = computeScorecard(
      {
        unit: unit({ port: "USLAX", unitId: "UTR-H2", category: "yard_tractor", replaces: "YT-D-1" }),
        telemetry: [
          tel({
            port: "USLAX",
            unitId: "UTR-H2",
            periodStartS: Date.UTC(2026, 2, 10, 8) / 1000,
            periodEndS: Date.UTC(2026, 2, 11, 7) / 1000,
            operatingH: 10,
            h2Kg: 12,
          }),
        ],
        replaced: unit({
          port: "USLAX",
          unitId: "YT-D-1",
          category: "yard_tractor",
          powertrain: "diesel",
          modelYear: 2018,
          ratedPowerKw: 149.14,
        }),
        replacedTelemetry: [],
        timeZone: "America/Los_Angeles",
        currency: "USD",
        fromS: null,
        toS: null,
      },
      tables,
    );
    expect(Math.abs(sc.dieselCounterfactual!.tailpipeCo2Kg * 1000 - grams("tailpipe"))).toBeLessThan(1e-6);
    expect(
      Math.abs(sc.dieselCounterfactual!.wtwCo2eKg * 1000 - grams("tailpipe") - grams("upstream")),
    ).toBeLessThan(1e-6);
  });

  it("drayage truck: kg H2 per 100 mi and the 6 mpg table counterfactual", () => {
    // 300 mi on 40 kg H2 → 13.333 kg/100 mi. No replaced unit: 300 mi ÷ 6 mi/gal = 50 gal
    // = 189.2706 L (× 3.785411784) → × 2.697 = 510.4627 kg CO2 avoided at the tailpipe.
    const sc = computeScorecard(
      {
        unit: unit({ port: "USLAX", unitId: "T680-1", category: "drayage_truck", ratedPowerKw: 310 }),
        telemetry: [tel({ port: "USLAX", unitId: "T680-1", operatingH: 9, miles: 300, h2Kg: 40 })],
        replaced: null,
        replacedTelemetry: [],
        timeZone: "America/Los_Angeles",
        currency: "USD",
        fromS: null,
        toS: null,
      },
      tables,
    );
    expect(sc.h2KgPer100Mi).toBeCloseTo(13.3333, 3);
    expect(sc.dieselCounterfactual?.method).toBe("energy_use_table");
    expect(sc.dieselCounterfactual?.dieselL).toBeCloseTo(189.2706, 3);
    expect(sc.avoidedTailpipeCo2Kg).toBeCloseTo(510.4627, 3);
  });

  it("battery unit: grid electricity at the port's factor, diesel from the table's gal/h (hand-computed)", () => {
    // Los Angeles battery yard tractor, March 2026: 10 h, 200 kWh charged; no replaced unit.
    //   grid: USLAX 2026 → CARB LCFS California average 2020, 82.92 g/MJ × 3.6 = 0.2985 kg/kWh
    //         → 200 × 0.2985 = 59.7 kg CO2e (the same for every hydrogen pathway: no hydrogen)
    //   diesel: 1.75 gal/h (NOTES §4) × 10 h = 17.5 gal × 3.785411784 = 66.244706 L
    //         → tailpipe × 2.697 = 178.66197 kg; WTW × 3.286 = 217.68010 kg → avoided 157.98010 kg
    //   energy 200 kWh → 20 kWh/h
    const sc = computeScorecard(
      {
        unit: unit({ port: "USLAX", unitId: "YT-BE-1", category: "yard_tractor", powertrain: "battery" }),
        telemetry: [tel({ port: "USLAX", unitId: "YT-BE-1", operatingH: 10, chargedKwh: 200 })],
        replaced: null,
        replacedTelemetry: [],
        timeZone: "America/Los_Angeles",
        currency: "USD",
        fromS: null,
        toS: null,
      },
      tables,
    );
    expect(sc.energyKwhPerH).toBeCloseTo(20, 9);
    expect(sc.dieselCounterfactual?.method).toBe("energy_use_table");
    expect(sc.dieselCounterfactual?.dieselL).toBeCloseTo(66.244706, 5);
    expect(sc.avoidedTailpipeCo2Kg).toBeCloseTo(178.66197, 4);
    for (const p of sc.pathways) {
      expect(p.unitWtwKgCo2e).toBeCloseTo(59.7, 9);
      expect(p.avoidedWtwKgCo2e).toBeCloseTo(157.9801, 4);
    }
    expect(sc.fuelCostMissing).toEqual(["electricity"]);
  });

  it("prices only what the tables price: the Japanese hydrogen target in JPY", () => {
    const p = tablePrices(tables);
    expect(p).toHaveLength(1);
    expect(p[0]?.currency).toBe("JPY");
    expect(p[0]?.value).toBeCloseTo(333.7041, 3);
  });
});
