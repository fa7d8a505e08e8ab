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

/**
 * A constant run of output (`,"name":`) laid out for fast copying: whole 32-bit little-endian
 * words, written with DataView stores (a quarter of the stores of a byte loop, and cheaper than
 * TypedArray.set's call for such short runs), then the last 0..3 bytes.
 */
interface Run {
  words: Int32Array;
  tail: Uint8Array;
  length: number;
}

function run(text: string): Run {
  const bytes = Buffer.from(text, "latin1");
  const nWords = bytes.length >> 2;
  const words = new Int32Array(nWords);
  for (let i = 0; i < nWords; i++) words[i] = bytes.readInt32LE(i * 4);
  return { words, tail: Uint8Array.from(bytes.subarray(nWords * 4)), length: bytes.length };
}

/** `,"name":` for each field name. */
function keyBytes<T extends string>(...names: T[]): Record<T, Run> {
  const out = {} as Record<T, Run>;
  for (const n of names) out[n] = run(`,"${n}":`);
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
  "seqNo",
  "destMmsi",
  "retransmit",
  "dac",
  "fid",
  "dataBits",
  "dataHex",
  "mmsi1",
  "seqNo1",
  "mmsi2",
  "seqNo2",
  "mmsi3",
  "seqNo3",
  "mmsi4",
  "seqNo4",
  "altitudeM",
  "text",
  "mmsi1Type1",
  "mmsi1OffsetSlots1",
  "mmsi1Type2",
  "mmsi1OffsetSlots2",
  "mmsi2Type1",
  "mmsi2OffsetSlots1",
  "offsetSlots1",
  "incrementSlots1",
  "offsetSlots2",
  "incrementSlots2",
  "slots1",
  "timeoutMin1",
  "slots2",
  "timeoutMin2",
  "offsetSlots3",
  "slots3",
  "timeoutMin3",
  "incrementSlots3",
  "offsetSlots4",
  "slots4",
  "timeoutMin4",
  "incrementSlots4",
  "channelA",
  "channelB",
  "txRxMode",
  "power",
  "neLonDeg",
  "neLatDeg",
  "swLonDeg",
  "swLatDeg",
  "destMmsi1",
  "destMmsi2",
  "addressed",
  "bandA",
  "bandB",
  "zoneSizeNm",
  "stationType",
  "reportInterval",
  "quietMin",
  "structured",
);
const LINE_KEY = run('{"line":');
const NULL_BYTES = run("null");

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
  private view: DataView;
  private pos = 0;

  constructor(private readonly capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity) as Utf8Writable;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  }

  private setBuffer(buf: Utf8Writable): void {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  }

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.pos;
  }

  /** The bytes written so far; the writer starts afresh. */
  take(): Buffer {
    if (this.pos === 0) return this.buf.subarray(0, 0);
    const out = this.buf.subarray(0, this.pos);
    this.setBuffer(Buffer.allocUnsafe(this.capacity) as Utf8Writable);
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
    this.setBuffer(bigger);
  }

  private raw(r: Run): void {
    const view = this.view;
    const words = r.words;
    let p = this.pos;
    for (let i = 0; i < words.length; i++, p += 4) view.setInt32(p, words[i]!, true);
    const tail = r.tail;
    const buf = this.buf;
    for (let i = 0; i < tail.length; i++) buf[p++] = tail[i]!;
    this.pos = p;
  }

  /** `,"key":` and a number (or null). */
  private n(key: Run, value: number | null): void {
    this.raw(key);
    this.pos = writeNumber(this.buf, this.pos, value);
  }

  /** `,"key":` and a string (or null), escaped as JSON.stringify escapes it. */
  private s(key: Run, value: string | null): void {
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
      case 11:
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
      case 6:
        this.n(K.seqNo, m.seqNo);
        this.n(K.destMmsi, m.destMmsi);
        this.n(K.retransmit, m.retransmit);
        this.n(K.dac, m.dac);
        this.n(K.fid, m.fid);
        this.data(m.dataBits, m.dataHex);
        break;
      case 7:
      case 13:
        this.n(K.mmsi1, m.mmsi1);
        this.n(K.seqNo1, m.seqNo1);
        this.n(K.mmsi2, m.mmsi2);
        this.n(K.seqNo2, m.seqNo2);
        this.n(K.mmsi3, m.mmsi3);
        this.n(K.seqNo3, m.seqNo3);
        this.n(K.mmsi4, m.mmsi4);
        this.n(K.seqNo4, m.seqNo4);
        break;
      case 8:
        this.n(K.dac, m.dac);
        this.n(K.fid, m.fid);
        this.data(m.dataBits, m.dataHex);
        break;
      case 9:
        this.n(K.altitudeM, m.altitudeM);
        this.n(K.sogKnots, m.sogKnots);
        this.n(K.positionAccuracy, m.positionAccuracy);
        this.n(K.lonDeg, m.lonDeg);
        this.n(K.latDeg, m.latDeg);
        this.n(K.cogDeg, m.cogDeg);
        this.n(K.utcSecond, m.utcSecond);
        this.n(K.dte, m.dte);
        this.n(K.assigned, m.assigned);
        this.n(K.raim, m.raim);
        this.n(K.radio, m.radio);
        break;
      case 10:
        this.n(K.destMmsi, m.destMmsi);
        break;
      case 12:
        this.n(K.seqNo, m.seqNo);
        this.n(K.destMmsi, m.destMmsi);
        this.n(K.retransmit, m.retransmit);
        this.s(K.text, m.text);
        break;
      case 14:
        this.s(K.text, m.text);
        break;
      case 15:
        this.n(K.mmsi1, m.mmsi1);
        this.n(K.mmsi1Type1, m.mmsi1Type1);
        this.n(K.mmsi1OffsetSlots1, m.mmsi1OffsetSlots1);
        this.n(K.mmsi1Type2, m.mmsi1Type2);
        this.n(K.mmsi1OffsetSlots2, m.mmsi1OffsetSlots2);
        this.n(K.mmsi2, m.mmsi2);
        this.n(K.mmsi2Type1, m.mmsi2Type1);
        this.n(K.mmsi2OffsetSlots1, m.mmsi2OffsetSlots1);
        break;
      case 16:
        this.n(K.mmsi1, m.mmsi1);
        this.n(K.offsetSlots1, m.offsetSlots1);
        this.n(K.incrementSlots1, m.incrementSlots1);
        this.n(K.mmsi2, m.mmsi2);
        this.n(K.offsetSlots2, m.offsetSlots2);
        this.n(K.incrementSlots2, m.incrementSlots2);
        break;
      case 17:
        this.n(K.lonDeg, m.lonDeg);
        this.n(K.latDeg, m.latDeg);
        this.data(m.dataBits, m.dataHex);
        break;
      case 20:
        this.n(K.offsetSlots1, m.offsetSlots1);
        this.n(K.slots1, m.slots1);
        this.n(K.timeoutMin1, m.timeoutMin1);
        this.n(K.incrementSlots1, m.incrementSlots1);
        this.n(K.offsetSlots2, m.offsetSlots2);
        this.n(K.slots2, m.slots2);
        this.n(K.timeoutMin2, m.timeoutMin2);
        this.n(K.incrementSlots2, m.incrementSlots2);
        this.n(K.offsetSlots3, m.offsetSlots3);
        this.n(K.slots3, m.slots3);
        this.n(K.timeoutMin3, m.timeoutMin3);
        this.n(K.incrementSlots3, m.incrementSlots3);
        this.n(K.offsetSlots4, m.offsetSlots4);
        this.n(K.slots4, m.slots4);
        this.n(K.timeoutMin4, m.timeoutMin4);
        this.n(K.incrementSlots4, m.incrementSlots4);
        break;
      case 22:
        this.n(K.channelA, m.channelA);
        this.n(K.channelB, m.channelB);
        this.n(K.txRxMode, m.txRxMode);
        this.n(K.power, m.power);
        this.region(m.neLonDeg, m.neLatDeg, m.swLonDeg, m.swLatDeg);
        this.n(K.destMmsi1, m.destMmsi1);
        this.n(K.destMmsi2, m.destMmsi2);
        this.n(K.addressed, m.addressed);
        this.n(K.bandA, m.bandA);
        this.n(K.bandB, m.bandB);
        this.n(K.zoneSizeNm, m.zoneSizeNm);
        break;
      case 23:
        this.region(m.neLonDeg, m.neLatDeg, m.swLonDeg, m.swLatDeg);
        this.n(K.stationType, m.stationType);
        this.n(K.shipType, m.shipType);
        this.n(K.txRxMode, m.txRxMode);
        this.n(K.reportInterval, m.reportInterval);
        this.n(K.quietMin, m.quietMin);
        break;
      case 25:
      case 26:
        this.n(K.addressed, m.addressed);
        this.n(K.structured, m.structured);
        this.n(K.destMmsi, m.destMmsi);
        this.n(K.dac, m.dac);
        this.n(K.fid, m.fid);
        this.data(m.dataBits, m.dataHex);
        this.n(K.radio, m.radio);
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

  private data(bits: number, hex: string): void {
    this.n(K.dataBits, bits);
    this.s(K.dataHex, hex);
  }

  private region(
    neLon: number | null,
    neLat: number | null,
    swLon: number | null,
    swLat: number | null,
  ): void {
    this.n(K.neLonDeg, neLon);
    this.n(K.neLatDeg, neLat);
    this.n(K.swLonDeg, swLon);
    this.n(K.swLatDeg, swLat);
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
