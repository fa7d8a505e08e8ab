/**
 * Streaming NMEA 0183 AIVDM/AIVDO decoder (IEC 61162-1 sentences, NMEA 4.0 tag blocks,
 * ITU-R M.1371-5 payloads). One `AisDecoder` holds the multi-sentence reassembly state of one
 * input; feed it one line at a time. The hot path scans each line once with charCodeAt (no regex,
 * no split), armours the payload into a reused Uint8Array and reads fields with integer ops.
 */
import { AIS_REJECT_REASONS, type AisMessage, type AisRejectReason, decodePayload } from "./messages.ts";
import { ARMOR_VALUE } from "./sixbit.ts";

/** A line that did not become (part of) a decoded message, and why. */
export interface AisReject {
  line: number;
  reason: AisRejectReason;
  text: string;
}

/**
 * Counts that balance: lines = blankLines + linesInMessages + rejected + pendingLines
 * (pendingLines is 0 after `end()`).
 */
export interface AisDecodeStats {
  lines: number;
  blankLines: number;
  messages: number;
  linesInMessages: number;
  rejected: number;
  pendingLines: number;
  byReason: Record<AisRejectReason, number>;
}

export interface AisDecoderOptions {
  /** Called once per rejected line, in input order of detection. */
  onReject?: (reject: AisReject) => void;
  /** A multi-sentence message whose first part is this many lines old is given up (orphan_part). Default 1000. */
  partTimeoutLines?: number;
  /** Also give up after this many milliseconds (live feeds); off by default. */
  partTimeoutMs?: number;
  /** Clock for partTimeoutMs; defaults to Date.now. */
  now?: () => number;
}

interface PendingMessage {
  key: string;
  total: number;
  next: number;
  payloads: string[];
  lastFillBits: number;
  lines: number[];
  texts: string[];
  firstLine: number;
  firstMs: number;
  channel: string | null;
  tagSource: string | undefined;
  tagUnixTimeS: number | undefined;
  tagGroupId: number;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Parses a short unsigned decimal field [from, to); -1 when empty or not digits. */
function smallInt(text: string, from: number, to: number): number {
  if (from >= to || to - from > 9) return -1;
  let v = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Decodes AIS sentences line by line.
 *
 * Streaming use (one decoder per input, memory independent of input size):
 * ```ts
 * const dec = new AisDecoder({ onReject: (r) => quarantine(r) });
 * for await (const line of lines) {
 *   const msg = dec.push(line);
 *   if (msg !== null) store(msg);
 * }
 * dec.end(); // incomplete multi-sentence messages become orphan_part rejects
 * ```
 *
 * Example (gpsd AIVDM guide): pushing `!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C` returns
 * `{ line: 1, channel: "B", msgType: 1, mmsi: 366053209, navStatus: 3, sogKnots: 0, cogDeg: 219.3,
 * headingDeg: 1, utcSecond: 59, lonDeg: -122.341618…, latDeg: 37.802118…, … }`.
 */
export class AisDecoder {
  readonly stats: AisDecodeStats;
  private readonly onReject: ((reject: AisReject) => void) | undefined;
  private readonly partTimeoutLines: number;
  private readonly partTimeoutMs: number;
  private readonly now: () => number;
  private lineNo = 0;
  private lastSweep = 0;
  private sb = new Uint8Array(512);
  private readonly commas = new Int32Array(6);
  private readonly pending = new Map<string, PendingMessage>();
  // Tag-block fields of the current line (scratch, to avoid an object per line).
  private tagSource: string | undefined = undefined;
  private tagUnixTimeS: number | undefined = undefined;
  private tagGroupId = -1;

  constructor(options: AisDecoderOptions = {}) {
    this.onReject = options.onReject;
    this.partTimeoutLines = options.partTimeoutLines ?? 1000;
    this.partTimeoutMs = options.partTimeoutMs ?? 0;
    this.now = options.now ?? Date.now;
    const byReason = {} as Record<AisRejectReason, number>;
    for (const r of AIS_REJECT_REASONS) byReason[r] = 0;
    this.stats = {
      lines: 0,
      blankLines: 0,
      messages: 0,
      linesInMessages: 0,
      rejected: 0,
      pendingLines: 0,
      byReason,
    };
  }

  /** Number of the last line pushed (1-based). */
  get lineNumber(): number {
    return this.lineNo;
  }

  /**
   * Feeds one input line (without its line terminator; a trailing "\r" is tolerated). Returns the
   * message this line completed, or null (blank line, first parts, or a reject reported through
   * `onReject`).
   */
  push(text: string): AisMessage | null {
    const lineNo = ++this.lineNo;
    this.stats.lines++;
    if (this.pending.size > 0 && lineNo - this.lastSweep >= 32) this.sweep();
    const n = text.length;
    if (n === 0 || (text.charCodeAt(0) <= 32 && text.trim() === "")) {
      this.stats.blankLines++;
      return null;
    }
    let i = 0;
    this.tagSource = undefined;
    this.tagUnixTimeS = undefined;
    this.tagGroupId = -1;
    if (text.charCodeAt(0) === 92) {
      i = this.parseTagBlock(text, lineNo);
      if (i < 0) return null;
    }
    let start = i;
    if (text.charCodeAt(start) !== 33) {
      start = text.indexOf("!", i);
      if (start < 0) return this.reject(lineNo, "not_ais", text);
    }
    const c5 = text.charCodeAt(start + 5);
    if (
      text.charCodeAt(start + 3) !== 86 ||
      text.charCodeAt(start + 4) !== 68 ||
      (c5 !== 77 && c5 !== 79) ||
      text.charCodeAt(start + 6) !== 44
    ) {
      return this.reject(lineNo, "not_ais", text);
    }
    // One pass in three tight loops: the header fields up to the payload, the payload (checksum
    // and armour to six-bit values at once), then the fill-bits field up to '*'.
    const commas = this.commas;
    let x = 0;
    let nc = 0;
    let j = start + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 42) break;
      x ^= c;
      if (c === 44) {
        commas[nc++] = j;
        if (nc === 5) {
          j++;
          break;
        }
      }
    }
    let nChars = 0;
    let badArmor = false;
    if (nc === 5) {
      if (n > this.sb.length) this.sb = new Uint8Array(n * 2);
      const sb = this.sb;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 42) break;
        x ^= c;
        const v = c < 128 ? ARMOR_VALUE[c]! : -1;
        if (v < 0) badArmor = true;
        else sb[nChars] = v;
        nChars++;
      }
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 42) break;
        x ^= c;
        if (c === 44) {
          if (nc < 6) commas[nc] = j;
          nc++;
        }
      }
    }
    if (j + 2 >= n) {
      // no '*hh' checksum
      return this.reject(lineNo, "malformed_sentence", text);
    }
    const h1 = hexValue(text.charCodeAt(j + 1));
    const h2 = hexValue(text.charCodeAt(j + 2));
    if (h1 < 0 || h2 < 0 || h1 * 16 + h2 !== x) return this.reject(lineNo, "bad_checksum", text);
    if (nc !== 6) return this.reject(lineNo, "malformed_sentence", text);
    const total = smallInt(text, commas[0]! + 1, commas[1]!);
    const num = smallInt(text, commas[1]! + 1, commas[2]!);
    if (total < 1 || num < 1 || num > total) return this.reject(lineNo, "malformed_sentence", text);
    const p0 = commas[4]! + 1;
    const p1 = commas[5]!;
    if (p0 === p1) return this.reject(lineNo, "empty_payload", text);
    const fill = j - p1 === 2 ? text.charCodeAt(p1 + 1) - 48 : -1;
    if (fill < 0 || fill > 5) return this.reject(lineNo, "bad_fill_bits", text);
    const chStart = commas[3]! + 1;
    const chLen = commas[4]! - chStart;
    const channel = chLen === 0 ? null : chLen === 1 ? text[chStart]! : text.slice(chStart, commas[4]!);

    if (total === 1) {
      if (badArmor) return this.reject(lineNo, "bad_armor_character", text);
      const bitLen = nChars * 6 - fill;
      const msg = decodePayload(this.sb, bitLen, lineNo, channel);
      if (typeof msg === "string") return this.reject(lineNo, msg, text);
      if (this.tagSource !== undefined) msg.tagSource = this.tagSource;
      if (this.tagUnixTimeS !== undefined) msg.tagUnixTimeS = this.tagUnixTimeS;
      if (this.tagGroupId >= 0) msg.tagGroupId = this.tagGroupId;
      this.stats.messages++;
      this.stats.linesInMessages++;
      return msg;
    }
    return this.pushPart(
      text,
      lineNo,
      total,
      num,
      p0,
      p1,
      fill,
      channel,
      commas[2]! + 1,
      commas[3]!,
      badArmor,
    );
  }

  /** Gives up every incomplete multi-sentence message (orphan_part); call at the end of input. */
  end(): void {
    for (const p of this.pending.values()) this.rejectPending(p, "orphan_part");
    this.pending.clear();
  }

  private pushPart(
    text: string,
    lineNo: number,
    total: number,
    num: number,
    p0: number,
    p1: number,
    fill: number,
    channel: string | null,
    seqFrom: number,
    seqTo: number,
    badArmor: boolean,
  ): AisMessage | null {
    // Parts linked by an NMEA 4.0 group belong together whatever their channel/sequence fields
    // say; otherwise the key is (source, channel, sequence id).
    const key =
      this.tagGroupId >= 0
        ? `g\u0000${this.tagGroupId}`
        : `${this.tagSource ?? ""}\u0000${channel ?? ""}\u0000${text.slice(seqFrom, seqTo)}`;
    const pending = this.pending.get(key);
    // A part with bad armour is reported on its own line and ends the message it belonged to.
    if (badArmor) {
      if (pending !== undefined) {
        this.pending.delete(key);
        this.rejectPending(pending, "orphan_part");
      }
      return this.reject(lineNo, "bad_armor_character", text);
    }
    const payload = text.slice(p0, p1);
    if (num === 1) {
      if (pending !== undefined) {
        this.pending.delete(key);
        this.rejectPending(pending, "orphan_part");
      }
      this.pending.set(key, {
        key,
        total,
        next: 2,
        payloads: [payload],
        lastFillBits: fill,
        lines: [lineNo],
        texts: [text],
        firstLine: lineNo,
        firstMs: this.partTimeoutMs > 0 ? this.now() : 0,
        channel,
        tagSource: this.tagSource,
        tagUnixTimeS: this.tagUnixTimeS,
        tagGroupId: this.tagGroupId,
      });
      this.stats.pendingLines++;
      return null;
    }
    if (pending === undefined) return this.reject(lineNo, "orphan_part", text);
    if (pending.total !== total || pending.next !== num) {
      this.pending.delete(key);
      this.rejectPending(pending, "mismatched_part");
      return this.reject(lineNo, "mismatched_part", text);
    }
    pending.payloads.push(payload);
    pending.lines.push(lineNo);
    pending.texts.push(text);
    pending.lastFillBits = fill;
    pending.next++;
    if (pending.tagSource === undefined) pending.tagSource = this.tagSource;
    if (pending.tagUnixTimeS === undefined) pending.tagUnixTimeS = this.tagUnixTimeS;
    if (num < total) {
      this.stats.pendingLines++;
      return null;
    }
    this.pending.delete(key);
    this.stats.pendingLines -= pending.lines.length - 1;
    let off = 0;
    for (const p of pending.payloads) off = this.armor(p, 0, p.length, off);
    const msg = decodePayload(this.sb, off * 6 - fill, lineNo, pending.channel);
    if (typeof msg === "string") {
      for (let k = 0; k < pending.lines.length; k++) this.reject(pending.lines[k]!, msg, pending.texts[k]!);
      return null;
    }
    if (pending.tagSource !== undefined) msg.tagSource = pending.tagSource;
    if (pending.tagUnixTimeS !== undefined) msg.tagUnixTimeS = pending.tagUnixTimeS;
    if (pending.tagGroupId >= 0) msg.tagGroupId = pending.tagGroupId;
    this.stats.messages++;
    this.stats.linesInMessages += pending.lines.length;
    return msg;
  }

  /** Six-bit values of text[from, to) into this.sb at `offset`; returns the end offset or -1. */
  private armor(text: string, from: number, to: number, offset: number): number {
    let sb = this.sb;
    const need = offset + (to - from) + 8;
    if (need > sb.length) {
      const grown = new Uint8Array(Math.max(need, sb.length * 2));
      grown.set(sb.subarray(0, offset));
      this.sb = sb = grown;
    }
    let o = offset;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      const v = c < 128 ? ARMOR_VALUE[c]! : -1;
      if (v < 0) return -1;
      sb[o++] = v;
    }
    return o;
  }

  /** Parses `\key:value,…*hh\` at the start of the line; returns the index after it, or -1 (rejected). */
  private parseTagBlock(text: string, lineNo: number): number {
    const close = text.indexOf("\\", 1);
    if (close < 0) {
      this.reject(lineNo, "malformed_sentence", text);
      return -1;
    }
    const star = text.lastIndexOf("*", close);
    let x = 0;
    for (let k = 1; k < star; k++) x ^= text.charCodeAt(k);
    const h1 = hexValue(text.charCodeAt(star + 1));
    const h2 = hexValue(text.charCodeAt(star + 2));
    if (star < 1 || close - star !== 3 || h1 < 0 || h2 < 0 || h1 * 16 + h2 !== x) {
      this.reject(lineNo, "bad_tag_block_checksum", text);
      return -1;
    }
    for (const field of text.slice(1, star).split(",")) {
      if (field.charCodeAt(1) !== 58) continue; // not "k:"
      const key = field.charCodeAt(0);
      if (key === 115) {
        this.tagSource = field.slice(2); // s:
      } else if (key === 99) {
        const t = Number(field.slice(2)); // c:, seconds (some feeds send milliseconds)
        if (Number.isFinite(t) && field.length > 2) this.tagUnixTimeS = t > 1e11 ? t / 1000 : t;
      } else if (key === 103) {
        const parts = field.slice(2).split("-"); // g:part-total-id
        const id = parts.length === 3 ? Number(parts[2]) : Number.NaN;
        if (Number.isInteger(id) && id >= 0) this.tagGroupId = id;
      }
    }
    return close + 1;
  }

  private sweep(): void {
    this.lastSweep = this.lineNo;
    const nowMs = this.partTimeoutMs > 0 ? this.now() : 0;
    // Map order is creation order, so the oldest come first.
    for (const p of this.pending.values()) {
      const old =
        this.lineNo - p.firstLine > this.partTimeoutLines ||
        (this.partTimeoutMs > 0 && nowMs - p.firstMs > this.partTimeoutMs);
      if (!old) break;
      this.pending.delete(p.key);
      this.rejectPending(p, "orphan_part");
    }
  }

  private rejectPending(p: PendingMessage, reason: AisRejectReason): void {
    this.stats.pendingLines -= p.lines.length;
    for (let k = 0; k < p.lines.length; k++) this.reject(p.lines[k]!, reason, p.texts[k]!);
  }

  private reject(line: number, reason: AisRejectReason, text: string): null {
    this.stats.rejected++;
    this.stats.byReason[reason]++;
    if (this.onReject !== undefined) this.onReject({ line, reason, text });
    return null;
  }
}

/**
 * Decodes a whole set of lines at once (tests, small inputs); streaming consumers use AisDecoder.
 *
 * Example: `decodeAisLines(["!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C", "junk"])` gives one
 * message (mmsi 366053209) and one reject `{ line: 2, reason: "not_ais", text: "junk" }`.
 */
export function decodeAisLines(
  lines: Iterable<string>,
  options: Omit<AisDecoderOptions, "onReject"> = {},
): { messages: AisMessage[]; rejects: AisReject[]; stats: AisDecodeStats } {
  const messages: AisMessage[] = [];
  const rejects: AisReject[] = [];
  const dec = new AisDecoder({ ...options, onReject: (r) => rejects.push(r) });
  for (const l of lines) {
    const m = dec.push(l);
    if (m !== null) messages.push(m);
  }
  dec.end();
  return { messages, rejects, stats: dec.stats };
}
