// Pure helpers of the emissions page: mass formatting and units, labels, colours, chart geometry.
import {
  type InventoryWarning,
  POLLUTANTS,
  type Pollutant,
  type PollutantValues,
  SOURCE_CATEGORIES,
  type SourceCategory,
} from "../api.ts";
import type { Language } from "../i18n/index.ts";
import type { Translate } from "./trace-text.ts";

const intlLocale = (lang: Language): string => (lang === "ja" ? "ja-JP" : "en-US");

/** Mass units a reader can choose for the inventory: metric tonnes (default) or US short tons. */
export type MassUnits = "t" | "short_ton";

export function parseUnits(value: string | null): MassUnits {
  return value === "short_ton" ? "short_ton" : "t";
}

export function parsePollutant(value: string | null, fallback: Pollutant = "nox"): Pollutant {
  return (POLLUTANTS as readonly string[]).includes(value ?? "") ? (value as Pollutant) : fallback;
}

export function parseCategory(value: string | null): SourceCategory | null {
  return (SOURCE_CATEGORIES as readonly string[]).includes(value ?? "") ? (value as SourceCategory) : null;
}

/** A year in the address: a whole number in a sane range, else null. */
export function parseYear(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const y = Number(value);
  return y >= 1990 && y <= 2100 ? y : null;
}

/**
 * A mass for tables: whole numbers from 100 up, three significant digits below, and never "0.00"
 * for a figure that is not zero: below 0.001 it reads "< 0.001".
 * Examples (en): 12345.6 → "12,346"; 42.17 → "42.2"; 2 → "2.00"; 0.012345 → "0.0123"; 0.00004 → "< 0.001";
 * 0 → "0".
 */
export function formatMass(value: number, lang: Language): string {
  const abs = Math.abs(value);
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(intlLocale(lang), o).format(value);
  if (value === 0 || !Number.isFinite(value)) return value === 0 ? "0" : "—";
  if (abs >= 100) return nf({ maximumFractionDigits: 0 });
  if (abs >= 0.001) return nf({ minimumSignificantDigits: 3, maximumSignificantDigits: 3 });
  return `${value < 0 ? "> −" : "< "}${new Intl.NumberFormat(intlLocale(lang)).format(0.001)}`;
}

/** A plain number with up to `digits` fraction digits ("—" for null). */
export function formatPlain(value: number | null | undefined, lang: Language, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: digits }).format(value);
}

/**
 * A factor or an activity in a trace: enough significant digits to redo the product by hand.
 * Examples (en): 13.2 → "13.2"; 0.000123456 → "0.000123"; 1234567.8 → "1,234,568".
 */
export function formatFactor(value: number, lang: Language): string {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 1000) return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(intlLocale(lang), { maximumSignificantDigits: 4 }).format(value);
}

/** Signed percentage: "−40.0 %", "+3.1 %". */
export function formatSignedPct(value: number, lang: Language, digits = 1): string {
  const s = new Intl.NumberFormat(intlLocale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Math.abs(value));
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${s} %`;
}

/** Mass units for one call's figures (grams in), chosen so the largest reads well. */
export type SmallMassUnit = "g" | "kg" | "t";

/** Examples: 950 → "g"; 12_000 → "kg"; 3_400_000 → "t". */
export function massUnitForGrams(maxGrams: number): SmallMassUnit {
  const abs = Math.abs(maxGrams);
  if (abs >= 1e6) return "t";
  if (abs >= 1e3) return "kg";
  return "g";
}

/**
 * An inventory warning in the reader's language (`emissions.warning.<code>`); a sentence stored
 * before warnings had codes (code "text") as it was written. Example (en): { code:
 * "estimated_particulars", params: { estimated: 3, calls: 40 } } → "3 of 40 calls: vessel particulars …".
 */
export function warningText(w: InventoryWarning, t: Translate): string {
  if (w.code === "text") return String(w.params.text ?? "");
  return t(`emissions.warning.${w.code}`, {
    ...w.params,
    defaultValue: `${w.code} ${JSON.stringify(w.params)}`,
  });
}

/** Okabe & Ito colours, one per source category (the stacked bar and its legend). */
export const CATEGORY_COLORS: Record<SourceCategory, string> = {
  ogv: "#0072B2",
  harbor_craft: "#56B4E9",
  che: "#E69F00",
  drayage: "#D55E00",
  rail: "#009E73",
};

/** The categories in the fixed order, each with its value of one pollutant (null: no activity recorded). */
export function categoryValues(
  byCategory: { category: SourceCategory; tonnes: PollutantValues }[],
  pollutant: Pollutant,
): { category: SourceCategory; value: number | null }[] {
  return SOURCE_CATEGORIES.map((category) => ({
    category,
    value: byCategory.find((c) => c.category === category)?.tonnes[pollutant] ?? null,
  }));
}

/**
 * Stacked-bar pieces: each category's start and end as shares (0–1) of the total, zero values
 * left out. Example: [ogv 3, che 1] → ogv 0–0.75, che 0.75–1.
 */
export function stackShares(
  values: { category: SourceCategory; value: number | null }[],
): { category: SourceCategory; value: number; from: number; to: number }[] {
  const total = values.reduce((s, v) => s + Math.max(0, v.value ?? 0), 0);
  if (total <= 0) return [];
  let acc = 0;
  const out: { category: SourceCategory; value: number; from: number; to: number }[] = [];
  for (const v of values) {
    if (v.value === null || v.value <= 0) continue;
    const from = acc / total;
    acc += v.value;
    out.push({ category: v.category, value: v.value, from, to: acc / total });
  }
  return out;
}

/** "Apr" / "4月" for a month of a year. */
export function monthLabel(year: number, month: number, lang: Language): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, 15)),
  );
}

/** "2026" / "2026年": a calendar year as a word (never grouped like a number). */
export function calendarYearText(year: number, lang: Language): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, 6, 1)),
  );
}

/** "Apr 1, 2025" / "2025年4月1日" for a local day "2025-04-01" (no zone: it is already a local day). */
export function formatDay(day: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/**
 * A reporting year as a reader says it. Examples: (2026, false, "en") → "2026"; (2026, true, "en") →
 * "FY2026"; (2026, false, "ja") → "2026年"; (2026, true, "ja") → "2026年度".
 */
export function yearWord(year: number, fiscal: boolean, lang: Language): string {
  if (lang === "ja") return `${year}年${fiscal ? "度" : ""}`;
  return fiscal ? `FY${year}` : String(year);
}

/** A server label ("2026", "FY2026") in the reader's words ("2026年", "2026年度" in Japanese). */
export function labelWord(label: string, lang: Language): string {
  const m = /^(FY)?(\d{4})$/i.exec(label);
  return m ? yearWord(Number(m[2]), Boolean(m[1]), lang) : label;
}

/** True for a fiscal-year label ("FY2026"). */
export const isFiscalLabel = (label: string | null | undefined): boolean =>
  Boolean(label && /^FY/i.test(label));

/**
 * The label of another reporting year in the same port's style as a known label.
 * Examples: (2024, "FY2025") → "FY2024"; (2024, "2025") → "2024".
 */
export function yearLabelLike(year: number, known: string | null | undefined): string {
  return known && /^FY/i.test(known) ? `FY${year}` : String(year);
}

/**
 * Round ticks from 0 for an axis holding `max`: `count` steps of 1, 2, 2.5 or 5 × 10^k.
 * Examples: (22.1, 4) → [0, 10, 20, 30]; (1020, 4) → [0, 500, 1000, 1500]; (0, 4) → [0, 0.25, 0.5, 0.75, 1].
 */
export function niceTicks(max: number, count = 4): number[] {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw * (1 - 1e-9)) ?? 10) * p;
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Inclusive year range of a target's chart: baseline to target year, widened to the inventory years. */
export function progressYears(baselineYear: number, targetYear: number, years: number[]): [number, number] {
  const lo = Math.min(baselineYear, ...years);
  const hi = Math.max(targetYear, ...years);
  return [lo, hi === lo ? lo + 1 : hi];
}

/**
 * The straight path's change from the baseline (%) at a year: 0 at the baseline year, −reduction at
 * the target year, flat after. Example: baseline 2005, −59 % by 2023, at 2014 → −29.5.
 */
export function pathPctAt(
  baselineYear: number,
  targetYear: number,
  reductionPct: number,
  year: number,
): number {
  const span = targetYear - baselineYear;
  const f = span <= 0 ? 1 : Math.min(1, Math.max(0, (year - baselineYear) / span));
  return -reductionPct * f;
}

/** Year ticks for an axis from lo to hi, at most `max` of them on round years. */
export function yearTicks(lo: number, hi: number, max = 8): number[] {
  const span = Math.max(1, hi - lo);
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => span / s <= max) ?? 50;
  const out: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) out.push(y);
  if (out[0] !== lo) out.unshift(lo);
  if (out.at(-1) !== hi) out.push(hi);
  // Drop a round tick that sits too close to an end label.
  return out.filter((y, i) => i === 0 || i === out.length - 1 || (y - lo >= step / 2 && hi - y >= step / 2));
}
