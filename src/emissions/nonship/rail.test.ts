import { describe, expect, it } from "vitest";
import { computeNonshipLines } from "./compute.ts";
import { parseActivityText } from "./csv.ts";
import { railSpec } from "./input-rail.ts";
import { emptyActivity } from "./model.ts";
import { loadNonshipTables, portGridFactor } from "./tables-io.ts";

const tables = loadNonshipTables();
const options = {
  port: "USLAX",
  gwp: "AR5" as const,
  wellToWheel: false,
  gridFactor: portGridFactor("USLAX", tables),
};

function run(rows: string[], wellToWheel = false) {
  const a = emptyActivity();
  a.rail = parseActivityText(
    railSpec(),
    ["year,month,service,tier,locomotive_id,fuel_gal,fuel_l,hours,rated_hp", ...rows].join("\n"),
    "r.csv",
  ).records.map((r) => r.record);
  return computeNonshipLines(tables, a, { ...options, wellToWheel });
}

describe("rail", () => {
  it("fuel-based: gallons × g/bhp-hr × bhp-hr/gal", () => {
    const r = run(["2025,1,switch,Tier 3,,10000,,,"]);
    const l = r.lines[0]!;
    // locomotive_emission_factors.csv: switch Tier 3 NOx 4.5, PM10 0.08, PM2.5 0.0776, HC 0.26, CO 1.83 g/bhp-hr;
    // locomotive_fuel_conversion.csv line 4: switching 15.2 bhp-hr/gal; fuel_and_hydrogen_constants.csv line 7: 10.21 kg CO2/gal
    expect(l.activity).toBe(10000);
    expect(l.grams.nox).toBeCloseTo(10000 * 4.5 * 15.2, 6); // 684,000 g
    expect(l.grams.pm10).toBeCloseTo(10000 * 0.08 * 15.2, 6);
    expect(l.grams.pm25).toBeCloseTo(10000 * 0.0776 * 15.2, 6);
    expect(l.grams.dpm).toBeCloseTo(l.grams.pm10, 9);
    expect(l.grams.co).toBeCloseTo(10000 * 1.83 * 15.2, 6);
    expect(l.grams.co2).toBeCloseTo(10000 * 10.21 * 1000, 3);
    expect(l.grams.so2).toBe(0);
    expect(r.notes.map((n) => n.code)).toContain("rail_ch4_n2o_so2_not_estimated");
  });

  it("duty-cycle: hours × rated hp × cycle-mean power × g/bhp-hr; litres converted", () => {
    const r = run(["2025,2,line-haul,Tier 2,,,,100,4400", "2025,2,line-haul,Tier 4,,,3785.411784,,"]);
    const hours = r.lines.find((l) => l.sourceId === "rail:line-haul:Tier 2")!;
    // locomotive_duty_cycles.csv (two idle settings, Table 1): Σ weight × notch power = 26.891 % for line-haul
    const bhpHr = 100 * 4400 * 0.26891;
    expect(hours.grams.nox).toBeCloseTo(bhpHr * 4.95, 3); // line-haul Tier 2 NOx 4.95 g/bhp-hr
    expect(hours.activity).toBeCloseTo(bhpHr / 20.8, 6); // gallons = bhp-hr ÷ 20.8
    expect(hours.grams.co2).toBeCloseTo((bhpHr / 20.8) * 10210, 3);
    const litres = r.lines.find((l) => l.sourceId === "rail:line-haul:Tier 4")!;
    expect(litres.activity).toBeCloseTo(1000, 9); // 3,785.4 L = 1,000 US gal
    expect(litres.grams.nox).toBeCloseTo(1000 * 1 * 20.8, 6);
  });

  it("well-to-wheel adds an upstream line", () => {
    const r = run(["2025,1,switch,Tier 3,,10000,,,"], true);
    const up = r.lines.find((l) => l.scope === "upstream")!;
    expect(up.grams.co2e).toBeCloseTo(10000 * 10210 * ((3.286 - 2.697) / 2.697), 3);
  });
});
