/** HTTP routes of the AIS capability: vessels on the map, a vessel's particulars and its track. */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { dateOrInstantSchema, defineRoute, RequestInvalid, type RouteDef } from "../core/http.ts";
import { parseMmsi } from "../core/ids.ts";
import { dateOrInstantS, SECONDS_PER_DAY } from "../core/time.ts";
import {
  type DefaultEngineTable,
  mergeVesselStatics,
  particularsFromAis,
  vesselsOnMap,
} from "../vessels/index.ts";
import type { AisStore } from "./track-store.ts";
import { readTrack } from "./tracks.ts";

export interface AisRouteDeps {
  ais: AisStore;
  /** Default engine table, to estimate particulars of vessels known only from AIS. */
  particularsDefaults: DefaultEngineTable;
  /** The area a port's map covers, [minLon, minLat, maxLon, maxLat]; undefined for an unknown port. */
  portRegion(locode: string): Promise<[number, number, number, number] | undefined>;
}

const SHIP_TYPE_GROUPS = [
  "cargo",
  "tanker",
  "passenger",
  "tug",
  "pilot",
  "fishing",
  "pleasure",
  "high_speed",
  "special",
  "other",
  "unknown",
] as const;
const MAX_TRACK_DAYS = 31;

const iso = (timeS: number) => new Date(timeS * 1000).toISOString();

const vesselOnMapSchema = z.object({
  mmsi: z.number().int(),
  time: z.string().describe("UTC instant of the report (ISO 8601)"),
  latDeg: z.number(),
  lonDeg: z.number(),
  sogKnots: z.number().nullable(),
  cogDeg: z.number().nullable(),
  headingDeg: z.number().nullable(),
  navStatus: z.number().int().nullable(),
  name: z.string().nullable(),
  imo: z.number().int().nullable(),
  shipType: z.number().int().nullable(),
  shipTypeGroup: z.enum(SHIP_TYPE_GROUPS),
  aisClass: z.enum(["A", "B"]),
  lengthM: z.number().nullable(),
  destination: z.string().nullable().describe("as broadcast in AIS type 5"),
});

const vesselRecordSchema = z.object({
  mmsi: z.number().int(),
  imo: z.number().int().nullable(),
  name: z.string().nullable(),
  callsign: z.string().nullable(),
  shipType: z.number().int().nullable(),
  shipTypeGroup: z.enum(SHIP_TYPE_GROUPS),
  aisClass: z.enum(["A", "B"]),
  lengthM: z.number().nullable(),
  beamM: z.number().nullable(),
  draughtM: z.number().nullable(),
  destination: z.string().nullable(),
  eta: z.string().nullable().describe("as broadcast: MM-DD HH:mm UTC, no year"),
  firstSeen: z.string(),
  lastSeen: z.string(),
  staticReports: z.number().int(),
  names: z.array(z.string()),
});

const staticHistorySchema = z.object({
  firstSeen: z.string(),
  lastSeen: z.string(),
  aisClass: z.enum(["A", "B"]),
  imo: z.number().int().nullable(),
  name: z.string().nullable(),
  callsign: z.string().nullable(),
  shipType: z.number().int().nullable(),
  lengthM: z.number().nullable(),
  beamM: z.number().nullable(),
  draughtM: z.number().nullable(),
  destination: z.string().nullable(),
  eta: z.string().nullable(),
});

const particularsSchema = z.object({
  origin: z
    .enum(["imported", "ais_defaults"])
    .describe("imported from a particulars file, or estimated from AIS type and size"),
  imo: z.number().int(),
  name: z.string().nullable(),
  shipType: z.string().nullable(),
  subType: z.string().nullable(),
  dwt: z.number().nullable(),
  teu: z.number().nullable(),
  grossTonnage: z.number().nullable(),
  buildYear: z.number().int().nullable(),
  mainEngineKw: z.number().nullable(),
  engineType: z.string().nullable(),
  engineStroke: z.number().int().nullable(),
  engineRpm: z.number().nullable(),
  serviceSpeedKn: z.number().nullable(),
  maxSpeedKn: z.number().nullable(),
  maxDraftM: z.number().nullable(),
  auxKw: z.number().nullable(),
  shorePower: z.boolean().nullable(),
  lengthM: z.number().nullable(),
  beamM: z.number().nullable(),
  defaulted: z.array(
    z.object({
      field: z.string(),
      value: z.union([z.string(), z.number(), z.boolean()]),
      source: z.string(),
    }),
  ),
});

const portVesselsSchema = z.object({
  locode: z.string(),
  asOf: z.string().nullable().describe("newest report in the area (UTC)"),
  vessels: z.array(vesselOnMapSchema),
});

const vesselDetailSchema = z.object({
  vessel: vesselRecordSchema,
  history: z.array(staticHistorySchema),
  latest: vesselOnMapSchema
    .omit({
      name: true,
      imo: true,
      shipType: true,
      shipTypeGroup: true,
      aisClass: true,
      lengthM: true,
      destination: true,
    })
    .nullable(),
  particulars: particularsSchema.nullable(),
});

/** A track as columns of equal length. */
const vesselTrackSchema = z.object({
  mmsi: z.number().int(),
  from: z.string(),
  to: z.string(),
  points: z.number().int(),
  timeS: z.array(z.number()).describe("epoch seconds, UTC"),
  lonDeg: z.array(z.number()),
  latDeg: z.array(z.number()),
  sogKnots: z.array(z.number().nullable()),
  cogDeg: z.array(z.number().nullable()),
  headingDeg: z.array(z.number().nullable()),
  navStatus: z.array(z.number().nullable()),
});

export type VesselOnMap = z.output<typeof vesselOnMapSchema>;
export type PortVessels = z.output<typeof portVesselsSchema>;
export type VesselDetail = z.output<typeof vesselDetailSchema>;
export type VesselTrack = z.output<typeof vesselTrackSchema>;

function mmsiParam(text: string): number {
  const parsed = parseMmsi(text);
  if (!parsed.ok) throw new RequestInvalid("mmsi", text, { rule: "mmsi" });
  return parsed.value;
}

export function aisRoutes(deps: AisRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: "GET",
      path: "/api/ports/:locode/vessels",
      operationId: "listPortVessels",
      summary: "Vessels in a port's area: the latest position of each, with what is known of it",
      tags: ["vessels"],
      // AIS is broadcast openly.
      access: ["public"],
      // "Recent" is counted back from the newest stored report, not from the clock.
      cache: () => "data",
      params: z.object({ locode: z.string() }),
      query: z.object({
        maxAgeHours: z.coerce
          .number()
          .positive()
          .max(24 * 366)
          .default(24)
          .describe("oldest report shown, counted back from the newest report in the area"),
      }),
      response: portVesselsSchema,
      handler: async ({ params, query }) => {
        const locode = params.locode.toUpperCase();
        const region = await deps.portRegion(locode);
        if (!region) throw new DomainError("not_found", `no port ${locode} on this node`);
        // "Live" is relative to the newest data, so a historical or demo data set shows a snapshot too.
        const all = await deps.ais.latestPositions(0, region);
        const newestS = all.reduce((m, p) => Math.max(m, p.timeS), 0);
        const recent = all.filter((p) => p.timeS >= newestS - query.maxAgeHours * 3600);
        const registry = mergeVesselStatics(await deps.ais.staticReports(recent.map((p) => p.mmsi)));
        return {
          locode,
          asOf: newestS > 0 ? iso(newestS) : null,
          vessels: vesselsOnMap(recent, registry).map(({ timeS, msgType: _msgType, ...v }) => ({
            ...v,
            time: iso(timeS),
          })),
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/vessels/:mmsi",
      operationId: "getVessel",
      summary:
        "A vessel: merged particulars from its AIS static broadcasts, their history, and its latest position",
      tags: ["vessels"],
      access: ["public"],
      cache: () => "data",
      params: z.object({ mmsi: z.string() }),
      response: vesselDetailSchema,
      handler: async ({ params }) => {
        const mmsi = mmsiParam(params.mmsi);
        const history = await deps.ais.staticHistory(mmsi);
        const latest = await deps.ais.latestPosition(mmsi);
        if (history.length === 0 && !latest)
          throw new DomainError("not_found", `no AIS data for MMSI ${mmsi}`);
        const record = mergeVesselStatics(history).get(mmsi);
        const { firstSeenS, lastSeenS, ...rest } = record ?? {
          mmsi,
          imo: null,
          name: null,
          callsign: null,
          shipType: null,
          shipTypeGroup: "unknown" as const,
          aisClass:
            latest && (latest.msgType === 18 || latest.msgType === 19) ? ("B" as const) : ("A" as const),
          lengthM: null,
          beamM: null,
          draughtM: null,
          destination: null,
          eta: null,
          firstSeenS: latest!.timeS,
          lastSeenS: latest!.timeS,
          staticReports: 0,
          names: [],
        };
        const [imported] = rest.imo !== null ? await deps.ais.particulars([rest.imo]) : [];
        const particulars = imported
          ? { origin: "imported" as const, ...imported }
          : rest.imo !== null
            ? {
                origin: "ais_defaults" as const,
                ...particularsFromAis(deps.particularsDefaults, {
                  imo: rest.imo,
                  name: rest.name,
                  aisShipType: rest.shipType,
                  lengthM: rest.lengthM,
                  beamM: rest.beamM,
                }),
              }
            : null;
        return {
          particulars,
          vessel: { ...rest, firstSeen: iso(firstSeenS), lastSeen: iso(lastSeenS) },
          history: history.map(
            ({
              mmsi: _m,
              contentHash: _h,
              firstSeenS: f,
              lastSeenS: l,
              toBowM: _b,
              toSternM: _s,
              toPortM: _p,
              toStarboardM: _sb,
              ...h
            }) => ({
              ...h,
              firstSeen: iso(f),
              lastSeen: iso(l),
            }),
          ),
          latest: latest
            ? (({ timeS, msgType: _t, mmsi: m, ...p }) => ({ ...p, mmsi: m, time: iso(timeS) }))(latest)
            : null,
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/api/vessels/:mmsi/track",
      operationId: "getVesselTrack",
      summary: "A vessel's track between two instants (columns: one array per field)",
      tags: ["vessels"],
      access: ["public"],
      // `to` defaults to the vessel's latest stored report (the clock only for a vessel never seen).
      cache: () => "data",
      params: z.object({ mmsi: z.string() }),
      query: z.object({
        from: dateOrInstantSchema()
          .optional()
          .describe("a date (its midnight UTC) or a date-time with an offset; default: 24 h before `to`"),
        to: dateOrInstantSchema()
          .optional()
          .describe(
            "a date (its midnight UTC) or a date-time with an offset; default: the vessel's latest report",
          ),
      }),
      response: vesselTrackSchema,
      handler: async ({ params, query }) => {
        const mmsi = mmsiParam(params.mmsi);
        const latest = await deps.ais.latestPosition(mmsi);
        const toS = query.to
          ? dateOrInstantS(query.to, "UTC")
          : (latest?.timeS ?? Math.floor(Date.now() / 1000));
        const fromS = query.from ? dateOrInstantS(query.from, "UTC") : toS - 24 * 3600;
        if (fromS > toS) throw new RequestInvalid("from", query.from, { rule: "beforeOther", other: "to" });
        if (toS - fromS > MAX_TRACK_DAYS * SECONDS_PER_DAY)
          throw new RequestInvalid("from", query.from, { rule: "maxRangeDays", maxDays: MAX_TRACK_DAYS });
        const track = await readTrack(deps.ais, mmsi, fromS, toS);
        return { mmsi, from: iso(fromS), to: iso(toS), points: track.timeS.length, ...track };
      },
    }),
  ];
}
