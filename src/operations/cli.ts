/**
 * `ops kpis|container|ingest-status|ingest` (`ops alerts …`: alerts-cli.ts). The CLI composes: it
 * gives these commands an opener for
 * the configured store and the parsers by file kind (DCSA JSON / NDJSON, EDIFACT CODECO / COARRI,
 * gate and rail CSV). Times are shown in the port's zone.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { CallStore } from "../calls/index.ts";
import { DomainError } from "../core/errors.ts";
import { parseContainerNumber } from "../core/ids.ts";
import { addIngestCounts, emptyIngestCounts, formatIngestCounts, type IngestCounts } from "../core/ingest.ts";
import { forEachLine, openInput } from "../core/input.ts";
import { formatTable } from "../core/text-table.ts";
import {
  dateOrInstantS,
  formatInZone,
  isCalendarDate,
  isInstant,
  nowS,
  SECONDS_PER_DAY,
} from "../core/time.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { registerAlertCommands } from "./alerts-cli.ts";
import { ingestOperations } from "./ingest.ts";
import { opsMsg } from "./messages.ts";
import type { OperationsReject, ParsedOperations } from "./model.ts";
import {
  containerAvailability,
  containerTimeline,
  MAX_AVAILABILITY_BOXES,
  MAX_TRUCK_VISITS,
  operationsKpis,
  truckVisits,
} from "./service.ts";
import { boardAt, refreshSignals, storedSignal } from "./signals.ts";
import type { OperationsStore, SignalKind } from "./store.ts";
import type { WebhookTargetPolicy } from "./webhook-targets.ts";
import type { EmptyReturnBoardReply, ImportForecastReply } from "./wire.ts";

export type OpenOperationsStore = () => Promise<{
  operations: OperationsStore;
  calls: CallStore;
  close(): Promise<void>;
  /** Which private webhook targets the configuration allows (default: none). */
  alertTargets?: WebhookTargetPolicy;
}>;

/** The input kinds `ops ingest` knows; each maps to one parser. */
export const OPERATIONS_FILE_KINDS = ["dcsa", "edifact", "gate", "rail", "rules"] as const;
export type OperationsFileKind = (typeof OPERATIONS_FILE_KINDS)[number];
/**
 * A parser: the file's text and name → records and rejects. `firstLine`: the file line of the
 * text's first line, when the text is a batch of an NDJSON file's lines (rejects name file lines).
 */
export type OperationsParser = (text: string, file: string, firstLine?: number) => ParsedOperations;
export type ParsersByKind = Partial<Record<OperationsFileKind, OperationsParser>>;

/** A progress bar of a file's bytes on stderr (cli-progress, loaded only when a file needs it). */
async function progressBar(file: string, sizeBytes: number) {
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      format: `${path.basename(file)} |{bar}| {percentage}% | {mb}/{totalMb} MB | {records} records`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(sizeBytes, 1), 0, { mb: "0.0", totalMb: (sizeBytes / 1e6).toFixed(1), records: "0" });
  return bar;
}

/**
 * Lines of an NDJSON file parsed and stored per transaction: memory stays one batch deep. DCSA
 * events are ~1.3 KB of JSON each; 190,000 of them (bench/ops-ingest) peaked at 504 MB resident in
 * batches of 20,000 and 314 MB in batches of 5,000, in no more time.
 */
export const NDJSON_LINES_PER_BATCH = 5_000;
/** Other files are read whole: not above this (V8's strings end near 512 MB; memory follows the file). */
const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;
/** Rejects of a file read in batches kept to print and return (all are counted and stored). */
const MAX_REJECTS_SHOWN = 1000;

/** The first bytes of a file as text: its kind, and whether it is NDJSON, are told from them. */
function headOf(file: string, bytes = 65_536): string {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.toString("utf8", 0, fs.readSync(fd, buffer, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether a text starts as NDJSON: a whole JSON object on its first line and more lines after it.
 * Example: '{"eventID":"a"}\n{"eventID":"b"}' → true; '{\n  "eventID": "a"\n}' (one pretty-printed
 * event) → false; '[{…}]' → false.
 */
export function startsAsNdjson(head: string): boolean {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const start = text.search(/\S/);
  const end = text.indexOf("\n", start);
  if (start < 0 || text[start] !== "{" || end < 0) return false;
  try {
    const first = JSON.parse(text.slice(start, end)) as unknown;
    return first !== null && typeof first === "object" && !Array.isArray(first);
  } catch {
    return false;
  }
}

/**
 * An NDJSON file read and stored in batches of lines (one transaction each, one run in the ledger):
 * memory stays one batch deep whatever the file's size. The forecast and board are recomputed once,
 * at the end. `onBatch` gets the bytes read so far.
 */
export async function ingestNdjsonFile(
  store: OperationsStore,
  file: string,
  parse: OperationsParser,
  options: { port: string; timeZone: string },
  onBatch: (bytesRead: number, sizeBytes: number, counts: IngestCounts) => void,
  linesPerBatch = NDJSON_LINES_PER_BATCH,
): Promise<{ counts: IngestCounts; rejects: OperationsReject[] }> {
  const name = path.basename(file);
  const input = openInput(file);
  const runId = randomUUID();
  const counts = emptyIngestCounts();
  const rejects: OperationsReject[] = [];
  const signals = new Set<SignalKind>();
  let lines: string[] = [];
  let lineNumber = 0;
  let firstLine = 1;
  const flush = async () => {
    if (lines.length === 0) return;
    const parsed = parse(lines.join("\n"), name, firstLine);
    lines = [];
    firstLine = lineNumber + 1;
    const {
      runId: _,
      signalsChanged,
      ...batch
    } = await ingestOperations(store, parsed, {
      file: name,
      port: options.port,
      timeZone: options.timeZone,
      runId,
      refreshSignals: false,
    });
    addIngestCounts(counts, batch);
    for (const k of signalsChanged) signals.add(k);
    for (const r of parsed.rejects) if (rejects.length < MAX_REJECTS_SHOWN) rejects.push(r);
    onBatch(input.bytesRead(), input.sizeBytes, counts);
  };
  await forEachLine(input.stream, (buffer, start, end) => {
    lineNumber++;
    lines.push(buffer.toString("utf8", start, end));
    if (lines.length === linesPerBatch) return flush();
  });
  await flush();
  if (signals.size > 0) await refreshSignals(store, options.port, options.timeZone, nowS(), [...signals]);
  return { counts, rejects };
}

/**
 * The kind of an input from its name and first bytes: .json / .ndjson / .jsonl → dcsa; UNA / UNB
 * at the start (or .edi) → edifact; a CSV whose header names a train or rail → rail, one with an
 * `accepting` column → rules (empty-receiving rules), else gate.
 * Example: fileKind("gate.csv", "truckId,container,…") → "gate".
 */
export function fileKind(file: string, head: string): OperationsFileKind | undefined {
  const ext = path.extname(file).toLowerCase();
  const start = head.trimStart();
  if ([".json", ".ndjson", ".jsonl"].includes(ext) || start.startsWith("[") || start.startsWith("{"))
    return "dcsa";
  if (/^UN[AB]/.test(start) || [".edi", ".edifact"].includes(ext)) return "edifact";
  if (ext === ".csv") {
    const header = (start.split(/\r?\n/, 1)[0] ?? "").toLowerCase();
    return /train|rail/.test(header) ? "rail" : /\baccepting\b/.test(header) ? "rules" : "gate";
  }
  return undefined;
}

function portAndZone(value: string | undefined): { port: string; timeZone: string } {
  if (value === undefined) throw new DomainError("validation", "--port: required (USLAX, JPNGO)");
  const port = value.toUpperCase();
  const timeZone = loadPortRegistry().get(port)?.timeZone;
  if (timeZone === undefined) throw new DomainError("validation", `--port: unknown port ${value}`);
  return { port, timeZone };
}

/** --from / --to: a date (midnight in the port's zone) or a date-time with an offset. */
function timeOption(value: string | undefined, field: string, fallback: number, timeZone: string): number {
  if (value === undefined) return fallback;
  if (!isCalendarDate(value) && !isInstant(value))
    throw new DomainError(
      "validation",
      `--${field}: a date (2026-11-01) or a date-time with an offset (2026-11-01T08:00:00Z), not ${value}`,
    );
  return dateOrInstantS(value, timeZone);
}

const fmt = (x: number | null, digits = 1) => (x === null ? "-" : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? "-" : `${(x * 100).toFixed(1)}`);

export function registerOperationsCommands(
  program: Command,
  openStore: OpenOperationsStore,
  parsersByKind: ParsersByKind,
): Command {
  const ops = program
    .command("ops")
    .description("supply chain: container events, truck visits, terminal KPIs");

  ops
    .command("kpis")
    .description(
      "terminal KPIs side by side: truck turn time, import dwell, gate, moves, schedule reliability",
    )
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--terminal <id>", "one terminal (id of the port registry)")
    .option("--from <time>", "start: a date (midnight in the port's zone) or a date-time with an offset")
    .option("--to <time>", "end (exclusive); default now")
    .option("--by <day|hour>", "series per local day or hour (with --json)", "day")
    .option("--json", "machine-readable")
    .action(
      async (o: {
        port: string;
        terminal?: string;
        from?: string;
        to?: string;
        by: string;
        json?: boolean;
      }) => {
        const { port, timeZone } = portAndZone(o.port);
        if (o.by !== "day" && o.by !== "hour")
          throw new DomainError("validation", `--by: day or hour, not ${o.by}`);
        const toS = timeOption(o.to, "to", nowS(), timeZone);
        const fromS = timeOption(o.from, "from", toS - 30 * SECONDS_PER_DAY, timeZone);
        if (!(toS > fromS)) throw new DomainError("validation", "--from: must be before --to");
        const store = await openStore();
        try {
          const k = await operationsKpis(store, {
            port,
            timeZone,
            fromS,
            toS,
            by: o.by,
            ...(o.terminal ? { terminal: o.terminal } : {}),
          });
          if (o.json) {
            process.stdout.write(`${JSON.stringify(k, null, 2)}\n`);
            return;
          }
          const zoned = (s: number) => formatInZone(new Date(s * 1000), timeZone).slice(0, 16);
          process.stdout.write(
            `${opsMsg("kpiHeading", { port, from: zoned(fromS), to: zoned(toS), zone: timeZone })}\n`,
          );
          if (k.terminals.length === 0) process.stdout.write(`${opsMsg("noData", { port })}\n`);
          else
            process.stdout.write(
              formatTable(
                (
                  [
                    "colTerminal",
                    "colVisits",
                    "colTurnMean",
                    "colTurnP50",
                    "colTurnP90",
                    "colTurnP95",
                    "colQueueMean",
                    "colDwellMean",
                    "colDwellMedian",
                    "colDwellP90",
                    "colOver5d",
                    "colOver9d",
                    "colTrouble",
                    "colVesselMoves",
                    "colRailMoves",
                  ] as const
                ).map((c) => opsMsg(c)),
                k.terminals.map((t) => [
                  t.terminal || "-",
                  t.turn.visits,
                  fmt(t.turn.turn.meanMin),
                  fmt(t.turn.turn.p50Min, 0),
                  fmt(t.turn.turn.p90Min, 0),
                  fmt(t.turn.turn.p95Min, 0),
                  fmt(t.turn.queue.meanMin),
                  fmt(t.dwell.all.meanH),
                  fmt(t.dwell.all.medianH, 0),
                  fmt(t.dwell.all.p90H, 0),
                  t.dwell.all.over5d,
                  t.dwell.all.over9d,
                  pct(t.troubleTickets.rate),
                  t.vesselMoves.discharges + t.vesselMoves.loads,
                  t.railMoves.loads + t.railMoves.discharges,
                ]),
                { numeric: true },
              ),
            );
          const r = k.scheduleReliability;
          process.stdout.write(
            `${opsMsg("reliability", { onTime: r.onTime, withEta: r.withEta, share: r.onTimeShare === null ? "-" : `${pct(r.onTimeShare)} %`, dev: fmt(r.meanAbsDeviationH) })}\n`,
          );
          const a = k.anchorage;
          process.stdout.write(
            `${opsMsg("anchorage", { waited: a.waited, calls: a.calls, mean: fmt(a.meanWaitH), p90: fmt(a.p90WaitH) })}\n`,
          );
        } finally {
          await store.close();
        }
      },
    );

  ops
    .command("container")
    .description("one box's timeline (events, gate, rail) with the call it came on")
    .argument("<ref>", "container number (ISO 6346), B/L or booking reference")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (ref: string, o: { port: string; json?: boolean }) => {
      const { port, timeZone } = portAndZone(o.port);
      const store = await openStore();
      try {
        const t = await containerTimeline(store, port, ref);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(t, null, 2)}\n`);
          return;
        }
        const zoned = (iso: string) => formatInZone(new Date(iso), timeZone).slice(0, 19).replace("T", " ");
        const headers = (["colTime", "colEvent", "colWhere", "colMode", "colDetail", "colCall"] as const).map(
          (c) => opsMsg(c, { zone: timeZone }),
        );
        const rows = (entries: typeof t.documents) =>
          entries.map((e) => [
            zoned(e.at),
            `${e.kind === "event" ? e.code : `${e.kind} ${e.code}`}${e.classifier && e.classifier !== "ACT" ? ` (${e.classifier})` : ""}`,
            e.terminal ?? e.port ?? "",
            e.mode ?? "",
            e.vesselName ?? e.detail ?? "",
            e.callId ?? "",
          ]);
        for (const c of t.containers) {
          process.stdout.write(
            `${opsMsg("container", {
              container: c.containerNumber,
              iso: c.isoEquipmentCode ?? "-",
              size: c.sizeFt ?? "-",
              bl: c.transportDocumentReferences.join(", ") || "-",
              booking: c.carrierBookingReferences.join(", ") || "-",
            })}\n`,
          );
          process.stdout.write(formatTable(headers, rows(c.timeline)));
        }
        if (t.documents.length > 0) {
          process.stdout.write(`${opsMsg("documents", { ref: t.reference })}\n`);
          process.stdout.write(formatTable(headers, rows(t.documents)));
        }
      } finally {
        await store.close();
      }
    });

  const zonedMinute = (iso: string, timeZone: string) =>
    formatInZone(new Date(iso), timeZone).slice(0, 16).replace("T", " ");

  ops
    .command("forecast")
    .description("import forecast: laden boxes expected in the next 3 ISO weeks by terminal, size and mode")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (o: { port: string; json?: boolean }) => {
      const { port, timeZone } = portAndZone(o.port);
      const store = await openStore();
      try {
        const f = await storedSignal<ImportForecastReply>(
          store.operations,
          port,
          timeZone,
          "forecast",
          nowS(),
        );
        if (o.json) {
          process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `${opsMsg("forecastHeading", { port, asOf: zonedMinute(f.asOf, timeZone), zone: timeZone })}\n`,
        );
        const rows = new Map<string, { truck: number; rail: number }>();
        for (const c of f.cells) {
          const key = `${c.week}|${c.terminal}|${c.sizeFt}`;
          const r = rows.get(key) ?? { truck: 0, rail: 0 };
          r[c.mode] += c.boxes;
          rows.set(key, r);
        }
        const whole = (x: number) => Math.round(x).toLocaleString("en-US");
        if (rows.size > 0)
          process.stdout.write(
            formatTable(
              (["colWeek", "colTerminal", "colSize", "colTruck", "colRail", "colTotal"] as const).map((c) =>
                opsMsg(c),
              ),
              [...rows].map(([key, r]) => [
                ...key.split("|"),
                whole(r.truck),
                whole(r.rail),
                whole(r.truck + r.rail),
              ]),
            ),
          );
        const by = (b: string) => f.calls.filter((c) => c.basis === b).length;
        process.stdout.write(
          `${opsMsg("forecastCalls", {
            calls: f.calls.length,
            manifest: by("manifest"),
            history: by("vessel_history"),
            mean: by("terminal_mean"),
            none: by("none"),
          })}\n`,
        );
      } finally {
        await store.close();
      }
    });

  ops
    .command("empty-returns")
    .description("empty-return board: which terminals take which empties today and tomorrow, with alerts")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--at <time>", "a past instant (with offset): the board as it stood then")
    .option("--json", "machine-readable")
    .action(async (o: { port: string; at?: string; json?: boolean }) => {
      const { port, timeZone } = portAndZone(o.port);
      const store = await openStore();
      try {
        const b =
          o.at === undefined
            ? await storedSignal<EmptyReturnBoardReply>(
                store.operations,
                port,
                timeZone,
                "empty_returns",
                nowS(),
              )
            : await boardAt(
                store.operations,
                port,
                timeZone,
                timeOption(o.at, "at", nowS(), timeZone),
                nowS(),
              );
        if (o.json) {
          process.stdout.write(`${JSON.stringify(b, null, 2)}\n`);
          return;
        }
        const status = (x: "open" | "closed" | "unknown") =>
          opsMsg(x === "open" ? "statusOpen" : x === "closed" ? "statusClosed" : "statusUnknown");
        const line = (l: string) => (l === "*" ? opsMsg("allLines") : l);
        process.stdout.write(
          `${opsMsg("boardHeading", {
            port,
            today: b.today,
            tomorrow: b.tomorrow,
            at: zonedMinute(b.refreshedAt, timeZone),
            zone: timeZone,
          })}\n`,
        );
        process.stdout.write(
          formatTable(
            (["colTerminal", "colSize", "colLineCode", "colToday", "colTomorrow"] as const).map((c) =>
              opsMsg(c),
            ),
            b.rows.map((r) => [
              r.terminal,
              String(r.sizeFt),
              line(r.line),
              status(r.today),
              status(r.tomorrow),
            ]),
          ),
        );
        for (const a of b.alerts)
          process.stdout.write(
            `${opsMsg(a.kind === "stopped_accepting" ? "alertStopped" : "alertResumed", {
              at: zonedMinute(a.at, timeZone),
              terminal: a.terminal,
              size: a.sizeFt,
              line: line(a.line),
              day: a.day,
            })}\n`,
          );
      } finally {
        await store.close();
      }
    });

  ops
    .command("availability")
    .description(
      "whether import boxes can be picked up now: discharged, on hold (customs, freight, line), released",
    )
    .argument("<containers...>", `ISO 6346 container numbers (at most ${MAX_AVAILABILITY_BOXES})`)
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--json", "machine-readable")
    .action(async (containers: string[], o: { port: string; json?: boolean }) => {
      const { port, timeZone } = portAndZone(o.port);
      if (containers.length > MAX_AVAILABILITY_BOXES)
        throw new DomainError(
          "validation",
          `at most ${MAX_AVAILABILITY_BOXES} containers, not ${containers.length}`,
        );
      const numbers = containers.map((c) => {
        const r = parseContainerNumber(c);
        if (!r.ok) throw new DomainError("validation", r.reason);
        return r.value;
      });
      const store = await openStore();
      try {
        const a = await containerAvailability(store, port, timeZone, numbers, nowS());
        if (o.json) {
          process.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
          return;
        }
        if (a.boxes.length > 0)
          process.stdout.write(
            formatTable(
              (
                [
                  "colContainer",
                  "colStatus",
                  "colReasons",
                  "colWhere",
                  "colDischarged",
                  "colLastFreeDay",
                ] as const
              ).map((c) => opsMsg(c, { zone: timeZone })),
              a.boxes.map((b) => [
                b.containerNumber,
                opsMsg(`st_${b.status}`),
                b.reasons.join(", "),
                b.terminal ?? "",
                b.dischargedAt ? zonedMinute(b.dischargedAt, timeZone) : "",
                b.lastFreeDay ?? "",
              ]),
            ),
          );
        if (a.unknown.length > 0)
          process.stdout.write(`${opsMsg("availabilityUnknown", { port, list: a.unknown.join(", ") })}\n`);
      } finally {
        await store.close();
      }
    });

  ops
    .command("truck-visits")
    .description(
      "truck visits at the gates with their turn times, newest first; one company (SCAC) or terminal",
    )
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--carrier <scac>", "one trucking company, by its SCAC")
    .option("--terminal <id>", "one terminal (id of the port registry)")
    .option("--from <time>", "start: a date (midnight in the port's zone) or a date-time with an offset")
    .option("--to <time>", "end (exclusive); default now")
    .option("--limit <n>", `visits at most (1 to ${MAX_TRUCK_VISITS})`, "200")
    .option("--json", "machine-readable")
    .action(
      async (o: {
        port: string;
        carrier?: string;
        terminal?: string;
        from?: string;
        to?: string;
        limit: string;
        json?: boolean;
      }) => {
        const { port, timeZone } = portAndZone(o.port);
        const toS = timeOption(o.to, "to", nowS(), timeZone);
        const fromS = timeOption(o.from, "from", toS - 7 * SECONDS_PER_DAY, timeZone);
        if (!(toS > fromS)) throw new DomainError("validation", "--from: must be before --to");
        const limit = Number(o.limit);
        if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_TRUCK_VISITS))
          throw new DomainError("validation", `--limit: 1 to ${MAX_TRUCK_VISITS}, not ${o.limit}`);
        if (o.carrier !== undefined && !/^[A-Za-z]{2,4}$/.test(o.carrier))
          throw new DomainError("validation", `--carrier: a SCAC (2 to 4 letters), not ${o.carrier}`);
        const store = await openStore();
        try {
          // The CLI is the node's operator: every company's and terminal's visits (no reach).
          const r = await truckVisits(store, {
            port,
            fromS,
            toS,
            limit,
            reach: { kind: "all" },
            ...(o.carrier !== undefined ? { carrierScac: o.carrier.toUpperCase() } : {}),
            ...(o.terminal !== undefined ? { terminal: o.terminal } : {}),
          });
          if (o.json) {
            process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
            return;
          }
          process.stdout.write(
            formatTable(
              (
                [
                  "colGateIn",
                  "colTerminal",
                  "colTruck",
                  "colCarrier",
                  "colTurnMin",
                  "colInTerminalMin",
                  "colContainer",
                ] as const
              ).map((c) => opsMsg(c, { zone: timeZone })),
              r.visits.map((v) => [
                zonedMinute(v.gateIn, timeZone),
                v.terminal,
                v.truckId,
                v.carrierScac ?? "",
                fmt(v.turnMin),
                fmt(v.inTerminalMin),
                v.moves.map((m) => `${m.direction} ${m.containerNumber}`).join(", "),
              ]),
            ),
          );
          process.stdout.write(
            `${opsMsg("truckVisitsMeans", { visits: r.visits.length, turn: fmt(r.meanTurnMin), inTerminal: fmt(r.meanInTerminalMin) })}\n`,
          );
        } finally {
          await store.close();
        }
      },
    );

  ops
    .command("ingest-status")
    .description("the latest ingest runs with their counts, and the records they refused")
    .option("--port <locode>", "only this port")
    .option("--limit <n>", "runs to show", "20")
    .option("--rejects", "also list the refused records (file, line, field, reason)")
    .option("--json", "machine-readable")
    .action(async (o: { port?: string; limit: string; rejects?: boolean; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new DomainError("validation", "--limit: a positive integer");
      const port = o.port === undefined ? undefined : portAndZone(o.port);
      const store = await openStore();
      try {
        const runs = await store.operations.ingestRuns(port?.port, limit);
        const rejects = o.rejects ? await store.operations.rejects(undefined, 1000) : [];
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ runs, rejects }, null, 2)}\n`);
          return;
        }
        if (runs.length === 0) process.stdout.write(`${opsMsg("noRuns")}\n`);
        else {
          const zone = port?.timeZone ?? "UTC";
          process.stdout.write(
            formatTable(
              (
                ["colStarted", "colFile", "colRead", "colAccepted", "colRejected", "colDuplicates"] as const
              ).map((c) => opsMsg(c, { zone })),
              runs.map((r) => [
                `${formatInZone(new Date(r.startedAt), zone).slice(0, 19).replace("T", " ")} ${r.port}`,
                r.file,
                r.read,
                r.accepted,
                r.rejected,
                r.duplicates,
              ]),
            ),
          );
        }
        if (rejects.length > 0)
          process.stdout.write(
            formatTable(
              (["colFile", "colLine", "colField", "colReason"] as const).map((c) => opsMsg(c)),
              rejects.map((r) => [r.file, r.line, r.field, r.reason]),
            ),
          );
      } finally {
        await store.close();
      }
    });

  ops
    .command("ingest")
    .description(
      "ingest DCSA T&T events (JSON / NDJSON), EDIFACT CODECO / COARRI, gate, rail or empty-receiving rules CSV files",
    )
    .argument("<files...>", "input files")
    .requiredOption("--port <locode>", "the port whose KPIs the records feed (USLAX, JPNGO)")
    .option(
      "--kind <kind>",
      `the files' kind: ${OPERATIONS_FILE_KINDS.join(", ")} (default: from the name and content)`,
    )
    .option("--json", "machine-readable counts")
    .action(async (files: string[], o: { port: string; kind?: string; json?: boolean }) => {
      const { port, timeZone } = portAndZone(o.port);
      if (o.kind !== undefined && !OPERATIONS_FILE_KINDS.includes(o.kind as OperationsFileKind))
        throw new DomainError("validation", `--kind: ${OPERATIONS_FILE_KINDS.join(", ")}, not ${o.kind}`);
      const store = await openStore();
      try {
        const total = emptyIngestCounts();
        const perFile = [];
        for (const file of files) {
          const head = headOf(file);
          const kind = (o.kind as OperationsFileKind | undefined) ?? fileKind(file, head.slice(0, 4096));
          if (kind === undefined) throw new DomainError("validation", opsMsg("unknownKind", { file }));
          const parse = parsersByKind[kind];
          if (!parse) throw new DomainError("unsupported", opsMsg("noParser", { file, kind }));
          const sizeBytes = fs.statSync(file).size;
          let counts: IngestCounts;
          let rejects: OperationsReject[];
          if (kind === "dcsa" && startsAsNdjson(head)) {
            // Read in batches, a progress bar on stderr when a person watches (not with --json).
            const bar = o.json || !process.stderr.isTTY ? undefined : await progressBar(file, sizeBytes);
            try {
              ({ counts, rejects } = await ingestNdjsonFile(
                store.operations,
                file,
                parse,
                { port, timeZone },
                (read, size, sofar) =>
                  bar?.update(Math.min(read, size), {
                    mb: (read / 1e6).toFixed(1),
                    records: sofar.read.toLocaleString("en-US"),
                  }),
              ));
            } finally {
              bar?.stop();
            }
          } else {
            if (sizeBytes > MAX_WHOLE_FILE_BYTES)
              throw new DomainError(
                "validation",
                opsMsg("tooLarge", { file, mb: (sizeBytes / 1e6).toFixed(0) }),
              );
            const parsed = parse(fs.readFileSync(file, "utf8"), path.basename(file));
            const { signalsChanged: _, ...stored } = await ingestOperations(store.operations, parsed, {
              file: path.basename(file),
              port,
              timeZone,
            });
            counts = stored;
            rejects = parsed.rejects;
          }
          addIngestCounts(total, counts);
          perFile.push({ file, kind, ...counts, rejects });
          if (!o.json) {
            process.stdout.write(`${opsMsg("ingested", { file, counts: formatIngestCounts(counts) })}\n`);
            for (const r of rejects.slice(0, 20))
              process.stderr.write(`${r.file}:${r.line}: ${r.field}: ${r.reason}\n`);
          }
        }
        if (o.json) process.stdout.write(`${JSON.stringify({ total, files: perFile }, null, 2)}\n`);
      } finally {
        await store.close();
      }
    });
  registerAlertCommands(ops, openStore);
  return ops;
}
