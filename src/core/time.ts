/**
 * Time-zone helpers. Instants are stored as UTC; each port shows its own zone. Uses the IANA
 * database built into Node's Intl (full-icu), so no table of offsets is kept here.
 */

/** Seconds in a UTC day (POSIX time has no leap seconds: every day is 86 400 s). */
export const SECONDS_PER_DAY = 86_400;

/** Epoch seconds → ISO 8601 UTC without milliseconds. Example: 86400 → "1970-01-02T00:00:00Z". */
export function isoUtc(s: number): string {
  return `${new Date(Math.round(s) * 1000).toISOString().slice(0, 19)}Z`;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the name is an IANA time zone this runtime knows. Example: "Asia/Tokyo" → true. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock fields of an instant in a zone. Example: 2026-01-01T00:00:00Z in Asia/Tokyo → 09:00. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/**
 * Offset of a zone from UTC at an instant, in minutes (east positive).
 * Example: America/Los_Angeles on 2026-07-01T12:00Z → -420 (PDT); on 2026-01-15T12:00Z → -480 (PST).
 */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const asUtcMs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const instantMs = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtcMs - instantMs) / 60000);
}

/**
 * ISO 8601 text of an instant in a zone, with its offset.
 * Example: formatInZone(new Date("2026-11-27T04:00:00Z"), "Asia/Tokyo") → "2026-11-27T13:00:00+09:00".
 */
export function formatInZone(instant: Date, timeZone: string): string {
  const l = localDateTime(instant, timeZone);
  const offset = utcOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The UTC instant (epoch seconds) of local midnight starting a day in a zone.
 * Example: zonedMidnightUtcS(2026, 3, 8, "America/Los_Angeles") → 1772956800 (08:00Z, still PST).
 */
export function zonedMidnightUtcS(year: number, month: number, day: number, timeZone: string): number {
  const guessMs = Date.UTC(year, month - 1, day);
  // Two passes: the offset at the first guess can differ from the offset at the answer (DST).
  let ms = guessMs - utcOffsetMinutes(new Date(guessMs), timeZone) * 60000;
  ms = guessMs - utcOffsetMinutes(new Date(ms), timeZone) * 60000;
  return ms / 1000;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** A calendar date "YYYY-MM-DD" that exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 date-time with a UTC offset ("Z" or ±hh:mm), e.g. 2026-11-01T08:00:00-07:00. */
export function isInstant(text: string): boolean {
  return INSTANT_RE.test(text) && isCalendarDate(text.slice(0, 10)) && Number.isFinite(Date.parse(text));
}

/**
 * Epoch seconds of a time given as a date (its midnight in `timeZone`) or as a date-time with an
 * offset. Example: ("2026-11-01", "America/Los_Angeles") → 1793516400 (07:00Z, PDT).
 */
export function dateOrInstantS(text: string, timeZone: string): number {
  if (isCalendarDate(text))
    return zonedMidnightUtcS(
      Number(text.slice(0, 4)),
      Number(text.slice(5, 7)),
      Number(text.slice(8, 10)),
      timeZone,
    );
  return Date.parse(text) / 1000;
}

/** A calendar month (month 1–12). */
export interface YearMonth {
  year: number;
  month: number;
}

/** The clock, in whole epoch seconds (the unit every stored instant uses). */
export function nowS(): number {
  return Math.floor(Date.now() / 1000);
}
