/**
 * Streaming NMEA 0183 AIVDM/AIVDO decoder (IEC 61162-1 sentences, NMEA 4.0 tag blocks,
 * ITU-R M.1371-5 payloads). One `AisDecoder` holds the multi-sentence reassembly state of one
 * input; feed it one line at a time. The hot path scans each line's bytes once (no regex, no
 * split), armours the payload into a reused Uint8Array and reads fields with integer ops.
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
  /** Six-bit values of each part received so far. */
  parts: Uint8Array[];
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
function smallInt(b: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 9) return -1;
  let v = 0;
  for (let k = from; k < to; k++) {
    const d = b[k]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Node's Buffer has had latin1Write since v0.x; it skips `write`'s encoding dispatch. */
interface LatinWritable extends Buffer {
  latin1Write(text: string, offset: number): number;
}

/** A non-negative decimal number in [from, to) ("123" or "123.45"); -1 when empty or malformed. */
function decimal(b: Uint8Array, from: number, to: number): number {
  if (from >= to) return -1;
  let v = 0;
  for (let k = from; k < to; k++) {
    const d = b[k]! - 48;
    if (d < 0 || d > 9) {
      if (b[k] !== 46) return -1;
      const frac = Number(Buffer.from(b.buffer, b.byteOffset + from, to - from).toString("latin1"));
      return Number.isFinite(frac) ? frac : -1;
    }
    v = v * 10 + d;
  }
  return v;
}

/** The ",r<id>" field of USCG receiver metadata in [from, to), or "" when there is none. */
function receiverId(b: Buffer, from: number, to: number): string {
  for (let k = from; k < to - 1; k++) {
    if (b[k] === 44 && b[k + 1] === 114) {
      let f = k + 2;
      while (f < to && b[f] !== 44 && b[f] !== 13) f++;
      return b.toString("latin1", k + 2, f);
    }
  }
  return "";
}

/** One-character strings by code, so a channel letter costs no allocation. */
const CHAR_STR: string[] = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));

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
 * Readers that already hold bytes (a file chunk) call `pushBytes(chunk, lineStart, lineEnd)`
 * instead: no string is made for the line unless it is rejected or part of a multi-sentence message.
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
  private lineBuf: Buffer = Buffer.allocUnsafe(512);
  private readonly commas = new Int32Array(6);
  private readonly pending = new Map<string, PendingMessage>();
  // The current line, as bytes and (when known or once needed) as a string.
  private curBytes: Buffer = this.lineBuf;
  private curStart = 0;
  private curEnd = 0;
  private curText: string | undefined = undefined;
  // Tag-block fields of the current line (scratch, to avoid an object per line).
  private tagSource: string | undefined = undefined;
  private tagUnixTimeS: number | undefined = undefined;
  private tagGroupId = -1;
  private lastSource = "";

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
    let buf = this.lineBuf;
    if (text.length > buf.length) buf = this.lineBuf = Buffer.allocUnsafe(text.length * 2);
    // Bytes index faster than charCodeAt on sliced strings. Characters above U+00FF keep only
    // their low byte here; no valid sentence contains them, and rejects keep the original text.
    const n = (buf as LatinWritable).latin1Write(text, 0);
    return this.parse(buf, 0, n, text);
  }

  /** Like `push`, for the line held in bytes [start, end) of `bytes` (ASCII / Latin-1). */
  pushBytes(bytes: Buffer, start = 0, end: number = bytes.length): AisMessage | null {
    return this.parse(bytes, start, end, undefined);
  }

  /** Gives up every incomplete multi-sentence message (orphan_part); call at the end of input. */
  end(): void {
    for (const p of this.pending.values()) this.rejectPending(p, "orphan_part");
    this.pending.clear();
  }

  private parse(b: Buffer, s: number, e: number, text: string | undefined): AisMessage | null {
    const lineNo = ++this.lineNo;
    this.stats.lines++;
    this.curBytes = b;
    this.curStart = s;
    this.curEnd = e;
    this.curText = text;
    if (this.pending.size > 0 && lineNo - this.lastSweep >= 32) this.sweep();
    let k = s;
    while (k < e && b[k]! <= 32) k++;
    if (k === e) {
      this.stats.blankLines++;
      return null;
    }
    let i = s;
    this.tagSource = undefined;
    this.tagUnixTimeS = undefined;
    this.tagGroupId = -1;
    if (b[s] === 92) {
      i = this.parseTagBlock(b, s, e, lineNo);
      if (i < 0) return null;
    }
    let start = i;
    if (b[start] !== 33) {
      // Tolerate a prefix (e.g. a logger's timestamp) before the sentence.
      // (A bounded loop: indexOf would search past the line's end into the rest of a chunk.)
      while (start < e && b[start] !== 33) start++;
      if (start >= e) return this.reject(lineNo, "not_ais", this.lineText());
    }
    const c5 = b[start + 5];
    if (
      start + 6 >= e ||
      b[start + 3] !== 86 ||
      b[start + 4] !== 68 ||
      (c5 !== 77 && c5 !== 79) ||
      b[start + 6] !== 44
    ) {
      return this.reject(lineNo, "not_ais", this.lineText());
    }
    // One pass in three tight loops: the header fields up to the payload, the payload (checksum
    // and armour to six-bit values at once), then the fill-bits field up to '*'.
    const commas = this.commas;
    let x = 0;
    let nc = 0;
    let j = start + 1;
    for (; j < e; j++) {
      const c = b[j]!;
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
      if (e - s > this.sb.length) this.sb = new Uint8Array((e - s) * 2);
      const sb = this.sb;
      for (; j < e; j++) {
        const c = b[j]!;
        if (c === 44 || c === 42) break;
        x ^= c;
        const v = c < 128 ? ARMOR_VALUE[c]! : -1;
        if (v < 0) badArmor = true;
        else sb[nChars] = v;
        nChars++;
      }
      for (; j < e; j++) {
        const c = b[j]!;
        if (c === 42) break;
        x ^= c;
        if (c === 44) {
          if (nc < 6) commas[nc] = j;
          nc++;
        }
      }
    }
    // Anything after "*hh" (USCG receiver metadata, a CR) is ignored.
    if (j + 2 >= e) return this.reject(lineNo, "malformed_sentence", this.lineText());
    const h1 = hexValue(b[j + 1]!);
    const h2 = hexValue(b[j + 2]!);
    if (h1 < 0 || h2 < 0 || h1 * 16 + h2 !== x) return this.reject(lineNo, "bad_checksum", this.lineText());
    if (nc !== 6) return this.reject(lineNo, "malformed_sentence", this.lineText());
    const total = smallInt(b, commas[0]! + 1, commas[1]!);
    const num = smallInt(b, commas[1]! + 1, commas[2]!);
    if (total < 1 || num < 1 || num > total)
      return this.reject(lineNo, "malformed_sentence", this.lineText());
    if (nChars === 0) return this.reject(lineNo, "empty_payload", this.lineText());
    const p1 = commas[5]!;
    const fill = j - p1 === 2 ? b[p1 + 1]! - 48 : -1;
    if (fill < 0 || fill > 5) return this.reject(lineNo, "bad_fill_bits", this.lineText());
    const chStart = commas[3]! + 1;
    const chLen = commas[4]! - chStart;
    const channel =
      chLen === 0 ? null : chLen === 1 ? CHAR_STR[b[chStart]!]! : b.toString("latin1", chStart, commas[4]!);

    if (total === 1) {
      if (badArmor) return this.reject(lineNo, "bad_armor_character", this.lineText());
      const msg = decodePayload(this.sb, nChars * 6 - fill, lineNo, channel);
      if (typeof msg === "string") return this.reject(lineNo, msg, this.lineText());
      if (this.tagSource !== undefined) msg.tagSource = this.tagSource;
      if (this.tagUnixTimeS !== undefined) msg.tagUnixTimeS = this.tagUnixTimeS;
      if (this.tagGroupId >= 0) msg.tagGroupId = this.tagGroupId;
      this.stats.messages++;
      this.stats.linesInMessages++;
      return msg;
    }
    // USCG-style metadata after the checksum names the receiver (",r<id>"): parts from different
    // receivers must not be joined, so it joins the key when no tag block gave a source.
    let seq = b.toString("latin1", commas[2]! + 1, commas[3]!);
    if (this.tagSource === undefined) seq += `\u0000${receiverId(b, j + 3, e)}`;
    return this.pushPart(lineNo, total, num, nChars, fill, channel, seq, badArmor);
  }

  /** The current line as a string (made only when needed: rejects and multi-sentence parts). */
  private lineText(): string {
    if (this.curText !== undefined) return this.curText;
    let end = this.curEnd;
    if (end > this.curStart && this.curBytes[end - 1] === 13) end--;
    this.curText = this.curBytes.toString("latin1", this.curStart, end);
    return this.curText;
  }

  private pushPart(
    lineNo: number,
    total: number,
    num: number,
    nChars: number,
    fill: number,
    channel: string | null,
    seq: string,
    badArmor: boolean,
  ): AisMessage | null {
    // Parts linked by an NMEA 4.0 group belong together whatever their channel/sequence fields
    // say; otherwise the key is (source, channel, sequence id).
    const key =
      this.tagGroupId >= 0
        ? `g\u0000${this.tagGroupId}`
        : `${this.tagSource ?? ""}\u0000${channel ?? ""}\u0000${seq}`;
    const pending = this.pending.get(key);
    const text = this.lineText();
    // A part with bad armour is reported on its own line and ends the message it belonged to.
    if (badArmor) {
      if (pending !== undefined) {
        this.pending.delete(key);
        this.rejectPending(pending, "orphan_part");
      }
      return this.reject(lineNo, "bad_armor_character", text);
    }
    const sixbits = this.sb.slice(0, nChars);
    if (num === 1) {
      if (pending !== undefined) {
        this.pending.delete(key);
        this.rejectPending(pending, "orphan_part");
      }
      this.pending.set(key, {
        key,
        total,
        next: 2,
        parts: [sixbits],
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
    pending.parts.push(sixbits);
    pending.lines.push(lineNo);
    pending.texts.push(text);
    pending.next++;
    if (pending.tagSource === undefined) pending.tagSource = this.tagSource;
    if (pending.tagUnixTimeS === undefined) pending.tagUnixTimeS = this.tagUnixTimeS;
    if (num < total) {
      this.stats.pendingLines++;
      return null;
    }
    this.pending.delete(key);
    this.stats.pendingLines -= pending.lines.length - 1;
    let len = 0;
    for (const p of pending.parts) len += p.length;
    if (len + 8 > this.sb.length) this.sb = new Uint8Array((len + 8) * 2);
    let off = 0;
    for (const p of pending.parts) {
      this.sb.set(p, off);
      off += p.length;
    }
    // Only the last sentence's fill bits count: earlier parts carry whole characters.
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

  /** Parses `\key:value,…*hh\` at bytes[s]; returns the index after it, or -1 (rejected). */
  private parseTagBlock(b: Buffer, s: number, e: number, lineNo: number): number {
    let close = s + 1;
    while (close < e && b[close] !== 92) close++;
    // A lone backslash before the sentence ("\\!AIVDM…", no block closed) is a prefix like any
    // other, and an empty block ("\\\\!AIVDM…") says nothing: neither has a checksum to check,
    // and the sentence keeps its own (pyais test_that_the_factory_is_gentle_with_malformed_tag_blocks).
    if (close >= e) return s + 1;
    if (close === s + 1) return close + 1;
    let star = close - 1;
    while (star > s && b[star] !== 42) star--;
    let x = 0;
    for (let k = s + 1; k < star; k++) x ^= b[k]!;
    const h1 = hexValue(b[star + 1]!);
    const h2 = hexValue(b[star + 2]!);
    if (star <= s || close - star !== 3 || h1 < 0 || h2 < 0 || h1 * 16 + h2 !== x) {
      this.reject(lineNo, "bad_tag_block_checksum", this.lineText());
      return -1;
    }
    // Fields "k:value" separated by commas, read in place; only s: makes a string, and a source
    // that repeats the previous one reuses its string.
    let k = s + 1;
    while (k < star) {
      let f = k;
      while (f < star && b[f] !== 44) f++;
      if (f - k >= 2 && b[k + 1] === 58) {
        const key = b[k];
        if (key === 115) this.tagSource = this.sourceString(b, k + 2, f);
        else if (key === 99) {
          const t = decimal(b, k + 2, f); // c:, seconds (some feeds send milliseconds)
          if (t >= 0) this.tagUnixTimeS = t > 1e11 ? t / 1000 : t;
        } else if (key === 103) {
          // g:part-total-id
          let d = k + 2;
          let dashes = 0;
          while (d < f && dashes < 2) if (b[d++] === 45) dashes++;
          const id = dashes === 2 ? decimal(b, d, f) : -1;
          if (id >= 0 && Number.isInteger(id)) this.tagGroupId = id;
        }
      }
      k = f + 1;
    }
    return close + 1;
  }

  private sourceString(b: Buffer, from: number, to: number): string {
    const last = this.lastSource;
    if (last.length === to - from) {
      let same = true;
      for (let q = 0; q < last.length; q++) {
        if (last.charCodeAt(q) !== b[from + q]) {
          same = false;
          break;
        }
      }
      if (same) return last;
    }
    this.lastSource = b.toString("latin1", from, to);
    return this.lastSource;
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
