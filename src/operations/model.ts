/**
 * The operations event model: what happens to a container, a truck and a train at a port, in one
 * shape whatever the input (DCSA Track & Trace 2.2.0 events, UN/EDIFACT CODECO and COARRI, gate
 * transaction and rail move files). The names follow DCSA T&T 2.2.0 where it has one, so an event
 * can be sent on as DCSA without a second model. Times are epoch seconds (UTC); a port's zone is
 * applied only where people read them.
 */

import type { ReceivingRules } from "./empty-return.ts";

/** PLN planned, EST estimated, ACT actual (DCSA eventClassifierCode). */
export const EVENT_CLASSIFIERS = ["PLN", "EST", "ACT"] as const;
export type EventClassifier = (typeof EVENT_CLASSIFIERS)[number];

/** DCSA T&T 2.2.0 equipmentEventTypeCode. */
export const EQUIPMENT_EVENT_CODES = [
  "LOAD",
  "DISC",
  "GTIN",
  "GTOT",
  "STUF",
  "STRP",
  "PICK",
  "DROP",
  "INSP",
  "RSEA",
  "RMVD",
] as const;
export type EquipmentEventCode = (typeof EQUIPMENT_EVENT_CODES)[number];

/** DCSA T&T 2.2.0 transportEventTypeCode. */
export const TRANSPORT_EVENT_CODES = ["ARRI", "DEPA"] as const;
export type TransportEventCode = (typeof TRANSPORT_EVENT_CODES)[number];

/**
 * Shipment (document) events: DCSA T&T 2.2.0 shipmentEventTypeCode (its schema's enum lists REQS,
 * CMPL, HOLD and RELS too; HOLD and RELS are kept in 3.0.0),
 * which carry the customs, freight and line holds that decide whether an import box may be picked up.
 */
export const SHIPMENT_EVENT_CODES = [
  "RECE",
  "DRFT",
  "PENA",
  "PENU",
  "REJE",
  "APPR",
  "ISSU",
  "SURR",
  "SUBM",
  "VOID",
  "CONF",
  "REQS",
  "CMPL",
  "HOLD",
  "RELS",
] as const;
export type ShipmentEventCode = (typeof SHIPMENT_EVENT_CODES)[number];

export const EVENT_TYPES = ["EQUIPMENT", "TRANSPORT", "SHIPMENT"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** DCSA modeOfTransport. */
export const TRANSPORT_MODES = ["VESSEL", "RAIL", "TRUCK", "BARGE"] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export type EmptyIndicator = "EMPTY" | "LADEN";

/** Where an event came from (its parser). */
export const EVENT_SOURCES = ["dcsa", "codeco", "coarri", "gate", "rail"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** A reference an event carries (DCSA references; EDIFACT RFF), kept even when we do not use it. */
export interface EventReference {
  /** DCSA referenceTypeCode (FF, CN, BR, BL, …) or the EDIFACT RFF qualifier as received. */
  type: string;
  value: string;
}

/**
 * One event, whatever its source. `eventId` is the DCSA eventID when the input has one, otherwise
 * a deterministic UUID from the natural key (source, container, code, time, location), so that
 * ingesting the same file twice adds nothing.
 */
export interface ContainerEvent {
  eventId: string;
  source: EventSource;
  eventType: EventType;
  classifier: EventClassifier;
  /** Equipment, transport or shipment event code, as the type says. */
  eventCode: EquipmentEventCode | TransportEventCode | ShipmentEventCode;
  eventAtS: number;
  /** When the sender created the event (DCSA eventCreatedDateTime; EDIFACT message date). */
  createdAtS: number;
  /** UN/LOCODE of the event's location, when known. */
  port: string | null;
  /** Terminal id of our port registry (e.g. "uslax-terminal-yti"), when the facility is known. */
  terminal: string | null;
  /** The facility code as received (SMDG terminal code or BIC facility code), kept for audit. */
  facilityCode: string | null;
  /** ISO 6346 container number with a valid check digit (equipment events). */
  containerNumber: string | null;
  /** ISO 6346 size-type code, e.g. "45G1". */
  isoEquipmentCode: string | null;
  /** Nominal length in feet, from the size-type code. */
  sizeFt: 20 | 40 | 45 | null;
  emptyIndicator: EmptyIndicator | null;
  /** Mode of the transport the event concerns (vessel for LOAD/DISC, truck/rail for gate moves). */
  mode: TransportMode | null;
  vesselImo: number | null;
  vesselName: string | null;
  /** Radio call sign (DCSA vesselCallSignNumber; EDIFACT TDT code list 103), when given. */
  vesselCallSign?: string | null;
  /** Carrier's voyage number, when given. */
  voyage: string | null;
  carrierBookingReference: string | null;
  /** Bill of lading (DCSA transportDocumentReference). */
  transportDocumentReference: string | null;
  /** For SHIPMENT events: the document type (BKG, SHI, TRD, ARN, CUS, …). */
  documentType: string | null;
  references: EventReference[];
  /** What the input said that has no field above (unknown qualifiers are kept, never dropped). */
  extra: Record<string, string>;
}

/**
 * An event with the given fields and every other optional field empty (null, no references, no
 * extra), classified ACT unless said otherwise: for parsers and generators that fill a few fields.
 */
export function newContainerEvent(
  fields: Partial<ContainerEvent> &
    Pick<ContainerEvent, "eventId" | "source" | "eventType" | "eventCode" | "eventAtS">,
): ContainerEvent {
  return {
    classifier: "ACT",
    createdAtS: fields.eventAtS,
    port: null,
    terminal: null,
    facilityCode: null,
    containerNumber: null,
    isoEquipmentCode: null,
    sizeFt: null,
    emptyIndicator: null,
    mode: null,
    vesselImo: null,
    vesselName: null,
    voyage: null,
    carrierBookingReference: null,
    transportDocumentReference: null,
    documentType: null,
    references: [],
    extra: {},
    ...fields,
  };
}

/** One container moved through a gate on a truck visit. */
export interface GateMove {
  containerNumber: string;
  /** "in": the box enters the terminal (export, empty return); "out": it leaves (import pick-up). */
  direction: "in" | "out";
  isoEquipmentCode: string | null;
  sizeFt: 20 | 40 | 45 | null;
  emptyIndicator: EmptyIndicator | null;
}

/**
 * A truck's visit to a terminal: queue arrival (at the end of the queue outside the gate) → gate-in
 * → gate-out. Turn time = gate-out − queue arrival, of which queue = gate-in − queue arrival.
 * `visitId` is deterministic from terminal, truck and gate-in time.
 */
export interface TruckVisit {
  visitId: string;
  port: string;
  terminal: string;
  truckId: string;
  licencePlate: string | null;
  /** Null when the gate system did not see the queue (turn time is then gate-to-gate only). */
  queueArrivalS: number | null;
  gateInS: number;
  gateOutS: number;
  appointmentId: string | null;
  /** The visit needed a trouble ticket (a problem solved at the trouble window), when the data says. */
  troubleTicket: boolean | null;
  /**
   * The trucking company, by its SCAC (Standard Carrier Alpha Code, NMFTA: 2–4 letters, the US
   * standard for motor carriers), when the gate system records it. A trucking principal's owner.
   */
  carrierScac: string | null;
  moves: GateMove[];
}

/** A container loaded onto or discharged from a train at a terminal's rail yard (on-dock or near-dock). */
export interface RailMove {
  moveId: string;
  port: string;
  terminal: string;
  containerNumber: string;
  /** "load": onto the train (import leaving by rail); "discharge": off the train (export arriving). */
  direction: "load" | "discharge";
  atS: number;
  trainId: string | null;
  railCarrier: string | null;
  /** Inland destination or origin (UN/LOCODE or ramp name). */
  inland: string | null;
  isoEquipmentCode: string | null;
  sizeFt: 20 | 40 | 45 | null;
  emptyIndicator: EmptyIndicator | null;
}

/** A record the parser refused: where, which field, why (the rest of the input still goes through). */
export interface OperationsReject {
  file: string;
  /** 1-based line (CSV, NDJSON, EDIFACT segment's line) or array index + 1 for a JSON array. */
  line: number;
  field: string;
  reason: string;
}

/** What a parser returns: the records it accepted, the ones it refused, and how many it read. */
export interface ParsedOperations {
  events: ContainerEvent[];
  visits: TruckVisit[];
  railMoves: RailMove[];
  /** Empty-receiving rules as the terminals published them (receiving-rules CSV). */
  receivingRules: ReceivingRules[];
  rejects: OperationsReject[];
  /** Records read: events (DCSA), equipment groups (EDIFACT), rows (CSV). */
  read: number;
}

/**
 * Quarter-TEU per box by nominal length: TEU is length / 20 ft (a 40 ft box is 2 TEU, as the US BTS
 * counts it; a 45 ft box 2.25 TEU, as Eurostat's maritime statistics reference manual counts boxes
 * over 40 ft), kept in quarters so sums stay whole numbers. A box of unknown size adds nothing.
 * Example: teuQuartersOf(20) → 4, teuQuartersOf(45) → 9.
 */
export function teuQuartersOf(sizeFt: 20 | 40 | 45 | null): number {
  return sizeFt === null ? 0 : sizeFt === 45 ? 9 : sizeFt / 5;
}

/**
 * Nominal length from an ISO 6346 size-type code's first character (ISO 6346:1995 Table 1):
 * "2" → 20 ft, "4" → 40 ft, "L" → 45 ft. Example: sizeFtOf("45G1") → 40; sizeFtOf("L5G1") → 45.
 */
export function sizeFtOf(isoEquipmentCode: string | null): 20 | 40 | 45 | null {
  switch (isoEquipmentCode?.[0]) {
    case "2":
      return 20;
    case "4":
      return 40;
    case "L":
      return 45;
    default:
      return null;
  }
}
