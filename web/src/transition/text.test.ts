import { describe, expect, it } from "vitest";
import {
  CHE_CATEGORIES,
  EQUIPMENT_CATEGORIES,
  type Equipment,
  POWERTRAINS,
  ZERO_EMISSION_POWERTRAINS,
} from "../../../src/transition/wire.ts";
import type { FleetMixRow } from "../api.ts";
import {
  CATEGORY_STYLE,
  formatMoney,
  mixBars,
  monthlyTotals,
  POWERTRAIN_STYLE,
  sortUnits,
  stationParams,
} from "./text.ts";

describe("the portal's view of powertrains and categories", () => {
  it("agrees with the server on which powertrains are zero-emission and which categories are CHE", () => {
    expect(POWERTRAINS.filter((p) => POWERTRAIN_STYLE[p].ze).sort()).toEqual(
      [...ZERO_EMISSION_POWERTRAINS].sort(),
    );
    expect(EQUIPMENT_CATEGORIES.filter((c) => CATEGORY_STYLE[c].che).sort()).toEqual(
      [...CHE_CATEGORIES].sort(),
    );
  });
});

const row = (
  category: FleetMixRow["category"],
  powertrain: FleetMixRow["powertrain"],
  status: FleetMixRow["status"],
  units: number,
): FleetMixRow => ({ category, powertrain, status, units });

describe("mixBars", () => {
  it("gives the zero-emission share of CHE and of each category (the USLAX demo registry, counted by hand)", () => {
    // src/demo/transition.ts, USLAX: YT-D-117 diesel + UTR-H2-01 fuel cell; RTG-D-05 + RTG-H2-01;
    // TH-D-03 + TH-H2-01; DRAY-D-01 diesel + FCET-01…04 fuel cell.
    const bars = mixBars([
      row("drayage_truck", "diesel", "in_service", 1),
      row("drayage_truck", "fuel_cell", "pilot", 4),
      row("rtg", "diesel", "in_service", 1),
      row("rtg", "fuel_cell", "pilot", 1),
      row("top_handler", "diesel", "in_service", 1),
      row("top_handler", "fuel_cell", "pilot", 1),
      row("yard_tractor", "fuel_cell", "pilot", 1),
      row("yard_tractor", "diesel", "in_service", 1),
    ]);
    expect(bars.map((b) => b.key)).toEqual(["che", "yard_tractor", "top_handler", "rtg", "drayage_truck"]);
    // CHE: 6 units, 3 fuel cell → 3 / 6 = 0.5.
    expect(bars[0]).toMatchObject({ total: 6, zeUnits: 3, zeShare: 0.5 });
    // Zero-emission powertrains stack first (fuel cell), diesel last.
    expect(bars[0]?.byPowertrain).toEqual([
      { powertrain: "fuel_cell", units: 3 },
      { powertrain: "diesel", units: 3 },
    ]);
    // Drayage: 4 of 5 → 0.8.
    expect(bars[4]).toMatchObject({ total: 5, zeUnits: 4, zeShare: 0.8 });
  });

  it("leaves retired units out and counts battery and hydrogen ICE as zero-emission, hybrids not", () => {
    const [che] = mixBars([
      row("yard_tractor", "battery", "in_service", 2),
      row("yard_tractor", "hybrid", "in_service", 1),
      row("yard_tractor", "diesel", "retired", 5),
      row("forklift", "hydrogen_ice", "planned", 1),
    ]);
    // 2 battery + 1 hydrogen ICE of 4 live units = 0.75; the 5 retired diesels are not counted.
    expect(che).toMatchObject({ key: "che", total: 4, zeUnits: 3, zeShare: 0.75 });
  });

  it("has no CHE bar when the port has only trucks", () => {
    expect(mixBars([row("drayage_truck", "diesel", "in_service", 2)]).map((b) => b.key)).toEqual([
      "drayage_truck",
    ]);
  });
});

const unit = (unitId: string, over: Partial<Equipment>): Equipment => ({
  port: "USLAX",
  unitId,
  category: "yard_tractor",
  powertrain: "diesel",
  modelYear: null,
  ratedPowerKw: null,
  engineTier: null,
  owner: null,
  status: "in_service",
  programme: null,
  replaces: null,
  ...over,
});

describe("sortUnits", () => {
  const units = [
    unit("YT-10", { modelYear: 2016, ratedPowerKw: 149 }),
    unit("YT-2", { modelYear: null, ratedPowerKw: 90 }),
    unit("YT-1", { modelYear: 2022, ratedPowerKw: null, status: "pilot" }),
  ];
  it("sorts numbers as numbers, ids naturally, and keeps empty values last in both directions", () => {
    expect(sortUnits(units, "unitId", 1, "en").map((u) => u.unitId)).toEqual(["YT-1", "YT-2", "YT-10"]);
    expect(sortUnits(units, "modelYear", 1, "en").map((u) => u.unitId)).toEqual(["YT-10", "YT-1", "YT-2"]);
    expect(sortUnits(units, "modelYear", -1, "en").map((u) => u.unitId)).toEqual(["YT-1", "YT-10", "YT-2"]);
    expect(sortUnits(units, "ratedPowerKw", -1, "en").map((u) => u.unitId)).toEqual([
      "YT-10",
      "YT-2",
      "YT-1",
    ]);
    // Status: pilots first, then in service.
    expect(sortUnits(units, "status", 1, "en").map((u) => u.unitId)).toEqual(["YT-1", "YT-2", "YT-10"]);
  });
});

describe("monthlyTotals", () => {
  it("folds 8,760 hours into calendar months of a 365-day year", () => {
    const n = 8760;
    const produced = new Array<number>(n).fill(0.01);
    // Demand 0.02 kg/h: 0.015 dispensed + 0.005 short in the hours of 2 January only (hours 24–47).
    const dispensed = new Array<number>(n).fill(0.02);
    const shortfall = new Array<number>(n).fill(0);
    for (let h = 24; h < 48; h++) {
      dispensed[h] = 0.015;
      shortfall[h] = 0.005;
    }
    const months = monthlyTotals({
      producedKg: produced,
      dispensedKg: dispensed,
      shortfallKg: shortfall,
      curtailedKwh: new Array<number>(n).fill(1),
      gridKwh: new Array<number>(n).fill(0),
    });
    expect(months).toHaveLength(12);
    // January: 31 × 24 = 744 h → produced 7.44 kg, demand 744 × 0.02 = 14.88 kg, of which short
    // 24 × 0.005 = 0.12 kg in 24 hours (0.005 kg > the 1 g threshold); curtailed 744 kWh.
    expect(months[0]?.producedKg).toBeCloseTo(7.44, 9);
    expect(months[0]?.demandKg).toBeCloseTo(14.88, 9);
    expect(months[0]?.shortfallKg).toBeCloseTo(0.12, 9);
    expect(months[0]?.shortfallHours).toBe(24);
    expect(months[0]?.curtailedKwh).toBeCloseTo(744, 9);
    // February: 28 × 24 = 672 h → 6.72 kg; December: 744 h; the year adds up to 87.6 kg.
    expect(months[1]?.producedKg).toBeCloseTo(6.72, 9);
    expect(months[1]?.shortfallHours).toBe(0);
    expect(months[11]?.producedKg).toBeCloseTo(7.44, 9);
    expect(months.reduce((s, m) => s + m.producedKg, 0)).toBeCloseTo(87.6, 9);
  });

  it("gives nothing for a series that is not a whole typical year", () => {
    const z = new Array<number>(24).fill(0);
    expect(
      monthlyTotals({ producedKg: z, dispensedKg: z, shortfallKg: z, curtailedKwh: z, gridKwh: z }),
    ).toEqual([]);
  });
});

describe("stationParams", () => {
  it("passes on valid numbers, drops the rest (the API's defaults apply) and always asks for the hours", () => {
    const q = new URLSearchParams("pvKwp=60&electrolyserKw=0&storageKg=abc&demandKgPerDay=2.5&grid=1");
    expect(stationParams((k) => q.get(k))).toEqual({
      hourly: "true",
      pvKwp: 60,
      demandKgPerDay: 2.5,
      grid: "true",
    });
  });
});

describe("formatMoney", () => {
  it("writes the ISO code and the currency's own minor units", () => {
    // Intl puts a no-break space (U+00A0) between the code and the amount.
    expect(formatMoney(20.108, "USD", "en")).toBe("USD\u00a020.11");
    // The yen has no minor unit (ISO 4217): 696.91 → 697.
    expect(formatMoney(696.91, "JPY", "en")).toBe("JPY\u00a0697");
    expect(formatMoney(90_800, "USD", "en", true)).toBe("USD\u00a090,800");
    expect(formatMoney(null, "USD", "en")).toBe("—");
  });
});
