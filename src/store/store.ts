/**
 * The store: one database (SQLite or PostgreSQL, see dialect.ts), every capability's migrations
 * (migrator.ts), and each capability's storage interface implemented by store/<capability>/store.ts.
 * The full `Database` type is the intersection of the capabilities' schemas; each capability store
 * takes a Kysely typed for the tables it uses, and `Kysely<Database>` is one (no casts). README.md
 * here says how a new capability adds its folder.
 */
import { Kysely } from "kysely";
import type { AccessStore } from "../access/store.ts";
import type { AisStore } from "../ais/track-store.ts";
import type { CallStore } from "../calls/store.ts";
import type { EmissionActivityStore } from "../emissions/nonship/index.ts";
import type { EmissionStore } from "../emissions/store.ts";
import type { ExchangeStore } from "../exchange/store.ts";
import type { OperationsStore } from "../operations/store.ts";
import type { PortStore } from "../ports/model.ts";
import type { TransitionStore } from "../transition/store.ts";
import type { AccessDatabase } from "./access/schema.ts";
import { createAccessStore } from "./access/store.ts";
import type { AisDatabase } from "./ais/schema.ts";
import { createAisStore } from "./ais/store.ts";
import type { CallsDatabase } from "./calls/schema.ts";
import { createCallStore } from "./calls/store.ts";
import { type DialectKind, openDialect } from "./dialect.ts";
import { createEmissionActivityStore } from "./emissions/activity-store.ts";
import type { EmissionActivityDatabase, EmissionsDatabase } from "./emissions/schema.ts";
import { createEmissionStore } from "./emissions/store.ts";
import type { ExchangeDatabase } from "./exchange/schema.ts";
import { createExchangeStore } from "./exchange/store.ts";
import { createMigrator, type StoreMigrator } from "./migrator.ts";
import type { OperationsDatabase } from "./operations/schema.ts";
import { createOperationsStore } from "./operations/store.ts";
import type { PortsDatabase } from "./ports/schema.ts";
import { createPortStore } from "./ports/store.ts";
import type { TransitionDatabase } from "./transition/schema.ts";
import { createTransitionStore } from "./transition/store.ts";

/** Every table, SQLite and PostgreSQL alike. */
export type Database = PortsDatabase &
  AisDatabase &
  CallsDatabase &
  EmissionsDatabase &
  EmissionActivityDatabase &
  OperationsDatabase &
  TransitionDatabase &
  ExchangeDatabase &
  AccessDatabase;

export interface Store extends StoreMigrator {
  kind: DialectKind;
  db: Kysely<Database>;
  ports: PortStore;
  ais: AisStore;
  calls: CallStore;
  emissions: EmissionStore;
  emissionActivity: EmissionActivityStore;
  operations: OperationsStore;
  transition: TransitionStore;
  exchange: ExchangeStore;
  access: AccessStore;
  /**
   * A token that changes whenever any stored data changes, by this process or another: lets the
   * server keep answers until then. SQLite: `data_version` (commits by other connections) and this
   * connection's `total_changes()`, less the rows of bookkeeping it wrote (the audit log and
   * last-use times, written with every key use, change no answer). Undefined on PostgreSQL (no
   * such cheap token): nothing is kept.
   */
  dataVersion(): string | undefined;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl: string;
}

export function openStore(options: OpenStoreOptions): Store {
  const { kind, dialect, dataVersion, bookkeeping, statements } = openDialect(options.databaseUrl);
  const db = new Kysely<Database>({ dialect });
  return {
    kind,
    db,
    ports: createPortStore(db),
    ais: createAisStore(db, kind),
    calls: createCallStore(db),
    emissions: createEmissionStore(db),
    emissionActivity: createEmissionActivityStore(db),
    operations: createOperationsStore(db, statements),
    transition: createTransitionStore(db),
    exchange: createExchangeStore(db),
    access: createAccessStore(db, bookkeeping),
    ...createMigrator(db, kind),
    dataVersion,
    close: () => db.destroy(),
  };
}
