/**
 * What every operations parser shares: the empty result, a reject, a blank event, identifier and
 * time checks that several inputs need (UN/LOCODE country part, local EDIFACT times, offsets).
 */
import { parseUnLocode } from "../core/ids.ts";
import { utcOffsetMinutes } from "../core/time.ts";
import type { ContainerEvent, EventSource, ParsedOperations } from "./model.ts";

export function emptyParsed(): ParsedOperations {
  return { events: [], visits: [], railMoves: [], rejects: [], read: 0 };
}

/** Adds a reject to `out`. */
export function reject(out: ParsedOperations, file: string, line: number, field: string, reason: string): void {
  out.rejects.push({ file, line, field, reason });
}

/** An event with every optional field empty; callers fill what their input says. */
export function blankEvent(
  source: EventSource,
  fields: Pick<ContainerEvent, "eventId" | "eventType" | "classifier" | "eventCode" | "eventAtS" | "createdAtS">,
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
    return { ok: false, reason: `${r.value}: ${r.value.slice(0, 2)} is not a country (ISO 3166 user-assigned)` };
  return r;
}

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
  let ms = wallMs - utcOffsetMinutes(new Date(wallMs), timeZone) * 60_000;
  ms = wallMs - utcOffsetMinutes(new Date(ms), timeZone) * 60_000;
  return ms / 1000;
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
