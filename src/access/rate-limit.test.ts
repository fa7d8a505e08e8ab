import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit.ts";

describe("TokenBuckets", () => {
  it("lets 10 a minute through, then one every 6 s (60 s / 10)", () => {
    const b = new TokenBuckets({ capacity: 10, refillPerS: 10 / 60 });
    for (let i = 0; i < 10; i++) expect(b.take("ip", 0).allowed).toBe(true);
    expect(b.take("ip", 0)).toEqual({ allowed: false, retryAfterS: 6 });
    expect(b.take("other", 0).allowed).toBe(true);
    expect(b.take("ip", 5_999).allowed).toBe(false);
    expect(b.take("ip", 6_000 + 5_999).allowed).toBe(true); // 11.999 s: 1.99 tokens back, one used above
    expect(b.take("ip", 12_000).allowed).toBe(false);
  });
  it("keeps at most maxKeys buckets", () => {
    const b = new TokenBuckets({ capacity: 1, refillPerS: 0.001, maxKeys: 2 });
    b.take("a", 0);
    b.take("b", 0);
    b.take("c", 0); // "a" dropped: it starts full again
    expect(b.take("a", 0).allowed).toBe(true);
    expect(b.take("c", 0).allowed).toBe(false);
  });
});
