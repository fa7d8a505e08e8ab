/**
 * 100-year global warming potentials (data/reference/emissions/gwp.csv: AR4, AR5, AR6), read once
 * for every calculator. CO2e = CO2 + GWP_CH4 × CH4 + GWP_N2O × N2O.
 */

import { referenceNumber, referenceRecords } from "../core/csv.ts";
import { GWP_SETS, type GwpSet } from "./model.ts";

export const GWP_FILE = "gwp.csv";

export interface GwpValues {
  ch4: number;
  n2o: number;
  /** The rows and values used, e.g. "gwp.csv: lines 3, 4 — AR5 CH4 28, N2O 265". */
  source: string;
}

export function parseGwpTable(text: string): Record<GwpSet, GwpValues> {
  const rows = referenceRecords(text, GWP_FILE);
  const ch4 = rows.find((r) => r.get("gas") === "CH4");
  const n2o = rows.find((r) => r.get("gas") === "N2O");
  if (!ch4 || !n2o) throw new Error(`${GWP_FILE}: CH4 and N2O rows needed`);
  const out = {} as Record<GwpSet, GwpValues>;
  for (const set of GWP_SETS) {
    const column = `${set.toLowerCase()}_gwp100`;
    out[set] = {
      ch4: referenceNumber(ch4, column, GWP_FILE),
      n2o: referenceNumber(n2o, column, GWP_FILE),
      source: `${GWP_FILE}: lines ${ch4.line}, ${n2o.line} — ${set} CH4 ${ch4.get(column)}, N2O ${n2o.get(column)}`,
    };
  }
  return out;
}
