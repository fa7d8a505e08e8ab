/**
 * The port registry's HTTP shapes: each zod schema is the one definition, the types are derived
 * from it (view.ts builds them, routes.ts serves them, the portal imports the types).
 */
import { z } from "zod";

const localizedName = z.object({ en: z.string(), ja: z.string() });
const lonLat = z.tuple([z.number(), z.number()]);

export const portSummarySchema = z.object({
  locode: z.string().describe("UN/LOCODE"),
  name: localizedName,
  country: z.string().describe("ISO 3166-1 alpha-2"),
  timeZone: z.string().describe("IANA time zone of the port"),
  currency: z.string().describe("ISO 4217"),
  sisterPort: z.string().nullable(),
  center: lonLat.describe("[lon, lat] degrees WGS84"),
  zoom: z.number(),
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .describe("[minLon, minLat, maxLon, maxLat]"),
  terminalCount: z.number().int(),
  berthCount: z.number().int(),
});

const berthSchema = z.object({
  id: z.string(),
  berth: z.string(),
  name: localizedName,
  lengthM: z.number().nullable(),
  depthM: z.number().nullable(),
});

const terminalSchema = z.object({
  id: z.string(),
  name: localizedName,
  operator: z.string().nullable(),
  berthRange: z.string().nullable(),
  berths: z.array(berthSchema),
});

const featureCollectionSchema = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        geometry: z.object({ type: z.string(), coordinates: z.any() }),
        properties: z.record(z.string(), z.any()),
      }),
    ),
  })
  .loose();

export const portDetailSchema = portSummarySchema.extend({
  attribution: z.array(z.string()),
  terminals: z.array(terminalSchema),
  geojson: featureCollectionSchema,
});

export type PortSummary = z.output<typeof portSummarySchema>;
export type PortDetail = z.output<typeof portDetailSchema>;
export type TerminalView = z.output<typeof terminalSchema>;
export type BerthView = z.output<typeof berthSchema>;
