/**
 * NDJSON for decoded messages, written by hand for each message type's fixed field set straight
 * into a byte buffer: the same text `JSON.stringify` gives (same keys, same order, same numbers),
 * without building a string per message. `JSON.stringify` has to discover each object's keys and
 * value types per call and formats fractional numbers with a general shortest-digits search;
 * here keys are pre-encoded bytes and numbers go through `writeNumber` (numtext.ts). Strings are
 * written as they are when nothing in them needs escaping, else through JSON.stringify. The tests
 * hold the output to `JSON.stringify` on every message type, strings needing escapes included.
 */
import type { AisMessage } from "./messages.ts";
import { writeNumber } from "./numtext.ts";

/** Node's Buffer has had utf8Write since v0.x; it skips `write`'s encoding dispatch. */
interface Utf8Writable extends Buffer {
  utf8Write(text: string, offset: number): number;
}

/** `,"name":` as bytes, for each field name. */
function keyBytes<T extends string>(...names: T[]): Record<T, Uint8Array> {
  const out = {} as Record<T, Uint8Array>;
  for (const n of names) out[n] = Buffer.from(`,"${n}":`, "latin1");
  return out;
}

const K = keyBytes(
  "channel",
  "msgType",
  "repeat",
  "mmsi",
  "navStatus",
  "rotDegPerMin",
  "rotRaw",
  "sogKnots",
  "positionAccuracy",
  "lonDeg",
  "latDeg",
  "cogDeg",
  "headingDeg",
  "utcSecond",
  "maneuver",
  "raim",
  "radio",
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
  "epfd",
  "aisVersion",
  "imo",
  "callsign",
  "shipname",
  "shipType",
  "toBowM",
  "toSternM",
  "toPortM",
  "toStarboardM",
  "etaMonth",
  "etaDay",
  "etaHour",
  "etaMinute",
  "draughtM",
  "destination",
  "dte",
  "csUnit",
  "display",
  "dsc",
  "band",
  "msg22",
  "assigned",
  "aidType",
  "name",
  "offPosition",
  "virtualAid",
  "partNo",
  "vendorId",
  "model",
  "serial",
  "mothershipMmsi",
  "gnss",
  "tagSource",
  "tagUnixTimeS",
  "tagGroupId",
);
const LINE_KEY = Buffer.from('{"line":', "latin1");
const NULL_BYTES = Buffer.from("null", "latin1");

/** The most any message's fixed part takes (its strings are reserved for separately). */
const MESSAGE_BYTES = 2048;

/**
 * A growable byte buffer of NDJSON lines. `message(m)` appends one decoded message as a line;
 * `text(s)` appends any string (rejects, already JSON); `take()` hands the bytes over and starts
 * a new buffer (the consumer may keep the old one until it is written).
 *
 * Example: after `w.message(m)` for the gpsd guide's type 1 (`!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C`),
 * `w.take().toString()` is `{"line":1,"channel":"B","msgType":1,"repeat":0,"mmsi":366053209,…,"radio":2281}\n`
 * — the same text as `JSON.stringify(m) + "\n"`.
 */
export class NdjsonWriter {
  private buf: Utf8Writable;
  private pos = 0;

  constructor(private readonly capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity) as Utf8Writable;
  }

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.pos;
  }

  /** The bytes written so far; the writer starts afresh. */
  take(): Buffer {
    if (this.pos === 0) return this.buf.subarray(0, 0);
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.capacity) as Utf8Writable;
    this.pos = 0;
    return out;
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    this.reserve(s.length * 3); // a UTF-16 unit takes at most 3 bytes in UTF-8
    this.pos += this.buf.utf8Write(s, this.pos);
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.capacity, (this.pos + bytes) * 2)) as Utf8Writable;
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  private raw(bytes: Uint8Array): void {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < bytes.length; i++) buf[p++] = bytes[i]!;
    this.pos = p;
  }

  /** `,"key":` and a number (or null). */
  private n(key: Uint8Array, value: number | null): void {
    this.raw(key);
    this.pos = writeNumber(this.buf, this.pos, value);
  }

  /** `,"key":` and a string (or null), escaped as JSON.stringify escapes it. */
  private s(key: Uint8Array, value: string | null): void {
    this.raw(key);
    if (value === null) {
      this.raw(NULL_BYTES);
      return;
    }
    this.reserve(value.length * 6 + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = 34;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      // Control characters, '"' and '\' are escaped; beyond ASCII needs UTF-8: both go the slow way.
      if (c < 32 || c === 34 || c === 92 || c > 126) {
        this.pos += this.buf.utf8Write(JSON.stringify(value), this.pos);
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = 34;
    this.pos = p;
  }

  /** Appends one decoded message and its line feed. */
  message(m: AisMessage): void {
    this.reserve(MESSAGE_BYTES);
    this.raw(LINE_KEY);
    this.pos = writeNumber(this.buf, this.pos, m.line);
    this.s(K.channel, m.channel);
    this.n(K.msgType, m.msgType);
    this.n(K.repeat, m.repeat);
    this.n(K.mmsi, m.mmsi);
    switch (m.msgType) {
      case 1:
      case 2:
      case 3:
        this.n(K.navStatus, m.navStatus);
        this.n(K.rotDegPerMin, m.rotDegPerMin);
        if (m.rotRaw !== undefined) this.n(K.rotRaw, m.rotRaw);
        this.n(K.sogKnots, m.sogKnots);
        this.n(K.positionAccuracy, m.positionAccuracy);
        this.n(K.lonDeg, m.lonDeg);
        this.n(K.latDeg, m.latDeg);
        this.n(K.cogDeg, m.cogDeg);
        this.n(K.headingDeg, m.headingDeg);
        this.n(K.utcSecond, m.utcSecond);
        this.n(K.maneuver, m.maneuver);
        this.n(K.raim, m.raim);
        if (m.radio !== undefined) this.n(K.radio, m.radio);
        break;
      case 4:
        this.n(K.year, m.year);
        this.n(K.month, m.month);
        this.n(K.day, m.day);
        this.n(K.hour, m.hour);
        this.n(K.minute, m.minute);
        this.n(K.second, m.second);
        this.n(K.positionAccuracy, m.positionAccuracy);
        this.n(K.lonDeg, m.lonDeg);
        this.n(K.latDeg, m.latDeg);
        this.n(K.epfd, m.epfd);
        this.n(K.raim, m.raim);
        if (m.radio !== undefined) this.n(K.radio, m.radio);
        break;
      case 5:
        this.n(K.aisVersion, m.aisVersion);
        this.n(K.imo, m.imo);
        this.s(K.callsign, m.callsign);
        this.s(K.shipname, m.shipname);
        this.n(K.shipType, m.shipType);
        this.dimensions(m.toBowM, m.toSternM, m.toPortM, m.toStarboardM);
        this.n(K.epfd, m.epfd);
        this.n(K.etaMonth, m.etaMonth);
        this.n(K.etaDay, m.etaDay);
        this.n(K.etaHour, m.etaHour);
        this.n(K.etaMinute, m.etaMinute);
        this.n(K.draughtM, m.draughtM);
        this.s(K.destination, m.destination);
        this.n(K.dte, m.dte);
        break;
      case 18:
        this.movement(
          m.sogKnots,
          m.positionAccuracy,
          m.lonDeg,
          m.latDeg,
          m.cogDeg,
          m.headingDeg,
          m.utcSecond,
        );
        this.n(K.csUnit, m.csUnit);
        this.n(K.display, m.display);
        this.n(K.dsc, m.dsc);
        this.n(K.band, m.band);
        this.n(K.msg22, m.msg22);
        this.n(K.assigned, m.assigned);
        this.n(K.raim, m.raim);
        if (m.radio !== undefined) this.n(K.radio, m.radio);
        break;
      case 19:
        this.movement(
          m.sogKnots,
          m.positionAccuracy,
          m.lonDeg,
          m.latDeg,
          m.cogDeg,
          m.headingDeg,
          m.utcSecond,
        );
        this.s(K.shipname, m.shipname);
        this.n(K.shipType, m.shipType);
        this.dimensions(m.toBowM, m.toSternM, m.toPortM, m.toStarboardM);
        this.n(K.epfd, m.epfd);
        this.n(K.raim, m.raim);
        this.n(K.dte, m.dte);
        this.n(K.assigned, m.assigned);
        break;
      case 21:
        this.n(K.aidType, m.aidType);
        this.s(K.name, m.name);
        this.n(K.positionAccuracy, m.positionAccuracy);
        this.n(K.lonDeg, m.lonDeg);
        this.n(K.latDeg, m.latDeg);
        this.dimensions(m.toBowM, m.toSternM, m.toPortM, m.toStarboardM);
        this.n(K.epfd, m.epfd);
        this.n(K.utcSecond, m.utcSecond);
        this.n(K.offPosition, m.offPosition);
        this.n(K.raim, m.raim);
        this.n(K.virtualAid, m.virtualAid);
        this.n(K.assigned, m.assigned);
        break;
      case 24:
        this.n(K.partNo, m.partNo);
        if (m.partNo === 0) {
          this.s(K.shipname, m.shipname);
          break;
        }
        this.n(K.shipType, m.shipType);
        this.s(K.vendorId, m.vendorId);
        this.n(K.model, m.model);
        this.n(K.serial, m.serial);
        this.s(K.callsign, m.callsign);
        this.dimensions(m.toBowM, m.toSternM, m.toPortM, m.toStarboardM);
        this.n(K.mothershipMmsi, m.mothershipMmsi);
        break;
      case 27:
        this.n(K.positionAccuracy, m.positionAccuracy);
        this.n(K.raim, m.raim);
        this.n(K.navStatus, m.navStatus);
        this.n(K.lonDeg, m.lonDeg);
        this.n(K.latDeg, m.latDeg);
        this.n(K.sogKnots, m.sogKnots);
        this.n(K.cogDeg, m.cogDeg);
        this.n(K.gnss, m.gnss);
        break;
    }
    if (m.tagSource !== undefined) this.s(K.tagSource, m.tagSource);
    if (m.tagUnixTimeS !== undefined) this.n(K.tagUnixTimeS, m.tagUnixTimeS);
    if (m.tagGroupId !== undefined) this.n(K.tagGroupId, m.tagGroupId);
    this.buf[this.pos++] = 125; // }
    this.buf[this.pos++] = 10; // \n
  }

  /** The run of fields types 18 and 19 share, in their order. */
  private movement(
    sogKnots: number | null,
    positionAccuracy: number,
    lonDeg: number | null,
    latDeg: number | null,
    cogDeg: number | null,
    headingDeg: number | null,
    utcSecond: number | null,
  ): void {
    this.n(K.sogKnots, sogKnots);
    this.n(K.positionAccuracy, positionAccuracy);
    this.n(K.lonDeg, lonDeg);
    this.n(K.latDeg, latDeg);
    this.n(K.cogDeg, cogDeg);
    this.n(K.headingDeg, headingDeg);
    this.n(K.utcSecond, utcSecond);
  }

  private dimensions(
    bow: number | null,
    stern: number | null,
    port: number | null,
    starboard: number | null,
  ): void {
    this.n(K.toBowM, bow);
    this.n(K.toSternM, stern);
    this.n(K.toPortM, port);
    this.n(K.toStarboardM, starboard);
  }
}
