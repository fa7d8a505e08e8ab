import { DomainError } from "../core/errors.ts";

/**
 * Six-bit armour and bit-field access for AIS payloads (ITU-R M.1371-5 Annex 8 §3.3 and
 * IEC 61162-1 table 7). The decoder turns each armour character into its 6-bit value once, in a
 * reused Uint8Array, and reads fields with integer shifts: no bit strings, no per-field allocation.
 */

/** Armour character code → 6-bit value, or -1 for characters outside the armour set. */
export const ARMOR_VALUE: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let c = 48; c <= 87; c++) t[c] = c - 48; // '0'..'W' → 0..39
  for (let c = 96; c <= 119; c++) t[c] = c - 56; // '`'..'w' → 40..63
  return t;
})();

/** 6-bit value → armour character. */
export const ARMOR_CHAR: string[] = Array.from({ length: 64 }, (_, v) =>
  String.fromCharCode(v < 40 ? v + 48 : v + 56),
);

/**
 * Reads an unsigned field of `lenBits` (1..30) bits starting at bit `startBit` from six-bit values.
 *
 * Example: the payload "15M67FC000G?ufbE`FepT@3n00Sa" starts with the value 1 (message type, 6 bits),
 * so `readUint(sb, 0, 6) === 1`, and its MMSI is `readUint(sb, 8, 30) === 366053209`.
 */
export function readUint(sb: Uint8Array, startBit: number, lenBits: number): number {
  let i = (startBit / 6) | 0;
  const off = startBit - i * 6;
  const avail = 6 - off;
  let v = sb[i]! & (0x3f >> off);
  if (lenBits <= avail) return v >> (avail - lenBits);
  let rest = lenBits - avail;
  i++;
  while (rest >= 6) {
    v = (v << 6) | sb[i++]!;
    rest -= 6;
  }
  if (rest > 0) v = (v << rest) | (sb[i]! >> (6 - rest));
  return v;
}

/**
 * Reads a two's-complement signed field (1..30 bits).
 *
 * Example: a 8-bit field holding 0b10000000 reads as -128 (rate of turn "not available").
 */
export function readInt(sb: Uint8Array, startBit: number, lenBits: number): number {
  const shift = 32 - lenBits;
  return (readUint(sb, startBit, lenBits) << shift) >> shift;
}

/**
 * Reads `nChars` six-bit ITU characters (0..31 → '@'..'_', 32..63 → ' '..'?'), ending at the first
 * '@' (padding) and trimming trailing spaces; an empty result is `null` (not available).
 *
 * Example: the 7 six-bit values of "3FOF8@@" in a type 5 callsign field decode to "3FOF8".
 */
export function readText(sb: Uint8Array, startBit: number, nChars: number): string | null {
  let s = "";
  let lastNonSpace = 0;
  for (let k = 0; k < nChars; k++) {
    const v = readUint(sb, startBit + k * 6, 6);
    if (v === 0) break;
    s += String.fromCharCode(v < 32 ? v + 64 : v);
    if (v !== 32) lastNonSpace = s.length;
  }
  if (lastNonSpace === 0) return null;
  return lastNonSpace === s.length ? s : s.slice(0, lastNonSpace);
}

/**
 * Appends bits to a growable bit array; used by the encoder (not on the decode hot path).
 *
 * Example: `new BitWriter().uint(1, 6).uint(0, 2).armor()` gives `{ payload: "10", fillBits: 4 }`
 * (8 bits: "000001" → '1', "00" + 4 fill bits → '0').
 */
export class BitWriter {
  bits: number[] = [];

  /** Writes `value` as `lenBits` unsigned bits, most significant first; throws when it does not fit. */
  uint(value: number, lenBits: number): this {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** lenBits) {
      throw new DomainError("validation", `AIS field value ${value} does not fit ${lenBits} unsigned bits`, [
        { field: `bit ${this.bits.length}`, reason: "out_of_range" },
      ]);
    }
    if (lenBits <= 31 && value >= 0 && value < 2 ** 31) {
      for (let b = lenBits - 1; b >= 0; b--) this.bits.push((value >>> b) & 1);
    } else {
      for (let b = lenBits - 1; b >= 0; b--) this.bits.push(Math.floor(value / 2 ** b) & 1);
    }
    return this;
  }

  /** Writes `value` as `lenBits` two's-complement bits; throws when it does not fit. */
  int(value: number, lenBits: number): this {
    const half = 2 ** (lenBits - 1);
    if (!Number.isInteger(value) || value < -half || value >= half) {
      throw new DomainError("validation", `AIS field value ${value} does not fit ${lenBits} signed bits`, [
        { field: `bit ${this.bits.length}`, reason: "out_of_range" },
      ]);
    }
    return this.uint(value < 0 ? 2 ** lenBits + value : value, lenBits);
  }

  /** Writes text as six-bit characters, upper-cased, padded with '@' to `nChars`. */
  text(value: string | null | undefined, nChars: number): this {
    const s = (value ?? "").toUpperCase();
    for (let k = 0; k < nChars; k++) {
      const c = k < s.length ? s.charCodeAt(k) : 64;
      let v = c >= 64 && c < 96 ? c - 64 : c >= 32 && c < 64 ? c : 32; // unknown characters → space
      if (k >= s.length) v = 0;
      this.uint(v, 6);
    }
    return this;
  }

  get length(): number {
    return this.bits.length;
  }

  /** Armours the bits into a payload string; returns it with the number of fill bits added. */
  armor(): { payload: string; fillBits: number } {
    const fillBits = (6 - (this.bits.length % 6)) % 6;
    const all = this.bits.concat(new Array<number>(fillBits).fill(0));
    let payload = "";
    for (let i = 0; i < all.length; i += 6) {
      let v = 0;
      for (let b = 0; b < 6; b++) v = (v << 1) | all[i + b]!;
      payload += ARMOR_CHAR[v]!;
    }
    return { payload, fillBits };
  }
}
