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
import { userCsv } from "../core/csv.ts";
import type { FieldIssue } from "../core/errors.ts";
import { emptyIngestCounts, type IngestCounts } from "../core/ingest.ts";
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

export interface ParsedLines {
  lines: YearlyLine[];
  counts: IngestCounts;
  issues: FieldIssue[];
}

/**
 * Lines entered by a user as CSV `name,kind,year,tonnes[,extend][,source]`, one point per row
 * (kind demand|supply, extend none|hold); rows of one name make one line (its kind from its
 * first row; it holds after its last point if any row says hold). A bad row is rejected with file, line, field and reason; a second row for
 * the same name and year is a duplicate.
 * Example: "name,kind,year,tonnes\nsteel,demand,2030,500\nsteel,demand,2040,2000" → one line
 * "steel" with two points (2035: 1,250 t).
 */
export function parseYearlyLinesCsv(text: string, file: string): ParsedLines {
  const counts = emptyIngestCounts();
  const issues: FieldIssue[] = [];
  const csv = userCsv(text, ["name", "kind", "year", "tonnes"], false);
  if (csv.missing.length > 0) {
    issues.push({
      file,
      line: 1,
      field: "header",
      reason: `columns missing: ${csv.missing.join(", ")} (name,kind,year,tonnes[,extend][,source])`,
    });
    return { lines: [], counts, issues };
  }
  const byName = new Map<string, YearlyLine & { points: { year: number; tonnes: number }[] }>();
  const bad = (line: number, field: string, reason: string, code: string) => {
    counts.rejected++;
    counts.rejectedByReason[code] = (counts.rejectedByReason[code] ?? 0) + 1;
    issues.push({ file, line, field, reason });
  };
  counts.read = csv.lines;
  for (const b of csv.bad) bad(b.line, "row", b.reason, "bad_csv");
  for (const { line: lineNo, get } of csv.records) {
    const name = get("name");
    const kind = get("kind").toLowerCase();
    const year = Number(get("year"));
    const tonnes = get("tonnes") === "" ? Number.NaN : Number(get("tonnes"));
    const extend = get("extend").toLowerCase() || "none";
    if (name === "") bad(lineNo, "name", "empty", "missing_name");
    else if (kind !== "demand" && kind !== "supply")
      bad(lineNo, "kind", `"${get("kind")}" is not demand or supply`, "bad_kind");
    else if (!(Number.isInteger(year) && year >= 1990 && year <= 2100))
      bad(lineNo, "year", `"${get("year")}" is not a year 1990 … 2100`, "bad_year");
    else if (!(tonnes >= 0)) bad(lineNo, "tonnes", `"${get("tonnes")}" is not a number ≥ 0`, "bad_tonnes");
    else if (extend !== "none" && extend !== "hold")
      bad(lineNo, "extend", `"${get("extend")}" is not none or hold`, "bad_extend");
    else {
      let line = byName.get(name);
      if (!line) {
        line = { name, kind, points: [], extend, ...(get("source") ? { source: get("source") } : {}) };
        byName.set(name, line);
      }
      if (extend === "hold") line.extend = "hold";
      if (line.source === undefined && get("source")) line.source = get("source");
      if (line.points.some((p) => p.year === year)) {
        counts.duplicates++;
        continue;
      }
      line.points.push({ year, tonnes });
      counts.accepted++;
    }
  }
  return { lines: [...byName.values()], counts, issues };
}
