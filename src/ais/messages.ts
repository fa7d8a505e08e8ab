/**
 * AIS message payloads (ITU-R M.1371-5 Annex 8; field layout as in gpsd's "AIVDM/AIVDO protocol
 * decoding"), decoded from six-bit values into plain objects with units in their names.
 * "Not available" codes become `null`.
 */
import { readInt, readText, readUint } from "./sixbit.ts";

/** Stable reject reasons; other tools count and store them by these names. */
export type AisRejectReason =
  | "bad_checksum"
  | "truncated"
  | "bad_fill_bits"
  | "unsupported_type"
  | "bad_armor_character"
  | "orphan_part"
  | "mismatched_part"
  | "empty_payload"
  | "bad_tag_block_checksum"
  | "not_ais"
  | "malformed_sentence";

export const AIS_REJECT_REASONS: readonly AisRejectReason[] = [
  "bad_checksum",
  "truncated",
  "bad_fill_bits",
  "unsupported_type",
  "bad_armor_character",
  "orphan_part",
  "mismatched_part",
  "empty_payload",
  "bad_tag_block_checksum",
  "not_ais",
  "malformed_sentence",
];

/** Where and how a message arrived (set by the decoder, ignored by the encoder). */
export interface AisMeta {
  /** 1-based number of the input line that completed the message. */
  line: number;
  /** Radio channel from the sentence ("A", "B", "1", "2"), null when empty. */
  channel: string | null;
  /** NMEA 4.0 tag block `s:` (receiver / source id). */
  tagSource?: string;
  /** NMEA 4.0 tag block `c:` as Unix seconds (millisecond values are scaled). */
  tagUnixTimeS?: number;
  /** NMEA 4.0 tag block `g:` group id. */
  tagGroupId?: number;
}

interface AisHeader {
  msgType: number;
  repeat: number;
  mmsi: number;
}

/** Types 1, 2, 3: class A position report. */
export interface AisPositionReportA extends AisHeader {
  msgType: 1 | 2 | 3;
  navStatus: number;
  /** Rate of turn in °/min from the ROT_AIS indicator; null when not available or beyond ±708 °/min (see rotRaw). */
  rotDegPerMin: number | null;
  /** Raw ROT_AIS indicator (-128 not available, ±127 turning faster than 5°/30 s without a turn indicator). */
  rotRaw?: number;
  sogKnots: number | null;
  positionAccuracy: number;
  lonDeg: number | null;
  latDeg: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  utcSecond: number | null;
  /** Special manoeuvre indicator: 1 none, 2 special; 0 (not available) is null. */
  maneuver: number | null;
  raim: number;
  radio?: number;
}

/** Type 4: base station report (UTC date and time plus position). */
export interface AisBaseStationReport extends AisHeader {
  msgType: 4;
  year: number | null;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  second: number | null;
  positionAccuracy: number;
  lonDeg: number | null;
  latDeg: number | null;
  epfd: number | null;
  raim: number;
  radio?: number;
}

/** Type 5: class A static and voyage related data (two sentences). */
export interface AisStaticVoyage extends AisHeader {
  msgType: 5;
  aisVersion: number;
  imo: number | null;
  callsign: string | null;
  shipname: string | null;
  shipType: number | null;
  toBowM: number;
  toSternM: number;
  toPortM: number;
  toStarboardM: number;
  epfd: number | null;
  etaMonth: number | null;
  etaDay: number | null;
  etaHour: number | null;
  etaMinute: number | null;
  draughtM: number | null;
  destination: string | null;
  /** Data terminal: 0 ready, 1 not ready; null when the (non-standard) short message omits it. */
  dte: number | null;
}

/** Type 18: class B CS position report. */
export interface AisPositionReportB extends AisHeader {
  msgType: 18;
  sogKnots: number | null;
  positionAccuracy: number;
  lonDeg: number | null;
  latDeg: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  utcSecond: number | null;
  csUnit: number;
  display: number;
  dsc: number;
  band: number;
  msg22: number;
  assigned: number;
  raim: number;
  radio?: number;
}

/** Type 19: extended class B position report. */
export interface AisExtendedPositionReportB extends AisHeader {
  msgType: 19;
  sogKnots: number | null;
  positionAccuracy: number;
  lonDeg: number | null;
  latDeg: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  utcSecond: number | null;
  shipname: string | null;
  shipType: number | null;
  toBowM: number;
  toSternM: number;
  toPortM: number;
  toStarboardM: number;
  epfd: number | null;
  raim: number;
  dte: number;
  assigned: number;
}

/** Type 21: aid-to-navigation report. */
export interface AisAidToNavigation extends AisHeader {
  msgType: 21;
  aidType: number | null;
  /** Name with its extension (bits 272+) appended. */
  name: string | null;
  positionAccuracy: number;
  lonDeg: number | null;
  latDeg: number | null;
  toBowM: number;
  toSternM: number;
  toPortM: number;
  toStarboardM: number;
  epfd: number | null;
  utcSecond: number | null;
  offPosition: number;
  /** raim, virtualAid and assigned are null in the short (260..271-bit) messages some AtoNs send. */
  raim: number | null;
  virtualAid: number | null;
  assigned: number | null;
}

/** Type 24 part A: class B static data, name. */
export interface AisStaticDataA extends AisHeader {
  msgType: 24;
  partNo: 0;
  shipname: string | null;
}

/** Type 24 part B: class B static data, type, vendor, callsign, dimensions or mothership. */
export interface AisStaticDataB extends AisHeader {
  msgType: 24;
  partNo: 1;
  shipType: number | null;
  vendorId: string | null;
  model: number;
  serial: number;
  callsign: string | null;
  toBowM: number | null;
  toSternM: number | null;
  toPortM: number | null;
  toStarboardM: number | null;
  /** Set instead of the dimensions for auxiliary craft (MMSI 98xxxyyyy). */
  mothershipMmsi: number | null;
}

/** Type 27: long-range position report (coarse: 1/10 minute, whole knots and degrees). */
export interface AisLongRangeReport extends AisHeader {
  msgType: 27;
  positionAccuracy: number;
  raim: number;
  navStatus: number;
  lonDeg: number | null;
  latDeg: number | null;
  sogKnots: number | null;
  cogDeg: number | null;
  /** 0 = position from the current GNSS fix, 1 = not. */
  gnss: number;
}

export type AisPayload =
  | AisPositionReportA
  | AisBaseStationReport
  | AisStaticVoyage
  | AisPositionReportB
  | AisExtendedPositionReportB
  | AisAidToNavigation
  | AisStaticDataA
  | AisStaticDataB
  | AisLongRangeReport;

export type AisMessage = AisPayload & AisMeta;

/** Message types this decoder understands; others are rejected as `unsupported_type`. */
export const SUPPORTED_TYPES: readonly number[] = [1, 2, 3, 4, 5, 18, 19, 21, 24, 27];

// "Not available" codes in 1/10 000 minute units (lon 181°, lat 91°).
const LON_NA = 181 * 600000;
const LAT_NA = 91 * 600000;

function lon(raw: number): number | null {
  return raw === LON_NA ? null : raw / 600000;
}
function lat(raw: number): number | null {
  return raw === LAT_NA ? null : raw / 600000;
}
function sog(raw: number): number | null {
  return raw === 1023 ? null : raw / 10;
}
function cog(raw: number): number | null {
  return raw >= 3600 ? null : raw / 10;
}
function heading(raw: number): number | null {
  return raw === 511 ? null : raw;
}
function second(raw: number): number | null {
  return raw >= 60 ? null : raw;
}
function zeroNull(raw: number): number | null {
  return raw === 0 ? null : raw;
}

/** ROT_AIS = 4.733 √(ROT °/min) (M.1371-5 Annex 8 table 45); ±127 and -128 carry no rate. */
function rot(raw: number): number | null {
  if (raw === -128 || raw === 127 || raw === -127) return null;
  const r = raw / 4.733;
  return Math.round((raw < 0 ? -r * r : r * r) * 10) / 10;
}

function isAuxiliaryCraft(mmsi: number): boolean {
  return mmsi >= 980000000 && mmsi <= 989999999;
}

/**
 * Decodes one reassembled payload held as six-bit values. Returns the message, or the reject
 * reason when the type is unsupported or the payload is shorter than the type requires.
 * Over-long payloads (extra bits some transmitters send) are accepted and the extra ignored.
 *
 * Example (gpsd AIVDM guide): payload "15M67FC000G?ufbE`FepT@3n00Sa" (168 bits) decodes to
 * msgType 1, mmsi 366053209, navStatus 3, sogKnots 0, lonDeg -122.341618…, latDeg 37.802118…,
 * cogDeg 219.3, headingDeg 1, utcSecond 59.
 */
export function decodePayload(
  sb: Uint8Array,
  bitLen: number,
  line: number,
  channel: string | null,
): AisMessage | AisRejectReason {
  if (bitLen < 38) return "truncated";
  const msgType = readUint(sb, 0, 6);
  const repeat = readUint(sb, 6, 2);
  const mmsi = readUint(sb, 8, 30);
  switch (msgType) {
    case 1:
    case 2:
    case 3: {
      if (bitLen < 168) return "truncated";
      const rotRaw = readInt(sb, 42, 8);
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        navStatus: readUint(sb, 38, 4),
        rotDegPerMin: rot(rotRaw),
        rotRaw,
        sogKnots: sog(readUint(sb, 50, 10)),
        positionAccuracy: readUint(sb, 60, 1),
        lonDeg: lon(readInt(sb, 61, 28)),
        latDeg: lat(readInt(sb, 89, 27)),
        cogDeg: cog(readUint(sb, 116, 12)),
        headingDeg: heading(readUint(sb, 128, 9)),
        utcSecond: second(readUint(sb, 137, 6)),
        maneuver: zeroNull(readUint(sb, 143, 2)),
        raim: readUint(sb, 148, 1),
        radio: readUint(sb, 149, 19),
      };
    }
    case 4: {
      if (bitLen < 168) return "truncated";
      const hour = readUint(sb, 61, 5);
      const minute = readUint(sb, 66, 6);
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        year: zeroNull(readUint(sb, 38, 14)),
        month: zeroNull(readUint(sb, 52, 4)),
        day: zeroNull(readUint(sb, 56, 5)),
        hour: hour >= 24 ? null : hour,
        minute: minute >= 60 ? null : minute,
        second: second(readUint(sb, 72, 6)),
        positionAccuracy: readUint(sb, 78, 1),
        lonDeg: lon(readInt(sb, 79, 28)),
        latDeg: lat(readInt(sb, 107, 27)),
        epfd: zeroNull(readUint(sb, 134, 4)),
        raim: readUint(sb, 148, 1),
        radio: readUint(sb, 149, 19),
      };
    }
    case 5: {
      // 424 bits per the standard; some transmitters send 420 (no dte, no spare).
      if (bitLen < 420) return "truncated";
      const etaHour = readUint(sb, 283, 5);
      const etaMinute = readUint(sb, 288, 6);
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        aisVersion: readUint(sb, 38, 2),
        imo: zeroNull(readUint(sb, 40, 30)),
        callsign: readText(sb, 70, 7),
        shipname: readText(sb, 112, 20),
        shipType: zeroNull(readUint(sb, 232, 8)),
        toBowM: readUint(sb, 240, 9),
        toSternM: readUint(sb, 249, 9),
        toPortM: readUint(sb, 258, 6),
        toStarboardM: readUint(sb, 264, 6),
        epfd: zeroNull(readUint(sb, 270, 4)),
        etaMonth: zeroNull(readUint(sb, 274, 4)),
        etaDay: zeroNull(readUint(sb, 278, 5)),
        etaHour: etaHour >= 24 ? null : etaHour,
        etaMinute: etaMinute >= 60 ? null : etaMinute,
        draughtM: readUint(sb, 294, 8) === 0 ? null : readUint(sb, 294, 8) / 10,
        destination: readText(sb, 302, 20),
        dte: bitLen >= 423 ? readUint(sb, 422, 1) : null,
      };
    }
    case 18: {
      if (bitLen < 168) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        sogKnots: sog(readUint(sb, 46, 10)),
        positionAccuracy: readUint(sb, 56, 1),
        lonDeg: lon(readInt(sb, 57, 28)),
        latDeg: lat(readInt(sb, 85, 27)),
        cogDeg: cog(readUint(sb, 112, 12)),
        headingDeg: heading(readUint(sb, 124, 9)),
        utcSecond: second(readUint(sb, 133, 6)),
        csUnit: readUint(sb, 141, 1),
        display: readUint(sb, 142, 1),
        dsc: readUint(sb, 143, 1),
        band: readUint(sb, 144, 1),
        msg22: readUint(sb, 145, 1),
        assigned: readUint(sb, 146, 1),
        raim: readUint(sb, 147, 1),
        radio: readUint(sb, 148, 20),
      };
    }
    case 19: {
      if (bitLen < 312) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        sogKnots: sog(readUint(sb, 46, 10)),
        positionAccuracy: readUint(sb, 56, 1),
        lonDeg: lon(readInt(sb, 57, 28)),
        latDeg: lat(readInt(sb, 85, 27)),
        cogDeg: cog(readUint(sb, 112, 12)),
        headingDeg: heading(readUint(sb, 124, 9)),
        utcSecond: second(readUint(sb, 133, 6)),
        shipname: readText(sb, 143, 20),
        shipType: zeroNull(readUint(sb, 263, 8)),
        toBowM: readUint(sb, 271, 9),
        toSternM: readUint(sb, 280, 9),
        toPortM: readUint(sb, 289, 6),
        toStarboardM: readUint(sb, 295, 6),
        epfd: zeroNull(readUint(sb, 301, 4)),
        raim: readUint(sb, 305, 1),
        dte: readUint(sb, 306, 1),
        assigned: readUint(sb, 307, 1),
      };
    }
    case 21: {
      // 272 bits + name extension per M.1371-5; some AtoNs stop after the regional bits (268), so
      // anything from the off-position flag on (260) is accepted and the missing flags are null.
      if (bitLen < 260) return "truncated";
      const full = bitLen >= 271;
      // Name extension: up to 14 more characters after bit 272, whole characters only.
      const extChars = bitLen > 272 ? Math.min(14, Math.floor((bitLen - 272) / 6)) : 0;
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        aidType: zeroNull(readUint(sb, 38, 5)),
        name: aidName(sb, extChars),
        positionAccuracy: readUint(sb, 163, 1),
        lonDeg: lon(readInt(sb, 164, 28)),
        latDeg: lat(readInt(sb, 192, 27)),
        toBowM: readUint(sb, 219, 9),
        toSternM: readUint(sb, 228, 9),
        toPortM: readUint(sb, 237, 6),
        toStarboardM: readUint(sb, 243, 6),
        epfd: zeroNull(readUint(sb, 249, 4)),
        utcSecond: second(readUint(sb, 253, 6)),
        offPosition: readUint(sb, 259, 1),
        raim: full ? readUint(sb, 268, 1) : null,
        virtualAid: full ? readUint(sb, 269, 1) : null,
        assigned: full ? readUint(sb, 270, 1) : null,
      };
    }
    case 24: {
      if (bitLen < 40) return "truncated";
      const partNo = readUint(sb, 38, 2);
      if (partNo === 0) {
        // Part A is 160 bits in M.1371-5; some transmitters pad it to 168.
        if (bitLen < 160) return "truncated";
        return { line, channel, msgType, repeat, mmsi, partNo, shipname: readText(sb, 40, 20) };
      }
      if (partNo !== 1) return "unsupported_type";
      if (bitLen < 162) return "truncated";
      const aux = isAuxiliaryCraft(mmsi);
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        partNo,
        shipType: zeroNull(readUint(sb, 40, 8)),
        vendorId: readText(sb, 48, 3),
        model: readUint(sb, 66, 4),
        serial: readUint(sb, 70, 20),
        callsign: readText(sb, 90, 7),
        toBowM: aux ? null : readUint(sb, 132, 9),
        toSternM: aux ? null : readUint(sb, 141, 9),
        toPortM: aux ? null : readUint(sb, 150, 6),
        toStarboardM: aux ? null : readUint(sb, 156, 6),
        mothershipMmsi: aux ? readUint(sb, 132, 30) : null,
      };
    }
    case 27: {
      if (bitLen < 96) return "truncated";
      const lonRaw = readInt(sb, 44, 18);
      const latRaw = readInt(sb, 62, 17);
      const sogRaw = readUint(sb, 79, 6);
      const cogRaw = readUint(sb, 85, 9);
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        positionAccuracy: readUint(sb, 38, 1),
        raim: readUint(sb, 39, 1),
        navStatus: readUint(sb, 40, 4),
        // Position in 1/10 minute: 181° / 91° mean not available.
        lonDeg: lonRaw === 181 * 600 ? null : lonRaw / 600,
        latDeg: latRaw === 91 * 600 ? null : latRaw / 600,
        sogKnots: sogRaw === 63 ? null : sogRaw,
        cogDeg: cogRaw === 511 ? null : cogRaw,
        gnss: readUint(sb, 94, 1),
      };
    }
    default:
      return "unsupported_type";
  }
}

function aidName(sb: Uint8Array, extChars: number): string | null {
  const base = readText(sb, 43, 20);
  // The extension only continues a name that fills all 20 characters.
  if (extChars === 0 || base === null || readUint(sb, 43 + 19 * 6, 6) === 0) return base;
  const ext = readText(sb, 272, extChars);
  if (ext === null) return base;
  return readTextRaw(sb, 43, 20) + ext;
}

/** The 20 base characters without trimming (trailing spaces are part of the name when extended). */
function readTextRaw(sb: Uint8Array, startBit: number, nChars: number): string {
  let s = "";
  for (let k = 0; k < nChars; k++) {
    const v = readUint(sb, startBit + k * 6, 6);
    s += String.fromCharCode(v < 32 ? v + 64 : v);
  }
  return s;
}
