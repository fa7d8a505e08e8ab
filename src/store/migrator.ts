/**
 * Runs every capability's migrations (store/<capability>/migrations.ts) as one ordered list.
 * Kysely runs them by name and records each in `kysely_migration`; it refuses a new migration whose
 * name sorts before one already applied. So a released migration is never renamed or edited, and a
 * new one takes a name above the highest so far, whichever capability it belongs to.
 */
import { type Kysely, type Migration, type MigrationResultSet, Migrator } from "kysely";
import { DomainError } from "../core/errors.ts";
import { accessMigrations } from "./access/migrations.ts";
import { aisMigrations } from "./ais/migrations.ts";
import { callsMigrations } from "./calls/migrations.ts";
import type { DialectKind } from "./dialect.ts";
import { emissionsMigrations } from "./emissions/migrations.ts";
import { exchangeMigrations } from "./exchange/migrations.ts";
import { operationsMigrations } from "./operations/migrations.ts";
import { portsMigrations } from "./ports/migrations.ts";
import { transitionMigrations } from "./transition/migrations.ts";

/** Each capability's migrations; a new capability adds its own here. */
const CAPABILITY_MIGRATIONS: readonly ((kind: DialectKind) => Record<string, Migration>)[] = [
  portsMigrations,
  aisMigrations,
  callsMigrations,
  emissionsMigrations,
  operationsMigrations,
  transitionMigrations,
  exchangeMigrations,
  accessMigrations,
];

/** Every migration for a dialect, in the order they run (Kysely's: names compared by localeCompare). */
export function migrationsFor(kind: DialectKind): Record<string, Migration> {
  const all = new Map<string, Migration>();
  for (const migrations of CAPABILITY_MIGRATIONS)
    for (const [name, migration] of Object.entries(migrations(kind))) {
      if (all.has(name)) throw new DomainError("internal", `migration ${name} is defined twice`);
      all.set(name, migration);
    }
  return Object.fromEntries([...all].sort(([a], [b]) => a.localeCompare(b)));
}

export interface StoreMigrator {
  /** Applies pending migrations; returns the names applied now (empty when up to date). */
  migrate(): Promise<string[]>;
  /** Names of applied and pending migrations. */
  migrationStatus(): Promise<{ applied: string[]; pending: string[] }>;
}

export function createMigrator<DB>(db: Kysely<DB>, kind: DialectKind): StoreMigrator {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(kind) } });
  const applied = (results: MigrationResultSet) => {
    if (results.error) {
      const failed = results.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
      const reason = results.error instanceof Error ? results.error.message : String(results.error);
      throw new DomainError("internal", `migration ${failed} failed: ${reason}`);
    }
    return (results.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  };
  return {
    migrate: async () => applied(await migrator.migrateToLatest()),
    async migrationStatus() {
      const all = await migrator.getMigrations();
      return {
        applied: all.filter((m) => m.executedAt).map((m) => m.name),
        pending: all.filter((m) => !m.executedAt).map((m) => m.name),
      };
    },
  };
}
