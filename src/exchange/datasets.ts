/**
 * Dataset rows (issue 15): what a node's own stored results look like as rows of the catalog's
 * datasets, before an agreement aggregates them (aggregateRows, k-cell rule). Pure mappers: they take
 * other capabilities' stored result types (imported through their index.ts) and return DatasetRow[];
 * src/store/exchange-datasets.ts reads the stores and calls them.
 *
 * Every row carries `month` (YYYY-MM in the PORT's zone) and `year` (the calendar year of that
 * month: a fiscal-year reader regroups months on display), and names its values exactly as the
 * catalog's fields, in the catalog's units. A field the store does not hold is left out of the row
 * (aggregateRows skips it) — never invented:
 * - operations-kpis `teu` counts the boxes of known size (ISO 6346 size code) only;
 * - hydrogen-supply `fills`: telemetry holds kg dispensed per unit-period, not fills; its `pathway`
 *   is "unrecorded" (the records do not say how the hydrogen was made).
 * Contributors (what the minimum cell size counts): the vessel (IMO number, else MMSI) for calls and
 * ship emissions; the terminal operator for cargo-handling equipment, drayage and terminal KPIs (the
 * gate data names terminals, not trucking companies); the rail operator (the source's operator name)
 * for rail; the registered owner for equipment, scorecards and hydrogen.
 */
import type { PortCallRecord } from "../calls/index.ts";
import { localDateTime } from "../core/time.ts";
import type { InventoryLine } from "../emissions/index.ts";
import type { HourlyRollup } from "../operations/index.ts";
import type { Equipment, Scorecard, Telemetry } from "../transition/index.ts";
import type { DatasetRow } from "./package.ts";

/** A half-open window of UTC instants [from, to) (ISO 8601). */
export interface DatasetRange {
  from: string;
  to: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The month (YYYY-MM) of an instant in a zone. Example: 2026-01-01T05:00Z in America/Los_Angeles is
 * 2025-12-31 21:00 local → "2025-12"; in Asia/Tokyo → "2026-01".
 */
export function localMonth(instantS: number, timeZone: string): string {
  const l = localDateTime(new Date(instantS * 1000), timeZone);
  return `${l.year}-${pad2(l.month)}`;
}

/** The months (YYYY-MM, port's zone) a range touches: its first instant's month to its last's. */
export function rangeMonths(range: DatasetRange, timeZone: string): { first: string; last: string } {
  const fromS = Date.parse(range.from) / 1000;
  const toS = Date.parse(range.to) / 1000;
  return { first: localMonth(fromS, timeZone), last: localMonth(Math.max(fromS, toS - 1), timeZone) };
}

const inRange = (s: number, range: DatasetRange) =>
  s >= Date.parse(range.from) / 1000 && s < Date.parse(range.to) / 1000;

const monthDims = (month: string) => ({ month, year: month.slice(0, 4) });

const TONNES_PER_GRAM = 1e-6;

/** Who is behind an emissions line (see the file comment). */
function lineContributor(line: InventoryLine, callImo: ReadonlyMap<string, number | null>): string {
  switch (line.category) {
    case "ogv": {
      // sourceId is the call id PORT-MMSI-YYYYMMDDhhmm (calls/calls.ts callId).
      const imo = callImo.get(line.sourceId);
      if (imo != null) return `IMO ${imo}`;
      return `MMSI ${line.sourceId.split("-")[1] ?? line.sourceId}`;
    }
    case "harbor_craft":
      // "harbor_craft:MMSI 366990001": one vessel.
      return line.sourceId.replace(/^harbor_craft:/, "");
    case "rail": {
      // "rail:switch:Tier 4:PHL switchers T4" names its operator; "rail:line-haul:Tier 1+" does not.
      const parts = line.sourceId.split(":");
      return parts.length > 3 ? `rail ${parts.slice(3).join(":")}` : line.sourceId;
    }
    default:
      // Cargo-handling equipment and drayage are recorded per terminal: the terminal operator.
      return line.terminal !== null ? `terminal ${line.terminal}` : line.sourceId;
  }
}

/**
 * emissions-inventory rows from a stored inventory's lines: tailpipe scope only (the inventory
 * proper; grid and upstream are reported apart), one row per source and month, grams → tonnes.
 * Lines of months outside the range are left out; the same source-month stored under two inventory
 * years counts once. `callImo` maps OGV call ids to the vessel's IMO number (stored calls).
 * Example: a CHE line of terminal "YTI", 2026-03 (local), co2e 2,500,000 g, so2 1,000 g → row
 * { contributor "terminal YTI", dims { category che, month 2026-03, year 2026 },
 *   values { co2eTonnes 2.5, soxTonnes 0.001, … } }.
 */
export function emissionsInventoryRows(
  lines: Iterable<InventoryLine>,
  callImo: ReadonlyMap<string, number | null>,
  months: { first: string; last: string },
): DatasetRow[] {
  const seen = new Set<string>();
  const rows: DatasetRow[] = [];
  for (const line of lines) {
    if (line.scope !== "tailpipe") continue;
    const month = `${line.year}-${pad2(line.month)}`;
    if (month < months.first || month > months.last) continue;
    const key = `${line.category}|${line.sourceId}|${month}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      contributor: lineContributor(line, callImo),
      dims: { category: line.category, ...monthDims(month) },
      values: {
        co2eTonnes: line.grams.co2e * TONNES_PER_GRAM,
        noxTonnes: line.grams.nox * TONNES_PER_GRAM,
        pm25Tonnes: line.grams.pm25 * TONNES_PER_GRAM,
        dpmTonnes: line.grams.dpm * TONNES_PER_GRAM,
        soxTonnes: line.grams.so2 * TONNES_PER_GRAM,
      },
    });
  }
  return rows;
}

/**
 * port-calls rows: one per stored call of this port (a neighbour port's call seen in our waters is
 * not ours) whose first berth arrival falls in the range, in the month of that arrival.
 * Example: IMO 9300000, container ship, berth arrival 2026-02-01T03:00Z (Los Angeles: 2026-01-31
 * local), waited 5.5 h at anchor, 30 h at berth → { contributor "IMO 9300000", dims { vesselType
 * container, month 2026-01, year 2026 }, values { calls 1, anchoredCalls 1, anchorageWaitH 5.5,
 * berthH 30 } }.
 */
export function portCallRows(
  calls: Iterable<PortCallRecord>,
  range: DatasetRange,
  timeZone: string,
): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (const c of calls) {
    if (c.neighbourOf !== null) continue;
    const arrivalS = Date.parse(c.berthArrivalAt) / 1000;
    if (!inRange(arrivalS, range)) continue;
    rows.push({
      contributor: c.imo !== null ? `IMO ${c.imo}` : `MMSI ${c.mmsi}`,
      dims: { vesselType: c.shipTypeGroup, ...monthDims(localMonth(arrivalS, timeZone)) },
      values: {
        calls: 1,
        anchoredCalls: c.anchorageWaitH > 0 ? 1 : 0,
        anchorageWaitH: c.anchorageWaitH,
        berthH: c.timeAtBerthH,
      },
    });
  }
  return rows;
}

/** YYYY-MM of a rollup's local day number (days since 1970-01-01 in the port's zone). */
const dayMonth = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 7);

/**
 * operations-kpis rows: one per terminal and local month from the stored day rollups (hourly sums):
 * truck visits, mean turn time, mean import dwell (truck and rail exits), vessel moves (discharges +
 * loads) and the TEU they handled (the rollups keep quarter-TEU). A mean with nothing measured is
 * left out; so is `teu` when no vessel move had a box of known size.
 * Example: terminal YTI, two days of 2026-03 with 100 + 50 visits, turn 150 timed visits summing
 * 540,000 s, 20 dwells summing 8,640,000 s, 300 + 200 vessel moves of 3,000 quarter-TEU →
 * { contributor "terminal YTI", values { truckVisits 150, truckTurnMin 60, importDwellDays 5,
 * moves 500, teu 750 } }.
 */
export function operationsKpiRows(rollups: Iterable<HourlyRollup>): DatasetRow[] {
  const acc = new Map<
    string,
    {
      terminal: string;
      month: string;
      visits: number;
      turnN: number;
      turnS: number;
      dwellN: number;
      dwellS: number;
      moves: number;
      teuQuarters: number;
    }
  >();
  for (const r of rollups) {
    const month = dayMonth(r.day);
    const key = `${r.terminal}|${month}`;
    let a = acc.get(key);
    if (!a) {
      a = {
        terminal: r.terminal,
        month,
        visits: 0,
        turnN: 0,
        turnS: 0,
        dwellN: 0,
        dwellS: 0,
        moves: 0,
        teuQuarters: 0,
      };
      acc.set(key, a);
    }
    a.visits += r.truckVisits;
    a.turnN += r.turnCount;
    a.turnS += r.turnSumS;
    a.dwellN += r.dwellTruckCount + r.dwellRailCount;
    a.dwellS += r.dwellTruckSumS + r.dwellRailSumS;
    a.moves += r.vesselDischarges + r.vesselLoads;
    a.teuQuarters += r.vesselTeuQuarters;
  }
  return [...acc.values()].map((a) => ({
    contributor: `terminal ${a.terminal}`,
    dims: { terminal: a.terminal, ...monthDims(a.month) },
    values: {
      truckVisits: a.visits,
      ...(a.turnN > 0 ? { truckTurnMin: a.turnS / a.turnN / 60 } : {}),
      ...(a.dwellN > 0 ? { importDwellDays: a.dwellS / a.dwellN / 86_400 } : {}),
      moves: a.moves,
      ...(a.teuQuarters > 0 ? { teu: a.teuQuarters / 4 } : {}),
    },
  }));
}

const ownerOf = (e: Pick<Equipment, "owner" | "unitId">) => e.owner ?? `unit ${e.unitId}`;

/**
 * ze-fleet rows: one per registered unit (not planned, not retired) and month in which it reported
 * telemetry — the registry keeps no commissioning dates, so a unit counts in the months it worked.
 * Example: a fuel-cell yard tractor of "Toyota" with two records in 2026-03 of 6 h and 7.5 h →
 * { contributor "Toyota", dims { category yard_tractor, powertrain fuel_cell, month 2026-03 },
 *   values { units 1, operatingH 13.5 } }.
 */
export function zeFleetRows(
  equipment: Iterable<Equipment>,
  telemetry: Iterable<Telemetry>,
  range: DatasetRange,
  timeZone: string,
): DatasetRow[] {
  const units = new Map<string, Equipment>();
  for (const e of equipment) if (e.status === "pilot" || e.status === "in_service") units.set(e.unitId, e);
  const hours = new Map<string, { unit: Equipment; month: string; h: number }>();
  for (const t of telemetry) {
    const unit = units.get(t.unitId);
    if (!unit || !inRange(t.periodStartS, range)) continue;
    const month = localMonth(t.periodStartS, timeZone);
    const key = `${t.unitId}|${month}`;
    const a = hours.get(key) ?? { unit, month, h: 0 };
    a.h += t.operatingH;
    hours.set(key, a);
  }
  return [...hours.values()].map(({ unit, month, h }) => ({
    contributor: ownerOf(unit),
    dims: { category: unit.category, powertrain: unit.powertrain, ...monthDims(month) },
    values: { units: 1, operatingH: h },
  }));
}

/**
 * pilot-scorecards rows: one per scorecard of a month (a unit's scorecard over that local month), for
 * units that reported in it. kwhPerH is electricity charged per operating hour; h2KgPerH and
 * availability as the scorecard has them; co2AvoidedKg the tailpipe CO2 avoided against the diesel
 * counterfactual.
 * Example: a scorecard of 2026-03 with 100 operating h, 0 kWh charged, h2KgPerH 0.42, availability
 * 0.95, 800 kg avoided → values { availability 0.95, kwhPerH 0, h2KgPerH 0.42, co2AvoidedKg 800 }.
 */
export function pilotScorecardRows(
  months: Iterable<{ month: string; scorecards: readonly Scorecard[] }>,
  owners: ReadonlyMap<string, string | null>,
): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (const { month, scorecards } of months)
    for (const c of scorecards) {
      if (c.records === 0) continue;
      rows.push({
        contributor: owners.get(c.unitId) ?? `unit ${c.unitId}`,
        dims: { category: c.category, programme: c.programme ?? "none", ...monthDims(month) },
        values: {
          ...(c.availability !== null ? { availability: c.availability } : {}),
          ...(c.operatingH > 0 ? { kwhPerH: c.chargedKwh / c.operatingH } : {}),
          ...(c.h2KgPerH !== null ? { h2KgPerH: c.h2KgPerH } : {}),
          ...(c.avoidedTailpipeCo2Kg !== null ? { co2AvoidedKg: c.avoidedTailpipeCo2Kg } : {}),
        },
      });
    }
  return rows;
}

/**
 * hydrogen-supply rows: hydrogen dispensed into registered units, one row per owner and month.
 * Example: two units of "Toyota" dispensed 3.5 and 4 kg in 2026-03 → { contributor "Toyota",
 * dims { pathway unrecorded, month 2026-03, year 2026 }, values { h2DispensedKg 7.5 } }.
 */
export function hydrogenSupplyRows(
  equipment: Iterable<Equipment>,
  telemetry: Iterable<Telemetry>,
  range: DatasetRange,
  timeZone: string,
): DatasetRow[] {
  const owner = new Map<string, string>();
  for (const e of equipment) owner.set(e.unitId, ownerOf(e));
  const acc = new Map<string, { owner: string; month: string; kg: number }>();
  for (const t of telemetry) {
    if (t.h2Kg === null || t.h2Kg <= 0 || !inRange(t.periodStartS, range)) continue;
    const who = owner.get(t.unitId) ?? `unit ${t.unitId}`;
    const month = localMonth(t.periodStartS, timeZone);
    const key = `${who}|${month}`;
    const a = acc.get(key) ?? { owner: who, month, kg: 0 };
    a.kg += t.h2Kg;
    acc.set(key, a);
  }
  return [...acc.values()].map((a) => ({
    contributor: a.owner,
    dims: { pathway: "unrecorded", ...monthDims(a.month) },
    values: { h2DispensedKg: a.kg },
  }));
}
