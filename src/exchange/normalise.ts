/**
 * Normalisation on display (issue 15): two ports' figures made comparable before they are set side
 * by side — units, the year each port reports in, the zone its months are in, and money. Pure, no I/O.
 *
 * Why here and not in web/src/format.ts: the server needs the same rules to pick the months of a
 * fiscal year out of the packages (the side-by-side route filters cells by month), and the CLI will
 * need them for the joint report; format.ts only prints the numbers this module gives it.
 *
 * Reporting years. Japan's fiscal year runs from 1 April to 31 March and is named by the calendar
 * year it starts in (Public Finance Act, 財政法 art. 11; the national target "−46 % in FY2030 vs
 * FY2013" and the Chubu Electric factors "FY2011–13" in ../shared/reference/emissions/METHOD.md and
 * electricity_co2_japan.csv are in it): FY2026 = 2026-04 … 2027-03. The Port of Los Angeles reports
 * its inventories and volumes by calendar year ("inventory_year" in pola_progress_vs_2005.csv;
 * "Container volume by year (TEU, calendar year)" in port-community-systems.md §5.1); the US federal
 * fiscal year (October–September) is not used by it, so a "fiscal" basis for USLAX is its calendar year.
 */
import { convertMass } from "../core/units.ts";

export type YearBasis = "calendar" | "fiscal";
export type MassDisplayUnit = "t" | "short_ton";

interface PortConvention {
  /** The month (1–12) the port's reporting year starts in. */
  fiscalStartMonth: number;
  timeZone: string;
  currency: string;
}

/**
 * Reporting conventions by country (the first two letters of the UN/LOCODE). JP: fiscal year from
 * April (財政法 art. 11); US: the Port of LA's inventories are calendar years (see the file comment).
 * Zones are the ports' own (DESIGN.md); a port of another country falls back to the calendar year.
 */
const CONVENTIONS: Readonly<Record<string, PortConvention>> = {
  JP: { fiscalStartMonth: 4, timeZone: "Asia/Tokyo", currency: "JPY" },
  US: { fiscalStartMonth: 1, timeZone: "America/Los_Angeles", currency: "USD" },
};

function convention(port: string): PortConvention {
  return CONVENTIONS[port.slice(0, 2)] ?? { fiscalStartMonth: 1, timeZone: "UTC", currency: "" };
}

/** The zone a port's months are counted in: a package's "2026-04" is April in the providing port's zone. */
export function monthZoneOf(port: string): string {
  return convention(port).timeZone;
}

export interface ReportingPeriod {
  port: string;
  year: number;
  /** The basis asked for. */
  basis: YearBasis;
  /** The basis the months follow: "fiscal" for a USLAX is still its calendar year. */
  effectiveBasis: YearBasis;
  /** The twelve months, "YYYY-MM", in the port's zone. */
  months: string[];
  /** How to say it: "FY2026 (Apr 2026 – Mar 2027, JST)" / "2026年度（2026年4月〜2027年3月、JST）". */
  label: { en: string; ja: string };
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ZONE_ABBREV: Readonly<Record<string, string>> = {
  "Asia/Tokyo": "JST",
  "America/Los_Angeles": "Pacific time",
  UTC: "UTC",
};
const ZONE_ABBREV_JA: Readonly<Record<string, string>> = {
  "Asia/Tokyo": "日本時間",
  "America/Los_Angeles": "太平洋時間",
  UTC: "UTC",
};

/**
 * The twelve months of a port's year on a basis. Example: reportingPeriod("JPNGO", 2026, "fiscal")
 * → months 2026-04 … 2027-03, label "FY2026 (Apr 2026 – Mar 2027, JST)"; reportingPeriod("USLAX",
 * 2026, "fiscal") → 2026-01 … 2026-12 (effectiveBasis "calendar": its inventories are calendar years).
 */
export function reportingPeriod(port: string, year: number, basis: YearBasis): ReportingPeriod {
  const c = convention(port);
  const start = basis === "fiscal" ? c.fiscalStartMonth : 1;
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const m0 = start - 1 + i;
    months.push(`${year + Math.floor(m0 / 12)}-${pad((m0 % 12) + 1)}`);
  }
  const effectiveBasis: YearBasis = start === 1 ? "calendar" : "fiscal";
  const first = months[0] ?? "";
  const last = months[11] ?? "";
  const [fy, fm] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  const zone = ZONE_ABBREV[c.timeZone] ?? c.timeZone;
  const zoneJa = ZONE_ABBREV_JA[c.timeZone] ?? c.timeZone;
  const label =
    effectiveBasis === "fiscal"
      ? {
          en: `FY${year} (${EN_MONTHS[fm - 1]} ${fy} – ${EN_MONTHS[lm - 1]} ${ly}, ${zone})`,
          ja: `${year}年度（${fy}年${fm}月〜${ly}年${lm}月、${zoneJa}）`,
        }
      : { en: `${year} (Jan – Dec, ${zone})`, ja: `${year}年（1月〜12月、${zoneJa}）` };
  return { port, year, basis, effectiveBasis, months, label, timeZone: c.timeZone };
}

/**
 * The reporting year a month falls in. Example: fiscalYearOf("JPNGO", "2027-03") → 2026 (FY2026
 * ends in March 2027); fiscalYearOf("JPNGO", "2027-04") → 2027; fiscalYearOf("USLAX", "2027-03") → 2027.
 */
export function fiscalYearOf(port: string, month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m < convention(port).fiscalStartMonth ? y - 1 : y;
}

/**
 * A mass in metric tonnes shown in the reader's unit (core/units.ts: a US short ton is exactly
 * 907.18474 kg, NIST Handbook 44). Example: displayMassTonnes(1000, "short_ton") → 1102.311…
 */
export function displayMassTonnes(tonnes: number, unit: MassDisplayUnit): number {
  return convertMass(tonnes, "t", unit);
}

/**
 * A rate per something with a mass numerator (t CO2e per TEU) in the reader's unit: the denominator
 * does not change. Example: 0.05 t/TEU → 0.0551… short tons/TEU.
 */
export function displayMassRate(tonnesPer: number, unit: MassDisplayUnit): number {
  return convertMass(tonnesPer, "t", unit);
}

/**
 * Money on the side-by-side page: none of the catalog's datasets carries money (no field has a
 * currency unit), so no rate is applied; this says so. When a dataset with money is added, the
 * conversion must name the rate, its date and source — the catalog check below fails first.
 */
export function moneyNote(fieldUnits: readonly string[]): { en: string; ja: string } | null {
  const money = fieldUnits.filter((u) => /\b(USD|JPY|EUR)\b/.test(u));
  if (money.length > 0) return null;
  return {
    en: "No shared dataset carries money, so no exchange rate is applied.",
    ja: "共有データセットに金額は含まれないため、為替レートは適用していません。",
  };
}

/** The currency a port states money in (USD, JPY), for when a dataset with money appears. */
export function currencyOf(port: string): string {
  return convention(port).currency;
}
