/**
 * UN/EDIFACT CODECO (container gate-in/gate-out report) and COARRI (container discharge/loading
 * report), directory D.95B and later, mapped onto ContainerEvent: one event per equipment group
 * (EQD and the segments after it). Syntax per ISO 9735: service string advice UNA (component,
 * element, decimal mark, release character, reserved, segment terminator; default `:+.? '`),
 * release character escapes, line breaks between segments ignored. Envelope checks: UNT's segment
 * count and reference, UNZ's message count and control reference against UNB, CNT+16 (total number
 * of equipment) against the EQD groups. A failed check rejects the groups it covers; the rest goes
 * through.
 *
 * Codes (UNTDID D.95B code lists; usage as in the SMDG COARRI user manual 1.2, 1996, and the UNECE
 * D.95B CODECO message, service.unece.org/trade/untdid/d95b/trmd/codeco_d.htm):
 * - BGM 1001: 34 gate-in report → GTIN, 36 gate-out report → GTOT (CODECO); 44 discharge report →
 *   DISC, 46 loading report → LOAD (COARRI).
 * - EQD 8053 CN container; 8249 equipment status 2 export, 3 import, 6 transhipment; 8169 full/empty
 *   4 empty, 5 full.
 * - DTM 2005: 203 execution date/time (the move), 7 effective, 178 actual arrival, 186 actual
 *   departure; 137 document date/time. 2379 formats 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204
 *   CCYYMMDDHHMMSS. EDIFACT times carry no offset: they are local to the event's place (our ports'
 *   zones from the registry); elsewhere UTC is assumed and `extra.timeZone` says so.
 * - LOC 3227: 9 place/port of loading, 11 place/port of discharge, 7 place of delivery, 147 stowage
 *   cell, 165 (CODECO: where the gate move happened); C519 related place = terminal (SMDG code).
 * - TDT 8051 stage 20 main carriage (vessel; C222 8213 id with 1131 code list 103 call sign or 146
 *   IMO number), 1/30 pre/on-carriage; 8067 mode 1 maritime, 2 rail, 3 road, 8 inland water.
 * - RFF 1153: BN booking reference → carrierBookingReference, BM bill of lading → transport
 *   document reference; every RFF is kept in `references`.
 * Anything else (MEA, SEL, FTX, NAD, TMD, DAM, unknown qualifiers) is kept in `extra`, never dropped.
 */
import { parseContainerNumber, parseImoNumber } from "../core/ids.ts";
import { stableUuid } from "../core/stable-uuid.ts";
import type { FacilityLookup } from "./facilities.ts";
import {
  type ContainerEvent,
  type EquipmentEventCode,
  type EventSource,
  type ParsedOperations,
  sizeFtOf,
  type TransportMode,
} from "./model.ts";
import { blankEvent, emptyParsed, parsePlace, reject, validDateTime, zonedTimeS } from "./records.ts";

export interface EdifactSeparators {
  component: string;
  element: string;
  decimal: string;
  /** Empty when the UNA says the release character is not used (a space). */
  release: string;
  terminator: string;
}

export const DEFAULT_SEPARATORS: EdifactSeparators = {
  component: ":",
  element: "+",
  decimal: ".",
  release: "?",
  terminator: "'",
};

export interface Segment {
  tag: string;
  /** Elements after the tag, each split into components, release characters removed. */
  elements: string[][];
  /** 1-based line where the segment starts. */
  line: number;
  /** A syntax problem in this segment (bad release character, missing terminator), if any. */
  error: string | null;
}

export interface Tokenized {
  separators: EdifactSeparators;
  segments: Segment[];
  /** A problem that makes the whole input unreadable (broken UNA). */
  fatal: { line: number; field: string; reason: string } | null;
}

function readUna(text: string, at: number): EdifactSeparators | string {
  if (text.length < at + 9) return "UNA must be followed by six service characters";
  const c = text.slice(at + 3, at + 9);
  const [component, element, decimal, release, , terminator] = [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!];
  const separators = [component, element, terminator];
  if (new Set(separators).size !== 3)
    return `component, element and segment separators must differ (got "${component}" "${element}" "${terminator}")`;
  for (const s of [...separators, release]) {
    if (/[A-Za-z0-9\r\n]/.test(s)) return `"${s}" cannot be a service character`;
  }
  if (release !== " " && separators.includes(release))
    return `release character "${release}" repeats a separator`;
  if (decimal !== "." && decimal !== ",") return `decimal mark must be "." or "," (got "${decimal}")`;
  return { component, element, decimal, release: release === " " ? "" : release, terminator };
}

/** Splits one segment's text (between terminators) into elements and components, honouring the release character. */
function splitSegment(raw: string, sep: EdifactSeparators): { elements: string[][]; error: string | null } {
  if (sep.release === "" || raw.indexOf(sep.release) < 0) {
    const elements = raw.split(sep.element).map((e) => e.split(sep.component));
    return { elements, error: null };
  }
  const elements: string[][] = [];
  let components: string[] = [];
  let current = "";
  let error: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === sep.release) {
      const next = raw[i + 1];
      if (next === undefined) {
        error = `release character ${sep.release} at the end of the segment`;
        break;
      }
      if (next !== sep.component && next !== sep.element && next !== sep.release && next !== sep.terminator) {
        error = `release character ${sep.release} before "${next}", which is not a service character`;
      }
      current += next;
      i++;
    } else if (ch === sep.component) {
      components.push(current);
      current = "";
    } else if (ch === sep.element) {
      components.push(current);
      elements.push(components);
      components = [];
      current = "";
    } else current += ch;
  }
  components.push(current);
  elements.push(components);
  return { elements, error };
}

/**
 * Cuts an interchange into segments. Example: `UNA:+.? 'UNH+1+COARRI:D:95B:UN'FTX+AAA+++IT?'S OK'`
 * → UNH (elements [["1"], ["COARRI","D","95B","UN"]]) and FTX whose fourth element is "IT'S OK".
 */
export function tokenizeEdifact(text: string): Tokenized {
  let sep = DEFAULT_SEPARATORS;
  const segments: Segment[] = [];
  let pos = 0;
  let line = 1;
  const skipBlank = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 10) line++;
      else if (c !== 13 && c !== 32 && c !== 9 && c !== 0xfeff) return;
      pos++;
    }
  };
  skipBlank();
  if (text.startsWith("UNA", pos)) {
    const una = readUna(text, pos);
    if (typeof una === "string")
      return { separators: sep, segments, fatal: { line, field: "UNA", reason: una } };
    sep = una;
    pos += 9;
  }
  const terminator = sep.terminator;
  const release = sep.release;
  for (;;) {
    skipBlank();
    if (pos >= text.length) break;
    const start = pos;
    const startLine = line;
    let end = text.indexOf(terminator, pos);
    // A terminator preceded by an odd number of release characters is data, not the end.
    while (end >= 0 && release !== "") {
      let n = 0;
      for (let k = end - 1; k >= start && text[k] === release; k--) n++;
      if (n % 2 === 0) break;
      end = text.indexOf(terminator, end + 1);
    }
    const missing = end < 0;
    let raw = text.slice(start, missing ? text.length : end);
    pos = missing ? text.length : end + 1;
    for (let nl = raw.indexOf("\n"); nl >= 0; nl = raw.indexOf("\n", nl + 1)) line++;
    if (raw.indexOf("\n") >= 0 || raw.indexOf("\r") >= 0) raw = raw.replace(/\r?\n/g, "");
    const { elements, error } = splitSegment(raw, sep);
    const tag = elements.shift()?.[0] ?? "";
    segments.push({
      tag,
      elements,
      line: startLine,
      error: missing ? `segment ${tag} has no terminator ${terminator}` : error,
    });
  }
  return { separators: sep, segments, fatal: null };
}

const el = (s: Segment, i: number, c = 0): string => s.elements[i]?.[c] ?? "";

/**
 * Keeps a segment in `extra` under "TAG+qualifier" with the rest of the segment as its value
 * (repeats joined by " | "). Example: MEA+AAE+T+KGM:4000 → extra["MEA+AAE"] = "T+KGM:4000";
 * DTM+132:201602020000:203 → extra["DTM+132"] = "201602020000:203".
 */
function keepRaw(s: Segment, into: Record<string, string>, prefix: string): void {
  const first = s.elements[0] ?? [""];
  const key = `${prefix}${s.tag}+${first[0]}`;
  const rest = s.elements.slice(1).map((c) => c.join(":"));
  const value = first.length > 1 ? [first.slice(1).join(":"), ...rest].join("+") : rest.join("+");
  into[key] = into[key] === undefined ? value : `${into[key]} | ${value}`;
}

interface Message {
  /** The header's segments for `extra` ("msg." keys), computed once per message. */
  extra?: Record<string, string>;
  /** The message's creation time (DTM 137 or UNB) by time zone, computed once. */
  createdAtS?: Map<string, number | string>;
  ref: string;
  type: string;
  line: number;
  header: Segment[];
  groups: Segment[][];
  count: number;
  error: { field: string; reason: string; line: number } | null;
}

/** A group's outcome, held until the interchange's UNZ confirms it. */
type Outcome = { line: number; event: ContainerEvent } | { line: number; field: string; reason: string };

interface Interchange {
  ref: string | null;
  line: number;
  /** UNB date/time (YYMMDD, HHMM), converted once the place's zone is known. */
  unbDate: [string, string] | null;
  messages: number;
  outcomes: Outcome[];
}

const BGM_CODES: Record<string, Record<string, EquipmentEventCode>> = {
  CODECO: { "34": "GTIN", "36": "GTOT" },
  COARRI: { "44": "DISC", "46": "LOAD" },
};
const MODES: Record<string, TransportMode> = { "1": "VESSEL", "2": "RAIL", "3": "TRUCK", "8": "BARGE" };
/** Event time qualifiers, in order of preference. */
const EVENT_DTM = ["203", "7", "178", "186"];

/** Whether the directory is D.95B or later (years 90–99 are the 1990s). Example: 95B → true, 01A → true, 93A → false. */
function supportedRelease(version: string, release: string): boolean {
  const m = /^(\d\d)([A-Z])$/.exec(release);
  if (version !== "D" || !m) return false;
  const year = Number(m[1]) >= 90 ? 1900 + Number(m[1]) : 2000 + Number(m[1]);
  return year > 1995 || (year === 1995 && m[2]! >= "B");
}

/** Epoch seconds of a DTM value in format 102/203/204 (or UNB's YYMMDD + HHMM as "unb"), local to `timeZone`. */
function dtmSeconds(value: string, format: string, timeZone: string): number | string {
  const digits = { "102": 8, "203": 12, "204": 14, unb: 10 }[format];
  if (digits === undefined) return `date/time format ${format} is not supported (102, 203, 204)`;
  if (value.length !== digits || !/^\d+$/.test(value)) return `"${value}" does not match format ${format}`;
  const v = format === "unb" ? `20${value}` : value;
  const [y, mo, d] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8))];
  const [h, mi, s] = [
    Number(v.slice(8, 10) || 0),
    Number(v.slice(10, 12) || 0),
    Number(v.slice(12, 14) || 0),
  ];
  if (!validDateTime(y, mo, d, h, mi, s)) return `"${value}" is not a real date/time`;
  return timeZone === "UTC"
    ? Date.UTC(y, mo - 1, d, h, mi, s) / 1000
    : zonedTimeS(y, mo, d, h, mi, s, timeZone);
}

interface Place {
  port: string | null;
  facilityCode: string | null;
  terminal: string | null;
  /** The place's zone; null when it is not one of our ports (UTC is then assumed). */
  timeZone: string | null;
}

function placeOf(loc: Segment, facilities: FacilityLookup): Place | { field: string; reason: string } {
  const field = `LOC+${el(loc, 0)}`;
  const code = el(loc, 1);
  const p = parsePlace(code);
  if (!p.ok) return { field: `${field}/${code}`, reason: p.reason };
  const facilityCode = el(loc, 2) || null;
  const match = facilityCode === null ? null : facilities.resolve(p.value, facilityCode);
  return {
    port: p.value,
    facilityCode,
    terminal: match?.terminal ?? null,
    timeZone: match?.timeZone ?? facilities.timeZoneOf(p.value),
  };
}

function headerExtra(msg: Message, docDate: Segment | undefined): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const s of msg.header)
    if (s.tag !== "RFF" && s.tag !== "BGM" && s !== docDate) keepRaw(s, extra, "msg.");
  return extra;
}

const placeBySegment = new WeakMap<Segment, Place | { field: string; reason: string }>();

/** Maps one EQD group of a message onto an event, or says why not. */
function mapGroup(
  msg: Message,
  group: Segment[],
  code: EquipmentEventCode,
  source: EventSource,
  ic: Interchange,
  facilities: FacilityLookup,
): Outcome {
  const eqd = group[0]!;
  const line = eqd.line;
  const fail = (field: string, reason: string, at = line): Outcome => ({ line: at, field, reason });
  const bad = group.find((s) => s.error !== null);
  if (bad) return fail(`${bad.tag}`, bad.error!, bad.line);
  const number = el(eqd, 1);
  const field = `EQD+${el(eqd, 0)}/${number}`;
  const ev0Extra: Record<string, string> = {};
  if (el(eqd, 0) !== "CN") return fail(field, `equipment qualifier ${el(eqd, 0)} is not CN (container)`);
  const c = parseContainerNumber(number);
  if (!c.ok) return fail(field, c.reason);

  // Where: the header's place for this kind of move, else a group LOC 165, else the first header LOC.
  const wanted = code === "LOAD" ? "9" : code === "DISC" ? "11" : "165";
  const locs = msg.header.filter((s) => s.tag === "LOC");
  const loc =
    locs.find((s) => el(s, 0) === wanted) ??
    group.find((s) => s.tag === "LOC" && el(s, 0) === "165") ??
    locs.find((s) => el(s, 2) !== "") ??
    locs[0];
  let place: Place | null = null;
  if (loc !== undefined) {
    // The header's LOC is the same segment for every group of the message: resolve it once.
    let p = placeBySegment.get(loc);
    if (p === undefined) {
      p = placeOf(loc, facilities);
      placeBySegment.set(loc, p);
    }
    if ("reason" in p) return fail(p.field, p.reason, loc.line);
    place = p;
  }
  const timeZone = place?.timeZone ?? "UTC";
  if (place?.timeZone == null) ev0Extra.timeZone = "UTC (assumed: the place is not one of our ports)";

  const dtms = group.filter((s) => s.tag === "DTM");
  let when: Segment | undefined;
  for (const q of EVENT_DTM) {
    when = dtms.find((s) => el(s, 0) === q);
    if (when) break;
  }
  if (when === undefined)
    return fail(`${field} DTM`, "no event time (DTM 203, 7, 178 or 186) in the equipment group");
  const eventAtS = dtmSeconds(el(when, 0, 1), el(when, 0, 2) || "203", timeZone);
  if (typeof eventAtS === "string") return fail(`DTM+${el(when, 0)}`, eventAtS, when.line);

  const docDate = msg.header.find((s) => s.tag === "DTM" && el(s, 0) === "137");
  let createdAtS: number | string = eventAtS;
  msg.createdAtS ??= new Map();
  const known = msg.createdAtS.get(timeZone);
  if (known !== undefined) createdAtS = known;
  else if (docDate) createdAtS = dtmSeconds(el(docDate, 0, 1), el(docDate, 0, 2) || "203", timeZone);
  else if (ic.unbDate) createdAtS = dtmSeconds(ic.unbDate.join(""), "unb", timeZone);
  if (known === undefined && (docDate || ic.unbDate)) msg.createdAtS.set(timeZone, createdAtS);
  if (typeof createdAtS === "string")
    return fail(docDate ? "DTM+137" : "UNB", createdAtS, docDate?.line ?? ic.line);

  const eventId = stableUuid(
    source,
    c.value,
    code,
    String(eventAtS),
    place?.port ?? "",
    place?.terminal ?? place?.facilityCode ?? "",
  );
  const ev = blankEvent(source, {
    eventId,
    eventType: "EQUIPMENT",
    classifier: "ACT",
    eventCode: code,
    eventAtS,
    createdAtS,
  });
  ev.extra = ev0Extra;
  ev.containerNumber = c.value;
  ev.isoEquipmentCode = el(eqd, 2) || null;
  ev.sizeFt = sizeFtOf(ev.isoEquipmentCode);
  const fullEmpty = el(eqd, 5);
  ev.emptyIndicator = fullEmpty === "4" ? "EMPTY" : fullEmpty === "5" ? "LADEN" : null;
  const status = el(eqd, 4);
  if (status !== "")
    ev.extra.equipmentStatus = { "2": "export", "3": "import", "6": "transhipment" }[status] ?? status;
  if (fullEmpty !== "" && ev.emptyIndicator === null) ev.extra.fullEmptyIndicator = fullEmpty;
  if (place) {
    ev.port = place.port;
    ev.facilityCode = place.facilityCode;
    ev.terminal = place.terminal;
  }

  // The vessel (main carriage, TDT stage 20) and, for gate moves, the inland mode.
  const main = msg.header.find((s) => s.tag === "TDT" && el(s, 0) === "20");
  if (main) {
    ev.voyage = el(main, 1) || null;
    const id = el(main, 7);
    const list = el(main, 7, 1);
    if (id !== "" && list === "146") {
      const imo = parseImoNumber(id);
      if (!imo.ok) return fail("TDT+20", imo.reason, main.line);
      ev.vesselImo = imo.value;
    } else if (id !== "" && list === "103") ev.vesselCallSign = id;
    ev.vesselName = el(main, 7, 3) || null;
  }
  if (source === "coarri") ev.mode = "VESSEL";
  else {
    const inland =
      group.find((s) => s.tag === "TDT") ?? msg.header.find((s) => s.tag === "TDT" && el(s, 0) !== "20");
    ev.mode = inland ? (MODES[el(inland, 2)] ?? null) : null;
  }

  for (const s of msg.header) if (s.tag === "RFF") ev.references.push({ type: el(s, 0), value: el(s, 0, 1) });
  msg.extra ??= headerExtra(msg, docDate);
  Object.assign(ev.extra, msg.extra);
  for (const s of group) {
    if (s === eqd || s === when) continue;
    if (s.tag === "RFF") {
      const [type, value] = [el(s, 0), el(s, 0, 1)];
      ev.references.push({ type, value });
      if (type === "BN") ev.carrierBookingReference ??= value;
      if (type === "BM") ev.transportDocumentReference ??= value;
    } else keepRaw(s, ev.extra, "");
  }
  return { line, event: ev };
}

/** Checks a message at its UNT and turns its groups into outcomes. */
function closeMessage(
  msg: Message,
  unt: Segment | null,
  ic: Interchange,
  facilities: FacilityLookup,
): Outcome[] {
  let error = msg.error;
  if (error === null && unt === null)
    error = { field: "UNT", reason: `message ${msg.ref} has no UNT`, line: msg.line };
  if (error === null && unt !== null) {
    const said = Number(el(unt, 0));
    if (el(unt, 1) !== msg.ref)
      error = {
        field: "UNT",
        reason: `UNT reference ${el(unt, 1)} does not match UNH ${msg.ref}`,
        line: unt.line,
      };
    else if (said !== msg.count)
      error = {
        field: "UNT",
        reason: `UNT says ${el(unt, 0)} segments, the message has ${msg.count}`,
        line: unt.line,
      };
  }
  const bgm = msg.header.find((s) => s.tag === "BGM");
  const code = bgm ? BGM_CODES[msg.type]?.[el(bgm, 0)] : undefined;
  if (error === null && code === undefined)
    error = {
      field: bgm ? `BGM+${el(bgm, 0)}` : "BGM",
      reason: `${msg.type} document code ${bgm ? el(bgm, 0) : "(no BGM)"} is not ${msg.type === "CODECO" ? "34 gate-in or 36 gate-out" : "44 discharge or 46 loading"}`,
      line: bgm?.line ?? msg.line,
    };
  const cnt = msg.header.find((s) => s.tag === "CNT" && el(s, 0) === "16");
  if (error === null && cnt !== undefined && Number(el(cnt, 0, 1)) !== msg.groups.length)
    error = {
      field: "CNT+16",
      reason: `CNT says ${el(cnt, 0, 1)} containers, the message has ${msg.groups.length}`,
      line: cnt.line,
    };
  const badHeader = msg.header.find((s) => s.error !== null);
  if (error === null && badHeader)
    error = { field: badHeader.tag, reason: badHeader.error!, line: badHeader.line };
  if (error !== null) {
    const e = error;
    if (msg.groups.length === 0) return [{ line: e.line, field: e.field, reason: e.reason }];
    return msg.groups.map((g) => ({
      line: g[0]!.line,
      field: e.field,
      reason: `${e.reason} (line ${e.line}); the equipment group ${el(g[0]!, 1)} is not trusted`,
    }));
  }
  const source: EventSource = msg.type === "CODECO" ? "codeco" : "coarri";
  return msg.groups.map((g) => mapGroup(msg, g, code!, source, ic, facilities));
}

/**
 * Parses an interchange (or bare messages) of CODECO and COARRI. `read` counts equipment groups
 * (plus one per message or interchange refused before any group could be read).
 * Example: the real COARRI fixture (Genoa VTE → COSCO, 2016) → 21 events (2 DISC, 19 LOAD).
 */
export function parseEdifact(text: string, file: string, facilities: FacilityLookup): ParsedOperations {
  const out = emptyParsed();
  const tokens = tokenizeEdifact(text);
  if (tokens.fatal) {
    out.read = 1;
    reject(out, file, tokens.fatal.line, tokens.fatal.field, tokens.fatal.reason);
    return out;
  }
  let ic: Interchange = { ref: null, line: 1, unbDate: null, messages: 0, outcomes: [] };
  let msg: Message | null = null;
  const seen = new Map<string, number>();
  const flush = (error: { field: string; reason: string; line: number } | null) => {
    if (msg !== null) {
      ic.outcomes.push(...closeMessage(msg, null, ic, facilities));
      msg = null;
    }
    for (const o of ic.outcomes) {
      out.read++;
      if (error !== null)
        reject(
          out,
          file,
          o.line,
          error.field,
          `${error.reason} (line ${error.line}); its messages are not trusted`,
        );
      else if (!("event" in o)) reject(out, file, o.line, o.field, o.reason);
      else if (seen.has(o.event.eventId))
        reject(
          out,
          file,
          o.line,
          `EQD+CN/${o.event.containerNumber}`,
          `duplicate of the equipment group at line ${seen.get(o.event.eventId)} (same box, move, time and place)`,
        );
      else {
        seen.set(o.event.eventId, o.line);
        out.events.push(o.event);
      }
    }
    if (error !== null && ic.outcomes.length === 0) {
      out.read++;
      reject(out, file, error.line, error.field, error.reason);
    }
    ic.outcomes = [];
  };
  for (const s of tokens.segments) {
    switch (s.tag) {
      case "UNB":
        if (ic.ref !== null)
          flush({ field: "UNZ", reason: `interchange ${ic.ref} has no UNZ`, line: ic.line });
        else flush(null);
        ic = {
          ref: el(s, 4),
          line: s.line,
          unbDate: el(s, 3) !== "" ? [el(s, 3), el(s, 3, 1)] : null,
          messages: 0,
          outcomes: [],
        };
        break;
      case "UNH": {
        if (msg !== null) ic.outcomes.push(...closeMessage(msg, null, ic, facilities));
        ic.messages++;
        const type = el(s, 1);
        msg = { ref: el(s, 0), type, line: s.line, header: [], groups: [], count: 1, error: null };
        if (type !== "CODECO" && type !== "COARRI")
          msg.error = {
            field: `UNH/${type}`,
            reason: `message type ${type} is not CODECO or COARRI`,
            line: s.line,
          };
        else if (!supportedRelease(el(s, 1, 1), el(s, 1, 2)))
          msg.error = {
            field: `UNH/${type}:${el(s, 1, 1)}:${el(s, 1, 2)}`,
            reason: `directory ${el(s, 1, 1)}.${el(s, 1, 2)} is older than D.95B`,
            line: s.line,
          };
        if (s.error !== null) msg.error = { field: "UNH", reason: s.error, line: s.line };
        break;
      }
      case "UNT":
        if (msg === null) {
          out.read++;
          reject(out, file, s.line, "UNT", "UNT without UNH");
          break;
        }
        msg.count++;
        ic.outcomes.push(...closeMessage(msg, s, ic, facilities));
        msg = null;
        break;
      case "UNZ": {
        let error: { field: string; reason: string; line: number } | null = null;
        if (ic.ref === null) error = { field: "UNZ", reason: "UNZ without UNB", line: s.line };
        else if (el(s, 1) !== ic.ref)
          error = {
            field: "UNZ",
            reason: `UNZ reference ${el(s, 1)} does not match UNB ${ic.ref}`,
            line: s.line,
          };
        else if (Number(el(s, 0)) !== ic.messages)
          error = {
            field: "UNZ",
            reason: `UNZ says ${el(s, 0)} messages, the interchange has ${ic.messages}`,
            line: s.line,
          };
        flush(error);
        ic = { ref: null, line: s.line, unbDate: null, messages: 0, outcomes: [] };
        break;
      }
      default:
        if (msg === null) {
          if (s.tag === "UNG" || s.tag === "UNE") break;
          out.read++;
          reject(out, file, s.line, s.tag, `segment ${s.tag} outside a message`);
          break;
        }
        msg.count++;
        if (s.tag === "EQD") msg.groups.push([s]);
        else if (msg.groups.length > 0 && s.tag !== "CNT") msg.groups[msg.groups.length - 1]!.push(s);
        else msg.header.push(s);
    }
  }
  if (ic.ref !== null) flush({ field: "UNZ", reason: `interchange ${ic.ref} has no UNZ`, line: ic.line });
  else flush(null);
  return out;
}
