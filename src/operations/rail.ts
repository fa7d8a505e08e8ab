/**
 * Rail moves CSV: one row per container loaded onto or discharged from a train at a terminal's rail
 * yard. Columns: container, iso_code, empty_laden, direction (load|discharge), time (ISO 8601 with
 * offset), terminal (our terminal id), train_id, rail_carrier, inland (UN/LOCODE or ramp name).
 * Each move also gives a LOAD or DISC event with mode RAIL for the box's timeline.
 */
import { stableUuid } from "../core/stable-uuid.ts";
import type { FacilityLookup } from "./facilities.ts";
import type { ParsedOperations } from "./model.ts";
import { blankEvent, csvRows, emptyParsed, type Failure, moveOf, offsetTimeS, reject } from "./records.ts";

export const RAIL_COLUMNS = [
  "container",
  "iso_code",
  "empty_laden",
  "direction",
  "time",
  "terminal",
  "train_id",
  "rail_carrier",
  "inland",
] as const;

const REQUIRED = ["container", "direction", "time", "terminal"];

/**
 * Parses a rail moves file. `read` counts rows; a repeated move (same terminal, container,
 * direction and time) inside the file is rejected as a duplicate.
 */
export function parseRailCsv(text: string, file: string, facilities: FacilityLookup): ParsedOperations {
  const out = emptyParsed();
  const seen = new Map<string, number>();
  for (const row of csvRows(text, file, out, REQUIRED)) {
    out.read++;
    const fail = (f: Failure) => reject(out, file, row.line, f.field, f.reason);
    const move = moveOf(row, facilities, ["load", "discharge"] as const);
    if ("reason" in move) {
      fail(move);
      continue;
    }
    const { box, direction, terminal } = move;
    const atS = offsetTimeS(row.get("time"));
    if (typeof atS === "string") {
      fail({ field: "time", reason: atS });
      continue;
    }
    const key = `${terminal.terminal}|${box.containerNumber}|${direction}|${atS}`;
    const before = seen.get(key);
    if (before !== undefined) {
      fail({
        field: "container",
        reason: `duplicate of line ${before} (same terminal, container, direction, time)`,
      });
      continue;
    }
    seen.set(key, row.line);
    const moveId = stableUuid("rail", terminal.terminal, box.containerNumber, direction, String(atS));
    const trainId = row.get("train_id") || null;
    out.railMoves.push({
      moveId,
      port: terminal.port,
      terminal: terminal.terminal,
      containerNumber: box.containerNumber,
      direction,
      atS,
      trainId,
      railCarrier: row.get("rail_carrier") || null,
      inland: row.get("inland") || null,
      isoEquipmentCode: box.isoEquipmentCode,
      sizeFt: box.sizeFt,
      emptyIndicator: box.emptyIndicator,
    });
    const ev = blankEvent("rail", {
      eventId: moveId,
      eventType: "EQUIPMENT",
      classifier: "ACT",
      eventCode: direction === "load" ? "LOAD" : "DISC",
      eventAtS: atS,
      createdAtS: atS,
    });
    Object.assign(ev, box, { port: terminal.port, terminal: terminal.terminal, mode: "RAIL" });
    if (trainId !== null) ev.extra.trainId = trainId;
    if (row.get("rail_carrier") !== "") ev.extra.railCarrier = row.get("rail_carrier");
    if (row.get("inland") !== "") ev.extra.inland = row.get("inland");
    out.events.push(ev);
  }
  return out;
}
