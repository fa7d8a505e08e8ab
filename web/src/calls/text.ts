// Names and scales for port calls: terminal and zone ids to the port's own names, mode colours, time axes.
import type { CallMode, PortDetail } from "../api.ts";
import { featureName, localName, utcOffsetMinutes } from "../format.ts";
import type { Language } from "../i18n/index.ts";

/** Okabe & Ito colours, one per operating mode (the timeline and its legend). */
export const MODE_COLORS: Record<CallMode, string> = {
  transit: "#0072B2",
  reduced_speed_zone: "#56B4E9",
  manoeuvring: "#E69F00",
  at_anchor: "#D55E00",
  at_berth: "#009E73",
  unknown: "#BBBBBB",
};

/** "uslax-demo-pier400-liquid-bulk" → "Pier400 Liquid Bulk": ids without a published name stay readable. */
export function prettifyId(id: string, locode: string): string {
  const rest = id
    .replace(new RegExp(`^${locode.toLowerCase()}-`), "")
    .replace(/^(demo|terminal|berth)-/g, "")
    .replace(/^(demo|terminal|berth)-/g, "");
  return rest
    .split("-")
    .map((w) => (w ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(" ");
}

/** A terminal's or zone's name from the port's terminals and features, else its id made readable. */
export function placeName(port: PortDetail, id: string | null, lang: Language): string {
  if (!id) return "";
  const terminal = port.terminals.find((x) => x.id === id);
  if (terminal) return localName(terminal.name, lang);
  const feature = port.geojson.features.find((f) => f.properties.id === id);
  if (feature) return featureName(feature.properties, lang);
  return prettifyId(id, port.locode);
}

/** Round ticks for a time axis in the port's zone: at most `max` of them, on whole hours there. */
export function timeTicks(fromMs: number, toMs: number, timeZone: string, max = 8): number[] {
  const spanH = Math.max((toMs - fromMs) / 3_600_000, 1 / 60);
  const steps = [1, 2, 3, 6, 12, 24, 48, 96, 168, 336];
  const stepH = steps.find((s) => spanH / s <= max) ?? steps[steps.length - 1] ?? 24;
  const stepMs = stepH * 3_600_000;
  const offMs = utcOffsetMinutes(new Date(fromMs), timeZone) * 60_000;
  let t = Math.ceil((fromMs + offMs) / stepMs) * stepMs - offMs;
  const ticks: number[] = [];
  for (; t <= toMs && ticks.length < 50; t += stepMs) ticks.push(t);
  return ticks;
}

/** "11/25 14:00" in the port's zone (the zone's label sits on the axis). */
export function tickLabel(ms: number, timeZone: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", {
    timeZone,
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(ms));
}

export const formatPercent = (share: number | null, lang: Language): string =>
  share === null
    ? "—"
    : `${new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 1 }).format(share * 100)} %`;
