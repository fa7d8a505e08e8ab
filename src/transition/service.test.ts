import { describe, expect, it } from "vitest";
import { scoredUnit, summarizeScorecards } from "./service.ts";
import type { Equipment, Scorecard } from "./wire.ts";

function card(over: Partial<Scorecard>): Scorecard {
  return {
    port: "JPNGO",
    unitId: "X",
    category: "top_handler",
    powertrain: "fuel_cell",
    programme: null,
    replaces: null,
    fromS: null,
    toS: null,
    records: 1,
    periodH: 0,
    operatingH: 0,
    downtimeH: 0,
    downtimeByReason: {},
    availability: null,
    moves: null,
    miles: null,
    chargedKwh: 0,
    h2Kg: 0,
    dieselL: 0,
    energyKwh: 0,
    energyKwhPerH: null,
    energyKwhPerMove: null,
    energyKwhPerMile: null,
    h2KgPer100Mi: null,
    h2KgPerH: null,
    fuelCostPerH: null,
    fuelCostMissing: [],
    dieselCounterfactual: null,
    unitTailpipeCo2Kg: 0,
    avoidedTailpipeCo2Kg: null,
    pathways: [],
    constants: [],
    warnings: [],
    ...over,
  };
}

describe("summarizeScorecards", () => {
  it("weights availability by period: (72 − 3) / 72 = 0.9583; sums what was avoided", () => {
    const s = summarizeScorecards("JPNGO", [
      card({
        periodH: 48,
        downtimeH: 3,
        h2Kg: 45,
        avoidedTailpipeCo2Kg: 100,
        pathways: [
          {
            pathway: "grey-smr",
            intensityKgCo2ePerKgH2: 11.4,
            intensitySource: "",
            unitWtwKgCo2e: 1,
            avoidedWtwKgCo2e: 50,
          },
        ],
      }),
      card({ periodH: 24, downtimeH: 0, h2Kg: 5 }),
    ]);
    expect(s.availability).toBeCloseTo(69 / 72, 12);
    expect(s.availability).toBeCloseTo(0.9583, 4);
    expect(s.h2Kg).toBe(50);
    expect(s.avoidedTailpipeCo2Kg).toBe(100);
    expect(s.avoidedWtwKgCo2eByPathway).toEqual({
      "grid-electrolysis": 0,
      "solar-electrolysis": 0,
      "grey-smr": 50,
    });
    expect(s.unitsWithoutCounterfactual).toBe(2);
  });
});

describe("scoredUnit", () => {
  it("scores zero-emission and hybrid units once they run (not planned ones, not diesel)", () => {
    const e = (powertrain: Equipment["powertrain"], status: Equipment["status"]) =>
      ({ powertrain, status }) as Equipment;
    expect(scoredUnit(e("fuel_cell", "pilot"))).toBe(true);
    expect(scoredUnit(e("battery", "in_service"))).toBe(true);
    expect(scoredUnit(e("hybrid", "retired"))).toBe(true);
    expect(scoredUnit(e("fuel_cell", "planned"))).toBe(false);
    expect(scoredUnit(e("diesel", "in_service"))).toBe(false);
  });
});
