/**
 * Regional hydrogen demand against supply by year (Chubu Hydrogen Utilisation Council class
 * study; issue 13). Pure. Demand = the ports' rollout scenarios (t/yr per year, an input array
 * from the scenario engine) + other users entered as lines; supply = lines; gap = supply − demand
 * (negative: not enough hydrogen).
 *
 * A line is a few (year, tonnes) points: between two points the value is interpolated linearly;
 * before the first point it is 0; after the last it is 0 unless the line says `extend: "hold"`
 * (e.g. a plant "from 2020" keeps supplying).
 */
import type { DemandEstimateRow } from "./hydrogen-tables.ts";

export interface YearlyLine {
  name: string;
  kind: "demand" | "supply";
  points: ReadonlyArray<{ year: number; tonnes: number }>;
  extend?: "none" | "hold";
  source?: string;
}

/** A port's scenario output: hydrogen t/yr for consecutive years from `fromYear`. */
export interface PortHydrogenSeries {
  port: string;
  fromYear: number;
  tonnesPerYear: ReadonlyArray<number>;
}

export interface RegionalYearRow {
  year: number;
  portsDemandT: number;
  otherDemandT: number;
  demandT: number;
  supplyT: number;
  /** supply − demand; negative means a shortfall. */
  gapT: number;
  /** Each port's and line's value this year, by name. */
  byLineT: Record<string, number>;
}

/**
 * A line's value in a year (rule in the file comment).
 * Example: points (2030, 0) and (2040, 1,000) → 2035: 500 t; 2041: 0 (or 1,000 with hold).
 */
export function lineValue(line: YearlyLine, year: number): number {
  const pts = [...line.points].sort((a, b) => a.year - b.year);
  if (pts.length === 0) return 0;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  if (year < first.year) return 0;
  if (year > last.year) return line.extend === "hold" ? last.tonnes : 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!;
    if (p.year === year) return p.tonnes;
    const q = pts[i + 1];
    if (q && year > p.year && year < q.year)
      return p.tonnes + ((q.tonnes - p.tonnes) * (year - p.year)) / (q.year - p.year);
  }
  return 0;
}

/**
 * Demand and supply per year from `fromYear` to `toYear` inclusive.
 *
 * Worked example (test): JPNGO scenario 100 t in 2030, 150 t in 2031; Chubu other users
 * (2030, 110,000); a ramp (2030, 0)–(2040, 1,000); supply Tri-Gen 438 t from 2020 (hold).
 * 2030: demand 100 + 110,000 + 0 = 110,100, supply 438, gap −109,662.
 * 2031: demand 150 + 0 + 100 = 250, gap 188.
 */
export function regionalBalance(
  fromYear: number,
  toYear: number,
  ports: ReadonlyArray<PortHydrogenSeries>,
  lines: ReadonlyArray<YearlyLine>,
): RegionalYearRow[] {
  if (!(Number.isInteger(fromYear) && Number.isInteger(toYear) && fromYear <= toYear))
    throw new RangeError("years: whole numbers with from ≤ to");
  const rows: RegionalYearRow[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const byLineT: Record<string, number> = {};
    let portsDemandT = 0;
    for (const p of ports) {
      const v = p.tonnesPerYear[year - p.fromYear] ?? 0;
      const value = year >= p.fromYear ? v : 0;
      byLineT[p.port] = (byLineT[p.port] ?? 0) + value;
      portsDemandT += value;
    }
    let otherDemandT = 0;
    let supplyT = 0;
    for (const l of lines) {
      const v = lineValue(l, year);
      byLineT[l.name] = (byLineT[l.name] ?? 0) + v;
      if (l.kind === "demand") otherDemandT += v;
      else supplyT += v;
    }
    const demandT = portsDemandT + otherDemandT;
    rows.push({ year, portsDemandT, otherDemandT, demandT, supplyT, gapT: supplyT - demandT, byLineT });
  }
  return rows;
}

/**
 * Lines from hydrogen_demand_estimates.csv rows that carry a year: demand rows become one-point
 * lines in their year; supply rows ("supply (not demand)", "from 2020") hold from their year.
 * Rows without a year ("per year" for one truck) are left out — they are unit figures, not lines.
 * `bound` picks the low or high column.
 */
export function linesFromEstimates(
  rows: ReadonlyArray<DemandEstimateRow>,
  bound: "low" | "high" = "high",
): YearlyLine[] {
  const out: YearlyLine[] = [];
  for (const r of rows) {
    const t = bound === "low" ? r.h2TonnesPerYearLow : r.h2TonnesPerYearHigh;
    if (r.year === null || t === null) continue;
    const hold = r.isSupply || /\bfrom\b/i.test(r.horizon);
    out.push({
      name: `${r.area} (${r.scope})`,
      kind: r.isSupply ? "supply" : "demand",
      points: [{ year: r.year, tonnes: t }],
      extend: hold ? "hold" : "none",
      source: `${r.source} (${r.confidence})`,
    });
  }
  return out;
}
