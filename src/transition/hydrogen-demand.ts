/**
 * Hourly hydrogen demand entered by a user (issue 13: "dispensing against hourly demand"). Pure.
 * CSV `hour,kg`: either a daily profile (hours 0…23, repeated every day) or whole days of hours
 * (0…24·n − 1, local standard time). Bad rows are rejected with file, line, field and reason; a
 * second row for an hour is a duplicate; hours not given are 0 (no demand), and the counts say so.
 */
import { userCsv } from "../core/csv.ts";
import type { FieldIssue } from "../core/errors.ts";
import { emptyIngestCounts, type IngestCounts } from "../core/ingest.ts";

export interface ParsedDemand {
  /** kg per hour; length 24 (a daily profile) or whole days. Undefined when nothing usable. */
  kgPerH?: Float64Array;
  /** True when the file is one day to repeat. */
  dailyProfile: boolean;
  counts: IngestCounts;
  issues: FieldIssue[];
}

/**
 * Example: "hour,kg\n7,0.5\n8,0.5\n17,1" → a daily profile of 2 kg/day (24 values, 0.5 at 07:00
 * and 08:00, 1 at 17:00); "hour,kg\n30,2" → two days, 2 kg at 06:00 on day 2.
 */
export function parseHourlyDemandCsv(text: string, file: string, maxHours = 8760): ParsedDemand {
  const counts = emptyIngestCounts();
  const issues: FieldIssue[] = [];
  const csv = userCsv(text, ["hour", "kg"], false);
  if (csv.missing.length > 0) {
    issues.push({ file, line: 1, field: "header", reason: "expected columns hour,kg" });
    return { dailyProfile: false, counts, issues };
  }
  const values = new Map<number, number>();
  const reject = (line: number, field: string, reason: string, code: string) => {
    counts.rejected++;
    counts.rejectedByReason[code] = (counts.rejectedByReason[code] ?? 0) + 1;
    issues.push({ file, line, field, reason });
  };
  counts.read = csv.lines;
  for (const b of csv.bad) reject(b.line, "row", b.reason, "bad_csv");
  for (const row of csv.records) {
    const li = row.line - 1;
    const hText = row.get("hour");
    const h = Number(hText);
    if (!/^\d+$/.test(hText) || h >= maxHours) {
      reject(li + 1, "hour", `"${hText}" is not a whole hour 0 … ${maxHours - 1}`, "bad_hour");
      continue;
    }
    const kText = row.get("kg");
    const kg = kText === "" ? Number.NaN : Number(kText);
    if (!(kg >= 0 && kg <= 10_000)) {
      reject(li + 1, "kg", `"${kText}" is not a number within 0 … 10,000 kg`, "bad_kg");
      continue;
    }
    if (values.has(h)) {
      counts.duplicates++;
      continue;
    }
    values.set(h, kg);
    counts.accepted++;
  }
  if (values.size === 0) {
    issues.push({ file, reason: "no usable row" });
    return { dailyProfile: false, counts, issues };
  }
  const last = Math.max(...values.keys());
  const dailyProfile = last < 24;
  const len = dailyProfile ? 24 : Math.ceil((last + 1) / 24) * 24;
  const kgPerH = new Float64Array(len);
  for (const [h, kg] of values) kgPerH[h] = kg;
  return { kgPerH, dailyProfile, counts, issues };
}

/**
 * Repeats or fits a demand series to `hours` (a daily profile repeats; a longer series must cover
 * them, a shorter multi-day one repeats from its start).
 * Example: a 24-value profile with 2 kg/day → 8,760 values, 730 kg.
 */
export function demandForHours(kgPerH: Float64Array, hours: number): Float64Array {
  if (kgPerH.length === 0) throw new RangeError("empty demand");
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++) out[h] = kgPerH[h % kgPerH.length]!;
  return out;
}
