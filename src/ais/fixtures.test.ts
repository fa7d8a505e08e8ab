import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeAisLines } from "./decoder.ts";

// Real traffic heard in San Pedro Bay (provenance and licence: fixtures/README.md). The expected
// counts and the type 11 date are the ones that README states, counted when the file was made.
const lines = readFileSync(new URL("./fixtures/san-pedro-bay-2005.nmea", import.meta.url), "latin1")
  .split("\n")
  .filter((l) => l.length > 0);

describe("real AIS from San Pedro Bay, 2005", () => {
  const r = decodeAisLines(lines);

  it("decodes every message: 119 sentences, 113 messages, nothing rejected (no unsupported_type)", () => {
    expect(lines).toHaveLength(119);
    expect(r.rejects).toEqual([]);
    expect(r.stats.byReason.unsupported_type).toBe(0);
    expect(r.messages).toHaveLength(113);
    const byType = new Map<number, number>();
    for (const m of r.messages) byType.set(m.msgType, (byType.get(m.msgType) ?? 0) + 1);
    expect(Object.fromEntries(byType)).toEqual({ 1: 101, 3: 4, 5: 6, 10: 1, 11: 1 });
    expect(new Set(r.messages.map((m) => m.mmsi)).size).toBe(56);
  });

  it("reads the type 11 date and the positions inside the harbour window", () => {
    const t11 = r.messages.find((m) => m.msgType === 11);
    expect(t11).toMatchObject({ year: 2005, month: 4, day: 13, hour: 20, minute: 47, second: 32 });
    expect(r.messages.find((m) => m.msgType === 10)).toMatchObject({ msgType: 10 });
    for (const m of r.messages) {
      if (m.msgType !== 1 && m.msgType !== 3) continue;
      // The README gives the window to three decimals: 33.347–33.912 N, −118.479 to −118.157.
      expect(m.latDeg).toBeGreaterThanOrEqual(33.3465);
      expect(m.latDeg).toBeLessThan(33.9125);
      expect(m.lonDeg).toBeGreaterThanOrEqual(-118.4795);
      expect(m.lonDeg).toBeLessThan(-118.1565);
    }
  });
});
