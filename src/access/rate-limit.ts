/**
 * A token bucket per key (IP address, user name, principal), pure: the caller passes the clock.
 * A bucket holds at most `capacity` tokens and refills at `refillPerS`; each attempt takes one.
 */
export interface BucketOptions {
  capacity: number;
  refillPerS: number;
  /** Buckets kept at most; the longest-idle are dropped first (a full bucket is the same as none). */
  maxKeys?: number;
}

export interface Take {
  allowed: boolean;
  /** Seconds until one token is back (0 when allowed). */
  retryAfterS: number;
}

/**
 * Example: capacity 10, refill 10/60 per second (10 a minute). Ten attempts at t = 0 pass, the
 * eleventh is refused with retryAfterS = 6 (one token takes 60 / 10 = 6 s); at t = 6 s one passes.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();
  constructor(private readonly options: BucketOptions) {}

  take(key: string, nowMs: number): Take {
    const { capacity, refillPerS } = this.options;
    const b = this.buckets.get(key);
    let tokens = capacity;
    if (b) tokens = Math.min(capacity, b.tokens + (Math.max(0, nowMs - b.atMs) / 1000) * refillPerS);
    this.buckets.delete(key); // re-inserted last: Map order is then least recently used first
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
      this.prune();
      return { allowed: true, retryAfterS: 0 };
    }
    this.buckets.set(key, { tokens, atMs: nowMs });
    return { allowed: false, retryAfterS: Math.ceil((1 - tokens) / refillPerS) };
  }

  private prune() {
    const max = this.options.maxKeys ?? 100_000;
    while (this.buckets.size > max) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
