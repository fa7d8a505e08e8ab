// The scenario charts (hand-made SVG like the station and operations charts): units by year
// stacked by powertrain, and lines by year with target marks (the emissions trajectory, hydrogen,
// electricity, stations, money and the comparisons). Each chart's figures are also in a table.
import { useTranslation } from "react-i18next";
import { niceTicks, yearTicks } from "../emissions/text.ts";
import { formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import type { MixYear } from "./scenario-text.ts";
import { mixPowertrains, signedTicks } from "./scenario-text.ts";
import { POWERTRAIN_STYLE } from "./text.ts";

const W = 960;
const L = 72;
const R = 20;
const T = 28;
const B = 30;

/** Compact axis numbers: 1,200,000 → "1.2M" / 「120万」 (Intl's compact notation per locale). */
const compact = (v: number, lang: "en" | "ja") =>
  formatNumber(v, lang, { notation: "compact", maximumSignificantDigits: 3 });

export function MixByYearChart({
  mix,
  label,
  group,
}: {
  mix: readonly MixYear[];
  label: string;
  group: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (mix.length === 0 || mix.every((m) => m.total === 0))
    return <p className="muted small">{t("transition.scenarios.noUnitsGroup", { group: label })}</p>;
  const H = 240;
  const max = Math.max(1, ...mix.map((m) => m.total));
  const ticks = niceTicks(max);
  const yMax = ticks.at(-1) ?? max;
  const slot = (W - L - R) / mix.length;
  const bw = Math.max(2, slot * 0.72);
  const y = (v: number) => T + (1 - v / yMax) * (H - T - B);
  const first = mix[0]!.year;
  const last = mix.at(-1)!.year;
  const units = t("transition.units.units");
  const shown = mixPowertrains(mix);
  return (
    <figure className="ops-chart ze-scn-mix" data-group={group}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke="#dde3e8" />
            <text x={L - 8} y={y(v) + 4} textAnchor="end" className="tick-label">
              {compact(v, lang)}
            </text>
          </g>
        ))}
        <text x={L} y={14} className="axis-title">
          {`${label} (${units})`}
        </text>
        {mix.map((m, i) => {
          let at = 0;
          const x0 = L + i * slot + (slot - bw) / 2;
          return (
            <g key={m.year} data-year={m.year} data-total={m.total}>
              {m.byPowertrain.map((p) => {
                const top = y(at + p.units);
                const bottom = y(at);
                at += p.units;
                return (
                  <rect
                    key={p.powertrain}
                    x={x0}
                    y={top}
                    width={bw}
                    height={Math.max(0, bottom - top)}
                    fill={POWERTRAIN_STYLE[p.powertrain].color}
                    data-powertrain={p.powertrain}
                  >
                    <title>{`${m.year} — ${t(`transition.powertrain.${p.powertrain}`)}: ${formatNumber(p.units, lang)} ${units}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        {yearTicks(first, last, 9).map((yr) => (
          <text
            key={yr}
            x={L + (yr - first) * slot + slot / 2}
            y={H - B + 18}
            textAnchor="middle"
            className="tick-label"
          >
            {yr}
          </text>
        ))}
      </svg>
      <figcaption className="chart-legend small">
        {shown.map((p) => (
          <span key={p}>
            <span className="swatch" style={{ background: POWERTRAIN_STYLE[p].color }} aria-hidden="true" />{" "}
            {POWERTRAIN_STYLE[p].ze
              ? t("transition.fleet.zeLegend", { powertrain: t(`transition.powertrain.${p}`) })
              : t(`transition.powertrain.${p}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export interface LineSeries {
  id: string;
  label: string;
  color: string;
  /** One value per year of the chart's `years` (null: no value that year). */
  values: readonly (number | null)[];
  dash?: string;
}

export interface TargetMark {
  id: string;
  year: number;
  value: number;
  label: string;
  /** Drawn as a dashed path from this point (the baseline) to the mark. */
  from?: { year: number; value: number; label: string };
  met: boolean | null;
}

const MET = "#009E73";
const NOT_MET = "#D55E00";
const PATH = "#51616e";

/** Lines by year; target marks (diamonds) with the straight path from their baseline. */
export function YearLineChart({
  years,
  series,
  title,
  unit,
  marks = [],
  height = 240,
  width = W,
  id,
  emptyText,
}: {
  /** Said instead of a flat chart when no series has a value other than 0. */
  emptyText?: string;
  years: readonly number[];
  series: readonly LineSeries[];
  title: string;
  unit: string;
  marks?: readonly TargetMark[];
  height?: number;
  width?: number;
  id: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (years.length === 0) return null;
  const H = height;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (emptyText !== undefined && values.every((v) => v === 0))
    return (
      <figure className="ops-chart ze-scn-line ze-scn-empty" data-chart={id} data-empty="true">
        <figcaption className="axis-title">{`${title} (${unit})`}</figcaption>
        <p className="muted small">{emptyText}</p>
      </figure>
    );
  const markValues = marks.flatMap((m) => [m.value, ...(m.from ? [m.from.value] : [])]);
  const lo = Math.min(0, ...values, ...markValues);
  const hi = Math.max(0, ...values, ...markValues);
  const ticks = lo < 0 ? signedTicks(lo, hi) : niceTicks(hi);
  const yMin = ticks[0] ?? 0;
  const yMax = ticks.at(-1) ?? 1;
  const markYears = marks.flatMap((m) => [m.year, ...(m.from ? [m.from.year] : [])]);
  const first = Math.min(years[0]!, ...markYears);
  const last = Math.max(years.at(-1)!, ...markYears);
  const span = Math.max(1, last - first);
  // Room on the right for a target's label only where there are targets.
  const x = (yr: number) => L + ((yr - first) / span) * (width - L - R - (marks.length > 0 ? 40 : 8));
  const y = (v: number) => T + ((yMax - v) / (yMax - yMin || 1)) * (H - T - B);
  const path = (vals: readonly (number | null)[]) => {
    let d = "";
    let pen = false;
    vals.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(years[i]!).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <figure className="ops-chart ze-scn-line" data-chart={id}>
      <svg viewBox={`0 0 ${width} ${H}`} role="img" aria-label={title}>
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={L}
              x2={width - R}
              y1={y(v)}
              y2={y(v)}
              stroke={v === 0 ? "#9aa7b2" : "#dde3e8"}
              strokeWidth={v === 0 ? 1.2 : 1}
            />
            <text x={L - 8} y={y(v) + 4} textAnchor="end" className="tick-label">
              {lo < 0 && v > 0 ? "+" : ""}
              {compact(v, lang)}
            </text>
          </g>
        ))}
        <text x={L} y={14} className="axis-title">
          {`${title} (${unit})`}
        </text>
        {yearTicks(first, last, width < 700 ? 5 : 9).map((yr) => (
          <text key={yr} x={x(yr)} y={H - B + 18} textAnchor="middle" className="tick-label">
            {yr}
          </text>
        ))}
        {marks.map((m) => (
          <g key={m.id} className="ze-target-mark" data-target={m.id} data-met={String(m.met)}>
            {m.from && (
              <>
                <line
                  x1={x(m.from.year)}
                  y1={y(m.from.value)}
                  x2={x(m.year)}
                  y2={y(m.value)}
                  stroke={PATH}
                  strokeWidth={1.4}
                  strokeDasharray="6 4"
                />
                <circle
                  cx={x(m.from.year)}
                  cy={y(m.from.value)}
                  r={4}
                  fill="#fff"
                  stroke={PATH}
                  strokeWidth={1.6}
                >
                  <title>{m.from.label}</title>
                </circle>
              </>
            )}
            <rect
              x={x(m.year) - 6}
              y={y(m.value) - 6}
              width={12}
              height={12}
              transform={`rotate(45 ${x(m.year)} ${y(m.value)})`}
              fill={m.met === null ? PATH : m.met ? MET : NOT_MET}
            >
              <title>{m.label}</title>
            </rect>
            <text
              x={x(m.year) + (x(m.year) > width * 0.75 ? -10 : 10)}
              y={y(m.value) + (y(m.value) > H - B - 14 ? -10 : 16)}
              textAnchor={x(m.year) > width * 0.75 ? "end" : "start"}
              className="tick-label ze-mark-label"
            >
              {m.label}
            </text>
          </g>
        ))}
        {series.map((s) => (
          <g key={s.id} data-series={s.id}>
            <path
              d={path(s.values)}
              fill="none"
              stroke={s.color}
              strokeWidth={2.2}
              strokeDasharray={s.dash}
            />
            {s.values.map((v, i) =>
              v === null || !Number.isFinite(v) ? null : (
                <circle key={years[i]} cx={x(years[i]!)} cy={y(v)} r={2.2} fill={s.color}>
                  <title>{`${years[i]} — ${s.label}: ${formatNumber(v, lang, { maximumFractionDigits: 1 })} ${unit}`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend small">
        {series.map((s) => (
          <span key={s.id}>
            <svg className="ze-key" width="26" height="10" aria-hidden="true">
              <line
                x1="1"
                x2="25"
                y1="5"
                y2="5"
                stroke={s.color}
                strokeWidth={2.2}
                strokeDasharray={s.dash}
              />
            </svg>{" "}
            {s.label}
          </span>
        ))}
        {marks.length > 0 && (
          <span>
            <span className="swatch ze-diamond" style={{ background: MET }} aria-hidden="true" />
            <span className="swatch ze-diamond" style={{ background: NOT_MET }} aria-hidden="true" />{" "}
            {t("transition.scenarios.legendTarget")}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
