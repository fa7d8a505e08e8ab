/**
 * AIS ingest end to end — an NMEA file on disk into the store — on one core, against the
 * obvious alternative layout measured in the same run on the same file: one row per position
 * report in SQLite (same decoder, prepared INSERT, 100,000 rows per transaction, primary key on
 * (mmsi, time, lat, lon) for idempotency). Each layout runs in a fresh process (its own heap and
 * peak memory). Also printed: database size and the time to read one vessel's day back, so the
 * storage choice is judged on all four.
 *
 *   npm run bench -- ais-ingest [--reports N] [--vessels N] [--keep]   (--keep leaves the corpus and databases)
 *
 * Target (issue 3): at least 500,000 reports per second end to end, memory flat on large input.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import SqliteDatabase from "better-sqlite3";
import { AisDecoder } from "../src/ais/decoder.ts";
import { encodeAis } from "../src/ais/encode.ts";
import { ingestFiles } from "../src/ais/ingest-cli.ts";
import type { AisPayload } from "../src/ais/messages.ts";
import { readTrack } from "../src/ais/tracks.ts";
import { forEachLine } from "../src/core/input.ts";
import { SECONDS_PER_DAY } from "../src/core/time.ts";
import { openStore } from "../src/store/index.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const REPORTS = Number(arg("reports", "2000000"));
const VESSELS = Number(arg("vessels", "800"));
const T0 = 1_795_000_000;
const PROBE_MMSI = 366_000_123;

interface Row {
  name: string;
  seconds: number;
  reportsPerSecond: number;
  peakRssMb: number;
  dbMb: number;
  readDayMs: number;
}

const dbSizeMb = (f: string) =>
  ["", "-wal"].reduce((s, x) => s + (fs.statSync(f + x, { throwIfNoEntry: false })?.size ?? 0), 0) / 1e6;

/** Peak resident memory while `work` runs, sampled every 50 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRssMb: peak / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

/** Ours: the real command path (file → decoder → vessel-day blocks → SQLite). */
async function measureBlocks(dir: string, file: string): Promise<Row> {
  const dbFile = path.join(dir, "blocks.sqlite");
  const store = openStore({ databaseUrl: `sqlite:${dbFile}` });
  await store.migrate();
  const started = performance.now();
  const { result, peakRssMb } = await withPeakRss(() => ingestFiles(store.ais, [file], { progress: false }));
  const seconds = (performance.now() - started) / 1000;
  if (result.total.accepted !== REPORTS) throw new Error(`accepted ${result.total.accepted} of ${REPORTS}`);
  const readStarted = performance.now();
  const track = await readTrack(store.ais, PROBE_MMSI, T0, T0 + SECONDS_PER_DAY);
  const readDayMs = performance.now() - readStarted;
  if (track.timeS.length === 0) throw new Error("no track read back");
  await store.close();
  return {
    name: "sisterports (vessel-day blocks)",
    seconds,
    reportsPerSecond: REPORTS / seconds,
    peakRssMb,
    dbMb: dbSizeMb(dbFile),
    readDayMs,
  };
}

/** Peer: the same decoder, one SQLite row per report. */
async function measureRows(dir: string, file: string): Promise<Row> {
  const dbFile = path.join(dir, "rows.sqlite");
  const db = new SqliteDatabase(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`CREATE TABLE reports (mmsi INTEGER NOT NULL, time_s INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    sog REAL, cog REAL, heading INTEGER, nav_status INTEGER, msg_type INTEGER NOT NULL,
    PRIMARY KEY (mmsi, time_s, lat, lon)) WITHOUT ROWID`);
  const insert = db.prepare("INSERT OR IGNORE INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  type Rec = [
    number,
    number,
    number,
    number,
    number | null,
    number | null,
    number | null,
    number | null,
    number,
  ];
  const writeMany = db.transaction((recs: Rec[]) => {
    for (const r of recs) insert.run(...r);
  });
  const started = performance.now();
  const { peakRssMb } = await withPeakRss(async () => {
    const decoder = new AisDecoder();
    let batch: Rec[] = [];
    await forEachLine(fs.createReadStream(file, { highWaterMark: 1 << 20 }), (b, s, e) => {
      const m = decoder.pushBytes(b, s, e);
      if (m === null || m.msgType !== 1 || m.latDeg === null || m.lonDeg === null) return;
      batch.push([
        m.mmsi,
        m.tagUnixTimeS ?? 0,
        m.latDeg,
        m.lonDeg,
        m.sogKnots,
        m.cogDeg,
        m.headingDeg,
        m.navStatus,
        m.msgType,
      ]);
      if (batch.length === 100_000) {
        writeMany(batch);
        batch = [];
      }
    });
    writeMany(batch);
  });
  const seconds = (performance.now() - started) / 1000;
  const readStarted = performance.now();
  const day = db
    .prepare("SELECT * FROM reports WHERE mmsi = ? AND time_s BETWEEN ? AND ? ORDER BY time_s")
    .all(PROBE_MMSI, T0, T0 + SECONDS_PER_DAY);
  const readDayMs = performance.now() - readStarted;
  if (day.length === 0) throw new Error("peer read nothing back");
  db.close();
  return {
    name: "peer: one SQLite row per report",
    seconds,
    reportsPerSecond: REPORTS / seconds,
    peakRssMb,
    dbMb: dbSizeMb(dbFile),
    readDayMs,
  };
}

/**
 * A day and a half of traffic: every vessel reports every ~10 s, interleaved as a receiver hears
 * it, with GNSS jitter and speed/course noise so blocks compress as real tracks do (not better).
 */
function writeCorpus(file: string): void {
  const started = performance.now();
  const out = fs.openSync(file, "w");
  let buffer: string[] = [];
  let seed = 12345;
  const noise = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296 - 0.5;
  };
  for (let i = 0; i < REPORTS; i++) {
    const v = i % VESSELS;
    const k = Math.floor(i / VESSELS);
    const payload = {
      msgType: 1,
      repeat: 0,
      mmsi: 366_000_000 + v,
      navStatus: 0,
      rotDegPerMin: 0,
      sogKnots: Math.round((8 + (v % 10) + noise()) * 10) / 10,
      positionAccuracy: 1,
      lonDeg: -118.6 + (v % 40) * 0.01 + k * 0.00005 + noise() * 0.00004,
      latDeg: 33.4 + Math.floor(v / 40) * 0.01 + k * 0.00003 + noise() * 0.00004,
      cogDeg: Math.round(((((v * 7) % 360) + noise() * 4 + 360) % 360) * 10) / 10,
      headingDeg: (v * 7) % 360,
      utcSecond: k % 60,
      maneuver: null,
      raim: 0,
    } as AisPayload;
    buffer.push(encodeAis(payload, { tag: { source: "rx1", unixTimeS: T0 + k * 10 + (v % 10) } })[0]!);
    if (buffer.length === 50_000) {
      fs.writeSync(out, `${buffer.join("\n")}\n`);
      buffer = [];
    }
  }
  fs.writeSync(out, `${buffer.join("\n")}\n`);
  fs.closeSync(out);
  const mb = fs.statSync(file).size / 1e6;
  console.log(
    `corpus: ${REPORTS.toLocaleString("en-US")} position reports of ${VESSELS} vessels, ${mb.toFixed(0)} MB NMEA (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

const child = process.argv.includes("--child") ? arg("child", "") : undefined;
if (child) {
  const dir = arg("dir", "");
  const file = path.join(dir, "feed.nmea");
  const row = child === "blocks" ? await measureBlocks(dir, file) : await measureRows(dir, file);
  process.stdout.write(`${JSON.stringify(row)}\n`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-bench-ingest-"));
  writeCorpus(path.join(dir, "feed.nmea"));
  const rows: Row[] = [];
  for (const layout of ["blocks", "rows"]) {
    const args = [
      "--expose-gc",
      "--import",
      "tsx",
      import.meta.filename,
      "--child",
      layout,
      "--dir",
      dir,
      "--reports",
      String(REPORTS),
    ];
    const r = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    if (r.status !== 0) throw new Error(`${layout} run failed`);
    rows.push(JSON.parse(r.stdout.trim().split("\n").pop()!));
  }
  const [ours, peer] = rows as [Row, Row];
  console.log("");
  console.log(
    "layout                             reports/s   × peer   seconds   peak RSS MB   DB MB   read 1 vessel-day ms",
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(34)} ${Math.round(r.reportsPerSecond).toLocaleString("en-US").padStart(9)}   ${(r.reportsPerSecond / peer.reportsPerSecond).toFixed(2).padStart(6)}   ${r.seconds.toFixed(2).padStart(7)}   ${r.peakRssMb.toFixed(0).padStart(11)}   ${r.dbMb.toFixed(1).padStart(5)}   ${r.readDayMs.toFixed(1).padStart(8)}`,
    );
  }
  const met = ours.reportsPerSecond >= 500_000 ? "met" : "NOT met";
  console.log(
    `\ntarget ≥ 500,000 reports/s end to end: ${met} (${Math.round(ours.reportsPerSecond).toLocaleString("en-US")})`,
  );
  if (process.argv.includes("--keep")) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
