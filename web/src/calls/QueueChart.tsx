// Ships at anchor over time, a step line on a time axis in the port's zone.
import { useTranslation } from "react-i18next";
import type { AnchorageQueue } from "../api.ts";
import { formatNumber, formatZoneAbbrev } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import { MODE_COLORS, tickLabel, timeTicks } from "./text.ts";

const W = 960;
const H = 200;
const L = 44;
const R = 16;
const T = 12;
const B = 40;

export function QueueChart({ queue, timeZone }: { queue: AnchorageQueue; timeZone: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pts = queue.points.map((p) => ({ ms: Date.parse(p.time), n: p.atAnchor }));
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last) return <p className="muted">{t("calls.queue.none")}</p>;
  const t0 = first.ms;
  const t1 = Math.max(last.ms + queue.stepMinutes * 60_000, t0 + 60_000);
  const peak = Math.max(...pts.map((p) => p.n));
  const yMax = Math.max(peak, 1);
  const x = (ms: number) => L + ((ms - t0) / (t1 - t0)) * (W - L - R);
  const y = (n: number) => T + (1 - n / yMax) * (H - T - B);
  let d = "";
  for (const [i, p] of pts.entries()) {
    const next = pts[i + 1]?.ms ?? t1;
    d += `${i === 0 ? "M" : "L"}${x(p.ms).toFixed(1)},${y(p.n).toFixed(1)} L${x(next).toFixed(1)},${y(p.n).toFixed(1)} `;
  }
  const yTicks = [...new Set([0, Math.round(yMax / 2), yMax])];
  const zone = formatZoneAbbrev(new Date(t0), timeZone, lang);
  return (
    <figure className="queue-chart" data-peak={peak} data-points={pts.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("calls.queue.title")}>
        {yTicks.map((n) => (
          <g key={n}>
            <line x1={L} x2={W - R} y1={y(n)} y2={y(n)} stroke="#dde3e8" />
            <text x={L - 8} y={y(n) + 4} textAnchor="end" className="tick-label">
              {formatNumber(n, lang)}
            </text>
          </g>
        ))}
        {timeTicks(t0, t1, timeZone).map((ms) => (
          <text key={ms} x={x(ms)} y={H - B + 18} textAnchor="middle" className="tick-label">
            {tickLabel(ms, timeZone, lang)}
          </text>
        ))}
        <path d={d} fill="none" stroke={MODE_COLORS.at_anchor} strokeWidth={2.2} />
        <text x={W - R} y={H - 4} textAnchor="end" className="axis-title">
          {t("calls.detail.timeAxis", { zone })}
        </text>
      </svg>
      <figcaption className="muted small">
        {t("calls.queue.caption", {
          peak: formatNumber(peak, lang),
          step: formatNumber(queue.stepMinutes, lang),
        })}
      </figcaption>
    </figure>
  );
}
