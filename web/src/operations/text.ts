// Operations page helpers: the period in the port's calendar, per-terminal call figures, the gate's
// hour-of-day profile, reference checks for the container search and unit-labelled numbers.
import { iso6346CheckDigit } from "../../../src/core/ids.ts";
import { anchorageWaiting, scheduleReliability } from "../../../src/operations/kpi.ts";
import type { CallOperations } from "../../../src/operations/wire.ts";
import type { OperationsKpis } from "../api.ts";
import { formatNumber } from "../format.ts";
import type { Language } from "../i18n/index.ts";

const DAY_MS = 86_400_000;
export const DEFAULT_DAYS = 7;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in a zone: "2026-01-15". */
export function localDay(now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** "2026-01-15" + 3 → "2026-01-18" (calendar days, no zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both inclusive ("2026-01-09" … "2026-01-15" → 7). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The period shown: the days in the address when both are valid and in order, else the last
 * 7 days in the port's zone (today included). `to` is inclusive here; the API's `to` is the day after.
 */
export function chosenPeriod(
  fromParam: string | null,
  toParam: string | null,
  now: Date,
  timeZone: string,
): { from: string; to: string; valid: boolean } {
  const today = localDay(now, timeZone);
  const to = toParam && DAY_RE.test(toParam) ? toParam : today;
  const from = fromParam && DAY_RE.test(fromParam) ? fromParam : addDays(to, -(DEFAULT_DAYS - 1));
  return { from, to, valid: from <= to };
}

/** Per terminal, the calls' schedule reliability and anchorage waiting (the API gives them port-wide). */
export function callsByTerminal(calls: readonly CallOperations[]) {
  const groups = new Map<string, CallOperations[]>();
  for (const c of calls) {
    const key = c.terminal ?? "";
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return new Map(
    [...groups].map(([terminal, list]) => {
      const moves = list.reduce((s, c) => s + (c.movesPerBerthHour === null ? 0 : c.moves), 0);
      const berthH = list.reduce((s, c) => s + (c.movesPerBerthHour === null ? 0 : c.berthHours), 0);
      return [
        terminal,
        {
          calls: list.length,
          moves,
          berthH,
          /** Total moves over total berth hours of the calls with a known vessel. */
          movesPerBerthHour: berthH > 0 ? moves / berthH : null,
          schedule: scheduleReliability(list),
          anchorage: anchorageWaiting(list),
        },
      ] as const;
    }),
  );
}

/**
 * Gate moves (in + out) per hour of the day, per terminal, averaged over the days of the period,
 * from an hourly series ("2026-01-15T08" → hour 8).
 */
export function gateHourProfile(
  kpis: OperationsKpis,
  days: number,
): { terminal: string; perHour: number[] }[] {
  return kpis.terminals.map((t) => {
    const perHour = new Array<number>(24).fill(0);
    for (const p of t.series) {
      const hour = Number(p.period.slice(11, 13));
      if (Number.isInteger(hour) && hour >= 0 && hour < 24)
        perHour[hour] = (perHour[hour] ?? 0) + (p.gateMovesIn + p.gateMovesOut) / Math.max(days, 1);
    }
    return { terminal: t.terminal, perHour };
  });
}

export type ReferenceCheck =
  | { ok: true; ref: string }
  | { ok: false; reason: "empty" | "tooLong" | "characters" }
  | { ok: false; reason: "checkDigit"; container: string; expected: number };

const MAX_REF = 64;

/**
 * What the user typed, checked before asking the server: a container number (ISO 6346, spaces
 * allowed: "CSQU 305438 3") must carry its check digit; a B/L or booking goes as typed (trimmed).
 */
export function checkReference(input: string): ReferenceCheck {
  const ref = input.trim();
  if (ref === "") return { ok: false, reason: "empty" };
  if (ref.length > MAX_REF) return { ok: false, reason: "tooLong" };
  if (!/^[\p{L}\p{N}\-_/. ]+$/u.test(ref)) return { ok: false, reason: "characters" };
  const compact = ref.replace(/\s+/g, "").toUpperCase();
  if (/^[A-Z]{4}\d{7}$/.test(compact)) {
    const expected = iso6346CheckDigit(compact.slice(0, 10));
    if (Number(compact[10]) !== expected)
      return { ok: false, reason: "checkDigit", container: compact, expected };
    return { ok: true, ref: compact };
  }
  return { ok: true, ref };
}

const fixed = (digits: number) => ({ minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A number with a fixed count of decimals, or "—" when there is none. */
export function decimal(value: number | null | undefined, lang: Language, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return formatNumber(value, lang, fixed(digits));
}

/** A number with its unit, or "—": "65 min", "1,234.5 h". */
export function withUnit(value: number | null | undefined, unit: string, lang: Language, digits = 0): string {
  const text = decimal(value, lang, digits);
  return text === "—" ? text : `${text} ${unit}`;
}
