/**
 * The exchange's dataset rows read from this node's own stores (issue 15): stored inventories (their
 * lines), stored port calls, the operations day rollups, the equipment registry and its telemetry,
 * and the pilot scorecards over that telemetry. Nothing is recomputed from facts here: an inventory
 * year is read as stored (the refresher recomputes it on its own schedule). The mapping itself is
 * pure, in src/exchange/datasets.ts.
 */
import type { PortCallRecord } from "../calls/index.ts";
import { DomainError } from "../core/errors.ts";
import { zonedMidnightUtcS } from "../core/time.ts";
import {
  type DatasetRange,
  type DatasetRow,
  type EngineDeps,
  emissionsInventoryRows,
  httpTransport,
  hydrogenSupplyRows,
  localMonth,
  operationsKpiRows,
  pilotScorecardRows,
  portCallRows,
  rangeMonths,
  zeFleetRows,
} from "../exchange/index.ts";
import { clockFor } from "../operations/index.ts";
import { fleetScorecards, type Scorecard } from "../transition/index.ts";
import { portRegistry, scorecardTables } from "./services.ts";
import type { Store } from "./store.ts";

const DAY_S = 86_400;

async function storedCalls(
  store: Store,
  port: string,
  fromS: number,
  toS: number,
): Promise<PortCallRecord[]> {
  const out: PortCallRecord[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await store.calls.listCalls({ port, fromS, toS, limit: 5000, offset });
    out.push(...page.calls);
    if (page.calls.length < 5000) return out;
  }
}

/**
 * The rows of one catalog dataset at a port over [range.from, range.to) (ISO instants), from what
 * this node has stored. Example: exchangeDatasetRows(store, "USLAX", "port-calls",
 * { from: "2026-11-01T08:00:00Z", to: "2026-12-01T08:00:00Z" }) → one row per Los Angeles call whose
 * berth arrival falls in November 2026 (local).
 */
export async function exchangeDatasetRows(
  store: Store,
  port: string,
  dataset: string,
  range: { from: string; to: string },
): Promise<DatasetRow[]> {
  const timeZone = portRegistry().get(port)?.timeZone;
  if (timeZone === undefined) throw new DomainError("not_found", `unknown port ${port}`);
  // Stored instants are whole seconds (bigint on PostgreSQL, which refuses a fraction in a bound);
  // for a whole second s, s ≥ x ⇔ s ≥ ⌈x⌉ and s < y ⇔ s < ⌈y⌉: the same half-open window.
  const [fromMs, toMs] = [Date.parse(range.from), Date.parse(range.to)];
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs)
    throw new DomainError("validation", `bad range ${range.from} – ${range.to}`);
  const fromS = Math.ceil(fromMs / 1000);
  const toS = Math.ceil(toMs / 1000);
  const r: DatasetRange = range;
  switch (dataset) {
    case "emissions-inventory": {
      const months = rangeMonths(r, timeZone);
      const [first, last] = [Number(months.first.slice(0, 4)), Number(months.last.slice(0, 4))];
      // A reporting year Y holds calendar months of Y (and of Y + 1 for an April–March fiscal year).
      const years = (await store.emissions.listInventories(port))
        .map((i) => i.year)
        .filter((y) => y >= first - 1 && y <= last)
        .sort((a, b) => b - a);
      const lines = [];
      for (const y of years) lines.push(...(await store.emissions.lines(port, y)));
      // OGV lines name their call: the stored call gives the vessel's IMO number.
      const ogv = lines.some((l) => l.category === "ogv")
        ? await storedCalls(store, port, fromS - 62 * DAY_S, toS + 62 * DAY_S)
        : [];
      return emissionsInventoryRows(lines, new Map(ogv.map((c) => [c.id, c.imo])), months);
    }
    case "port-calls":
      return portCallRows(await storedCalls(store, port, fromS - 62 * DAY_S, toS), r, timeZone);
    case "operations-kpis": {
      const clock = clockFor(timeZone);
      const rollups = await store.operations.hourlyRollups(
        { port, fromDay: clock(fromS).day, toDay: clock(toS - 1).day },
        "day",
      );
      return operationsKpiRows(rollups);
    }
    case "ze-fleet":
    case "hydrogen-supply": {
      const [equipment, telemetry] = await Promise.all([
        store.transition.listEquipment({ port }),
        store.transition.telemetry({ port, fromS, toS }),
      ]);
      return dataset === "ze-fleet"
        ? zeFleetRows(equipment, telemetry, r, timeZone)
        : hydrogenSupplyRows(equipment, telemetry, r, timeZone);
    }
    case "pilot-scorecards": {
      const equipment = await store.transition.listEquipment({ port });
      const telemetry = await store.transition.telemetry({ port, fromS, toS });
      // One scorecard per unit and local month with telemetry (months without any are skipped).
      const monthStarts = new Map<string, number>();
      for (const t of telemetry) {
        const m = localMonth(t.periodStartS, timeZone);
        if (!monthStarts.has(m)) monthStarts.set(m, t.periodStartS);
      }
      const currency = portRegistry().get(port)?.currency ?? "";
      const months: { month: string; scorecards: Scorecard[] }[] = [];
      for (const month of [...monthStarts.keys()].sort()) {
        const [y, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
        const start = zonedMidnightUtcS(y, mo, 1, timeZone);
        const end = zonedMidnightUtcS(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1, timeZone);
        const scorecards = await fleetScorecards(store.transition, scorecardTables(), {
          port,
          timeZone,
          currency,
          fromS: Math.max(start, fromS),
          toS: Math.min(end, toS),
        });
        months.push({ month, scorecards });
      }
      return pilotScorecardRows(months, new Map(equipment.map((e) => [e.unitId, e.owner])));
    }
    default:
      throw new DomainError("not_found", `no dataset ${dataset} in the catalog`);
  }
}

/**
 * What the exchange engine runs on at this node: its store, HTTP to each peer (with the API key the
 * peer gave this node) and its own dataset rows.
 */
export function exchangeEngineDeps(store: Store, options: { fetch?: typeof fetch } = {}): EngineDeps {
  return {
    exchange: store.exchange,
    now: () => new Date(),
    transportFor: (peer) => httpTransport(peer.endpoint, options.fetch ?? fetch, peer.apiKey),
    rowsFor: (port, dataset, range) => exchangeDatasetRows(store, port, dataset, range),
  };
}
