/**
 * Empty-return board ("Return Signal"-class): for each terminal × box size × line, whether empties
 * are accepted today and tomorrow, from the receiving rules the terminals publish (a record per
 * terminal and day, updated during the day; every update kept as history), and the alerts raised
 * when a location stops (or resumes) accepting. Port Optimizer's Return Signal refreshes every
 * 5 minutes (port-community-systems.md §2.1): the board carries the 5-minute tick it reflects.
 * Pure: statuses and alert kinds are codes; words in English and Japanese live in the portal/CLI.
 */

export type BoxSizeFt = 20 | 40 | 45;

/** One rule: empties of this size and line (owner code / SCAC, or "*" for every line) accepted or not. */
export interface ReceivingRule {
  sizeFt: BoxSizeFt;
  line: string;
  accepting: boolean;
}

/** A terminal's receiving rules for one local day, as published at `publishedAtS`. */
export interface ReceivingRules {
  port: string;
  terminal: string;
  /** Local calendar day the rules apply to (YYYY-MM-DD in the port's zone). */
  day: string;
  publishedAtS: number;
  /** A line's own rule wins over the "*" rule; among equals the later row wins. */
  rules: ReceivingRule[];
}

/** open: accepted; closed: not accepted; unknown: no rule published for that day. */
export type ReturnStatus = "open" | "closed" | "unknown";

export interface EmptyBoardRow {
  terminal: string;
  sizeFt: BoxSizeFt;
  line: string;
  today: ReturnStatus;
  tomorrow: ReturnStatus;
}

export interface EmptyReturnAlert {
  kind: "stopped_accepting" | "resumed_accepting";
  terminal: string;
  day: string;
  sizeFt: BoxSizeFt;
  line: string;
  atS: number;
}

export interface EmptyBoard {
  /** The 5-minute tick the board reflects (asOf rounded down to 300 s). */
  refreshedAtS: number;
  today: string;
  tomorrow: string;
  rows: EmptyBoardRow[];
  /** Changes published in the 24 hours up to asOf, newest first. */
  alerts: EmptyReturnAlert[];
}

export const REFRESH_S = 300;

/** Whether a size × line is accepted under one rule set (a line's own rule beats "*"). */
export function acceptance(rules: readonly ReceivingRule[], sizeFt: BoxSizeFt, line: string): ReturnStatus {
  let own: boolean | null = null;
  let any: boolean | null = null;
  for (const r of rules) {
    if (r.sizeFt !== sizeFt) continue;
    if (r.line === line) own = r.accepting;
    else if (r.line === "*") any = r.accepting;
  }
  const v = own ?? any;
  return v === null ? "unknown" : v ? "open" : "closed";
}

/** The local calendar day (YYYY-MM-DD) of an instant for a fixed UTC offset in hours. */
export function localDay(atS: number, utcOffsetH: number, plusDays = 0): string {
  return new Date((atS + utcOffsetH * 3600 + plusDays * 86_400) * 1000).toISOString().slice(0, 10);
}

/**
 * The board at `asOfS`: per terminal × size × line (every line any record names, and "*" — every
 * other line — when today's or tomorrow's rules give one), the latest
 * record published at or before asOf for today and tomorrow. Alerts compare each update with the
 * one before it for the same terminal and day.
 * Example: YTI publishes for 2026-11-20 "all open" at 15:00 the day before, then at 10:40 "40 ft
 * MSCU closed": at 11:00 the board shows 40/MSCU today = closed and one stopped_accepting alert.
 */
export function emptyReturnBoard(
  history: readonly ReceivingRules[],
  asOfS: number,
  utcOffsetH: number,
): EmptyBoard {
  const today = localDay(asOfS, utcOffsetH);
  const tomorrow = localDay(asOfS, utcOffsetH, 1);
  const latest = new Map<string, ReceivingRules>();
  const linesOf = new Map<string, Set<string>>();
  const seen = [...history]
    .filter((r) => r.publishedAtS <= asOfS)
    .sort((a, b) => a.publishedAtS - b.publishedAtS);
  const alerts: EmptyReturnAlert[] = [];
  for (const rec of seen) {
    const key = `${rec.terminal}|${rec.day}`;
    const lines = linesOf.get(rec.terminal) ?? new Set<string>();
    for (const r of rec.rules) lines.add(r.line);
    linesOf.set(rec.terminal, lines);
    const before = latest.get(key);
    if (before && rec.publishedAtS > asOfS - 86_400) {
      for (const sizeFt of [20, 40, 45] as const) {
        for (const line of lines) {
          const was = acceptance(before.rules, sizeFt, line);
          const now = acceptance(rec.rules, sizeFt, line);
          if (was === now || now === "unknown") continue;
          alerts.push({
            kind: now === "closed" ? "stopped_accepting" : "resumed_accepting",
            terminal: rec.terminal,
            day: rec.day,
            sizeFt,
            line,
            atS: rec.publishedAtS,
          });
        }
      }
    }
    latest.set(key, rec);
  }
  const rows: EmptyBoardRow[] = [];
  for (const terminal of [...linesOf.keys()].sort()) {
    const t = latest.get(`${terminal}|${today}`);
    const m = latest.get(`${terminal}|${tomorrow}`);
    for (const sizeFt of [20, 40, 45] as const) {
      for (const line of [...(linesOf.get(terminal) ?? [])].sort()) {
        const today = t ? acceptance(t.rules, sizeFt, line) : "unknown";
        const tomorrow = m ? acceptance(m.rules, sizeFt, line) : "unknown";
        // "*" is shown only when today's or tomorrow's rules say something of it.
        if (line === "*" && today === "unknown" && tomorrow === "unknown") continue;
        rows.push({ terminal, sizeFt, line, today, tomorrow });
      }
    }
  }
  alerts.sort(
    (a, b) =>
      b.atS - a.atS ||
      a.terminal.localeCompare(b.terminal) ||
      a.sizeFt - b.sizeFt ||
      a.line.localeCompare(b.line),
  );
  return { refreshedAtS: Math.floor(asOfS / REFRESH_S) * REFRESH_S, today, tomorrow, rows, alerts };
}
