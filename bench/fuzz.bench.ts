/**
 * Fuzz of every parser a request can reach (issue 14 "Proof": ≥ 1,000,000 generated inputs, 0
 * crashes, 0 responses of 500). Seeded and reproducible (test/helpers/fuzz.ts): HTTP requests to
 * every operation of the served OpenAPI document (query strings, path parameters, JSON bodies —
 * DCSA events, telemetry, scenarios, exchange messages, sign-in and admin forms) through the app
 * in-process, plus the file parsers of the CLI's imports (gate, rail, receiving-rule, equipment,
 * telemetry and hydrogen-demand CSV, NMEA, EDIFACT, DCSA files). Prints inputs/s, the count per
 * family, the status histogram and every crash with its seed, route and input; exits 1 on any.
 * The peer figure is the rate of a plain `GET /api/health` through the same app (inject's floor).
 *
 *   npm run bench -- fuzz [--inputs 1000000] [--seed 1] [--file-share 0.2] [--database URL]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type FuzzTally, fuzzFiles, fuzzHttp, newTally, startFuzzTarget } from "../test/helpers/fuzz-run.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const inputs = Number(arg("inputs", "100000"));
const seed = Number(arg("seed", "1"));
const fileShare = Number(arg("file-share", "0.2"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sp-fuzz-"));
const databaseUrl = arg("database", `sqlite:${path.join(dir, "fuzz.sqlite")}`);

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const target = await startFuzzTarget(databaseUrl);

// Peer: the floor of an in-process request through every hook.
{
  const n = 2000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await target.app.inject({ method: "GET", url: "/api/health" });
  console.log(`peer GET /api/health through inject: ${fmt((n / (performance.now() - t0)) * 1000)} req/s`);
}

const fileInputs = Math.round(inputs * fileShare);
const httpInputs = inputs - fileInputs;
const http = newTally();
const files = newTally();
// Chunks of 50,000 with their own seeds (seed × 1000 + chunk): a failure names its chunk's seed
// and index, and replaying that chunk alone reproduces it.
const CHUNK = 25_000;
const t0 = performance.now();
for (let c = 0, done = 0; done < httpInputs; c++) {
  const n = Math.min(CHUNK, httpInputs - done);
  await fuzzHttp(target, seed * 1000 + c, n, http);
  done += n;
  const s = (performance.now() - t0) / 1000;
  console.log(
    `  http ${fmt(done)} / ${fmt(httpInputs)} (${fmt(done / s)} inputs/s), crashes ${http.failures.length}`,
  );
  // The audit log of a key holder grows by one row per request; flush so it is measured too.
  await target.app.flushAccessAudit();
  if (http.failures.length >= 50) break;
}
const httpS = (performance.now() - t0) / 1000;
const t1 = performance.now();
for (let c = 0, done = 0; done < fileInputs; c++) {
  const n = Math.min(CHUNK, fileInputs - done);
  fuzzFiles(seed * 1000 + 500 + c, n, files);
  done += n;
  if (files.failures.length >= 50) break;
}
const fileS = (performance.now() - t1) / 1000;

function show(title: string, t: FuzzTally, s: number) {
  console.log(`\n${title}: ${fmt(t.inputs)} inputs in ${s.toFixed(1)} s = ${fmt(t.inputs / s)} inputs/s`);
  console.log("  per family:");
  for (const [k, v] of [...t.byFamily].sort()) console.log(`    ${k.padEnd(22)} ${fmt(v).padStart(10)}`);
  console.log("  outcomes:");
  for (const [k, v] of [...t.statuses].sort()) console.log(`    ${k.padEnd(22)} ${fmt(v).padStart(10)}`);
  console.log("  time per route or kind (top 8):");
  for (const [k, v] of [...t.msByRoute].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`    ${(v / 1000).toFixed(1).padStart(8)} s ${k}`);
  console.log("  slowest:");
  for (const x of t.slowest) console.log(`    ${x.ms.toFixed(0)} ms ${x.route}: ${x.input.slice(0, 160)}`);
}
show("HTTP (app.inject)", http, httpS);
show("file parsers (in-process)", files, fileS);

const failures = [...http.failures, ...files.failures];
const fiveHundreds = http.failures.filter((f) => (f.status ?? 0) >= 500).length;
console.log(
  `\nTOTAL ${fmt(http.inputs + files.inputs)} inputs; ${target.operations.length} operations; ` +
    `crashes ${failures.length - fiveHundreds}, responses of 500: ${fiveHundreds}`,
);
for (const f of failures.slice(0, 20))
  console.log(
    `  FAIL seed ${f.seed} #${f.index} ${f.family} ${f.route} as ${f.as}: ${f.status ?? ""} ${f.error ?? ""}\n    ${f.input.slice(0, 600)}`,
  );
await target.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(failures.length ? 1 : 0);
