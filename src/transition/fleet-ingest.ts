/**
 * Equipment and telemetry ingest over the TransitionStore: parse (pure parsers with per-record
 * rejects), check what needs the registry (a `replaces` must name a unit of the same port, in the
 * file or stored; telemetry must name a registered unit), then write facts, the run and its
 * rejects in one transaction. Counts balance: read = accepted + rejected + duplicates, where
 * accepted = new + changed rows and duplicates = rows already stored unchanged or repeated in the
 * file — so ingesting the same file twice accepts nothing the second time.
 */

import { randomUUID } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { emptyIngestCounts, type IngestCounts } from "../core/ingest.ts";
import { textOf } from "../core/json-text.ts";
import { parseEquipmentCsv } from "./equipment.ts";
import type { TransitionIngestRun, TransitionStore, WriteOutcome } from "./store.ts";
import { parseTelemetryCsv, parseTelemetryJson } from "./telemetry.ts";
import type { Equipment, TransitionReject } from "./wire.ts";

export type FleetIngestCounts = IngestCounts & { updated: number };

export interface FleetIngestResult {
  runId: string;
  counts: FleetIngestCounts;
  rejects: TransitionReject[];
}

function countsOf(
  read: number,
  rejectedRows: number,
  inFileDuplicates: number,
  written: WriteOutcome,
  rejects: readonly TransitionReject[],
): FleetIngestCounts {
  const c: FleetIngestCounts = { ...emptyIngestCounts(), updated: written.updated };
  c.read = read;
  c.accepted = written.inserted + written.updated;
  c.rejected = rejectedRows;
  c.duplicates = inFileDuplicates + written.unchanged;
  // By the first bad field of each rejected line.
  const firstOfLine = new Map<number, string>();
  for (const r of rejects) if (!firstOfLine.has(r.line)) firstOfLine.set(r.line, r.field);
  for (const f of firstOfLine.values()) c.rejectedByReason[f] = (c.rejectedByReason[f] ?? 0) + 1;
  return c;
}

function runOf(
  id: string,
  kind: TransitionIngestRun["kind"],
  file: string,
  startedAt: string,
  counts: FleetIngestCounts,
): TransitionIngestRun {
  return {
    id,
    kind,
    file,
    startedAt,
    finishedAt: new Date().toISOString(),
    read: counts.read,
    accepted: counts.accepted,
    updated: counts.updated,
    rejected: counts.rejected,
    duplicates: counts.duplicates,
  };
}

/**
 * Imports an equipment CSV. Example (test/integration/transition-store.test.ts): a file of 2 good
 * units, 1 replacing an unknown unit and 1 with an unknown powertrain gives read 4, accepted 2,
 * rejected 2; the same file again gives accepted 0, rejected 2, duplicates 2.
 */
export async function ingestEquipment(
  store: TransitionStore,
  text: string,
  file: string,
): Promise<FleetIngestResult> {
  const startedAt = new Date().toISOString();
  const parsed = parseEquipmentCsv(text, file, new Date().getUTCFullYear());
  // `replaces` must name a unit of the same port: in this file or already registered.
  const inFile = new Set(parsed.records.map((r) => `${r.equipment.port}|${r.equipment.unitId}`));
  const wanted = new Map<string, string[]>();
  for (const { equipment: e } of parsed.records)
    if (e.replaces !== null && !inFile.has(`${e.port}|${e.replaces}`))
      wanted.set(e.port, [...(wanted.get(e.port) ?? []), e.replaces]);
  const stored = new Set<string>();
  for (const [port, ids] of wanted)
    for (const id of (await store.equipmentByIds(port, ids)).keys()) stored.add(`${port}|${id}`);
  const rejects = [...parsed.rejects];
  let rejectedRows = parsed.rejectedRows;
  const units: Equipment[] = [];
  for (const { equipment: e, line } of parsed.records) {
    const key = `${e.port}|${e.replaces}`;
    if (e.replaces !== null && !inFile.has(key) && !stored.has(key)) {
      rejects.push({
        file,
        line,
        field: "replaces",
        reason: `unit ${e.replaces} is in neither the ${e.port} registry nor this file`,
      });
      rejectedRows++;
      continue;
    }
    units.push(e);
  }
  rejects.sort((a, b) => a.line - b.line);
  const runId = randomUUID();
  let counts: FleetIngestCounts | undefined;
  await store.writeEquipment(units, rejects, (written) => {
    counts = countsOf(parsed.read, rejectedRows, parsed.duplicateRows, written, rejects);
    return runOf(runId, "equipment", file, startedAt, counts);
  });
  return { runId, counts: counts!, rejects };
}

/**
 * Ingests telemetry — a CSV text, or JSON records posted for one port — against the stored
 * registry. `timeZone(port)` gives a port's zone (dates without a time are that zone's midnight);
 * `h2LhvKwhPerKg` bounds plausible hydrogen.
 */
export async function ingestTelemetry(
  store: TransitionStore,
  input: string | { port: string; records: readonly Record<string, unknown>[] },
  file: string,
  ctx: {
    timeZone(port: string): string | undefined;
    h2LhvKwhPerKg: number;
    /**
     * The owner whose units the input may report on (a partner's reach, issue 14): a record for
     * another owner's unit, or for an unknown unit, makes the whole input not found (nothing is
     * stored; the two cases read the same). Absent: every unit, unknown ones rejected per record.
     */
    owner?: string;
  },
): Promise<FleetIngestResult> {
  const startedAt = new Date().toISOString();
  const registry = new Map<string, Equipment>();
  for (const e of await store.listEquipment({})) registry.set(`${e.port}|${e.unitId}`, e);
  if (ctx.owner !== undefined && typeof input !== "string") {
    for (const r of input.records) {
      // As parseTelemetryJson reads it: the port is the route's, the unit id the field as text.
      const v = r["unitId"];
      const unitId = v === undefined || v === null ? "" : textOf(v).trim();
      const unit = registry.get(`${input.port}|${unitId}`);
      if (!unit || unit.owner !== ctx.owner)
        throw new DomainError(
          "not_found",
          `no unit ${unitId || "(none)"} of ${ctx.owner || "(no owner)"} at ${input.port}`,
        );
    }
  }
  const tctx = {
    unit: (port: string, unitId: string) => registry.get(`${port}|${unitId}`),
    timeZone: ctx.timeZone,
    h2LhvKwhPerKg: ctx.h2LhvKwhPerKg,
  };
  const parsed =
    typeof input === "string"
      ? parseTelemetryCsv(input, file, tctx)
      : parseTelemetryJson(input.records, input.port, file, tctx);
  const runId = randomUUID();
  let counts: FleetIngestCounts | undefined;
  await store.writeTelemetry(
    parsed.records.map((r) => r.telemetry),
    parsed.rejects,
    (written) => {
      counts = countsOf(parsed.read, parsed.rejectedRows, parsed.duplicateRows, written, parsed.rejects);
      return runOf(runId, "telemetry", file, startedAt, counts);
    },
  );
  return { runId, counts: counts!, rejects: parsed.rejects };
}
