/**
 * What each service works on, composed from one store and the shipped reference: the one place it
 * is assembled, for the CLI's commands, the server and the tests alike. The reference tables and the
 * port registry are read from disk once per process, here (imported when a command needs them: the
 * port geography is not needed to print help).
 */

import { type EmissionsTables, loadEmissionsTables } from "../emissions/reference-tables.ts";
import type { EmissionsServiceDeps } from "../emissions/service.ts";
import { loadPortRegistry, type PortRegistry } from "../geo/index.ts";
import {
  dcsaValidators,
  type FacilityLookup,
  loadFacilityLookup,
  measuredTruckIdle,
  type ParsedOperations,
  parseDcsaEvents,
  parseEdifact,
  parseGateCsv,
  parseRailCsv,
  parseReceivingRulesCsv,
} from "../operations/index.ts";
import {
  type HydrogenTables,
  loadHydrogenTables,
  loadScorecardTables,
  loadShippedSolarYear,
  type ParsedSolarYear,
  registryUnitsForInventory,
  type ScorecardTables,
} from "../transition/index.ts";
import type { Store } from "./store.ts";

let tables: EmissionsTables | undefined;
let registry: PortRegistry | undefined;

/** The shipped emissions reference (factors, settings, targets, engine defaults), loaded once. */
export function referenceTables(): EmissionsTables {
  tables ??= loadEmissionsTables();
  return tables;
}

/** The shipped port registry and geography, loaded once. */
export function portRegistry(): PortRegistry {
  registry ??= loadPortRegistry();
  return registry;
}

/** What the emissions service works on, from one store. */
export function emissionsServiceDeps(store: Store): EmissionsServiceDeps {
  return {
    ais: store.ais,
    calls: store.calls,
    emissions: store.emissions,
    activity: store.emissionActivity,
    registry: portRegistry(),
    tables: referenceTables(),
    // The drayage lines idle for the turn times the gates measured (issue 12's emissions link).
    measuredDrayageIdle: (port, from, to) => measuredTruckIdle(store.operations, port, from, to),
    // The CHE activity checked against (and completed from) the port's equipment registry (issue 13).
    registryUnits: async (port) => registryUnitsForInventory(await store.transition.listEquipment({ port })),
  };
}

let facilities: FacilityLookup | undefined;
let validators: ReturnType<typeof dcsaValidators> | undefined;

/** The operations parsers by input kind, with the facility lookup and the DCSA schema loaded once. */
export function operationsParsers(): Record<
  "dcsa" | "edifact" | "gate" | "rail" | "rules",
  (text: string, file: string, firstLine?: number) => ParsedOperations
> {
  facilities ??= loadFacilityLookup(portRegistry());
  validators ??= dcsaValidators();
  const f = facilities;
  const v = validators;
  return {
    dcsa: (text, file, firstLine) => parseDcsaEvents(text, file, f, { validators: v, firstLine }),
    edifact: (text, file) => parseEdifact(text, file, f),
    gate: (text, file) => parseGateCsv(text, file, f),
    rail: (text, file) => parseRailCsv(text, file, f),
    rules: (text, file) => parseReceivingRulesCsv(text, file, f),
  };
}

/** `POST /api/ports/{locode}/events`: a parsed JSON body of DCSA events, checked as a file would be. */
export function parseDcsaBody(json: unknown, source: string): ParsedOperations {
  return operationsParsers().dcsa(JSON.stringify(json), source);
}

let scorecard: ScorecardTables | undefined;
let hydrogen: HydrogenTables | undefined;
const solarYears = new Map<string, ParsedSolarYear>();

/** The transition's scorecard tables (fleet: energy, prices, intensities), loaded once. */
export function scorecardTables(): ScorecardTables {
  scorecard ??= loadScorecardTables();
  return scorecard;
}

/** The hydrogen-supply tables, loaded once. */
export function hydrogenTables(): HydrogenTables {
  hydrogen ??= loadHydrogenTables();
  return hydrogen;
}

/** A port's shipped typical solar year (1.7 MB of TMY3 parsed once per port, not per request). */
export function shippedSolarYear(port: string): ParsedSolarYear {
  let year = solarYears.get(port);
  if (year === undefined) {
    year = loadShippedSolarYear(port);
    solarYears.set(port, year);
  }
  return year;
}

// The exchange's dataset rows from this node's stores (issue 15), composed in their own file.
export { exchangeDatasetRows, exchangeEngineDeps } from "./exchange-datasets.ts";
