/** `calls evaluate` on a small demo world of both ports: the accuracy target of issue 4. */
import { describe, expect, it } from "vitest";
import { type OpenCallsDatabase, runEvaluation } from "../../src/demo/index.ts";
import { loadPortRegistry } from "../../src/geo/index.ts";
import { openStore } from "../../src/store/index.ts";

const open: OpenCallsDatabase = async (url) => {
  const s = openStore({ databaseUrl: url });
  await s.migrate();
  return { ais: s.ais, calls: s.calls, close: () => s.close() };
};

describe("calls evaluate", () => {
  it("matches ≥ 98 % of calls with berth times within 5 minutes and no spurious calls", async () => {
    const d = await runEvaluation(open, loadPortRegistry(), {
      seed: 3,
      days: 3,
      scale: 1,
      ports: ["USLAX", "JPNGO"],
      start: new Date("2026-01-01T00:00:00Z"),
    });
    const r = d.result;
    expect(Object.keys(r)).toEqual([
      "expected",
      "matched",
      "missed",
      "spurious",
      "berthArrivalErrorMin",
      "berthDepartureErrorMin",
    ]);
    expect(r.expected).toBeGreaterThan(30);
    expect(d.matchedWithin5Min / r.expected).toBeGreaterThanOrEqual(0.98);
    expect(r.spurious).toBe(0);
    expect(d.harbourCraftCalls).toBe(0);
    expect(r.berthArrivalErrorMin.p95).toBeLessThanOrEqual(5);
    expect(r.berthDepartureErrorMin.p95).toBeLessThanOrEqual(5);
  }, 300_000);
});
