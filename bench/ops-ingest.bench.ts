/**
 * Operations ingest and KPI reads, as users run them.
 *
 * 1. Ingest end to end on one core: an NDJSON file of generated operations records (container
 *    events in our DCSA-named model, truck visits, rail moves — what a parser hands over; DCSA
 *    schema validation is the parser's own cost, not measured here) read line by line, parsed, and
 *    stored through `ingestOperations` into SQLite in batches of 20,000 records (one transaction
 *    each): facts deduplicated by id, dwell state, hourly rollups and histograms updated. Peer, same
 *    file in the same run: one SQLite row per record (better-sqlite3, prepared INSERT OR IGNORE of
 *    id + JSON, 20,000 rows per transaction) — stores the facts only, no rollups. Each runs in its own
 *    process; peak resident memory is sampled every 50 ms and printed at each quarter of the input.
 * 2. KPI latency: the real server (`bin/sisterports.mjs serve`, no demo) on the ingested database,
 *    with the port calls of the corpus's vessels stored (7 a day: moves per berth hour are read);
 *    autocannon, 10 connections, with an analyst's API key (the route is not public), on a terminal-month `GET /operations/kpis` — the same URL (answers
 *    kept until the data changes, as a repeated reader sees) and a new URL each request (terminal,
 *    month and a dummy parameter vary: nothing kept, every answer computed from the rollups), the
 *    latter also over one connection (no queue: the request's own latency) and paced on a clock at
 *    a quarter and half of the saturated rate (open loop: the latency a user sees on a busy server).
 *
 * Event ids are random UUID-shaped (as DCSA eventIDs are); the facts' unique key is time first
 * (hour, then the id's hash: store/operations/fact-keys.ts), so the corpus's time order, not the ids,
 * decides where an ingest writes it. The peer's primary key (the id text) is written in random order.
 * Targets (issue 12): ≥ 100,000 events/s end to end; KPI p99 < 50 ms for a terminal-month query.
 *
 *   npm run bench -- ops-ingest [--events N (1000000)] [--days D (365)] [--duration S (5)] [--keep]
 *                               [--no-peer (a long run: ours alone)]
 *                               [--kpi-only KEPT_DIR/ours.sqlite (the KPI reads alone, on a copy)]
 *
 * A year at Los Angeles is ~30 M records (`--events 30000000 --no-peer`: a 15 GB corpus, ~10 min of
 * ingest); the KPI reads are then timed on that year's rollups.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import SqliteDatabase from "better-sqlite3";
import type { PortCallRecord } from "../src/calls/wire.ts";
import { iso6346CheckDigit, parseImoNumber } from "../src/core/ids.ts";
import { forEachLine } from "../src/core/input.ts";
import { parseTerminalCodes } from "../src/operations/facilities.ts";
import { TERMINAL_CODES_FILE } from "../src/operations/facilities-io.ts";
import {
  type ContainerEvent,
  newContainerEvent,
  type ParsedOperations,
  type RailMove,
  type TruckVisit,
} from "../src/operations/model.ts";
import type { Store } from "../src/store/index.ts";
import { berthCall } from "../test/helpers/calls.ts";
import { freePort } from "../test/helpers/serve-process.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const EVENTS = Number(arg("events", "1000000"));
const DAYS = Number(arg("days", "365"));
const DURATION_S = Number(arg("duration", "5"));
const BATCH = 20_000;
const PORT = "USLAX";
const ZONE = "America/Los_Angeles";
const T0 = Date.parse("2026-01-01T08:00:00Z") / 1000;
const TERMINALS = [
  "uslax-terminal-apm-pier400",
  "uslax-terminal-everport",
  "uslax-terminal-fenix",
  "uslax-terminal-trapac",
  "uslax-terminal-wbct-100",
  "uslax-terminal-wbct-121",
  "uslax-terminal-yti",
];
const root = path.resolve(import.meta.dirname, "..");
const log = (s: string) => process.stdout.write(`${s}\n`);

type CorpusRecord = { e: ContainerEvent } | { v: TruckVisit } | { r: RailMove };

/** A time-ordered year: boxes discharged from daily calls, out by truck (70 %) or rail after 0.5–15 days; exports in and loaded. */
function writeCorpus(file: string, dcsaFile: string): { records: number; dcsaEvents: number } {
  let seed = 2026;
  const rnd = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const hex = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 16).toString(16);
    return s;
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const base = (
    over: Partial<ContainerEvent> & Pick<ContainerEvent, "eventCode" | "eventAtS">,
  ): ContainerEvent =>
    newContainerEvent({
      eventId: uuid(),
      source: "dcsa",
      eventType: "EQUIPMENT",
      port: PORT,
      isoEquipmentCode: "45G1",
      sizeFt: 40,
      emptyIndicator: "LADEN",
      mode: "VESSEL",
      ...over,
    });
  // Records per import box ≈ 2.7 (DISC + exit event (+ visit)), per export 2: about 2.4 on average.
  const boxesPerDay = Math.max(1, Math.round(EVENTS / 2.4 / DAYS));
  const out = fs.openSync(file, "w");
  const pending = new Map<number, { atS: number; rec: CorpusRecord }[]>();
  const later = (atS: number, rec: CorpusRecord) => {
    const d = Math.floor((atS - T0) / 86_400);
    const list = pending.get(d);
    if (list) list.push({ atS, rec });
    else pending.set(d, [{ atS, rec }]);
  };
  let written = 0;
  let box = 0;
  let buffer: string[] = [];
  // The corpus's events again as DCSA T&T 2.2.0 JSON, one per line (the first DCSA_MAX of them), as
  // a terminal would send them: DCSA's own conformance example with this event's fields.
  const dcsaOut = fs.openSync(dcsaFile, "w");
  let dcsaBuffer: string[] = [];
  let dcsaWritten = 0;
  const write = (rec: CorpusRecord) => {
    buffer.push(JSON.stringify(rec));
    written++;
    if (buffer.length === 10_000) {
      fs.writeSync(out, `${buffer.join("\n")}\n`);
      buffer = [];
    }
    // Actual events only up to now (the corpus's year runs past today; DCSA refuses ACT events from the future).
    if ("e" in rec && dcsaWritten < DCSA_MAX && rec.e.eventAtS <= BENCH_STARTED_S) {
      dcsaBuffer.push(JSON.stringify(dcsaEvent(rec.e)));
      dcsaWritten++;
      if (dcsaBuffer.length === 10_000) {
        fs.writeSync(dcsaOut, `${dcsaBuffer.join("\n")}\n`);
        dcsaBuffer = [];
      }
    }
  };
  for (let day = 0; written < EVENTS; day++) {
    const today: { atS: number; rec: CorpusRecord }[] = pending.get(day) ?? [];
    pending.delete(day);
    for (let i = 0; i < boxesPerDay; i++) {
      const terminal = TERMINALS[i % TERMINALS.length] as string;
      const vesselImo = 9_100_000 + ((day * 7 + (i % 7)) % 400);
      const serial = `BNCU${String(box++ % 1_000_000).padStart(6, "0")}`;
      const container = `${serial}${iso6346CheckDigit(serial)}`;
      const atS = T0 + day * 86_400 + Math.floor(rnd() * 86_400);
      if (rnd() < 0.55) {
        today.push({
          atS,
          rec: {
            e: base({ eventCode: "DISC", eventAtS: atS, containerNumber: container, terminal, vesselImo }),
          },
        });
        const outS = atS + Math.floor((0.5 + rnd() * rnd() * 14.5) * 86_400);
        if (rnd() < 0.7) {
          const queueS = outS - 600 - Math.floor(rnd() * 5400);
          const gateInS = outS - 300 - Math.floor(rnd() * 1800);
          later(outS, {
            e: base({
              eventCode: "GTOT",
              eventAtS: outS,
              containerNumber: container,
              terminal,
              mode: "TRUCK",
            }),
          });
          later(gateInS, {
            v: {
              visitId: uuid(),
              port: PORT,
              terminal,
              truckId: `T${Math.floor(rnd() * 20_000)}`,
              licencePlate: null,
              queueArrivalS: Math.min(queueS, gateInS),
              gateInS,
              gateOutS: outS,
              appointmentId: null,
              troubleTicket: rnd() < 0.03,
              carrierScac: null,
              moves: [
                {
                  containerNumber: container,
                  direction: "out",
                  isoEquipmentCode: "45G1",
                  sizeFt: 40,
                  emptyIndicator: "LADEN",
                },
              ],
            },
          });
        } else
          later(outS, {
            e: base({
              eventCode: "LOAD",
              eventAtS: outS,
              containerNumber: container,
              terminal,
              mode: "RAIL",
            }),
          });
      } else {
        today.push({
          atS,
          rec: {
            e: base({
              eventCode: "GTIN",
              eventAtS: atS,
              containerNumber: container,
              terminal,
              mode: "TRUCK",
            }),
          },
        });
        later(atS + 3 * 86_400, {
          e: base({
            eventCode: "LOAD",
            eventAtS: atS + 3 * 86_400,
            containerNumber: container,
            terminal,
            vesselImo,
          }),
        });
      }
    }
    today.sort((a, b) => a.atS - b.atS);
    for (const t of today) {
      if (written >= EVENTS) break;
      write(t.rec);
    }
  }
  fs.writeSync(out, `${buffer.join("\n")}\n`);
  fs.closeSync(out);
  fs.writeSync(dcsaOut, `${dcsaBuffer.join("\n")}\n`);
  fs.closeSync(dcsaOut);
  return { records: written, dcsaEvents: dcsaWritten };
}

const DCSA_MAX = 1_000_000;
const DCSA_TEMPLATE = (
  JSON.parse(
    fs.readFileSync(path.join(root, "src/operations/fixtures/dcsa/tnt-220-response.json"), "utf8"),
  ) as Record<string, unknown>[]
).find((e) => e.eventType === "EQUIPMENT") as Record<string, unknown>;
/** SMDG codes of our terminals (data/reference/operations/terminal-codes.csv), as terminals send them. */
const SMDG_CODES = new Map(
  parseTerminalCodes(fs.readFileSync(TERMINAL_CODES_FILE, "utf8"), TERMINAL_CODES_FILE).map((c) => [
    c.terminal,
    c.smdgCode,
  ]),
);

/** A valid IMO number for the corpus's vessel number (its six digits and the check digit that fits). */
function validImo(imo: number): string {
  const six = String(910_000 + (imo % 1000));
  for (let d = 0; d < 10; d++) if (parseImoNumber(`${six}${d}`).ok) return `${six}${d}`;
  throw new Error(`no IMO check digit for ${six}`);
}
const BENCH_STARTED_S = Math.floor(Date.now() / 1000);

/** One of our events as a DCSA 2.2.0 EQUIPMENT event (the conformance example's shape). */
function dcsaEvent(e: ContainerEvent): Record<string, unknown> {
  const iso = new Date(e.eventAtS * 1000).toISOString().replace(".000Z", "Z");
  // West Basin (WBCT) has no SMDG code; DCSA's facilityCode is at most 6 characters, so not our id:
  // its events carry the operator's short name, which the lookup does not know (terminal unset).
  const facilityCode = SMDG_CODES.get(e.terminal ?? "") ?? "WBCT";
  const call = DCSA_TEMPLATE.transportCall as Record<string, unknown>;
  return {
    ...DCSA_TEMPLATE,
    eventID: e.eventId,
    eventCreatedDateTime: iso,
    eventClassifierCode: "ACT",
    eventDateTime: iso,
    equipmentEventTypeCode: e.eventCode,
    equipmentReference: e.containerNumber,
    ISOEquipmentCode: "45G1",
    emptyIndicatorCode: "LADEN",
    eventLocation: {
      locationName: e.terminal,
      UNLocationCode: PORT,
      facilityCode,
      facilityCodeListProvider: "SMDG",
    },
    transportCall: {
      ...call,
      UNLocationCode: PORT,
      facilityCode,
      modeOfTransport: e.mode ?? "VESSEL",
      ...(e.vesselImo !== null
        ? { vessel: { ...(call.vessel as object), vesselIMONumber: validImo(e.vesselImo) } }
        : {}),
    },
    references: [{ referenceType: "EQ", referenceValue: e.containerNumber }],
  };
}

interface Measured {
  seconds: number;
  records: number;
  peakRssMb: number;
  rssAtQuartersMb: number[];
  dbMb: number;
}

const dbSizeMb = (f: string) =>
  ["", "-wal"].reduce((s, x) => s + (fs.statSync(f + x, { throwIfNoEntry: false })?.size ?? 0), 0) / 1e6;

/** Reads the corpus line by line, handing batches of parsed records to `flush`. */
async function readCorpus(
  file: string,
  total: number,
  flush: (batch: CorpusRecord[]) => Promise<void>,
): Promise<Measured> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const quarters: number[] = [];
  const started = performance.now();
  let batch: CorpusRecord[] = [];
  let n = 0;
  // Reading waits for each flush (forEachLine awaits it): memory stays one batch deep.
  await forEachLine(fs.createReadStream(file, { highWaterMark: 1 << 20 }), (bytes, s, e) => {
    if (e <= s) return;
    batch.push(JSON.parse(bytes.toString("utf8", s, e)) as CorpusRecord);
    n++;
    if (n % Math.ceil(total / 4) === 0) quarters.push(process.memoryUsage().rss / 1e6);
    if (batch.length === BATCH) {
      const full = batch;
      batch = [];
      return flush(full);
    }
  });
  await flush(batch);
  clearInterval(sampler);
  return {
    seconds: (performance.now() - started) / 1000,
    records: n,
    peakRssMb: peak / 1e6,
    rssAtQuartersMb: quarters,
    dbMb: 0,
  };
}

async function runOurs(corpus: string, dbFile: string, total: number): Promise<Measured> {
  const { openStore } = await import("../src/store/index.ts");
  const { ingestOperations } = await import("../src/operations/ingest.ts");
  const store = openStore({ databaseUrl: `sqlite:${dbFile}` });
  await store.migrate();
  let accepted = 0;
  // Each batch is one transaction, stored before the next is read.
  const m = await readCorpus(corpus, total, async (batch) => {
    const parsed: ParsedOperations = {
      events: [],
      visits: [],
      railMoves: [],
      receivingRules: [],
      rejects: [],
      read: batch.length,
    };
    for (const r of batch)
      if ("e" in r) parsed.events.push(r.e);
      else if ("v" in r) parsed.visits.push(r.v);
      else parsed.railMoves.push(r.r);
    accepted += (
      await ingestOperations(store.operations, parsed, { file: "bench.ndjson", port: PORT, timeZone: ZONE })
    ).accepted;
  });
  await store.close();
  if (accepted !== total) throw new Error(`accepted ${accepted} of ${total}`);
  return { ...m, dbMb: dbSizeMb(dbFile) };
}

async function runPeer(corpus: string, dbFile: string, total: number): Promise<Measured> {
  const db = new SqliteDatabase(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE records (id TEXT PRIMARY KEY, record_json TEXT NOT NULL)");
  const insert = db.prepare("INSERT OR IGNORE INTO records VALUES (?, ?)");
  const writeMany = db.transaction((batch: CorpusRecord[]) => {
    for (const r of batch) {
      const id = "e" in r ? r.e.eventId : "v" in r ? r.v.visitId : r.r.moveId;
      insert.run(id, JSON.stringify("e" in r ? r.e : "v" in r ? r.v : r.r));
    }
  });
  const m = await readCorpus(corpus, total, async (batch) => writeMany(batch));
  const stored = Number(db.prepare("SELECT count(*) FROM records").pluck().get());
  db.close();
  if (stored !== total) throw new Error(`peer stored ${stored} of ${total}`);
  return { ...m, dbMb: dbSizeMb(dbFile) };
}

/**
 * The peer of `ops ingest` on DCSA NDJSON: each line JSON-parsed and checked against the same DCSA
 * T&T 2.2.0 schema (our compiled Ajv validators), then one SQLite row per event (id + the line), as
 * runPeer stores them — validated facts, no mapping, no rollups.
 */
async function runDcsaPeer(file: string, dbFile: string): Promise<Measured> {
  const { dcsaValidators } = await import("../src/operations/dcsa-schema-io.ts");
  const validators = dcsaValidators();
  const db = new SqliteDatabase(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE events (id TEXT PRIMARY KEY, event_json TEXT NOT NULL)");
  const insert = db.prepare("INSERT OR IGNORE INTO events VALUES (?, ?)");
  const writeMany = db.transaction((rows: [string, string][]) => {
    for (const [id, json] of rows) insert.run(id, json);
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  let rows: [string, string][] = [];
  let n = 0;
  let invalid = 0;
  await forEachLine(fs.createReadStream(file, { highWaterMark: 1 << 20 }), (bytes, s, e) => {
    if (e <= s) return;
    const line = bytes.toString("utf8", s, e);
    const event = JSON.parse(line) as { eventType: "EQUIPMENT"; eventID: string };
    n++;
    if (!validators.byType[event.eventType](event)) invalid++;
    else rows.push([event.eventID, line]);
    if (rows.length === BATCH) {
      writeMany(rows);
      rows = [];
    }
  });
  writeMany(rows);
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  if (invalid > 0) throw new Error(`dcsa peer: ${invalid} of ${n} events invalid`);
  return { seconds, records: n, peakRssMb: peak / 1e6, rssAtQuartersMb: [], dbMb: dbSizeMb(dbFile) };
}

/** `sisterports ops ingest FILE --port USLAX --json`, the process a user runs; peak RSS read from /proc. */
async function runCli(file: string, dbFile: string): Promise<Measured & { accepted: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      path.join(root, "bin", "sisterports.mjs"),
      "--database-url",
      `sqlite:${dbFile}`,
      "ops",
      "ingest",
      file,
      "--port",
      PORT,
      "--json",
    ],
    { cwd: root, env: { ...process.env, SP_LANG: "en" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  let peakKb = 0;
  const hwm = () => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  };
  const sampler = setInterval(() => {
    try {
      hwm();
    } catch {
      // exited
    }
  }, 100);
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`ops ingest exited ${code}: ${err}`);
  const { total } = JSON.parse(out) as { total: { read: number; accepted: number } };
  return {
    seconds,
    records: total.read,
    accepted: total.accepted,
    peakRssMb: (peakKb * 1024) / 1e6,
    rssAtQuartersMb: [],
    dbMb: dbSizeMb(dbFile),
  };
}

/**
 * The port calls of the corpus's vessels, as AIS would give them (calls/): vessel k of day d
 * (IMO 9,100,000 + (7d + k) mod 400, terminal k) at berth over that day, so that the KPI read
 * counts each call's vessel moves per berth hour as it does at a real port. Returns their number.
 */
async function storeCalls(store: Store): Promise<number> {
  const iso = (s: number) => new Date(s * 1000).toISOString();
  const byImo = new Map<number, PortCallRecord[]>();
  for (let day = 0; day < DAYS; day++)
    for (let k = 0; k < TERMINALS.length; k++) {
      const imo = 9_100_000 + ((day * 7 + k) % 400);
      const mmsi = 538_000_000 + (imo - 9_100_000);
      const [arrivalS, departureS] = [T0 + day * 86_400, T0 + (day + 1) * 86_400];
      const terminal = TERMINALS[k] as string;
      const call = berthCall(
        {
          port: PORT,
          terminal,
          berth: `${terminal}-berth`,
          arrivalAt: iso(arrivalS),
          departureAt: iso(departureS),
        },
        { id: `${PORT}-${mmsi}-${day}`, mmsi, imo, vesselName: `BENCH ${imo}`, etaAt: iso(arrivalS - 3600) },
      );
      const list = byImo.get(imo);
      if (list) list.push(call);
      else byImo.set(imo, [call]);
    }
  let n = 0;
  for (const list of byImo.values()) {
    const first = list[0] as PortCallRecord;
    await store.calls.replaceVesselResults(PORT, first.mmsi, T0 - 86_400, T0 + (DAYS + 1) * 86_400, list, []);
    n += list.length;
  }
  return n;
}

/**
 * Requests sent on a clock (open loop): request k leaves at start + k / rate whether or not earlier
 * ones have answered, and its latency counts from that moment — a slow answer delays none of the
 * later sends, so the queue it causes is measured (no coordinated omission). Keep-alive sockets as a
 * browser or client pool keeps them.
 */
async function pacedLoad(
  base: string,
  ratePerS: number,
  seconds: number,
  pathOf: (k: number) => string,
  headers: Record<string, string>,
): Promise<{ sent: number; failed: number; p50Ms: number; p99Ms: number; maxMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(base);
  const total = Math.round(ratePerS * seconds);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / ratePerS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = http.get(
          { host: url.hostname, port: url.port, path: pathOf(k), headers, agent },
          (res) => {
            res.resume();
            res.on("end", () => {
              if (res.statusCode === 200) latencies.push(performance.now() - due);
              else failed++;
              resolve();
            });
          },
        );
        req.on("error", () => {
          failed++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN;
  return { sent: total, failed, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies.at(-1) ?? NaN };
}

const role = arg("role", "");
if (role !== "") {
  const corpus = arg("corpus", "");
  const dbFile = arg("db", "");
  const total = Number(arg("total", "0"));
  const m =
    role === "ours"
      ? await runOurs(corpus, dbFile, total)
      : role === "dcsa-peer"
        ? await runDcsaPeer(corpus, dbFile)
        : await runPeer(corpus, dbFile, total);
  process.stdout.write(`RESULT ${JSON.stringify(m)}\n`);
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-bench-ops-"));
const keep = process.argv.includes("--keep");
const noPeer = process.argv.includes("--no-peer");
let server: ChildProcess | undefined;
try {
  // --kpi-only DB: the KPI reads alone, on a database an earlier run kept (--keep), copied first.
  const kpiOnly = arg("kpi-only", "");
  const oursDb = path.join(dir, "ours.sqlite");
  if (kpiOnly !== "") fs.copyFileSync(kpiOnly, oursDb);
  else {
    const corpus = path.join(dir, "ops.ndjson");
    const genStarted = performance.now();
    const dcsaCorpus = path.join(dir, "dcsa-events.ndjson");
    const { records: total, dcsaEvents } = writeCorpus(corpus, dcsaCorpus);
    log(
      `corpus: ${total.toLocaleString("en-US")} records (events, truck visits) over ${DAYS} days at ${PORT}, ${(fs.statSync(corpus).size / 1e6).toFixed(0)} MB NDJSON (generated in ${((performance.now() - genStarted) / 1000).toFixed(1)} s); ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
    const measure = (who: string, dbFile: string, input = corpus): Measured => {
      const r = spawnSync(
        process.execPath,
        [
          "--expose-gc",
          "--import",
          "tsx",
          path.join(root, "bench", "ops-ingest.bench.ts"),
          "--role",
          who,
          "--corpus",
          input,
          "--db",
          dbFile,
          "--total",
          String(total),
        ],
        { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 },
      );
      const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (r.status !== 0 || !line) throw new Error(`${who}: ${r.stderr || r.stdout}`);
      return JSON.parse(line.slice(7)) as Measured;
    };
    const ours = measure("ours", oursDb);
    const peer = noPeer ? undefined : measure("peer", path.join(dir, "peer.sqlite"));
    const row = (name: string, m: Measured) =>
      log(
        `${name.padEnd(58)} ${(m.records / m.seconds).toFixed(0).padStart(9)} ${m.seconds.toFixed(1).padStart(7)} ${m.peakRssMb.toFixed(0).padStart(8)} ${m.rssAtQuartersMb
          .map((x) => x.toFixed(0))
          .join("/")
          .padStart(16)} ${m.dbMb.toFixed(0).padStart(6)}`,
      );
    log(
      `\n${"ingest (one process each, end to end from the file)".padEnd(58)} ${"records/s".padStart(9)} ${"s".padStart(7)} ${"peak MB".padStart(8)} ${"RSS at ¼ MB".padStart(16)} ${"DB MB".padStart(6)}`,
    );
    row("sisterports: ingestOperations (facts + rollups)", ours);
    if (peer) row("peer: one SQLite row per record (facts only)", peer);
    const oursRate = ours.records / ours.seconds;
    log(
      `${peer ? `ours / peer: ${(oursRate / (peer.records / peer.seconds)).toFixed(2)}; ` : "peer not run (--no-peer); "}target ≥ 100,000 records/s: ${oursRate >= 100_000 ? "met" : "NOT MET"}`,
    );
    const db = new SqliteDatabase(oursDb, { readonly: true });
    const count = (t: string) => Number(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get());
    log(
      `stored: ${count("ops_events").toLocaleString("en-US")} events, ${count("ops_truck_visits").toLocaleString("en-US")} visits; rollups: ${count("ops_hourly").toLocaleString("en-US")} hourly rows, ${count("ops_histogram_bins").toLocaleString("en-US")} packed histogram rows, ${count("ops_vessel_moves").toLocaleString("en-US")} vessel-move rows, ${count("ops_container_state").toLocaleString("en-US")} open dwells`,
    );
    db.close();

    // The command a user runs on a terminal's DCSA feed: parse, schema-check, map, store and roll up.
    const cli = await runCli(dcsaCorpus, path.join(dir, "cli.sqlite"));
    const dcsaPeer = noPeer
      ? undefined
      : measure("dcsa-peer", path.join(dir, "dcsa-peer.sqlite"), dcsaCorpus);
    log(
      `\nDCSA T&T 2.2.0 events as NDJSON (${dcsaEvents.toLocaleString("en-US")} events, ${(fs.statSync(dcsaCorpus).size / 1e6).toFixed(0)} MB)`.padEnd(
        59,
      ) +
        `${"records/s".padStart(9)} ${"s".padStart(7)} ${"peak MB".padStart(8)} ${"".padStart(16)} ${"DB MB".padStart(6)}`,
    );
    row("sisterports ops ingest FILE (the CLI process, end to end)", cli);
    if (dcsaPeer) row("peer: JSON.parse + DCSA schema check + one row per event", dcsaPeer);
    if (cli.accepted !== cli.records)
      throw new Error(`ops ingest accepted ${cli.accepted} of ${cli.records}`);
  }

  // KPI latency through the real server on the ingested database.
  // The KPI routes are an analyst's (issue 14): the reads carry an analyst key, as a client would.
  const { openStore } = await import("../src/store/index.ts");
  const { createKey } = await import("../src/access/index.ts");
  const keyStore = openStore({ databaseUrl: `sqlite:${oursDb}` });
  await keyStore.migrate();
  const calls = await storeCalls(keyStore);
  const { token } = await createKey(
    keyStore.access,
    { name: "bench analyst", role: "analyst" },
    { kind: "cli", id: "bench" },
    Date.now(),
  );
  await keyStore.close();
  const headers = { authorization: `Bearer ${token}` };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [
      path.join(root, "bin", "sisterports.mjs"),
      "--database-url",
      `sqlite:${oursDb}`,
      "serve",
      "--port",
      String(port),
    ],
    {
      cwd: root,
      env: { ...process.env, SP_DEMO: "off", SP_LANG: "en", SP_DATA_DIR: dir },
      stdio: "ignore",
    },
  );
  const upStarted = performance.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (performance.now() - upStarted > 120_000) throw new Error("server not up after 120 s");
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const months = Array.from(
    { length: Math.min(12, Math.ceil(DAYS / 31)) },
    (_, i) => `2026-${String(i + 1).padStart(2, "0")}`,
  );
  const kpiUrl = (t: string, m: string) => {
    const [y, mo] = m.split("-").map(Number) as [number, number];
    const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
    return `/api/ports/${PORT}/operations/kpis?terminal=${t}&from=${m}-01&to=${next}-01`;
  };
  const fixed = kpiUrl(TERMINALS[6] as string, months[Math.min(2, months.length - 1)] as string);
  const check = await fetch(`${base}${fixed}`, { headers });
  const body = (await check.json()) as {
    terminals: { turn: { visits: number }; dwell: { all: { count: number } } }[];
    calls: unknown[];
  };
  if (!check.ok) throw new Error(`${fixed}: HTTP ${check.status}`);
  log(
    `\nKPI reads (${fixed}: ${body.terminals[0]?.turn.visits.toLocaleString("en-US")} truck visits, ${body.terminals[0]?.dwell.all.count.toLocaleString("en-US")} dwells, ${body.calls.length} of the ${calls.toLocaleString("en-US")} port calls in the month); 10 connections, ${DURATION_S} s each`,
  );
  log(`${"".padEnd(58)} ${"req/s".padStart(9)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(8)}`);
  const show = (name: string, r: Awaited<ReturnType<typeof autocannon>>) =>
    log(
      `${name.padEnd(58)} ${r.requests.average.toFixed(0).padStart(9)} ${r.latency.p50.toFixed(1).padStart(7)} ${r.latency.p99.toFixed(1).padStart(8)}${r.non2xx + r.errors > 0 ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : ""}`,
    );
  show(
    "peer: /api/health (no database)",
    await autocannon({ url: `${base}/api/health`, connections: 10, duration: DURATION_S }),
  );
  show(
    "terminal-month KPIs, same URL (kept until data changes)",
    await autocannon({ url: `${base}${fixed}`, connections: 10, duration: DURATION_S, headers }),
  );
  let i = 0;
  // A new URL each request: 10 connections as fast as the server answers (saturated: p99 is then
  // mostly the queue of 10 before one process), then one connection (each request alone: its own cost).
  // autocannon's rate limits send each second's requests in a burst, so a "paced" run is a queue too.
  const computed = (connections: number) =>
    autocannon({
      url: base,
      connections,
      duration: DURATION_S,
      headers,
      requests: [
        {
          setupRequest: (req) => {
            i++;
            req.path = `${kpiUrl(TERMINALS[i % TERMINALS.length] as string, months[i % months.length] as string)}&n=${i}`;
            return req;
          },
        },
      ],
    });
  const cold = await computed(10);
  show("terminal-month KPIs, a new URL each request (computed)", cold);
  const alone = await computed(1);
  show("  the same, one connection", alone);
  // Open loop: clients that ask at a steady rate, each request new (computed), at a quarter and at
  // half of the saturated rate above — the latency a user sees while the server is busy, not full.
  const pacedRows: { rate: number; p99Ms: number }[] = [];
  for (const share of [0.25, 0.5]) {
    const rate = Math.max(10, Math.round((cold.requests.average * share) / 10) * 10);
    const r = await pacedLoad(
      base,
      rate,
      DURATION_S,
      () => {
        i++;
        return `${kpiUrl(TERMINALS[i % TERMINALS.length] as string, months[i % months.length] as string)}&n=${i}`;
      },
      headers,
    );
    pacedRows.push({ rate, p99Ms: r.p99Ms });
    log(
      `${`  the same, paced: ${rate} req/s (${Math.round(share * 100)} % of saturated)`.padEnd(58)} ${(r.sent / DURATION_S).toFixed(0).padStart(9)} ${r.p50Ms.toFixed(1).padStart(7)} ${r.p99Ms.toFixed(1).padStart(8)}${r.failed > 0 ? ` (${r.failed} failed)` : ""}`,
    );
  }
  const verdict = (p99: number) => (p99 < 50 ? "met" : "NOT MET");
  log(
    `target p99 < 50 ms for a terminal-month query (computed): one connection ${verdict(alone.latency.p99)}; ${pacedRows.map((r) => `paced ${r.rate} req/s ${verdict(r.p99Ms)}`).join("; ")}; saturated 10 connections ${verdict(cold.latency.p99)} (there p99 ≈ 10 × the service time: a queue, not a request)`,
  );
  // The other operations reads (every KPI endpoint), each request new: over one connection (its own
  // latency), then paced. Boxes are the corpus's (one every 2.4 records).
  const boxes = Math.max(1, Math.round(EVENTS / 2.4));
  const boxOf = (k: number) => {
    const serial = `BNCU${String((k * 7919) % Math.min(boxes, 1_000_000)).padStart(6, "0")}`;
    return `${serial}${iso6346CheckDigit(serial)}`;
  };
  const month = (k: number) => months[k % months.length] as string;
  const monthRange = (k: number) => kpiUrl("x", month(k)).split("&").slice(1).join("&");
  const others: [string, (k: number) => string][] = [
    ["public summary, port-month", (k) => `/api/ports/${PORT}/operations/summary?${monthRange(k)}&n=${k}`],
    ["KPIs, all terminals, month", (k) => `/api/ports/${PORT}/operations/kpis?${monthRange(k)}&n=${k}`],
    [
      "KPIs by hour, terminal-month",
      (k) => `${kpiUrl(TERMINALS[k % TERMINALS.length] as string, month(k))}&by=hour&n=${k}`,
    ],
    [
      "truck visits, terminal-month (200 newest)",
      (k) =>
        `/api/ports/${PORT}/operations/truck-visits?terminal=${TERMINALS[k % TERMINALS.length]}&${monthRange(k)}&n=${k}`,
    ],
    ["container timeline, one box", (k) => `/api/ports/${PORT}/operations/containers/${boxOf(k)}`],
    [
      "availability, 10 boxes",
      (k) =>
        `/api/ports/${PORT}/operations/availability?containers=${Array.from({ length: 10 }, (_, j) => boxOf(k * 10 + j)).join(",")}`,
    ],
    ["import forecast, 3 weeks (stored)", (k) => `/api/ports/${PORT}/operations/forecast?n=${k}`],
    ["empty-return board (stored)", (k) => `/api/ports/${PORT}/operations/empty-returns?n=${k}`],
  ];
  log(
    "\nEvery operations read, a new URL each request: one connection, then paced (open loop) at half its rate, at most 100 req/s",
  );
  log(
    `${"".padEnd(44)} ${"1 conn req/s".padStart(12)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)}   ${"req/s".padStart(6)} ${"paced p50".padStart(9)} ${"p99 ms".padStart(7)}`,
  );
  const worst: number[] = [];
  for (const [name, pathOf] of others) {
    let k = 1_000_000 * (others.findIndex(([n]) => n === name) + 1);
    const probe = await fetch(`${base}${pathOf(k)}`, { headers });
    if (!probe.ok) throw new Error(`${name}: ${pathOf(k)}: HTTP ${probe.status} ${await probe.text()}`);
    const one = await autocannon({
      url: base,
      connections: 1,
      duration: DURATION_S,
      headers,
      requests: [
        {
          setupRequest: (req) => {
            k++;
            req.path = pathOf(k);
            return req;
          },
        },
      ],
    });
    // Half of what one connection carries, at most 100 req/s: busy, not past capacity.
    const rate = Math.max(5, Math.min(100, Math.round(one.requests.average / 2 / 5) * 5));
    const paced = await pacedLoad(base, rate, DURATION_S, () => pathOf(++k), headers);
    worst.push(one.latency.p99, paced.p99Ms);
    log(
      `${name.padEnd(44)} ${one.requests.average.toFixed(0).padStart(12)} ${one.latency.p50.toFixed(1).padStart(7)} ${one.latency.p99.toFixed(1).padStart(7)}   ${String(rate).padStart(6)} ${paced.p50Ms.toFixed(1).padStart(9)} ${paced.p99Ms.toFixed(1).padStart(7)}${one.non2xx + one.errors + paced.failed > 0 ? ` (${one.non2xx + paced.failed} non-2xx, ${one.errors} errors)` : ""}`,
    );
  }
  log(`every read: p99 < 50 ms over one connection and paced: ${verdict(Math.max(...worst))}`);
} finally {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  else log(`kept ${dir}`);
}
