/**
 * A small hand-made operations day at Los Angeles (zone America/Los_Angeles, PST = UTC−8 in January
 * 2026) whose KPIs are worked out by hand in src/operations/kpi.test.ts and the store test. Every
 * time is written in UTC with the local time beside it.
 */
import { iso6346CheckDigit } from "../../src/core/ids.ts";
import {
  type ContainerEvent,
  newContainerEvent,
  type ParsedOperations,
  type RailMove,
  type TruckVisit,
} from "../../src/operations/model.ts";

export const PORT = "USLAX";
export const ZONE = "America/Los_Angeles";
export const YTI = "uslax-terminal-yti";
export const IMO_CALL = 9_321_483;

const box = (owner: string, serial: string) => `${owner}${serial}${iso6346CheckDigit(owner + serial)}`;
export const BOX = {
  A: "CSQU3054383", // ISO 6346:1995 Annex A example number
  B: box("MSCU", "123456"),
  C: box("OOLU", "800002"),
  D: box("CMAU", "500003"),
  E: box("HLXU", "400004"),
  G: box("NYKU", "300005"),
  H: box("EGHU", "200006"),
  I: box("TCLU", "100007"),
  J: box("SEGU", "110009"),
  K: box("BMOU", "220001"),
  X: box("FCIU", "900008"),
};

const s = (iso: string) => Date.parse(iso) / 1000;

let n = 0;
/** An equipment event at YTI, laden 45G1 off a vessel unless the fields say otherwise. */
export function event(
  p: Partial<ContainerEvent> & Pick<ContainerEvent, "eventCode" | "eventAtS">,
): ContainerEvent {
  n++;
  return newContainerEvent({
    eventId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    source: "dcsa",
    eventType: "EQUIPMENT",
    port: PORT,
    terminal: YTI,
    isoEquipmentCode: "45G1",
    sizeFt: 40,
    emptyIndicator: "LADEN",
    mode: "VESSEL",
    ...p,
  });
}

function visit(
  id: string,
  queue: string | null,
  gateIn: string,
  gateOut: string,
  trouble: boolean | null,
  moves: TruckVisit["moves"],
): TruckVisit {
  return {
    visitId: id,
    port: PORT,
    terminal: YTI,
    truckId: `TRUCK-${id}`,
    licencePlate: null,
    queueArrivalS: queue === null ? null : s(queue),
    gateInS: s(gateIn),
    gateOutS: s(gateOut),
    appointmentId: null,
    troubleTicket: trouble,
    carrierScac: null,
    moves,
  };
}

const out = (containerNumber: string, empty = false) => ({
  containerNumber,
  direction: "out" as const,
  isoEquipmentCode: "45G1",
  sizeFt: 40 as const,
  emptyIndicator: empty ? ("EMPTY" as const) : ("LADEN" as const),
});

/** The day's records, in two parts (events before the gate, and the gate and rail). */
export function operationsDay(): { events: ContainerEvent[]; visits: TruckVisit[]; railMoves: RailMove[] } {
  n = 0;
  const vessel = { vesselImo: IMO_CALL, vesselName: "DEMO EXPRESS", mode: "VESSEL" as const };
  const events: ContainerEvent[] = [
    // The call (berth 2026-01-10T15:00Z – 2026-01-11T03:00Z): 3 discharges, 3 loads.
    event({
      eventCode: "DISC",
      eventAtS: s("2026-01-10T16:00:00Z"),
      containerNumber: BOX.A,
      ...vessel,
      transportDocumentReference: "BL-A-1",
      carrierBookingReference: "BKG-A",
    }), // 08:00 local
    event({ eventCode: "DISC", eventAtS: s("2026-01-10T17:30:00Z"), containerNumber: BOX.G, ...vessel }),
    event({ eventCode: "DISC", eventAtS: s("2026-01-10T20:00:00Z"), containerNumber: BOX.H, ...vessel }),
    event({ eventCode: "LOAD", eventAtS: s("2026-01-11T01:00:00Z"), containerNumber: BOX.I, ...vessel }),
    event({ eventCode: "LOAD", eventAtS: s("2026-01-11T02:00:00Z"), containerNumber: BOX.J, ...vessel }),
    event({ eventCode: "LOAD", eventAtS: s("2026-01-11T02:59:00Z"), containerNumber: BOX.K, ...vessel }),
    // Other vessels' discharges (no call known).
    event({
      eventCode: "DISC",
      eventAtS: s("2026-01-05T18:40:00Z"),
      containerNumber: BOX.B,
      vesselImo: 9_000_001,
    }), // 10:40 local
    event({
      eventCode: "DISC",
      eventAtS: s("2026-01-13T14:00:00Z"),
      containerNumber: BOX.D,
      vesselImo: 9_000_002,
    }), // 06:00 local
    event({
      eventCode: "DISC",
      eventAtS: s("2026-01-14T08:00:00Z"),
      containerNumber: BOX.E,
      vesselImo: 9_000_002,
    }), // 00:00 local
    // E leaves by truck as a DCSA gate-out event: 2026-01-15 12:00 local.
    event({ eventCode: "GTOT", eventAtS: s("2026-01-15T20:00:00Z"), containerNumber: BOX.E, mode: "TRUCK" }),
    // Not counted: a planned discharge, and A loaded at Shanghai before the voyage.
    event({
      eventCode: "DISC",
      classifier: "PLN",
      eventAtS: s("2026-01-12T00:00:00Z"),
      containerNumber: BOX.X,
    }),
    event({
      eventCode: "LOAD",
      eventAtS: s("2025-12-20T00:00:00Z"),
      containerNumber: BOX.A,
      port: "CNSHA",
      terminal: null,
      ...{ vesselImo: IMO_CALL, vesselName: "DEMO EXPRESS" },
      transportDocumentReference: "BL-A-1",
    }),
    // The B/L issued (a shipment event: no container).
    event({
      eventType: "SHIPMENT",
      eventCode: "ISSU",
      eventAtS: s("2025-12-18T00:00:00Z"),
      documentType: "TRD",
      transportDocumentReference: "BL-A-1",
      port: null,
      terminal: null,
      isoEquipmentCode: null,
      sizeFt: null,
      emptyIndicator: null,
      mode: null,
    }),
  ];
  const visits: TruckVisit[] = [
    // 2026-01-15 local: queue 08:00, gate-in 08:20, gate-out 09:05 → turn 65, queue 20, in 45 min.
    visit("V1", "2026-01-15T16:00:00Z", "2026-01-15T16:20:00Z", "2026-01-15T17:05:00Z", false, [out(BOX.A)]),
    // queue 09:00, in 09:40, out 10:30 → turn 90, queue 40, in 50; a trouble ticket; an export in.
    visit("V2", "2026-01-15T17:00:00Z", "2026-01-15T17:40:00Z", "2026-01-15T18:30:00Z", true, [
      { ...out(BOX.X), direction: "in" },
    ]),
    // queue 10:00, in 10:10, out 10:40 → turn 40, queue 10, in 30.
    visit("V3", "2026-01-15T18:00:00Z", "2026-01-15T18:10:00Z", "2026-01-15T18:40:00Z", false, [out(BOX.B)]),
    // queue not seen; in 11:00, out 11:25 → in 25 min; an empty picked up (no dwell).
    visit("V4", null, "2026-01-15T19:00:00Z", "2026-01-15T19:25:00Z", null, [out(BOX.C, true)]),
  ];
  const railMoves: RailMove[] = [
    {
      moveId: "R1",
      port: PORT,
      terminal: YTI,
      containerNumber: BOX.D,
      direction: "load",
      atS: s("2026-01-16T02:00:00Z"), // 2026-01-15 18:00 local (the UTC day is the 16th)
      trainId: "UP-1",
      railCarrier: "UP",
      inland: "USCHI",
      isoEquipmentCode: "45G1",
      sizeFt: 40,
      emptyIndicator: "LADEN",
    },
  ];
  return { events, visits, railMoves };
}

export function parsedOf(part: {
  events?: ContainerEvent[];
  visits?: TruckVisit[];
  railMoves?: RailMove[];
}): ParsedOperations {
  const events = part.events ?? [];
  const visits = part.visits ?? [];
  const railMoves = part.railMoves ?? [];
  return {
    events,
    visits,
    receivingRules: [],
    railMoves,
    rejects: [],
    read: events.length + railMoves.length + visits.reduce((k, v) => k + Math.max(1, v.moves.length), 0),
  };
}

/** Stores the whole day at Los Angeles (one input). */
export async function ingestDay(store: import("../../src/operations/store.ts").OperationsStore) {
  const { ingestOperations } = await import("../../src/operations/ingest.ts");
  return ingestOperations(store, parsedOf(operationsDay()), { file: "day.json", port: PORT, timeZone: ZONE });
}
