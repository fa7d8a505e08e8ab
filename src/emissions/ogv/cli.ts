/**
 * `emissions factors|power|loads|call`: the OGV calculator from the command line. The batch
 * commands read a JSON array of queries (a file, or stdin) and write a JSON array of answers in the
 * same order; a bad query gets `{"error": "<field>: <reason>"}` in its slot, the others are
 * answered, and the command then fails with a validation error (exit 3 in src/cli/).
 */
import fs from "node:fs";
import type { Command } from "commander";
import type { z } from "zod";
import { DomainError, isDomainError } from "../../core/errors.ts";
import { formatTable } from "../../core/text-table.ts";
import { convertMassG } from "../../core/units.ts";
import { GWP_SETS, type PollutantGrams } from "../model.ts";
import {
  AUX_LOAD_METHODS,
  answerFactorsQuery,
  answerLoadsQuery,
  answerPowerQuery,
  type CallActivity,
  type CallEmissions,
  computeCallEmissions,
  DEFAULT_OGV_OPTIONS,
  FactorsQuerySchema,
  LLAF_METHODS,
  LNG_ENGINE_TYPES,
  LoadsQuerySchema,
  loadOgvTables,
  OGV_METHODS,
  type OgvOptions,
  type OgvTables,
  POWER_LAWS,
  PowerQuerySchema,
  parseCallActivity,
} from "./index.ts";
import { ogvWarningText } from "./messages.ts";

// ---------------------------------------------------------------------------------------------
// Batch answering (pure: text in, answers out)

export type BatchAnswer<A> = A | { error: string };

export interface BatchResult<A> {
  answers: BatchAnswer<A>[];
  /** Indexes (0-based) of the elements that failed, with their error. */
  failures: { index: number; error: string }[];
}

/** The JSON array of a batch input; DomainError "validation" naming the file when it is not one. */
export function parseQueryArray(text: string, file: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `not JSON: ${error instanceof Error ? error.message : String(error)}`;
    throw new DomainError("validation", `${file}: ${reason}`, [{ file, reason }]);
  }
  if (!Array.isArray(value)) {
    const reason = "not a JSON array of queries";
    throw new DomainError("validation", `${file}: ${reason}`, [{ file, reason }]);
  }
  return value;
}

function zodReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.map(String).join(".");
  return `${path || "query"}: ${issue.message}`;
}

/**
 * Validates and answers each element; a bad element (schema, or a validation error of the
 * calculator, e.g. an engine a component does not have) gets `{ error }` in its slot.
 * Example: [{…good…}, {"component": "main"}] → answers [{…}, {"error": "engine: Invalid option: …"}].
 */
export function answerBatch<S extends z.ZodType, A>(
  items: unknown[],
  schema: S,
  answer: (query: z.output<S>) => A,
): BatchResult<A> {
  const answers: BatchAnswer<A>[] = [];
  const failures: { index: number; error: string }[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    let result: BatchAnswer<A>;
    if (!parsed.success) result = { error: zodReason(parsed.error) };
    else {
      try {
        result = answer(parsed.data);
      } catch (error) {
        if (!isDomainError(error) || error.code !== "validation") throw error;
        result = { error: error.message };
      }
    }
    if (typeof result === "object" && result !== null && "error" in result)
      failures.push({ index, error: (result as { error: string }).error });
    answers.push(result);
  });
  return { answers, failures };
}

/** The three batch commands' answerers, by command name. */
export function batchAnswerers(tables: OgvTables) {
  return {
    factors: (items: unknown[]) =>
      answerBatch(items, FactorsQuerySchema, (q) => answerFactorsQuery(tables, q)),
    power: (items: unknown[]) => answerBatch(items, PowerQuerySchema, (q) => answerPowerQuery(q)),
    loads: (items: unknown[]) => answerBatch(items, LoadsQuerySchema, (q) => answerLoadsQuery(tables, q)),
  };
}

/** Throws the validation error that makes a batch command exit 3 when any element failed. */
export function batchFailure(result: BatchResult<unknown>, file: string): DomainError | null {
  if (result.failures.length === 0) return null;
  return new DomainError(
    "validation",
    `${file}: ${result.failures.length} of ${result.answers.length} queries failed (their slots hold the error)`,
    result.failures.map((f) => ({ file, field: `[${f.index}]`, reason: f.error })),
  );
}

// ---------------------------------------------------------------------------------------------
// Call options and text output

export interface CallFlags {
  method?: string;
  gwp?: string;
  seaMargin?: string;
  loadBasedBsfc?: boolean;
  llaf?: string;
  auxLoads?: string;
  law?: string;
  lngEngine?: string;
  tier3Rule?: boolean;
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!hit) throw new DomainError("validation", `--${flag}: one of ${allowed.join(", ")}, not ${value}`);
  return hit;
}

/** Command-line flags → options (unset flags keep the defaults). */
export function callOptionsFromFlags(f: CallFlags): Partial<OgvOptions> {
  const o: Partial<OgvOptions> = {};
  const method = oneOf("method", f.method, OGV_METHODS);
  if (method) o.method = method;
  const gwp = oneOf("gwp", f.gwp, GWP_SETS);
  if (gwp) o.gwp = gwp;
  if (f.seaMargin !== undefined) {
    const v = Number(f.seaMargin);
    if (f.seaMargin.trim() === "" || !Number.isFinite(v) || v < 0 || v > 100)
      throw new DomainError("validation", `--sea-margin: a percentage 0–100, not ${f.seaMargin}`);
    o.seaMarginPct = v;
  }
  if (f.loadBasedBsfc) o.loadBasedBsfc = true;
  const llaf = oneOf("llaf", f.llaf, LLAF_METHODS);
  if (llaf) o.llafMethod = llaf;
  const aux = oneOf("aux-loads", f.auxLoads, AUX_LOAD_METHODS);
  if (aux) o.auxLoadTable = aux;
  const law = oneOf("law", f.law, POWER_LAWS);
  if (law) o.law = law;
  const lng = oneOf("lng-engine", f.lngEngine, LNG_ENGINE_TYPES);
  if (lng) o.lngEngine = lng;
  if (f.tier3Rule === false) o.tier3LowLoadRule = false;
  return o;
}

const fmt = (v: number, digits: number) =>
  v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kg = (g: number) => fmt(convertMassG(g, "kg"), 1);
const tonnes = (g: number) => fmt(convertMassG(g, "t"), 2);

/** A readable summary of a call's emissions: one row per segment, totals, grid and warnings. */
export function callEmissionsText(r: CallEmissions): string {
  const v = r.vessel;
  const o = r.options;
  const head = [
    `Call ${r.callId ?? "(no id)"} at ${r.port}: ${v.name ?? "?"}${v.imo ? ` (IMO ${v.imo})` : ""}, ${v.shipType ?? "ship type unknown"}${v.subType ? ` ${v.subType}` : ""}`,
    `Engine ${r.engine.type} Tier ${r.engine.tier}, aux ${r.engine.auxType} Tier ${r.engine.auxTier}; ${r.location} (${r.locationSource}); fuel main ${r.engine.fuel.main}, aux ${r.engine.fuel.aux}, boiler ${r.engine.fuel.boiler}`,
    `Method ${r.method} (${r.methodVersion}); GWP ${o.gwp}; ${o.law} law, sea margin ${o.seaMarginPct} %; ${o.loadBasedBsfc ? "load-based" : "baseline"} BSFC; LLAF ${o.llafMethod}; loads ${o.auxLoadTable} ${r.loads.subType}`,
    "",
  ];
  const row = (label: string, g: PollutantGrams, rest: string[]) => [
    label,
    ...rest,
    kg(g.nox),
    kg(g.pm25),
    kg(g.dpm),
    kg(g.so2),
    tonnes(g.co2),
    tonnes(g.co2e),
  ];
  const rows = r.segments.map((s) =>
    row(s.mode, s.grams, [
      s.startAt.slice(0, 16).replace("T", " "),
      fmt(s.durationH, 2),
      s.meanSpeedKn === null ? "" : fmt(s.meanSpeedKn, 1),
      fmt(s.loadFactor, 3),
      fmt(s.propulsionKw, 0),
      fmt(s.auxKw, 0),
      fmt(s.boilerKw, 0),
    ]),
  );
  rows.push(
    row("total", r.totals.tailpipe, [
      "",
      fmt(
        r.segments.reduce((h, s) => h + s.durationH, 0),
        2,
      ),
      "",
      "",
      "",
      "",
      "",
    ]),
  );
  const table = formatTable(
    [
      "mode",
      "start (UTC)",
      "h",
      "kn",
      "LF",
      "main kW",
      "aux kW",
      "boiler kW",
      "NOx kg",
      "PM2.5 kg",
      "DPM kg",
      "SO2 kg",
      "CO2 t",
      "CO2e t",
    ],
    rows,
    { numeric: true },
  ).trimEnd();
  const grid = r.totals.grid;
  const tail = [
    "",
    `energy: main ${fmt(r.totals.energyKwh.main, 0)} kWh, aux ${fmt(r.totals.energyKwh.aux, 0)} kWh, boiler ${fmt(r.totals.energyKwh.boiler, 0)} kWh`,
    grid.kwh > 0
      ? `shore power (grid, reported apart): ${fmt(grid.kwh, 0)} kWh, ${grid.co2eGrams === null ? "no grid factor" : `${tonnes(grid.co2eGrams)} t CO2e`}`
      : "shore power: none",
    `unaccounted (mode unknown): ${fmt(r.totals.unaccountedH, 2)} h`,
    ...r.warnings.map((w) => `warning: ${ogvWarningText(w)}`),
  ];
  return `${[...head, table, ...tail].join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Commands

async function readInput(file: string | undefined): Promise<{ text: string; name: string }> {
  if (file !== undefined && file !== "-") {
    try {
      return { text: fs.readFileSync(file, "utf8"), name: file };
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
      throw new DomainError("not_found", `${file}: ${reason}`, [{ file, reason }]);
    }
  }
  if (process.stdin.isTTY)
    throw new DomainError("validation", "give a JSON file, or pipe a JSON array into stdin");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return { text: Buffer.concat(chunks).toString("utf8"), name: "stdin" };
}

const write = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

const BATCH_HELP = {
  factors: {
    description: "EPA emission factors for engine queries (JSON array in, JSON array out)",
    example: `[{"component":"main","engine":"SSD","location":"ECA","tier":2,"loadFactor":0.1,"loadBasedBsfc":false}]
answers: [{"fuel","sulfurPct","bsfcGPerKwh","efGPerKwh":{nox,hc,co,pm10,pm25,so2,co2,ch4,n2o},"llaf":{same keys}}]
component main|aux|boiler; engine SSD|MSD|MSD-ED|HSD|ST|GT|GT-ED|LNG; location ECA|OutsideECA|GreatLakes;
tier 0-3; optional loadFactor 0-1, loadBasedBsfc, lngEngine ("LNG-Otto MS" default). efGPerKwh is without
the low-load adjustment (Tier III below 25 % load already gets Tier II); llaf holds the multipliers.`,
  },
  power: {
    description: "propulsion power and load factor from speed (JSON array in, JSON array out)",
    example: `[{"law":"propeller","installedKw":55800,"speedKn":12,"refSpeedKn":26.5,"refSpeedType":"max","seaMarginPct":0}]
answers: [{"propulsionKw","loadFactor"}]; law propeller|admiralty (admiralty needs draftM and maxDraftM);
refSpeedType service (max speed = ref / 0.94) | max. LF is clamped to 0.02-1.0, 0 at rest.`,
  },
  loads: {
    description: "default auxiliary and boiler loads in kW (JSON array in, JSON array out)",
    example: `[{"method":"imo3","subType":"container.ship.8000","mode":"Berth"}]
answers: [{"auxKw","boilerKw"}]; method imo3|starcrest2016; subType as in the load table;
mode Transit|Maneuvering|Berth|Anchorage.`,
  },
} as const;

/**
 * Adds `factors`, `power`, `loads` and `call` to the `emissions` command group. `loadCallActivity`
 * builds a call's activity from the database (given by the CLI, which composes).
 */
export function registerOgvCalculatorCommands(
  emissions: Command,
  loadCallActivity: (id: string) => Promise<CallActivity>,
): void {
  for (const name of ["factors", "power", "loads"] as const) {
    const help = BATCH_HELP[name];
    emissions
      .command(name)
      .description(help.description)
      .argument("[file]", "JSON array of queries (default: stdin)")
      .addHelpText(
        "after",
        `\nExample query:\n${help.example}\n\nA bad query gets {"error": "<field>: <reason>"} in its slot; the command then exits 3.\n`,
      )
      .action(async (file: string | undefined) => {
        const input = await readInput(file);
        const items = parseQueryArray(input.text, input.name);
        const result = batchAnswerers(loadOgvTables())[name](items);
        write(result.answers);
        const failure = batchFailure(result, input.name);
        if (failure) throw failure;
      });
  }

  emissions
    .command("call")
    .description("emissions of one port call of an ocean-going vessel (JSON, or --text)")
    .argument("[id]", "call id (from the database)")
    .option("--input <file>", "read the call activity from a JSON file instead")
    .option(
      "--method <method>",
      `epa or imo4 (Fourth IMO GHG Study for CO2, CH4, N2O); default ${DEFAULT_OGV_OPTIONS.method}`,
    )
    .option("--gwp <set>", `AR4, AR5 or AR6; default ${DEFAULT_OGV_OPTIONS.gwp}`)
    .option(
      "--sea-margin <pct>",
      `sea margin on the propeller law, %; default ${DEFAULT_OGV_OPTIONS.seaMarginPct}`,
    )
    .option("--load-based-bsfc", "load-dependent BSFC for main engines (default: baseline)")
    .option(
      "--llaf <method>",
      `low-load adjustment: equation or table; default ${DEFAULT_OGV_OPTIONS.llafMethod}`,
    )
    .option(
      "--aux-loads <table>",
      `auxiliary / boiler loads: imo3 or starcrest2016; default ${DEFAULT_OGV_OPTIONS.auxLoadTable}`,
    )
    .option("--law <law>", `propeller or admiralty; default ${DEFAULT_OGV_OPTIONS.law}`)
    .option(
      "--lng-engine <type>",
      `LNG engine type (${LNG_ENGINE_TYPES.join(", ")}); default ${DEFAULT_OGV_OPTIONS.lngEngine}`,
    )
    .option("--no-tier3-rule", "do not give Tier III main engines below 25 % load the Tier II NOx factor")
    .option("--text", "a readable table per segment instead of JSON")
    .option("--json", "JSON output (the default)")
    .addHelpText(
      "after",
      "\nThe JSON result lists every option, the vessel as used (with each defaulted value and its source),\nthe engine, per segment the loads, energy, grams and a trace step per engine group and pollutant,\nthe totals (tailpipe, by component, shore power apart) and the tables read with their SHA-256.\n",
    )
    .action(async (id: string | undefined, flags: CallFlags & { input?: string; text?: boolean }) => {
      if ((id === undefined) === (flags.input === undefined))
        throw new DomainError("validation", "give either a call id or --input <file>");
      const options = callOptionsFromFlags(flags);
      let activity: CallActivity;
      if (flags.input !== undefined) {
        const input = await readInput(flags.input);
        let json: unknown;
        try {
          json = JSON.parse(input.text);
        } catch (error) {
          const reason = `not JSON: ${error instanceof Error ? error.message : String(error)}`;
          throw new DomainError("validation", `${input.name}: ${reason}`, [{ file: input.name, reason }]);
        }
        activity = parseCallActivity(json, input.name);
      } else activity = await loadCallActivity(id as string);
      const result = computeCallEmissions(loadOgvTables(), activity, options);
      if (flags.text) process.stdout.write(callEmissionsText(result));
      else write(result);
    });
}
