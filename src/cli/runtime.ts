/** Start-up shared by the CLI commands: configuration, the store, and the port registry in it. */
import { type AppConfig, type ConfigFlags, parseConfig } from "../core/config.ts";
import type { UpsertCounts } from "../ports/index.ts";
import type { Store } from "../store/index.ts";

export function loadConfig(flags: ConfigFlags = {}): AppConfig {
  return parseConfig(flags, process.env);
}

export interface ReadyStore {
  store: Store;
  migrationsApplied: string[];
  ports: UpsertCounts;
}

/** Opens the configured database, applies pending migrations and brings the port registry up to date. */
export async function openReadyStore(config: AppConfig): Promise<ReadyStore> {
  // Imported here, not at start: the database drivers are not needed to print help.
  const [{ openStore }, { loadPortRecords }] = await Promise.all([
    import("../store/index.ts"),
    import("../ports/registry.ts"), // not index.ts: it brings the routes and zod
  ]);
  const store = openStore({ databaseUrl: config.databaseUrl });
  try {
    const migrationsApplied = await store.migrate();
    const ports = await store.ports.upsertPorts(loadPortRecords());
    return { store, migrationsApplied, ports };
  } catch (error) {
    await store.close();
    throw error;
  }
}
