// One pollutant month by month over the reporting year: vertical bars (SVG) on a tonnes axis.
import { useTranslation } from "react-i18next";
import type { Pollutant } from "../api.ts";
import { formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import { CATEGORY_COLORS, calendarYearText, formatMass, monthLabel, niceTicks } from "./text.ts";

const W = 960;
const H = 240;
const L = 64;
const R = 12;
const T = 22;
const B = 46;

interface Props {
  months: { year: number; month: number; value: number }[];
  pollutant: Pollutant;
  unit: string;
}

export function MonthlyChart({ months, pollutant, unit }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const max = Math.max(0, ...months.map((m) => m.value));
  const ticks = niceTicks(max);
  const yMax = ticks.at(-1) ?? 1;
  const n = Math.max(months.length, 1);
  const slot = (W - L - R) / n;
  const barW = slot * 0.64;
  const y = (v: number) => T + (1 - v / yMax) * (H - T - B);
  return (
    <figure className="monthly-chart" data-pollutant={pollutant} data-months={months.length}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t("emissions.monthly.title", { pollutant: t(`emissions.pollutants.${pollutant}`), unit })}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke="#dde3e8" />
            <text x={L - 8} y={y(v) + 4} textAnchor="end" className="tick-label">
              {formatNumber(v, lang, { maximumFractionDigits: 6 })}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = L + i * slot + (slot - barW) / 2;
          const top = y(m.value);
          const showYear = i === 0 || m.month === 1;
          return (
            <g key={`${m.year}-${m.month}`} data-month={`${m.year}-${String(m.month).padStart(2, "0")}`}>
              <rect
                x={x}
                y={top}
                width={barW}
                height={Math.max(0, y(0) - top)}
                fill={CATEGORY_COLORS.ogv}
                rx={2}
              >
                <title>{`${monthLabel(m.year, m.month, lang)} ${m.year}: ${formatMass(m.value, lang)} ${unit}`}</title>
              </rect>
              {m.value > 0 && (
                <text x={x + barW / 2} y={top - 5} textAnchor="middle" className="value-label">
                  {formatMass(m.value, lang)}
                </text>
              )}
              <text x={x + barW / 2} y={H - B + 17} textAnchor="middle" className="tick-label">
                {monthLabel(m.year, m.month, lang)}
              </text>
              {showYear && (
                <text x={x + barW / 2} y={H - B + 33} textAnchor="middle" className="axis-title">
                  {calendarYearText(m.year, lang)}
                </text>
              )}
            </g>
          );
        })}
        <text x={12} y={12} className="axis-title">
          {t("emissions.monthly.axis", { unit })}
        </text>
      </svg>
    </figure>
  );
}
