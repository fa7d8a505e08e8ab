/**
 * Truck idling at the terminals, measured: per terminal and local month, the gate visits and the
 * mean turn time (queue arrival → gate-out, or gate-in → gate-out where the gate did not see the
 * queue). A drayage truck's engine runs while it waits in the queue and moves through the terminal,
 * so the inventory takes the mean turn time as its idle minutes per visit (emissions/nonship
 * drayage) instead of an assumed figure. Pure: reads the hourly rollups it is given.
 */
import { firstDayOfMonth, type HourlyRollup, monthOfDay } from "./rollup.ts";
import type { OperationsStore } from "./store.ts";

/** Fewer timed visits than this in a terminal-month and the mean is not trusted (the assumption stays). */
export const MIN_TIMED_VISITS = 30;

export interface MeasuredTruckIdle {
  terminal: string;
  year: number;
  month: number;
  /** Truck visits through the gate in the month. */
  visits: number;
  /** Visits whose turn time is known (gate-in and gate-out seen). */
  timedVisits: number;
  /** Mean turn time of the timed visits, minutes: the idle minutes per visit. */
  idleMinPerVisit: number;
}

/**
 * Sums day (or hour) rollups into local terminal-months. Months with fewer than MIN_TIMED_VISITS
 * timed visits are left out.
 * Example: 40 visits in May at YTI, 40 timed, turn times summing 40 × 45 min = 108,000 s →
 * { terminal: YTI, year, month: 5, visits: 40, timedVisits: 40, idleMinPerVisit: 45 }.
 */
export function truckIdleByMonth(rows: readonly HourlyRollup[]): MeasuredTruckIdle[] {
  const sums = new Map<
    string,
    { terminal: string; year: number; month: number; visits: number; turns: number; turnS: number }
  >();
  for (const r of rows) {
    if (r.truckVisits === 0 && r.turnCount === 0) continue;
    const m = monthOfDay(r.day);
    const [year, month] = [Math.floor(m / 12), (m % 12) + 1];
    const key = `${r.terminal}|${year}|${month}`;
    let s = sums.get(key);
    if (!s) {
      s = { terminal: r.terminal, year, month, visits: 0, turns: 0, turnS: 0 };
      sums.set(key, s);
    }
    s.visits += r.truckVisits;
    s.turns += r.turnCount;
    s.turnS += r.turnSumS;
  }
  return [...sums.values()]
    .filter((s) => s.turns >= MIN_TIMED_VISITS)
    .map((s) => ({
      terminal: s.terminal,
      year: s.year,
      month: s.month,
      visits: s.visits,
      timedVisits: s.turns,
      idleMinPerVisit: s.turnS / s.turns / 60,
    }))
    .sort((a, b) => a.terminal.localeCompare(b.terminal) || a.year - b.year || a.month - b.month);
}

/** The measured idle of a port's terminal-months from `from` to `to` (inclusive), from the stored day rollups. */
export async function measuredTruckIdle(
  store: Pick<OperationsStore, "hourlyRollups">,
  port: string,
  from: { year: number; month: number },
  to: { year: number; month: number },
): Promise<MeasuredTruckIdle[]> {
  const fromDay = firstDayOfMonth(from.year * 12 + from.month - 1);
  const toDay = firstDayOfMonth(to.year * 12 + to.month) - 1;
  return truckIdleByMonth(await store.hourlyRollups({ port, fromDay, toDay }, "day"));
}
