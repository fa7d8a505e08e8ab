/**
 * `demo`: generates the demo world into a directory (NMEA with tag blocks, MarineCadastre CSV,
 * ground truth, vessel particulars, and per port the non-ship activity CSVs and demo user factors)
 * with a progress bar and a closing summary.
 */
import cliProgress from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { loadPortRegistry } from "../geo/index.ts";
import { type DemoPort, generateDemoWorld } from "./world.ts";
import { type DemoFormat, writeDemoWorld } from "./writers.ts";

function positiveNumber(name: string, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || n > max)
      throw new InvalidArgumentError(`${name} must be a number in (0, ${max}]`);
    return n;
  };
}

function parsePorts(v: string): DemoPort[] {
  const u = v.toUpperCase();
  if (u === "ALL") return ["USLAX", "JPNGO"];
  if (u === "USLAX" || u === "JPNGO") return [u];
  throw new InvalidArgumentError("port must be USLAX, JPNGO or all");
}

function parseFormats(v: string): DemoFormat[] {
  const out: DemoFormat[] = [];
  for (const part of v.split(",")) {
    const f = part.trim().toLowerCase();
    if (f !== "nmea" && f !== "csv") throw new InvalidArgumentError(`unknown format "${part}" (nmea, csv)`);
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

function parseStart(v: string): Date {
  const d = new Date(v);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(v))
    throw new InvalidArgumentError("start must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z");
  return d;
}

function human(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GiB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function registerDemoCommand(program: Command): Command {
  return program
    .command("demo")
    .description("generate a deterministic demo world of AIS traffic with its ground truth")
    .option(
      "--seed <n>",
      "random seed",
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
          throw new InvalidArgumentError("seed must be an integer ≥ 0");
        return n;
      },
      1,
    )
    .option("--days <d>", "days of traffic", positiveNumber("days", 3660), 2)
    .option("--scale <s>", "traffic scale (1 ≈ a realistic day)", positiveNumber("scale", 1000), 1)
    .option("--start <iso>", "start of the window (UTC)", parseStart, new Date("2026-11-01T00:00:00Z"))
    .option("--port <port>", "USLAX, JPNGO or all", parsePorts, ["USLAX", "JPNGO"] as DemoPort[])
    .option("--out <dir>", "output directory", "./var/demo")
    .option("--format <list>", "nmea,csv", parseFormats, ["nmea", "csv"] as DemoFormat[])
    .option(
      "--interval-scale <k>",
      "multiply report intervals (thin big worlds)",
      positiveNumber("interval-scale", 1000),
      1,
    )
    .option(
      "--csv-interval <s>",
      "least seconds between CSV rows of a vessel (NOAA files: 60; 0 = every report)",
      (v: string) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("csv-interval must be ≥ 0");
        return n;
      },
      60,
    )
    .option(
      "--noise <share>",
      "share of NMEA lines to corrupt (0..0.5)",
      (v) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0 || n > 0.5)
          throw new InvalidArgumentError("noise must be in [0, 0.5]");
        return n;
      },
      0,
    )
    .action(
      async (o: {
        seed: number;
        days: number;
        scale: number;
        start: Date;
        port: DemoPort[];
        out: string;
        format: DemoFormat[];
        intervalScale: number;
        csvInterval: number;
        noise: number;
      }) => {
        const t0 = performance.now();
        const world = generateDemoWorld(
          {
            seed: o.seed,
            start: o.start,
            days: o.days,
            scale: o.scale,
            ports: o.port,
            intervalScale: o.intervalScale,
            noise: o.noise,
          },
          loadPortRegistry(),
        );
        const bar = new cliProgress.SingleBar(
          {
            noTTYOutput: true,
            format: "demo [{bar}] {percentage}% | {messages} messages",
            notTTYSchedule: 5000,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(100, 0, { messages: 0 });
        const summary = await writeDemoWorld(world, {
          outDir: o.out,
          formats: o.format,
          csvMinIntervalS: o.csvInterval,
          onProgress: (done, messages) => bar.update(Math.round(done * 100), { messages }),
        });
        bar.stop();
        const s = (performance.now() - t0) / 1000;
        const lines = [
          `vessels: ${summary.vessels}`,
          `calls: ${Object.entries(summary.calls)
            .map(([p, n]) => `${p} ${n}`)
            .join(", ")}`,
          `messages: ${summary.messages}${summary.corruptedLines > 0 ? ` (${summary.corruptedLines} NMEA lines corrupted)` : ""}`,
          ...summary.files.map((f) => `  ${f.path}: ${f.lines} lines, ${human(f.bytes)}`),
          `time: ${s.toFixed(1)} s`,
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      },
    );
}
