/**
 * Import availability before dispatch: from one box's events (and the shipment events of its bill
 * of lading), whether it is discharged, held (customs, freight, line), released and available for
 * pick-up — so no truck is sent for a box it cannot take, the most common cause of gate trouble
 * tickets. Pure; the status and reasons are codes (en/ja words live in the portal and CLI).
 *
 * Holds are SHIPMENT events HOLD / RELS (DCSA T&T 3.0.0) on the box's bill of lading (or naming the
 * box in an EQ reference). The hold kind comes from `extra.holdType` when the sender gives it,
 * else from the document type: CUS → customs, INV → freight (charges unpaid), anything else → line.
 */
import { localDay } from "./empty-return.ts";
import type { ContainerEvent } from "./model.ts";

export type HoldKind = "customs" | "freight" | "line";

export type AvailabilityStatus = "expected" | "not_discharged" | "on_hold" | "available" | "picked_up";

export type AvailabilityReason =
  | "planned_discharge"
  | "no_discharge_event"
  | "customs_hold"
  | "freight_hold"
  | "line_hold"
  | "released"
  | "past_last_free_day"
  | "gated_out"
  | "loaded_on_rail";

/** A box leaving the terminal as a gate transaction (truck) or a rail move (load) records it. */
export interface BoxExit {
  atS: number;
  by: "truck" | "rail";
}

export interface OpenHold {
  kind: HoldKind;
  /** The bill of lading or box the hold was placed on. */
  reference: string;
  sinceS: number;
}

export interface BoxAvailability {
  containerNumber: string;
  status: AvailabilityStatus;
  reasons: AvailabilityReason[];
  dischargedAtS: number | null;
  terminal: string | null;
  holds: OpenHold[];
  /** When the last hold was lifted, if any was. */
  releasedAtS: number | null;
  /** YYYY-MM-DD, when the terminal gave one. */
  lastFreeDay: string | null;
  /** Planned / estimated discharge time, when not discharged yet. */
  expectedAtS: number | null;
}

export function holdKindOf(e: ContainerEvent): HoldKind {
  const t = e.extra.holdType;
  if (t === "customs" || t === "freight" || t === "line") return t;
  return e.documentType === "CUS" ? "customs" : e.documentType === "INV" ? "freight" : "line";
}

/** Whether a SHIPMENT event concerns this box: its bill of lading, or an EQ reference naming the box. */
function concerns(e: ContainerEvent, containerNumber: string, bls: ReadonlySet<string>): string | null {
  if (e.transportDocumentReference !== null && bls.has(e.transportDocumentReference))
    return e.transportDocumentReference;
  if (e.references.some((r) => r.type === "EQ" && r.value === containerNumber)) return containerNumber;
  return null;
}

/**
 * The box's availability at `asOfS`. `events` may hold anything: only this box's equipment events
 * and the HOLD / RELS shipment events on its bill(s) of lading, up to asOf, are used.
 * Example: DISC at 10:00, customs HOLD on its B/L at 08:00, RELS at 14:00 → at 12:00 on_hold
 * [customs_hold]; at 15:00 available [released]; after a GTOT, picked_up [gated_out].
 */
export function boxAvailability(
  containerNumber: string,
  events: readonly ContainerEvent[],
  asOfS: number,
  /** The port's offset from UTC in hours, to read the last free day in local days (default 0). */
  utcOffsetH = 0,
  /** The box leaving as gate and rail files record it (truck visits' out-moves, rail loads). */
  exits: readonly BoxExit[] = [],
): BoxAvailability {
  const mine = events
    // Actual events count once they happened; plans and estimates once they were published.
    .filter((e) => (e.classifier === "ACT" ? e.eventAtS : e.createdAtS) <= asOfS)
    .sort((a, b) => a.eventAtS - b.eventAtS || a.eventId.localeCompare(b.eventId));
  let disc: ContainerEvent | null = null;
  let planned: ContainerEvent | null = null;
  let left: Pick<ContainerEvent, "eventCode"> | null = null;
  const bls = new Set<string>();
  for (const e of mine) {
    if (e.eventType !== "EQUIPMENT" || e.containerNumber !== containerNumber) continue;
    if (e.eventCode === "DISC" && e.classifier === "ACT") {
      disc = e;
      left = null;
    } else if (e.eventCode === "DISC") planned = e;
    else if (
      disc !== null &&
      e.classifier === "ACT" &&
      (e.eventCode === "GTOT" || (e.eventCode === "LOAD" && e.mode === "RAIL"))
    )
      left = e;
    if (e.transportDocumentReference) bls.add(e.transportDocumentReference);
  }
  if (disc !== null && left === null) {
    const after = exits.filter((x) => x.atS >= (disc?.eventAtS ?? 0) && x.atS <= asOfS);
    const first = after.sort((a, b) => a.atS - b.atS)[0];
    if (first) left = { eventCode: first.by === "truck" ? "GTOT" : "LOAD" };
  }
  const open = new Map<string, OpenHold>();
  let releasedAtS: number | null = null;
  for (const e of mine) {
    if (e.eventType !== "SHIPMENT" || (e.eventCode !== "HOLD" && e.eventCode !== "RELS")) continue;
    const reference = concerns(e, containerNumber, bls);
    if (reference === null) continue;
    const kind = holdKindOf(e);
    const key = `${kind}|${reference}`;
    if (e.eventCode === "HOLD") open.set(key, { kind, reference, sinceS: e.eventAtS });
    else if (open.delete(key)) releasedAtS = e.eventAtS;
  }
  const holds = [...open.values()].sort((a, b) => a.sinceS - b.sinceS || a.kind.localeCompare(b.kind));
  const lastFreeDay = disc?.extra.lastFreeDay ?? null;
  const base = {
    containerNumber,
    dischargedAtS: disc?.eventAtS ?? null,
    terminal: disc?.terminal ?? planned?.terminal ?? null,
    holds,
    releasedAtS,
    lastFreeDay,
    expectedAtS: disc === null ? (planned?.eventAtS ?? null) : null,
  };
  const holdReasons = [...new Set(holds.map((h) => `${h.kind}_hold` as AvailabilityReason))];
  if (left !== null)
    return {
      ...base,
      status: "picked_up",
      reasons: [left.eventCode === "GTOT" ? "gated_out" : "loaded_on_rail"],
    };
  if (disc === null) {
    return {
      ...base,
      status: planned ? "expected" : "not_discharged",
      reasons: [planned ? "planned_discharge" : "no_discharge_event", ...holdReasons],
    };
  }
  if (holds.length > 0) return { ...base, status: "on_hold", reasons: holdReasons };
  const reasons: AvailabilityReason[] = releasedAtS !== null ? ["released"] : [];
  if (lastFreeDay !== null && localDay(asOfS, utcOffsetH) > lastFreeDay) reasons.push("past_last_free_day");
  return { ...base, status: "available", reasons };
}
