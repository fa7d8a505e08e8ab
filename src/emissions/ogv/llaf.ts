/**
 * Low-load adjustment of propulsion-engine emission factors (METHOD.md §1.6): EPA's equation
 * (ShipEF calcLLAF, the default) or the published table (ogv_llaf_table.csv). Pure.
 */
import type { TraceValue } from "../model.ts";
import { traceText } from "../trace-text.ts";
import type { Component, EfEngine, EfRecord, LlafCoefficients, OgvTables } from "./types.ts";

export const LLAF_METHODS = ["equation", "table"] as const;
export type LlafMethod = (typeof LLAF_METHODS)[number];

/** The adjustment applies at and below 20 % load; EPA's equation is normalised to 1 there. */
export const LLAF_MAX_LF = 0.2;

/** Table users clamp the load to at least 2 %, the table's first row (Hackathon method, METHOD.md §1.6). */
export const LLAF_TABLE_MIN_PCT = 2;

/**
 * Electric-drive engines (MSD-ED, GT-ED) can shut down gensets instead of running at low load,
 * so ShipEF gives them no adjustment.
 */
const NO_LLAF_ENGINES: readonly EfEngine[] = ["MSD-ED", "GT-ED"];

/**
 * Whether a low-load multiplier other than 1 applies: propulsion engines only, not electric drive,
 * and only for 0 < LF ≤ 0.20 (LF 0 is hotelling).
 */
export function llafApplies(component: Component, engine: EfEngine, loadFactor: number): boolean {
  return (
    component === "main" && !NO_LLAF_ENGINES.includes(engine) && loadFactor > 0 && loadFactor <= LLAF_MAX_LF
  );
}

/**
 * EPA equation (a·LF^−x + b) / (a·0.2^−x + b).
 * Example: NOx (a 0.1255, x 1.5, b 10.4496) at LF 0.05 → 1.8287.
 */
export function llafEquation(c: LlafCoefficients, loadFactor: number): number {
  const x = c.x ?? 1;
  return (c.a * loadFactor ** -x + c.b) / (c.a * LLAF_MAX_LF ** -x + c.b);
}

/**
 * EPA's SO2 form (C3 RIA Eq. 3-26, ShipEF calcLLAF) with sulfur S in %:
 * (a·(14.1205/LF + 205.7169)·S + b) / (a·(14.1205/0.2 + 205.7169)·S + b).
 * Example: a 2.3735, b −0.4792, S 0.1, LF 0.02 → 3.3165.
 */
export function llafSo2Equation(c: LlafCoefficients, loadFactor: number, sulfurPct: number): number {
  return (
    (c.a * (14.1205 / loadFactor + 205.7169) * sulfurPct + c.b) /
    (c.a * (14.1205 / LLAF_MAX_LF + 205.7169) * sulfurPct + c.b)
  );
}

function coefficient(tables: OgvTables, pollutant: string): LlafCoefficients {
  const c = tables.llafCoefficients.get(pollutant);
  // parseOgvTables checks every pollutant has a row.
  if (!c) throw new Error(`ogv_llaf_coefficients.csv: no ${pollutant}`);
  return c;
}

/**
 * Low-load multipliers for every pollutant, written into `out` (1 where none applies). N2O uses
 * the NOx multipliers and CH4 the HC multipliers (the table's convention); DPM follows PM10.
 * The table method rounds the load to a whole percent and clamps it to at least 2 %.
 * Example: main SSD at LF 0.02, ECA (S 0.1 %), equation → nox 4.6251, hc 21.1800, co 9.6793,
 * pm10 7.2916, so2 3.3165, co2 3.2834 (the table's 2 % row: 4.63, 21.18, 9.68, 7.29, 3.36, 3.28).
 */
export function lowLoadMultipliers(
  tables: OgvTables,
  method: LlafMethod,
  component: Component,
  engine: EfEngine,
  loadFactor: number,
  sulfurPct: number,
  out: EfRecord,
): EfRecord {
  if (!llafApplies(component, engine, loadFactor)) {
    out.nox = out.hc = out.co = out.pm10 = out.pm25 = out.dpm = out.so2 = out.co2 = out.ch4 = out.n2o = 1;
    return out;
  }
  if (method === "table") {
    const pct = Math.max(LLAF_TABLE_MIN_PCT, Math.round(loadFactor * 100));
    const row = tables.llafTable[pct];
    if (!row) throw new Error(`ogv_llaf_table.csv: no row for ${pct} %`);
    out.nox = row.nox;
    out.hc = row.hc;
    out.co = row.co;
    out.pm10 = out.pm25 = out.dpm = row.pm;
    out.so2 = row.so2;
    out.co2 = row.co2;
    out.n2o = row.n2o;
    out.ch4 = row.ch4;
    return out;
  }
  out.nox = out.n2o = llafEquation(coefficient(tables, "nox"), loadFactor);
  out.hc = out.ch4 = llafEquation(coefficient(tables, "hc"), loadFactor);
  out.co = llafEquation(coefficient(tables, "co"), loadFactor);
  out.pm10 = out.dpm = llafEquation(coefficient(tables, "pm10"), loadFactor);
  out.pm25 = llafEquation(coefficient(tables, "pm2.5"), loadFactor);
  out.so2 = llafSo2Equation(coefficient(tables, "so2"), loadFactor, sulfurPct);
  out.co2 = llafEquation(coefficient(tables, "co2"), loadFactor);
  return out;
}

/** Where a multiplier comes from, for the trace: the table row, or the equation's text. */
export function llafSource(method: LlafMethod, loadFactor: number): TraceValue {
  if (method === "table") {
    const pct = Math.max(LLAF_TABLE_MIN_PCT, Math.round(loadFactor * 100));
    return `ogv_llaf_table.csv: ${pct}`;
  }
  return LLAF_EQUATION_TEXT;
}

const LLAF_EQUATION_TEXT = traceText("detail.llafEquation");
