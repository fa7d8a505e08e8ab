// Locale-aware formatting at the edge: values stay plain numbers / UTC instants until shown.
import type { LocalizedName } from "./api.ts";
import type { Language } from "./i18n/index.ts";

const intlLocale = (lang: Language): string => (lang === "ja" ? "ja-JP" : "en-US");

export function localName(name: LocalizedName | null | undefined, lang: Language): string {
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
