/**
 * What the non-ship activity needs from storage; src/store/emissions/activity-store.ts implements it
 * on SQLite and PostgreSQL. Activity records are facts keyed by (port, kind, record key): importing
 * the same file again changes nothing, a changed row replaces the stored one. Each file is imported
 * in one transaction, with its rejects and a run record.
 */

import type { YearMonth } from "../../core/time.ts";
import type { ParsedRecord } from "./csv.ts";
import type { ActivityKind, ActivityReject, NonshipActivity } from "./model.ts";

export type { YearMonth };

export interface ActivityImportInput {
  port: string;
  kind: ActivityKind;
  /** The file as named on the command line (kept with each record and reject). */
  sourceFile: string;
  /** Data rows read, rows repeated identically inside the file, the good records and the rejects. */
  read: number;
  inFileDuplicates: number;
  records: readonly ParsedRecord<object>[];
  rejects: readonly ActivityReject[];
  ignoredColumns?: readonly string[];
}

/** Balances: read = accepted + rejected + duplicates; accepted = added + updated. */
export interface ActivityImportCounts {
  read: number;
  accepted: number;
  added: number;
  updated: number;
  rejected: number;
  /** Rows identical to a stored record or to an earlier row of the same file. */
  duplicates: number;
}

export interface StoredActivityImport {
  id: string;
  port: string;
  kind: ActivityKind;
  sourceFile: string;
  importedAt: string;
  counts: ActivityImportCounts;
}

export interface EmissionActivityStore {
  /** Stores a parsed file in one transaction (records, its rejects replacing the file's earlier ones, a run row). */
  importRecords(input: ActivityImportInput): Promise<ActivityImportCounts>;
  /** Every stored record of a port (each with `ref` = file and line it came from). */
  activity(port: string): Promise<NonshipActivity>;
  /** Records of the months from..to inclusive (whole-year rows of those years), and every user factor. */
  activityFor(port: string, from: YearMonth, to: YearMonth): Promise<NonshipActivity>;
  rejects(port: string, kind?: ActivityKind): Promise<ActivityReject[]>;
  imports(port: string): Promise<StoredActivityImport[]>;
  /** Stored records per kind. */
  counts(port: string): Promise<Record<ActivityKind, number>>;
}
