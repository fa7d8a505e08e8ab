import { describe, expect, it } from "vitest";
import { parseTime } from "./cli.ts";

describe("calls CLI --from / --to", () => {
  it("reads a date as midnight in the named port's zone, as the API does", () => {
    // 1 Nov 2026 starts at 00:00 PDT (UTC−7; DST ends at 02:00 that day) in Los Angeles, at 00:00 JST
    // (UTC+9) in Nagoya: 07:00Z on the 1st and 15:00Z on 31 Oct.
    expect(parseTime("2026-11-01", "from", 0, "USLAX")).toBe(Date.UTC(2026, 10, 1, 7) / 1000);
    expect(parseTime("2026-11-01", "from", 0, "JPNGO")).toBe(Date.UTC(2026, 9, 31, 15) / 1000);
    expect(parseTime("2026-11-01", "from", 0)).toBe(Date.UTC(2026, 10, 1) / 1000);
    expect(parseTime("2026-11-01T08:00:00+09:00", "from", 0, "USLAX")).toBe(Date.UTC(2026, 10, 0, 23) / 1000);
    expect(parseTime(undefined, "to", 42, "USLAX")).toBe(42);
  });

  it("refuses a date-time without an offset and an impossible date, saying what it expects", () => {
    expect(() => parseTime("2026-11-01T08:00", "from", 0, "USLAX")).toThrow(
      /--from: a date .* not 2026-11-01T08:00/,
    );
    expect(() => parseTime("2026-02-30", "to", 0)).toThrow(/--to: a date/);
  });
});
