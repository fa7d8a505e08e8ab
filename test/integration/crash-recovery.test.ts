/**
 * kill -9 during an ingest and during an inventory recompute, then restart (issue 14 "Proof"): the
 * compiled CLI (`node bin/sisterports.mjs`, which runs dist/cli — `node scripts/build-cli.mjs`
 * first) is SIGKILLed mid-way, the same command is run again, and the store must open with its
 * counts balanced, no half-written run visible, and a third run adding nothing.
 * - AIS: 2,000,000 position reports in one NMEA file. The ingest commits a batch every 1,000,000
 *   records, so it is killed once the first batch is visible (track blocks stored) and before the
 *   run is recorded: the second run finds the first batch as duplicates.
 * - Operations: 40,000 DCSA events (NDJSON) stored in batches of 5,000 lines, one transaction each:
 *   killed while a transaction is open (SQLite: the write-ahead log grows; PostgreSQL: the client's
 *   transaction is seen in pg_stat_activity). Only whole batches may be visible, each counted in the
 *   killed run's ledger row; the rerun stores the rest and finds those as duplicates.
 * - Inventory: computed from a small demo and replaced in one transaction: killed at several
 *   moments of the run; after each, either no inventory or a whole one (its stored summary equals
 *   the sum of its stored lines).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAis, nmeaChecksum } from "../../src/ais/encode.ts";
import { iso6346CheckDigit } from "../../src/core/ids.ts";
import { NDJSON_LINES_PER_BATCH } from "../../src/operations/cli.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { position, T0 } from "../helpers/ais-samples.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const AIS_REPORTS = 2_000_000;
const VESSELS = 500;
const DCSA_EVENTS = 40_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sp-crash-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * 2,000,000 reports of 500 vessels every 10 s, each a distinct fact (vessel, time). A vessel's
 * sentence is encoded once per 50 positions and only the tag block's time changes (its checksum
 * recomputed), so the file is written in seconds.
 */
function writeAisFile(file: string): void {
  const sentences = new Map<string, string>();
  const fd = fs.openSync(file, "w");
  let buf: string[] = [];
  for (let i = 0; i < AIS_REPORTS; i++) {
    const v = i % VESSELS;
    const k = Math.floor(i / VESSELS);
    const key = `${v}:${k % 50}`;
    let s = sentences.get(key);
    if (s === undefined) {
      s = encodeAis(position(366_000_000 + v, k % 50))[0]!;
      sentences.set(key, s);
    }
    const tag = `s:rx1,c:${T0 + k * 10}`;
    buf.push(`\\${tag}*${nmeaChecksum(tag)}\\${s}`);
    if (buf.length >= 20_000) {
      fs.writeSync(fd, `${buf.join("\n")}\n`);
      buf = [];
    }
  }
  fs.writeSync(fd, `${buf.join("\n")}\n`);
  fs.closeSync(fd);
}

/** 40,000 DCSA T&T 2.2.0 EQUIPMENT events at Yusen (YTI), one per line (NDJSON). */
function writeDcsaFile(file: string): void {
  const base = Date.parse("2026-11-01T00:00:00Z");
  const lines: string[] = [];
  for (let i = 0; i < DCSA_EVENTS; i++) {
    const first = `MSCU${String(i % 1_000_000).padStart(6, "0")}`;
    lines.push(
      JSON.stringify({
        eventID: `3cecb101-7a1a-43a4-9d62-${String(i).padStart(12, "0")}`,
        eventCreatedDateTime: new Date(base + i * 1000 + 60_000).toISOString(),
        eventType: "EQUIPMENT",
        eventClassifierCode: "ACT",
        eventDateTime: new Date(base + i * 1000).toISOString(),
        equipmentEventTypeCode: i % 2 === 0 ? "DISC" : "GTOT",
        equipmentReference: `${first}${iso6346CheckDigit(first)}`,
        ISOEquipmentCode: "45G1",
        emptyIndicatorCode: "LADEN",
        eventLocation: { UNLocationCode: "USLAX", facilityCode: "YUSEN", facilityCodeListProvider: "SMDG" },
        transportCall: {
          transportCallID: "123e4567-e89b-12d3-a456-426614174000",
          carrierServiceCode: "FE1",
          exportVoyageNumber: "2103S",
          UNLocationCode: "USLAX",
          modeOfTransport: "VESSEL",
          vessel: { vesselIMONumber: "9321483", vesselName: "King of the Seas" },
        },
      }),
    );
  }
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

interface Cli {
  run(args: string[]): { status: number | null; stdout: string; stderr: string };
  start(args: string[]): ChildProcess;
}

function cliFor(databaseUrl: string): Cli {
  const env = { ...process.env, SP_DATABASE_URL: databaseUrl, SP_LANG: "en", SP_LOG_LEVEL: "error" };
  const bin = path.join(ROOT, "bin", "sisterports.mjs");
  return {
    run: (args) => {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env, cwd: tmp });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    start: (args) => spawn(process.execPath, [bin, ...args], { env, cwd: tmp, stdio: "ignore" }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `ready` every `pollMs` until it holds, then SIGKILLs; false when the process ended first. */
async function killWhen(
  child: ChildProcess,
  ready: () => Promise<boolean>,
  timeoutMs = 120_000,
  pollMs = 20,
) {
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const until = Date.now() + timeoutMs;
  while (!exited && Date.now() < until) {
    if (await ready()) break;
    await sleep(pollMs);
  }
  const killedMidway = !exited;
  if (killedMidway) child.kill("SIGKILL");
  await exit;
  return killedMidway;
}

/**
 * Whether the database has a write transaction open (PostgreSQL) or its WAL grew past `walBytes`
 * (SQLite). PostgreSQL is asked over one kept connection: a new one per poll took longer than a short
 * write transaction, which then passed unseen on a quiet machine.
 */
function writeInProgress(url: string): { check(walBytes: number): Promise<boolean>; close(): Promise<void> } {
  if (url.startsWith("sqlite:")) {
    const wal = `${url.slice("sqlite:".length)}-wal`;
    return {
      check: async (walBytes) => fs.existsSync(wal) && fs.statSync(wal).size > walBytes,
      close: async () => {},
    };
  }
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  return {
    async check() {
      await connected;
      const r = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
        [name],
      );
      return (r.rows[0] as { n: number }).n > 0;
    },
    close: async () => {
      await connected;
      await client.end();
    },
  };
}

const walSize = (url: string) => {
  const wal = `${url.slice("sqlite:".length)}-wal`;
  return url.startsWith("sqlite:") && fs.existsSync(wal) ? fs.statSync(wal).size : 0;
};

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "dist", "cli")))
    throw new Error("dist/cli is missing: run `node scripts/build-cli.mjs` first");
  writeAisFile(path.join(tmp, "big.nmea"));
  writeDcsaFile(path.join(tmp, "events.ndjson"));
}, 120_000);

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`kill -9 and restart on ${kind.kind}`, () => {
    let db: TestDatabase;
    let cli: Cli;
    const withStore = async <T>(fn: (s: Store) => Promise<T>): Promise<T> => {
      const s = openStore({ databaseUrl: db.url });
      try {
        return await fn(s);
      } finally {
        await s.close();
      }
    };
    beforeAll(async () => {
      db = await kind.create();
      cli = cliFor(db.url);
      await withStore(async (s) => {
        await s.migrate();
        await s.ports.upsertPorts(loadPortRecords());
      });
    }, 60_000);
    afterAll(async () => db?.drop());

    it("AIS ingest killed after its first committed batch: the rerun completes, a third adds nothing", async () => {
      const file = path.join(tmp, "big.nmea");
      const child = cli.start(["ais", "ingest", file, "--no-progress"]);
      // The first batch (1,000,000 reports) is committed when track blocks are visible.
      const killed = await killWhen(child, () =>
        withStore(async (s) => (await s.ais.latestPosition(366_000_000)) !== undefined).catch(() => false),
      );
      expect(killed, "the ingest ended before the kill: make the input bigger").toBe(true);
      const runsAfterKill = await withStore((s) => s.ais.ingestRuns(10));
      expect(runsAfterKill).toEqual([]); // the killed run recorded nothing

      const second = cli.run(["ais", "ingest", file, "--no-progress", "--json"]);
      expect(second.status, second.stderr).toBe(0);
      const c2 = JSON.parse(second.stdout).total;
      expect(c2.read).toBe(AIS_REPORTS);
      expect(c2.accepted + c2.rejected + c2.duplicates).toBe(c2.read);
      expect(c2.rejected).toBe(0);
      // What the killed run committed (at least its first batch) is found again, not stored twice.
      expect(c2.duplicates).toBeGreaterThanOrEqual(1_000_000);

      const third = cli.run(["ais", "ingest", file, "--no-progress", "--json"]);
      expect(third.status, third.stderr).toBe(0);
      const c3 = JSON.parse(third.stdout).total;
      expect(c3).toMatchObject({ read: AIS_REPORTS, accepted: 0, rejected: 0, duplicates: AIS_REPORTS });
      const runs = await withStore((s) => s.ais.ingestRuns(10));
      expect(runs.length).toBe(2);
      for (const r of runs) expect(r.accepted + r.rejected + r.duplicates).toBe(r.read);
    }, 240_000);

    it("operations ingest killed part-way: only whole batches stored, the ledger says what; the rerun stores the rest", async () => {
      const file = path.join(tmp, "events.ndjson");
      const inWrite = writeInProgress(db.url);
      const wal0 = walSize(db.url);
      const child = cli.start(["ops", "ingest", file, "--port", "USLAX", "--kind", "dcsa"]);
      const killed = await killWhen(child, () => inWrite.check(wal0 + 1_000_000));
      await inWrite.close();
      expect(killed, "the ingest ended before the kill").toBe(true);
      // NDJSON is stored in batches of NDJSON_LINES_PER_BATCH lines, one transaction each: what the
      // kill left is a whole number of batches, and the ledger's run counts exactly those.
      const storedEvents = async () =>
        withStore(async (s) =>
          Number(
            (await sql<{ n: number | string }>`select count(*) as n from ops_events`.execute(s.db)).rows[0]
              ?.n,
          ),
        );
      const stored = await storedEvents();
      expect(stored % NDJSON_LINES_PER_BATCH).toBe(0);
      expect(stored).toBeLessThanOrEqual(DCSA_EVENTS); // all of it when killed in the signals' refresh
      const afterKill = await withStore((s) => s.operations.ingestRuns("USLAX", 10));
      expect(afterKill.reduce((n, r) => n + r.accepted, 0)).toBe(stored);
      for (const r of afterKill) expect(r.accepted + r.rejected + r.duplicates).toBe(r.read);

      const second = cli.run(["ops", "ingest", file, "--port", "USLAX", "--kind", "dcsa", "--json"]);
      expect(second.status, second.stderr).toBe(0);
      expect(JSON.parse(second.stdout).total).toMatchObject({
        read: DCSA_EVENTS,
        accepted: DCSA_EVENTS - stored,
        rejected: 0,
        duplicates: stored,
      });
      expect(await storedEvents()).toBe(DCSA_EVENTS);

      const third = cli.run(["ops", "ingest", file, "--port", "USLAX", "--kind", "dcsa", "--json"]);
      expect(third.status, third.stderr).toBe(0);
      expect(JSON.parse(third.stdout).total).toMatchObject({
        read: DCSA_EVENTS,
        accepted: 0,
        rejected: 0,
        duplicates: DCSA_EVENTS,
      });
      const runs = await withStore((s) => s.operations.ingestRuns("USLAX", 10));
      expect(runs.length).toBe(afterKill.length + 2);
      for (const r of runs) expect(r.accepted + r.rejected + r.duplicates).toBe(r.read);
    }, 240_000);

    it("inventory recompute killed at several moments: a whole inventory or none, the rerun is the same", async () => {
      const demo = path.join(tmp, `demo-${kind.kind}`);
      const made = cli.run([
        "demo",
        "--seed",
        "4",
        "--days",
        "0.5",
        "--scale",
        "0.5",
        "--port",
        "USLAX",
        "--format",
        "nmea",
        "--out",
        demo,
      ]);
      expect(made.status, made.stderr).toBe(0);
      const ingested = cli.run(["ais", "ingest", path.join(demo, "USLAX.nmea"), "--no-progress"]);
      expect(ingested.status, ingested.stderr).toBe(0);
      const args = ["emissions", "inventory", "--port", "USLAX", "--year", "2026", "--no-progress", "--json"];
      /** The stored inventory is whole: its summary (written with it) equals the sum of its lines. */
      const check = () =>
        withStore(async (s) => {
          const inv = await s.emissions.getInventory("USLAX", 2026);
          const lines = await s.emissions.lines("USLAX", 2026);
          if (!inv) {
            expect(lines).toEqual([]);
            return undefined;
          }
          const fromLines = lines.reduce((g, l) => g + l.grams.co2, 0);
          const fromSummary = Object.values(inv.summary!.scopes).reduce((g, sc) => g + sc.total.co2, 0);
          expect(lines.length).toBeGreaterThan(0);
          expect(fromLines).toBeCloseTo(fromSummary, 0);
          return { lines: lines.length, co2G: fromLines };
        });
      // Killed as soon as the inventory's transaction writes (SQLite: the WAL grows; PostgreSQL: the
      // CLI's transaction holds a transaction id), or else at a moment of the run.
      const inWrite = writeInProgress(db.url);
      let killedInWrite = 0;
      const seen: string[] = [];
      for (let attempt = 0; attempt < 8 && killedInWrite < 2; attempt++) {
        const wal0 = walSize(db.url);
        const child = cli.start(args);
        let writing = false;
        const killed = await killWhen(
          child,
          async () => {
            writing = await inWrite.check(wal0);
            return writing;
          },
          30_000,
          5,
        );
        if (killed && writing) killedInWrite += 1;
        seen.push(
          `${killed ? (writing ? "killed writing" : "killed") : "ended"}: ${(await check()) ? "whole" : "none"}`,
        );
      }
      await inWrite.close();
      console.log(`inventory kills (${kind.kind}): ${seen.join("; ")}`);
      expect(killedInWrite).toBeGreaterThan(0);
      const full = cli.run(args);
      expect(full.status, full.stderr).toBe(0);
      const first = await check();
      expect(first).toBeDefined();
      const again = cli.run(args);
      expect(again.status, again.stderr).toBe(0);
      expect(await check()).toEqual(first);
    }, 240_000);
  });
}
