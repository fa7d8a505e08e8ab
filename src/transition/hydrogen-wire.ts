/**
 * Wire shapes of the hydrogen-supply routes (zod is the source; the portal imports the types).
 * Quantities carry their unit in the name; money carries currency and price year.
 */
import { z } from "zod";

const shownInput = z.object({
  name: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]),
  unit: z.string(),
  source: z
    .string()
    .describe('where the value came from: "given", or a reference table row and its confidence'),
});

const stationResult = z.object({
  hours: z.number().int(),
  pvKwh: z.number(),
  electrolyserKwh: z.number(),
  solarToElectrolyserKwh: z.number(),
  curtailedKwh: z.number(),
  gridKwh: z.number(),
  gridKgCo2: z.number(),
  producedKg: z.number(),
  producedSolarKg: z.number(),
  producedGridKg: z.number(),
  demandKg: z.number(),
  dispensedKg: z.number(),
  shortfallKg: z.number(),
  shortfallHours: z.number().int(),
  storageStartKg: z.number(),
  storageEndKg: z.number(),
  storageFullHours: z.number().int(),
  electrolyserCapacityFactor: z.number(),
  electrolyserHours: z.number().int(),
});

const costInputs = z.object({
  currency: z.string(),
  priceYear: z.number(),
  pvCapexPerKwp: z.number(),
  electrolyserCapexPerKw: z.number(),
  storageCapexPerKg: z.number(),
  otherCapex: z.number(),
  opexFractionPerYear: z.number(),
  discountRate: z.number(),
  lifetimeYears: z.number(),
  gridPricePerKwh: z.number(),
  pvKwp: z.number(),
  electrolyserRatedKw: z.number(),
  storageCapacityKg: z.number(),
  gridKwh: z.number(),
  dispensedKg: z.number(),
});

/** Hourly series of the year (index = hour of the year in the port's standard time). */
const hourlySeries = z.object({
  storageKg: z.array(z.number()),
  producedKg: z.array(z.number()),
  dispensedKg: z.array(z.number()),
  shortfallKg: z.array(z.number()),
  curtailedKwh: z.array(z.number()),
  gridKwh: z.array(z.number()),
});

export const solarH2ReportSchema = z.object({
  port: z.string(),
  solar: z.object({
    file: z.string(),
    kind: z.enum(["tmy3", "ghi_csv", "pv_csv"]),
    site: z.string(),
    irradianceSplit: z.string(),
    annualPvKwhPerKwp: z.number(),
    annualPoaKwhPerM2: z.number(),
  }),
  inputs: z.array(shownInput),
  result: stationResult,
  cost: z.object({
    currency: z.string(),
    priceYear: z.number(),
    capex: z.number(),
    capitalRecoveryFactor: z.number(),
    annualCapital: z.number(),
    annualOpex: z.number(),
    annualGridEnergy: z.number(),
    annualTotal: z.number(),
    costPerKg: z.number().nullable(),
    inputs: costInputs,
  }),
  grid: z.object({ kgCo2PerKwh: z.number(), label: z.string(), source: z.string() }),
  hourly: hourlySeries.optional(),
});
export type SolarH2ReportWire = z.infer<typeof solarH2ReportSchema>;

export const fuellerResultSchema = z.object({
  days: z.number().int(),
  requests: z.number().int(),
  servedFills: z.number().int(),
  missedFills: z.number().int(),
  deliveredKg: z.number(),
  demandKg: z.number(),
  trips: z.number().int(),
  tripsPerDay: z.number(),
  kgPerTrip: z.number().nullable(),
  busyH: z.number(),
  shiftH: z.number(),
  utilisation: z.number(),
  meanWaitH: z.number(),
  maxServedWaitH: z.number(),
});
export type FuellerResultWire = z.infer<typeof fuellerResultSchema>;
