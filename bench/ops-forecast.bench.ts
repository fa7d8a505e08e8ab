/**
 * Import forecast on a year of Los Angeles-scale data: the demo's container events of a year of
 * calls (≈ 9–10 M TEU at scale 1) reduced in one pass to the forecast's inputs, then the 3-week
 * forecast, beside the naive peer (each terminal's last-4-weeks weekly mean) measured in the same
 * run. Both are backtested against the demo's truth: MAPE / WAPE per ISO week.
 *
 *   npm run bench -- ops-forecast [--days 365] [--scale 1] [--port USLAX] [--seed 1]
 *
 * Generation (world and operations, month by month so memory stays flat) is timed apart. The
 * reduction (ForecastInputs.add per event: one record per call) is what a store keeps up to date
 * at ingest, so it is timed apart too, as a throughput; the forecast's time is from those inputs
 * (inputs.result + forecastImports), against the < 2 s target.
 */
import { performance } from "node:perf_hooks";
import { type DemoPort, generateDemoOperations, generateDemoWorld } from "../src/demo/index.ts";
import { loadPortRegistry } from "../src/geo/index.ts";
import {
  type ActualImport,
  backtestForecast,
  ForecastInputs,
  forecastImports,
  naiveForecast,
  type WeekAccuracy,
} from "../src/operations/forecast.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const days = Number(arg("days", "365"));
const scale = Number(arg("scale", "1"));
const port = arg("port", "USLAX") as DemoPort;
const seed = Number(arg("seed", "1"));
const asOf = new Date("2026-11-20T00:00:00Z");
const DAY_MS = 86_400_000;
const start = new Date(asOf.getTime() - days * DAY_MS);

const g0 = performance.now();
const world = generateDemoWorld(
  { seed, start, days: days + 21, scale: 1, ports: [port] },
  loadPortRegistry(),
);
const truth = world.truth[0]!;
const worldMs = performance.now() - g0;

const inputs = new ForecastInputs();
const actual: ActualImport[] = [];
let events = 0;
let teu = 0;
let generateMs = 0;
let reduceMs = 0;
// Month by month (by berth arrival), so that a year's events never sit in memory at once.
for (let from = start.getTime() - 10 * DAY_MS; from < asOf.getTime() + 21 * DAY_MS; from += 30 * DAY_MS) {
  const t0 = performance.now();
  const ops = generateDemoOperations({
    seed,
    port,
    truth,
    asOf,
    scale,
    from: new Date(from),
    until: new Date(from + 30 * DAY_MS),
  });
  const t1 = performance.now();
  for (const e of ops.operations.events) inputs.add(e);
  const t2 = performance.now();
  generateMs += t1 - t0;
  reduceMs += t2 - t1;
  events += ops.operations.events.length;
  teu += ops.truth.calls.reduce((s, c) => s + c.teu, 0);
  for (const b of ops.truth.imports)
    actual.push({ arrivalS: b.callArrivalS, terminal: b.terminal, sizeFt: b.sizeFt, mode: b.mode });
}

const asOfS = asOf.getTime() / 1000;
const f0 = performance.now();
const r = inputs.result(asOfS);
const ours = forecastImports({ asOfS, ...r });
const f1 = performance.now();
const naive = naiveForecast({ asOfS, history: r.history, railShare: r.railShare });
const f2 = performance.now();

const line = (name: string, ws: WeekAccuracy[]) =>
  `${name.padEnd(22)} ${ws.map((w) => `${w.week} APE ${w.totalApePct.toFixed(1).padStart(5)} % MAPE ${w.cellMapePct.toFixed(1).padStart(5)} % WAPE ${w.cellWapePct.toFixed(1).padStart(5)} %`).join(" | ")}`;
const mean = (ws: WeekAccuracy[], k: "cellMapePct" | "cellWapePct") =>
  ws.reduce((s, w) => s + w[k], 0) / ws.length;
const ourAcc = backtestForecast(ours, actual);
const naiveAcc = backtestForecast(naive, actual);

process.stdout.write(
  [
    `port ${port}, ${days} days of calls to ${asOf.toISOString()} + 21 days ahead, scale ${scale}`,
    `world ${(worldMs / 1000).toFixed(1)} s; operations ${(generateMs / 1000).toFixed(1)} s: ${events.toLocaleString("en-US")} events, ${Math.round(teu).toLocaleString("en-US")} TEU (${Math.round(events / (generateMs / 1000)).toLocaleString("en-US")} events/s)`,
    `history ${r.history.length} calls, ${r.expected.length} expected calls (${ours.calls.filter((c) => c.basis === "manifest").length} with a manifest)`,
    `reduce events → inputs: ${reduceMs.toFixed(0)} ms (${Math.round(events / (reduceMs / 1000)).toLocaleString("en-US")} events/s)`,
    `forecast (ETA + manifest + vessel history): ${(f1 - f0).toFixed(1)} ms from the inputs (target < 2 s); ${((reduceMs + f1 - f0) / 1000).toFixed(2)} s with the reduction of every event`,
    `naive peer (last 4 weeks' mean):         ${(f2 - f1).toFixed(1)} ms`,
    line("forecast", ourAcc),
    line("naive", naiveAcc),
    `mean over 3 weeks: forecast MAPE ${mean(ourAcc, "cellMapePct").toFixed(1)} % WAPE ${mean(ourAcc, "cellWapePct").toFixed(1)} %; naive MAPE ${mean(naiveAcc, "cellMapePct").toFixed(1)} % WAPE ${mean(naiveAcc, "cellWapePct").toFixed(1)} %`,
    "",
  ].join("\n"),
);
