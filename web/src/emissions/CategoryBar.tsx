// One pollutant by source category: a horizontal stacked bar (SVG) with its legend.
import { useTranslation } from "react-i18next";
import type { Pollutant, SourceCategory } from "../api.ts";
import { formatPercent } from "../calls/text.ts";
import { useLanguage } from "../hooks.ts";
import { CATEGORY_COLORS, formatMass, stackShares } from "./text.ts";

const W = 960;
const H = 46;
const BAR_H = 34;

interface Props {
  values: { category: SourceCategory; value: number | null }[];
  pollutant: Pollutant;
  unit: string;
}

export function CategoryBar({ values, pollutant, unit }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pieces = stackShares(values);
  const total = values.reduce((s, v) => s + (v.value ?? 0), 0);
  const pollutantLabel = t(`emissions.pollutants.${pollutant}`);
  return (
    <figure className="category-bar" data-pollutant={pollutant} data-pieces={pieces.length}>
      <figcaption className="chart-title">
        {t("emissions.byCategory.chartTitle", { pollutant: pollutantLabel, unit })}
        <span className="muted">
          {" · "}
          {t("emissions.byCategory.chartTotal", { value: formatMass(total, lang), unit })}
        </span>
      </figcaption>
      {pieces.length === 0 ? (
        <p className="muted">{t("emissions.byCategory.empty")}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${pollutantLabel} (${unit})`}>
          {pieces.map((p) => {
            const x = p.from * W;
            const w = Math.max((p.to - p.from) * W, 1);
            const share = formatPercent(p.to - p.from, lang);
            return (
              <g key={p.category} data-category={p.category}>
                <rect
                  x={x}
                  y={(H - BAR_H) / 2}
                  width={w}
                  height={BAR_H}
                  fill={CATEGORY_COLORS[p.category]}
                  stroke="#fff"
                  strokeWidth={1}
                >
                  <title>
                    {`${t(`emissions.categories.${p.category}`)}: ${formatMass(p.value, lang)} ${unit} (${share})`}
                  </title>
                </rect>
                {w > 64 && (
                  <text x={x + w / 2} y={H / 2 + 5} textAnchor="middle" className="bar-label">
                    {share}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      <ul className="category-legend">
        {values.map((v) => (
          <li key={v.category} data-category={v.category} className={v.value ? "" : "muted"}>
            <span className="swatch" style={{ background: CATEGORY_COLORS[v.category] }} aria-hidden="true" />{" "}
            {t(`emissions.categories.${v.category}`)}{" "}
            <span className="legend-value">
              {v.value === null ? "—" : `${formatMass(v.value, lang)} ${unit}`}
              {total > 0 && v.value ? ` (${formatPercent(v.value / total, lang)})` : ""}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
