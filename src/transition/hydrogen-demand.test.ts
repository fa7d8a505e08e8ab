import { describe, expect, it } from "vitest";
import { demandForHours, parseHourlyDemandCsv } from "./hydrogen-demand.ts";

describe("hourly demand CSV", () => {
  it("a daily profile, as in the doc comment", () => {
    const r = parseHourlyDemandCsv("hour,kg\n7,0.5\n8,0.5\n17,1", "d.csv");
    expect(r.dailyProfile).toBe(true);
    expect(r.kgPerH!.length).toBe(24);
    expect(r.kgPerH![17]).toBe(1);
    // 2 kg/day × 365 = 730 kg
    expect(demandForHours(r.kgPerH!, 8760).reduce((a, b) => a + b, 0)).toBeCloseTo(730, 9);
  });
  it("whole days; bad rows rejected with line and field; duplicates counted", () => {
    const r = parseHourlyDemandCsv("hour,kg\n30,2\n30,3\nx,1\n5,-1\n9000,1", "d.csv");
    expect(r.dailyProfile).toBe(false);
    expect(r.kgPerH!.length).toBe(48);
    expect(r.kgPerH![30]).toBe(2);
    expect(r.counts).toMatchObject({ read: 5, accepted: 1, rejected: 3, duplicates: 1 });
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [4, "hour"],
      [5, "kg"],
      [6, "hour"],
    ]);
    expect(parseHourlyDemandCsv("h,kg\n1,1", "x.csv").issues[0]!.reason).toMatch(/hour,kg/);
  });
});
