/**
 * The fleet half of the transition capability's shapes (issue 13): equipment registry entries,
 * telemetry records and pilot scorecards. Each zod schema is the one definition; the TypeScript
 * types are derived from it and the portal imports those. Quantities carry their unit in the name
 * (kWh, kg H2, litres of diesel, hours, miles); instants are UTC seconds in the model and ISO 8601
 * UTC strings on the wire.
 */
import { z } from "zod";

/** Equipment categories: cargo-handling equipment (CHE) first, then on-road and other port sources. */
export const EQUIPMENT_CATEGORIES = [
  "yard_tractor",
  "top_handler",
  "rtg",
  "sts_crane",
  "straddle_carrier",
  "forklift",
  "side_handler",
  "drayage_truck",
  "harbor_craft",
  "locomotive",
] as const;
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number];

/** The CHE categories (they have a NONROAD diesel counterfactual through the emissions engine). */
export const CHE_CATEGORIES: readonly EquipmentCategory[] = [
  "yard_tractor",
  "top_handler",
  "rtg",
  "sts_crane",
  "straddle_carrier",
  "forklift",
  "side_handler",
];

export const POWERTRAINS = [
  "diesel",
  "hybrid",
  "battery",
  "fuel_cell",
  "hydrogen_ice",
  "lng",
  "renewable_diesel",
] as const;
export type Powertrain = (typeof POWERTRAINS)[number];

/** Powertrains with no carbon at the tailpipe. */
export const ZERO_EMISSION_POWERTRAINS: readonly Powertrain[] = ["battery", "fuel_cell", "hydrogen_ice"];

export const EQUIPMENT_STATUSES = ["planned", "pilot", "in_service", "retired"] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export const equipmentSchema = z.object({
  port: z
    .string()
    .regex(/^[A-Z]{2}[A-Z2-9]{3}$/)
    .describe("UN/LOCODE of the port"),
  unitId: z.string().min(1).max(64).describe("the owner's unit id; unique within the port"),
  category: z.enum(EQUIPMENT_CATEGORIES),
  powertrain: z.enum(POWERTRAINS),
  modelYear: z.number().int().nullable(),
  ratedPowerKw: z.number().positive().nullable().describe("rated engine or motor power, kW"),
  engineTier: z.string().nullable().describe('emission tier as given, e.g. "T4F", "Tier 4 final"'),
  owner: z.string().nullable().describe("owner / operator"),
  status: z.enum(EQUIPMENT_STATUSES),
  programme: z.string().nullable().describe("pilot or funding programme name"),
  replaces: z.string().nullable().describe("unit id (same port) of the diesel unit this one replaces"),
});
export type Equipment = z.infer<typeof equipmentSchema>;

export const telemetrySchema = z.object({
  port: z.string(),
  unitId: z.string(),
  periodStartS: z.number().int().describe("UTC seconds"),
  periodEndS: z.number().int().describe("UTC seconds, exclusive"),
  operatingH: z.number().nonnegative(),
  moves: z.number().nonnegative().nullable().describe("container moves (CHE)"),
  miles: z.number().nonnegative().nullable().describe("miles driven (trucks)"),
  chargedKwh: z.number().nonnegative().nullable(),
  h2Kg: z.number().nonnegative().nullable().describe("kg of hydrogen dispensed"),
  dieselL: z.number().nonnegative().nullable(),
  downtimeH: z.number().nonnegative(),
  downtimeReason: z.string().nullable(),
});
export type Telemetry = z.infer<typeof telemetrySchema>;

const withSource = z.object({ value: z.number(), source: z.string() });

export const pathwayEmissionsSchema = z.object({
  pathway: z.string().describe("hydrogen production pathway alias (grid electrolysis, solar, SMR)"),
  intensityKgCo2ePerKgH2: z.number().nullable(),
  intensitySource: z.string(),
  unitWtwKgCo2e: z.number().describe("the unit's well-to-wheel CO2e with this pathway"),
  avoidedWtwKgCo2e: z.number().nullable().describe("diesel counterfactual WTW − the unit's WTW"),
});

export const scorecardSchema = z.object({
  port: z.string(),
  unitId: z.string(),
  category: z.enum(EQUIPMENT_CATEGORIES),
  powertrain: z.enum(POWERTRAINS),
  programme: z.string().nullable(),
  replaces: z.string().nullable(),
  fromS: z.number().int().nullable(),
  toS: z.number().int().nullable(),
  records: z.number().int(),
  periodH: z.number(),
  operatingH: z.number(),
  downtimeH: z.number(),
  downtimeByReason: z.record(z.string(), z.number()),
  availability: z.number().nullable().describe("(period h − downtime h) / period h"),
  moves: z.number().nullable(),
  miles: z.number().nullable(),
  chargedKwh: z.number(),
  h2Kg: z.number(),
  dieselL: z.number(),
  energyKwh: z.number().describe("charged kWh + kg H2 × LHV (+ diesel L × LHV for hybrids)"),
  energyKwhPerH: z.number().nullable(),
  energyKwhPerMove: z.number().nullable(),
  energyKwhPerMile: z.number().nullable(),
  h2KgPer100Mi: z.number().nullable(),
  h2KgPerH: z.number().nullable(),
  fuelCostPerH: z
    .object({ value: z.number(), currency: z.string(), priceYear: z.number(), sources: z.array(z.string()) })
    .nullable(),
  fuelCostMissing: z.array(z.string()).describe("carriers used without a price"),
  dieselCounterfactual: z
    .object({
      method: z.enum(["measured_diesel_unit", "nonroad_engine", "energy_use_table"]),
      dieselL: z.number().nullable(),
      tailpipeCo2Kg: z.number(),
      wtwCo2eKg: z.number(),
      source: z.string(),
    })
    .nullable(),
  unitTailpipeCo2Kg: z.number(),
  avoidedTailpipeCo2Kg: z.number().nullable(),
  pathways: z.array(pathwayEmissionsSchema),
  constants: z.array(withSource.extend({ name: z.string() })),
  warnings: z.array(z.string()),
});
export type Scorecard = z.infer<typeof scorecardSchema>;
export type PathwayEmissions = z.infer<typeof pathwayEmissionsSchema>;

/** A rejected input record: file, line (1-based, header = 1), field and reason. */
export interface TransitionReject {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export const equipmentListSchema = z.object({
  port: z.string(),
  units: z.array(equipmentSchema),
});

export const portScorecardSummarySchema = z.object({
  port: z.string(),
  units: z.number().int(),
  operatingH: z.number(),
  h2Kg: z.number(),
  chargedKwh: z.number(),
  availability: z.number().nullable().describe("period-weighted over the units"),
  avoidedTailpipeCo2Kg: z.number(),
  avoidedWtwKgCo2eByPathway: z.record(z.string(), z.number()),
  unitsWithoutCounterfactual: z.number().int(),
});

export const scorecardsReplySchema = z.object({
  port: z.string(),
  fromS: z.number().int(),
  toS: z.number().int(),
  scorecards: z.array(scorecardSchema),
  summary: portScorecardSummarySchema,
});

/** Public: port-level aggregates only — no unit, owner or programme is named. */
export const fleetSummarySchema = z.object({
  port: z.string(),
  fromS: z.number().int(),
  toS: z.number().int(),
  fleetMix: z.array(
    z.object({
      category: z.enum(EQUIPMENT_CATEGORIES),
      powertrain: z.enum(POWERTRAINS),
      status: z.enum(EQUIPMENT_STATUSES),
      units: z.number().int(),
    }),
  ),
  pilots: portScorecardSummarySchema,
});

export const fleetIngestReplySchema = z.object({
  runId: z.string(),
  read: z.number().int(),
  accepted: z.number().int(),
  updated: z.number().int().describe("of the accepted, rows that replaced a stored row with other values"),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  rejectedByReason: z
    .record(z.string(), z.number().int())
    .describe("rejected records by their first bad field"),
  rejects: z.array(
    z.object({ file: z.string(), line: z.number().int(), field: z.string(), reason: z.string() }),
  ),
});
