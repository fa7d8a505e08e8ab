/**
 * What the fleet half of transition/ needs from storage; src/store/transition/store.ts implements
 * it on SQLite and PostgreSQL. Facts are stored once by their natural keys — equipment by port +
 * unit id, telemetry by port + unit id + period start — so re-ingesting the same input changes
 * nothing; a changed row replaces the stored one (a correction). Every write of a batch is one
 * transaction, with the ingest run and its rejects.
 */
import type { ScenarioStore } from "./scenario-store.ts";
import type { Equipment, EquipmentCategory, EquipmentStatus, Telemetry, TransitionReject } from "./wire.ts";

/** What a batch write did: new rows, changed rows replaced, identical rows left alone. */
export interface WriteOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface TransitionIngestRun {
  id: string;
  kind: "equipment" | "telemetry";
  file: string;
  startedAt: string;
  finishedAt: string;
  read: number;
  accepted: number;
  updated: number;
  rejected: number;
  duplicates: number;
}

export interface EquipmentQuery {
  port?: string;
  status?: EquipmentStatus;
  category?: EquipmentCategory;
  programme?: string;
}

export interface TelemetryQuery {
  port: string;
  unitIds?: readonly string[];
  /** Records whose period starts in [fromS, toS). */
  fromS?: number;
  toS?: number;
}

/** The fleet half and, through ScenarioStore, the saved rollout scenarios (scenario-store.ts). */
export interface TransitionStore extends ScenarioStore {
  /**
   * Upserts units (by port + unit id) and records the run `finish` describes from the outcome
   * (null: no run) with its rejects — all in one transaction.
   */
  writeEquipment(
    units: readonly Equipment[],
    rejects: readonly TransitionReject[],
    finish?: (outcome: WriteOutcome) => TransitionIngestRun | null,
  ): Promise<WriteOutcome>;
  /** Upserts telemetry (by port + unit id + period start); the run as for writeEquipment. */
  writeTelemetry(
    records: readonly Telemetry[],
    rejects: readonly TransitionReject[],
    finish?: (outcome: WriteOutcome) => TransitionIngestRun | null,
  ): Promise<WriteOutcome>;
  /** Units in port, unit id order. */
  listEquipment(query: EquipmentQuery): Promise<Equipment[]>;
  /** These units of a port (absent: not registered). */
  equipmentByIds(port: string, unitIds: readonly string[]): Promise<Map<string, Equipment>>;
  /** Telemetry in unit id, period start order. */
  telemetry(query: TelemetryQuery): Promise<Telemetry[]>;
  ingestRuns(limit: number): Promise<TransitionIngestRun[]>;
  rejects(runId: string): Promise<TransitionReject[]>;
}
