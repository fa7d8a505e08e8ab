/**
 * The inventory proper: a port's reporting year, and lines (one source, one month) summed by
 * category, month, terminal and scope. Pure: settings come in as text, lines from the calculators.
 *
 * Reporting years follow each port's practice (port_emissions_settings.csv): calendar years for Los
 * Angeles (CAAP inventories), April–March fiscal years for Nagoya (CNP's FY2013 baseline). Months are
 * calendar months in the port's time zone.
 */

import { referenceRecords } from "../core/csv.ts";
import { type YearMonth, zonedMidnightUtcS } from "../core/time.ts";
import {
  addPollutants,
  EMISSION_SCOPES,
  type EmissionScope,
  type InventoryLine,
  type PollutantGrams,
  SOURCE_CATEGORIES,
  type SourceCategory,
  zeroPollutants,
} from "./model.ts";

export type OgvFuelLocation = "ECA" | "OutsideECA" | "GreatLakes";

export type { YearMonth };

export interface SettingWithSource<T> {
  value: T;
  source: string;
}

/** How one port builds its inventory; every value with the reason it was chosen. */
export interface PortEmissionSettings {
  port: string;
  reportingYearStartMonth: SettingWithSource<number>;
  ogvFuelLocation: SettingWithSource<OgvFuelLocation>;
  shorePowerUse: SettingWithSource<"capable_vessels" | "none">;
  /** Which greenhouse-gas measure the port's targets count: CO2e (CAAP) or CO2 (CNP). */
  ghgBasis: SettingWithSource<"co2e" | "co2">;
  targetPrograms: string[];
  zeTargetMetrics: string[];
}

export const PORT_SETTINGS_FILE = "port_emissions_settings.csv";

/** Parses port_emissions_settings.csv (shipped with us: a malformed row throws with its line). */
export function parsePortEmissionSettings(text: string): Map<string, PortEmissionSettings> {
  const partial = new Map<string, Partial<PortEmissionSettings> & { port: string }>();
  for (const r of referenceRecords(text, PORT_SETTINGS_FILE)) {
    const [port, setting, value] = [r.get("port"), r.get("setting"), r.get("value")];
    const src = `${PORT_SETTINGS_FILE}: ${port} ${setting} (${r.get("confidence")}) — ${r.get("source")}`;
    let s = partial.get(port);
    if (!s) {
      s = { port, targetPrograms: [], zeTargetMetrics: [] };
      partial.set(port, s);
    }
    const bad = () => new Error(`${PORT_SETTINGS_FILE}: line ${r.line}: ${setting} cannot be "${value}"`);
    switch (setting) {
      case "reporting_year_start_month": {
        const m = Number(value);
        if (!Number.isInteger(m) || m < 1 || m > 12) throw bad();
        s.reportingYearStartMonth = { value: m, source: src };
        break;
      }
      case "ogv_fuel_location":
        if (value !== "ECA" && value !== "OutsideECA" && value !== "GreatLakes") throw bad();
        s.ogvFuelLocation = { value, source: src };
        break;
      case "shore_power_use":
        if (value !== "capable_vessels" && value !== "none") throw bad();
        s.shorePowerUse = { value, source: src };
        break;
      case "grid_co2e_basis":
        if (value !== "co2e" && value !== "co2") throw bad();
        s.ghgBasis = { value, source: src };
        break;
      case "target_program":
        s.targetPrograms?.push(value);
        break;
      case "ze_target_metric":
        s.zeTargetMetrics?.push(value);
        break;
      default:
        throw new Error(`${PORT_SETTINGS_FILE}: line ${r.line}: unknown setting ${setting}`);
    }
  }
  const out = new Map<string, PortEmissionSettings>();
  for (const [port, s] of partial) {
    if (!s.reportingYearStartMonth || !s.ogvFuelLocation || !s.shorePowerUse || !s.ghgBasis)
      throw new Error(`${PORT_SETTINGS_FILE}: ${port} lacks one of the required settings`);
    out.set(port, s as PortEmissionSettings);
  }
  return out;
}

/** A port's reporting year: its label, its 12 calendar months and its bounds in UTC. */
export interface ReportingYear {
  port: string;
  year: number;
  /** "2025" for a calendar year; "FY2025" for a fiscal year starting in its named calendar year. */
  label: string;
  months: YearMonth[];
  /** UTC instant of local midnight starting each month (12 entries). */
  monthStartsS: number[];
  fromS: number;
  toS: number;
  /** First and last local day, e.g. "2025-04-01" and "2026-03-31". */
  firstDay: string;
  lastDay: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Example: Nagoya (fiscal year from April, Asia/Tokyo), 2025 → FY2025, April 2025 – March 2026,
 * from 2025-03-31T15:00Z to 2026-03-31T15:00Z.
 */
export function reportingYear(settings: PortEmissionSettings, timeZone: string, year: number): ReportingYear {
  const start = settings.reportingYearStartMonth.value;
  const months: YearMonth[] = [];
  for (let i = 0; i < 12; i++) {
    const m0 = start - 1 + i;
    months.push({ year: year + Math.floor(m0 / 12), month: (m0 % 12) + 1 });
  }
  const first = months[0] as YearMonth;
  const last = months[11] as YearMonth;
  const endYear = last.month === 12 ? last.year + 1 : last.year;
  const endMonth = last.month === 12 ? 1 : last.month + 1;
  const lastDate = new Date(Date.UTC(endYear, endMonth - 1, 0));
  return {
    port: settings.port,
    year,
    label: start === 1 ? String(year) : `FY${year}`,
    months,
    monthStartsS: months.map((m) => zonedMidnightUtcS(m.year, m.month, 1, timeZone)),
    fromS: zonedMidnightUtcS(first.year, first.month, 1, timeZone),
    toS: zonedMidnightUtcS(endYear, endMonth, 1, timeZone),
    firstDay: `${first.year}-${pad2(first.month)}-01`,
    lastDay: `${last.year}-${pad2(last.month)}-${pad2(lastDate.getUTCDate())}`,
  };
}

/** The reporting year a calendar month belongs to. Example: Nagoya, March 2026 → 2025 (FY2025). */
export function reportingYearOfMonth(settings: PortEmissionSettings, ym: YearMonth): number {
  return ym.month >= settings.reportingYearStartMonth.value ? ym.year : ym.year - 1;
}

// ---------------------------------------------------------------------------------------------
// Summaries

export interface CategoryTotal {
  category: SourceCategory;
  sources: number;
  activity: { amount: number; unit: string }[];
  grams: PollutantGrams;
}

export interface ScopeSummary {
  total: PollutantGrams;
  byCategory: CategoryTotal[];
  /** One entry per month of the reporting year, in order (zeros where nothing was emitted). */
  byMonth: (YearMonth & { grams: PollutantGrams })[];
  byTerminal: { terminal: string | null; grams: PollutantGrams }[];
}

export interface InventorySummary {
  lines: number;
  scopes: Record<EmissionScope, ScopeSummary>;
}

/** Sums lines into per-scope totals by category, month and terminal (lines outside the year are ignored). */
export function summarizeLines(lines: Iterable<InventoryLine>, year: ReportingYear): InventorySummary {
  const monthIndex = new Map(year.months.map((m, i) => [m.year * 100 + m.month, i]));
  const make = (): {
    total: PollutantGrams;
    cat: Map<SourceCategory, { sources: Set<string>; activity: Map<string, number>; grams: PollutantGrams }>;
    months: PollutantGrams[];
    term: Map<string | null, PollutantGrams>;
  } => ({
    total: zeroPollutants(),
    cat: new Map(),
    months: year.months.map(() => zeroPollutants()),
    term: new Map(),
  });
  const acc = Object.fromEntries(EMISSION_SCOPES.map((s) => [s, make()])) as Record<
    EmissionScope,
    ReturnType<typeof make>
  >;
  let count = 0;
  for (const line of lines) {
    const mi = monthIndex.get(line.year * 100 + line.month);
    if (mi === undefined) continue;
    count++;
    const a = acc[line.scope];
    addPollutants(a.total, line.grams);
    addPollutants(a.months[mi] as PollutantGrams, line.grams);
    let c = a.cat.get(line.category);
    if (!c) {
      c = { sources: new Set(), activity: new Map(), grams: zeroPollutants() };
      a.cat.set(line.category, c);
    }
    c.sources.add(line.sourceId);
    c.activity.set(line.activityUnit, (c.activity.get(line.activityUnit) ?? 0) + line.activity);
    addPollutants(c.grams, line.grams);
    let t = a.term.get(line.terminal);
    if (!t) {
      t = zeroPollutants();
      a.term.set(line.terminal, t);
    }
    addPollutants(t, line.grams);
  }
  const scopes = {} as Record<EmissionScope, ScopeSummary>;
  for (const s of EMISSION_SCOPES) {
    const a = acc[s];
    scopes[s] = {
      total: a.total,
      byCategory: SOURCE_CATEGORIES.filter((c) => a.cat.has(c)).map((category) => {
        const c = a.cat.get(category) as {
          sources: Set<string>;
          activity: Map<string, number>;
          grams: PollutantGrams;
        };
        return {
          category,
          sources: c.sources.size,
          activity: [...c.activity].map(([unit, amount]) => ({ amount, unit })),
          grams: c.grams,
        };
      }),
      byMonth: year.months.map((m, i) => ({ ...m, grams: a.months[i] as PollutantGrams })),
      byTerminal: [...a.term]
        .map(([terminal, grams]) => ({ terminal, grams }))
        .sort((x, y) => y.grams.co2 - x.grams.co2),
    };
  }
  return { lines: count, scopes };
}
