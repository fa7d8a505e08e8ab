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
  /** SOTDMA/ITDMA radio status; null when the report stops before it (gpsd accepts 163-bit reports). */
  radio?: number | null;
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

/** Binary payload as carried: its length in bits and its bits as hex, zero-padded to whole bytes. */
interface AisBinaryData {
  dataBits: number;
  /** e.g. 48 bits → 12 hex digits; 98 bits → 26 (the last 6 bits zero padding), as gpsd prints it. */
  dataHex: string;
}

/** Type 11: UTC and date response, type 4's layout (sent by ships as well as base stations). */
export interface AisUtcResponse extends Omit<AisBaseStationReport, "msgType"> {
  msgType: 11;
}

/** Type 6: addressed binary message. */
export interface AisAddressedBinary extends AisHeader, AisBinaryData {
  msgType: 6;
  seqNo: number;
  destMmsi: number;
  retransmit: number;
  /** Designated area code and function identifier (the application identifier). */
  dac: number;
  fid: number;
}

/** Types 7 and 13: binary / safety acknowledgement of up to four messages; absent slots are null. */
export interface AisAcknowledge extends AisHeader {
  msgType: 7 | 13;
  mmsi1: number;
  seqNo1: number;
  mmsi2: number | null;
  seqNo2: number | null;
  mmsi3: number | null;
  seqNo3: number | null;
  mmsi4: number | null;
  seqNo4: number | null;
}

/** Type 8: broadcast binary message. */
export interface AisBroadcastBinary extends AisHeader, AisBinaryData {
  msgType: 8;
  dac: number;
  fid: number;
}

/** Type 9: standard SAR aircraft position report. */
export interface AisSarAircraftReport extends AisHeader {
  msgType: 9;
  /** Altitude from GNSS in metres (4095 not available → null; 4094 means 4094 m or higher). */
  altitudeM: number | null;
  /** Speed over ground in whole knots for aircraft (1023 not available → null). */
  sogKnots: number | null;
  positionAccuracy: number;
  lonDeg: number | null;
  latDeg: number | null;
  cogDeg: number | null;
  utcSecond: number | null;
  dte: number;
  assigned: number;
  raim: number;
  radio: number;
}

/** Type 10: UTC and date inquiry. */
export interface AisUtcInquiry extends AisHeader {
  msgType: 10;
  destMmsi: number;
}

/** Type 12: addressed safety-related message. */
export interface AisAddressedSafety extends AisHeader {
  msgType: 12;
  seqNo: number;
  destMmsi: number;
  retransmit: number;
  text: string | null;
}

/** Type 14: broadcast safety-related message. */
export interface AisBroadcastSafety extends AisHeader {
  msgType: 14;
  text: string | null;
}

/** Type 15: interrogation of one or two stations for up to three messages (slot offsets in slots). */
export interface AisInterrogation extends AisHeader {
  msgType: 15;
  mmsi1: number;
  mmsi1Type1: number;
  mmsi1OffsetSlots1: number;
  mmsi1Type2: number | null;
  mmsi1OffsetSlots2: number | null;
  mmsi2: number | null;
  mmsi2Type1: number | null;
  mmsi2OffsetSlots1: number | null;
}

/** Type 16: assigned mode command for one or two stations. */
export interface AisAssignedModeCommand extends AisHeader {
  msgType: 16;
  mmsi1: number;
  offsetSlots1: number;
  incrementSlots1: number;
  mmsi2: number | null;
  offsetSlots2: number | null;
  incrementSlots2: number | null;
}

/** Type 17: DGNSS broadcast binary message (reference station position in 1/10 minute). */
export interface AisDgnssBroadcast extends AisHeader, AisBinaryData {
  msgType: 17;
  lonDeg: number | null;
  latDeg: number | null;
}

/** Type 20: data link management, up to four slot reservations; absent ones are null. */
export interface AisDataLinkManagement extends AisHeader {
  msgType: 20;
  offsetSlots1: number;
  slots1: number;
  timeoutMin1: number;
  incrementSlots1: number;
  offsetSlots2: number | null;
  slots2: number | null;
  timeoutMin2: number | null;
  incrementSlots2: number | null;
  offsetSlots3: number | null;
  slots3: number | null;
  timeoutMin3: number | null;
  incrementSlots3: number | null;
  offsetSlots4: number | null;
  slots4: number | null;
  timeoutMin4: number | null;
  incrementSlots4: number | null;
}

/** Type 22: channel management, for a region (corners in 1/10 minute) or for two addressed stations. */
export interface AisChannelManagement extends AisHeader {
  msgType: 22;
  channelA: number;
  channelB: number;
  txRxMode: number;
  power: number;
  neLonDeg: number | null;
  neLatDeg: number | null;
  swLonDeg: number | null;
  swLatDeg: number | null;
  destMmsi1: number | null;
  destMmsi2: number | null;
  addressed: number;
  bandA: number;
  bandB: number;
  /** Transitional zone size: the 3-bit code 0..7 means 1..8 nautical miles. */
  zoneSizeNm: number;
}

/** Type 23: group assignment command for a region (corners in 1/10 minute). */
export interface AisGroupAssignment extends AisHeader {
  msgType: 23;
  neLonDeg: number | null;
  neLatDeg: number | null;
  swLonDeg: number | null;
  swLatDeg: number | null;
  stationType: number;
  shipType: number | null;
  txRxMode: number;
  /** Reporting interval code (M.1371-5 table 75), not seconds. */
  reportInterval: number;
  quietMin: number;
}

/** Types 25 and 26: single- and multiple-slot binary messages. */
export interface AisSlotBinary extends AisHeader, AisBinaryData {
  msgType: 25 | 26;
  addressed: number;
  structured: number;
  destMmsi: number | null;
  /** The application identifier, when the data is structured. */
  dac: number | null;
  fid: number | null;
  /** Type 26 only: the communication state after the data. */
  radio: number | null;
}

/** Message types that carry no track, static or station fact for this platform (decoded for counts and NDJSON). */
export type AisOtherPayload =
  | AisAddressedBinary
  | AisAcknowledge
  | AisBroadcastBinary
  | AisSarAircraftReport
  | AisUtcInquiry
  | AisUtcResponse
  | AisAddressedSafety
  | AisBroadcastSafety
  | AisInterrogation
  | AisAssignedModeCommand
  | AisDgnssBroadcast
  | AisDataLinkManagement
  | AisChannelManagement
  | AisGroupAssignment
  | AisSlotBinary;

/** A decoded message: one the encoder can also write (AisPayload) or one of the others. */
export type AisMessage = (AisPayload | AisOtherPayload) & AisMeta;

/**
 * Message types this decoder understands (every type ITU-R M.1371-5 defines); others (0, 28..63)
 * are rejected as `unsupported_type`, as are type 24 parts 2 and 3 (reserved).
 */
export const SUPPORTED_TYPES: readonly number[] = Array.from({ length: 27 }, (_, k) => k + 1);

/**
 * AIS's position unit, 1/10 000 minute (ITU-R M.1371-5, message 1 longitude and latitude): 600 000
 * to the degree. Track blocks store positions in it, so AIS positions round-trip exactly.
 */
export const POSITION_UNITS_PER_DEG = 600_000;
/** "Not available" positions as sent (lon 181°, lat 91°). */
export const LON_NOT_AVAILABLE_U = 181 * POSITION_UNITS_PER_DEG;
export const LAT_NOT_AVAILABLE_U = 91 * POSITION_UNITS_PER_DEG;

function lon(raw: number): number | null {
  return raw === LON_NOT_AVAILABLE_U ? null : raw / POSITION_UNITS_PER_DEG;
}
function lat(raw: number): number | null {
  return raw === LAT_NOT_AVAILABLE_U ? null : raw / POSITION_UNITS_PER_DEG;
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

/** Longitude / latitude in 1/10 minute (types 17, 22, 23, 27): 181° / 91° mean not available. */
function lonTenthMin(raw: number): number | null {
  return raw === 181 * 600 ? null : raw / 600;
}
function latTenthMin(raw: number): number | null {
  return raw === 91 * 600 ? null : raw / 600;
}

const HEX = "0123456789abcdef";

/** `nBits` bits from `startBit` as hex, the last byte zero-padded (gpsd's "bits:hex" form). */
function bitsHex(sb: Uint8Array, startBit: number, nBits: number): string {
  let s = "";
  for (let b = 0; b < nBits; b += 8) {
    const n = Math.min(8, nBits - b);
    const byte = readUint(sb, startBit + b, n) << (8 - n);
    s += HEX[byte >> 4]! + HEX[byte & 15]!;
  }
  return s;
}

/** A field that is there only when the payload reaches `endBit` (optional slots of types 7, 13, 15, 16, 20). */
function optional(sb: Uint8Array, bitLen: number, startBit: number, lenBits: number): number | null {
  return bitLen >= startBit + lenBits ? readUint(sb, startBit, lenBits) : null;
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
      // Everything up to RAIM (bit 148) is needed; a report cut short in its radio status (gpsd's
      // sample.aivdm has a 163-bit one) keeps its position, with radio null.
      if (bitLen < 149) return "truncated";
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
        radio: bitLen >= 168 ? readUint(sb, 149, 19) : null,
      };
    }
    case 4:
    case 11: {
      if (bitLen < 168) return "truncated";
      const hour = readUint(sb, 61, 5);
      const minute = readUint(sb, 66, 6);
      return {
        line,
        channel,
        msgType: msgType as 4 | 11,
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
        lonDeg: lonTenthMin(readInt(sb, 44, 18)),
        latDeg: latTenthMin(readInt(sb, 62, 17)),
        sogKnots: sogRaw === 63 ? null : sogRaw,
        cogDeg: cogRaw === 511 ? null : cogRaw,
        gnss: readUint(sb, 94, 1),
      };
    }
    case 6: {
      // Header, destination, retransmit, spare, then the application identifier (DAC 10, FI 6 bits).
      if (bitLen < 88) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        seqNo: readUint(sb, 38, 2),
        destMmsi: readUint(sb, 40, 30),
        retransmit: readUint(sb, 70, 1),
        dac: readUint(sb, 72, 10),
        fid: readUint(sb, 82, 6),
        dataBits: bitLen - 88,
        dataHex: bitsHex(sb, 88, bitLen - 88),
      };
    }
    case 7:
    case 13:
      // One to four (MMSI 30, sequence number 2) pairs from bit 40; a pair counts only when whole
      // (gpsd zero-pads a cut-off last MMSI, e.g. 124- and 128-bit type 7s of its sample.aivdm).
      if (bitLen < 72) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        mmsi1: readUint(sb, 40, 30),
        seqNo1: readUint(sb, 70, 2),
        mmsi2: bitLen >= 104 ? readUint(sb, 72, 30) : null,
        seqNo2: optional(sb, bitLen, 102, 2),
        mmsi3: bitLen >= 136 ? readUint(sb, 104, 30) : null,
        seqNo3: optional(sb, bitLen, 134, 2),
        mmsi4: bitLen >= 168 ? readUint(sb, 136, 30) : null,
        seqNo4: optional(sb, bitLen, 166, 2),
      };
    case 8:
      if (bitLen < 56) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        dac: readUint(sb, 40, 10),
        fid: readUint(sb, 50, 6),
        dataBits: bitLen - 56,
        dataHex: bitsHex(sb, 56, bitLen - 56),
      };
    case 9: {
      if (bitLen < 168) return "truncated";
      const altitudeM = readUint(sb, 38, 12);
      const sogKnots = readUint(sb, 50, 10);
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        altitudeM: altitudeM === 4095 ? null : altitudeM,
        sogKnots: sogKnots === 1023 ? null : sogKnots,
        positionAccuracy: readUint(sb, 60, 1),
        lonDeg: lon(readInt(sb, 61, 28)),
        latDeg: lat(readInt(sb, 89, 27)),
        cogDeg: cog(readUint(sb, 116, 12)),
        utcSecond: second(readUint(sb, 128, 6)),
        dte: readUint(sb, 142, 1),
        assigned: readUint(sb, 146, 1),
        raim: readUint(sb, 147, 1),
        radio: readUint(sb, 148, 20),
      };
    }
    case 10:
      if (bitLen < 70) return "truncated";
      return { line, channel, msgType, repeat, mmsi, destMmsi: readUint(sb, 40, 30) };
    case 12:
      if (bitLen < 72) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        seqNo: readUint(sb, 38, 2),
        destMmsi: readUint(sb, 40, 30),
        retransmit: readUint(sb, 70, 1),
        text: readText(sb, 72, Math.floor((bitLen - 72) / 6)),
      };
    case 14:
      return { line, channel, msgType, repeat, mmsi, text: readText(sb, 40, Math.floor((bitLen - 40) / 6)) };
    case 15:
      // 88 bits (one station, one message), 108/112 (two messages), 160 (a second station).
      if (bitLen < 88) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        mmsi1: readUint(sb, 40, 30),
        mmsi1Type1: readUint(sb, 70, 6),
        mmsi1OffsetSlots1: readUint(sb, 76, 12),
        mmsi1Type2: optional(sb, bitLen, 90, 6),
        mmsi1OffsetSlots2: optional(sb, bitLen, 96, 12),
        mmsi2: bitLen >= 158 ? readUint(sb, 110, 30) : null,
        mmsi2Type1: bitLen >= 158 ? readUint(sb, 140, 6) : null,
        mmsi2OffsetSlots1: bitLen >= 158 ? readUint(sb, 146, 12) : null,
      };
    case 16: {
      // 96 bits (one station) or 144 (two).
      if (bitLen < 92) return "truncated";
      const two = bitLen >= 144;
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        mmsi1: readUint(sb, 40, 30),
        offsetSlots1: readUint(sb, 70, 12),
        incrementSlots1: readUint(sb, 82, 10),
        mmsi2: two ? readUint(sb, 92, 30) : null,
        offsetSlots2: two ? readUint(sb, 122, 12) : null,
        incrementSlots2: two ? readUint(sb, 134, 10) : null,
      };
    }
    case 17:
      if (bitLen < 80) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        lonDeg: lonTenthMin(readInt(sb, 40, 18)),
        latDeg: latTenthMin(readInt(sb, 58, 17)),
        dataBits: bitLen - 80,
        dataHex: bitsHex(sb, 80, bitLen - 80),
      };
    case 20: {
      // One to four reservations of 30 bits from bit 40: offset 12, slots 4, timeout 3, increment 11.
      if (bitLen < 70) return "truncated";
      const at = (k: number, start: number, len: number) =>
        bitLen >= 70 + 30 * k ? readUint(sb, 40 + 30 * k + start, len) : null;
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        offsetSlots1: readUint(sb, 40, 12),
        slots1: readUint(sb, 52, 4),
        timeoutMin1: readUint(sb, 56, 3),
        incrementSlots1: readUint(sb, 59, 11),
        offsetSlots2: at(1, 0, 12),
        slots2: at(1, 12, 4),
        timeoutMin2: at(1, 16, 3),
        incrementSlots2: at(1, 19, 11),
        offsetSlots3: at(2, 0, 12),
        slots3: at(2, 12, 4),
        timeoutMin3: at(2, 16, 3),
        incrementSlots3: at(2, 19, 11),
        offsetSlots4: at(3, 0, 12),
        slots4: at(3, 12, 4),
        timeoutMin4: at(3, 16, 3),
        incrementSlots4: at(3, 19, 11),
      };
    }
    case 22: {
      if (bitLen < 145) return "truncated";
      // Bit 139 says whether bits 69..138 hold two addressed MMSIs or a region's corners.
      const addressed = readUint(sb, 139, 1);
      const region = addressed === 0;
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        channelA: readUint(sb, 40, 12),
        channelB: readUint(sb, 52, 12),
        txRxMode: readUint(sb, 64, 4),
        power: readUint(sb, 68, 1),
        neLonDeg: region ? lonTenthMin(readInt(sb, 69, 18)) : null,
        neLatDeg: region ? latTenthMin(readInt(sb, 87, 17)) : null,
        swLonDeg: region ? lonTenthMin(readInt(sb, 104, 18)) : null,
        swLatDeg: region ? latTenthMin(readInt(sb, 122, 17)) : null,
        destMmsi1: region ? null : readUint(sb, 69, 30),
        destMmsi2: region ? null : readUint(sb, 104, 30),
        addressed,
        bandA: readUint(sb, 140, 1),
        bandB: readUint(sb, 141, 1),
        zoneSizeNm: readUint(sb, 142, 3) + 1,
      };
    }
    case 23:
      if (bitLen < 154) return "truncated";
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        neLonDeg: lonTenthMin(readInt(sb, 40, 18)),
        neLatDeg: latTenthMin(readInt(sb, 58, 17)),
        swLonDeg: lonTenthMin(readInt(sb, 75, 18)),
        swLatDeg: latTenthMin(readInt(sb, 93, 17)),
        stationType: readUint(sb, 110, 4),
        shipType: zeroNull(readUint(sb, 114, 8)),
        txRxMode: readUint(sb, 144, 2),
        reportInterval: readUint(sb, 146, 4),
        quietMin: readUint(sb, 150, 4),
      };
    case 25:
    case 26: {
      // Flags, then a destination MMSI when addressed, then DAC/FI when structured, then data; a
      // type 26 ends with 20 bits of communication state.
      if (bitLen < 40) return "truncated";
      const addressed = readUint(sb, 38, 1);
      const structured = readUint(sb, 39, 1);
      const radioBits = msgType === 26 ? 20 : 0;
      const dataStart = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0);
      const appStart = dataStart - 16;
      if (bitLen < dataStart + radioBits) return "truncated";
      const dataBits = bitLen - dataStart - radioBits;
      return {
        line,
        channel,
        msgType,
        repeat,
        mmsi,
        addressed,
        structured,
        destMmsi: addressed ? readUint(sb, 40, 30) : null,
        dac: structured ? readUint(sb, appStart, 10) : null,
        fid: structured ? readUint(sb, appStart + 10, 6) : null,
        dataBits,
        dataHex: bitsHex(sb, dataStart, dataBits),
        radio: radioBits > 0 ? readUint(sb, bitLen - 20, 20) : null,
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
