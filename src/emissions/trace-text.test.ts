/**
 * Trace texts: every code the calculators produce renders in Japanese with no English words left
 * (only unit and formula symbols, abbreviations and file names), the English rendering is the
 * API's English string, and the portal's catalogs hold the same texts as the CLI's tables.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateDemoActivity } from "../demo/activity.ts";
import type { TraceStep, TraceText, TraceValue } from "./model.ts";
import { computeNonshipLines } from "./nonship/compute.ts";
import { withMeasuredIdle } from "./nonship/drayage.ts";
import type { NonshipActivity } from "./nonship/model.ts";
import { loadNonshipTables, portGridFactor } from "./nonship/tables-io.ts";
import { CHE_EQUIPMENT_TYPES, CHE_POWERTRAIN_LABELS, DRAYAGE_POWERTRAIN_LABELS } from "./nonship/vocab.ts";
import { type CallActivity, computeCallEmissions } from "./ogv/call.ts";
import { loadOgvTables } from "./ogv/tables-io.ts";
import { containerCall, segment } from "./ogv/test-helpers.ts";
import { EPA_MODES } from "./ogv/types.ts";
import { renderStep, renderTrace, TRACE_CATALOGS, type TraceCode } from "./trace-text.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * ASCII words a Japanese trace text may keep: unit and formula symbols, abbreviations of
 * engines, fuels, pollutants and bodies (SSD, LNG, EPA, IMO…), regulatory tier names and the
 * reference files cited. Anything else (an English word such as "engine", "load", "of") fails.
 */
const ALLOWED = new Set([
  // units and formula symbols
  "g",
  "kg",
  "h",
  "kW",
  "kWh",
  "hp",
  "bhp-hr",
  "lb",
  "L",
  "km",
  "S",
  "LF",
  "DF",
  "min",
  "x",
  // pollutants and substances
  "NOx",
  "PM",
  "PM10",
  "PM2.5",
  "DPM",
  "SO2",
  "CO",
  "HC",
  "CO2",
  "CO2e",
  "CH4",
  "N2O",
  "H2",
  // engines, fuels, bodies, methods
  "SSD",
  "MSD",
  "MSD-ED",
  "HSD",
  "GT",
  "GT-ED",
  "ST",
  "LNG",
  "LPG",
  "CNG",
  "RTG",
  "BSFC",
  "SFC",
  "EPA",
  "IMO",
  "GHG",
  "ShipEF",
  "calcLLAF",
  "Tier",
  "II",
  "III",
  // references and option names
  "ogv_llaf_coefficients.csv",
  "che_deterioration.csv",
  "che_useful_life.csv",
  "nonship",
  "README",
  "imo4",
]);

/**
 * The Japanese words of a text without its data: plain parameters (vessel names, unit ids,
 * terminals, citations) become "〈〉", numbers "0", so only the tables' own words remain.
 */
function ownWords(value: TraceValue): string {
  if (typeof value === "number") return "0";
  if (typeof value === "string") return "〈〉";
  const params: Record<string, TraceValue> = {};
  for (const [k, v] of Object.entries(value.params ?? {})) params[k] = ownWords(v);
  return renderTrace({ code: value.code, params }, "ja");
}

function englishLeft(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9_.+-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
  return words.filter((w) => !ALLOWED.has(w));
}

/** Every text of a step (what, units, source, adjustment names and details that are texts). */
function texts(s: TraceStep): TraceText[] {
  const out = [s.whatText];
  if (s.sourceText) out.push(s.sourceText);
  if (s.activityUnitText) out.push(s.activityUnitText);
  if (s.factorUnitText) out.push(s.factorUnitText);
  for (const a of s.adjustments) {
    out.push(a.text);
    if (a.detail !== undefined && typeof a.detail === "object") out.push(a.detail);
  }
  return out;
}

function codesOf(value: TraceValue, into: Set<string>): void {
  if (typeof value !== "object") return;
  into.add(value.code);
  for (const v of Object.values(value.params ?? {})) codesOf(v, into);
}

// ---------------------------------------------------------------------------------------------
// Real computations: calls with every option that adds an adjustment, and a port's demo year of
// equipment, harbour craft, trucks and rail with variants for the branches the demo does not take.

const ogvTables = loadOgvTables();
const nonshipTables = loadNonshipTables();

/** A container ship of 8,000 TEU built 2018 (Tier III) in, at anchor, at berth and out of Nagoya. */
const CALL: CallActivity = {
  ...containerCall({ used: false, gridKgCo2ePerKwh: null, gridFactorSource: null }),
  port: "JPNGO",
  location: "OutsideECA",
};
CALL.vessel.buildYear = 2018;
CALL.segments = [
  segment("transit", 0, 2, 12),
  segment("at_anchor", 2, 5, 0),
  segment("manoeuvring", 7, 1, 5),
  segment("at_berth", 8, 20, 0),
  segment("reduced_speed_zone", 28, 2, 11),
];

function callSteps(): TraceStep[] {
  const eca = { ...CALL, location: "ECA" as const };
  const runs = [
    computeCallEmissions(ogvTables, CALL),
    computeCallEmissions(ogvTables, eca), // Tier III below 25 % load
    computeCallEmissions(ogvTables, CALL, { llafMethod: "table", loadBasedBsfc: true }),
    computeCallEmissions(ogvTables, CALL, { method: "imo4" }),
  ];
  return runs.flatMap((r) => r.segments.flatMap((s) => s.trace));
}

/** One record per distinct kind of the demo year, plus variants for the remaining branches. */
function nonshipActivity(): NonshipActivity {
  const demo = generateDemoActivity({ seed: 1, port: "USLAX", year: 2026 });
  const firstOf = <T>(rows: T[], key: (r: T) => string): T[] => {
    const seen = new Map<string, T>();
    for (const r of rows) if (!seen.has(key(r))) seen.set(key(r), r);
    return [...seen.values()];
  };
  const che = firstOf(demo.che, (r) => `${r.equipmentType}|${r.powertrain}`);
  const diesel = che.find((r) => r.powertrain === "diesel" && r.equipmentType === "yard_tractor")!;
  che.push(
    // A whole-year row with metered fuel, an hour meter and its own load factor.
    {
      ...diesel,
      unitId: "YT-JA-1",
      month: null,
      hours: 2000,
      fuelL: 30_000,
      cumulativeHoursStart: 9000,
      loadFactor: 0.5,
      loadFactorSource: "operator survey",
    },
    // A power with no median-life band of its own (600–1,000 hp is a gap for material handling).
    { ...diesel, unitId: "YT-JA-2", equipmentType: "top_handler", ratedHp: 800, ratedKw: null },
  );
  // A fuel-cell unit without a hydrogen pathway (the default option's pathway is used).
  const fuelCell = che.find((r) => r.powertrain === "fuel_cell")!;
  che.push({ ...fuelCell, unitId: "FC-JA-4", hydrogenPathway: null, hydrogenKg: 100 });
  // A CNG unit with a g/kWh user factor (the demo's gas units use g/bhp-hr).
  const lpg = che.find((r) => r.powertrain === "lpg")!;
  che.push({ ...lpg, unitId: "FL-JA-3", powertrain: "cng" });
  const factors = [
    ...demo.factors,
    ...(["nox", "pm10", "so2", "co", "hc", "co2"] as const).map((pollutant) => ({
      category: "che" as const,
      key: "CNG",
      pollutant,
      value: 1,
      unit: "g/kWh" as const,
      source: "test",
    })),
  ];
  const harborCraft = firstOf(demo.harborCraft, (r) => `${r.vesselType}|${r.engineUse}|${r.engineId}`);
  harborCraft.push({ ...harborCraft[0]!, month: null, engineId: "port main" });
  const drayage = firstOf(demo.drayage, (r) => `${r.powertrain}|${r.modelYearGroup}`);
  const dieselTrucks = drayage.find((r) => r.powertrain === "diesel")!;
  drayage.push(
    { ...dieselTrucks, terminal: "km-terminal", oneWayMi: null, oneWayKm: 8 },
    // Idle measured at the gate (operations' turn times) in place of the assumption.
    ...withMeasuredIdle(
      [{ ...dieselTrucks, terminal: "measured-terminal" }],
      [
        {
          terminal: "measured-terminal",
          year: dieselTrucks.year,
          month: dieselTrucks.month,
          timedVisits: 900,
          idleMinPerVisit: 52.25,
        },
      ],
    ),
  );
  const rail = firstOf(demo.rail, (r) => `${r.service}|${r.hours === null}`);
  rail.push(
    { ...rail[0]!, hours: null, fuelGal: null, fuelL: 5000, locomotiveId: "GP-1" },
    { ...rail[0]!, hours: 100, ratedHp: null, ratedKw: 2000, fuelGal: null, fuelL: null },
  );
  return { che, harborCraft, drayage, rail, factors };
}

function nonshipSteps(): TraceStep[] {
  const r = computeNonshipLines(nonshipTables, nonshipActivity(), {
    port: "USLAX",
    gwp: "AR5",
    wellToWheel: true,
    defaultHydrogenPathway: "grey-smr",
    gridFactor: portGridFactor("USLAX", nonshipTables),
  });
  return r.lines.flatMap((l) => l.trace ?? []);
}

describe("trace texts", () => {
  const steps = [...callSteps(), ...nonshipSteps()];

  it("every what, unit and adjustment text of real computations reads in Japanese", () => {
    expect(steps.length).toBeGreaterThan(500);
    const problems = new Set<string>();
    for (const s of steps)
      for (const t of texts(s)) {
        const ja = ownWords(t);
        const left = englishLeft(ja);
        if (left.length > 0) problems.add(`${t.code}: "${ja}" keeps ${left.join(", ")}`);
      }
    expect([...problems]).toEqual([]);
  });

  it("every code of the tables is produced by a computation above", () => {
    const used = new Set<string>();
    for (const s of steps) for (const t of texts(s)) codesOf(t, used);
    // Vocabulary the demo does not hold (a label of every id is checked against vocab.ts below).
    const vocab = /^(cheEquipment|chePowertrain|drayagePowertrain|railService|pollutant|epaMode|engineUse)\./;
    // "gal" is a line's activity unit (emissions trace, the sources table), not a step's.
    const unused = Object.keys(TRACE_CATALOGS.en).filter(
      (c) => !used.has(c) && !vocab.test(c) && c !== "unit.galUnit",
    );
    expect(unused).toEqual([]);
  });

  it("the Japanese rendering of a real call reads as expected", () => {
    const s = computeCallEmissions(ogvTables, CALL).segments[3]!.trace.find(
      (x) => x.what.startsWith("aux") && x.pollutant === "nox",
    )!;
    expect(s.what).toBe("aux engine MSD, Berth");
    const ja = renderStep(s, "ja");
    expect(ja.what).toBe("補機 MSD、係留（着岸）中");
    const main = computeCallEmissions(ogvTables, CALL).segments[0]!.trace.find(
      (x) => x.what.startsWith("main") && x.pollutant === "nox",
    )!;
    const i = main.adjustments.findIndex((a) => a.text.code === "adj.llaf");
    expect(main.adjustments[i]!.name).toBe(
      "LLAF nox (ogv_llaf_coefficients.csv (EPA equation, ShipEF calcLLAF))",
    );
    expect(renderStep(main, "ja").adjustments[i]!.name).toBe(
      "低負荷補正係数 NOx（ogv_llaf_coefficients.csv（EPA の式、ShipEF calcLLAF））",
    );
  });

  it("the English rendering is the API's English string", () => {
    for (const s of steps) {
      const en = renderStep(s, "en");
      expect(en.what).toBe(s.what);
      expect(en.activityUnit).toBe(s.activityUnit);
      expect(en.factorUnit).toBe(s.factorUnit);
      expect(en.adjustments.map((a) => a.name)).toEqual(s.adjustments.map((a) => a.name));
      expect(en.source).toBe(s.source);
    }
  });

  it("English vocabulary texts are vocab.ts's labels; every EPA mode has its text", () => {
    const en = TRACE_CATALOGS.en as Record<string, string>;
    for (const t of CHE_EQUIPMENT_TYPES) expect(en[`cheEquipment.${t.id}`]).toBe(t.label);
    for (const [k, v] of Object.entries(CHE_POWERTRAIN_LABELS)) expect(en[`chePowertrain.${k}`]).toBe(v);
    for (const [k, v] of Object.entries(DRAYAGE_POWERTRAIN_LABELS))
      expect(en[`drayagePowertrain.${k}`]).toBe(v);
    for (const m of EPA_MODES) expect(en[`epaMode.${m}`]).toBeTruthy();
  });

  it("both languages have the same codes and placeholders, none empty", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const { en, ja } = TRACE_CATALOGS;
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const code of Object.keys(en) as TraceCode[]) {
      expect(ja[code].trim(), code).not.toBe("");
      expect(names(ja[code]), code).toEqual(names(en[code]));
    }
  });

  it("the portal's catalogs hold the same texts (emissions.trace, {{name}} placeholders)", () => {
    for (const lang of ["en", "ja"] as const) {
      const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, "web/src/i18n", `${lang}.json`), "utf8"));
      const flat: Record<string, string> = {};
      const walk = (o: Record<string, unknown>, prefix: string) => {
        for (const [k, v] of Object.entries(o))
          if (typeof v === "object" && v !== null) walk(v as Record<string, unknown>, `${prefix}${k}.`);
          else flat[`${prefix}${k}`] = String(v);
      };
      walk(catalog.emissions.trace, "");
      const expected = Object.fromEntries(
        Object.entries(TRACE_CATALOGS[lang]).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, "{{$1}}")]),
      );
      expect(flat).toEqual(expected);
    }
  });
});
