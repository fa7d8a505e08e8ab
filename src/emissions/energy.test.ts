import { describe, expect, it } from "vitest";
import { dieselConstants, gridFactorFor, gridFactorFunction, hydrogenIntensity } from "./energy.ts";
import { loadEnergyTables } from "./nonship/tables-io.ts";

const tables = loadEnergyTables();

describe("grid factor of a port and year", () => {
  it("USLAX: latest year ≤ the inventory year of the LADWP / CARB LCFS series, else the earliest", () => {
    // electricity_co2_california.csv: line 2 LCFS 2020 0.2985, line 3 LCFS 2019 0.2934, line 6 LADWP 2017 0.340
    expect(gridFactorFor(tables, "USLAX", 2026)).toMatchObject({ kgCo2ePerKwh: 0.2985, year: 2020 });
    expect(gridFactorFor(tables, "USLAX", 2026).source).toContain("latest year ≤ 2026");
    expect(gridFactorFor(tables, "USLAX", 2019)).toMatchObject({ kgCo2ePerKwh: 0.2934, year: 2019 });
    expect(gridFactorFor(tables, "USLAX", 2019).source).toContain("year 2019");
    expect(gridFactorFor(tables, "USLAX", 2018)).toMatchObject({ kgCo2ePerKwh: 0.34, year: 2017 });
    expect(gridFactorFor(tables, "USLAX", 2018).source).toContain("LADWP");
    const early = gridFactorFor(tables, "USLAX", 2010);
    expect(early).toMatchObject({ kgCo2ePerKwh: 0.34, year: 2017 });
    expect(early.source).toContain("earliest year available; none ≤ 2010");
  });

  it("JPNGO: Chubu Electric before credits (fiscal years)", () => {
    // electricity_co2_japan.csv: line 3 FY2011 actual (before credits) 0.518, line 5 FY2013 before credits 0.513
    expect(gridFactorFor(tables, "JPNGO", 2024)).toMatchObject({ kgCo2ePerKwh: 0.513, year: 2013 });
    expect(gridFactorFor(tables, "JPNGO", 2024).source).toContain("Chubu Electric Power FY2013");
    expect(gridFactorFor(tables, "JPNGO", 2012)).toMatchObject({ kgCo2ePerKwh: 0.518, year: 2011 });
    expect(gridFactorFor(tables, "JPNGO", 2000)).toMatchObject({ kgCo2ePerKwh: 0.518, year: 2011 });
  });

  it("unknown port: not_found", () => {
    expect(() => gridFactorFor(tables, "NLRTM", 2025)).toThrow(/no grid series for port NLRTM/);
    const f = gridFactorFunction(tables, "USLAX");
    expect(f(2025)).toBe(f(2025));
  });
});

describe("hydrogen and diesel", () => {
  it("carbon intensity by pathway alias or row text; thresholds are not pathways", () => {
    expect(hydrogenIntensity(tables, "grey-smr")?.kgCo2ePerKgH2).toBe(11.4);
    expect(hydrogenIntensity(tables, "Grey: steam reforming of natural gas")?.kgCo2ePerKgH2).toBe(11.4);
    const green = hydrogenIntensity(tables, "green")!;
    expect(green.kgCo2ePerKgH2).toBeCloseTo(2.75, 12);
    expect(green.source).toContain("middle of 0.9-4.6");
    expect(
      hydrogenIntensity(tables, "Japan threshold: low-carbon hydrogen (Hydrogen Society Promotion Act 2024)"),
    ).toBeUndefined();
    expect(hydrogenIntensity(tables, "pink")).toBeUndefined();
  });

  it("diesel constants and the upstream ratio", () => {
    const d = dieselConstants(tables);
    expect(d.co2KgPerGal.value).toBe(10.21);
    expect(d.co2KgPerL.value).toBe(2.697);
    expect(d.wtwCo2eKgPerL.value).toBe(3.286);
    expect(d.upstreamCo2ePerTailpipeCo2.value).toBeCloseTo(0.21839, 5);
    expect(d.upstreamCo2ePerTailpipeCo2.source).toContain("fuel_and_hydrogen_constants.csv: lines 9");
  });
});
