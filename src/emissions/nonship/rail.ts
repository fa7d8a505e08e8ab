/**
 * Locomotives (shared nonship README "Locomotives"; METHOD.md §2):
 *
 *   fuel-based:        E [g] = gallons × EF [g/bhp-hr] × bhp-hr/gal (20.8 line-haul, 15.2 switch)
 *   duty-cycle-based:  E [g] = locomotive-hours × P_rated [hp] × cycle-mean power × EF [g/bhp-hr]
 *                      (cycle-mean power from locomotive_duty_cycles.csv: 26.9 % line-haul, 8.3 % switch)
 *   CO2 = gallons × 10.21 kg/gal (fuel_and_hydrogen_constants.csv); for hours, gallons = bhp-hr ÷ bhp-hr/gal
 *   DPM = PM10; PM2.5 from the table (0.97 × PM10)
 *
 * EF by service and tier from locomotive_emission_factors.csv (EPA-420-F-09-025; CO confidence C,
 * the rest D). CH4, N2O and SO2 have no sourced factor and are not estimated (a note says so).
 */

import { dieselConstants } from "../energy.ts";
import type { PollutantGrams, TraceAdjustment, TraceStep, TraceText } from "../model.ts";
import { adjustment, renderTrace, traceText } from "../trace-text.ts";
import { addDieselUpstream } from "./che.ts";
import type { FactorPollutant, RailRecord } from "./model.ts";
import { type ResultBuilder, step } from "./result.ts";
import type { NonshipTables } from "./tables.ts";
import { kwToHp, litresToGallons } from "./units.ts";

const TABLE_POLLUTANTS: readonly [string, FactorPollutant][] = [
  ["NOx", "nox"],
  ["PM10", "pm10"],
  ["PM2.5", "pm25"],
  ["HC", "hc"],
  ["CO", "co"],
];

/**
 * Computes every rail record into `rb`.
 * Example: 10,000 gal of switcher fuel, Tier 3: NOx 4.5 g/bhp-hr × 15.2 bhp-hr/gal × 10,000 gal
 * = 684,000 g; CO2 10,000 × 10.21 kg = 102.1 t.
 */
export function computeRail(tables: NonshipTables, records: readonly RailRecord[], rb: ResultBuilder): void {
  rb.countRecords("rail", records.length);
  if (records.length > 0) rb.note("rail_ch4_n2o_so2_not_estimated");
  const diesel = dieselConstants(tables.energy);
  for (const r of records) {
    if (!rb.included(r.year, r.month)) continue;
    const sourceId = `rail:${r.service}:${r.tier}${r.locomotiveId ? `:${r.locomotiveId}` : ""}${r.terminal ? `@${r.terminal}` : ""}`;
    const label = `${r.service} locomotives, ${r.tier}${r.locomotiveId ? ` (${r.locomotiveId})` : ""}`;
    const service = traceText(`railService.${r.service}`);
    const whatText = r.locomotiveId
      ? traceText("what.railGroup", { service, tier: r.tier, id: r.locomotiveId })
      : traceText("what.rail", { service, tier: r.tier });
    const what = renderTrace(whatText);
    const conv = tables.rail.bhpHrPerGal[r.service];
    const grams: Partial<PollutantGrams> = {};
    const steps: TraceStep[] = [];
    let missingFactor: string | null = null;
    // grams = activity × the tier's g/bhp-hr factor × the adjustment that turns the activity into bhp-hr.
    const applyFactors = (activity: number, activityUnit: TraceText, adj: TraceAdjustment) => {
      for (const [column, p] of TABLE_POLLUTANTS) {
        const ef = tables.rail.factors.get(`${r.service}|${r.tier}|${column}`);
        if (ef === undefined) {
          missingFactor = `${r.service} ${r.tier} ${column}`;
          continue;
        }
        const s = step(whatText, p, activity, activityUnit, ef.value, "g/bhp-hr", [adj], ef.source);
        grams[p] = s.grams;
        if (rb.trace) steps.push(s);
      }
    };
    let gallons: number;
    let gallonsText: TraceText;
    if (r.hours === null) {
      gallons = r.fuelGal ?? litresToGallons(r.fuelL ?? 0);
      gallonsText =
        r.fuelGal !== null
          ? traceText("unit.gal", { value: r.fuelGal })
          : traceText("unit.litresGal", { litres: r.fuelL ?? 0, gal: gallons.toFixed(1) });
      applyFactors(
        gallons,
        traceText("unit.galOf", { gallons: gallonsText }),
        adjustment(conv.value, traceText("adj.bhpHrPerGal"), conv.source),
      );
    } else {
      const hp = r.ratedHp ?? kwToHp(r.ratedKw ?? 0);
      const power = r.ratedHp !== null ? `${r.ratedHp} hp` : `${r.ratedKw} kW = ${hp.toFixed(0)} hp`;
      const mean = tables.rail.cycleMeanPowerPct[r.service];
      const ratedHpH = r.hours * hp;
      const bhpHr = (ratedHpH * mean.value) / 100;
      gallons = bhpHr / conv.value;
      gallonsText = traceText("unit.bhpHrGal", { bhpHr: bhpHr.toFixed(0), conv: conv.value });
      applyFactors(
        ratedHpH,
        traceText("unit.hpHRatedRail", { hours: r.hours, power }),
        adjustment(mean.value / 100, traceText("adj.cycleMeanPower"), mean.source),
      );
    }
    if (missingFactor !== null) {
      rb.warn("no_emission_factor", "rail", sourceId, r.ref, {
        label: what,
        table: "locomotive_emission_factors.csv",
        what: missingFactor,
      });
    }
    if (grams.pm10 !== undefined) {
      grams.dpm = grams.pm10;
      if (rb.trace)
        steps.push(
          step(whatText, "dpm", grams.pm10, "g PM10", 1, "g DPM/g PM10", [], traceText("source.dpmRail")),
        );
    }
    const co2 = step(
      whatText,
      "co2",
      gallons,
      traceText("unit.galOf", { gallons: gallonsText }),
      diesel.co2KgPerGal.value * 1000,
      "g CO2/gal",
      [],
      diesel.co2KgPerGal.source,
    );
    grams.co2 = co2.grams;
    if (rb.trace) steps.push(co2);
    const head = {
      category: "rail" as const,
      year: r.year,
      month: r.month,
      terminal: r.terminal,
      sourceId,
      label,
    };
    rb.add({ ...head, scope: "tailpipe", activityUnit: "gal" }, gallons, grams, steps);
    if (rb.options.wellToWheel)
      addDieselUpstream(
        rb,
        { ...head, scope: "upstream", activityUnit: "g CO2" },
        whatText,
        co2.grams,
        diesel.upstreamCo2ePerTailpipeCo2,
      );
  }
}
