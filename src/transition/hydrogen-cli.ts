/**
 * `ze solar-h2`, `ze fueller`, `ze h2-regional`: the hydrogen-supply half of the transition
 * capability from the command line. Reference tables from data/reference/transition/ and the
 * user's files; `ze h2-regional` reads the ports' saved rollout scenarios from the store. Tables for people (en/ja), --json for machines.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { DomainError } from "../core/errors.ts";
import { formatIngestCounts } from "../core/ingest.ts";
import { formatTable } from "../core/text-table.ts";
import { utcOffsetMinutes } from "../core/time.ts";
import { loadPortRegistry } from "../geo/index.ts";
import type { OpenTransitionStore } from "./cli.ts";
import { simulateFueller, unitsDemandProfile } from "./fueller.ts";
import { demandForHours, parseHourlyDemandCsv } from "./hydrogen-demand.ts";
import { h2Msg } from "./hydrogen-messages.ts";
import { type SolarH2Params, type SolarH2Report, solarH2Report } from "./hydrogen-report.ts";
import type { CostInputs } from "./hydrogen-station.ts";
import {
  loadHydrogenTables,
  loadShippedSolarYear,
  readSolarFile,
  SHIPPED_SOLAR_FILES,
} from "./hydrogen-tables-io.ts";
import {
  linesFromEstimates,
  type PortHydrogenSeries,
  parseYearlyLinesCsv,
  type RegionalYearRow,
  regionalBalance,
  type YearlyLine,
} from "./regional-demand.ts";
import { regionalHydrogen, regionalSides } from "./scenario-service.ts";
import type { ParsedSolarYear, SolarSite } from "./tmy.ts";

const nf = (x: number, digits = 1) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (value.trim() === "" || !Number.isFinite(v))
    throw new DomainError("validation", `--${flag}: a number, not ${value}`, [
      { field: flag, reason: "not a number" },
    ]);
  return v;
}

function hours(value: string, flag: string): [number, number] {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  const a = m ? Number(m[1]) : Number.NaN;
  const b = m ? Number(m[2]) : Number.NaN;
  if (!m || !(a >= 0 && b <= 24 && a < b))
    throw new DomainError(
      "validation",
      `--${flag}: whole hours FROM-TO with 0 ≤ FROM < TO ≤ 24, not ${value}`,
    );
  return [a, b];
}

/** The port's place and standard UTC offset (offset in mid-January: standard time in the north). */
export function portSolarSite(port: string): SolarSite {
  const entry = loadPortRegistry().get(port);
  if (!entry) throw new DomainError("validation", `--port: unknown port ${port} (USLAX, JPNGO)`);
  const offsetMin = utcOffsetMinutes(new Date(Date.UTC(2025, 0, 15, 12)), entry.timeZone);
  return {
    name: entry.name.en,
    latitudeDeg: entry.center[1],
    longitudeDeg: entry.center[0],
    elevationM: 0,
    utcOffsetH: offsetMin / 60,
  };
}

/** The solar year for a port: the user's file, else the shipped one; Nagoya needs a file. */
export function solarYearFor(port: string, file: string | undefined): ParsedSolarYear {
  if (file !== undefined) return readSolarFile(file, portSolarSite(port));
  if (SHIPPED_SOLAR_FILES[port] === undefined)
    throw new DomainError("not_found", h2Msg("noSolarForPort", { port }));
  return loadShippedSolarYear(port);
}

/** A demand CSV (hour,kg); rejects printed, a file without usable rows is a validation error. */
function readDemandFile(file: string): Float64Array {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DomainError("not_found", `${file}: ${(e as Error).message}`);
  }
  const d = parseHourlyDemandCsv(text, file);
  if (d.counts.rejected > 0 || d.counts.duplicates > 0 || !d.kgPerH)
    process.stderr.write(`${h2Msg("solarRejected", { file, counts: formatIngestCounts(d.counts) })}\n`);
  for (const i of d.issues.slice(0, 20))
    process.stderr.write(
      `  ${[i.file, i.line, i.field].filter((x) => x !== undefined).join(":")}: ${i.reason}\n`,
    );
  if (!d.kgPerH) throw new DomainError("validation", `${file}: no usable demand row`, d.issues);
  return d.kgPerH;
}

function printSolarIssues(parsed: ParsedSolarYear, file: string): void {
  if (parsed.counts.rejected > 0 || parsed.counts.duplicates > 0 || !parsed.year)
    process.stderr.write(`${h2Msg("solarRejected", { file, counts: formatIngestCounts(parsed.counts) })}\n`);
  for (const i of parsed.issues.slice(0, 20))
    process.stderr.write(
      `  ${[i.file, i.line, i.field].filter((x) => x !== undefined).join(":")}: ${i.reason}\n`,
    );
  if (parsed.issues.length > 20) process.stderr.write(`  … ${parsed.issues.length - 20} more\n`);
}

/** The outputs as text (en/ja), as `ze solar-h2` prints them. */
export function formatSolarH2Report(r: SolarH2Report): string {
  const x = r.result;
  const c = r.cost;
  const out: string[] = [];
  out.push(h2Msg("solarHeading", { port: r.port, hours: x.hours.toLocaleString("en-US") }));
  out.push(
    h2Msg("solarSource", {
      file: r.solar.file,
      kind: r.solar.kind,
      site: r.solar.site,
      split: r.solar.irradianceSplit,
    }),
  );
  out.push(
    h2Msg("solarYield", { yield: nf(r.solar.annualPvKwhPerKwp, 0), poa: nf(r.solar.annualPoaKwhPerM2, 0) }),
  );
  out.push("", h2Msg("inputsHeading"));
  out.push(
    formatTable(
      [h2Msg("colInput"), h2Msg("colValue"), h2Msg("colUnit"), h2Msg("colSource")],
      r.inputs.map((i) => [i.name, String(i.value), i.unit, i.source]),
    ),
  );
  out.push(h2Msg("outputsHeading"));
  const rows: [string, string, string][] = [
    [h2Msg("pvKwh"), nf(x.pvKwh, 0), "kWh"],
    [h2Msg("electrolyserKwh"), nf(x.solarToElectrolyserKwh, 0), "kWh"],
    [h2Msg("curtailedKwh"), nf(x.curtailedKwh, 0), "kWh"],
    [h2Msg("gridKwh"), nf(x.gridKwh, 0), "kWh"],
    [h2Msg("gridCo2"), nf(x.gridKgCo2, 1), "kg CO2"],
    [h2Msg("producedKg"), nf(x.producedKg, 1), "kg"],
    [h2Msg("producedSolarKg"), nf(x.producedSolarKg, 1), "kg"],
    [h2Msg("producedGridKg"), nf(x.producedGridKg, 1), "kg"],
    [h2Msg("demandKg"), nf(x.demandKg, 1), "kg"],
    [h2Msg("dispensedKg"), nf(x.dispensedKg, 1), "kg"],
    [h2Msg("shortfallKg"), nf(x.shortfallKg, 1), "kg"],
    [h2Msg("shortfallHours"), String(x.shortfallHours), "h"],
    [h2Msg("storageEnd"), `${nf(x.storageStartKg, 2)} / ${nf(x.storageEndKg, 2)}`, "kg"],
    [h2Msg("storageFullHours"), String(x.storageFullHours), "h"],
    [h2Msg("capacityFactor"), nf(x.electrolyserCapacityFactor * 100, 1), "%"],
    [h2Msg("electrolyserHours"), String(x.electrolyserHours), "h"],
  ];
  out.push(formatTable([h2Msg("colResult"), h2Msg("colValue"), h2Msg("colUnit")], rows));
  out.push(h2Msg("costHeading", { currency: c.currency, year: c.priceYear }));
  const cur = c.currency;
  const digits = cur === "JPY" ? 0 : 2;
  out.push(
    formatTable(
      [h2Msg("colResult"), h2Msg("colValue"), h2Msg("colUnit")],
      [
        [h2Msg("capex"), nf(c.capex, 0), cur],
        [h2Msg("crf"), c.capitalRecoveryFactor.toFixed(6), "1/yr"],
        [h2Msg("annualCapital"), nf(c.annualCapital, 0), `${cur}/yr`],
        [h2Msg("annualOpex"), nf(c.annualOpex, 0), `${cur}/yr`],
        [h2Msg("annualGrid"), nf(c.annualGridEnergy, 0), `${cur}/yr`],
        [h2Msg("annualTotal"), nf(c.annualTotal, 0), `${cur}/yr`],
        [h2Msg("costPerKg"), c.costPerKg === null ? "-" : nf(c.costPerKg, digits), `${cur}/kg`],
      ],
    ),
  );
  if (c.costPerKg === null) out.push(h2Msg("noneDispensed"));
  return out.join("\n");
}

interface SolarOpts {
  port: string;
  tmy?: string;
  pvKwp?: string;
  electrolyserKw?: string;
  kwhPerKg?: string;
  minLoad?: string;
  storageKg?: string;
  storageStartKg?: string;
  demandKgPerDay?: string;
  openHours?: string;
  demand?: string;
  grid?: boolean;
  pvCapex?: string;
  electrolyserCapex?: string;
  storageCapex?: string;
  otherCapex?: string;
  gridPrice?: string;
  discountRate?: string;
  lifetimeYears?: string;
  currency?: string;
  priceYear?: string;
  hourly?: boolean;
  json?: boolean;
}

/** Options → parameters of solarH2Report (validation errors name the flag). */
export function solarParamsFromOptions(o: SolarOpts): SolarH2Params {
  const port = o.port.toUpperCase();
  const p: SolarH2Params = { port, gridTopUp: o.grid === true, keepHourly: o.hourly === true };
  const set = <K extends keyof SolarH2Params>(k: K, v: SolarH2Params[K] | undefined) => {
    if (v !== undefined) p[k] = v;
  };
  set("pvKwp", num(o.pvKwp, "pv-kwp"));
  set("electrolyserKw", num(o.electrolyserKw, "electrolyser-kw"));
  set("kwhPerKg", num(o.kwhPerKg, "kwh-per-kg"));
  set("minLoadFraction", num(o.minLoad, "min-load"));
  set("storageKg", num(o.storageKg, "storage-kg"));
  set("storageStartKg", num(o.storageStartKg, "storage-start-kg"));
  set("demandKgPerDay", num(o.demandKgPerDay, "demand-kg-per-day"));
  if (o.openHours !== undefined) [p.openFromH, p.openToH] = hours(o.openHours, "open-hours");
  const cost: Partial<CostInputs> = {};
  const setC = <K extends keyof CostInputs>(k: K, v: CostInputs[K] | undefined) => {
    if (v !== undefined) cost[k] = v;
  };
  setC("pvCapexPerKwp", num(o.pvCapex, "pv-capex"));
  setC("electrolyserCapexPerKw", num(o.electrolyserCapex, "electrolyser-capex"));
  setC("storageCapexPerKg", num(o.storageCapex, "storage-capex"));
  setC("otherCapex", num(o.otherCapex, "other-capex"));
  setC("gridPricePerKwh", num(o.gridPrice, "grid-price"));
  setC("discountRate", num(o.discountRate, "discount-rate"));
  setC("lifetimeYears", num(o.lifetimeYears, "lifetime-years"));
  setC("priceYear", num(o.priceYear, "price-year"));
  if (o.currency !== undefined) cost.currency = o.currency.toUpperCase();
  p.cost = cost;
  return p;
}

/** `--scenario PORT=name` flags → { PORT: name }; a port named twice: the last one holds. */
export function scenarioFlags(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([A-Za-z]{2}[A-Za-z2-9]{3})=(.+)$/.exec(v.trim());
    if (m === null)
      throw new DomainError("validation", h2Msg("scenarioFlag", { value: v }), [
        { field: "scenario", reason: "PORT=name" },
      ]);
    const port = m[1]!.toUpperCase();
    if (loadPortRegistry().get(port) === undefined)
      throw new DomainError("validation", `--scenario: unknown port ${port}`, [
        { field: "scenario", reason: `unknown port ${port}` },
      ]);
    out[port] = m[2]!;
  }
  return out;
}

/** `--ports FILE`: the ports' t/yr series written by hand (or by another tool). */
function readPortsFile(file: string): PortHydrogenSeries[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new DomainError("validation", `${file}: ${(e as Error).message}`, [{ file, reason: "not JSON" }]);
  }
  if (
    !Array.isArray(raw) ||
    !raw.every(
      (x) =>
        typeof x?.port === "string" &&
        Number.isInteger(x?.fromYear) &&
        Array.isArray(x?.tonnesPerYear) &&
        x.tonnesPerYear.every((t: unknown) => typeof t === "number" && t >= 0),
    )
  )
    throw new DomainError("validation", `${file}: expected [{port, fromYear, tonnesPerYear: [t ≥ 0 …]}]`, [
      { file, reason: "shape" },
    ]);
  return raw as PortHydrogenSeries[];
}

/** `--lines FILE`: other users and supply; rejects printed to stderr, none usable is an error. */
function readLinesFile(file: string): YearlyLine[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DomainError("not_found", `${file}: ${(e as Error).message}`);
  }
  const parsed = parseYearlyLinesCsv(text, file);
  if (parsed.counts.rejected > 0 || parsed.issues.length > 0 || parsed.counts.duplicates > 0) {
    process.stderr.write(`${h2Msg("solarRejected", { file, counts: formatIngestCounts(parsed.counts) })}\n`);
    for (const i of parsed.issues) process.stderr.write(`  ${i.file}:${i.line}:${i.field}: ${i.reason}\n`);
  }
  if (parsed.lines.length === 0)
    throw new DomainError("validation", `${file}: no usable line`, parsed.issues);
  return parsed.lines;
}

/**
 * The hydrogen-supply commands. `open` gives the store `ze h2-regional` reads the saved rollout
 * scenarios from (absent: only `--ports FILE` works).
 */
export function registerHydrogenCommands(ze: Command, open?: OpenTransitionStore): void {
  ze.command("solar-h2")
    .description(
      "solar-hydrogen station over a typical year: PV → electrolyser → storage → dispensing, grid top-up, levelised cost (inputs shown with sources)",
    )
    .option("--port <locode>", "USLAX (typical year shipped) or JPNGO (give --tmy)", "USLAX")
    .option(
      "--tmy <file>",
      "solar year: NREL TMY3, or CSV hour_utc,ghi_w_m2[,temp_air_c] / timestamp,pv_kw_per_kwp",
    )
    .option("--pv-kwp <n>", "PV size, kWp (default: Honda SHS Oirase row, 30)")
    .option("--electrolyser-kw <n>", "electrolyser rated input, kW (default 10, assumption)")
    .option("--kwh-per-kg <n>", "electrolyser system kWh per kg (default 55.6, FH2R)")
    .option("--min-load <fraction>", "minimum load as a fraction of the rating (default 0.1)")
    .option("--storage-kg <n>", "storage capacity, kg (default 19)")
    .option("--storage-start-kg <n>", "storage at the start of the year, kg (default 0)")
    .option("--demand-kg-per-day <n>", "dispensing demand, kg/day (default 1.5)")
    .option(
      "--demand <file>",
      "hourly demand CSV hour,kg (a 24-h profile or whole days, local standard time); replaces --demand-kg-per-day",
    )
    .option("--open-hours <from-to>", "hours the demand is spread over, local standard time (default 6-22)")
    .option("--grid", "top up from the grid when storage and solar cannot meet an hour's demand")
    .option("--pv-capex <n>", "PV capital cost per kWp (port's currency)")
    .option("--electrolyser-capex <n>", "electrolyser capital cost per kW")
    .option("--storage-capex <n>", "storage capital cost per kg")
    .option("--other-capex <n>", "other station capital cost (dispenser, civil works)")
    .option("--grid-price <n>", "grid electricity price per kWh")
    .option("--discount-rate <r>", "discount rate per year (0.06 = 6 %)")
    .option("--lifetime-years <n>", "economic life, years")
    .option("--currency <code>", "currency of the cost figures given (default: the port's)")
    .option("--price-year <year>", "price year of the cost figures given")
    .option(
      "--hourly",
      "with --json: add the hourly series (storage, produced, dispensed, shortfall, curtailed, grid)",
    )
    .option("--json", "machine-readable output")
    .action((o: SolarOpts) => {
      const params = solarParamsFromOptions(o);
      if (o.demand !== undefined) {
        params.demandKgPerH = readDemandFile(o.demand);
        params.demandSource = o.demand;
      }
      const parsed = solarYearFor(params.port, o.tmy);
      const file = parsed.year?.file ?? o.tmy ?? params.port;
      printSolarIssues(parsed, file);
      if (!parsed.year) throw new DomainError("validation", h2Msg("solarUnusable", { file }), parsed.issues);
      const report = solarH2Report(loadHydrogenTables(), parsed.year, params);
      if (o.json) {
        const { hourly, ...result } = report.result;
        const out = {
          ...report,
          result,
          ...(hourly
            ? {
                hourly: Object.fromEntries(
                  Object.entries(hourly).map(([k, v]) => [k, Array.from(v as Float32Array)]),
                ),
              }
            : {}),
          counts: parsed.counts,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatSolarH2Report(report)}\n`);
    });

  ze.command("fueller")
    .description(
      "mobile hydrogen fueller for equipment that cannot drive to a station (top handlers, RTGs): trips, kg per trip, utilisation, missed fills",
    )
    .option("--units <n>", "number of units served (with --kg-per-unit-hour)")
    .option("--kg-per-unit-hour <n>", "hydrogen use of one unit per working hour, kg/h")
    .option(
      "--demand <file>",
      "instead: hourly demand CSV hour,kg (a 24-h profile or whole days, local time)",
    )
    .requiredOption("--fill-kg <n>", "kg per fill (usable tank of one unit)")
    .requiredOption("--capacity-kg <n>", "usable kg the fueller carries per trip")
    .requiredOption("--one-way-h <n>", "drive station → site, hours")
    .requiredOption("--refill-h <n>", "refill of the fueller at the station, hours")
    .option("--fill-h <n>", "dispensing one fill, hours (Hyster FC top pick: 15 min)", "0.25")
    .option("--max-wait-h <n>", "longest a unit can wait for its fill, hours (assumption)", "1")
    .option("--work-hours <from-to>", "hours the equipment works each day", "6-22")
    .option("--shifts <list>", "fueller shifts, e.g. 6-14,14-22", "6-14,14-22")
    .option("--days <n>", "days modelled", "7")
    .option("--json", "machine-readable output")
    .action(
      (o: {
        units?: string;
        kgPerUnitHour?: string;
        demand?: string;
        fillKg: string;
        capacityKg: string;
        oneWayH: string;
        refillH: string;
        fillH: string;
        maxWaitH: string;
        workHours: string;
        shifts: string;
        days: string;
        json?: boolean;
      }) => {
        const [wf, wt] = hours(o.workHours, "work-hours");
        const days = num(o.days, "days")!;
        if (!(Number.isInteger(days) && days >= 1 && days <= 366))
          throw new DomainError("validation", `--days: a whole number 1 … 366, not ${o.days}`);
        const units = num(o.units, "units");
        const kgPerH = num(o.kgPerUnitHour, "kg-per-unit-hour");
        if (o.demand === undefined && (units === undefined || kgPerH === undefined))
          throw new DomainError("validation", "give --units and --kg-per-unit-hour, or --demand FILE");
        let demand: Float64Array;
        let r: ReturnType<typeof simulateFueller>;
        try {
          if (o.demand !== undefined) {
            const d = readDemandFile(o.demand);
            demand = d.length === 24 ? demandForHours(d, days * 24) : d;
          } else demand = unitsDemandProfile(units!, kgPerH!, wf, wt, days);
          r = simulateFueller({
            demandKgPerH: demand,
            fillSizeKg: num(o.fillKg, "fill-kg")!,
            fuellerCapacityKg: num(o.capacityKg, "capacity-kg")!,
            travelOneWayH: num(o.oneWayH, "one-way-h")!,
            refillAtStationH: num(o.refillH, "refill-h")!,
            fillDurationH: num(o.fillH, "fill-h")!,
            maxWaitH: num(o.maxWaitH, "max-wait-h")!,
            shifts: o.shifts.split(",").map((s) => hours(s, "shifts")),
          });
        } catch (e) {
          if (e instanceof RangeError) throw new DomainError("validation", e.message);
          throw e;
        }
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ inputs: o, result: r }, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `${
            o.demand !== undefined
              ? h2Msg("fuellerHeadingFile", { days: demand.length / 24, file: o.demand })
              : h2Msg("fuellerHeading", { days, units: units!, kgPerH: kgPerH!, work: o.workHours })
          }\n${formatTable(
            [h2Msg("colResult"), h2Msg("colValue"), h2Msg("colUnit")],
            [
              [h2Msg("requests"), String(r.requests), ""],
              [h2Msg("servedFills"), String(r.servedFills), ""],
              [h2Msg("missedFills"), String(r.missedFills), ""],
              [h2Msg("deliveredKg"), `${nf(r.deliveredKg, 1)} / ${nf(r.demandKg, 1)}`, "kg"],
              [h2Msg("trips"), String(r.trips), ""],
              [h2Msg("tripsPerDay"), nf(r.tripsPerDay, 2), "/day"],
              [h2Msg("kgPerTrip"), r.kgPerTrip === null ? "-" : nf(r.kgPerTrip, 1), "kg"],
              [h2Msg("utilisation"), nf(r.utilisation * 100, 1), "%"],
              [h2Msg("busyH"), `${nf(r.busyH, 2)} / ${nf(r.shiftH, 0)}`, "h"],
              [h2Msg("meanWait"), `${nf(r.meanWaitH, 2)} / ${nf(r.maxServedWaitH, 2)}`, "h"],
            ],
          )}`,
        );
      },
    );

  ze.command("h2-regional")
    .description(
      "hydrogen demand vs supply by year: the ports' saved rollout scenarios (t/yr) + the reference demand/supply lines (Chubu, Tri-Gen, FH2R …) — the figures of GET /api/transition/hydrogen-regional",
    )
    .option("--from <year>", "first year", "2025")
    .option("--to <year>", "last year", "2050")
    .option(
      "--scenario <PORT=name>",
      "a port's saved scenario (repeat per port); default per port: its first saved scenario by name, as the portal's regional view",
      (value: string, list: string[]) => [...list, value],
      [] as string[],
    )
    .option(
      "--ports <file>",
      'instead of saved scenarios: JSON array of {"port": "JPNGO", "fromYear": 2025, "tonnesPerYear": [..]}',
    )
    .option("--bound <low|high>", "which column of the estimates", "high")
    .option(
      "--lines <file>",
      "other users and supply as CSV name,kind,year,tonnes[,extend][,source] (kind demand|supply, extend none|hold), instead of the reference estimates",
    )
    .option("--json", "machine-readable output (with saved scenarios: the API's reply, plus the lines used)")
    .action(
      async (o: {
        from: string;
        to: string;
        scenario: string[];
        ports?: string;
        bound: string;
        lines?: string;
        json?: boolean;
      }) => {
        const from = num(o.from, "from")!;
        const to = num(o.to, "to")!;
        if (o.bound !== "low" && o.bound !== "high")
          throw new DomainError("validation", `--bound: low or high, not ${o.bound}`);
        const bound = o.bound;
        if (o.ports !== undefined && o.scenario.length > 0)
          throw new DomainError("validation", h2Msg("portsOrScenario"), [
            { field: "scenario", reason: "--ports given" },
          ]);
        const lines =
          o.lines !== undefined
            ? readLinesFile(o.lines)
            : linesFromEstimates(loadHydrogenTables().demand, bound);
        let rows: RegionalYearRow[];
        let used: { port: string; scenario: string }[] | null = null;
        if (o.ports !== undefined) {
          const ports = readPortsFile(o.ports);
          try {
            rows = regionalBalance(from, to, ports, lines);
          } catch (e) {
            if (e instanceof RangeError) throw new DomainError("validation", e.message);
            throw e;
          }
          if (o.json) {
            process.stdout.write(`${JSON.stringify({ lines, rows }, null, 2)}\n`);
            return;
          }
        } else {
          if (open === undefined) throw new Error("ze h2-regional: no store to read saved scenarios from");
          const chosen = scenarioFlags(o.scenario);
          const s = await open();
          try {
            const sides = await regionalSides(
              s.transition,
              loadPortRegistry()
                .list()
                .map((p) => p.locode),
              chosen,
            );
            used = sides;
            const reply =
              sides.length === 0
                ? { scenarios: [], bound, years: regionalBalance(from, to, [], lines) }
                : await regionalHydrogen(s.transition, sides, [], {
                    fromYear: from,
                    toYear: to,
                    bound,
                    lines,
                  });
            rows = reply.years;
            if (o.json) {
              process.stdout.write(`${JSON.stringify({ ...reply, lines }, null, 2)}\n`);
              return;
            }
          } catch (e) {
            if (e instanceof RangeError) throw new DomainError("validation", e.message);
            throw e;
          } finally {
            await s.close();
          }
        }
        process.stdout.write(
          `${h2Msg("regionalHeading")}\n${
            used === null
              ? ""
              : `${
                  used.length === 0
                    ? h2Msg("noScenarios")
                    : h2Msg("scenariosUsed", { list: used.map((u) => `${u.port}: ${u.scenario}`).join("; ") })
                }\n`
          }${formatTable(
            [
              h2Msg("colYear"),
              h2Msg("colPorts"),
              h2Msg("colOther"),
              h2Msg("colDemand"),
              h2Msg("colSupply"),
              h2Msg("colGap"),
            ],
            rows.map((r) => [
              String(r.year),
              nf(r.portsDemandT, 0),
              nf(r.otherDemandT, 0),
              nf(r.demandT, 0),
              nf(r.supplyT, 0),
              nf(r.gapT, 0),
            ]),
            { numeric: true },
          )}${h2Msg("linesUsed", { lines: lines.map((l) => (l.source ? `${l.name} [${l.source}]` : l.name)).join("; ") })}\n`,
        );
      },
    );
}
