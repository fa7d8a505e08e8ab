/**
 * Scorecards over the store: the units of a port (or one unit), their telemetry in a window, the
 * diesel units they replace with those units' metered telemetry, and the port's aggregate.
 */
import { DomainError } from "../core/errors.ts";
import { computeScorecard, type FuelPrice, SCORECARD_PATHWAYS, type ScorecardTablesIn } from "./scorecard.ts";
import type { TransitionStore } from "./store.ts";
import { type Equipment, type Scorecard, ZERO_EMISSION_POWERTRAINS } from "./wire.ts";

export interface ScorecardQuery {
  port: string;
  timeZone: string;
  currency: string;
  unitId?: string;
  fromS?: number;
  toS?: number;
  prices?: readonly FuelPrice[];
}

/** Units a port's scorecards cover: zero-emission and hybrid units that are not merely planned. */
export function scoredUnit(e: Equipment): boolean {
  return (
    (ZERO_EMISSION_POWERTRAINS.includes(e.powertrain) || e.powertrain === "hybrid") && e.status !== "planned"
  );
}

/** Scorecards of a port's pilot and in-service zero-emission units (or of one unit, whatever it is). */
export async function fleetScorecards(
  store: TransitionStore,
  tables: ScorecardTablesIn,
  q: ScorecardQuery,
): Promise<Scorecard[]> {
  let units: Equipment[];
  if (q.unitId !== undefined) {
    const u = (await store.equipmentByIds(q.port, [q.unitId])).get(q.unitId);
    if (u === undefined)
      throw new DomainError("not_found", `unit ${q.unitId} is not in the ${q.port} registry`);
    units = [u];
  } else units = (await store.listEquipment({ port: q.port })).filter(scoredUnit);
  if (units.length === 0) return [];
  const telemetry = await store.telemetry({
    port: q.port,
    unitIds: units.map((u) => u.unitId),
    ...(q.fromS !== undefined ? { fromS: q.fromS } : {}),
    ...(q.toS !== undefined ? { toS: q.toS } : {}),
  });
  const replacedIds = [...new Set(units.flatMap((u) => (u.replaces ? [u.replaces] : [])))];
  const replaced = await store.equipmentByIds(q.port, replacedIds);
  const replacedTelemetry = await store.telemetry({ port: q.port, unitIds: replacedIds });
  const t = { ...tables, prices: [...(q.prices ?? []), ...(tables.prices ?? [])] };
  return units.map((unit) =>
    computeScorecard(
      {
        unit,
        telemetry: telemetry.filter((x) => x.unitId === unit.unitId),
        replaced: unit.replaces ? (replaced.get(unit.replaces) ?? null) : null,
        replacedTelemetry: replacedTelemetry.filter((x) => x.unitId === unit.replaces),
        timeZone: q.timeZone,
        currency: q.currency,
        fromS: q.fromS ?? null,
        toS: q.toS ?? null,
      },
      t,
    ),
  );
}

export interface PortScorecardSummary {
  port: string;
  units: number;
  operatingH: number;
  h2Kg: number;
  chargedKwh: number;
  /** Period-weighted: (Σ period h − Σ downtime h) / Σ period h. */
  availability: number | null;
  avoidedTailpipeCo2Kg: number;
  avoidedWtwKgCo2eByPathway: Record<string, number>;
  /** Units whose avoided emissions could not be computed. */
  unitsWithoutCounterfactual: number;
}

/**
 * The port-level aggregate (public: no unit is named). Example: two scorecards with 48 h and 24 h
 * of period and 3 h and 0 h of downtime → availability (72 − 3) / 72 = 0.9583.
 */
export function summarizeScorecards(port: string, cards: readonly Scorecard[]): PortScorecardSummary {
  const periodH = cards.reduce((a, c) => a + c.periodH, 0);
  const downtimeH = cards.reduce((a, c) => a + c.downtimeH, 0);
  const byPath: Record<string, number> = Object.fromEntries(SCORECARD_PATHWAYS.map((p) => [p, 0]));
  for (const c of cards)
    for (const p of c.pathways)
      if (p.avoidedWtwKgCo2e !== null) byPath[p.pathway] = (byPath[p.pathway] ?? 0) + p.avoidedWtwKgCo2e;
  return {
    port,
    units: cards.length,
    operatingH: cards.reduce((a, c) => a + c.operatingH, 0),
    h2Kg: cards.reduce((a, c) => a + c.h2Kg, 0),
    chargedKwh: cards.reduce((a, c) => a + c.chargedKwh, 0),
    availability: periodH > 0 ? (periodH - downtimeH) / periodH : null,
    avoidedTailpipeCo2Kg: cards.reduce((a, c) => a + (c.avoidedTailpipeCo2Kg ?? 0), 0),
    avoidedWtwKgCo2eByPathway: byPath,
    unitsWithoutCounterfactual: cards.filter((c) => c.dieselCounterfactual === null).length,
  };
}
