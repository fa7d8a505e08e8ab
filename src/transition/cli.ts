/**
 * `ze equipment import|list`, `ze telemetry ingest`, `ze scorecard`. The CLI composes: it gives
 * these commands an opener for the configured store. Times are read in the port's zone.
 */
import fs from "node:fs";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { formatIngestCounts } from "../core/ingest.ts";
import { formatTable } from "../core/text-table.ts";
import { dateOrInstantS, formatInZone, isCalendarDate, isInstant } from "../core/time.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { type FleetIngestResult, ingestEquipment, ingestTelemetry } from "./fleet-ingest.ts";
import { fleetMsg } from "./messages.ts";
import { registerScenarioCommands } from "./scenario-cli.ts";
import type { FuelPrice } from "./scorecard.ts";
import { fleetScorecards, summarizeScorecards } from "./service.ts";
import type { TransitionStore } from "./store.ts";
import { loadScorecardTables, loadTransitionTables } from "./tables-io.ts";
import {
  EQUIPMENT_CATEGORIES,
  EQUIPMENT_STATUSES,
  type EquipmentCategory,
  type EquipmentStatus,
} from "./wire.ts";

export type OpenTransitionStore = () => Promise<{ transition: TransitionStore; close(): Promise<void> }>;

function portInfo(value: string): { port: string; timeZone: string; currency: string } {
  const port = value.toUpperCase();
  const entry = loadPortRegistry().get(port);
  if (entry === undefined) throw new DomainError("validation", `--port: unknown port ${value}`);
  return { port, timeZone: entry.timeZone, currency: entry.currency };
}

function timeOption(value: string | undefined, field: string, timeZone: string): number | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value) && !isInstant(value))
    throw new DomainError(
      "validation",
      `--${field}: a date (2026-03-01) or a date-time with an offset (2026-03-01T08:00:00Z), not ${value}`,
    );
  return dateOrInstantS(value, timeZone);
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DomainError("not_found", `cannot read ${file}: ${code}`, [{ file, reason: code }]);
  }
}

const MAX_REJECTS_SHOWN = 20;

function printIngest(file: string, r: FleetIngestResult, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${fleetMsg("ingested", { file, counts: formatIngestCounts(r.counts) })}\n`);
  if (r.counts.updated > 0) process.stdout.write(`${fleetMsg("updatedRows", { n: r.counts.updated })}\n`);
  for (const x of r.rejects.slice(0, MAX_REJECTS_SHOWN))
    process.stderr.write(`${fleetMsg("rejectLine", { ...x })}\n`);
  if (r.rejects.length > MAX_REJECTS_SHOWN)
    process.stderr.write(
      `${fleetMsg("moreRejects", { n: r.rejects.length - MAX_REJECTS_SHOWN, run: r.runId })}\n`,
    );
}

/** `--price h2=13.5` (per kg), `electricity=0.25` (per kWh), `diesel=1.2` (per litre), in the port's currency. */
function parsePrice(text: string, currency: string, year: number): FuelPrice {
  const m = /^(h2|electricity|diesel)=(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m)
    throw new DomainError("validation", `--price: h2=VALUE, electricity=VALUE or diesel=VALUE, not ${text}`);
  return {
    carrier: m[1] as FuelPrice["carrier"],
    value: Number(m[2]),
    currency,
    priceYear: year,
    source: `given on the command line (--price ${text})`,
  };
}

const f = (x: number | null, d = 1) =>
  x === null ? "-" : x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

export function registerFleetCommands(ze: Command, open: OpenTransitionStore): void {
  // Rollout scenarios and targets (scenario-cli.ts).
  registerScenarioCommands(ze, open);
  const equipment = ze
    .command("equipment")
    .description("the equipment registry (CHE, trucks, craft, locomotives)");
  equipment
    .command("import <file>")
    .description("import an equipment CSV (port,unit_id,category,powertrain,model_year,rated_power_kw,…)")
    .option("--json", "machine-readable")
    .action(async (file: string, o: { json?: boolean }) => {
      const text = readText(file);
      const s = await open();
      try {
        printIngest(file, await ingestEquipment(s.transition, text, file), o.json);
      } finally {
        await s.close();
      }
    });
  equipment
    .command("list")
    .description("registered units of a port")
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--status <status>", EQUIPMENT_STATUSES.join(" | "))
    .option("--category <category>", EQUIPMENT_CATEGORIES.join(" | "))
    .option("--json", "machine-readable")
    .action(async (o: { port: string; status?: string; category?: string; json?: boolean }) => {
      const { port } = portInfo(o.port);
      if (o.status !== undefined && !(EQUIPMENT_STATUSES as readonly string[]).includes(o.status))
        throw new DomainError("validation", `--status: ${EQUIPMENT_STATUSES.join(", ")}, not ${o.status}`);
      if (o.category !== undefined && !(EQUIPMENT_CATEGORIES as readonly string[]).includes(o.category))
        throw new DomainError(
          "validation",
          `--category: ${EQUIPMENT_CATEGORIES.join(", ")}, not ${o.category}`,
        );
      const s = await open();
      try {
        const units = await s.transition.listEquipment({
          port,
          ...(o.status ? { status: o.status as EquipmentStatus } : {}),
          ...(o.category ? { category: o.category as EquipmentCategory } : {}),
        });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(units, null, 2)}\n`);
          return;
        }
        if (units.length === 0) {
          process.stdout.write(`${fleetMsg("noUnits", { port })}\n`);
          return;
        }
        process.stdout.write(
          formatTable(
            (
              [
                "colUnit",
                "colCategory",
                "colPowertrain",
                "colStatus",
                "colModelYear",
                "colKw",
                "colProgramme",
                "colReplaces",
              ] as const
            ).map((k) => fleetMsg(k)),
            units.map((u) => [
              u.unitId,
              u.category,
              u.powertrain,
              u.status,
              u.modelYear,
              u.ratedPowerKw,
              u.programme,
              u.replaces,
            ]),
          ),
        );
      } finally {
        await s.close();
      }
    });

  ze.command("telemetry")
    .description("per-unit telemetry: operating hours, moves or miles, energy, downtime")
    .command("ingest <file>")
    .description("ingest a telemetry CSV (port,unit_id,period_start,period_end,operating_h,…)")
    .option("--json", "machine-readable")
    .action(async (file: string, o: { json?: boolean }) => {
      const text = readText(file);
      const registry = loadPortRegistry();
      const tables = loadScorecardTables();
      const lhv = tables.nonship.energy.constants.get("hydrogen_lhv")?.value;
      if (lhv === undefined)
        throw new DomainError("internal", "fuel_and_hydrogen_constants.csv: no hydrogen_lhv");
      const s = await open();
      try {
        printIngest(
          file,
          await ingestTelemetry(s.transition, text, file, {
            timeZone: (p) => registry.get(p)?.timeZone,
            h2LhvKwhPerKg: lhv,
          }),
          o.json,
        );
      } finally {
        await s.close();
      }
    });

  ze.command("ingest-status")
    .description("recent equipment and telemetry ingest runs, or the rejects of one run")
    .option("--run <id>", "the rejects of this run")
    .option("--limit <n>", "runs shown", "20")
    .option("--json", "machine-readable")
    .action(async (o: { run?: string; limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new DomainError("validation", `--limit: 1 to 1000, not ${o.limit}`);
      const s = await open();
      try {
        if (o.run !== undefined) {
          const rejects = await s.transition.rejects(o.run);
          if (o.json) process.stdout.write(`${JSON.stringify(rejects, null, 2)}\n`);
          else
            process.stdout.write(
              formatTable(
                (["colFile", "colLine", "colField", "colReason"] as const).map((k) => fleetMsg(k)),
                rejects.map((r) => [r.file, r.line, r.field, r.reason]),
              ),
            );
          return;
        }
        const runs = await s.transition.ingestRuns(limit);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
          return;
        }
        if (runs.length === 0) {
          process.stdout.write(`${fleetMsg("noRuns")}\n`);
          return;
        }
        process.stdout.write(
          formatTable(
            (
              [
                "colRun",
                "colWhat",
                "colFile",
                "colStartedAt",
                "colRead",
                "colAccepted",
                "colUpdated",
                "colRejected",
                "colDuplicates",
              ] as const
            ).map((k) => fleetMsg(k)),
            runs.map((r) => [
              r.id,
              r.kind,
              r.file,
              r.startedAt.slice(0, 19),
              r.read,
              r.accepted,
              r.updated,
              r.rejected,
              r.duplicates,
            ]),
          ),
        );
      } finally {
        await s.close();
      }
    });

  ze.command("pilots")
    .description("the memorandum's zero-emission pilots at both ports, with sources (reference table)")
    .option("--port <locode>", "USLAX or JPNGO; both when absent")
    .option("--json", "machine-readable")
    .action((o: { port?: string; json?: boolean }) => {
      const port = o.port === undefined ? undefined : portInfo(o.port).port;
      const pilots = loadTransitionTables().pilots.filter((p) => port === undefined || p.port === port);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(pilots, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        formatTable(
          (
            [
              "colPort",
              "colProgramme",
              "colKind",
              "colUnits",
              "colOperator",
              "colStarted",
              "colConfidence",
            ] as const
          ).map((k) => fleetMsg(k)),
          pilots.map((p) => [p.port, p.programme, p.unitKind, p.units, p.operator, p.started, p.confidence]),
        ),
      );
      process.stdout.write(`${fleetMsg("pilotsNote")}\n`);
    });

  ze.command("scorecard")
    .description(
      "pilot scorecards: availability, energy, fuel cost, emissions avoided vs the diesel unit replaced",
    )
    .requiredOption("--port <locode>", "USLAX or JPNGO")
    .option("--unit <id>", "one unit")
    .option(
      "--from <time>",
      "periods starting from: a date (midnight in the port's zone) or a date-time with an offset",
    )
    .option("--to <time>", "periods starting before")
    .option(
      "--price <carrier=value...>",
      "fuel price in the port's currency: h2=…/kg, electricity=…/kWh, diesel=…/L",
    )
    .option("--price-year <year>", "price year of --price", String(new Date().getUTCFullYear()))
    .option("--json", "machine-readable")
    .action(
      async (o: {
        port: string;
        unit?: string;
        from?: string;
        to?: string;
        price?: string[];
        priceYear: string;
        json?: boolean;
      }) => {
        const { port, timeZone, currency } = portInfo(o.port);
        const fromS = timeOption(o.from, "from", timeZone);
        const toS = timeOption(o.to, "to", timeZone);
        if (fromS !== undefined && toS !== undefined && !(fromS < toS))
          throw new DomainError("validation", "--from: must be before --to");
        const prices = (o.price ?? []).map((p) => parsePrice(p, currency, Number(o.priceYear)));
        const s = await open();
        try {
          const cards = await fleetScorecards(s.transition, loadScorecardTables(), {
            port,
            timeZone,
            currency,
            prices,
            ...(o.unit ? { unitId: o.unit } : {}),
            ...(fromS !== undefined ? { fromS } : {}),
            ...(toS !== undefined ? { toS } : {}),
          });
          const summary = summarizeScorecards(port, cards);
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ scorecards: cards, summary }, null, 2)}\n`);
            return;
          }
          const zoned = (x: number) => formatInZone(new Date(x * 1000), timeZone).slice(0, 16);
          const window =
            fromS !== undefined || toS !== undefined
              ? ` (${fromS !== undefined ? zoned(fromS) : "…"} – ${toS !== undefined ? zoned(toS) : "…"}, ${timeZone})`
              : "";
          process.stdout.write(`${fleetMsg("scorecardHeading", { port, window })}\n`);
          if (cards.length === 0) {
            process.stdout.write(`${fleetMsg("noScorecards", { port })}\n`);
            return;
          }
          for (const c of cards) {
            process.stdout.write(
              `\n${fleetMsg("unitLine", { unit: c.unitId, category: c.category, powertrain: c.powertrain, programme: c.programme ?? "-" })}\n`,
            );
            const reasons = Object.entries(c.downtimeByReason)
              .map(([r, h]) => `${r} ${fleetMsg("hours", { h: f(h) })}`)
              .join(", ");
            process.stdout.write(
              `${fleetMsg("availability", {
                value: c.availability === null ? "-" : `${(c.availability * 100).toFixed(1)} %`,
                period: f(c.periodH),
                downtime: f(c.downtimeH),
                reasons: reasons ? `: ${reasons}` : "",
              })}\n`,
            );
            process.stdout.write(
              `${fleetMsg("energy", {
                kwh: f(c.energyKwh, 0),
                perH: f(c.energyKwhPerH),
                perMove: f(c.energyKwhPerMove, 2),
                perMile: f(c.energyKwhPerMile, 2),
                h2: f(c.h2Kg),
                h2PerH: f(c.h2KgPerH, 2),
                h2Per100: f(c.h2KgPer100Mi, 1),
              })}\n`,
            );
            if (c.fuelCostPerH)
              process.stdout.write(
                `${fleetMsg("fuelCost", { value: f(c.fuelCostPerH.value, 0), currency: c.fuelCostPerH.currency, year: c.fuelCostPerH.priceYear })}\n`,
              );
            else if (c.fuelCostMissing.length > 0)
              process.stdout.write(
                `${fleetMsg("noFuelCost", { currency, missing: c.fuelCostMissing.join(", ") })}\n`,
              );
            const cf = c.dieselCounterfactual;
            if (cf) {
              process.stdout.write(
                `${fleetMsg("counterfactual", { method: fleetMsg(`method.${cf.method}`), tailpipe: f(cf.tailpipeCo2Kg), wtw: f(cf.wtwCo2eKg) })}\n`,
              );
              process.stdout.write(
                `${fleetMsg("avoided", {
                  tailpipe: f(c.avoidedTailpipeCo2Kg),
                  pathways: c.pathways
                    .map(
                      (p) =>
                        `${fleetMsg(`pathway.${p.pathway}` as "pathway.grey-smr")} ${f(p.avoidedWtwKgCo2e)}`,
                    )
                    .join(", "),
                })}\n`,
              );
            } else process.stdout.write(`${fleetMsg("noCounterfactual")}\n`);
            for (const w of c.warnings) process.stdout.write(`${fleetMsg("warning", { text: w })}\n`);
          }
          process.stdout.write(
            `\n${fleetMsg("summary", {
              port,
              units: summary.units,
              hours: f(summary.operatingH),
              availability:
                summary.availability === null ? "-" : `${(summary.availability * 100).toFixed(1)} %`,
              tailpipe: f(summary.avoidedTailpipeCo2Kg),
            })}\n`,
          );
        } finally {
          await s.close();
        }
      },
    );
}
