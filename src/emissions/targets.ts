/**
 * Targets and progress: CAAP (criteria pollutants vs 2005, GHG vs 1990, zero-emission equipment and
 * drayage shares) for Los Angeles, the national CNP target (FY2013 baseline, −46 % by FY2030, net zero
 * by 2050) for Nagoya. Baselines are the user's (entered with their source); targets come from
 * caap_targets.csv / targets_caap_cnp.csv selected by port_emissions_settings.csv. Pure.
 */

import { referenceRecords } from "../core/csv.ts";
import type { PortEmissionSettings } from "./inventory.ts";
import type { Pollutant } from "./model.ts";
import type { Baseline, EmissionTarget, ShareProgress, ShareTarget } from "./wire.ts";

// The shapes the API serves are defined once, by their schemas in wire.ts.
export type { Baseline, EmissionTarget, ShareProgress, ShareTarget };

export const TARGET_FILES = { emissions: "caap_targets.csv", shares: "targets_caap_cnp.csv" } as const;

const PROGRAM_POLLUTANT: Record<string, Pollutant | "ghg"> = {
  DPM: "dpm",
  NOx: "nox",
  SOx: "so2",
  GHG: "ghg",
};

/** The emission targets a port tracks (its settings' target programs). */
export function parseEmissionTargets(text: string, settings: PortEmissionSettings): EmissionTarget[] {
  const out: EmissionTarget[] = [];
  for (const r of referenceRecords(text, TARGET_FILES.emissions)) {
    const [program, pollutant] = [r.get("program"), r.get("pollutant")];
    if (!settings.targetPrograms.includes(program)) continue;
    const mapped = PROGRAM_POLLUTANT[pollutant];
    if (mapped === undefined) throw new Error(`${TARGET_FILES.emissions}: unknown pollutant ${pollutant}`);
    out.push({
      program,
      pollutant: mapped === "ghg" ? settings.ghgBasis.value : mapped,
      programPollutant: pollutant,
      baselineYear: Number(r.get("baseline_year")),
      targetYear: Number(r.get("target_year")),
      targetReductionPct: Number(r.get("target_reduction_pct")),
      source: `${TARGET_FILES.emissions}: ${program} ${pollutant} ${r.get("target_year")} (${r.get("source_id")})`,
    });
  }
  return out;
}

/** Zero-emission share targets a port tracks (CAAP: CHE by 2030, drayage by 2035). */
export function parseShareTargets(text: string, settings: PortEmissionSettings): ShareTarget[] {
  return referenceRecords(text, TARGET_FILES.shares)
    .filter((r) => settings.zeTargetMetrics.includes(r.get("metric")))
    .map((r) => ({
      program: r.get("program"),
      metric: r.get("metric"),
      targetYear: Number(r.get("target_year")),
      targetPct: Number(r.get("target_value")),
      source: `${TARGET_FILES.shares}: ${r.get("program")} — ${r.get("metric")} (${r.get("source_id")}; ${r.get("confidence")})`,
    }));
}

export interface ProgressYear {
  year: number;
  tonnes: number;
  changePct: number;
  /** Change the straight path from baseline to target asks for by this year (negative). */
  pathPct: number;
  /** changePct − pathPct: above zero the port is behind the path, below it ahead. */
  gapPctPoints: number;
}

export interface TargetProgress {
  target: EmissionTarget;
  baseline: Baseline | null;
  /** Tonnes allowed in the target year (baseline × (1 − reduction)). */
  targetTonnes: number | null;
  years: ProgressYear[];
  /** Tonnes still to cut from the latest year to reach the target; null without a baseline. */
  remainingTonnes: number | null;
}

/**
 * Progress per inventory year against one target. Example: baseline 2005 = 1,000 t NOx, target
 * −59 % by 2023, inventory 2014 = 600 t → change −40 %, path at 2014 = −59 × 9/18 = −29.5 %,
 * gap −10.5 points (ahead); target tonnes 410, remaining from 2014: 190 t.
 */
export function targetProgress(
  target: EmissionTarget,
  baseline: Baseline | null,
  inventoryTonnes: { year: number; tonnes: number }[],
): TargetProgress {
  if (baseline === null || baseline.tonnes <= 0) {
    return { target, baseline, targetTonnes: null, years: [], remainingTonnes: null };
  }
  const span = target.targetYear - target.baselineYear;
  const years = [...inventoryTonnes]
    .sort((a, b) => a.year - b.year)
    .map(({ year, tonnes }) => {
      const changePct = ((tonnes - baseline.tonnes) / baseline.tonnes) * 100;
      const t = span <= 0 ? 1 : Math.min(1, Math.max(0, (year - target.baselineYear) / span));
      const pathPct = -target.targetReductionPct * t;
      return { year, tonnes, changePct, pathPct, gapPctPoints: changePct - pathPct };
    });
  const targetTonnes = baseline.tonnes * (1 - target.targetReductionPct / 100);
  const latest = years.at(-1);
  return {
    target,
    baseline,
    targetTonnes,
    years,
    remainingTonnes: latest === undefined ? null : Math.max(0, latest.tonnes - targetTonnes),
  };
}
