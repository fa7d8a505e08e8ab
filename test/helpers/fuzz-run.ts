/**
 * Drives the fuzz inputs of ./fuzz.ts: HTTP requests through the real Fastify app in-process
 * (`app.inject`, no sockets), each sent with an API key of a role the route lets in (admin when it
 * may) or with none (a share sent as the public); and the file parsers the CLI's imports reach,
 * called directly. A crash is a 500, an exception out of `inject` or a parser, or an unhandled
 * rejection meanwhile; each is recorded with its seed, route and input so it can be replayed.
 * Used by test/integration/fuzz.test.ts (short) and bench/fuzz.bench.ts (1,000,000 inputs).
 */

import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { createKey, TokenBuckets } from "../../src/access/index.ts";
import { AisDecoder, nmeaChecksum } from "../../src/ais/index.ts";
import { isDomainError } from "../../src/core/errors.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { operationsParsers } from "../../src/store/services.ts";
import {
  EQUIPMENT_CSV_COLUMNS,
  parseEquipmentCsv,
  parseHourlyDemandCsv,
  parseTelemetryCsv,
  TELEMETRY_CSV_COLUMNS,
} from "../../src/transition/index.ts";
import type { TestDatabase, TestDatabaseKind } from "./databases.ts";
import {
  BODY_SEEDS,
  csvText,
  damageText,
  edifactText,
  type FuzzOperation,
  type FuzzRequest,
  generateRequest,
  jsonText,
  mutateValue,
  nmeaText,
  operationsOf,
  Prng,
} from "./fuzz.ts";

const REPO = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..");

export interface FuzzFailure {
  seed: number;
  index: number;
  family: string;
  route: string;
  as: string;
  status?: number;
  error?: string;
  /** The input, cut to 2,000 characters. */
  input: string;
}

export interface FuzzTally {
  inputs: number;
  byFamily: Map<string, number>;
  statuses: Map<string, number>;
  failures: FuzzFailure[];
  /** The slowest inputs (ms), for spotting parsers that take long on some input. */
  slowest: { ms: number; route: string; input: string }[];
  /** Time spent per route or file kind (ms), to see where a run's time goes. */
  msByRoute: Map<string, number>;
}

export function newTally(): FuzzTally {
  return {
    inputs: 0,
    byFamily: new Map(),
    statuses: new Map(),
    failures: [],
    slowest: [],
    msByRoute: new Map(),
  };
}

const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
const cut = (s: string) => (s.length > 2000 ? `${s.slice(0, 2000)}… (${s.length} characters)` : s);

function noteSlow(t: FuzzTally, ms: number, route: string, input: string) {
  if (t.slowest.length >= 5 && ms <= t.slowest[t.slowest.length - 1]!.ms) return;
  t.slowest.push({ ms, route, input: cut(input) });
  t.slowest.sort((a, b) => b.ms - a.ms);
  t.slowest.length = Math.min(t.slowest.length, 5);
}

export interface FuzzTarget {
  app: FastifyInstance;
  store: Store;
  operations: FuzzOperation[];
  headersOf: Record<string, Record<string, string>>;
  close(): Promise<void>;
}

/**
 * The app on a fresh store with the shipped port registry, API keys for every role, and change
 * rate limits wide open (a limit answered 429 before the body reached its parser otherwise; the
 * limits themselves are tested in access-brute-force.test.ts). Sign-in keeps its limits.
 */
export async function startFuzzTarget(databaseUrl: string): Promise<FuzzTarget> {
  const store = openStore({ databaseUrl });
  await store.migrate();
  await store.ports.upsertPorts(loadPortRecords());
  const wide = () => new TokenBuckets({ capacity: 1e12, refillPerS: 1e12 });
  const app = await buildApp({
    store,
    webDir: "/nonexistent",
    limits: {
      mutationLimits: wide(),
      // Sign-in's parser runs before its limit; past 2 attempts it answers 429 without an scrypt
      // verification (0.7 s at the OWASP cost) — the body is parsed all the same.
      login: {
        byIp: new TokenBuckets({ capacity: 2, refillPerS: 1 / 3600 }),
        byName: new TokenBuckets({ capacity: 2, refillPerS: 1 / 3600 }),
      },
      // Accounts the fuzz creates get a cheap hash (RFC 7914's test cost): a fuzz measures parsers.
      passwordScrypt: { N: 1024, r: 8, p: 1, saltBytes: 16, keyBytes: 64 },
    },
  });
  await app.ready();
  const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  const operations = operationsOf(doc);
  const headersOf: Record<string, Record<string, string>> = { public: {} };
  for (const role of ["analyst", "terminal", "trucking", "partner", "sister_port", "admin"]) {
    const { token } = await createKey(
      store.access,
      { name: `fuzz ${role}`, role },
      { kind: "cli", id: "fuzz" },
      Date.now(),
    );
    headersOf[role] = { authorization: `Bearer ${token}` };
  }
  return {
    app,
    store,
    operations,
    headersOf,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/**
 * Bearer headers of API keys made for `owners`, by name: `[name, role, owner]` each (a terminal's
 * id, a company's SCAC or name) — for tests of data reach.
 */
export async function ownerKeys(
  store: Store,
  owners: readonly (readonly [name: string, role: string, owner: string])[],
): Promise<Record<string, Record<string, string>>> {
  const headers: Record<string, Record<string, string>> = {};
  for (const [name, role, owner] of owners) {
    const { token } = await createKey(
      store.access,
      { name, role, owner },
      { kind: "cli", id: "test" },
      Date.now(),
    );
    headers[name] = { authorization: `Bearer ${token}` };
  }
  return headers;
}

/** Requests that are all one route's: the operations cycle so every route gets its share. */
export async function fuzzHttp(
  target: FuzzTarget,
  seed: number,
  count: number,
  tally: FuzzTally,
  options: { onProgress?: (done: number) => void; maxFailures?: number } = {},
): Promise<void> {
  const rng = new Prng(seed);
  const ops = target.operations;
  let unhandled: unknown;
  const onUnhandled = (e: unknown) => {
    unhandled = e;
  };
  process.on("unhandledRejection", onUnhandled);
  try {
    for (let i = 0; i < count; i++) {
      const op = ops[i % ops.length]!;
      const req: FuzzRequest = generateRequest(rng, op);
      tally.inputs += 1;
      bump(tally.byFamily, req.family);
      const started = performance.now();
      let status: number | undefined;
      let error: string | undefined;
      try {
        const r = await target.app.inject({
          method: req.method as "GET",
          url: req.url,
          headers: { ...req.headers, ...target.headersOf[req.as] },
          ...(req.payload !== undefined ? { payload: req.payload } : {}),
        });
        status = r.statusCode;
      } catch (e) {
        error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
      if (unhandled !== undefined) {
        error = `unhandled rejection: ${String(unhandled)}`;
        unhandled = undefined;
      }
      const ms = performance.now() - started;
      const input = `${req.method} ${req.url}${req.payload !== undefined ? `\n${req.payload}` : ""}`;
      noteSlow(tally, ms, `${req.method} ${op.path}`, input);
      bump(tally.msByRoute, `${req.method} ${op.path}`, ms);
      bump(tally.statuses, status === undefined ? "thrown" : String(status));
      if (error !== undefined || (status !== undefined && status >= 500)) {
        tally.failures.push({
          seed,
          index: i,
          family: req.family,
          route: `${req.method} ${op.path}`,
          as: req.as,
          ...(status !== undefined ? { status } : {}),
          ...(error !== undefined ? { error } : {}),
          input: cut(input),
        });
        if (tally.failures.length >= (options.maxFailures ?? 50)) return;
      }
      if (options.onProgress && i % 10_000 === 9_999) options.onProgress(i + 1);
    }
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
}

/** A parser of a file kind and the generator of its text. */
interface FileKind {
  family: string;
  make(rng: Prng): string;
  parse(text: string): void;
}

function fileKinds(): FileKind[] {
  const ops = operationsParsers();
  const nmea = fs
    .readFileSync(path.join(REPO, "src/ais/fixtures/san-pedro-bay-2005.nmea"), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .slice(0, 2000);
  const edi = fs
    .readdirSync(path.join(REPO, "src/operations/fixtures/edifact"))
    .filter((f) => f.endsWith(".edi"))
    .map((f) => fs.readFileSync(path.join(REPO, "src/operations/fixtures/edifact", f), "utf8"));
  const dcsaFixture = JSON.parse(
    fs.readFileSync(path.join(REPO, "src/operations/fixtures/dcsa/tnt-220-response.json"), "utf8"),
  ) as unknown;
  const t = (i: number) => `2026-11-01T${String(8 + (i % 10)).padStart(2, "0")}:00:00-07:00`;
  const telemetryCtx = {
    unit: (port: string, unitId: string) =>
      port === "USLAX" && unitId === "UTR-H2-01"
        ? ({
            port: "USLAX",
            unitId: "UTR-H2-01",
            category: "yard_tractor",
            powertrain: "fuel_cell",
            modelYear: 2024,
            ratedPowerKw: 90,
            engineTier: null,
            owner: "Fuzz Co",
            status: "pilot",
            programme: null,
            replaces: null,
          } as never)
        : undefined,
    timeZone: (port: string) =>
      port === "USLAX" ? "America/Los_Angeles" : port === "JPNGO" ? "Asia/Tokyo" : undefined,
    h2LhvKwhPerKg: 33.33,
  };
  return [
    {
      family: "csv:gate",
      make: (rng) =>
        csvText(
          rng,
          [
            "truck_id",
            "licence_plate",
            "container",
            "iso_code",
            "direction",
            "empty_laden",
            "queue_arrival",
            "gate_in",
            "gate_out",
            "terminal",
            "appointment_id",
            "trouble_ticket",
          ],
          (i) => [
            `T${i % 3}`,
            "7ABC123",
            rng.pick(["MSCU1234566", "CSQU3054383"]),
            "45G1",
            rng.pick(["in", "out"]),
            rng.pick(["laden", "empty"]),
            t(i),
            t(i + 1),
            t(i + 2),
            rng.pick(["YTI", "uslax-terminal-yti", "APM"]),
            `A${i}`,
            rng.pick(["yes", "no", ""]),
          ],
        ),
      parse: (text) => ops.gate(text, "gate.csv"),
    },
    {
      family: "csv:rail",
      make: (rng) =>
        csvText(
          rng,
          [
            "container",
            "iso_code",
            "empty_laden",
            "direction",
            "time",
            "terminal",
            "train_id",
            "rail_carrier",
            "inland",
          ],
          (i) => [
            "MSCU1234566",
            "45G1",
            "laden",
            rng.pick(["in", "out"]),
            t(i),
            "YTI",
            `TR${i}`,
            "UP",
            "USCHI",
          ],
        ),
      parse: (text) => ops.rail(text, "rail.csv"),
    },
    {
      family: "csv:receiving-rules",
      make: (rng) =>
        csvText(rng, ["terminal", "day", "published_at", "size_ft", "line", "accepting"], (i) => [
          "YTI",
          "2026-11-01",
          t(i),
          rng.pick(["20", "40", "45"]),
          "MSCU",
          rng.pick(["yes", "no", "open"]),
        ]),
      parse: (text) => ops.rules(text, "rules.csv"),
    },
    {
      family: "csv:equipment",
      make: (rng) =>
        csvText(rng, EQUIPMENT_CSV_COLUMNS, (i) => [
          rng.pick(["USLAX", "JPNGO"]),
          `UTR-${i}`,
          rng.pick(["yard_tractor", "utr", "rtg", "top_handler"]),
          rng.pick(["diesel", "battery", "fuel_cell"]),
          "2020",
          "150",
          "4f",
          "Fuzz Co",
          rng.pick(["active", "pilot", "retired"]),
          "",
          "",
        ]),
      parse: (text) => parseEquipmentCsv(text, "equipment.csv"),
    },
    {
      family: "csv:telemetry",
      make: (rng) =>
        csvText(rng, TELEMETRY_CSV_COLUMNS, (i) => [
          "USLAX",
          "UTR-H2-01",
          `2026-11-0${1 + (i % 8)}`,
          `2026-11-0${2 + (i % 8)}`,
          "10",
          "200",
          "",
          "",
          "20",
          "",
          "1",
          "maintenance",
        ]),
      parse: (text) => parseTelemetryCsv(text, "telemetry.csv", telemetryCtx),
    },
    {
      family: "csv:hydrogen-demand",
      make: (rng) => csvText(rng, ["hour", "kg"], (i) => [String(i), "0.5"]),
      parse: (text) => parseHourlyDemandCsv(text, "demand.csv"),
    },
    {
      family: "nmea",
      make: (rng) => nmeaText(rng, nmea, nmeaChecksum),
      parse: (text) => {
        const dec = new AisDecoder({ onReject: () => {} });
        for (const line of text.split(/\r?\n/)) dec.push(line);
        dec.end();
      },
    },
    {
      family: "edifact",
      make: (rng) => edifactText(rng, rng.pick(edi)),
      parse: (text) => ops.edifact(text, "message.edi"),
    },
    {
      family: "dcsa-file",
      make: (rng) => {
        let v: unknown = rng.chance(0.5) ? dcsaFixture : BODY_SEEDS["postEvents"]!();
        v = mutateValue(rng, v);
        const text = jsonText(rng, v);
        return rng.chance(0.1) ? damageText(rng, text) : text;
      },
      parse: (text) => ops.dcsa(text, "events.json"),
    },
  ];
}

/**
 * File parsers, in-process: a thrown error other than a DomainError (which the CLI reports as the
 * file's error) is a crash — DESIGN.md: parsers of messy input report rejects, they never throw.
 */
export function fuzzFiles(seed: number, count: number, tally: FuzzTally, maxFailures = 50): void {
  const rng = new Prng(seed);
  const kinds = fileKinds();
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const text = kind.make(rng);
    tally.inputs += 1;
    bump(tally.byFamily, kind.family);
    const started = performance.now();
    try {
      kind.parse(text);
      bump(tally.statuses, "parsed");
    } catch (e) {
      if (isDomainError(e)) bump(tally.statuses, `file error (${e.code})`);
      else {
        bump(tally.statuses, "thrown");
        tally.failures.push({
          seed,
          index: i,
          family: kind.family,
          route: kind.family,
          as: "cli",
          error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
          input: cut(text),
        });
        if (tally.failures.length >= maxFailures) return;
      }
    }
    const ms = performance.now() - started;
    noteSlow(tally, ms, kind.family, text);
    bump(tally.msByRoute, kind.family, ms);
  }
}

/**
 * A fuzz target on a new database of `kind` for the enclosing describe block: started before its
 * tests, closed and dropped after them. Returns the target's getter (set once beforeAll ran).
 */
export function fuzzTargetFor(kind: TestDatabaseKind): () => FuzzTarget {
  let db: TestDatabase | undefined;
  let target: FuzzTarget | undefined;
  beforeAll(async () => {
    db = await kind.create();
    target = await startFuzzTarget(db.url);
  }, 60_000);
  afterAll(async () => {
    await target?.close();
    await db?.drop();
  });
  return () => {
    if (!target) throw new Error("fuzz target not started");
    return target;
  };
}
