import { describe, expect, it } from "vitest";
import { computeNonshipLines } from "./compute.ts";
import { parseActivityText } from "./csv.ts";
import { factorsSpec } from "./input-factors.ts";
import { harborCraftSpec } from "./input-harbor-craft.ts";
import { emptyActivity } from "./model.ts";
import { loadNonshipTables, portGridFactor } from "./tables-io.ts";

const tables = loadNonshipTables();
const options = {
  port: "USLAX",
  gwp: "AR5" as const,
  wellToWheel: false,
  gridFactor: portGridFactor("USLAX", tables),
};

const VESSELS = [
  "vessel_id,vessel_name,vessel_type,engine_use,engine_count,engine_kw,model_year,tier,year,month,hours",
  "IMO9000001,Tug A,assist tug,propulsion,2,1500,2015,3,2025,4,100",
  "IMO9000001,Tug A,assist tug,auxiliary,2,100,2015,3,2025,4,300",
  "IMO9000002,Pilot B,pilot boat,propulsion,2,600,2009,2,2025,4,80",
].join("\n");

function activity(factors: string) {
  const a = emptyActivity();
  a.harborCraft = parseActivityText(harborCraftSpec(), VESSELS, "hc.csv").records.map((r) => ({
    ...r.record,
    ref: { file: "hc.csv", line: r.line },
  }));
  a.factors = parseActivityText(factorsSpec(), factors, "f.csv").records.map((r) => r.record);
  return a;
}

const ALL = ["NOx", "PM10", "PM2.5", "SO2", "CO", "HC", "CO2"];

describe("harbour craft", () => {
  it("P × LF × hours × user EF per engine group, most specific key per pollutant", () => {
    const f = [
      "category,key,pollutant,value,unit,source",
      ...ALL.map((p) => `harbor craft,tug propulsion tier 3,${p},${p === "CO2" ? 680 : 5},g/kWh,test A`),
      ...ALL.map((p) => `harbor craft,auxiliary,${p},${p === "CO2" ? 690 : 4},g/kWh,test B`),
      "harbor craft,propulsion,NOx,9,g/kWh,less specific: loses to the tier 3 tug key",
    ].join("\n");
    const r = computeNonshipLines(tables, activity(f), options);
    const tug = r.lines.find((l) => l.sourceId === "harbor_craft:IMO9000001")!;
    // harbor_craft_load_factors.csv lines 2-3 (40 CFR 1042.705): propulsion 0.69, auxiliary 0.51
    const propKwh = 2 * 1500 * 100 * 0.69;
    const auxKwh = 2 * 100 * 300 * 0.51;
    expect(tug.activity).toBeCloseTo(propKwh + auxKwh, 9);
    expect(tug.grams.nox).toBeCloseTo(propKwh * 5 + auxKwh * 4, 6);
    expect(tug.grams.dpm).toBeCloseTo(tug.grams.pm10, 9);
    expect(tug.grams.co2e).toBeCloseTo(propKwh * 680 + auxKwh * 690, 6);
    expect(tug.trace!.find((s) => s.pollutant === "nox")!.source).toContain("test A");
    // The pilot boat (tier 2) matches only the generic "propulsion" NOx key: NOx estimated, the rest not.
    const pilot = r.lines.find((l) => l.sourceId === "harbor_craft:IMO9000002")!;
    expect(pilot.grams.nox).toBeCloseTo(2 * 600 * 80 * 0.69 * 9, 6);
    expect(r.warnings).toMatchObject([
      {
        code: "missing_pollutant_factors",
        params: {
          key: "pilot boat propulsion tier 2 kW 600 MY 2009",
          pollutants: "pm10, pm25, so2, co, hc, co2",
        },
      },
    ]);
    expect(r.notEstimated).toMatchObject([
      { sourceId: "harbor_craft:IMO9000002", pollutants: ["pm10", "pm25", "so2", "co", "hc", "co2"] },
    ]);
  });

  it("no factor at all: warning with the row and key, not estimated", () => {
    const r = computeNonshipLines(tables, activity("category,key,pollutant,value,unit,source"), options);
    expect(r.lines).toEqual([]);
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings[0]).toMatchObject({
      code: "missing_user_factor",
      ref: { file: "hc.csv", line: 2 },
      params: { key: "assist tug propulsion tier 3 kW 1500 MY 2015" },
    });
    expect(r.warnings[0]!.message).toContain("hc.csv:2");
    // Listed per source and year with its months (the tug's two engine groups merge into one entry).
    expect(r.notEstimated).toMatchObject([
      { sourceId: "harbor_craft:IMO9000001", months: [4], pollutants: "all", reason: "missing_user_factor" },
      { sourceId: "harbor_craft:IMO9000002", months: [4], pollutants: "all", reason: "missing_user_factor" },
    ]);
    expect(r.coverage.harbor_craft).toEqual({
      records: 3,
      sources: 0,
      lines: 0,
      notEstimatedSourceMonths: 2,
    });
  });

  it("converts g/bhp-hr factors to g/kWh and matches kW bands (min < kW ≤ max)", () => {
    const f = [
      "category,key,pollutant,value,unit,source",
      "harbor craft,pilot boat kW 500-600,NOx,7.457,g/bhp-hr,t",
      "harbor craft,pilot boat kW 600+,NOx,1,g/kWh,t",
    ].join("\n");
    const r = computeNonshipLines(tables, activity(f), options);
    const pilot = r.lines.find((l) => l.sourceId === "harbor_craft:IMO9000002")!;
    expect(pilot.grams.nox).toBeCloseTo(2 * 600 * 80 * 0.69 * 10, 6); // 7.457 g/bhp-hr ÷ 0.7457 = 10 g/kWh
  });
});
