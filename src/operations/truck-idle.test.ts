import { describe, expect, it } from "vitest";
import { emptyHourly } from "./rollup.ts";
import { MIN_TIMED_VISITS, truckIdleByMonth } from "./truck-idle.ts";

const YTI = "uslax-terminal-yti";
const FENIX = "uslax-terminal-fenix";
// Local day numbers (days since 1970-01-01): 2026-04-30, 2026-05-01, 2026-05-31.
const APR_30 = Date.UTC(2026, 3, 30) / 86_400_000;
const MAY_1 = APR_30 + 1;
const MAY_31 = APR_30 + 31;

function day(terminal: string, d: number, visits: number, timed: number, turnSumS: number) {
  return { ...emptyHourly("USLAX", terminal, d, 0), truckVisits: visits, turnCount: timed, turnSumS };
}

describe("truck idle by terminal-month", () => {
  it("is the mean turn time of the month's timed visits, months split on the local calendar", () => {
    const rows = [
      // YTI, May: 25 visits (20 timed, 20 × 40 min) on the 1st and 25 (20 timed, 20 × 50 min) on the 31st.
      day(YTI, MAY_1, 25, 20, 20 * 40 * 60),
      day(YTI, MAY_31, 25, 20, 20 * 50 * 60),
      // YTI, April 30: a different month, 40 timed visits of 30 min.
      day(YTI, APR_30, 40, 40, 40 * 30 * 60),
      // Fenix, May: only 29 timed visits — under MIN_TIMED_VISITS, left out.
      day(FENIX, MAY_1, 29, 29, 29 * 90 * 60),
    ];
    expect(MIN_TIMED_VISITS).toBe(30);
    // May at YTI: (20 × 40 + 20 × 50) / 40 = 45 min; 50 visits.
    expect(truckIdleByMonth(rows)).toEqual([
      { terminal: YTI, year: 2026, month: 4, visits: 40, timedVisits: 40, idleMinPerVisit: 30 },
      { terminal: YTI, year: 2026, month: 5, visits: 50, timedVisits: 40, idleMinPerVisit: 45 },
    ]);
  });

  it("gives nothing for rollups without truck visits", () => {
    expect(truckIdleByMonth([emptyHourly("USLAX", YTI, MAY_1, 3)])).toEqual([]);
  });
});
