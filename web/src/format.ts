// Locale-aware formatting at the edge: values stay plain numbers / UTC instants until shown.
import type { BilingualName } from "./api.ts";
import type { Language } from "./i18n/index.ts";

const intlLocale = (lang: Language): string => (lang === "ja" ? "ja-JP" : "en-US");

export function localName(name: BilingualName | null | undefined, lang: Language): string {
  if (!name) return "";
  return (lang === "ja" ? name.ja || name.en : name.en || name.ja) ?? "";
}

/** Feature names: Japanese names are missing for many features; show the English one then. */
export function featureName(
  props: { name_en?: string | null; name_ja?: string | null; id?: string },
  lang: Language,
): string {
  const ja = props.name_ja ?? null;
  const en = props.name_en ?? null;
  return (lang === "ja" ? (ja ?? en) : (en ?? ja)) ?? props.id ?? "";
}

export function formatNumber(value: number, lang: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(lang), options).format(value);
}

export function formatClock(date: Date, timeZone: string, lang: Language): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

export function formatDate(date: Date, timeZone: string, lang: Language): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    weekday: "short",
  }).format(date);
}

/** "PST", "JST" where the locale has a name for the zone; otherwise "UTC+9" rather than Intl's "GMT+9". */
export function formatZoneAbbrev(date: Date, timeZone: string, lang: Language): string {
  const parts = new Intl.DateTimeFormat(intlLocale(lang), { timeZone, timeZoneName: "short" }).formatToParts(
    date,
  );
  const name = parts.find((p) => p.type === "timeZoneName")?.value;
  return name && !name.startsWith("GMT") ? name : formatUtcOffset(date, timeZone);
}

/** Offset from UTC in minutes at `date` (DST-aware), read back from Intl. */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(
    date,
  );
  const label = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
  if (!m) return 0; // "GMT" alone means offset zero.
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3]));
}

export function formatUtcOffset(date: Date, timeZone: string): string {
  const total = utcOffsetMinutes(date, timeZone);
  const sign = total < 0 ? "−" : "+";
  const abs = Math.abs(total);
  const h = Math.floor(abs / 60);
  const min = abs % 60;
  return `UTC${sign}${h}${min ? `:${String(min).padStart(2, "0")}` : ""}`;
}

/** Date and time in a port's zone with the zone's label: "Nov 17, 2026, 00:05 PST" / "2026年11月17日 17:05 JST". */
export function formatDateTime(
  date: Date,
  timeZone: string,
  lang: Language,
  options: { seconds?: boolean } = {},
): string {
  const text = new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: options.seconds ? "2-digit" : undefined,
    hourCycle: "h23",
  }).format(date);
  return `${text} ${formatZoneAbbrev(date, timeZone, lang)}`;
}

/** Time of day in a port's zone with its label, for compact tables: "11-17 00:05 PST". */
export function formatShortDateTime(date: Date, timeZone: string, lang: Language): string {
  const text = new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone,
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return `${text} ${formatZoneAbbrev(date, timeZone, lang)}`;
}

/** "5 minutes ago", "3 days ago" / 「5 分前」: the largest unit that is at least 1. */
export function formatAgo(then: Date, now: Date, lang: Language): string {
  const s = Math.round((then.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(s);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: "auto" });
  if (abs < 60) return rtf.format(s, "second");
  if (abs < 3600) return rtf.format(Math.round(s / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), "hour");
  return rtf.format(Math.round(s / 86_400), "day");
}

/** A `datetime-local` input value ("2026-11-17T00:05") for an instant shown in `timeZone`. */
export function toZonedInput(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + utcOffsetMinutes(date, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * The UTC instant of a wall-clock time in `timeZone` (a `datetime-local` value); null when unparsable.
 * Example: ("2026-11-17T00:05", "America/Los_Angeles") → 2026-11-17T08:05:00Z (PST is UTC−8).
 */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset at the guess, then again at the corrected instant (DST changes between the two).
  let t = asUtc - utcOffsetMinutes(new Date(asUtc), timeZone) * 60_000;
  t = asUtc - utcOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}
