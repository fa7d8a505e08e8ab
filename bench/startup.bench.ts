/**
 * Start-up of the `sisterports` command as a user runs it: whole processes, `sisterports --help`
 * and `sisterports ais decode --help` through bin/sisterports.mjs (the compiled build), next to
 * bare Node (`node -e 0`, the floor) and the same command through tsx (SP_TS=1, how it ran
 * before issue 10), measured in the same run: median and worst of N. Target: < 150 ms.
 *
 *   npm run bench -- startup [--runs 15]
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { REPO_ROOT } from "../src/server/paths.ts";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 15;
const bin = path.join(REPO_ROOT, "bin", "sisterports.mjs");

function measure(label: string, args: string[], env: Record<string, string> = {}): number {
  const timesMs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: "ignore" });
    const elapsedMs = performance.now() - started;
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}`);
    if (i > 0) timesMs.push(elapsedMs); // the first run warms the file cache
  }
  timesMs.sort((a, b) => a - b);
  const medianMs = timesMs[Math.floor(timesMs.length / 2)] as number;
  const worstMs = timesMs[timesMs.length - 1] as number;
  process.stdout.write(
    `${label.padEnd(44)} median ${medianMs.toFixed(0).padStart(5)} ms   worst ${worstMs.toFixed(0).padStart(5)} ms\n`,
  );
  return medianMs;
}

spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build-cli.mjs"), "--if-stale"], {
  stdio: "inherit",
});
process.stdout.write(`whole processes, ${runs} runs each (after one warm-up)\n`);
const floorMs = measure("node -e 0 (bare Node, the floor)", ["-e", "0"]);
const helpMs = measure("sisterports --help", [bin, "--help"]);
measure("sisterports ais decode --help", [bin, "ais", "decode", "--help"]);
const tsxMs = measure("sisterports --help through tsx (SP_TS=1)", [bin, "--help"], { SP_TS: "1" });
process.stdout.write(
  `sisterports --help: ${helpMs.toFixed(0)} ms (target < 150 ms: ${helpMs < 150 ? "met" : "NOT met"}), ` +
    `${(helpMs - floorMs).toFixed(0)} ms above bare Node, ${(tsxMs / helpMs).toFixed(1)}× faster than through tsx\n`,
);
