/**
 * DCSA Track & Trace 2.2.0 events (EQUIPMENT, TRANSPORT, SHIPMENT) from a file or a request body:
 * a JSON array of events (a GET /v2/events response) or NDJSON (one event per line). Each event is
 * validated against the published schema for its eventType (./dcsa-schema-io.ts), then against
 * rules the schema cannot state; what passes becomes a ContainerEvent, what fails a reject naming
 * the JSON pointer and the schema path that failed. The rest of the input still goes through.
 */
import { parseContainerNumber, parseImoNumber } from "../core/ids.ts";
import { stableUuid } from "../core/stable-uuid.ts";
import { type DcsaValidators, dcsaValidators } from "./dcsa-schema-io.ts";
import type { FacilityLookup } from "./facilities.ts";
import {
  type ContainerEvent,
  EVENT_TYPES,
  type EventClassifier,
  type EventReference,
  type EventType,
  type ParsedOperations,
  sizeFtOf,
  type TransportMode,
} from "./model.ts";
import { blankEvent, emptyParsed, parsePlace, reject } from "./records.ts";

export interface DcsaParseOptions {
  /** "Now" in epoch seconds: events created later than this (+5 min clock skew) are refused. */
  nowS?: number;
  validators?: DcsaValidators;
  /**
   * Given: the text is a batch of an NDJSON file's lines, the first of them this file line (rejects
   * name file lines). Absent: the text is a whole file (a JSON array, one object, or NDJSON).
   */
  firstLine?: number | undefined;
}

/** Clock skew allowed between the sender's clock and ours. */
const CLOCK_SKEW_S = 300;

type Json = Record<string, unknown>;

interface Item {
  value: unknown;
  line: number;
}

/** Splits the input into items: a JSON array's elements (line = index + 1), a single object, or NDJSON lines. */
function itemsOf(input: string, file: string, out: ParsedOperations, firstLine?: number): Item[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = text.search(/\S/);
  if (start < 0) return [];
  // Lines of an NDJSON file (a batch of them): each line one event, whatever the first one holds.
  if (firstLine !== undefined) return ndjsonItems(text, firstLine);
  if (text[start] === "[") {
    try {
      const parsed = JSON.parse(text) as unknown[];
      return parsed.map((value, i) => ({ value, line: i + 1 }));
    } catch (error) {
      out.read++;
      reject(out, file, 1, "/", `not a JSON array of events: ${(error as Error).message}`);
      return [];
    }
  }
  if (text[start] === "{") {
    try {
      return [{ value: JSON.parse(text), line: 1 }];
    } catch {
      // not one object: NDJSON, below
    }
  }
  return ndjsonItems(text, 1);
}

/** One item per non-blank line; `firstLine` is the file line of the text's first line. */
function ndjsonItems(text: string, firstLine: number): Item[] {
  const items: Item[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    try {
      items.push({ value: JSON.parse(line), line: i + firstLine });
    } catch (error) {
      items.push({ value: new SyntaxError((error as Error).message), line: i + firstLine });
    }
  }
  return items;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const obj = (v: unknown): Json | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null;

/** Flattens scalar leaves to "a.b.c" keys, skipping the ones already mapped to fields. */
function flatten(node: Json, prefix: string, skip: ReadonlySet<string>, into: Record<string, string>): void {
  for (const k in node) {
    const v = node[k];
    if (v === null || v === undefined || Array.isArray(v)) continue;
    const key = prefix === "" ? k : `${prefix}.${k}`;
    if (typeof v === "object") flatten(v as Json, key, skip, into);
    else if (!skip.has(key)) into[key] = String(v);
  }
}

/** Fields mapped onto ContainerEvent (not repeated in `extra`). */
const MAPPED = new Set([
  "eventID",
  "eventType",
  "eventClassifierCode",
  "eventDateTime",
  "eventCreatedDateTime",
  "equipmentEventTypeCode",
  "transportEventTypeCode",
  "shipmentEventTypeCode",
  "equipmentReference",
  "ISOEquipmentCode",
  "emptyIndicatorCode",
  "documentTypeCode",
  "carrierBookingReference",
  "transportDocumentReference",
  "eventLocation.UNLocationCode",
  "eventLocation.facilityCode",
  "transportCall.UNLocationCode",
  "transportCall.facilityCode",
  "transportCall.modeOfTransport",
  "transportCall.exportVoyageNumber",
  "transportCall.importVoyageNumber",
  "transportCall.carrierVoyageNumber",
  "transportCall.vessel.vesselIMONumber",
  "transportCall.vessel.vesselName",
  "transportCall.vessel.vesselCallSignNumber",
]);

interface Failure {
  field: string;
  reason: string;
}

/** Maps one schema-valid event; returns a failure for the rules the schema cannot state. */
function mapEvent(e: Json, facilities: FacilityLookup, nowS: number): ContainerEvent | Failure {
  const eventType = e.eventType as EventType;
  const eventAtS = Date.parse(e.eventDateTime as string) / 1000;
  const createdAtS = Date.parse(e.eventCreatedDateTime as string) / 1000;
  const classifier = e.eventClassifierCode as EventClassifier;
  if (createdAtS > nowS + CLOCK_SKEW_S)
    return { field: "/eventCreatedDateTime", reason: `created in the future (${e.eventCreatedDateTime})` };
  if (classifier === "ACT" && eventAtS > createdAtS + CLOCK_SKEW_S)
    return {
      field: "/eventCreatedDateTime",
      reason: `an actual (ACT) event cannot be created (${e.eventCreatedDateTime}) before it happened (${e.eventDateTime})`,
    };
  const call = obj(e.transportCall);
  const callPlace = call ? str(call.UNLocationCode) : null;
  const callLocationPlace = call ? str(obj(call.location)?.UNLocationCode) : null;
  if (callPlace !== null && callLocationPlace !== null && callPlace !== callLocationPlace)
    return {
      field: "/transportCall/location/UNLocationCode",
      reason: `the transport call is at ${callPlace} but its location says ${callLocationPlace}`,
    };
  const places: [string, string | null][] = [
    ["/eventLocation/UNLocationCode", str(obj(e.eventLocation)?.UNLocationCode)],
    ["/transportCall/UNLocationCode", callPlace],
    ["/transportCall/location/UNLocationCode", callLocationPlace],
  ];
  for (const [field, place] of places) {
    if (place === null) continue;
    const p = parsePlace(place);
    if (!p.ok) return { field, reason: p.reason };
  }
  const code = (e.equipmentEventTypeCode ??
    e.transportEventTypeCode ??
    e.shipmentEventTypeCode) as ContainerEvent["eventCode"];
  const eventId =
    str(e.eventID) ??
    stableUuid(
      "dcsa",
      eventType,
      code,
      String(eventAtS),
      String(e.equipmentReference ?? e.documentID ?? ""),
      callPlace ?? "",
    );
  const ev = blankEvent("dcsa", { eventId, eventType, classifier, eventCode: code, eventAtS, createdAtS });

  if (eventType === "EQUIPMENT" && e.equipmentReference !== undefined) {
    const c = parseContainerNumber(String(e.equipmentReference));
    if (!c.ok) return { field: "/equipmentReference", reason: c.reason };
    ev.containerNumber = c.value;
  }
  ev.isoEquipmentCode = str(e.ISOEquipmentCode);
  ev.sizeFt = sizeFtOf(ev.isoEquipmentCode);
  if (e.emptyIndicatorCode === "EMPTY" || e.emptyIndicatorCode === "LADEN")
    ev.emptyIndicator = e.emptyIndicatorCode;

  // Where: the event's own location, else the transport call's.
  const location = obj(e.eventLocation);
  ev.port = str(location?.UNLocationCode) ?? callPlace ?? callLocationPlace;
  ev.facilityCode = str(location?.facilityCode) ?? (call ? str(call.facilityCode) : null);
  if (ev.facilityCode !== null) ev.terminal = facilities.resolve(ev.port, ev.facilityCode)?.terminal ?? null;

  if (call) {
    const mode = str(call.modeOfTransport);
    ev.mode =
      mode === "VESSEL" || mode === "RAIL" || mode === "TRUCK" || mode === "BARGE"
        ? (mode as TransportMode)
        : null;
    ev.voyage = str(call.exportVoyageNumber) ?? str(call.importVoyageNumber) ?? str(call.carrierVoyageNumber);
    const vessel = obj(call.vessel);
    if (vessel) {
      const imo = str(vessel.vesselIMONumber);
      if (imo !== null) {
        const r = parseImoNumber(imo);
        if (!r.ok) return { field: "/transportCall/vessel/vesselIMONumber", reason: r.reason };
        ev.vesselImo = r.value;
      }
      ev.vesselName = str(vessel.vesselName);
      ev.vesselCallSign = str(vessel.vesselCallSignNumber);
    }
  }

  const references: EventReference[] = [];
  if (eventType === "SHIPMENT") {
    ev.documentType = str(e.documentTypeCode);
    const id = str(e.documentID);
    if (id !== null) {
      references.push({ type: ev.documentType ?? "DOC", value: id });
      if (ev.documentType === "BKG" || ev.documentType === "CBR") ev.carrierBookingReference = id;
      if (ev.documentType === "TRD") ev.transportDocumentReference = id;
    }
  }
  for (const d of Array.isArray(e.documentReferences) ? e.documentReferences : []) {
    const type = str(obj(d)?.documentReferenceType);
    const value = str(obj(d)?.documentReferenceValue);
    if (type === null || value === null) continue;
    references.push({ type, value });
    if (type === "BKG") ev.carrierBookingReference ??= value;
    if (type === "TRD") ev.transportDocumentReference ??= value;
  }
  for (const r of Array.isArray(e.references) ? e.references : []) {
    const type = str(obj(r)?.referenceType);
    const value = str(obj(r)?.referenceValue);
    if (type !== null && value !== null) references.push({ type, value });
  }
  ev.carrierBookingReference ??= str(e.carrierBookingReference);
  ev.transportDocumentReference ??= str(e.transportDocumentReference);
  ev.references = references;
  flatten(e, "", MAPPED, ev.extra);
  return ev;
}

/**
 * Parses DCSA T&T 2.2.0 events. `read` counts the events (array elements or NDJSON lines).
 * Example: the 7 events of DCSA's conformance example tnt-220-response.json → 7 events, 0 rejects.
 */
export function parseDcsaEvents(
  text: string,
  file: string,
  facilities: FacilityLookup,
  options: DcsaParseOptions = {},
): ParsedOperations {
  const out = emptyParsed();
  const validators = options.validators ?? dcsaValidators();
  const nowS = options.nowS ?? Date.now() / 1000;
  const seen = new Map<string, number>();
  for (const { value, line } of itemsOf(text, file, out, options.firstLine)) {
    out.read++;
    if (value instanceof SyntaxError) {
      reject(out, file, line, "/", `not JSON: ${value.message}`);
      continue;
    }
    const e = obj(value);
    if (e === null) {
      reject(out, file, line, "/", "not an event object");
      continue;
    }
    const type = e.eventType;
    if (!EVENT_TYPES.includes(type as EventType)) {
      reject(
        out,
        file,
        line,
        "/eventType",
        type === undefined
          ? "no eventType: not an event (DCSA events are the elements of the root array)"
          : `eventType ${JSON.stringify(type)} is not EQUIPMENT, TRANSPORT or SHIPMENT`,
      );
      continue;
    }
    const validate = validators.byType[type as EventType];
    if (!validate(e)) {
      const first = validate.errors![0]!;
      const missing =
        first.keyword === "required"
          ? `/${(first.params as { missingProperty: string }).missingProperty}`
          : "";
      const pointer = `${first.instancePath}${missing}` || "/";
      const more = validate.errors!.length > 1 ? ` (+${validate.errors!.length - 1} more)` : "";
      reject(
        out,
        file,
        line,
        `${pointer} ${validators.schemaPathOf(first)}`,
        `${first.message ?? "invalid"}${more}`,
      );
      continue;
    }
    const id = str(e.eventID);
    if (id !== null) {
      const before = seen.get(id);
      if (before !== undefined) {
        reject(out, file, line, "/eventID", `eventID ${id} already used by the event at line ${before}`);
        continue;
      }
      seen.set(id, line);
    }
    const mapped = mapEvent(e, facilities, nowS);
    if ("field" in mapped) reject(out, file, line, mapped.field, mapped.reason);
    else out.events.push(mapped);
  }
  return out;
}
