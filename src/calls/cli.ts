/**
 * `calls detect|list|show|evaluate`. The CLI composes: it gives these commands an opener for the
 * configured database and one for a database at a URL (evaluate's temporary SQLite file).
 */
import type { Command } from "commander";
import type { AisStore } from "../ais/index.ts";
import { csvCell } from "../core/csv.ts";
import { DomainError } from "../core/errors.ts";
import { formatTable } from "../core/text-table.ts";
import { dateOrInstantS, isCalendarDate, isInstant } from "../core/time.ts";
import { loadPortRegistry } from "../geo/index.ts";
import type { PortCallRecord } from "./calls.ts";
import { toDcsaTimestamps } from "./dcsa.ts";
import { callsMsg } from "./messages.ts";
import { type CallOptions, DEFAULT_CALL_OPTIONS } from "./model.ts";
import { type CallServiceDeps, detectCallsInRange, updateCalls } from "./service.ts";
import type { CallStore } from "./store.ts";

export type OpenCallsStore = () => Promise<{
  ais: AisStore;
  calls: CallStore;
  /** Geography the data set adds (e.g. the demo world's berths and anchorages). */
  extraFeatures?: CallServiceDeps["extraFeatures"];
  close(): Promise<void>;
}>;

/**
 * --from / --to as the API reads them: a date is its midnight in the port's zone (UTC when no port
 * is named), a date-time must carry its offset (a bare local time would depend on this machine's TZ).
 */
export function parseTime(value: string | undefined, field: string, fallback: number, port?: string): number {
  if (value === undefined) return fallback;
  if (!isCalendarDate(value) && !isInstant(value))
    throw new DomainError(
      "validation",
      `--${field}: a date (2026-11-01: midnight in the port's zone) or a date-time with an offset (2026-11-01T08:00:00Z), not ${value}`,
    );
  const timeZone = (port && loadPortRegistry().get(port)?.timeZone) || "UTC";
  return dateOrInstantS(value, timeZone);
}

export function parseModeRule(value: string | undefined): CallOptions | undefined {
  if (value === undefined) return undefined;
  if (value !== "epa" && value !== "operational")
    throw new DomainError("validation", `--mode-rule: epa or operational, not ${value}`);
  return { ...DEFAULT_CALL_OPTIONS, modeRule: value };
}

export function parsePort(value: string | undefined, neighbours = false): string | undefined {
  if (value === undefined) return undefined;
  const v = value.toUpperCase();
  const registry = loadPortRegistry();
  if (registry.get(v) !== undefined) return v;
  // Listing also accepts a neighbour whose terminals lie in a registered port's waters (USLGB).
  if (
    neighbours &&
    registry.list().some((p) => registry.get(p.locode)?.features.some((f) => f.properties.port === v))
  )
    return v;
  throw new DomainError("validation", `--port: unknown port ${value}`);
}

const CSV_COLUMNS: (keyof PortCallRecord)[] = [
  "id",
  "port",
  "mmsi",
  "imo",
  "vesselName",
  "shipTypeGroup",
  "terminal",
  "berth",
  "berthLabel",
  "crossed40nmAt",
  "crossed20nmAt",
  "enteredPortAreaAt",
  "anchoredFrom",
  "anchoredTo",
  "pilotBoardingAt",
  "berthArrivalAt",
  "berthDepartureAt",
  "lastBerthDepartureAt",
  "leftPortAreaAt",
  "anchorageWaitH",
  "timeAtBerthH",
  "berthShifts",
  // Added in calls-1.1.0, at the end so existing column positions hold.
  "neighbourOf",
  "berthDistanceM",
];

/** Registers `calls detect|list|show`; returns the `calls` command so composers can add to it. */
export function registerCallsCommands(program: Command, openStore: OpenCallsStore): Command {
  const calls = program.command("calls").description("port calls and operating modes from AIS");

  calls
    .command("detect")
    .description("recompute calls and mode segments (all vessel-days in the range, or only what changed)")
    .option("--port <locode>", "only this port (USLAX, JPNGO)")
    .option("--from <time>", "start: a date (midnight in the port's zone) or a date-time with an offset")
    .option("--to <time>", "end: a date (midnight in the port's zone) or a date-time with an offset")
    .option("--changed", "only vessel-days whose AIS changed since the last run")
    .option("--mode-rule <rule>", "epa (METHOD.md §1.3 as written) or operational (default)")
    .option("--json", "machine-readable summary")
    .action(
      async (o: {
        port?: string;
        from?: string;
        to?: string;
        changed?: boolean;
        modeRule?: string;
        json?: boolean;
      }) => {
        const port = parsePort(o.port);
        const options = parseModeRule(o.modeRule);
        const registry = loadPortRegistry();
        const store = await openStore();
        try {
          const deps = {
            ais: store.ais,
            calls: store.calls,
            registry,
            ...(store.extraFeatures ? { extraFeatures: store.extraFeatures } : {}),
            ...(port ? { ports: [port] } : {}),
            ...(options ? { options } : {}),
          };
          const summary = o.changed
            ? await updateCalls(deps)
            : await detectCallsInRange(
                deps,
                parseTime(o.from, "from", 0, port),
                parseTime(o.to, "to", 4_102_444_800, port),
              );
          if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          else
            process.stdout.write(
              `${summary.vessels} vessels, ${summary.vesselDays} vessel-days, ${summary.reports} reports → ${summary.calls} calls, ${summary.segments} segments in ${summary.seconds.toFixed(1)} s\n`,
            );
        } finally {
          await store.close();
        }
      },
    );

  calls
    .command("list")
    .description("port calls overlapping a time range")
    .option("--port <locode>", "USLAX or JPNGO")
    .option("--from <time>", "start: a date (midnight in the port's zone) or a date-time with an offset")
    .option("--to <time>", "end: a date (midnight in the port's zone) or a date-time with an offset")
    .option("--mmsi <mmsi>", "one vessel")
    .option("--limit <n>", "at most this many", "1000")
    .option("--json", "JSON")
    .option("--csv", "CSV")
    .action(
      async (o: {
        port?: string;
        from?: string;
        to?: string;
        mmsi?: string;
        limit: string;
        json?: boolean;
        csv?: boolean;
      }) => {
        const port = parsePort(o.port, true);
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new DomainError("validation", "--limit: a positive integer");
        const store = await openStore();
        try {
          const { total, calls: list } = await store.calls.listCalls({
            ...(port ? { port } : {}),
            ...(o.from ? { fromS: parseTime(o.from, "from", 0, port) } : {}),
            ...(o.to ? { toS: parseTime(o.to, "to", 0, port) } : {}),
            ...(o.mmsi ? { mmsi: Number(o.mmsi) } : {}),
            limit,
            offset: 0,
          });
          if (o.json) process.stdout.write(`${JSON.stringify({ total, calls: list }, null, 2)}\n`);
          else if (o.csv) {
            process.stdout.write(`${CSV_COLUMNS.join(",")}\n`);
            for (const c of list)
              process.stdout.write(`${CSV_COLUMNS.map((k) => csvCell(c[k])).join(",")}\n`);
          } else {
            process.stdout.write(
              formatTable(
                [
                  "id",
                  "vessel",
                  "berth",
                  "arrival (UTC)",
                  "departure (UTC)",
                  "anchor h",
                  "berth h",
                  "shifts",
                ],
                list.map((c) => [
                  c.id,
                  c.vesselName ?? String(c.mmsi),
                  c.neighbourOf === null
                    ? (c.berthLabel ?? c.berth)
                    : `${c.berthLabel ?? c.berth} ${callsMsg("neighbourTag", { port: c.port })}`,
                  c.berthArrivalAt,
                  c.lastBerthDepartureAt,
                  c.anchorageWaitH.toFixed(1),
                  c.timeAtBerthH.toFixed(1),
                  String(c.berthShifts),
                ]),
              ),
            );
            process.stdout.write(`${list.length} of ${total} calls\n`);
            const neighbours = new Map<string, { of: string; n: number }>();
            for (const c of list)
              if (c.neighbourOf !== null) {
                const e = neighbours.get(c.port) ?? { of: c.neighbourOf, n: 0 };
                e.n++;
                neighbours.set(c.port, e);
              }
            for (const [p, e] of neighbours)
              process.stdout.write(`${callsMsg("neighbourNote", { port: p, of: e.of, n: e.n })}\n`);
          }
        } finally {
          await store.close();
        }
      },
    );

  calls
    .command("show")
    .description("one call with its segments and DCSA Port Call (JIT 2.0.0) timestamps")
    .argument("<id>", "call id, e.g. USLAX-367000001-202601020304")
    .option("--json", "JSON")
    .action(async (id: string, o: { json?: boolean }) => {
      const store = await openStore();
      try {
        const call = await store.calls.getCall(id);
        if (call === undefined) throw new DomainError("not_found", `no call ${id}`);
        const segments = await store.calls.segments(
          call.port,
          call.mmsi,
          Date.parse(call.startAt) / 1000,
          Date.parse(call.endAt) / 1000,
        );
        const dcsa = toDcsaTimestamps(call);
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ call, segments, dcsa }, null, 2)}\n`);
          return;
        }
        const lines = [
          `${call.id}  ${call.vesselName ?? ""} (MMSI ${call.mmsi}${call.imo ? `, IMO ${call.imo}` : ""}, ${call.shipTypeGroup})`,
          `port ${call.port}  terminal ${call.terminal ?? "-"}  berth ${call.berthLabel ?? call.berth}`,
          ...(call.neighbourOf === null
            ? []
            : [callsMsg("neighbourShow", { port: call.port, of: call.neighbourOf })]),
          callsMsg("berthDistance", { m: call.berthDistanceM ?? 0 }),
          ...(
            [
              ["crossed 40 nm", call.crossed40nmAt],
              ["crossed 20 nm", call.crossed20nmAt],
              ["entered port area", call.enteredPortAreaAt],
              [
                "anchored",
                call.anchoredFrom
                  ? `${call.anchoredFrom} – ${call.anchoredTo} (${call.anchorageWaitH} h)`
                  : null,
              ],
              ["pilot boarding place", call.pilotBoardingAt],
              ["berth arrival", call.berthArrivalAt],
              [
                "berth departure",
                call.departureObserved
                  ? call.lastBerthDepartureAt
                  : `${call.lastBerthDepartureAt} (still at berth at the last report)`,
              ],
              ["left port area", call.leftPortAreaAt],
            ] as const
          ).map(([k, v]) => `  ${k.padEnd(22)}${v ?? "-"}`),
          `  berth shifts ${call.berthShifts}, time at berth ${call.timeAtBerthH} h`,
          ...call.speedZones.map(
            (z) =>
              `  ${z.zone}: ${z.distanceNm} nm, ${z.compliantShare === null ? "-" : `${(z.compliantShare * 100).toFixed(1)} %`} at ≤ ${z.limitKn} kn`,
          ),
          `  methodology ${call.methodology.version} (${call.methodology.options.modeRule} mode rule)`,
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        process.stdout.write(
          formatTable(
            ["mode", "zone", "start (UTC)", "hours", "nm", "mean kn", "max kn"],
            segments.map((s) => [
              s.mode,
              s.zone ?? "",
              new Date(s.startS * 1000).toISOString().slice(0, 19),
              s.durationH.toFixed(2),
              s.distanceNm.toFixed(1),
              s.meanSpeedKn.toFixed(1),
              s.maxSpeedKn.toFixed(1),
            ]),
          ),
        );
      } finally {
        await store.close();
      }
    });
  return calls;
}
