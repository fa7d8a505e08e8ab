/**
 * Baselines for the demo world only. The demo's ports are invented, so their baselines are too;
 * each one is back-calculated from the demo inventory so that the demo shows a realistic distance to
 * the targets, and its source says exactly how — never to be mistaken for a port's real baseline.
 *
 * Los Angeles: DPM, NOx, SOx vs 2005 use the change the Port of Los Angeles published for its latest
 * inventory (pola_progress_vs_2005.csv, 2023: DPM −91 %, NOx −74 %, SOx −98 %): baseline = demo / (1 +
 * change). GHG vs 1990 uses the latest published GHG change vs 2005 (2018: −10 %) as if it held vs
 * 1990. Nagoya (CNP, FY2013): no published progress was found; the demo assumes −20 %.
 */
import { referenceRecords } from "../core/csv.ts";
import type { Pollutant } from "../emissions/model.ts";
import type { Baseline, EmissionTarget } from "../emissions/targets.ts";

export const POLA_PROGRESS_FILE = "pola_progress_vs_2005.csv";

/** Assumed change of the demo Nagoya since FY2013 (illustrative, no source: see the file comment). */
export const DEMO_NAGOYA_CHANGE_PCT = -20;

interface PublishedChange {
  year: number;
  changePct: number;
  sourceId: string;
}

/** Latest published change vs 2005 per pollutant column of pola_progress_vs_2005.csv. */
export function latestPolaChanges(
  text: string,
): Partial<Record<"dpm" | "nox" | "so2" | "ghg", PublishedChange>> {
  const columns = {
    dpm: "dpm_change_pct_vs_2005",
    nox: "nox_change_pct_vs_2005",
    so2: "sox_change_pct_vs_2005",
    ghg: "ghg_change_pct_vs_2005",
  } as const;
  const out: Partial<Record<keyof typeof columns, PublishedChange>> = {};
  for (const r of referenceRecords(text, POLA_PROGRESS_FILE)) {
    const year = Number(r.get("inventory_year"));
    for (const [key, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      const v = r.get(column);
      const prev = out[key];
      if (v !== "" && (!prev || year > prev.year))
        out[key] = { year, changePct: Number(v), sourceId: r.get("source_id") };
    }
  }
  return out;
}

/**
 * Demo baselines for a port's targets from its demo inventory (tonnes per pollutant, tailpipe +
 * grid for GHG as the progress counts it). Example: demo NOx 260 t, published 2023 change −74 % →
 * 2005 baseline 260 / 0.26 = 1,000 t.
 */
export function demoBaselines(
  port: string,
  targets: readonly EmissionTarget[],
  inventoryTonnes: Record<Pollutant, number>,
  polaProgressCsv: string,
  enteredAt: string,
): Baseline[] {
  const published = latestPolaChanges(polaProgressCsv);
  const seen = new Set<string>();
  const out: Baseline[] = [];
  for (const t of targets) {
    const key = `${t.pollutant}:${t.baselineYear}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const demo = inventoryTonnes[t.pollutant];
    if (!(demo > 0)) continue;
    let changePct: number;
    let how: string;
    if (port === "USLAX") {
      const p =
        t.programPollutant === "GHG" ? published.ghg : published[t.pollutant as "dpm" | "nox" | "so2"];
      if (!p) continue;
      changePct = p.changePct;
      how = `the Port of Los Angeles' published ${p.year} change of ${p.changePct} % vs 2005 (${POLA_PROGRESS_FILE}, ${p.sourceId})${t.programPollutant === "GHG" ? ", taken as if vs 1990" : ""}`;
    } else {
      changePct = DEMO_NAGOYA_CHANGE_PCT;
      how = `an assumed ${DEMO_NAGOYA_CHANGE_PCT} % since FY${t.baselineYear} (no published figure for Nagoya was found)`;
    }
    out.push({
      port,
      pollutant: t.pollutant,
      year: t.baselineYear,
      tonnes: demo / (1 + changePct / 100),
      source: `DEMO WORLD ONLY — illustrative baseline back-calculated from the demo inventory with ${how}; enter the port's real baseline with its source`,
      enteredAt,
    });
  }
  return out;
}
