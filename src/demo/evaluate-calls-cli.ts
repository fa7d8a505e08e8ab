/**
 * `calls evaluate`: the demo world as a test bench for call detection. It lives with the demo (a
 * fixture above the capabilities) and is added to the `calls` command group by the CLI.
 */
import type { Command } from "commander";
import { parseModeRule, parsePort } from "../calls/cli.ts";
import { DomainError } from "../core/errors.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { type OpenCallsDatabase, runEvaluation } from "./evaluate-calls.ts";
import type { DemoPort } from "./world.ts";

export function registerCallsEvaluateCommand(calls: Command, openDatabase: OpenCallsDatabase): void {
  calls
    .command("evaluate")
    .description(
      "build a demo world in a temporary database, detect its calls and compare with the ground truth",
    )
    .option("--seed <n>", "demo seed", "1")
    .option("--days <d>", "days of traffic", "7")
    .option("--scale <s>", "traffic scale (1 ≈ a realistic day)", "1")
    .option("--port <locode>", "one port (default both)")
    .option("--database <url>", "use this (empty) database instead of a temporary SQLite file")
    .option("--mode-rule <rule>", "epa or operational (default)")
    .option(
      "--json",
      "exactly {expected, matched, missed, spurious, berthArrivalErrorMin, berthDepartureErrorMin}",
    )
    .action(
      async (o: {
        seed: string;
        days: string;
        scale: string;
        port?: string;
        database?: string;
        modeRule?: string;
        json?: boolean;
      }) => {
        const options = parseModeRule(o.modeRule);
        const seed = Number(o.seed);
        const days = Number(o.days);
        const scale = Number(o.scale);
        if (!Number.isInteger(seed) || !(days > 0 && days <= 366) || !(scale > 0))
          throw new DomainError("validation", "--seed integer, --days 1..366, --scale > 0");
        const port = parsePort(o.port);
        const ports = (port ? [port] : ["USLAX", "JPNGO"]) as DemoPort[];
        const detail = await runEvaluation(openDatabase, loadPortRegistry(), {
          seed,
          days,
          scale,
          ports,
          start: new Date("2026-01-01T00:00:00Z"),
          ...(o.database ? { databaseUrl: o.database } : {}),
          ...(options ? { options } : {}),
          onProgress: (m) => {
            if (!o.json) process.stderr.write(`${m}\n`);
          },
        });
        const r = detail.result;
        if (o.json) {
          process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        const pct = (a: number, b: number) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)} %`);
        process.stdout.write(
          `${[
            `expected calls      ${r.expected}`,
            `matched             ${r.matched} (${pct(r.matched, r.expected)}); berth times within 5 min: ${detail.matchedWithin5Min} (${pct(detail.matchedWithin5Min, r.expected)})`,
            `missed              ${r.missed}`,
            `spurious            ${r.spurious} (harbour craft: ${detail.harbourCraftCalls})`,
            `outside the strip  ${detail.outsideStrip.calls} matched calls found by the quay rule (max ${detail.outsideStrip.maxDistanceM} m from the drawn berth)`,
            `berth arrival error   median ${r.berthArrivalErrorMin.median} min, p95 ${r.berthArrivalErrorMin.p95} min`,
            `berth departure error median ${r.berthDepartureErrorMin.median} min, p95 ${r.berthDepartureErrorMin.p95} min`,
            `hard cases: ${Object.entries(detail.byHardCase)
              .map(([k, v]) => `${k} ${v.matched}/${v.expected}`)
              .join(", ")}`,
            `${detail.reports} position reports; ingest ${detail.seconds.ingest.toFixed(1)} s, detect ${detail.seconds.detect.toFixed(1)} s`,
          ].join("\n")}\n`,
        );
        for (const m of detail.missedCalls.slice(0, 20))
          process.stdout.write(`  missed ${m.callId} MMSI ${m.mmsi} ${m.hardCases.join(",")}\n`);
        for (const s of detail.spuriousCalls.slice(0, 20))
          process.stdout.write(`  spurious ${s.id} at ${s.berth}\n`);
      },
    );
}
