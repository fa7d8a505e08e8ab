/**
 * Importing an activity file: stream it (plain, .gz or .zip), parse it with the kind's spec, store
 * the good records and the rejects in one transaction. The only I/O of the non-ship activity besides
 * tables-io.ts.
 */
import { forEachTextLine } from "../../core/input.ts";
import { ActivityCsvParser, type ActivityParseResult, type KindSpec } from "./csv.ts";
import { cheSpec } from "./input-che.ts";
import { drayageSpec } from "./input-drayage.ts";
import { factorsSpec } from "./input-factors.ts";
import { harborCraftSpec } from "./input-harbor-craft.ts";
import { railSpec } from "./input-rail.ts";
import type { ActivityKind, ActivityReject } from "./model.ts";
import type { ActivityImportCounts, EmissionActivityStore } from "./store.ts";

/** The parser spec of a kind; terminal ids (when given) are checked for che, drayage and rail. */
export function activitySpec(
  kind: ActivityKind,
  options: { terminals?: ReadonlySet<string> } = {},
): KindSpec<object> {
  switch (kind) {
    case "che":
      return cheSpec(options) as KindSpec<object>;
    case "harbor-craft":
      return harborCraftSpec() as KindSpec<object>;
    case "drayage":
      return drayageSpec(options) as KindSpec<object>;
    case "rail":
      return railSpec(options) as KindSpec<object>;
    case "factors":
      return factorsSpec() as KindSpec<object>;
  }
}

/** Streams and parses one file. Throws only when it cannot be opened (DomainError "not_found"). */
export async function readActivityFile<T>(spec: KindSpec<T>, file: string): Promise<ActivityParseResult<T>> {
  const parser = new ActivityCsvParser(spec, file);
  await forEachTextLine(file, (text, line) => parser.pushLine(text, line));
  return parser.finish();
}

export interface ActivityFileImport {
  file: string;
  kind: ActivityKind;
  port: string;
  counts: ActivityImportCounts;
  rejects: ActivityReject[];
  ignoredColumns: string[];
}

/** Reads, parses and stores one file (one transaction). */
export async function importActivityFile(
  store: EmissionActivityStore,
  options: { port: string; kind: ActivityKind; file: string; terminals?: ReadonlySet<string> },
): Promise<ActivityFileImport> {
  const parsed = await readActivityFile(
    activitySpec(options.kind, { terminals: options.terminals }),
    options.file,
  );
  const counts = await store.importRecords({
    port: options.port,
    kind: options.kind,
    sourceFile: options.file,
    read: parsed.counts.read,
    inFileDuplicates: parsed.counts.duplicates,
    records: parsed.records,
    rejects: parsed.rejects,
    ignoredColumns: parsed.ignoredColumns,
  });
  return {
    file: options.file,
    kind: options.kind,
    port: options.port,
    counts,
    rejects: parsed.rejects,
    ignoredColumns: parsed.ignoredColumns,
  };
}
