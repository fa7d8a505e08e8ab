/**
 * Writers of the demo world: NMEA lines with NMEA 4.0 tag blocks (via the AIS encoder),
 * MarineCadastre CSV (legacy 17-column layout), ground truth JSON and the vessel-particulars CSV.
 * Line formatting is pure (`DemoNmeaFormatter`, `demoCsvRow`, `vesselsCsv`); `writeDemoWorld`
 * streams to files with back-pressure.
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync, type WriteStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeAis, POSITION_UNITS_PER_DEG } from "../ais/index.ts";
import {
  formatMarineCadastreRow,
  MARINECADASTRE_HEADER,
  type MarineCadastreRow,
} from "../ais/marinecadastre.ts";
import { SECONDS_PER_DAY } from "../core/time.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { demoActivityFiles, demoActivityForWindow } from "./activity.ts";
import type { DemoVessel } from "./fleet.ts";
import { Rng } from "./prng.ts";
import type { DemoMessage, DemoPort, DemoWorld } from "./world.ts";

const ARMOR = "0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw";

/**
 * Turns messages into NMEA lines: channel A/B, sequential ids 0–9 and `g:` groups for two-part
 * messages, `s:` receiver and `c:` Unix seconds; with `noise` > 0 that share of lines is corrupted
 * (one payload character changed, so the checksum no longer matches) and counted.
 */
export class DemoNmeaFormatter {
  private seq = 0;
  private group = 0;
  private readonly rng: Rng;
  corrupted = 0;

  constructor(
    seed: number,
    port: string,
    private readonly noise = 0,
  ) {
    this.rng = new Rng(seed, `nmea:${port}`);
  }

  /**
   * Lines of one message. Example: a type 1 report heard at 1793491200 by "USLAX-TI" gives one
   * line like `\s:USLAX-TI,c:1793491200*hh\!AIVDM,1,1,,A,…,0*hh`.
   */
  lines(m: DemoMessage): string[] {
    const two = m.payload.msgType === 5;
    const out = encodeAis(m.payload, {
      channel: this.rng.chance(0.5) ? "A" : "B",
      seqId: two ? this.seq++ % 10 : 0,
      tag: { source: m.source, unixTimeS: m.timeS, groupId: two ? (this.group++ % 9999) + 1 : 1 },
    });
    if (this.noise > 0) {
      for (let k = 0; k < out.length; k++) {
        if (!this.rng.chance(this.noise)) continue;
        const line = out[k]!;
        const star = line.lastIndexOf("*");
        const comma = line.lastIndexOf(",", star);
        const start = line.lastIndexOf(",", comma - 1) + 1;
        if (comma - start < 2) continue;
        const at = start + this.rng.int(0, comma - start - 1);
        const old = line[at]!;
        let c = old;
        while (c === old) c = ARMOR[this.rng.int(0, ARMOR.length - 1)]!;
        out[k] = line.slice(0, at) + c + line.slice(at + 1);
        this.corrupted++;
      }
    }
    return out;
  }
}

/**
 * The MarineCadastre row of a position message (types 1–3, 18), joined with the vessel's static
 * data as the NOAA files are; null for static messages and second-receiver echoes.
 */
export function demoCsvRow(m: DemoMessage, vessel: DemoVessel | undefined): MarineCadastreRow | null {
  const p = m.payload;
  if (m.echo === true) return null;
  if (p.msgType !== 1 && p.msgType !== 2 && p.msgType !== 3 && p.msgType !== 18) return null;
  const classA = p.msgType !== 18;
  return {
    mmsi: p.mmsi,
    timeS: m.timeS,
    latDeg: p.latDeg === null ? null : Math.round(p.latDeg * POSITION_UNITS_PER_DEG) / POSITION_UNITS_PER_DEG,
    lonDeg: p.lonDeg === null ? null : Math.round(p.lonDeg * POSITION_UNITS_PER_DEG) / POSITION_UNITS_PER_DEG,
    sogKnots: p.sogKnots,
    cogDeg: p.cogDeg,
    headingDeg: p.headingDeg,
    vesselName: vessel?.name ?? null,
    imo: vessel?.imo ?? null,
    callsign: vessel?.callsign ?? null,
    vesselType: vessel?.aisShipType ?? null,
    navStatus: classA ? (p as { navStatus: number }).navStatus : null,
    lengthM: vessel?.lengthM ?? null,
    widthM: vessel?.beamM ?? null,
    draughtM: classA ? (vessel?.draughtM ?? null) : null,
    cargo: classA ? (vessel?.aisShipType ?? null) : null,
    transceiverClass: classA ? "A" : "B",
  };
}

const PARTICULARS_TYPE: Record<string, string> = {
  container: "Container Ship",
  tanker: "Oil Tanker",
  bulk: "Bulk Carrier",
  car_carrier: "Car Carrier",
  cruise: "Cruise",
};

/** Header of vessels.csv (column names the vessel-particulars import accepts). */
export const VESSELS_CSV_HEADER =
  "imo,mmsi,name,callsign,ship_type,port,dwt,teu,build_year,main_engine_kw,engine_type,engine_stroke,engine_rpm,service_speed_kn,auxiliary_kw,shore_power,length_m,beam_m,max_draft_m";

/** vessels.csv text: ocean-going ships with an IMO number, one line each, in IMO order. */
export function vesselsCsv(vessels: readonly (DemoVessel & { port: DemoPort })[]): string {
  const rows = vessels
    .filter((v) => v.imo !== null && PARTICULARS_TYPE[v.shipType] !== undefined)
    .sort((a, b) => (a.imo ?? 0) - (b.imo ?? 0))
    .map((v) =>
      [
        v.imo,
        v.mmsi,
        v.name,
        v.callsign,
        PARTICULARS_TYPE[v.shipType],
        v.port,
        v.dwt ?? "",
        v.teu ?? "",
        v.buildYear,
        v.mainEngineKw,
        v.engineType,
        v.engineStroke,
        v.engineRpm,
        v.serviceSpeedKn,
        v.auxiliaryKw,
        v.shorePower ? "yes" : "no",
        v.lengthM,
        v.beamM,
        (Math.round((v.draughtM / 0.85) * 10) / 10).toFixed(1),
      ].join(","),
    );
  return `${[VESSELS_CSV_HEADER, ...rows].join("\n")}\n`;
}

export type DemoFormat = "nmea" | "csv";

export interface DemoWriteOptions {
  outDir: string;
  formats: DemoFormat[];
  /**
   * Least seconds between two CSV rows of one vessel: 60 like the NOAA files ("National AIS at
   * 1 Minute Intervals"); 0 writes every report.
   */
  csvMinIntervalS?: number;
  /** Called about every 100,000 messages with the share of simulated time done (0..1). */
  onProgress?: (done: number, messages: number) => void;
}

export interface DemoWriteSummary {
  vessels: number;
  calls: Record<string, number>;
  messages: number;
  corruptedLines: number;
  files: { path: string; lines: number; bytes: number }[];
}

class BufferedFile {
  private buf: string[] = [];
  private chars = 0;
  lines = 0;
  bytes = 0;
  private readonly stream: WriteStream;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  add(line: string): void {
    this.buf.push(line);
    this.chars += line.length + 1;
    this.lines++;
  }

  get full(): boolean {
    return this.chars > 1 << 20;
  }

  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const data = `${this.buf.join("\n")}\n`;
    // Every line is ASCII (armoured payloads, upper-case names), so characters are bytes.
    this.bytes += data.length;
    this.buf = [];
    this.chars = 0;
    if (!this.stream.write(data)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

/**
 * Writes `<LOCODE>/che.csv`, `harbor-craft.csv`, `drayage.csv`, `rail.csv` and `factors.csv` per port:
 * the non-ship demo activity of the months (port time) the window touches, in the formats
 * `emissions import …` reads, and the demo's user factors (labelled illustrative).
 */
export function writeDemoActivity(world: DemoWorld, outDir: string): DemoWriteSummary["files"] {
  const registry = loadPortRegistry();
  const files: DemoWriteSummary["files"] = [];
  for (const port of world.options.ports) {
    const timeZone = registry.get(port)?.timeZone ?? "UTC";
    const activity = demoActivityForWindow({
      seed: world.options.seed,
      port,
      start: world.options.start,
      days: world.options.days,
      timeZone,
    });
    const dir = join(outDir, port);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(demoActivityFiles(activity))) {
      const path = join(dir, name);
      writeFileSync(path, text);
      files.push({ path, lines: text.split("\n").length - 1, bytes: Buffer.byteLength(text) });
    }
  }
  return files;
}

/**
 * Writes `<LOCODE>.nmea`, `<LOCODE>.csv`, `<LOCODE>.truth.json` per port and `vessels.csv`
 * into `outDir`, streaming the messages once; then the non-ship activity (writeDemoActivity).
 */
export async function writeDemoWorld(world: DemoWorld, opts: DemoWriteOptions): Promise<DemoWriteSummary> {
  mkdirSync(opts.outDir, { recursive: true });
  const ports = world.options.ports;
  const nmea = new Map<string, { file: BufferedFile; fmt: DemoNmeaFormatter }>();
  const csv = new Map<string, BufferedFile>();
  for (const port of ports) {
    if (opts.formats.includes("nmea"))
      nmea.set(port, {
        file: new BufferedFile(join(opts.outDir, `${port}.nmea`)),
        fmt: new DemoNmeaFormatter(world.options.seed, port, world.options.noise),
      });
    if (opts.formats.includes("csv")) {
      const f = new BufferedFile(join(opts.outDir, `${port}.csv`));
      f.add(MARINECADASTRE_HEADER);
      csv.set(port, f);
    }
  }
  const byMmsi = new Map(world.vessels.map((v) => [v.mmsi, v]));
  const csvGapS = opts.csvMinIntervalS ?? 60;
  const lastCsv = new Map<number, number>();
  const w0 = world.options.start.getTime() / 1000;
  const span = world.options.days * SECONDS_PER_DAY;
  let n = 0;
  for (const m of world.messages()) {
    n++;
    const nf = nmea.get(m.port);
    if (nf !== undefined) for (const l of nf.fmt.lines(m)) nf.file.add(l);
    const cf = csv.get(m.port);
    if (cf !== undefined) {
      const row = demoCsvRow(m, byMmsi.get(m.payload.mmsi));
      if (
        row !== null &&
        (csvGapS <= 0 || m.timeS >= (lastCsv.get(row.mmsi) ?? Number.NEGATIVE_INFINITY) + csvGapS)
      ) {
        lastCsv.set(row.mmsi, m.timeS);
        cf.add(formatMarineCadastreRow(row));
      }
    }
    if ((n & 0xfff) === 0) {
      for (const x of nmea.values()) if (x.file.full) await x.file.flush();
      for (const f of csv.values()) if (f.full) await f.flush();
    }
    if (opts.onProgress !== undefined && n % 100_000 === 0)
      opts.onProgress(Math.min(1, (m.timeS - w0) / span), n);
  }
  const files: DemoWriteSummary["files"] = [];
  for (const x of nmea.values()) {
    await x.file.close();
    files.push({ path: x.file.path, lines: x.file.lines, bytes: x.file.bytes });
  }
  for (const f of csv.values()) {
    await f.close();
    files.push({ path: f.path, lines: f.lines, bytes: f.bytes });
  }
  for (const t of world.truth) {
    const path = join(opts.outDir, `${t.port}.truth.json`);
    const text = `${JSON.stringify(t, null, 1)}\n`;
    writeFileSync(path, text);
    files.push({ path, lines: text.split("\n").length - 1, bytes: Buffer.byteLength(text) });
  }
  const vpath = join(opts.outDir, "vessels.csv");
  const vtext = vesselsCsv(world.vessels);
  writeFileSync(vpath, vtext);
  files.push({ path: vpath, lines: vtext.split("\n").length - 1, bytes: Buffer.byteLength(vtext) });
  files.push(...writeDemoActivity(world, opts.outDir));
  opts.onProgress?.(1, n);
  let corrupted = 0;
  for (const x of nmea.values()) corrupted += x.fmt.corrupted;
  return {
    vessels: world.vessels.length,
    calls: Object.fromEntries(world.truth.map((t) => [t.port, t.calls.length])),
    messages: n,
    corruptedLines: corrupted,
    files,
  };
}
