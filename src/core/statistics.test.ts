import { describe, expect, it } from "vitest";
import { quantile } from "./statistics.ts";

describe("quantile (nearest rank)", () => {
  it("matches the published nearest-rank example", () => {
    // Wikipedia, "Percentile", nearest-rank method, first example: the ordered list
    // 15, 20, 35, 40, 50 has 5th percentile 15, 30th 20, 40th 20, 50th 35, 100th 50.
    const list = [15, 20, 35, 40, 50];
    expect([0.05, 0.3, 0.4, 0.5, 1].map((q) => quantile(list, q))).toEqual([15, 20, 20, 35, 50]);
  });

  it("takes the upper value at a tie of ranks and 0 for no values", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(quantile([], 0.5)).toBe(0);
  });
});
