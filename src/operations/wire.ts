/**
 * The operations capability's HTTP shapes. Each zod schema is the one definition; the portal
 * imports the derived types. Durations carry their unit in the name (minutes for truck times,
 * hours for dwell and berth times); local periods are the port's calendar ("2026-03-01",
 * "2026-03-01T13" for the hour starting 13:00 local).
 */
import { z } from "zod";
import { EVENT_CLASSIFIERS, EVENT_SOURCES, EVENT_TYPES, TRANSPORT_MODES } from "./model.ts";

const isoTime = z.string().describe("UTC instant (ISO 8601)");
const share = z.number().nullable().describe("0..1; null when nothing to divide by");

export const dwellStatsSchema = z.object({
  count: z.number().int().describe("import dwells completed in the period (discharge → exit)"),
  meanH: z.number().nullable(),
  medianH: z.number().nullable().describe("from 1-hour bins: the lower edge of the bin holding the median"),
  p90H: z.number().nullable(),
  over5d: z.number().int(),
  over9d: z.number().int(),
  over5dShare: share,
  over9dShare: share,
});

export const durationStatsSchema = z.object({
  count: z.number().int(),
  meanMin: z.number().nullable(),
  p50Min: z
    .number()
    .nullable()
    .describe("from 1-minute bins: the lower edge of the bin holding the quantile"),
  p90Min: z.number().nullable(),
  p95Min: z.number().nullable(),
});

export const periodSchema = z.object({
  period: z.string().describe("local date, or local date and hour (by=hour)"),
  truckVisits: z.number().int(),
  gateMovesIn: z.number().int(),
  gateMovesOut: z.number().int(),
  gateEvents: z.number().int().describe("DCSA / EDIFACT gate-in and gate-out events"),
  turnMeanMin: z.number().nullable(),
  queueMeanMin: z.number().nullable(),
  dwellCount: z.number().int(),
  dwellMeanH: z.number().nullable(),
  vesselMoves: z.number().int(),
  railMoves: z.number().int(),
});

export const terminalKpiSchema = z.object({
  terminal: z.string().describe('terminal id of the port registry; "" when the data named none'),
  dwell: z.object({ all: dwellStatsSchema, truck: dwellStatsSchema, rail: dwellStatsSchema }),
  boxesInYard: z
    .object({ over5d: z.number().int(), over9d: z.number().int() })
    .describe("laden import boxes discharged and not yet out, longer than 5 / 9 days before `to`"),
  turn: z.object({
    visits: z.number().int(),
    turn: durationStatsSchema.describe("queue arrival → gate-out (visits whose queue arrival is known)"),
    queue: durationStatsSchema.describe("queue arrival → gate-in"),
    inTerminal: durationStatsSchema.describe("gate-in → gate-out (every visit)"),
  }),
  gate: z.object({
    truckVisits: z.number().int(),
    movesIn: z.number().int(),
    movesOut: z.number().int(),
    gateInEvents: z.number().int(),
    gateOutEvents: z.number().int(),
  }),
  troubleTickets: z.object({ known: z.number().int(), tickets: z.number().int(), rate: share }),
  vesselMoves: z.object({ discharges: z.number().int(), loads: z.number().int() }),
  railMoves: z.object({ loads: z.number().int(), discharges: z.number().int() }),
  series: z.array(periodSchema),
});

export const callOperationsSchema = z.object({
  callId: z.string(),
  vesselName: z.string().nullable(),
  imo: z.number().int().nullable(),
  terminal: z.string().nullable(),
  berthArrivalAt: isoTime,
  berthDepartureAt: isoTime,
  berthHours: z.number(),
  moves: z.number().int().describe("container discharges and loads of the vessel at the port while at berth"),
  movesPerBerthHour: z.number().nullable(),
  etaAt: isoTime.nullable().describe("the AIS ETA the call carries"),
  arrivalDeviationH: z.number().nullable().describe("berth arrival − ETA, hours (late positive)"),
  anchorageWaitH: z.number(),
});

export const scheduleReliabilitySchema = z.object({
  calls: z.number().int(),
  withEta: z.number().int(),
  onTime: z.number().int().describe("berth arrival within ±24 h of the ETA"),
  onTimeShare: share,
  meanAbsDeviationH: z.number().nullable(),
});

export const anchorageWaitingSchema = z.object({
  calls: z.number().int(),
  waited: z.number().int(),
  meanWaitH: z.number().nullable().describe("over every call (0 for those that did not wait)"),
  p90WaitH: z.number().nullable(),
});

export const operationsKpisSchema = z.object({
  port: z.string(),
  timeZone: z.string(),
  from: isoTime,
  to: isoTime,
  by: z.enum(["day", "hour"]),
  terminals: z.array(terminalKpiSchema),
  calls: z.array(callOperationsSchema),
  scheduleReliability: scheduleReliabilitySchema,
  anchorage: anchorageWaitingSchema,
});

/** The public view: port-level aggregates only (no container, company or vessel). */
export const operationsSummarySchema = z.object({
  port: z.string(),
  timeZone: z.string(),
  from: isoTime,
  to: isoTime,
  terminals: z.array(
    z.object({
      terminal: z.string(),
      truckVisits: z.number().int(),
      turn: durationStatsSchema,
      dwell: dwellStatsSchema,
      gateMoves: z.number().int(),
      vesselMoves: z.number().int(),
      railMoves: z.number().int(),
      troubleTicketRate: share,
    }),
  ),
  scheduleReliability: scheduleReliabilitySchema,
  anchorage: anchorageWaitingSchema,
});

const timelineEntrySchema = z.object({
  at: isoTime,
  kind: z.enum(["event", "gate", "rail"]),
  code: z.string().describe("DCSA event code; gate: in / out; rail: load / discharge"),
  eventType: z.enum(EVENT_TYPES).nullable(),
  classifier: z.enum(EVENT_CLASSIFIERS).nullable(),
  source: z.enum(EVENT_SOURCES).nullable(),
  port: z.string().nullable(),
  terminal: z.string().nullable(),
  mode: z.enum(TRANSPORT_MODES).nullable(),
  vesselName: z.string().nullable(),
  vesselImo: z.number().int().nullable(),
  emptyIndicator: z.enum(["EMPTY", "LADEN"]).nullable(),
  detail: z.string().nullable().describe("truck id, train id, document type…"),
  callId: z.string().nullable().describe("the port call this vessel event belongs to, when joinable"),
});

export const containerTimelineSchema = z.object({
  port: z.string(),
  reference: z.string(),
  containers: z.array(
    z.object({
      containerNumber: z.string(),
      isoEquipmentCode: z.string().nullable(),
      sizeFt: z.number().int().nullable(),
      transportDocumentReferences: z.array(z.string()),
      carrierBookingReferences: z.array(z.string()),
      timeline: z.array(timelineEntrySchema),
    }),
  ),
  /** Shipment (document) events of the references, which name no container. */
  documents: z.array(timelineEntrySchema),
});

export const ingestCountsSchema = z.object({
  runId: z.string(),
  read: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  rejectedByReason: z.record(z.string(), z.number().int()),
  rejects: z.array(
    z.object({ file: z.string(), line: z.number().int(), field: z.string(), reason: z.string() }),
  ),
});

const boxSize = z.union([z.literal(20), z.literal(40), z.literal(45)]).describe("nominal box length, ft");

export const importForecastSchema = z.object({
  port: z.string(),
  asOf: isoTime.describe("the instant the forecast looks ahead from"),
  computedAt: isoTime.describe("when it was computed (when data arrived, or on the 5-minute tick)"),
  weeks: z.array(z.object({ week: z.string().describe("ISO 8601 week, e.g. 2026-W47"), start: isoTime })),
  cells: z
    .array(
      z.object({
        week: z.string(),
        terminal: z.string(),
        sizeFt: boxSize,
        mode: z.enum(["truck", "rail"]),
        boxes: z.number().describe("laden import boxes expected (a mean: may be fractional)"),
      }),
    )
    .describe("boxes expected by week (of the call's arrival), terminal, size and mode"),
  calls: z
    .array(
      z.object({
        imo: z.number().int().nullable(),
        voyage: z.string().nullable(),
        terminal: z.string(),
        eta: isoTime,
        basis: z
          .enum(["manifest", "vessel_history", "terminal_mean", "none"])
          .describe(
            "manifest: planned discharges; vessel_history: the vessel's mean at the terminal; terminal_mean: the terminal's mean per call",
          ),
        boxes: z.number(),
      }),
    )
    .describe("the expected calls the forecast adds up"),
});

const returnStatus = z
  .enum(["open", "closed", "unknown"])
  .describe("unknown: no rule published for that day");

export const emptyReturnBoardSchema = z.object({
  port: z.string(),
  refreshedAt: isoTime.describe("the 5-minute tick the board reflects"),
  computedAt: isoTime,
  today: z.string().describe("local date"),
  tomorrow: z.string().describe("local date"),
  rows: z.array(
    z.object({
      terminal: z.string(),
      sizeFt: boxSize,
      line: z.string().describe("carrier code (SCAC / owner code)"),
      today: returnStatus,
      tomorrow: returnStatus,
    }),
  ),
  alerts: z
    .array(
      z.object({
        kind: z.enum(["stopped_accepting", "resumed_accepting"]),
        terminal: z.string(),
        day: z.string(),
        sizeFt: boxSize,
        line: z.string(),
        at: isoTime,
      }),
    )
    .describe("changes published in the 24 hours before the tick, newest first"),
});

export const boxAvailabilitySchema = z.object({
  containerNumber: z.string(),
  status: z.enum(["expected", "not_discharged", "on_hold", "available", "picked_up"]),
  reasons: z.array(z.string()).describe("codes, e.g. customs_hold, released, past_last_free_day, gated_out"),
  terminal: z.string().nullable(),
  dischargedAt: isoTime.nullable(),
  expectedAt: isoTime.nullable().describe("planned or estimated discharge, when not discharged yet"),
  holds: z.array(
    z.object({
      kind: z.enum(["customs", "freight", "line"]),
      reference: z.string().describe("the B/L or box the hold was placed on"),
      since: isoTime,
    }),
  ),
  releasedAt: isoTime.nullable(),
  lastFreeDay: z.string().nullable().describe("local date, when the terminal gave one"),
});

export const availabilitySchema = z.object({
  port: z.string(),
  asOf: isoTime,
  boxes: z.array(boxAvailabilitySchema),
  unknown: z.array(z.string()).describe("container numbers with nothing stored at this port"),
});

export type DwellStats = z.output<typeof dwellStatsSchema>;
export type DurationStats = z.output<typeof durationStatsSchema>;
export type OperationsPeriod = z.output<typeof periodSchema>;
export type TerminalKpis = z.output<typeof terminalKpiSchema>;
export type CallOperations = z.output<typeof callOperationsSchema>;
export type ScheduleReliability = z.output<typeof scheduleReliabilitySchema>;
export type AnchorageWaiting = z.output<typeof anchorageWaitingSchema>;
export type OperationsKpis = z.output<typeof operationsKpisSchema>;
export type OperationsSummary = z.output<typeof operationsSummarySchema>;
export type ContainerTimeline = z.output<typeof containerTimelineSchema>;
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type OperationsIngestReply = z.output<typeof ingestCountsSchema>;
export type ImportForecastReply = z.output<typeof importForecastSchema>;
export type EmptyReturnBoardReply = z.output<typeof emptyReturnBoardSchema>;
export type BoxAvailabilityReply = z.output<typeof boxAvailabilitySchema>;
export type AvailabilityReply = z.output<typeof availabilitySchema>;

/** GET /api/ports/{locode}/operations/truck-visits: truck visits and their turn times. */
export const truckVisitsSchema = z.object({
  port: z.string(),
  from: isoTime,
  to: isoTime,
  visits: z
    .array(
      z.object({
        visitId: z.string(),
        terminal: z.string(),
        truckId: z.string(),
        licencePlate: z.string().nullable(),
        carrierScac: z.string().nullable().describe("the trucking company's SCAC, when the gate recorded it"),
        queueArrival: isoTime.nullable(),
        gateIn: isoTime,
        gateOut: isoTime,
        turnMin: z.number().nullable().describe("queue arrival → gate-out, minutes (null: queue not seen)"),
        inTerminalMin: z.number().describe("gate-in → gate-out, minutes"),
        appointmentId: z.string().nullable(),
        troubleTicket: z.boolean().nullable(),
        moves: z.array(z.object({ containerNumber: z.string(), direction: z.enum(["in", "out"]) })),
      }),
    )
    .describe("newest gate-in first"),
  meanTurnMin: z.number().nullable().describe("mean of turnMin over the visits that have one"),
  meanInTerminalMin: z.number().nullable(),
  truncated: z.boolean().describe("more visits in the window than `limit`: narrow the window"),
});
export type TruckVisitsReply = z.output<typeof truckVisitsSchema>;
