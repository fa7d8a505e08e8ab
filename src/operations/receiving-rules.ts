/**
 * Empty-receiving rules CSV, the input of the empty-return board (empty-return.ts): the rules a
 * terminal publishes for a local day, one row per size × line, as the terminals' own "empty
 * receivables" pages list them. Columns: terminal (our terminal id, as in gate files), day (YYYY-MM-DD, the
 * port's local day the rules apply to), published_at (ISO 8601 with offset), size_ft (20 | 40 | 45),
 * line (a carrier's SCAC / owner code, or * for every line), accepting (yes | no, open | closed).
 * Rows with the same terminal, day and published_at are one publication (a ReceivingRules record);
 * an update is a later publication of the whole day, which the board keeps as history.
 */
import type { ReceivingRule, ReceivingRules } from "./empty-return.ts";
import type { FacilityLookup } from "./facilities.ts";
import type { ParsedOperations } from "./model.ts";
import { csvRows, emptyParsed, offsetTimeS, reject, terminalOf } from "./records.ts";

export const RECEIVING_RULE_COLUMNS = [
  "terminal",
  "day",
  "published_at",
  "size_ft",
  "line",
  "accepting",
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** SCAC (2–4 letters, NMFTA) or an ISO 6346 owner code (3 letters + U): 2–4 capitals. */
const LINE = /^[A-Z]{2,4}$/;

function acceptingOf(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (["yes", "y", "open", "true", "1"].includes(t)) return true;
  if (["no", "n", "closed", "false", "0"].includes(t)) return false;
  return null;
}

/**
 * Parses a receiving-rules file. `read` counts rows. A row repeating a size × line already given in
 * the same publication is rejected (which one would hold?).
 * Example: rows (YTI, 2026-11-20, 2026-11-19T15:00-08:00, 40, *, yes) and (…, 40, MSCU, no) →
 * one publication with 2 rules: 40 ft open for every line but MSCU.
 */
export function parseReceivingRulesCsv(
  text: string,
  file: string,
  facilities: FacilityLookup,
): ParsedOperations {
  const out = emptyParsed();
  const publications = new Map<string, ReceivingRules & { lines: Map<string, number> }>();
  for (const row of csvRows(text, file, out, RECEIVING_RULE_COLUMNS)) {
    out.read++;
    const fail = (field: string, reason: string) => reject(out, file, row.line, field, reason);
    const terminal = terminalOf(row, facilities);
    if ("reason" in terminal) {
      fail(terminal.field, terminal.reason);
      continue;
    }
    const day = row.get("day");
    if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      fail("day", `"${day}" is not a date (YYYY-MM-DD)`);
      continue;
    }
    const published = offsetTimeS(row.get("published_at"));
    if (typeof published === "string") {
      fail("published_at", published);
      continue;
    }
    const sizeFt = Number(row.get("size_ft"));
    if (sizeFt !== 20 && sizeFt !== 40 && sizeFt !== 45) {
      fail("size_ft", `"${row.get("size_ft")}" is not 20, 40 or 45`);
      continue;
    }
    const line = row.get("line").trim().toUpperCase();
    if (line !== "*" && !LINE.test(line)) {
      fail("line", `"${row.get("line")}" is not a carrier code (2–4 letters) or *`);
      continue;
    }
    const accepting = acceptingOf(row.get("accepting"));
    if (accepting === null) {
      fail("accepting", `"${row.get("accepting")}" is not yes/no or open/closed`);
      continue;
    }
    const key = `${terminal.terminal}|${day}|${published}`;
    let pub = publications.get(key);
    if (pub === undefined) {
      pub = {
        port: terminal.port,
        terminal: terminal.terminal,
        day,
        publishedAtS: published,
        rules: [],
        lines: new Map(),
      };
      publications.set(key, pub);
    }
    const ruleKey = `${sizeFt}|${line}`;
    const before = pub.lines.get(ruleKey);
    if (before !== undefined) {
      fail("line", `${sizeFt} ft ${line} is already given on line ${before} of the same publication`);
      continue;
    }
    pub.lines.set(ruleKey, row.line);
    const rule: ReceivingRule = { sizeFt, line, accepting };
    pub.rules.push(rule);
  }
  out.receivingRules = [...publications.values()].map(({ lines: _, ...r }) => r);
  return out;
}
