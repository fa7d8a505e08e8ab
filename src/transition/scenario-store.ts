/**
 * What rollout scenarios need from storage (src/store/transition/scenario-store.ts implements it on
 * SQLite and PostgreSQL). A scenario is stored per port under a name unique in the port, with its
 * computed result and gap to targets: reads serve what was stored (a read never recomputes 25
 * years); saving again under the same name replaces the input and its results in one statement.
 */
import type { ScenarioResult, TargetsGapReply } from "./scenario-wire.ts";

export interface StoredScenarioRow {
  port: string;
  name: string;
  description: string | null;
  /** The scenario as saved (JSON of the validated input). */
  input: Record<string, unknown>;
  result: ScenarioResult;
  targetsGap: TargetsGapReply;
  savedAt: string;
}

export interface ScenarioSummaryRow {
  port: string;
  name: string;
  description: string | null;
  baseYear: number;
  horizonYear: number;
  savedAt: string;
  zeShareChePctAt2030: number | null;
  wtwCo2eTAtHorizon: number | null;
}

export interface ScenarioStore {
  /** Inserts or replaces (port, name); returns whether it replaced a stored scenario. */
  saveScenario(row: StoredScenarioRow): Promise<{ replaced: boolean }>;
  /** The port's scenarios in name order (no inputs or results: their headline figures). */
  listScenarios(port: string): Promise<ScenarioSummaryRow[]>;
  /** One scenario, or undefined. */
  scenario(port: string, name: string): Promise<StoredScenarioRow | undefined>;
  /** Deletes one; true when it existed. */
  deleteScenario(port: string, name: string): Promise<boolean>;
}
