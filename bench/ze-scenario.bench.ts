/**
 * Rollout scenarios (issue 13: "a 25-year, two-port run well under 200 ms"): our run — fleet
 * turnover plus one inventory-engine record per cohort and year (zero-emission units of a type as
 * one record) — for the demo "natural replacement" scenarios of Los Angeles and Nagoya
 * (2025–2050), beside a peer measured in the same run on the same fleets: the naive recompute,
 * one engine record per unit and year (whole-year rows, as an inventory user would enter each
 * unit). Drayage trucks are per cohort in both (10,000 trucks × 12 months per year would be
 * 3 million rows for the peer alone). The peer must give the same tonnes CO2e per year (to a
 * gram per tonne), or the bench fails.
 *
 *   npm run bench -- ze-scenario [--runs 5]
 */
import { performance } from "node:perf_hooks";
import { demoScenarioInputs } from "../src/demo/transition.ts";
import {
  type CheRecord,
  computeNonshipLines,
  emptyActivity,
  portGridFactor,
} from "../src/emissions/index.ts";
import {
  loadScenarioTables,
  runScenario,
  type ScenarioInput,
  scenarioInputSchema,
  targetsGap,
} from "../src/transition/index.ts";
import { CHE_CATEGORIES } from "../src/transition/wire.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const runs = Number(arg("runs", "5"));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const tables = loadScenarioTables();
const ports = [
  { port: "USLAX" as const, currency: "USD" },
  { port: "JPNGO" as const, currency: "JPY" },
];
const inputs: { input: ScenarioInput; currency: string }[] = ports.map(({ port, currency }) => ({
  input: scenarioInputSchema.parse(demoScenarioInputs(port, tables)[0]),
  currency,
}));

// ---- ours ----------------------------------------------------------------------------------------
const ours = () => inputs.map(({ input, currency }) => runScenario(input, tables, { currency }));
ours(); // warm-up
const tOurs: number[] = [];
const tGap: number[] = [];
let result = ours();
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  result = ours();
  const t1 = performance.now();
  for (const [k, { input }] of inputs.entries()) targetsGap(result[k]!, input, tables);
  tGap.push(performance.now() - t1);
  tOurs.push(t1 - t0);
}

// ---- peer: one engine record per unit and year ---------------------------------------------------
function naive(k: number): Map<number, number> {
  const { input } = inputs[k]!;
  const run = result[k]!;
  const activity = emptyActivity();
  for (const [year, cohorts] of run.cohorts)
    for (const c of cohorts) {
      if (!CHE_CATEGORIES.includes(c.category)) continue;
      const p = run.params.get(c.category)!;
      for (let u = 0; u < c.units; u++) {
        const r: CheRecord = {
          unitId: `${c.category}-${c.powertrain}-${c.modelYear}-${u}`,
          terminal: null,
          equipmentType: c.category,
          powertrain: c.powertrain === "battery" ? "battery_electric" : c.powertrain,
          ratedHp: null,
          ratedKw: c.ratedKw,
          modelYear: c.modelYear,
          year,
          month: null,
          hours: p.annualHours,
          energyKwh: c.powertrain === "battery" ? p.annualHours * p.batteryKwhPerH : null,
          hydrogenKg: c.powertrain === "fuel_cell" ? p.annualHours * p.fuelCellKgH2PerH : null,
          fuelL: null,
          fuelGal: null,
          cumulativeHoursStart: Math.max(0, year - c.modelYear) * p.annualHours,
          loadFactor: null,
          loadFactorSource: null,
          hydrogenPathway: c.powertrain === "fuel_cell" ? input.hydrogenPathway : null,
        };
        activity.che.push(r);
      }
    }
  const res = computeNonshipLines(tables.nonship, activity, {
    port: input.port,
    gwp: "AR5",
    wellToWheel: true,
    gridFactor: portGridFactor(input.port, tables.nonship),
    defaultHydrogenPathway: input.hydrogenPathway,
    trace: false,
  });
  const byYear = new Map<number, number>();
  for (const l of res.lines) byYear.set(l.year, (byYear.get(l.year) ?? 0) + l.grams.co2e);
  return byYear;
}
const t0 = performance.now();
const peer = inputs.map((_, k) => naive(k));
const tPeer = performance.now() - t0;

// Same tonnes: ours (CHE part) = the run's CHE cohorts' wtw; compare per year.
let worst = 0;
inputs.forEach((_, k) => {
  for (const [year, cohorts] of result[k]!.cohorts) {
    const oursG =
      cohorts.filter((c) => CHE_CATEGORIES.includes(c.category)).reduce((a, c) => a + c.wtwCo2eT, 0) * 1e6;
    const peerG = peer[k]!.get(year) ?? 0;
    worst = Math.max(worst, Math.abs(oursG - peerG) / Math.max(1, peerG / 1e6));
  }
});
if (worst > 1) {
  process.stderr.write(`peer disagrees: ${worst.toFixed(3)} g per tonne\n`);
  process.exit(1);
}

const units = result.map((r) => r.result.years[0]!.fleet.reduce((a, f) => a + f.units, 0));
process.stdout.write(
  `two ports (USLAX ${units[0]} units, JPNGO ${units[1]} units), 2025–2050, demo "natural replacement":\n` +
    `  ours  (cohort-year records)   ${median(tOurs).toFixed(1)} ms median of ${runs} (+ gap to targets ${median(tGap).toFixed(1)} ms)\n` +
    `  peer  (unit-year records)     ${tPeer.toFixed(1)} ms (one run)\n` +
    `  same CHE CO2e per year: worst difference ${worst.toExponential(2)} g per tonne\n`,
);
