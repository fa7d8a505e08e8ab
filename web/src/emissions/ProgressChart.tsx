// One target: change from the baseline (%) by year, the straight path to the target, the inventory years as points.
import { useTranslation } from "react-i18next";
import type { TargetProgress } from "../api.ts";
import { useLanguage } from "../hooks.ts";
import { formatSignedPct, labelWord, pathPctAt, progressYears, yearTicks, yearWord } from "./text.ts";

const W = 560;
const H = 230;
const L = 52;
const R = 36;
const T = 22;
const B = 28;

export const AHEAD_COLOR = "#009E73";
export const BEHIND_COLOR = "#D55E00";
const PATH_COLOR = "#51616e";

export function ProgressChart({ progress, fiscal }: { progress: TargetProgress; fiscal: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { target, years } = progress;
  const [lo, hi] = progressYears(
    target.baselineYear,
    target.targetYear,
    years.map((y) => y.year),
  );
  const top = Math.max(10, Math.ceil(Math.max(0, ...years.map((y) => y.changePct)) / 10) * 10);
  const bottom = Math.min(-100, Math.floor(Math.min(...years.map((y) => y.changePct), -100) / 10) * 10);
  const x = (year: number) => L + ((year - lo) / (hi - lo)) * (W - L - R);
  const y = (pct: number) => T + ((top - pct) / (top - bottom)) * (H - T - B);
  const pctTicks: number[] = [];
  const step = top - bottom > 120 ? 40 : 20;
  for (let p = Math.ceil(bottom / step) * step; p <= top; p += step) pctTicks.push(p);
  // The path: from the baseline (0 %) to the target, then flat to the end of the axis.
  const pathPts = [lo, target.baselineYear, target.targetYear, hi]
    .filter((v, i, a) => a.indexOf(v) === i && v >= target.baselineYear)
    .sort((a, b) => a - b)
    .map(
      (yr) =>
        `${x(yr).toFixed(1)},${y(pathPctAt(target.baselineYear, target.targetYear, target.targetReductionPct, yr)).toFixed(1)}`,
    );
  const targetPct = -target.targetReductionPct;
  return (
    <figure className="progress-chart" data-points={years.length}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("emissions.progress.chartAria")}>
        {pctTicks.map((p) => (
          <g key={p}>
            <line
              x1={L}
              x2={W - R}
              y1={y(p)}
              y2={y(p)}
              stroke={p === 0 ? "#9aa7b2" : "#e6ebef"}
              strokeWidth={p === 0 ? 1.2 : 1}
            />
            <text x={L - 8} y={y(p) + 4} textAnchor="end" className="tick-label">
              {p === 0 ? "0 %" : formatSignedPct(p, lang, 0)}
            </text>
          </g>
        ))}
        {yearTicks(lo, hi, 7).map((yr) => (
          <text key={yr} x={x(yr)} y={H - B + 18} textAnchor="middle" className="tick-label">
            {yearWord(yr, fiscal, lang)}
          </text>
        ))}
        <polyline
          points={pathPts.join(" ")}
          fill="none"
          stroke={PATH_COLOR}
          strokeWidth={1.6}
          strokeDasharray="6 4"
        />
        <circle
          cx={x(target.baselineYear)}
          cy={y(0)}
          r={4}
          fill="#fff"
          stroke={PATH_COLOR}
          strokeWidth={1.6}
        />
        <rect
          x={x(target.targetYear) - 5}
          y={y(targetPct) - 5}
          width={10}
          height={10}
          transform={`rotate(45 ${x(target.targetYear)} ${y(targetPct)})`}
          fill={PATH_COLOR}
        >
          <title>{`${yearWord(target.targetYear, fiscal, lang)}: ${formatSignedPct(targetPct, lang, 0)}`}</title>
        </rect>
        <text
          x={x(target.targetYear)}
          y={y(targetPct) + (targetPct <= bottom + 10 ? -10 : 18)}
          textAnchor="middle"
          className="tick-label"
        >
          {formatSignedPct(targetPct, lang, 0)}
        </text>
        {years.map((yr) => {
          const ahead = yr.gapPctPoints <= 0;
          return (
            <g key={yr.year} data-year={yr.year} data-ahead={ahead}>
              <circle
                cx={x(yr.year)}
                cy={y(yr.changePct)}
                r={5.5}
                fill={ahead ? AHEAD_COLOR : BEHIND_COLOR}
                stroke="#fff"
                strokeWidth={1.5}
              >
                <title>{`${labelWord(yr.label, lang)}: ${formatSignedPct(yr.changePct, lang)}`}</title>
              </circle>
              <text x={x(yr.year)} y={y(yr.changePct) - 10} textAnchor="middle" className="value-label">
                {labelWord(yr.label, lang)}
              </text>
            </g>
          );
        })}
        <text x={4} y={10} className="axis-title">
          {t("emissions.progress.axis")}
        </text>
      </svg>
      <figcaption className="progress-legend small muted">
        <span>
          <svg width="26" height="10" aria-hidden="true">
            <line x1="1" x2="25" y1="5" y2="5" stroke={PATH_COLOR} strokeWidth={1.6} strokeDasharray="6 4" />
          </svg>{" "}
          {t("emissions.progress.legendPath")}
        </span>
        <span>
          <span className="dot" style={{ background: AHEAD_COLOR }} aria-hidden="true" />
          <span className="dot" style={{ background: BEHIND_COLOR }} aria-hidden="true" />{" "}
          {t("emissions.progress.legendYears")}
        </span>
      </figcaption>
    </figure>
  );
}
