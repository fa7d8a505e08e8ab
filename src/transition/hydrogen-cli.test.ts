import { describe, expect, it } from "vitest";
import { formatSolarH2Report, portSolarSite, solarParamsFromOptions, solarYearFor } from "./hydrogen-cli.ts";
import { HYDROGEN_CATALOGS, h2Msg } from "./hydrogen-messages.ts";
import { solarH2Report } from "./hydrogen-report.ts";
import { loadHydrogenTables } from "./hydrogen-tables-io.ts";

describe("hydrogen messages", () => {
  it("Japanese has every English key and speaks Japanese", () => {
    expect(Object.keys(HYDROGEN_CATALOGS.ja).sort()).toEqual(Object.keys(HYDROGEN_CATALOGS.en).sort());
    expect(h2Msg("missedFills", {}, "ja")).toBe("充塡できなかった要求");
    expect(h2Msg("noSolarForPort", { port: "JPNGO" }, "en")).toMatch(/JPNGO.*--tmy FILE/);
  });
});

describe("ze solar-h2 composition", () => {
  it("ports: standard UTC offsets from the registry's zones", () => {
    expect(portSolarSite("USLAX").utcOffsetH).toBe(-8);
    expect(portSolarSite("JPNGO").utcOffsetH).toBe(9);
    expect(() => portSolarSite("XXABC")).toThrow(/unknown port/);
  });
  it("Nagoya without a file is a not_found error telling the user to supply one", () => {
    expect(() => solarYearFor("JPNGO", undefined)).toThrow(expect.objectContaining({ code: "not_found" }));
  });
  it("flags become parameters; a bad number names its flag", () => {
    const p = solarParamsFromOptions({
      port: "uslax",
      pvKwp: "12",
      openHours: "8-18",
      grid: true,
      gridPrice: "0.1",
    });
    expect(p).toMatchObject({
      port: "USLAX",
      pvKwp: 12,
      openFromH: 8,
      openToH: 18,
      gridTopUp: true,
      cost: { gridPricePerKwh: 0.1 },
    });
    expect(() => solarParamsFromOptions({ port: "USLAX", storageKg: "x" })).toThrow(/--storage-kg: a number/);
    expect(() => solarParamsFromOptions({ port: "USLAX", openHours: "22-6" })).toThrow(/--open-hours/);
  });
  it("the report lists every input with a source and prints the balances", () => {
    const year = solarYearFor("USLAX", undefined).year!;
    const r = solarH2Report(loadHydrogenTables(), year, {
      port: "USLAX",
      pvKwp: 12,
      cost: { discountRate: 0.05 },
    });
    expect(r.inputs.every((i) => i.source !== "")).toBe(true);
    expect(r.inputs.find((i) => i.name === "pv_kwp")!.source).toBe("given");
    expect(r.inputs.find((i) => i.name === "discount_rate")!.source).toBe("given");
    expect(r.inputs.find((i) => i.name === "storage_kg")!.source).toMatch(/Honda/);
    expect(r.cost.inputs.discountRate).toBe(0.05);
    expect(r.result.producedKg - r.result.dispensedKg).toBeCloseTo(
      r.result.storageEndKg - r.result.storageStartKg,
      9,
    );
    const text = formatSolarH2Report(r);
    expect(text).toMatch(/levelised cost \(USD, price year 2024\)|均等化コスト/);
    expect(() =>
      solarH2Report(loadHydrogenTables(), year, { port: "USLAX", storageKg: 1, storageStartKg: 2 }),
    ).toThrow(/storageStartKg/);
  });
  it("an hourly demand profile replaces kg/day and is shown as an input", () => {
    const year = solarYearFor("USLAX", undefined).year!;
    const profile = new Float64Array(24);
    profile[12] = 2; // 2 kg at noon every day → 730 kg/year
    const r = solarH2Report(loadHydrogenTables(), year, {
      port: "USLAX",
      demandKgPerH: profile,
      demandSource: "d.csv",
    });
    expect(r.result.demandKg).toBeCloseTo(730, 9);
    expect(r.inputs.find((i) => i.name === "demand_hourly")).toMatchObject({ source: "d.csv" });
    expect(r.inputs.some((i) => i.name === "demand_kg_per_day")).toBe(false);
  });
  it("Nagoya with a user's PV series: yen costs and the Chubu grid factor", () => {
    const site = portSolarSite("JPNGO");
    const pv = new Float64Array(8760);
    for (let h = 0; h < 8760; h++) if (h % 24 >= 9 && h % 24 < 15) pv[h] = 0.6;
    const r = solarH2Report(
      loadHydrogenTables(),
      { kind: "pv_csv", file: "ngo.csv", site, pvKwPerKwp: pv },
      { port: "JPNGO", gridTopUp: true },
    );
    expect(r.cost.currency).toBe("JPY");
    expect(r.grid.kgCo2PerKwh).toBe(0.513);
    // 6 h × 0.6 kW/kWp × 365 = 1,314 kWh/kWp
    expect(r.solar.annualPvKwhPerKwp).toBeCloseTo(1314, 6);
    expect(r.result.gridKgCo2).toBeCloseTo(r.result.gridKwh * 0.513, 9);
  });
});
