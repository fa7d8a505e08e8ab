/**
 * EPA's own benchmarks for ShipEF (Marine Emissions Tools Beta 0.2), reproduced to a relative 1e-4.
 * Source: GitHub USEPA/Marine_Emissions_Tools, ShipEF/tests/testthat/testEmissionFactorAssignments.r,
 * testShipInfoCalculations.r and testWrapperFunction.r (commit 28e12dc / 39bed37). The benchmark
 * numbers (and the hand formulas EPA writes in those tests) are transcribed; EPA's code is not.
 */
import { describe, expect, it } from "vitest";
import { deriveEngineType } from "../../vessels/index.ts";
import {
  answerFactorsQuery,
  assignTier,
  FactorsQuerySchema,
  factorSet,
  loadBsfcMultiplier,
} from "./factors.ts";
import { llafEquation, llafSo2Equation } from "./llaf.ts";
import { loadOgvTables } from "./tables-io.ts";
import { expectRel, OracleCounter } from "./test-helpers.ts";
import type { Component, ImoTier, OgvLocation } from "./types.ts";

const t = loadOgvTables();
const LOCATIONS: OgvLocation[] = ["ECA", "OutsideECA", "GreatLakes"];

type Engine = "SSD" | "MSD" | "MSD-ED" | "HSD" | "ST" | "GT" | "GT-ED" | "LNG";
const ef = (
  component: Component,
  engine: Engine,
  location: OgvLocation,
  opts: { tier?: ImoTier; loadFactor?: number; loadBasedBsfc?: boolean } = {},
) =>
  answerFactorsQuery(t, {
    component,
    engine,
    location,
    tier: opts.tier ?? 0,
    ...(opts.loadFactor !== undefined ? { loadFactor: opts.loadFactor } : {}),
    ...(opts.loadBasedBsfc !== undefined ? { loadBasedBsfc: opts.loadBasedBsfc } : {}),
  });

// calcLoadBSFC as EPA's tests write it: BSFC × (0.455 LF² − 0.710 LF + 1.280); NA load → baseline.
const loadBsfc = (lf: number, bsfc: number) => bsfc * (0.455 * lf * lf - 0.71 * lf + 1.28);

describe("EPA ShipEF testEmissionFactorAssignments.r", () => {
  it("calcEF_CO works for Main engine / Aux engine / boilers (7 + 3 + 3 values)", () => {
    const o = new OracleCounter();
    const main: [Engine, number][] = [
      ["SSD", 1.4],
      ["MSD", 1.1],
      ["MSD-ED", 1.1],
      ["ST", 0.2],
      ["GT", 0.2],
      ["GT-ED", 0.2],
      ["LNG", 1.3],
    ];
    for (const [e, v] of main) o.rel(ef("main", e, "ECA").efGPerKwh.co, v, `main ${e} CO`);
    const aux: [Engine, number][] = [
      ["MSD", 1.1],
      ["HSD", 0.9],
      ["LNG", 1.3],
    ];
    for (const [e, v] of aux) o.rel(ef("aux", e, "ECA").efGPerKwh.co, v, `aux ${e} CO`);
    for (const e of ["MSD", "HSD", "LNG"] as Engine[])
      o.rel(ef("boiler", e, "ECA").efGPerKwh.co, 0.2, `boiler (${e}) CO`);
    expect(o.count).toBe(13);
  });

  it("calcEF_HC works for Main engines / Aux engines / Boilers (7 + 3 + 3 values)", () => {
    const o = new OracleCounter();
    const main: [Engine, number][] = [
      ["SSD", 0.6],
      ["MSD", 0.5],
      ["MSD-ED", 0.5],
      ["ST", 0.1],
      ["GT", 0.1],
      ["GT-ED", 0.1],
      ["LNG", 0],
    ];
    for (const [e, v] of main) o.rel(ef("main", e, "ECA").efGPerKwh.hc, v, `main ${e} HC`);
    const aux: [Engine, number][] = [
      ["MSD", 0.4],
      ["HSD", 0.4],
      ["LNG", 0],
    ];
    for (const [e, v] of aux) o.rel(ef("aux", e, "ECA").efGPerKwh.hc, v, `aux ${e} HC`);
    for (const e of ["MSD", "HSD", "LNG"] as Engine[])
      o.rel(ef("boiler", e, "ECA").efGPerKwh.hc, 0.1, `boiler (${e}) HC`);
    expect(o.count).toBe(13);
  });

  it("calcEF_NOx works for Main engines (36 values; Tier III outside the ECA corrected to the table)", () => {
    // EPA's benchmark is marked "TODO This needs to be fixed!!!": it expects the MGO Tier III value
    // (3.4 SSD, 2.6 MSD) outside the ECA too, where the engine burns HFO and ShipEF's own table
    // (ogv_nox_ef.csv, MainNOxEF) gives 3.6 and 2.8. We assert the table's values for those two cells.
    const o = new OracleCounter();
    const rows: [Engine, number[]][] = [
      ["SSD", [17, 18.1, 17, 16, 17, 16, 14.4, 15.3, 14.4, 3.4, 3.6 /* EPA: 3.4 */, 3.4]],
      ["MSD", [13.2, 14, 13.2, 12.2, 13, 12.2, 10.5, 11.2, 10.5, 2.6, 2.8 /* EPA: 2.6 */, 2.6]],
      ["ST", [2, 2, 2]],
      ["GT", [5.7, 5.7, 5.7]],
      ["LNG", [1.3, 1.3, 1.3]],
    ];
    for (const [engine, values] of rows)
      values.forEach((v, i) => {
        const tier = Math.floor(i / 3) as ImoTier;
        const location = LOCATIONS[i % 3] as OgvLocation;
        // EPA's call passes no load factor, so the Tier III low-load rule is not engaged.
        o.rel(
          ef("main", engine, location, { tier }).efGPerKwh.nox,
          v,
          `main ${engine} ${location} Tier ${tier} NOx`,
        );
      });
    expect(o.count).toBe(33);
  });

  it("calcEF_NOx works for Aux Engines (the table's values: EPA's test compares misspelt columns)", () => {
    // EPA's aux test compares `newAuxNox` with `auxNOx` — columns that do not exist — so it checks
    // nothing, and its benchmark has the MSD and HSD MGO values swapped (the 2022 correction). The
    // expected values here are ogv_nox_ef.csv's (ShipEF AuxNOxEF), by engine, location and tier.
    const o = new OracleCounter();
    const rows: [Engine, number[]][] = [
      ["HSD", [10.9, 11.6, 10.9, 9.8, 10.4, 9.8, 7.7, 8.2, 7.7, 2.0, 2.1, 2.0]],
      ["MSD", [13.8, 14.7, 13.8, 12.2, 13.0, 12.2, 10.5, 11.2, 10.5, 2.6, 2.8, 2.6]],
      ["LNG", [1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3]],
    ];
    for (const [engine, values] of rows)
      values.forEach((v, i) => {
        const tier = Math.floor(i / 3) as ImoTier;
        const location = LOCATIONS[i % 3] as OgvLocation;
        o.rel(
          ef("aux", engine, location, { tier }).efGPerKwh.nox,
          v,
          `aux ${engine} ${location} Tier ${tier} NOx`,
        );
      });
    expect(o.count).toBe(36);
  });

  it("calcEF_NOx works for Boilers (36 values: 2 / 2.1 / 2 whatever engine and tier)", () => {
    const o = new OracleCounter();
    for (const engine of ["HSD", "MSD", "LNG"] as Engine[])
      for (const tier of [0, 1, 2, 3] as ImoTier[])
        LOCATIONS.forEach((location, i) => {
          o.rel(
            ef("boiler", engine, location, { tier }).efGPerKwh.nox,
            [2, 2.1, 2][i] as number,
            `boiler ${location} NOx`,
          );
        });
    expect(o.count).toBe(36);
  });

  it("calcLoadBSFC works (185 → 185 with no load, 195 at 0.5 → 202.5563, 300 at 0.7 → 301.785)", () => {
    const o = new OracleCounter();
    o.rel(ef("main", "SSD", "ECA").bsfcGPerKwh, 185, "no load factor");
    o.rel(
      ef("main", "SSD", "OutsideECA", { loadFactor: 0.5, loadBasedBsfc: true }).bsfcGPerKwh,
      202.5563,
      "195 at 0.5",
    );
    o.rel(300 * loadBsfcMultiplier(0.7), 301.785, "300 at 0.7");
    o.rel(
      ef("main", "GT", "ECA", { loadFactor: 0.7, loadBasedBsfc: true }).bsfcGPerKwh,
      301.785,
      "GT at 0.7",
    );
    expect(o.count).toBe(4);
  });

  it("calcEF_CO2 Baseline works for Main engines (21 baseline + 21 load-based values)", () => {
    const o = new OracleCounter();
    const engines: Engine[] = ["SSD", "MSD", "MSD-ED", "GT", "ST", "GT-ED", "LNG"];
    const lfs = [0.06, 0.54, 0.79];
    const co2 = [
      593.11,
      607.23,
      593.11,
      ...[657.23, 669.51, 657.23],
      ...[657.23, 669.51, 657.23],
      ...Array(9).fill(961.8),
      ...Array(3).fill(456.5),
    ];
    const loadCo2 = [
      734.8858,
      625.0085,
      594.9282,
      ...[814.3329, 689.1119, 659.2447],
      ...[814.3329, 689.1119, 659.2447],
      ...[1191.7067, 989.9596, 964.7484],
      ...[1191.7067, 989.9596, 964.7484],
      ...[1191.7067, 989.9596, 964.7484],
      565.6208,
      469.8654,
      457.8994,
    ];
    engines.forEach((engine, e) => {
      LOCATIONS.forEach((location, i) => {
        const k = e * 3 + i;
        o.rel(ef("main", engine, location).efGPerKwh.co2, co2[k] as number, `${engine} ${location} CO2`);
        const lf = lfs[i] as number;
        o.rel(
          ef("main", engine, location, { loadFactor: lf, loadBasedBsfc: true }).efGPerKwh.co2,
          loadCo2[k] as number,
          `${engine} ${location} LF ${lf} CO2`,
        );
      });
    });
    expect(o.count).toBe(42);
  });

  it("calcEF_CO2 Auxiliary works / Boiler works (9 + 9 values)", () => {
    const o = new OracleCounter();
    const aux = [695.702, 706.878, 695.702, 695.702, 706.878, 695.702, 456.5, 456.5, 456.5];
    const boiler = [961.8, 949.77, 961.8, 961.8, 949.77, 961.8, 961.8, 949.77, 961.8];
    (["MSD", "HSD", "LNG"] as Engine[]).forEach((engine, e) => {
      LOCATIONS.forEach((location, i) => {
        o.rel(
          ef("aux", engine, location).efGPerKwh.co2,
          aux[e * 3 + i] as number,
          `aux ${engine} ${location} CO2`,
        );
        o.rel(
          ef("boiler", engine, location).efGPerKwh.co2,
          boiler[e * 3 + i] as number,
          `boiler ${location} CO2`,
        );
      });
    });
    expect(o.count).toBe(18);
  });

  it("calcEF_PM works for Main engines (21 baseline + 21 load-based values)", () => {
    const o = new OracleCounter();
    // EPA's hand formulas: EF = PM_base + S_act × BSFC × FSC × MWR × 0.0001.
    const pm = (base: number, s: number, bsfc: number) => base + s * bsfc * 2.247 * 7 * 0.0001;
    const lfs = [0.06, 0.54, 0.79];
    const SSD = [pm(0.1545, 0.1, 185), pm(0.5761, 0.5, 195), pm(0.1545, 0.1, 185)];
    const MSD = [pm(0.1545, 0.1, 205), pm(0.5761, 0.5, 215), pm(0.1545, 0.1, 205)];
    const SSDl = [
      pm(0.1545, 0.1, loadBsfc(0.06, 185)),
      pm(0.5761, 0.5, loadBsfc(0.54, 195)),
      pm(0.1545, 0.1, loadBsfc(0.79, 185)),
    ];
    const MSDl = [
      pm(0.1545, 0.1, loadBsfc(0.06, 205)),
      pm(0.5761, 0.5, loadBsfc(0.54, 215)),
      pm(0.1545, 0.1, loadBsfc(0.79, 205)),
    ];
    const fixed = (v: number) => [v, v, v];
    const expected: [Engine, number[], number[]][] = [
      ["SSD", SSD, SSDl],
      ["MSD", MSD, MSDl],
      ["MSD-ED", MSD, MSDl],
      ["GT", fixed(0.01), fixed(0.01)],
      ["ST", fixed(0.16), fixed(0.16)],
      ["GT-ED", fixed(0.01), fixed(0.01)],
      ["LNG", fixed(0.03), fixed(0.03)],
    ];
    for (const [engine, base, load] of expected)
      LOCATIONS.forEach((location, i) => {
        o.rel(ef("main", engine, location).efGPerKwh.pm10, base[i] as number, `${engine} ${location} PM10`);
        const lf = lfs[i] as number;
        o.rel(
          ef("main", engine, location, { loadFactor: lf, loadBasedBsfc: true }).efGPerKwh.pm10,
          load[i] as number,
          `${engine} ${location} LF ${lf} PM10`,
        );
      });
    expect(o.count).toBe(42);
  });

  it("calcEF_PM works for Aux engines / Boilers (9 + 9 values)", () => {
    const o = new OracleCounter();
    const pm = (base: number, s: number, bsfc: number) => base + s * bsfc * 2.247 * 7 * 0.0001;
    const auxDiesel = [pm(0.1545, 0.1, 217), pm(0.5761, 0.5, 227), pm(0.1545, 0.1, 217)];
    const aux: [Engine, number[]][] = [
      ["MSD", auxDiesel],
      ["HSD", auxDiesel],
      ["LNG", [0.03, 0.03, 0.03]],
    ];
    const boiler = [pm(0.1545, 0.1, 300), pm(0.5761, 0.5, 305), pm(0.1545, 0.1, 300)];
    for (const [engine, values] of aux)
      LOCATIONS.forEach((location, i) => {
        o.rel(
          ef("aux", engine, location).efGPerKwh.pm10,
          values[i] as number,
          `aux ${engine} ${location} PM10`,
        );
        o.rel(ef("boiler", engine, location).efGPerKwh.pm10, boiler[i] as number, `boiler ${location} PM10`);
      });
    expect(o.count).toBe(18);
  });

  it("calcEF_SO2 works for Main engines (21 baseline + 21 load-based values)", () => {
    const o = new OracleCounter();
    const lfs = [0.06, 0.54, 0.79];
    const S = [0.1, 0.5, 0.1];
    // so2 = BSFC × 2 × 0.97753 × (S/100); gas turbines only run MGO/MDO; LNG: BSFC × 2e-4.
    const so2 = (bsfc: number, s: number) => bsfc * 2 * 0.97753 * (s / 100);
    const rows: [Engine, number[], number[]][] = [
      ["SSD", [185, 195, 185], S],
      ["MSD", [205, 215, 205], S],
      ["MSD-ED", [205, 215, 205], S],
      ["GT", [300, 300, 300], [0.1, 0.1, 0.1]],
      ["ST", [300, 300, 300], [0.1, 0.1, 0.1]],
      ["GT-ED", [300, 300, 300], [0.1, 0.1, 0.1]],
    ];
    for (const [engine, bsfc, s] of rows)
      LOCATIONS.forEach((location, i) => {
        const b = bsfc[i] as number;
        const si = s[i] as number;
        const lf = lfs[i] as number;
        o.rel(ef("main", engine, location).efGPerKwh.so2, so2(b, si), `${engine} ${location} SO2`);
        o.rel(
          ef("main", engine, location, { loadFactor: lf, loadBasedBsfc: true }).efGPerKwh.so2,
          so2(loadBsfc(lf, b), si),
          `${engine} ${location} LF ${lf} SO2`,
        );
      });
    LOCATIONS.forEach((location, i) => {
      const lf = lfs[i] as number;
      o.rel(ef("main", "LNG", location).efGPerKwh.so2, 166 * 2e-4, `LNG ${location} SO2`);
      o.rel(
        ef("main", "LNG", location, { loadFactor: lf, loadBasedBsfc: true }).efGPerKwh.so2,
        loadBsfc(lf, 166) * 2e-4,
        `LNG ${location} LF ${lf} SO2`,
      );
    });
    expect(o.count).toBe(42);
  });

  it("calcEF_SO2 Auxiliary works / Boiler works (9 + 9 values)", () => {
    const o = new OracleCounter();
    const S = [0.1, 0.5, 0.1];
    const so2 = (bsfc: number, s: number) => bsfc * 2 * 0.97753 * (s / 100);
    const auxBsfc = [217, 227, 217];
    const boilerBsfc = [300, 305, 300];
    for (const engine of ["MSD", "HSD", "LNG"] as Engine[])
      LOCATIONS.forEach((location, i) => {
        const expectedAux = engine === "LNG" ? 166 * 2e-4 : so2(auxBsfc[i] as number, S[i] as number);
        o.rel(ef("aux", engine, location).efGPerKwh.so2, expectedAux, `aux ${engine} ${location} SO2`);
        o.rel(
          ef("boiler", engine, location).efGPerKwh.so2,
          so2(boilerBsfc[i] as number, S[i] as number),
          `boiler ${location} SO2`,
        );
      });
    expect(o.count).toBe(18);
  });
});

describe("EPA ShipEF testShipInfoCalculations.r", () => {
  it("calcTier works (28 values)", () => {
    const engines: Engine[] = ["SSD", "MSD", "MSD-ED", "LNG", "GT", "ST", "GT-ED"];
    const years = [1999, 2005, 2014, 2017];
    const expected = [...Array(7).fill(0), 1, 1, 1, 0, 0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 3, 3, 3, 0, 0, 0, 0];
    let n = 0;
    years.forEach((year, y) => {
      engines.forEach((engine, e) => {
        expect(assignTier(engine, year).tier, `${engine} ${year}`).toBe(expected[y * 7 + e]);
        n++;
      });
    });
    expect(n).toBe(28);
  });

  it("calcEngineType works for Main Engines (12 values; particulars.ts deriveEngineType)", () => {
    const propulsion = [
      "Oil Engine(s), Direct Drive",
      "Oil Engine(s), Electric Drive",
      "Steam Recip(s), Direct Drive",
      "Gas Turbine(s), Geared Drive",
    ];
    const strokes = [4, 2, null] as const;
    const rpm = [null, null, 350, null, null, 600, 450, null, 500, null, null, null];
    const expected = ["MSD", "SSD", "SSD", "MSD-ED", "SSD", "MSD-ED", "ST", "ST", "ST", "GT", "GT", "GT"];
    expected.forEach((e, i) => {
      expect(
        deriveEngineType(propulsion[Math.floor(i / 3)] as string, strokes[i % 3] ?? null, rpm[i] ?? null),
        `case ${i + 1}`,
      ).toBe(e);
    });
  });
});

describe("EPA ShipEF testWrapperFunction.r (calcEF): the parts agree with the components", () => {
  // EPA's wrapper tests compare calcEF with calcEF_HC, _CO2, … for five engines; we assert the
  // same combinations against the component formulas written out here.
  const so2 = (bsfc: number, s: number) => bsfc * 2 * 0.97753 * (s / 100);
  const pmDiesel = (base: number, s: number, bsfc: number) => base + s * bsfc * 2.247 * 7 * 0.0001;

  it("calcEF EF Baseline works for Main Engines (5 engines × 7 pollutants)", () => {
    const o = new OracleCounter();
    const cases: [Engine, OgvLocation, ImoTier, Record<string, number>][] = [
      [
        "SSD",
        "OutsideECA",
        2,
        { hc: 0.6, co2: 607.23, co: 1.4, nox: 15.3, so2: so2(195, 0.5), pm10: pmDiesel(0.5761, 0.5, 195) },
      ],
      [
        "MSD",
        "ECA",
        3,
        { hc: 0.5, co2: 657.23, co: 1.1, nox: 2.6, so2: so2(205, 0.1), pm10: pmDiesel(0.1545, 0.1, 205) },
      ],
      ["ST", "GreatLakes", 0, { hc: 0.1, co2: 961.8, co: 0.2, nox: 2.0, so2: so2(300, 0.1), pm10: 0.16 }],
      ["GT", "ECA", 0, { hc: 0.1, co2: 961.8, co: 0.2, nox: 5.7, so2: so2(300, 0.1), pm10: 0.01 }],
      ["LNG", "OutsideECA", 0, { hc: 0, co2: 456.5, co: 1.3, nox: 1.3, so2: 166 * 2e-4, pm10: 0.03 }],
    ];
    for (const [engine, location, tier, exp] of cases) {
      const a = ef("main", engine, location, { tier }).efGPerKwh;
      for (const p of ["hc", "co2", "co", "nox", "so2", "pm10"] as const)
        o.rel(a[p], exp[p] as number, `${engine} ${p}`);
      o.rel(a.pm25, 0.92 * (exp.pm10 as number), `${engine} pm2.5`);
    }
    expect(o.count).toBe(35);
  });

  it("calcEF EF Load Based works for Main Engines (5 × 7)", () => {
    const o = new OracleCounter();
    const cases: [Engine, OgvLocation, ImoTier, number, Record<string, number>][] = [
      [
        "SSD",
        "OutsideECA",
        1,
        0.284596685,
        { bsfc: 195, cf: 3.114, s: 0.5, base: 0.5761, nox: 17, hc: 0.6, co: 1.4 },
      ],
      [
        "MSD",
        "GreatLakes",
        3,
        0.521665062,
        { bsfc: 205, cf: 3.206, s: 0.1, base: 0.1545, nox: 2.6, hc: 0.5, co: 1.1 },
      ],
      ["ST", "ECA", 0, 0.766855145, { bsfc: 300, cf: 3.206, s: 0.1, fixed: 0.16, nox: 2, hc: 0.1, co: 0.2 }],
      [
        "GT",
        "GreatLakes",
        0,
        0.078203076,
        { bsfc: 300, cf: 3.206, s: 0.1, fixed: 0.01, nox: 5.7, hc: 0.1, co: 0.2 },
      ],
      ["LNG", "ECA", 0, 0.708915957249701, { bsfc: 166, cf: 2.75, fixed: 0.03, nox: 1.3, hc: 0, co: 1.3 }],
    ];
    for (const [engine, location, tier, lf, c] of cases) {
      // EPA's wrapper does not pass the load to calcEF_NOx here, so we turn the Tier III rule off
      // by asking at a load where it does not apply for the MSD (0.52 ≥ 0.25).
      const a = ef("main", engine, location, { tier, loadFactor: lf, loadBasedBsfc: true }).efGPerKwh;
      const b = loadBsfc(lf, c.bsfc as number);
      const pm10 = c.fixed ?? pmDiesel(c.base as number, c.s as number, b);
      o.rel(a.hc, c.hc as number, `${engine} hc`);
      o.rel(a.co2, b * (c.cf as number), `${engine} co2`);
      o.rel(a.co, c.co as number, `${engine} co`);
      o.rel(a.nox, c.nox as number, `${engine} nox`);
      o.rel(a.pm25, 0.92 * pm10, `${engine} pm2.5`);
      o.rel(a.pm10, pm10, `${engine} pm10`);
      o.rel(a.so2, engine === "LNG" ? b * 2e-4 : so2(b, c.s as number), `${engine} so2`);
    }
    expect(o.count).toBe(35);
  });

  it("calcEF EF Load LLAF works: EF × LLAF for the same five engines (5 × 6)", () => {
    const o = new OracleCounter();
    const coeff = (p: string) => t.llafCoefficients.get(p) as { a: number; x: number | null; b: number };
    const cases: [Engine, OgvLocation, ImoTier, number, number][] = [
      ["SSD", "OutsideECA", 1, 0.284596685, 0.5],
      ["MSD", "GreatLakes", 3, 0.521665062, 0.1],
      ["ST", "ECA", 0, 0.766855145, 0.1],
      ["GT", "GreatLakes", 0, 0.078203076, 0.1],
      ["LNG", "ECA", 0, 0.708915957249701, 0.1],
    ];
    for (const [engine, location, tier, lf, s] of cases) {
      const a = ef("main", engine, location, { tier, loadFactor: lf });
      const low = lf <= 0.2;
      const m = (p: string) => (low ? llafEquation(coeff(p), lf) : 1);
      o.rel(a.llaf.hc, m("hc"), `${engine} hc`);
      o.rel(a.llaf.co2, m("co2"), `${engine} co2`);
      o.rel(a.llaf.nox, m("nox"), `${engine} nox`);
      o.rel(a.llaf.so2, low ? llafSo2Equation(coeff("so2"), lf, s) : 1, `${engine} so2`);
      o.rel(a.llaf.pm25, m("pm2.5"), `${engine} pm2.5`);
      o.rel(a.llaf.pm10, m("pm10"), `${engine} pm10`);
    }
    expect(o.count).toBe(30);
  });
});

describe("our rules around EPA's", () => {
  it("applies the Tier III low-load rule (ShipEF scrThreshold 0.25) for main engines only", () => {
    expect(ef("main", "SSD", "ECA", { tier: 3, loadFactor: 0.24 }).efGPerKwh.nox).toBe(14.4);
    expect(ef("main", "SSD", "ECA", { tier: 3, loadFactor: 0.25 }).efGPerKwh.nox).toBe(3.4);
    expect(ef("main", "SSD", "ECA", { tier: 3 }).efGPerKwh.nox).toBe(3.4);
    expect(ef("aux", "MSD", "ECA", { tier: 3, loadFactor: 0.1 }).efGPerKwh.nox).toBe(2.6);
  });

  it("maps rows missing from the NOx table to Tier 0 (GT Tier 2 → 5.7)", () => {
    expect(ef("main", "GT", "ECA", { tier: 2 }).efGPerKwh.nox).toBe(5.7);
  });

  it("gives DPM = PM10 for diesel engines and 0 for turbines, LNG and boilers (METHOD.md §1.5)", () => {
    const dpm = (component: Component, engine: Engine) => {
      const set = factorSet(t, { component, engine, location: "OutsideECA", tier: 1 });
      return [set.ef.dpm, set.ef.pm10];
    };
    for (const [c, e] of [
      ["main", "SSD"],
      ["main", "MSD-ED"],
      ["aux", "HSD"],
      ["aux", "MSD"],
    ] as const) {
      const [d, pm] = dpm(c, e);
      expect(d, `${c} ${e}`).toBe(pm);
    }
    for (const [c, e] of [
      ["main", "ST"],
      ["main", "GT-ED"],
      ["main", "LNG"],
      ["aux", "LNG"],
      ["boiler", "MSD"],
    ] as const)
      expect(dpm(c, e)[0], `${c} ${e}`).toBe(0);
    // The factors answer keeps to the contract's keys (no dpm).
    expect(Object.keys(ef("main", "SSD", "ECA").efGPerKwh)).toEqual([
      "nox",
      "hc",
      "co",
      "pm10",
      "pm25",
      "so2",
      "co2",
      "ch4",
      "n2o",
    ]);
  });

  it("CH4 and N2O: EPA 2009 values; LNG from the IMO methane slip and fuel-based N2O", () => {
    const ssd = ef("main", "SSD", "OutsideECA").efGPerKwh;
    expect([ssd.ch4, ssd.n2o]).toEqual([0.012, 0.031]);
    const lng = ef("main", "LNG", "ECA").efGPerKwh;
    expect(lng.ch4).toBe(5.5);
    expectRel(lng.n2o, 166 * 0.00011, "LNG N2O");
    const ss = answerFactorsQuery(t, {
      component: "main",
      engine: "LNG",
      location: "ECA",
      tier: 0,
      lngEngine: "LNG-Otto SS",
    });
    expect(ss.efGPerKwh.ch4).toBe(2.5);
    expect(ef("boiler", "MSD", "OutsideECA").efGPerKwh.n2o).toBe(0.08);
  });

  it("validates a query with zod and rejects engines a component does not have", () => {
    expect(
      FactorsQuerySchema.safeParse({ component: "main", engine: "SSD", location: "ECA", tier: 4 }).success,
    ).toBe(false);
    expect(() => ef("main", "HSD", "ECA")).toThrow(/engine: main engines are/);
    expect(() => ef("aux", "SSD", "ECA")).toThrow(/engine: auxiliary engines are MSD, HSD, LNG/);
  });
});
