/**
 * Harbour craft (Category 1 and 2 marine diesel engines; shared nonship README "Harbor craft"):
 *
 *   E [g] = Σ_engine groups  count × P_rated [kW] × hours × LF(engine use) × EF [g/kWh]
 *
 * LF: 0.69 propulsion, 0.51 auxiliary (harbor_craft_load_factors.csv; 40 CFR 1042.705, the only
 * sourced values — a stand-in for vessel-type load factors, which were not found). EF: user factors
 * only (no harbour-craft emission factor has a source in the shared reference); the most specific
 * key matching the engine wins per pollutant. A missing factor is a warning and the activity is
 * reported as not estimated. DPM = PM10 (diesel engines) unless the user gives DPM.
 * One line per vessel and month (engine groups are trace steps).
 */

import { dieselConstants } from "../energy.ts";
import type { PollutantGrams, TraceStep } from "../model.ts";
import { adjustment, renderTrace, traceText } from "../trace-text.ts";
import { addDieselUpstream } from "./che.ts";
import type { FactorPollutant, HarborCraftRecord } from "./model.ts";
import { monthsOf, type ResultBuilder, step } from "./result.ts";
import type { NonshipTables } from "./tables.ts";
import { hpToKw } from "./units.ts";
import type { UserFactorIndex } from "./user-factors.ts";
import { HARBOR_CRAFT_LABELS } from "./vocab.ts";

/** Pollutants the user factors must give; a missing one is reported (CH4, N2O are optional). */
const REQUIRED: readonly FactorPollutant[] = ["nox", "pm10", "pm25", "so2", "co", "hc", "co2"];

/** The key that would match this engine, for messages. Example: "assist tug propulsion tier 3 kW 1900". */
export function harborCraftEngineKey(r: HarborCraftRecord, kw: number): string {
  const tier =
    r.tier === null
      ? ""
      : r.tier.startsWith("imo")
        ? ` tier IMO ${r.tier.slice(3).toUpperCase()}`
        : ` tier ${r.tier}`;
  return `${HARBOR_CRAFT_LABELS[r.vesselType]} ${r.engineUse}${tier} kW ${Math.round(kw)}${r.modelYear !== null ? ` MY ${r.modelYear}` : ""}`;
}

/**
 * Computes every harbour-craft record into `rb`.
 * Example: 2 propulsion engines of 1,500 kW, 100 h in a month, user NOx 5.0 g/kWh →
 * 2 × 1,500 × 100 × 0.69 × 5.0 = 1,035,000 g NOx.
 */
export function computeHarborCraft(
  tables: NonshipTables,
  records: readonly HarborCraftRecord[],
  index: UserFactorIndex,
  rb: ResultBuilder,
): void {
  rb.countRecords("harbor_craft", records.length);
  if (records.length > 0) {
    rb.note("harbor_craft_regulatory_load_factors");
    rb.note("user_factors_ch4_n2o_optional");
  }
  const monthly = new Set<string>();
  for (const r of records) if (r.month !== null) monthly.add(`${r.vesselId}|${r.engineId}|${r.year}`);
  const diesel = dieselConstants(tables.energy);
  const hitCache = new Map<string, ReturnType<UserFactorIndex["harborCraft"]>>();
  for (const r of records) {
    const sourceId = `harbor_craft:${r.vesselId}`;
    const label = `${r.vesselName ?? r.vesselId} (${HARBOR_CRAFT_LABELS[r.vesselType]})`;
    const whatParams = {
      vessel: r.vesselName ?? r.vesselId,
      use: traceText(`engineUse.${r.engineUse}`),
      engine: r.engineId,
      count: r.engineCount,
      power: r.engineKw !== null ? `${r.engineKw} kW` : `${r.engineHp} hp`,
    };
    const whatText = traceText(
      r.engineId !== r.engineUse ? "what.harborCraftEngine" : "what.harborCraft",
      whatParams,
    );
    const what = renderTrace(whatText);
    if (r.month === null && monthly.has(`${r.vesselId}|${r.engineId}|${r.year}`)) {
      rb.warn("annual_and_monthly", "harbor_craft", sourceId, r.ref, { label: what, year: r.year });
      continue;
    }
    const months = monthsOf(r.year, r.month).filter((m) => rb.included(r.year, m.month));
    if (months.length === 0) continue;
    const kw = r.engineKw ?? hpToKw(r.engineHp ?? 0);
    const lf = tables.harborCraftLoadFactors[r.engineUse];
    // Engine groups repeat month after month: their factors are looked up once.
    const hitKey = `${r.vesselType}|${r.engineUse}|${r.tier}|${kw}|${r.modelYear}`;
    let hits = hitCache.get(hitKey);
    if (hits === undefined) {
      hits = index.harborCraft({
        vesselType: r.vesselType,
        engineUse: r.engineUse,
        tier: r.tier,
        kw,
        modelYear: r.modelYear,
      });
      hitCache.set(hitKey, hits);
    }
    const key = harborCraftEngineKey(r, kw);
    if (hits.size === 0) {
      rb.warn("missing_user_factor", "harbor_craft", sourceId, r.ref, { key, pollutants: "all pollutants" });
      for (const m of months)
        rb.notEstimated(
          "harbor_craft",
          sourceId,
          "tailpipe",
          r.year,
          m.month,
          "all",
          "missing_user_factor",
          r.ref,
        );
      continue;
    }
    const missing = REQUIRED.filter((p) => !hits.has(p));
    if (missing.length > 0)
      rb.warn("missing_pollutant_factors", "harbor_craft", sourceId, r.ref, {
        key,
        pollutants: missing.join(", "),
      });
    for (const m of months) {
      const rowKwh = r.engineCount * kw * r.hours;
      const ratedKwh = rowKwh * m.share;
      const adjustments = [adjustment(lf.value, traceText("adj.loadFactor"), lf.source)];
      if (m.label) adjustments.push(adjustment(m.share, traceText("adj.monthShare", { share: m.label })));
      const grams: Partial<PollutantGrams> = {};
      const steps: TraceStep[] = [];
      for (const [p, hit] of hits) {
        const s = step(
          whatText,
          p,
          rowKwh,
          traceText("unit.kwhRatedCraft", { count: r.engineCount, kw: kw.toFixed(0), hours: r.hours }),
          hit.value,
          "g/kWh",
          adjustments,
          hit.source,
        );
        grams[p] = s.grams;
        if (rb.trace) steps.push(s);
      }
      if (!hits.has("dpm") && grams.pm10 !== undefined) {
        grams.dpm = grams.pm10;
        if (rb.trace)
          steps.push(
            step(whatText, "dpm", grams.pm10, "g PM10", 1, "g DPM/g PM10", [], traceText("source.dpmDiesel")),
          );
      }
      if (missing.length > 0)
        rb.notEstimated(
          "harbor_craft",
          sourceId,
          "tailpipe",
          r.year,
          m.month,
          missing,
          "missing_pollutant_factors",
          r.ref,
        );
      const head = {
        category: "harbor_craft" as const,
        year: r.year,
        month: m.month,
        terminal: null,
        sourceId,
        label,
      };
      rb.add({ ...head, scope: "tailpipe", activityUnit: "kWh" }, ratedKwh * lf.value, grams, steps);
      if (rb.options.wellToWheel)
        addDieselUpstream(
          rb,
          { ...head, scope: "upstream", activityUnit: "g CO2" },
          whatText,
          grams.co2 ?? 0,
          diesel.upstreamCo2ePerTailpipeCo2,
        );
    }
  }
}
