/**
 * `emissions import che|harbor-craft|drayage|rail|factors FILE… --port LOCODE [--rejects FILE] [--json]`:
 * validates and stores activity files (plain, .gz or .zip). Per file:
 * `FILE (kind): read N, accepted N, rejected N, duplicates N`, then the first 20 rejects as
 * `file:line field: reason` (all of them with --rejects FILE as CSV). Exit 0 when the files were read,
 * whatever their rejects; a file that cannot be opened is an error (its earlier files stay stored).
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { csvCell } from "../../core/csv.ts";
import { DomainError } from "../../core/errors.ts";
import { loadPortRegistry, terminalsOf } from "../../geo/index.ts";
import { type ActivityFileImport, importActivityFile } from "./import.ts";
import { nonshipMessage } from "./messages.ts";
import type { ActivityKind, ActivityReject } from "./model.ts";
import type { EmissionActivityStore } from "./store.ts";

export type OpenActivityStore = () => Promise<{ store: EmissionActivityStore; close(): Promise<void> }>;

const SHOWN_REJECTS = 20;

const KIND_HELP: Record<ActivityKind, string> = {
  che: "cargo-handling equipment: unit, terminal, type, powertrain, rated hp/kW, model year, year, month, hours, kWh, kg H2, fuel",
  "harbor-craft": "harbour craft: vessel, type, engine use, count, kW, model year, tier, year, month, hours",
  drayage:
    "drayage: terminal, year, month, powertrain, model-year group, gate visits, one-way mi/km, idle min per visit",
  rail: "rail: year, month, service (line-haul/switch), tier, fuel gal/L or hours with rated hp",
  factors: "user emission factors: category, key, pollutant, value, unit, source",
};

/** The port (upper-cased) and its terminal ids, or a validation error naming the known ports. */
export function portAndTerminals(locode: string): { port: string; terminals: Set<string> } {
  const registry = loadPortRegistry();
  const port = locode.toUpperCase();
  const entry = registry.get(port);
  if (entry === undefined) {
    const known = registry
      .list()
      .map((p) => p.locode)
      .join(", ");
    throw new DomainError("validation", nonshipMessage("unknownPort", { port: locode, known }), [
      { field: "--port", reason: `unknown port ${locode}` },
    ]);
  }
  return { port, terminals: new Set(terminalsOf(entry.features, port).map((t) => t.id)) };
}

/** All rejects as CSV text (file, line, field, reason, text). */
export function rejectsCsv(rejects: readonly ActivityReject[]): string {
  const rows = rejects.map((r) => [r.file, r.line, r.field, r.reason, r.text].map(csvCell).join(","));
  return `${["file,line,field,reason,text", ...rows].join("\n")}\n`;
}

/** Human-readable lines for one imported file (summary, first rejects, ignored columns). */
export function importReportLines(result: ActivityFileImport): { out: string[]; err: string[] } {
  const c = result.counts;
  const out = [
    nonshipMessage("importSummary", {
      file: result.file,
      kind: result.kind,
      read: c.read,
      accepted: c.accepted,
      rejected: c.rejected,
      duplicates: c.duplicates,
    }),
  ];
  if (c.updated > 0) out.push(nonshipMessage("importDetail", { added: c.added, updated: c.updated }));
  const err: string[] = [];
  for (const r of result.rejects.slice(0, SHOWN_REJECTS))
    err.push(nonshipMessage("reject", { file: r.file, line: r.line, field: r.field, reason: r.reason }));
  if (result.rejects.length > SHOWN_REJECTS)
    err.push(nonshipMessage("moreRejects", { n: result.rejects.length - SHOWN_REJECTS }));
  if (result.ignoredColumns.length > 0)
    err.push(nonshipMessage("ignoredColumns", { list: result.ignoredColumns.join(", ") }));
  return { out, err };
}

export function registerActivityImportCommands(
  emissions: Command,
  openActivityStore: OpenActivityStore,
): void {
  const imports = emissions
    .command("import")
    .description("import non-ship activity or user emission factors from CSV files (plain, .gz or .zip)");
  for (const kind of ["che", "harbor-craft", "drayage", "rail", "factors"] as const) {
    imports
      .command(kind)
      .description(KIND_HELP[kind])
      .argument("<files...>", "CSV files (plain, .gz or .zip)")
      .requiredOption("--port <locode>", "the port the activity belongs to (USLAX, JPNGO)")
      .option("--rejects <file>", "write every rejected row to this CSV file")
      .option("--json", "machine-readable summary")
      .action(async (files: string[], opts: { port: string; rejects?: string; json?: boolean }) => {
        const { port, terminals } = portAndTerminals(opts.port);
        const opened = await openActivityStore();
        const results: ActivityFileImport[] = [];
        try {
          for (const file of files) {
            const result = await importActivityFile(opened.store, { port, kind, file, terminals });
            results.push(result);
            if (!opts.json) {
              const { out, err } = importReportLines(result);
              process.stdout.write(`${out.join("\n")}\n`);
              if (err.length > 0) process.stderr.write(`${err.join("\n")}\n`);
            }
          }
        } finally {
          await opened.close();
          if (opts.rejects !== undefined) {
            const all = results.flatMap((r) => r.rejects);
            fs.mkdirSync(path.dirname(path.resolve(opts.rejects)), { recursive: true });
            fs.writeFileSync(opts.rejects, rejectsCsv(all));
            if (!opts.json)
              process.stderr.write(
                `${nonshipMessage("rejectsWritten", { file: opts.rejects, n: all.length })}\n`,
              );
          }
        }
        if (opts.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      });
  }
}
