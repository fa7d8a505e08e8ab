/** The worked examples in the doc comments of the calculator's exported functions (DESIGN.md). */
import { describe, expect, it } from "vitest";
import {
  answerFactorsQuery,
  assignTier,
  defaultFuel,
  emptyEfRecord,
  factorSet,
  factorsAtLoad,
  loadBsfcMultiplier,
} from "./factors.ts";
import { imo4GhgAtLoad, imo4GhgSet } from "./imo4.ts";
import { llafEquation, llafSo2Equation, lowLoadMultipliers } from "./llaf.ts";
import { answerLoadsQuery, auxBoilerLoads, loadsSubType } from "./loads.ts";
import { answerPowerQuery, loadFactorFromSpeed } from "./power.ts";
import { loadOgvTables } from "./tables-io.ts";
import { expectRel } from "./test-helpers.ts";

const t = loadOgvTables();

describe("doc-comment examples", () => {
  it("factors.ts", () => {
    expect(assignTier("SSD", 2012).tier).toBe(2);
    expect(assignTier("GT", 2020).tier).toBe(0);
    expect(defaultFuel(t, "main", "OutsideECA", "SSD").value).toBe("RM/HFO");
    expect(loadBsfcMultiplier(0.5)).toBeCloseTo(1.03875, 12);
    expectRel(185 * loadBsfcMultiplier(0.5), 192.17, "185 at 0.5", 1e-4);
    const s = factorSet(t, { component: "main", engine: "SSD", location: "ECA", tier: 2 });
    expect([s.fuel, s.sulfurPct, s.bsfcGPerKwh, s.ef.nox]).toEqual(["MGO/MDO", 0.1, 185, 14.4]);
    expectRel(s.ef.co2, 593.11, "co2");
    expectRel(s.ef.pm10, 0.18359865, "pm10");
    expectRel(s.ef.so2, 0.3616861, "so2");
    const t3 = factorSet(t, { component: "main", engine: "SSD", location: "ECA", tier: 3 });
    const out = emptyEfRecord();
    factorsAtLoad(t3, 0.1, { loadBasedBsfc: true, tier3LowLoadRule: true }, out);
    expect(out.nox).toBe(14.4);
    expectRel(out.co2, 593.11 * 1.21355, "co2 at 0.1");
    const a = answerFactorsQuery(t, { component: "main", engine: "SSD", location: "OutsideECA", tier: 2 });
    expect([a.fuel, a.sulfurPct, a.bsfcGPerKwh, a.efGPerKwh.nox]).toEqual(["RM/HFO", 0.5, 195, 15.3]);
    expectRel(a.efGPerKwh.co2, 607.23, "co2");
    expect(Object.values(a.llaf).every((v) => v === 1)).toBe(true);
  });

  it("llaf.ts", () => {
    expectRel(llafEquation({ a: 0.1255, x: 1.5, b: 10.4496 }, 0.05), 1.8287, "nox 0.05", 1e-4);
    expectRel(llafSo2Equation({ a: 2.3735, x: null, b: -0.4792 }, 0.02, 0.1), 3.3165, "so2 0.02", 1e-4);
    const m = lowLoadMultipliers(t, "equation", "main", "SSD", 0.02, 0.1, emptyEfRecord(1));
    const exp = { nox: 4.6251, hc: 21.18, co: 9.6793, pm10: 7.2916, so2: 3.3165, co2: 3.2834 };
    for (const [p, v] of Object.entries(exp)) expectRel(m[p as keyof typeof exp], v, p, 1e-4);
  });

  it("loads.ts", () => {
    expect(auxBoilerLoads(t, "imo3", "container.ship.8000", "Berth")).toMatchObject({
      auxKw: 970,
      boilerKw: 450,
    });
    const v = { shipType: "Container Ship", subType: null, dwt: null, teu: 8000, grossTonnage: null };
    expect(loadsSubType(t, "imo3", v).subType).toBe("container.ship.8000");
    expect(loadsSubType(t, "starcrest2016", v).subType).toBe("container.ship.7000");
    expect(
      answerLoadsQuery(t, { method: "starcrest2016", subType: "container.ship.11000", mode: "Maneuvering" }),
    ).toEqual({
      auxKw: 3500,
      boilerKw: 575,
    });
  });

  it("power.ts", () => {
    const base = { law: "propeller" as const, refSpeedKn: 10, seaMarginPct: 0 };
    expectRel(
      loadFactorFromSpeed({ ...base, speedKn: 9, refSpeedType: "max", seaMarginPct: 15 }),
      0.83835,
      "9 of 10, SM 15",
    );
    expectRel(
      loadFactorFromSpeed({ ...base, speedKn: 10, refSpeedType: "service" }),
      0.94 ** 3,
      "service speed",
    );
    const p = answerPowerQuery({ ...base, installedKw: 100, speedKn: 10, refSpeedType: "service" });
    expectRel(p.propulsionKw, 83.0584, "kW");
    expectRel(p.loadFactor, 0.830584, "LF");
  });

  it("imo4.ts", () => {
    const g = imo4GhgSet(t, {
      component: "main",
      engine: "SSD",
      fuel: "RM/HFO",
      buildYear: 2012,
      lngEngine: "LNG-Otto MS",
    });
    expect(g.sfcBaseGPerKwh).toBe(175);
    expectRel(g.base.co2, 544.95, "co2");
    expectRel(g.base.ch4, 0.00875, "ch4");
    expectRel(g.base.n2o, 0.0315, "n2o");
    const o = { co2: 0, ch4: 0, n2o: 0 };
    imo4GhgAtLoad(g, 0.5, o);
    expectRel(o.co2, 566.07, "co2 at 0.5", 1e-4);
  });
});
