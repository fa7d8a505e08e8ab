/**
 * `ais ingest FILE…`: NMEA or MarineCadastre CSV (plain, .gz, .zip) into the store, with a
 * progress bar, counts that balance, and a ledger row per file.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { addIngestCounts, emptyIngestCounts, formatIngestCounts, type IngestCounts } from "../core/ingest.ts";
import { openInput } from "../core/input.ts";
import { ingestStream } from "./ingest-file.ts";
import type { AisStore } from "./track-store.ts";

/**
 * How the CLI gives a command its store (composed in src/cli/), with hooks for what follows new
 * AIS: `afterIngest` brings derived results up to date (returns a line to print), `follow` keeps
 * them up to date while a live feed runs.
 */
export type OpenAisStore = () => Promise<{
  ais: AisStore;
  close(): Promise<void>;
  afterIngest?(): Promise<string | undefined>;
  follow?(): { stop(): Promise<void> };
}>;

export interface FileIngestReport {
  file: string;
  format: string | null;
  seconds: number;
  recordsPerSecond: number;
  counts: IngestCounts;
}

/** Ingests files one after the other; progress goes to stderr (lines when not a terminal). */
export async function ingestFiles(
  store: AisStore,
  files: string[],
  options: { progress: boolean; flushEveryRecords?: number },
): Promise<{ files: FileIngestReport[]; total: IngestCounts }> {
  const reports: FileIngestReport[] = [];
  const total = emptyIngestCounts();
  for (const file of files) {
    const source = file === "-" ? "stdin" : path.resolve(file);
    const input = openInput(file);
    const startedAt = new Date();
    const bar = options.progress
      ? new cliProgress.SingleBar(
          {
            format: `${path.basename(file)} |{bar}| {percentage}% | {mb}/{totalMb} MB | {records} records`,
            noTTYOutput: true,
            notTTYSchedule: 5000,
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    const totalMb = (input.sizeBytes / 1e6).toFixed(1);
    bar?.start(Math.max(input.sizeBytes, 1), 0, { mb: "0.0", totalMb, records: 0 });
    const timer = bar
      ? setInterval(() => {
          const read = input.bytesRead();
          bar.update(Math.min(read, input.sizeBytes), { mb: (read / 1e6).toFixed(1), totalMb, records: "…" });
        }, 500)
      : undefined;
    try {
      const result = await ingestStream(store, input, {
        source,
        flushEveryRecords: options.flushEveryRecords,
        onFlush: (c) =>
          bar?.update(Math.min(input.bytesRead(), input.sizeBytes), {
            records: c.read.toLocaleString("en-US"),
          }),
      });
      const finishedAt = new Date();
      const seconds = (finishedAt.getTime() - startedAt.getTime()) / 1000;
      bar?.update(input.sizeBytes, { mb: totalMb, records: result.counts.read.toLocaleString("en-US") });
      await store.recordIngestRun({
        id: randomUUID(),
        kind: `ais-${result.format ?? "empty"}`,
        source,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        read: result.counts.read,
        accepted: result.counts.accepted,
        rejected: result.counts.rejected,
        duplicates: result.counts.duplicates,
        detail: { rejectedByReason: result.counts.rejectedByReason, zipEntry: input.zipEntry ?? null },
      });
      reports.push({
        file,
        format: result.format,
        seconds,
        recordsPerSecond: seconds > 0 ? Math.round(result.counts.read / seconds) : 0,
        counts: result.counts,
      });
      addIngestCounts(total, result.counts);
    } finally {
      if (timer) clearInterval(timer);
      bar?.stop();
    }
  }
  return { files: reports, total };
}

export function registerAisIngestCommand(ais: Command, openStore: OpenAisStore): void {
  ais
    .command("ingest")
    .description(
      "store AIS files (NMEA with tag blocks or USCG times, MarineCadastre CSV; plain, .gz or .zip)",
    )
    .argument("<files...>", "files to ingest, or - for standard input")
    .option("--json", "machine-readable summary on stdout")
    .option("--no-progress", "no progress bar")
    .action(async (files: string[], opts: { json?: boolean; progress: boolean }) => {
      const store = await openStore();
      try {
        const result = await ingestFiles(store.ais, files, { progress: opts.progress && !opts.json });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        for (const r of result.files) {
          process.stdout.write(
            `${r.file} (${r.format ?? "empty"}): ${formatIngestCounts(r.counts)} — ${r.seconds.toFixed(1)} s, ${r.recordsPerSecond.toLocaleString("en-US")} records/s\n`,
          );
        }
        if (result.files.length > 1) process.stdout.write(`total: ${formatIngestCounts(result.total)}\n`);
        const derived = await store.afterIngest?.();
        if (derived) process.stdout.write(`${derived}\n`);
      } finally {
        await store.close();
      }
    });
}
