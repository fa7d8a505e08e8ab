/**
 * What each service works on, composed from one store and the shipped reference: the one place it
 * is assembled, for the CLI's commands, the server and the tests alike. The reference tables and the
 * port registry are read from disk once per process, here (imported when a command needs them: the
 * port geography is not needed to print help).
 */

import { type EmissionsTables, loadEmissionsTables } from "../emissions/reference-tables.ts";
import type { EmissionsServiceDeps } from "../emissions/service.ts";
import { loadPortRegistry, type PortRegistry } from "../geo/index.ts";
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
  };
}
