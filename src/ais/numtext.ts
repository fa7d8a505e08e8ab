/**
 * Writing JavaScript numbers as text straight into bytes, digit for digit what `String(x)` (and so
 * `JSON.stringify`) gives, without making a string. `String(x)` of a fractional double costs a
 * few hundred nanoseconds (a general shortest-digits search plus a heap string); AIS values are
 * integers, tenths (speed, course, draught) or degrees with at most 17 significant digits, for
 * which exact integer arithmetic finds the same digits far faster. Anything outside the cases
 * handled here falls back to `String(x)`, so the output is always what JSON.stringify writes.
 */

const POW10: number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Writes the decimal digits of a non-negative integer below 2^31 at `pos`; returns the new end. */
export function writeUint(buf: Uint8Array, pos: number, n: number): number {
  if (n < 10) {
    buf[pos] = 48 + n;
    return pos + 1;
  }
  const len =
    n < 100
      ? 2
      : n < 1000
        ? 3
        : n < 10000
          ? 4
          : n < 100000
            ? 5
            : n < 1000000
              ? 6
              : n < 10000000
                ? 7
                : n < 100000000
                  ? 8
                  : n < 1000000000
                    ? 9
                    : 10;
  let p = pos + len;
  const end = p;
  let v = n;
  while (v >= 10) {
    const q = (v / 10) | 0;
    buf[--p] = 48 + v - q * 10;
    v = q;
  }
  buf[--p] = 48 + v;
  return end;
}

/** Writes `digits` (<= 9) decimal digits of 0 <= n < 10^digits, leading zeros kept. */
function writeSmallFixed(buf: Uint8Array, pos: number, n: number, digits: number): number {
  let v = n;
  for (let p = pos + digits - 1; p >= pos; p--) {
    const q = (v / 10) | 0;
    buf[p] = 48 + v - q * 10;
    v = q;
  }
  return pos + digits;
}

/** Writes `digits` (<= 16) decimal digits of 0 <= n < 10^digits, leading zeros kept. */
function writeFixedDigits(buf: Uint8Array, pos: number, n: number, digits: number): number {
  if (digits <= 9) return writeSmallFixed(buf, pos, n, digits);
  // Two int32-sized halves: integer division of doubles above 2^31 is slow.
  const hi = Math.floor(n / 1e8);
  const p = writeSmallFixed(buf, pos, hi, digits - 8);
  return writeSmallFixed(buf, p, n - hi * 1e8, 8);
}

function writeLatin1(buf: Uint8Array, pos: number, s: string): number {
  let p = pos;
  for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
  return p;
}

// Dekker's exact product (a·b = p + e exactly, for doubles without overflow): the product's
// rounding error is what tells which way the 17th digit rounds.
const SPLIT = 134217729; // 2^27 + 1
let productError = 0;
function exactProduct(a: number, b: number): number {
  const p = a * b;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  productError = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

/**
 * Shortest round-trip digits of 10 <= x < 1000 (fraction part only; the caller writes the
 * integer part), or -1 when this case cannot be settled exactly (an exact tie, or a carry into
 * the integer part) and the caller should use String(x).
 *
 * ECMAScript's Number::toString picks the fewest significant digits n that read back as x and,
 * among those, the decimal closest to x. With the exact 17 significant digits of x (and the sign
 * of what lies beyond them) the closest n-digit decimal is a rounding of those digits, and
 * whether it reads back is one correctly rounded division (numerator below 2^53).
 */
let shortFraction = 0;
let shortDecimals = 0;
function shortestFraction(x: number, intPart: number, intDigits: number): boolean {
  const f = x - intPart; // exact: the fraction of a double is a double
  const k = 17 - intDigits; // decimals of the 17-significant-digit form (14 or 15)
  const p = exactProduct(f, POW10[k]!); // f·10^k = p + productError exactly, p < 10^15 < 2^53
  let n17 = Math.round(p);
  // What remains beyond the 17th digit, in units of it: (p - n17) is exact (|p - n17| <= 0.5).
  let rest = p - n17 + productError;
  if (rest > 0.5) {
    n17++;
    rest -= 1;
  } else if (rest < -0.5) {
    n17--;
    rest += 1;
  }
  if (Math.abs(Math.abs(rest) - 0.5) < 1e-9) return false; // (near-)tie: leave it to String(x)
  if (n17 >= POW10[k]! || n17 < 0) return false;
  // From 17 digits down: keep the shortest decimal that still reads back as x.
  let bestN = n17;
  let bestK = k;
  for (let d = 1; d < k; d++) {
    const unit = POW10[d]!;
    // n17 / unit rounds to an integer only when it is one (n17 < 2^53), so this is n17 % unit,
    // without the slow floating-point remainder.
    const tail = n17 - Math.floor(n17 / unit) * unit;
    const half = unit / 2;
    let n = (n17 - tail) / unit;
    if (tail > half || (tail === half && rest > 0)) n++;
    else if (tail === half && rest === 0) return false;
    const dec = k - d;
    if (n >= POW10[dec]!) return false; // carries into the integer part
    const whole = intPart * POW10[dec]! + n;
    if (whole >= 9007199254740992) return false;
    if (whole / POW10[dec]! !== x) break;
    bestN = n;
    bestK = dec;
  }
  shortFraction = bestN;
  shortDecimals = bestK;
  return true;
}

/**
 * Writes a finite number as `String(x)` would; returns the new end. `null` is written as "null".
 *
 * Example: 219.3 → "219.3", -122.34161833333333 → "-122.34161833333333", 0 → "0", -0 → "0".
 */
export function writeNumber(buf: Uint8Array, pos: number, x: number | null): number {
  if (x === null) return writeLatin1(buf, pos, "null");
  if ((x | 0) === x) {
    if (x >= 0) return writeUint(buf, pos, x);
    if (x !== -2147483648) {
      buf[pos] = 45;
      return writeUint(buf, pos + 1, -x);
    }
  }
  let p = pos;
  let a = x;
  if (a < 0) {
    a = -a;
    buf[p++] = 45;
  }
  // Tenths (speed, course, draught, rate of turn): one digit after the point.
  const t = Math.round(a * 10);
  if (t < 2147483647 && t / 10 === a) {
    const i = (t / 10) | 0;
    p = writeUint(buf, p, i);
    buf[p] = 46;
    buf[p + 1] = 48 + t - i * 10;
    return p + 2;
  }
  if (a >= 10 && a < 1000) {
    const intPart = Math.floor(a);
    if (shortestFraction(a, intPart, intPart < 100 ? 2 : 3)) {
      p = writeUint(buf, p, intPart);
      buf[p++] = 46;
      let n = shortFraction;
      let dec = shortDecimals;
      while (n % 10 === 0 && dec > 0) {
        n /= 10;
        dec--;
      }
      return writeFixedDigits(buf, p, n, dec);
    }
  }
  return writeLatin1(buf, pos, String(x));
}
