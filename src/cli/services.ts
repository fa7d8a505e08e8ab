/**
 * Services composed from one store, for the commands that need them (imported when they run: the
 * port geography it loads is not needed to print help).
 */
import type { EmissionsServiceDeps } from "../emissions/service.ts";
import { loadPortRegistry } from "../geo/index.ts";
import type { Store } from "../store/index.ts";

/** What the emissions service works on, from one store (the one place it is composed). */
export function emissionsServiceDeps(store: Store): EmissionsServiceDeps {
  return {
    ais: store.ais,
    calls: store.calls,
    emissions: store.emissions,
    activity: store.emissionActivity,
    registry: loadPortRegistry(),
  };
}
