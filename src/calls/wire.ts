/**
 * The calls capability's HTTP shapes. Each zod schema is the one definition: `PortCallRecord` (a
 * call as computed and stored) and the served `PortCall` are derived from the same fields, and the
 * portal imports the derived types.
 */
import { z } from "zod";
import { OPERATING_MODES } from "./model.ts";

const isoTime = z.string().describe("UTC instant (ISO 8601)");
const nullableIso = isoTime.nullable();

const berthStaySchema = z.object({
  berth: z.string(),
  terminal: z.string().nullable(),
  berthLabel: z.string().nullable(),
  port: z.string(),
  berthDistanceM: z.number(),
  arrivalAt: isoTime,
  departureAt: isoTime,
  durationH: z.number(),
});

/** A port call as computed now (calls-1.1.0); times UTC ISO 8601. */
export const portCallRecordSchema = z.object({
  id: z.string(),
  port: z.string().describe("UN/LOCODE of the port whose berth was used (USLGB: a Long Beach terminal)"),
  // Set when `port` is a neighbour detected in this port's waters and AIS (San Pedro Bay: USLAX for
  // a Long Beach call); such calls are kept apart, under their own port, never counted here.
  neighbourOf: z.string().nullable(),
  mmsi: z.number().int(),
  imo: z.number().int().nullable(),
  vesselName: z.string().nullable(),
  shipType: z.number().int().nullable(),
  shipTypeGroup: z.string(),
  aisClass: z.enum(["A", "B"]),
  callsign: z.string().nullable(),
  lengthM: z.number().nullable(),
  terminal: z.string().nullable(),
  berth: z.string(),
  berthLabel: z.string().nullable(),
  // Metres between the first berth's drawn strip and where the ship lay (median; 0 = inside).
  berthDistanceM: z.number(),
  startAt: isoTime,
  endAt: isoTime,
  crossed40nmAt: nullableIso,
  crossed20nmAt: nullableIso,
  enteredPortAreaAt: nullableIso,
  anchoredFrom: nullableIso,
  anchoredTo: nullableIso,
  anchorages: z.array(
    z.object({ anchorage: z.string().nullable(), from: isoTime, to: isoTime, durationH: z.number() }),
  ),
  pilotBoardingAt: nullableIso,
  berthArrivalAt: isoTime,
  berthDepartureAt: isoTime.describe("departure from the first berth"),
  lastBerthDepartureAt: isoTime,
  leftPortAreaAt: nullableIso,
  anchorageWaitH: z.number(),
  timeAtBerthH: z.number(),
  berthShifts: z.number().int(),
  berths: z.array(berthStaySchema),
  speedZones: z.array(
    z.object({
      zone: z.string(),
      limitKn: z.number(),
      distanceNm: z.number(),
      compliantDistanceNm: z.number(),
      compliantShare: z.number().nullable(),
      maxSpeedKn: z.number(),
      enteredAt: nullableIso,
    }),
  ),
  arrivalObserved: z.boolean(),
  departureObserved: z.boolean(),
  // AIS type 5 destination and ETA broadcast before the berth arrival (ETA resolved to a year).
  destination: z.string().nullable(),
  etaAt: nullableIso,
  methodology: z.object({
    version: z.string(),
    options: z.object({
      modeRule: z.enum(["epa", "operational"]),
      berthMaxKn: z.number(),
      anchorMaxKn: z.number(),
      berthBufferM: z.number(),
      quayMaxDistanceM: z.number(),
      quayMaxDistanceMooredM: z.number(),
      quayMaxDistanceUncertainM: z.number(),
      stationaryMinS: z.number(),
      stationarySpreadM: z.number(),
      manoeuvringMaxLoadFactor: z.number(),
      defaultMaxSpeedKn: z.number(),
      manoeuvringMaxKn: z.number(),
      maxInterpolateGapS: z.number(),
      stationaryBridgeM: z.number(),
      maxImpliedSpeedKn: z.number(),
      jumpResetS: z.number(),
      jitterMaxS: z.number(),
      minBerthStayS: z.number(),
      visitBreakS: z.number(),
    }),
  }),
});

/** A call as served: calls stored before calls-1.1.0 lack the neighbour and berth-distance fields. */
export const callSchema = portCallRecordSchema.extend({
  neighbourOf: z
    .string()
    .nullable()
    .optional()
    .describe(
      "set when the call is at a neighbouring port detected in this port's waters (kept apart, not counted); absent on calls computed before calls-1.1.0",
    ),
  berthDistanceM: z
    .number()
    .optional()
    .describe(
      "metres from the drawn berth strip to where the ship lay (median; 0 inside); absent before calls-1.1.0",
    ),
  berths: z.array(berthStaySchema.partial({ port: true, berthDistanceM: true })),
});

export const callPageSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  calls: z.array(callSchema),
});

export const segmentSchema = z.object({
  mode: z.enum(OPERATING_MODES),
  zone: z.string().nullable(),
  start: isoTime,
  end: isoTime,
  durationH: z.number(),
  distanceNm: z.number(),
  meanSpeedKn: z.number(),
  maxSpeedKn: z.number(),
  reports: z.number().int(),
});

export const dcsaSchema = z.object({
  portCall: z.object({
    portCallID: z.string(),
    portVisitReference: z.string(),
    UNLocationCode: z.string(),
    vessel: z.object({
      vesselIMONumber: z.string().optional(),
      MMSINumber: z.string(),
      name: z.string().optional(),
      lengthOverall: z.number().optional(),
      dimensionUnit: z.literal("MTR").optional(),
      callSign: z.string().optional(),
      typeCode: z.string().optional(),
    }),
  }),
  portCallServices: z.array(
    z.object({
      terminalCallID: z.string(),
      portCallServiceID: z.string(),
      portCallServiceTypeCode: z.string(),
      portCallServiceEventTypeCode: z.string(),
      portCallPhaseTypeCode: z.string(),
      facilityTypeCode: z.string(),
      portCallServiceLocation: z.object({ locationName: z.string().optional(), UNLocationCode: z.string() }),
    }),
  ),
  timestamps: z.array(
    z.object({
      timestampID: z.string(),
      portCallServiceID: z.string(),
      classifierCode: z.enum(["ACT", "EST"]),
      dateTime: z.string(),
      remark: z.string().optional(),
    }),
  ),
});

export const callDetailSchema = z.object({
  call: callSchema,
  segments: z.array(segmentSchema),
  dcsa: dcsaSchema,
});

export const anchorageQueueSchema = z.object({
  port: z.string(),
  stepMinutes: z.number().int(),
  points: z.array(z.object({ time: isoTime, atAnchor: z.number().int() })),
});

export const speedComplianceSchema = z.object({
  port: z.string(),
  groupBy: z.enum(["vessel", "shipType"]),
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string().nullable(),
      zone: z.string(),
      limitKn: z.number(),
      calls: z.number().int(),
      distanceNm: z.number(),
      compliantDistanceNm: z.number(),
      compliantShare: z.number().nullable(),
    }),
  ),
});

export type PortCallRecord = z.output<typeof portCallRecordSchema>;
export type PortCall = z.output<typeof callSchema>;
export type CallPage = z.output<typeof callPageSchema>;
export type CallSegment = z.output<typeof segmentSchema>;
export type DcsaPortCall = z.output<typeof dcsaSchema>;
export type CallDetail = z.output<typeof callDetailSchema>;
export type AnchorageQueue = z.output<typeof anchorageQueueSchema>;
export type SpeedCompliance = z.output<typeof speedComplianceSchema>;
