/** HTTP routes of the port registry (mounted by server/). */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { defineRoute, RequestInvalid, type RouteDef } from "../core/http.ts";
import { parseUnLocode } from "../core/ids.ts";
import type { PortStore } from "./model.ts";
import { portDetail, portSummary } from "./view.ts";

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

export function portRoutes(ports: PortStore): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports",
      operationId: "listPorts",
      summary: "List the ports this node knows",
      tags: ["ports"],
      access: ["public"],
      cache: () => "data",
      response: z.object({ ports: z.array(portSummarySchema) }),
      handler: async () => ({ ports: (await ports.listPorts()).map(portSummary) }),
    }),
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode",
      operationId: "getPort",
      summary: "One port with its terminals, berths and geography (GeoJSON)",
      tags: ["ports"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ locode: z.string().describe("UN/LOCODE, e.g. USLAX") }),
      response: portDetailSchema,
      handler: async ({ params }) => {
        const parsed = parseUnLocode(params.locode);
        if (!parsed.ok) throw new RequestInvalid("locode", params.locode, { rule: "locode" });
        const port = await ports.getPort(parsed.value);
        if (!port) throw new DomainError("not_found", `no port ${parsed.value} on this node`);
        return portDetail(port);
      },
    }),
  ];
}
