/**
 * Seeded pseudo-random numbers for the demo world: sfc32 (Chris Doty-Humphrey's "small fast
 * counting" generator, as in PractRand), seeded through a 32-bit string hash so that every vessel
 * and purpose gets its own independent stream. Same seed and key → same sequence, on every machine.
 */

/** 32-bit FNV-1a hash of a string, mixed with a seed. Example: `hash32("a", 0)` → 3826002220. */
export function hash32(text: string, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream for `seed` and a key (e.g. "vessel:366123000"). */
  constructor(seed: number, key = "") {
    this.a = hash32(`a:${key}`, seed);
    this.b = hash32(`b:${key}`, seed);
    this.c = hash32(`c:${key}`, seed);
    this.d = 1;
    for (let k = 0; k < 15; k++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.next() * items.length)];
    if (v === undefined) throw new Error("pick from an empty list");
    return v;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}
