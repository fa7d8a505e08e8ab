/**
 * What every operations parser shares: the empty result, a reject, a blank event, identifier and
 * time checks that several inputs need (UN/LOCODE country part, local EDIFACT times, offsets).
 */
import { type CsvRecord, userCsv } from "../core/csv.ts";
import { parseContainerNumber, parseUnLocode } from "../core/ids.ts";
import { isInstant, utcOffsetMinutes } from "../core/time.ts";
import type { FacilityLookup, FacilityMatch } from "./facilities.ts";
import {
  type ContainerEvent,
  type EmptyIndicator,
  type EventSource,
  type ParsedOperations,
  sizeFtOf,
} from "./model.ts";

export function emptyParsed(): ParsedOperations {
  return { events: [], visits: [], railMoves: [], receivingRules: [], rejects: [], read: 0 };
}

/** Adds a reject to `out`. */
export function reject(
  out: ParsedOperations,
  file: string,
  line: number,
  field: string,
  reason: string,
): void {
  out.rejects.push({ file, line, field, reason });
}

/** An event with every optional field empty; callers fill what their input says. */
export function blankEvent(
  source: EventSource,
  fields: Pick<
    ContainerEvent,
    "eventId" | "eventType" | "classifier" | "eventCode" | "eventAtS" | "createdAtS"
  >,
): ContainerEvent {
  return {
    source,
    ...fields,
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
    vesselCallSign: null,
    voyage: null,
    carrierBookingReference: null,
    transportDocumentReference: null,
    documentType: null,
    references: [],
    extra: {},
  };
}

/**
 * ISO 3166-1 reserves AA, QM–QZ, XA–XZ and ZZ for user assignment: no country has them, so a
 * UN/LOCODE starting with one is not a real place — except XZ, which UN/LOCODE uses for
 * installations in international waters (UN/LOCODE Manual, section 3.2).
 */
function userAssignedCountry(country: string): boolean {
  if (country === "XZ") return false;
  if (country === "AA" || country === "ZZ") return true;
  const [a, b] = [country[0]!, country[1]!];
  return (a === "Q" && b >= "M") || a === "X";
}

/**
 * A UN/LOCODE whose country part can exist. Example: "FRPAR" → ok; "XYABC" → refused (XY is a
 * user-assigned ISO 3166 code, no country).
 */
export function parsePlace(input: string): { ok: true; value: string } | { ok: false; reason: string } {
  const r = parseUnLocode(input);
  if (!r.ok) return r;
  if (userAssignedCountry(r.value.slice(0, 2)))
    return {
      ok: false,
      reason: `${r.value}: ${r.value.slice(0, 2)} is not a country (ISO 3166 user-assigned)`,
    };
  return r;
}

/** Offsets (minutes) by zone and wall-clock hour: Intl is slow, and an offset only changes on the hour. */
const offsetByWallHour = new Map<string, number>();

/**
 * Epoch seconds of a wall-clock time in `timeZone` (EDIFACT and many gate systems send local time
 * without offset). The offset is taken at the guessed instant and checked once more, so times next
 * to a daylight-saving change land on the right side. Example: (2026, 7, 1, 8, 0, 0,
 * "America/Los_Angeles") → 1782918000 (15:00Z, PDT = UTC−7).
 */
export function zonedTimeS(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const key = `${timeZone}|${Math.floor(wallMs / 3_600_000)}`;
  let offsetMin = offsetByWallHour.get(key);
  if (offsetMin === undefined) {
    const hourMs = Math.floor(wallMs / 3_600_000) * 3_600_000;
    const guess = hourMs - utcOffsetMinutes(new Date(hourMs), timeZone) * 60_000;
    offsetMin = utcOffsetMinutes(new Date(guess), timeZone);
    if (offsetByWallHour.size > 100_000) offsetByWallHour.clear();
    offsetByWallHour.set(key, offsetMin);
  }
  return (wallMs - offsetMin * 60_000) / 1000;
}

/** Whether a calendar date and clock time exist (no 31 June, no 24:00). */
export function validDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  );
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Epoch seconds of an ISO 8601 time that states its offset, or why not. A time without offset is
 * refused (which zone the sender's clock was in cannot be guessed safely).
 * Example: "2026-11-01T08:00:00-08:00" → 1793548800; "2026-11-01T08:00:00" → reason.
 */
export function offsetTimeS(text: string): number | string {
  if (isInstant(text)) return Date.parse(text) / 1000;
  if (LOCAL_TIME.test(text))
    return `time "${text}" has no UTC offset (write it with Z or ±hh:mm, e.g. 2026-11-01T08:00:00-08:00)`;
  return `"${text}" is not an ISO 8601 date-time with offset`;
}

export type CsvRow = CsvRecord;

/**
 * Header-keyed rows of an input CSV (core/csv `userCsv`). A missing required column refuses the
 * file (one reject, counted as one record read); a row with the wrong number of cells is rejected
 * on its own. Blank lines are skipped.
 */
export function csvRows(
  text: string,
  file: string,
  out: ParsedOperations,
  required: readonly string[],
): CsvRow[] {
  const csv = userCsv(text, required);
  if (csv.missing.length > 0) {
    out.read++;
    reject(out, file, 1, csv.missing.join(","), `missing column(s) ${csv.missing.join(", ")} in the header`);
    return [];
  }
  for (const b of csv.bad) {
    out.read++;
    reject(out, file, b.line, "", b.reason);
  }
  return csv.records;
}

/** "empty" / "laden" (any case, also E / F / full) → the DCSA indicator; "" → null; else a failure. */
export function emptyIndicatorOf(text: string): EmptyIndicator | null | Failure {
  const t = text.toLowerCase();
  if (t === "") return null;
  if (t === "empty" || t === "e") return "EMPTY";
  if (t === "laden" || t === "full" || t === "f") return "LADEN";
  return { field: "empty_laden", reason: `"${text}" is not empty or laden` };
}

export interface Failure {
  field: string;
  reason: string;
}

export interface Box {
  containerNumber: string;
  isoEquipmentCode: string | null;
  sizeFt: 20 | 40 | 45 | null;
  emptyIndicator: EmptyIndicator | null;
}

const ISO_SIZE_TYPE = /^[0-9A-Z]{2}[0-9A-Z]{2}$/;

/** The container columns shared by gate and rail files: container, iso_code, empty_laden. */
export function boxOf(row: CsvRow): Box | Failure {
  const c = parseContainerNumber(row.get("container"));
  if (!c.ok) return { field: "container", reason: c.reason };
  const iso = row.get("iso_code").toUpperCase();
  if (iso !== "" && !ISO_SIZE_TYPE.test(iso))
    return { field: "iso_code", reason: `"${iso}" is not an ISO 6346 size-type code (e.g. 45G1)` };
  const empty = emptyIndicatorOf(row.get("empty_laden"));
  if (empty !== null && typeof empty === "object") return empty;
  return {
    containerNumber: c.value,
    isoEquipmentCode: iso === "" ? null : iso,
    sizeFt: sizeFtOf(iso === "" ? null : iso),
    emptyIndicator: empty,
  };
}

/** A terminal column: one of our terminal ids (any port). */
export function terminalOf(row: CsvRow, facilities: FacilityLookup): FacilityMatch | Failure {
  const id = row.get("terminal");
  const match = id === "" ? null : facilities.resolve(null, id);
  return match ?? { field: "terminal", reason: id === "" ? "terminal is empty" : `unknown terminal "${id}"` };
}

/** The columns every move row has: the box, its direction (one of `directions`) and the terminal. */
export function moveOf<D extends string>(
  row: CsvRow,
  facilities: FacilityLookup,
  directions: readonly D[],
): { box: Box; direction: D; terminal: FacilityMatch } | Failure {
  const box = boxOf(row);
  if ("reason" in box) return box;
  const direction = row.get("direction").toLowerCase() as D;
  if (!directions.includes(direction))
    return { field: "direction", reason: `"${row.get("direction")}" is not ${directions.join(" or ")}` };
  const terminal = terminalOf(row, facilities);
  if ("reason" in terminal) return terminal;
  return { box, direction, terminal };
}
