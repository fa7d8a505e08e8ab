/**
 * AIS encoder: the inverse of decodePayload for every supported type, producing complete
 * AIVDM sentences (multi-sentence when the payload is long, optional NMEA 4.0 tag blocks,
 * correct fill bits and checksums). Used by the demo-world generator and the round-trip tests.
 * `null` fields are written as the "not available" codes the decoder turns back into `null`.
 */
import { DomainError } from "../core/errors.ts";
import {
  type AisPayload,
  LAT_NOT_AVAILABLE_U,
  LON_NOT_AVAILABLE_U,
  POSITION_UNITS_PER_DEG,
} from "./messages.ts";
import { BitWriter } from "./sixbit.ts";

export interface AisEncodeOptions {
  /** Talker and sentence, default "AIVDM". */
  talker?: string;
  /** Radio channel, default "A". */
  channel?: string;
  /** Sequential message id 0..9 used on multi-sentence messages, default 0. */
  seqId?: number;
  /** Most payload characters per sentence, default 60 (keeps sentences within 82 characters). */
  maxPayloadChars?: number;
  /**
   * Adds an NMEA 4.0 tag block; multi-sentence messages are linked with `g:` groups (give each
   * message its own groupId: decoders join parts by it).
   */
  tag?: { source?: string; unixTimeS?: number; groupId?: number };
}

/**
 * XOR checksum of the characters between the start delimiter and '*', as two upper-case hex digits.
 *
 * Example: `nmeaChecksum("AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0") === "5C"`.
 */
export function nmeaChecksum(body: string): string {
  let x = 0;
  for (let k = 0; k < body.length; k++) x ^= body.charCodeAt(k);
  return x.toString(16).toUpperCase().padStart(2, "0");
}

function tagBlock(fields: string[]): string {
  const body = fields.join(",");
  return `\\${body}*${nmeaChecksum(body)}\\`;
}

function na(v: number | null | undefined, code: number): number {
  return v === null || v === undefined ? code : v;
}
function outOfRange(field: string, v: number): never {
  throw new DomainError("validation", `AIS ${field} ${v} is out of range`, [
    { field, reason: "out_of_range" },
  ]);
}
function lonRaw(v: number | null): number {
  if (v === null) return LON_NOT_AVAILABLE_U;
  if (!(Math.abs(v) <= 180)) outOfRange("lonDeg", v);
  return Math.round(v * POSITION_UNITS_PER_DEG);
}
function latRaw(v: number | null): number {
  if (v === null) return LAT_NOT_AVAILABLE_U;
  if (!(Math.abs(v) <= 90)) outOfRange("latDeg", v);
  return Math.round(v * POSITION_UNITS_PER_DEG);
}
function sogRaw(v: number | null): number {
  return v === null ? 1023 : Math.min(1022, Math.round(v * 10));
}
function cogRaw(v: number | null): number {
  // 359.96° rounds to 3600, the "not available" code: wrap it to 0.
  return v === null ? 3600 : Math.round(v * 10) % 3600;
}
function headingRaw(v: number | null): number {
  return v === null ? 511 : Math.round(v) % 360;
}

/** ROT_AIS = 4.733 √(°/min), signed, limited to ±126 (±127 means "no turn indicator"). */
function rotRaw(rotDegPerMin: number | null): number {
  if (rotDegPerMin === null) return -128;
  const r = Math.min(126, Math.round(4.733 * Math.sqrt(Math.abs(rotDegPerMin))));
  return rotDegPerMin < 0 ? -r : r;
}

/**
 * The payload bits of one message, laid out as decodePayload reads them.
 *
 * Example: a type 1 report is 168 bits (28 armour characters, 0 fill bits); a type 5 is 424 bits
 * (71 characters, 2 fill bits); a type 24 part A is 160 bits (27 characters, 2 fill bits).
 */
export function encodePayloadBits(m: AisPayload): BitWriter {
  const w = new BitWriter();
  w.uint(m.msgType, 6).uint(m.repeat, 2).uint(m.mmsi, 30);
  switch (m.msgType) {
    case 1:
    case 2:
    case 3:
      w.uint(m.navStatus, 4)
        .int(m.rotRaw ?? rotRaw(m.rotDegPerMin), 8)
        .uint(sogRaw(m.sogKnots), 10)
        .uint(m.positionAccuracy, 1)
        .int(lonRaw(m.lonDeg), 28)
        .int(latRaw(m.latDeg), 27)
        .uint(cogRaw(m.cogDeg), 12)
        .uint(headingRaw(m.headingDeg), 9)
        .uint(na(m.utcSecond, 60), 6)
        .uint(na(m.maneuver, 0), 2)
        .uint(0, 3)
        .uint(m.raim, 1)
        .uint(m.radio ?? 0, 19);
      break;
    case 4:
      w.uint(na(m.year, 0), 14)
        .uint(na(m.month, 0), 4)
        .uint(na(m.day, 0), 5)
        .uint(na(m.hour, 24), 5)
        .uint(na(m.minute, 60), 6)
        .uint(na(m.second, 60), 6)
        .uint(m.positionAccuracy, 1)
        .int(lonRaw(m.lonDeg), 28)
        .int(latRaw(m.latDeg), 27)
        .uint(na(m.epfd, 0), 4)
        .uint(0, 10)
        .uint(m.raim, 1)
        .uint(m.radio ?? 0, 19);
      break;
    case 5:
      w.uint(m.aisVersion, 2)
        .uint(na(m.imo, 0), 30)
        .text(m.callsign, 7)
        .text(m.shipname, 20)
        .uint(na(m.shipType, 0), 8)
        .uint(m.toBowM, 9)
        .uint(m.toSternM, 9)
        .uint(m.toPortM, 6)
        .uint(m.toStarboardM, 6)
        .uint(na(m.epfd, 0), 4)
        .uint(na(m.etaMonth, 0), 4)
        .uint(na(m.etaDay, 0), 5)
        .uint(na(m.etaHour, 24), 5)
        .uint(na(m.etaMinute, 60), 6)
        .uint(m.draughtM === null ? 0 : Math.round(m.draughtM * 10), 8)
        .text(m.destination, 20)
        .uint(na(m.dte, 0), 1)
        .uint(0, 1);
      break;
    case 18:
      w.uint(0, 8)
        .uint(sogRaw(m.sogKnots), 10)
        .uint(m.positionAccuracy, 1)
        .int(lonRaw(m.lonDeg), 28)
        .int(latRaw(m.latDeg), 27)
        .uint(cogRaw(m.cogDeg), 12)
        .uint(headingRaw(m.headingDeg), 9)
        .uint(na(m.utcSecond, 60), 6)
        .uint(0, 2)
        .uint(m.csUnit, 1)
        .uint(m.display, 1)
        .uint(m.dsc, 1)
        .uint(m.band, 1)
        .uint(m.msg22, 1)
        .uint(m.assigned, 1)
        .uint(m.raim, 1)
        .uint(m.radio ?? 0, 20);
      break;
    case 19:
      w.uint(0, 8)
        .uint(sogRaw(m.sogKnots), 10)
        .uint(m.positionAccuracy, 1)
        .int(lonRaw(m.lonDeg), 28)
        .int(latRaw(m.latDeg), 27)
        .uint(cogRaw(m.cogDeg), 12)
        .uint(headingRaw(m.headingDeg), 9)
        .uint(na(m.utcSecond, 60), 6)
        .uint(0, 4)
        .text(m.shipname, 20)
        .uint(na(m.shipType, 0), 8)
        .uint(m.toBowM, 9)
        .uint(m.toSternM, 9)
        .uint(m.toPortM, 6)
        .uint(m.toStarboardM, 6)
        .uint(na(m.epfd, 0), 4)
        .uint(m.raim, 1)
        .uint(m.dte, 1)
        .uint(m.assigned, 1)
        .uint(0, 4);
      break;
    case 21: {
      const name = (m.name ?? "").toUpperCase();
      w.uint(na(m.aidType, 0), 5)
        .text(name.slice(0, 20), 20)
        .uint(m.positionAccuracy, 1)
        .int(lonRaw(m.lonDeg), 28)
        .int(latRaw(m.latDeg), 27)
        .uint(m.toBowM, 9)
        .uint(m.toSternM, 9)
        .uint(m.toPortM, 6)
        .uint(m.toStarboardM, 6)
        .uint(na(m.epfd, 0), 4)
        .uint(na(m.utcSecond, 60), 6)
        .uint(m.offPosition, 1)
        .uint(0, 8)
        .uint(m.raim ?? 0, 1)
        .uint(m.virtualAid ?? 0, 1)
        .uint(m.assigned ?? 0, 1)
        .uint(0, 1);
      const ext = name.slice(20, 34);
      if (ext.length > 0) w.text(ext, ext.length);
      break;
    }
    case 24:
      w.uint(m.partNo, 2);
      if (m.partNo === 0) {
        w.text(m.shipname, 20); // 160 bits, as M.1371-5 specifies
      } else {
        w.uint(na(m.shipType, 0), 8)
          .text(m.vendorId, 3)
          .uint(m.model, 4)
          .uint(m.serial, 20)
          .text(m.callsign, 7);
        if (m.mothershipMmsi !== null) w.uint(m.mothershipMmsi, 30);
        else
          w.uint(m.toBowM ?? 0, 9)
            .uint(m.toSternM ?? 0, 9)
            .uint(m.toPortM ?? 0, 6)
            .uint(m.toStarboardM ?? 0, 6);
        w.uint(0, 6);
      }
      break;
    case 27:
      w.uint(m.positionAccuracy, 1)
        .uint(m.raim, 1)
        .uint(m.navStatus, 4)
        .int(m.lonDeg === null ? 181 * 600 : Math.round(m.lonDeg * 600), 18)
        .int(m.latDeg === null ? 91 * 600 : Math.round(m.latDeg * 600), 17)
        .uint(m.sogKnots === null ? 63 : Math.min(62, Math.round(m.sogKnots)), 6)
        .uint(m.cogDeg === null ? 511 : Math.round(m.cogDeg), 9)
        .uint(m.gnss, 1)
        .uint(0, 1);
      break;
  }
  return w;
}

/**
 * Encodes one message into its sentences. Values that do not fit their fields (an MMSI above
 * 2^30, a latitude beyond ±90°…) throw a DomainError("validation"): the encoder feeds our own
 * generators, where such a value is a bug to surface, not data to repair.
 *
 * Example: `encodeAis({ msgType: 1, repeat: 0, mmsi: 366053209, navStatus: 3, rotDegPerMin: 0,
 * rotRaw: 0, sogKnots: 0, positionAccuracy: 0, lonDeg: -122.341618333, latDeg: 37.802118333,
 * cogDeg: 219.3, headingDeg: 1, utcSecond: 59, maneuver: null, raim: 0, radio: 2281 }, { channel: "B" })`
 * gives `["!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C"]` (the gpsd guide's first example).
 */
export function encodeAis(m: AisPayload, options: AisEncodeOptions = {}): string[] {
  const { payload, fillBits } = encodePayloadBits(m).armor();
  const talker = options.talker ?? "AIVDM";
  const channel = options.channel ?? "A";
  const maxChars = options.maxPayloadChars ?? 60;
  const total = Math.max(1, Math.ceil(payload.length / maxChars));
  const seq = total > 1 ? String(options.seqId ?? 0) : "";
  const out: string[] = [];
  for (let k = 0; k < total; k++) {
    const chunk = payload.slice(k * maxChars, (k + 1) * maxChars);
    const fill = k === total - 1 ? fillBits : 0;
    const body = `${talker},${total},${k + 1},${seq},${channel},${chunk},${fill}`;
    let prefix = "";
    const tag = options.tag;
    if (tag !== undefined) {
      const fields: string[] = [];
      if (total > 1) fields.push(`g:${k + 1}-${total}-${tag.groupId ?? 1}`);
      if (k === 0 && tag.source !== undefined) fields.push(`s:${tag.source}`);
      if (k === 0 && tag.unixTimeS !== undefined) fields.push(`c:${tag.unixTimeS}`);
      if (fields.length > 0) prefix = tagBlock(fields);
    }
    out.push(`${prefix}!${body}*${nmeaChecksum(body)}`);
  }
  return out;
}
