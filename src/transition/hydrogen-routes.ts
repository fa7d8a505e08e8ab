/**
 * HTTP route of the solar-hydrogen station model:
 * - GET /api/ports/{locode}/transition/solar-h2   public — a model run on reference data and the
 *   caller's parameters; no stored or commercial data is read.
 * - GET /api/ports/{locode}/transition/fueller    public — the mobile fueller model on the caller's
 *   parameters only.
 * The port's typical year comes from the deps (data/reference/transition/ through
 * hydrogen-tables-io.ts when the server composes it); a port without one (Nagoya) answers
 * not_found with the reason.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { defineRoute, type RouteDef } from "../core/http.ts";
import { simulateFueller, unitsDemandProfile } from "./fueller.ts";
import { type SolarH2Params, solarH2Report } from "./hydrogen-report.ts";
import type { CostInputs } from "./hydrogen-station.ts";
import type { HydrogenTables } from "./hydrogen-tables.ts";
import { fuellerResultSchema, solarH2ReportSchema } from "./hydrogen-wire.ts";
import type { ParsedSolarYear } from "./tmy.ts";

export interface HydrogenRouteDeps {
  tables(): HydrogenTables;
  /** The port's shipped typical year; throws DomainError not_found when there is none. */
  solarYear(port: string): ParsedSolarYear;
  /** Ports the node knows (upper-case UN/LOCODE). */
  knowsPort(port: string): boolean;
}

const nonNeg = () => z.coerce.number().min(0).optional();
const flag = () =>
  z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1"));

export const solarH2Query = z.object({
  pvKwp: nonNeg().describe("PV size, kWp (default: Honda SHS Oirase row, 30)"),
  electrolyserKw: z.coerce
    .number()
    .positive()
    .optional()
    .describe("electrolyser rated input, kW (default 10)"),
  kwhPerKg: z.coerce
    .number()
    .positive()
    .optional()
    .describe("electrolyser system kWh/kg (default 55.6, FH2R)"),
  minLoad: z.coerce.number().min(0).max(1).optional().describe("minimum load, fraction of the rating"),
  storageKg: nonNeg().describe("storage capacity, kg (default 19)"),
  storageStartKg: nonNeg().describe("storage at the start of the year, kg"),
  demandKgPerDay: nonNeg().describe("dispensing demand, kg/day (default 1.5)"),
  openFromH: z.coerce
    .number()
    .int()
    .min(0)
    .max(23)
    .optional()
    .describe("demand from this hour (standard time)"),
  openToH: z.coerce.number().int().min(1).max(24).optional().describe("demand until this hour (exclusive)"),
  grid: flag().describe("grid top-up when storage and solar cannot meet an hour's demand"),
  pvCapexPerKwp: nonNeg(),
  electrolyserCapexPerKw: nonNeg(),
  storageCapexPerKg: nonNeg(),
  otherCapex: nonNeg(),
  gridPricePerKwh: nonNeg(),
  discountRate: z.coerce.number().min(0).max(1).optional(),
  lifetimeYears: z.coerce.number().min(1).max(100).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe("currency of the cost figures given"),
  priceYear: z.coerce.number().int().min(1990).max(2100).optional(),
  hourly: flag().describe(
    "add the 8,760 hourly series (storage, produced, dispensed, shortfall, curtailed, grid)",
  ),
});

/** Query → report parameters (pure, exported for tests). */
export function solarH2ParamsFromQuery(port: string, q: z.output<typeof solarH2Query>): SolarH2Params {
  const p: SolarH2Params = { port };
  const keys = [
    "pvKwp",
    "electrolyserKw",
    "kwhPerKg",
    "storageKg",
    "storageStartKg",
    "demandKgPerDay",
    "openFromH",
    "openToH",
  ] as const;
  for (const k of keys) if (q[k] !== undefined) p[k] = q[k];
  if (q.minLoad !== undefined) p.minLoadFraction = q.minLoad;
  if (q.grid !== undefined) p.gridTopUp = q.grid;
  if (q.hourly !== undefined) p.keepHourly = q.hourly;
  const cost: Partial<CostInputs> = {};
  const ck = [
    "pvCapexPerKwp",
    "electrolyserCapexPerKw",
    "storageCapexPerKg",
    "otherCapex",
    "gridPricePerKwh",
    "discountRate",
    "lifetimeYears",
    "priceYear",
  ] as const;
  for (const k of ck) if (q[k] !== undefined) cost[k] = q[k];
  if (q.currency !== undefined) cost.currency = q.currency;
  p.cost = cost;
  return p;
}

const SHIFT = /^(\d{1,2})-(\d{1,2})$/;

export const fuellerQuery = z.object({
  units: z.coerce.number().int().min(0).max(1000).describe("units served (top handlers, RTGs …)"),
  kgPerUnitHour: z.coerce
    .number()
    .min(0)
    .max(100)
    .describe("hydrogen use of one unit per working hour, kg/h"),
  fillKg: z.coerce.number().positive().max(1000).describe("kg per fill (usable tank of one unit)"),
  capacityKg: z.coerce.number().positive().max(10000).describe("usable kg the fueller carries per trip"),
  oneWayH: z.coerce.number().min(0).max(12).describe("drive station → site, h"),
  refillH: z.coerce.number().min(0).max(12).describe("refill at the station, h"),
  fillH: z.coerce
    .number()
    .min(0)
    .max(12)
    .default(0.25)
    .describe("dispensing one fill, h (Hyster FC top pick: 15 min)"),
  maxWaitH: z.coerce.number().min(0).max(48).default(1).describe("longest a unit can wait, h (assumption)"),
  workFromH: z.coerce.number().int().min(0).max(23).default(6),
  workToH: z.coerce.number().int().min(1).max(24).default(22),
  shifts: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}(,\d{1,2}-\d{1,2})*$/)
    .default("6-14,14-22")
    .describe("fueller shifts, local hours, e.g. 6-14,14-22"),
  days: z.coerce.number().int().min(1).max(31).default(7),
});

export function hydrogenRoutes(deps: HydrogenRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/solar-h2",
      operationId: "getSolarH2StationYear",
      summary:
        "Solar-hydrogen station over the port's typical year: kg produced and dispensed, shortfall, curtailment, grid top-up, electrolyser capacity factor, levelised cost — every input with its source",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: solarH2Query,
      response: solarH2ReportSchema,
      async handler({ params, query }) {
        const port = params.locode.toUpperCase();
        if (!deps.knowsPort(port)) throw new DomainError("not_found", `unknown port ${params.locode}`);
        const parsed = deps.solarYear(port);
        if (!parsed.year)
          throw new DomainError(
            "unavailable",
            `${port}: the shipped typical year is incomplete`,
            parsed.issues,
          );
        const report = solarH2Report(deps.tables(), parsed.year, solarH2ParamsFromQuery(port, query));
        const { hourly, ...result } = report.result;
        return {
          ...report,
          result,
          ...(hourly
            ? {
                hourly: {
                  storageKg: Array.from(hourly.storageKg),
                  producedKg: Array.from(hourly.producedKg),
                  dispensedKg: Array.from(hourly.dispensedKg),
                  shortfallKg: Array.from(hourly.shortfallKg),
                  curtailedKwh: Array.from(hourly.curtailedKwh),
                  gridKwh: Array.from(hourly.gridKwh),
                },
              }
            : {}),
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/transition/fueller",
      operationId: "getMobileFuellerLogistics",
      summary:
        "Mobile hydrogen fueller for equipment that cannot drive to a station: trips per day, kg per trip, utilisation, missed fills",
      tags: ["transition"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: fuellerQuery,
      response: fuellerResultSchema,
      async handler({ params, query }) {
        const port = params.locode.toUpperCase();
        if (!deps.knowsPort(port)) throw new DomainError("not_found", `unknown port ${params.locode}`);
        const shifts = query.shifts.split(",").map((x) => {
          const m = SHIFT.exec(x)!;
          return [Number(m[1]), Number(m[2])] as const;
        });
        try {
          return simulateFueller({
            demandKgPerH: unitsDemandProfile(
              query.units,
              query.kgPerUnitHour,
              query.workFromH,
              query.workToH,
              query.days,
            ),
            fillSizeKg: query.fillKg,
            fuellerCapacityKg: query.capacityKg,
            travelOneWayH: query.oneWayH,
            refillAtStationH: query.refillH,
            fillDurationH: query.fillH,
            maxWaitH: query.maxWaitH,
            shifts,
          });
        } catch (e) {
          if (e instanceof RangeError) throw new DomainError("validation", e.message);
          throw e;
        }
      },
    }),
  ];
}
