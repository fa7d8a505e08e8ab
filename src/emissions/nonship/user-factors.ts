/**
 * Finding the user factor for an activity row: keys are parsed once; for each pollutant (and
 * drayage process) the most specific matching key wins, ties going to the row imported first.
 */

import type { TraceText } from "../model.ts";
import { traceText } from "../trace-text.ts";
import type {
  ChePowertrain,
  DrayagePowertrain,
  EngineUse,
  FactorPollutant,
  HarborCraftType,
  UserFactorRecord,
  UserFactorUnit,
} from "./model.ts";
import { KM_PER_MILE, KW_PER_BHP } from "./units.ts";
import {
  type CheKey,
  type DrayageKey,
  drayageProcess,
  type HarborCraftKey,
  harborCraftKeyMatches,
  harborCraftKeySpecificity,
  parseCheKey,
  parseDrayageKey,
  parseHarborCraftKey,
} from "./vocab.ts";

export interface FactorHit {
  factor: UserFactorRecord;
  /** The value in the unit the calculator applies (g/km → g/mi, g/bhp-hr → g/kWh for harbour craft). */
  value: number;
  unit: UserFactorUnit;
  /** "user factor … — source: …", as a trace text. */
  source: TraceText;
}

export type DrayageProcess = "running" | "idle" | "start";

function hitSource(f: UserFactorRecord, converted: string): TraceText {
  return traceText("source.userFactor", {
    category: f.category,
    key: f.key,
    pollutant: f.pollutant,
    value: f.value,
    unit: f.unit,
    converted,
    where: f.ref ? ` (${f.ref.file}:${f.ref.line})` : "",
    source: f.source,
  });
}

export class UserFactorIndex {
  private readonly hc: { key: HarborCraftKey; spec: number; f: UserFactorRecord; order: number }[] = [];
  private readonly dray: { key: DrayageKey; f: UserFactorRecord; order: number }[] = [];
  private readonly cheRows: { key: CheKey; f: UserFactorRecord; order: number }[] = [];

  constructor(records: readonly UserFactorRecord[]) {
    records.forEach((f, order) => {
      if (f.category === "harbor_craft") {
        const k = parseHarborCraftKey(f.key);
        if (k.ok) this.hc.push({ key: k.key, spec: harborCraftKeySpecificity(k.key), f, order });
      } else if (f.category === "drayage") {
        const k = parseDrayageKey(f.key);
        if (k.ok) this.dray.push({ key: k.key, f, order });
      } else {
        const k = parseCheKey(f.key);
        if (k.ok) this.cheRows.push({ key: k.key, f, order });
      }
    });
  }

  /**
   * Harbour-craft factors (g/kWh) for one engine, per pollutant.
   * Example: keys "tug propulsion tier 3" and "propulsion" both give NOx → the first (2 conditions) wins.
   */
  harborCraft(e: {
    vesselType: HarborCraftType;
    engineUse: EngineUse;
    tier: string | null;
    kw: number;
    modelYear: number | null;
  }): Map<FactorPollutant, FactorHit> {
    const best = new Map<FactorPollutant, { spec: number; order: number; f: UserFactorRecord }>();
    for (const r of this.hc) {
      if (!harborCraftKeyMatches(r.key, e)) continue;
      const b = best.get(r.f.pollutant);
      if (b === undefined || r.spec > b.spec || (r.spec === b.spec && r.order < b.order))
        best.set(r.f.pollutant, { spec: r.spec, order: r.order, f: r.f });
    }
    const out = new Map<FactorPollutant, FactorHit>();
    for (const [p, { f }] of best) {
      const perKwh = f.unit === "g/bhp-hr" ? f.value / KW_PER_BHP : f.value;
      const converted =
        f.unit === "g/bhp-hr" ? ` = ${perKwh.toPrecision(6)} g/kWh (÷ ${KW_PER_BHP} kW/bhp)` : "";
      out.set(p, { factor: f, value: perKwh, unit: "g/kWh", source: hitSource(f, converted) });
    }
    return out;
  }

  /** Does any harbour-craft factor exist at all (to tell "no factors imported" from "no match")? */
  get hasHarborCraft(): boolean {
    return this.hc.length > 0;
  }

  /**
   * Drayage factors per process and pollutant for a truck group: a key with the group's model-year
   * group wins over the powertrain-only key. Running factors come in g/mi (g/km converted).
   */
  drayage(
    powertrain: DrayagePowertrain,
    modelYearGroup: string | null,
  ): Record<DrayageProcess, Map<FactorPollutant, FactorHit>> {
    const out: Record<DrayageProcess, Map<FactorPollutant, FactorHit>> = {
      running: new Map(),
      idle: new Map(),
      start: new Map(),
    };
    const rank = new Map<string, number>();
    for (const r of this.dray) {
      if (r.key.powertrain !== powertrain) continue;
      const exact = r.key.modelYearGroup !== null && r.key.modelYearGroup === modelYearGroup;
      if (r.key.modelYearGroup !== null && !exact) continue;
      const process = drayageProcess(r.f.unit);
      if (process === undefined) continue;
      const slot = `${process}|${r.f.pollutant}`;
      const score = (exact ? 1_000_000 : 0) - r.order;
      if ((rank.get(slot) ?? Number.NEGATIVE_INFINITY) >= score) continue;
      rank.set(slot, score);
      const perMi = r.f.unit === "g/km" ? r.f.value * KM_PER_MILE : r.f.value;
      const unit: UserFactorUnit = r.f.unit === "g/km" ? "g/mi" : r.f.unit;
      const converted = r.f.unit === "g/km" ? ` = ${perMi.toPrecision(6)} g/mi (× ${KM_PER_MILE} km/mi)` : "";
      out[process].set(r.f.pollutant, { factor: r.f, value: perMi, unit, source: hitSource(r.f, converted) });
    }
    return out;
  }

  /** CHE factors (as given: g/bhp-hr, g/kWh or g/h) for an equipment type and powertrain. */
  che(equipmentType: string, powertrain: ChePowertrain): Map<FactorPollutant, FactorHit> {
    const rank = new Map<FactorPollutant, number>();
    const out = new Map<FactorPollutant, FactorHit>();
    for (const r of this.cheRows) {
      if (r.key.powertrain !== powertrain) continue;
      if (r.key.equipmentType !== null && r.key.equipmentType !== equipmentType) continue;
      const score = (r.key.equipmentType !== null ? 1_000_000 : 0) - r.order;
      if ((rank.get(r.f.pollutant) ?? Number.NEGATIVE_INFINITY) >= score) continue;
      rank.set(r.f.pollutant, score);
      out.set(r.f.pollutant, { factor: r.f, value: r.f.value, unit: r.f.unit, source: hitSource(r.f, "") });
    }
    return out;
  }
}
