/**
 * Solar-hydrogen station year (issue 13: "a year at hourly resolution in < 200 ms"): our typed-array
 * model beside two peers measured in the same run on the same inputs —
 *   - a straightforward JavaScript version that builds one object per hour (inputs and results),
 *   - the same dispatch as a plain Python loop (python3, no numpy), timed inside Python;
 * plus the PV model over the Los Angeles TMY3 year and the whole `sisterports ze solar-h2` process.
 * The peers must give the same kg produced and dispensed, or the bench fails.
 *
 *   npm run bench -- solar-h2 [--runs 50] [--grid]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  dailyDemandProfile,
  runSolarH2Station,
  type StationInputs,
} from "../src/transition/hydrogen-station.ts";
import { defaultStationFromTables, pvSystemFromTables } from "../src/transition/hydrogen-tables.ts";
import { loadHydrogenTables, loadShippedSolarYear } from "../src/transition/hydrogen-tables-io.ts";
import { pvYear } from "../src/transition/solar-pv.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const runs = Number(arg("runs", "50"));
const grid = process.argv.includes("--grid");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const time = (f: () => void, n: number): number => {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
};

const tables = loadHydrogenTables();
const solar = loadShippedSolarYear("USLAX").year!;
const system = pvSystemFromTables(tables, "USLAX");
const st = defaultStationFromTables(tables);
const pv = pvYear(solar, system);
const inputs: StationInputs = {
  pvKwPerKwp: pv.acKwPerKwp,
  demandKgPerH: dailyDemandProfile(st.demandKgPerDay, 6, 22),
  pvKwp: st.pvKwp,
  electrolyserRatedKw: st.electrolyserKw,
  electrolyserKwhPerKg: st.kwhPerKg,
  minLoadFraction: 0.1,
  storageCapacityKg: st.storageKg,
  storageInitialKg: 0,
  gridTopUp: grid,
  gridKgCo2PerKwh: tables.grid.get("USLAX")!.kgCo2PerKwh,
};

// ---- peer 1: one object per hour, the same rules written plainly -----------------------------
interface HourIn {
  hour: number;
  pvKw: number;
  demandKg: number;
}
interface HourOut {
  hour: number;
  electrolyserKw: number;
  gridKw: number;
  producedKg: number;
  dispensedKg: number;
  shortfallKg: number;
  storageKg: number;
  curtailedKw: number;
}
function objectPeer(x: StationInputs): { produced: number; dispensed: number; hours: HourOut[] } {
  const hoursIn: HourIn[] = Array.from(x.pvKwPerKwp, (v, hour) => ({
    hour,
    pvKw: v * x.pvKwp,
    demandKg: x.demandKgPerH[hour]!,
  }));
  const out: HourOut[] = [];
  let storage = x.storageInitialKg;
  const minKw = x.minLoadFraction * x.electrolyserRatedKw;
  for (const h of hoursIn) {
    let e = Math.min(h.pvKw, x.electrolyserRatedKw);
    if (e < minKw || e <= 0) e = 0;
    let m = e / x.electrolyserKwhPerKg;
    const room = x.storageCapacityKg - storage + h.demandKg;
    if (m > room) {
      m = Math.max(room, 0);
      e = m * x.electrolyserKwhPerKg;
      if (e < minKw) {
        e = 0;
        m = 0;
      }
    }
    let g = 0;
    let eg = 0;
    if (x.gridTopUp && storage + m < h.demandKg - 1e-9) {
      eg = (h.demandKg - storage - m) * x.electrolyserKwhPerKg;
      if (e === 0 && eg < minKw) eg = minKw;
      eg = Math.min(eg, x.electrolyserRatedKw - e);
      g = eg / x.electrolyserKwhPerKg;
      const maxKg = x.storageCapacityKg - storage - m + h.demandKg;
      if (g > maxKg) {
        g = maxKg;
        eg = g * x.electrolyserKwhPerKg;
      }
      if (e === 0 && eg < minKw - 1e-12) {
        eg = 0;
        g = 0;
      }
    }
    const avail = storage + m + g;
    const dispensed = Math.min(h.demandKg, avail);
    storage = avail - dispensed;
    out.push({
      hour: h.hour,
      electrolyserKw: e,
      gridKw: eg,
      producedKg: m + g,
      dispensedKg: dispensed,
      shortfallKg: h.demandKg - dispensed,
      storageKg: storage,
      curtailedKw: h.pvKw - e,
    });
  }
  return {
    produced: out.reduce((s, o) => s + o.producedKg, 0),
    dispensed: out.reduce((s, o) => s + o.dispensedKg, 0),
    hours: out,
  };
}

// ---- peer 2: Python loop --------------------------------------------------------------------
const PY = `
import json, sys, time
x = json.load(open(sys.argv[1]))
pv, dem = x["pv"], x["demand"]
def run():
    s = x["storageInitialKg"]; rated = x["ratedKw"]; k = x["kwhPerKg"]; cap = x["capKg"]
    minkw = x["minLoad"] * rated; grid = x["grid"]; kwp = x["pvKwp"]
    produced = dispensed = 0.0
    for h in range(len(pv)):
        p = kwp * pv[h]; d = dem[h]
        e = min(p, rated)
        if e < minkw or e <= 0: e = 0.0
        m = e / k
        room = cap - s + d
        if m > room:
            m = max(room, 0.0); e = m * k
            if e < minkw: e = 0.0; m = 0.0
        g = 0.0
        if grid and s + m < d - 1e-9:
            eg = (d - s - m) * k
            if e == 0 and eg < minkw: eg = minkw
            eg = min(eg, rated - e)
            g = eg / k
            maxkg = cap - s - m + d
            if g > maxkg: g = maxkg; eg = g * k
            if e == 0 and eg < minkw - 1e-12: eg = 0.0; g = 0.0
        avail = s + m + g
        out = min(d, avail)
        s = avail - out
        produced += m + g; dispensed += out
    return produced, dispensed
ts = []
for i in range(int(sys.argv[2])):
    t0 = time.perf_counter(); r = run(); ts.append((time.perf_counter() - t0) * 1000)
ts.sort()
print(json.dumps({"ms": ts[len(ts)//2], "produced": r[0], "dispensed": r[1]}))
`;

const ours = runSolarH2Station(inputs);
const peer = objectPeer(inputs);
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));
if (!close(ours.producedKg, peer.produced) || !close(ours.dispensedKg, peer.dispensed)) {
  process.stderr.write(
    `object peer disagrees: ${peer.produced} / ${peer.dispensed} vs ${ours.producedKg} / ${ours.dispensedKg}\n`,
  );
  process.exit(1);
}

// Warm up, then measure.
for (let i = 0; i < 5; i++) runSolarH2Station(inputs);
const stationMs = time(() => runSolarH2Station(inputs), runs);
const pvMs = time(() => pvYear(solar, system), Math.max(5, runs >> 2));
const yearMs = time(
  () => runSolarH2Station({ ...inputs, pvKwPerKwp: pvYear(solar, system).acKwPerKwp }),
  Math.max(5, runs >> 2),
);
for (let i = 0; i < 3; i++) objectPeer(inputs);
const objectMs = time(() => objectPeer(inputs), Math.max(5, runs >> 1));

const dir = mkdtempSync(join(tmpdir(), "solar-h2-bench-"));
let py: { ms: number; produced: number; dispensed: number } | undefined;
try {
  const file = join(dir, "in.json");
  writeFileSync(
    file,
    JSON.stringify({
      pv: Array.from(inputs.pvKwPerKwp),
      demand: Array.from(inputs.demandKgPerH),
      storageInitialKg: inputs.storageInitialKg,
      ratedKw: inputs.electrolyserRatedKw,
      kwhPerKg: inputs.electrolyserKwhPerKg,
      capKg: inputs.storageCapacityKg,
      minLoad: inputs.minLoadFraction,
      grid: inputs.gridTopUp,
      pvKwp: inputs.pvKwp,
    }),
  );
  writeFileSync(join(dir, "peer.py"), PY);
  const r = spawnSync("python3", [join(dir, "peer.py"), file, "9"], { encoding: "utf8" });
  if (r.status === 0) py = JSON.parse(r.stdout);
  else process.stderr.write(`python peer failed: ${r.stderr}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (py && (!close(py.produced, ours.producedKg) || !close(py.dispensed, ours.dispensedKg))) {
  process.stderr.write(`python peer disagrees: ${py.produced} / ${py.dispensed}\n`);
  process.exit(1);
}

// Whole process: the CLI as a user runs it (compiled to dist/cli first).
spawnSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "ignore" });
const procMs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ["bin/sisterports.mjs", "ze", "solar-h2", "--json", ...(grid ? ["--grid"] : [])],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  procMs.push(performance.now() - t0);
  if (r.status !== 0) {
    process.stderr.write("sisterports ze solar-h2 failed\n");
    process.exit(1);
  }
}

const helpMs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, ["bin/sisterports.mjs", "--help"], { stdio: "ignore" });
  helpMs.push(performance.now() - t0);
}

const f = (x: number) => x.toFixed(2).padStart(9);
process.stdout.write(
  `${[
    `year: ${inputs.pvKwPerKwp.length} h, PV ${st.pvKwp} kWp, electrolyser ${st.electrolyserKw} kW, storage ${st.storageKg} kg, demand ${st.demandKgPerDay} kg/day${grid ? ", grid top-up" : ""}`,
    `produced ${ours.producedKg.toFixed(3)} kg, dispensed ${ours.dispensedKg.toFixed(3)} kg (both peers agree)`,
    "",
    "median ms                                   ours     peer   peer/ours",
    `station year: typed arrays vs object/hour ${f(stationMs)} ${f(objectMs)}   ${(objectMs / stationMs).toFixed(1)}×`,
    py
      ? `station year: typed arrays vs python loop  ${f(stationMs)} ${f(py.ms)}   ${(py.ms / stationMs).toFixed(1)}×`
      : "station year: python peer not run",
    `PV model over the TMY3 year               ${f(pvMs)}`,
    `PV + station (the year the issue asks)    ${f(yearMs)}   target < 200 ms`,
    `whole process: sisterports ze solar-h2    ${f(median(procMs))}   (sisterports --help: ${median(helpMs).toFixed(0)} ms)`,
  ].join("\n")}\n`,
);
