// Rollout-scenario helpers (pure): the fleet mix by year for the stacked charts (CHE and drayage),
// the GHG targets as marks on the emissions chart, the gap table's wording keys, and percent text.
// Every figure comes from the API; these only regroup and word it.
import type { EquipmentCategory, Powertrain, ScenarioYear, TargetGap } from "../api.ts";
import { formatNumber } from "../format.ts";
import type { Language } from "../i18n/index.ts";
import { CATEGORY_STYLE, POWERTRAIN_ORDER } from "./text.ts";

/** The two groups the CAAP goals speak of: all cargo-handling equipment, and drayage trucks. */
export type MixGroup = "che" | "drayage";

export const inGroup = (group: MixGroup, c: EquipmentCategory): boolean =>
  group === "che" ? CATEGORY_STYLE[c].che : c === "drayage_truck";

export interface MixYear {
  year: number;
  total: number;
  /** Units by powertrain in stacking order (zero-emission first), powertrains with units only. */
  byPowertrain: { powertrain: Powertrain; units: number }[];
}

/**
 * Units at the end of each year in a group, by powertrain. Example: a year with yard tractors
 * 5 diesel + 5 battery and top handlers 2 fuel cell, and 7 diesel drayage trucks → CHE
 * { total 12, battery 5, fuel cell 2, diesel 5 } (fuel cell stacks first), drayage { total 7, diesel 7 }.
 */
export function mixByYear(years: readonly ScenarioYear[], group: MixGroup): MixYear[] {
  return years.map((y) => {
    const counts = new Map<Powertrain, number>();
    for (const r of y.fleet)
      if (inGroup(group, r.category)) counts.set(r.powertrain, (counts.get(r.powertrain) ?? 0) + r.units);
    const byPowertrain = POWERTRAIN_ORDER.filter((p) => (counts.get(p) ?? 0) > 0).map((p) => ({
      powertrain: p,
      units: counts.get(p) ?? 0,
    }));
    return { year: y.year, total: byPowertrain.reduce((a, b) => a + b.units, 0), byPowertrain };
  });
}

/** Powertrains present in any year (the legend's entries), in stacking order. */
export function mixPowertrains(mix: readonly MixYear[]): Powertrain[] {
  const seen = new Set(mix.flatMap((m) => m.byPowertrain.map((b) => b.powertrain)));
  return POWERTRAIN_ORDER.filter((p) => seen.has(p));
}

export interface GhgMark {
  program: string;
  targetYear: number;
  targetPct: number;
  /** Tonnes CO2e allowed in the target year (baseline × (1 + target %)), as the API gives them. */
  allowedT: number;
  baseline: { year: number; tCo2e: number; source: string; proxy: boolean };
  met: boolean | null;
}

/**
 * The GHG targets with an allowed tonnage, for the emissions chart. A baseline the API marks as a
 * proxy (its source starts with "proxy:") is flagged so the chart can say so. Example: CAAP −40 %
 * by 2030 with a 2025 proxy baseline of 1,000 t → { targetYear 2030, targetPct −40, allowedT 600,
 * baseline 2025 proxy }.
 */
export function ghgMarks(targets: readonly TargetGap[]): GhgMark[] {
  return targets.flatMap((t) =>
    t.kind === "ghg" && t.requiredT !== null && t.baseline !== null
      ? [
          {
            program: t.program,
            targetYear: t.targetYear,
            targetPct: t.targetValue,
            allowedT: t.requiredT,
            baseline: { ...t.baseline, proxy: /^proxy:/i.test(t.baseline.source) },
            met: t.met,
          },
        ]
      : [],
  );
}

/**
 * Catalog keys of the metrics and programmes data/reference/transition/targets_caap_cnp.csv names
 * (the API sends them in English); others are shown as sent.
 */
export const METRIC_KEYS: Record<string, string> = {
  "zero-emission share of cargo-handling equipment": "zeChe",
  "zero-emission share of on-road drayage trucks": "zeDrayage",
  "GHG from port-related sources": "ghgPort",
  GHG: "ghg",
};
export const PROGRAM_KEYS: Record<string, string> = {
  "CAAP 2017": "caap2017",
  "Japan national (CNP context)": "japanCnp",
};

/** A percent value the API gives in percent (0–100): "50 %", "16.9 %"; "—" for none. */
export function pctText(value: number | null | undefined, lang: Language, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatNumber(value, lang, { maximumFractionDigits: digits })} %`;
}

/** A signed difference: "+50", "−1,234.5", "0" (a true minus sign, like the emissions page). */
export function signed(value: number | null | undefined, lang: Language, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const r = Number(value.toFixed(digits));
  const text = formatNumber(Math.abs(r), lang, { maximumFractionDigits: digits });
  return r > 0 ? `+${text}` : r < 0 ? `−${text}` : text;
}

/**
 * Round ticks for an axis from `lo` to `hi` that may be negative (differences): steps of 1, 2,
 * 2.5 or 5 × 10^k. Example: (−120, 40) → [−150, −100, −50, 0, 50].
 */
export function signedTicks(lo: number, hi: number, count = 4): number[] {
  const low = Math.min(0, lo);
  const high = Math.max(0, hi);
  const span = high - low > 0 ? high - low : 1;
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw * (1 - 1e-9)) ?? 10) * p;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

export interface EarlyYear {
  year: number;
  units: number;
  /** Units per type, most first (ties in the registry's order). */
  byCategory: { category: EquipmentCategory; units: number }[];
}

/**
 * Forced early retirements summed per year and type (the table lists them per model year).
 * Example: (2030, forklift, 20 units of 2019), (2030, forklift, 20 of 2020), (2030, RTG, 4 of 2011),
 * (2035, drayage, 7) → 2030: 44 units (forklift 40, RTG 4); 2035: 7 (drayage 7).
 */
export function earlyByYear(
  rows: readonly { year: number; category: EquipmentCategory; units: number }[],
): EarlyYear[] {
  const years = new Map<number, Map<EquipmentCategory, number>>();
  for (const r of rows) {
    const m = years.get(r.year) ?? new Map<EquipmentCategory, number>();
    m.set(r.category, (m.get(r.category) ?? 0) + r.units);
    years.set(r.year, m);
  }
  return [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, m]) => {
      const byCategory = [...m.entries()]
        .map(([category, units]) => ({ category, units }))
        .sort(
          (a, b) => b.units - a.units || CATEGORY_STYLE[a.category].order - CATEGORY_STYLE[b.category].order,
        );
      return { year, units: byCategory.reduce((a, c) => a + c.units, 0), byCategory };
    });
}
