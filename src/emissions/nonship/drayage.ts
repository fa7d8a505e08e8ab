/**
 * Drayage trucks (shared nonship README "Drayage trucks"; METHOD.md §2):
 *
 *   VMT = gate visits × 2 × one-way distance inside the boundary (in and out)
 *   E [g] = VMT × EF_run [g/mi] + idle hours × EF_idle [g/h] + starts × EF_start [g/start]
 *
 * No running, idle or start rate has a source in the shared reference (EMFAC2021 / MOVES5 must be
 * run), so every rate is a user factor keyed by powertrain and model-year group; a group without
 * factors is reported as not estimated. Battery-electric and fuel-cell trucks have no exhaust:
 * VMT × kWh/mi × grid factor is a grid line, VMT × kg H2/mi × the pathway's carbon intensity an
 * upstream line (both per mile figures are user inputs with their source). DPM = PM10 for diesel.
 */

import { dieselConstants } from "../energy.ts";
import type { PollutantGrams, TraceStep, TraceText } from "../model.ts";
import { renderTrace, traceText } from "../trace-text.ts";
import { addDieselUpstream, addGrid, addHydrogen } from "./che.ts";
import type { DrayageRecord, FactorPollutant, MeasuredDrayageIdle } from "./model.ts";
import { type ResultBuilder, step } from "./result.ts";
import type { NonshipTables } from "./tables.ts";
import { kmToMiles } from "./units.ts";
import type { DrayageProcess, UserFactorIndex } from "./user-factors.ts";
import { DRAYAGE_POWERTRAIN_LABELS } from "./vocab.ts";

/** Pollutants the user factors must give; a missing one is reported (CH4, N2O are optional). */
const REQUIRED: readonly FactorPollutant[] = ["nox", "pm10", "pm25", "so2", "co", "hc", "co2"];

/**
 * The records with the idle minutes per visit measured at the gate where a terminal-month has them
 * (the imported figure is kept beside it for the trace); the others as they are.
 * Example: an imported 30 min at YTI in 2026-05 and a measured mean turn of 47.5 min over 1,200
 * timed visits → idleMinPerVisit 47.5, idleMeasured { timedVisits: 1200, assumedMinPerVisit: 30 }.
 */
export function withMeasuredIdle(
  records: readonly DrayageRecord[],
  measured: readonly MeasuredDrayageIdle[],
): DrayageRecord[] {
  const byKey = new Map(measured.map((m) => [`${m.terminal}|${m.year}|${m.month}`, m]));
  return records.map((r) => {
    const m = byKey.get(`${r.terminal}|${r.year}|${r.month}`);
    if (!m) return r;
    return {
      ...r,
      idleMinPerVisit: m.idleMinPerVisit,
      idleMeasured: { timedVisits: m.timedVisits, assumedMinPerVisit: r.idleMinPerVisit },
    };
  });
}

/**
 * Computes every drayage record into `rb`.
 * Example: 10,000 visits, 3 mi one way, 30 idle min per visit, diesel MY2014+ with user factors
 * NOx 2.0 g/mi and 20 g/h → VMT 60,000 mi, idle 5,000 h → 60,000 × 2.0 + 5,000 × 20 = 220,000 g NOx.
 */
export function computeDrayage(
  tables: NonshipTables,
  records: readonly DrayageRecord[],
  index: UserFactorIndex,
  rb: ResultBuilder,
): void {
  rb.countRecords("drayage", records.length);
  if (records.length > 0) {
    rb.note("drayage_round_trip");
    rb.note("user_factors_ch4_n2o_optional");
    const measured = records.filter((r) => r.idleMeasured !== undefined).length;
    if (measured > 0) rb.note("drayage_idle_measured", { measured, records: records.length });
  }
  const diesel = dieselConstants(tables.energy);
  const hitCache = new Map<string, ReturnType<UserFactorIndex["drayage"]>>();
  for (const r of records) {
    if (!rb.included(r.year, r.month)) continue;
    const group = r.modelYearGroup;
    const sourceId = `drayage:${r.terminal}:${r.powertrain}:${group ?? "all"}`;
    const label = `${DRAYAGE_POWERTRAIN_LABELS[r.powertrain]} trucks${group ? ` MY${group}` : ""}`;
    const powertrain = traceText(`drayagePowertrain.${r.powertrain}`);
    const whatText = group
      ? traceText("what.drayageGroup", { powertrain, group, terminal: r.terminal })
      : traceText("what.drayage", { powertrain, terminal: r.terminal });
    const what = renderTrace(whatText);
    const oneWayMi = r.oneWayMi ?? kmToMiles(r.oneWayKm ?? 0);
    const distanceText =
      r.oneWayMi !== null
        ? traceText("unit.miles", { value: r.oneWayMi })
        : traceText("unit.kmMiles", { km: r.oneWayKm ?? 0, mi: oneWayMi.toFixed(3) });
    const vmt = r.gateVisits * 2 * oneWayMi;
    const idleH = (r.gateVisits * r.idleMinPerVisit) / 60;
    const starts = r.gateVisits * (r.startsPerVisit ?? 0);
    if (r.startsPerVisit === null) rb.note("drayage_starts_given_only");
    const head = {
      category: "drayage" as const,
      year: r.year,
      month: r.month,
      terminal: r.terminal,
      sourceId,
      label,
    };
    const visits = r.gateVisits;
    const activities: Record<DrayageProcess, { amount: number; unit: TraceText }> = {
      running: { amount: vmt, unit: traceText("unit.miVisits", { visits, distance: distanceText }) },
      idle: {
        amount: idleH,
        unit: r.idleMeasured
          ? traceText("unit.idleHMeasured", {
              visits,
              minutes: Number(r.idleMinPerVisit.toFixed(1)),
              timed: r.idleMeasured.timedVisits,
              assumed: r.idleMeasured.assumedMinPerVisit,
            })
          : traceText("unit.idleH", { visits, minutes: r.idleMinPerVisit }),
      },
      start: { amount: starts, unit: traceText("unit.starts", { visits, perVisit: r.startsPerVisit ?? 0 }) },
    };

    if (r.powertrain === "battery_electric" || r.powertrain === "fuel_cell") {
      rb.addTraced({ ...head, scope: "tailpipe", activityUnit: "mi" }, vmt, {}, () => [
        step(whatText, "co2", vmt, "mi", 0, "g/mi", [], traceText("source.noExhaust", { powertrain })),
      ]);
      if (r.powertrain === "battery_electric") {
        if (r.kwhPerMi === null) {
          rb.warn("no_energy_rate", "drayage", sourceId, r.ref, { label: what });
          rb.notEstimated("drayage", sourceId, "grid", r.year, r.month, "all", "no_energy_rate", r.ref);
        } else {
          addGrid(
            rb,
            { ...head, scope: "grid", activityUnit: "kWh" },
            traceText("what.drayageKwh", {
              what: whatText,
              vmt: vmt.toFixed(0),
              rate: r.kwhPerMi,
              source: r.energySource ?? "",
            }),
            vmt * r.kwhPerMi,
            r.year,
          );
        }
      } else if (r.h2KgPerMi === null) {
        rb.warn("no_hydrogen_reading", "drayage", sourceId, r.ref, { label: what });
        rb.notEstimated(
          "drayage",
          sourceId,
          "upstream",
          r.year,
          r.month,
          "all",
          "no_hydrogen_reading",
          r.ref,
        );
      } else {
        addHydrogen(
          rb,
          tables,
          { ...head, scope: "upstream", activityUnit: "kg H2" },
          traceText("what.drayageH2", {
            what: whatText,
            vmt: vmt.toFixed(0),
            rate: r.h2KgPerMi,
            source: r.energySource ?? "",
          }),
          vmt * r.h2KgPerMi,
          r.hydrogenPathway,
          { category: "drayage", sourceId, ref: r.ref, year: r.year, month: r.month },
        );
      }
      continue;
    }

    const key = `${DRAYAGE_POWERTRAIN_LABELS[r.powertrain]}${group ? ` MY${group}` : ""}`;
    const hitKey = `${r.powertrain}|${group}`;
    let hits = hitCache.get(hitKey);
    if (hits === undefined) {
      hits = index.drayage(r.powertrain, group);
      hitCache.set(hitKey, hits);
    }
    const anyFactor = hits.running.size + hits.idle.size + hits.start.size > 0;
    if (!anyFactor) {
      rb.warn("missing_user_factor", "drayage", sourceId, r.ref, { key, pollutants: "all pollutants" });
      rb.notEstimated("drayage", sourceId, "tailpipe", r.year, r.month, "all", "missing_user_factor", r.ref);
      continue;
    }
    const needed = (["running", "idle", "start"] as const).filter((p) => activities[p].amount > 0);
    const grams: Partial<PollutantGrams> = {};
    const steps: TraceStep[] = [];
    const incomplete: string[] = [];
    const missing = new Set<FactorPollutant>();
    const pollutants = new Set<FactorPollutant>([...REQUIRED]);
    for (const p of needed) for (const q of hits[p].keys()) pollutants.add(q);
    for (const q of pollutants) {
      for (const p of needed) {
        const hit = hits[p].get(q);
        if (hit === undefined) {
          missing.add(q);
          incomplete.push(`${q} (${p})`);
          continue;
        }
        const s = step(
          whatText,
          q,
          activities[p].amount,
          activities[p].unit,
          hit.value,
          hit.unit,
          [],
          hit.source,
        );
        grams[q] = (grams[q] ?? 0) + s.grams;
        if (rb.trace) steps.push(s);
      }
    }
    if (r.powertrain === "diesel" && grams.dpm === undefined && grams.pm10 !== undefined) {
      grams.dpm = grams.pm10;
      if (rb.trace)
        steps.push(
          step(whatText, "dpm", grams.pm10, "g PM10", 1, "g DPM/g PM10", [], traceText("source.dpmDiesel")),
        );
    }
    if (missing.size > 0) {
      rb.warn("missing_pollutant_factors", "drayage", sourceId, r.ref, {
        key,
        pollutants: incomplete.join(", "),
      });
      rb.notEstimated(
        "drayage",
        sourceId,
        "tailpipe",
        r.year,
        r.month,
        [...missing],
        "missing_pollutant_factors",
        r.ref,
      );
    }
    rb.add({ ...head, scope: "tailpipe", activityUnit: "mi" }, vmt, grams, steps);
    if (rb.options.wellToWheel && r.powertrain === "diesel")
      addDieselUpstream(
        rb,
        { ...head, scope: "upstream", activityUnit: "g CO2" },
        whatText,
        grams.co2 ?? 0,
        diesel.upstreamCo2ePerTailpipeCo2,
      );
  }
}
