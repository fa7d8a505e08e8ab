import { describe, expect, it } from "vitest";
import { assumption, parseHydrogenTables } from "./hydrogen-tables.ts";
import { loadHydrogenTables } from "./hydrogen-tables-io.ts";

describe("hydrogen reference tables", () => {
  const t = loadHydrogenTables();
  it("grid factors per port follow the stated rule", () => {
    // CARB LCFS 2020: 82.92 g CO2e/MJ × 3.6 MJ/kWh = 0.2985 kg/kWh; Chubu Electric FY2013 before
    // credits 0.513 kg/kWh (press release chuden-2014-07-29).
    expect(t.grid.get("USLAX")!.kgCo2PerKwh).toBeCloseTo(82.92 * 0.0036, 4);
    expect(t.grid.get("JPNGO")!.kgCo2PerKwh).toBe(0.513);
  });
  it("non-numeric cells become null with file, line and field", () => {
    const choshu = t.supply.find((r) => r.facility.startsWith("Choshu"))!;
    expect(choshu.h2CapacityKgPerDay).toBeNull();
    expect(t.issues).toContainEqual(
      expect.objectContaining({
        file: "hydrogen_supply_reference.csv",
        line: choshu.line,
        field: "h2_capacity_kg_per_day",
      }),
    );
  });
  it("demand rows carry their year and whether they are supply", () => {
    const chubu = t.demand.find((r) => r.area.startsWith("Chubu"))!;
    expect(chubu).toMatchObject({ year: 2030, h2TonnesPerYearLow: 110000, isSupply: false });
    expect(t.demand.find((r) => r.area.startsWith("Toyota Tri-Gen"))!.isSupply).toBe(true);
  });
  it("port rows override the `all` rows; a missing parameter throws", () => {
    expect(assumption(t, "JPNGO", "pv_capex_per_kwp").currency).toBe("JPY");
    expect(assumption(t, "JPNGO", "discount_rate").port).toBe("all");
    expect(() => assumption(t, "USLAX", "nope")).toThrow(/no nope/);
  });
  it("a malformed shipped table throws naming file and line", () => {
    const bad = { ...fakeTexts(), supply: "facility,type\na,b,c" };
    expect(() => parseHydrogenTables(bad)).toThrow(/hydrogen_supply_reference.csv: line 2/);
  });
});

function fakeTexts() {
  return {
    constants: "quantity,value,unit,note,source_id,confidence\n",
    supply: "facility,type\n",
    demand: "area,scope,year_or_horizon,h2_t_per_year_low,h2_t_per_year_high,note,source_id,confidence\n",
    gridCalifornia: "supplier_or_area,year,kg_co2e_per_kwh,source_id,confidence\n",
    gridJapan: "supplier,fiscal_year,basis,kg_co2_per_kwh,source_id\n",
    assumptions: "port,parameter,value,unit,currency,price_year,note,source,confidence\n",
  };
}
