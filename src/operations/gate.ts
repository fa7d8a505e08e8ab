/**
 * Gate transactions CSV: one row per container moved through a terminal gate on a truck visit.
 * Columns: truck_id, licence_plate, container, iso_code, direction (in|out), empty_laden
 * (empty|laden), queue_arrival, gate_in, gate_out, terminal (our terminal id), appointment_id,
 * trouble_ticket (yes|no), carrier_scac (the trucking company's SCAC, optional). Times are ISO 8601 with offset. Rows with the same terminal, truck and
 * gate-in time are one TruckVisit; each move also gives a gate event (GTIN for a box entering at
 * gate-in, GTOT for one leaving at gate-out) so that a box's timeline shows it.
 */
import { stableUuid } from "../core/stable-uuid.ts";
import type { FacilityLookup } from "./facilities.ts";
import type { ParsedOperations, TruckVisit } from "./model.ts";
import {
  blankEvent,
  type CsvRow,
  csvRows,
  emptyParsed,
  type Failure,
  moveOf,
  offsetTimeS,
  reject,
} from "./records.ts";

export const GATE_COLUMNS = [
  "truck_id",
  "licence_plate",
  "container",
  "iso_code",
  "direction",
  "empty_laden",
  "queue_arrival",
  "gate_in",
  "gate_out",
  "terminal",
  "appointment_id",
  "trouble_ticket",
  "carrier_scac",
] as const;

/** NMFTA's Standard Carrier Alpha Code: 2 to 4 letters. */
const SCAC = /^[A-Z]{2,4}$/;

const REQUIRED = ["truck_id", "container", "direction", "gate_in", "gate_out", "terminal"];

/** A truck turn of a day or more is not a turn: the times are wrong. */
export const MAX_TURN_S = 24 * 3600;

function timeOf(row: CsvRow, column: string, optional = false): number | null | Failure {
  const text = row.get(column);
  if (text === "") return optional ? null : { field: column, reason: `${column} is empty` };
  const t = offsetTimeS(text);
  return typeof t === "string" ? { field: column, reason: t } : t;
}

function troubleOf(text: string): boolean | null | Failure {
  const t = text.toLowerCase();
  if (t === "") return null;
  if (t === "yes" || t === "y" || t === "true" || t === "1") return true;
  if (t === "no" || t === "n" || t === "false" || t === "0") return false;
  return { field: "trouble_ticket", reason: `"${text}" is not yes or no` };
}

const failed = (v: unknown): v is Failure => v !== null && typeof v === "object" && "reason" in v;

/**
 * Parses a gate transactions file. `read` counts rows; duplicates of a row inside the file and rows
 * contradicting their visit are rejected. Example: two rows with the same terminal, truck and
 * gate_in (one box in, one box out) → 1 visit with 2 moves, a GTIN and a GTOT event.
 */
export function parseGateCsv(text: string, file: string, facilities: FacilityLookup): ParsedOperations {
  const out = emptyParsed();
  const visits = new Map<string, { visit: TruckVisit; line: number }>();
  const seenMoves = new Map<string, number>();
  for (const row of csvRows(text, file, out, REQUIRED)) {
    out.read++;
    const fail = (f: Failure) => reject(out, file, row.line, f.field, f.reason);
    const truckId = row.get("truck_id");
    if (truckId === "") {
      fail({ field: "truck_id", reason: "truck_id is empty" });
      continue;
    }
    const move = moveOf(row, facilities, ["in", "out"] as const);
    if ("reason" in move) {
      fail(move);
      continue;
    }
    const { box, direction, terminal } = move;
    const queue = timeOf(row, "queue_arrival", true);
    const gateIn = timeOf(row, "gate_in");
    const gateOut = timeOf(row, "gate_out");
    const bad = [queue, gateIn, gateOut].find(failed);
    if (bad) {
      fail(bad);
      continue;
    }
    const [queueS, gateInS, gateOutS] = [queue as number | null, gateIn as number, gateOut as number];
    if (queueS !== null && queueS > gateInS) {
      fail({ field: "queue_arrival", reason: "queue_arrival is after gate_in" });
      continue;
    }
    if (gateInS > gateOutS) {
      fail({ field: "gate_out", reason: "gate_out is before gate_in" });
      continue;
    }
    if (gateOutS - (queueS ?? gateInS) >= MAX_TURN_S) {
      fail({
        field: "gate_out",
        reason: `turn of ${((gateOutS - (queueS ?? gateInS)) / 3600).toFixed(1)} h is not plausible (24 h or more)`,
      });
      continue;
    }
    const trouble = troubleOf(row.get("trouble_ticket"));
    if (failed(trouble)) {
      fail(trouble);
      continue;
    }
    const scacText = row.get("carrier_scac").toUpperCase();
    if (scacText !== "" && !SCAC.test(scacText)) {
      fail({ field: "carrier_scac", reason: `"${row.get("carrier_scac")}" is not a SCAC (2 to 4 letters)` });
      continue;
    }
    const carrierScac = scacText === "" ? null : scacText;
    const moveKey = `${terminal.terminal}|${truckId}|${gateInS}|${box.containerNumber}|${direction}`;
    const before = seenMoves.get(moveKey);
    if (before !== undefined) {
      fail({
        field: "container",
        reason: `duplicate of line ${before} (same terminal, truck, gate_in, container, direction)`,
      });
      continue;
    }
    const visitKey = `${terminal.terminal}|${truckId}|${gateInS}`;
    const licencePlate = row.get("licence_plate") || null;
    const appointmentId = row.get("appointment_id") || null;
    const existing = visits.get(visitKey);
    if (existing !== undefined) {
      const v = existing.visit;
      const clash =
        v.gateOutS !== gateOutS
          ? "gate_out"
          : v.queueArrivalS !== queueS
            ? "queue_arrival"
            : v.licencePlate !== licencePlate
              ? "licence_plate"
              : v.appointmentId !== appointmentId
                ? "appointment_id"
                : v.troubleTicket !== trouble
                  ? "trouble_ticket"
                  : v.carrierScac !== carrierScac
                    ? "carrier_scac"
                    : null;
      if (clash !== null) {
        fail({ field: clash, reason: `${clash} differs from line ${existing.line}, the same truck visit` });
        continue;
      }
    }
    seenMoves.set(moveKey, row.line);
    const visit =
      existing?.visit ??
      ({
        visitId: stableUuid("gate-visit", terminal.terminal, truckId, String(gateInS)),
        port: terminal.port,
        terminal: terminal.terminal,
        truckId,
        licencePlate,
        queueArrivalS: queueS,
        gateInS,
        gateOutS,
        appointmentId,
        troubleTicket: trouble,
        carrierScac,
        moves: [],
      } satisfies TruckVisit);
    if (existing === undefined) {
      visits.set(visitKey, { visit, line: row.line });
      out.visits.push(visit);
    }
    visit.moves.push({ ...box, direction });
    const code = direction === "in" ? "GTIN" : "GTOT";
    const atS = direction === "in" ? gateInS : gateOutS;
    const ev = blankEvent("gate", {
      eventId: stableUuid("gate", terminal.terminal, box.containerNumber, code, String(atS)),
      eventType: "EQUIPMENT",
      classifier: "ACT",
      eventCode: code,
      eventAtS: atS,
      createdAtS: gateOutS,
    });
    Object.assign(ev, box, { port: terminal.port, terminal: terminal.terminal, mode: "TRUCK" });
    ev.extra.visitId = visit.visitId;
    ev.extra.truckId = truckId;
    if (licencePlate !== null) ev.extra.licencePlate = licencePlate;
    if (appointmentId !== null) ev.extra.appointmentId = appointmentId;
    out.events.push(ev);
  }
  return out;
}
