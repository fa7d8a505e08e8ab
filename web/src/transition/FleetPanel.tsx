// The fleet: the mix (public summary) as stacked bars with the zero-emission share of CHE and of
// each category, the counts by category × powertrain × status, and the registry's units as a
// sortable table (analyst data: the owners and programmes are commercial).
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EquipmentList, FleetSummary } from "../api.ts";
import { formatPercent } from "../calls/text.ts";
import { niceTicks } from "../emissions/text.ts";
import { formatNumber } from "../format.ts";
import { type AsyncState, useLanguage } from "../hooks.ts";
import { SectionStatus } from "./Restricted.tsx";
import { type MixBar, mixBars, POWERTRAIN_STYLE, sortedMix, sortUnits, type UnitSortKey } from "./text.ts";

const W = 960;
const L = 250;
const R = 190;
const ROW = 30;
const T = 26;

function MixChart({ bars }: { bars: MixBar[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const max = Math.max(1, ...bars.map((b) => b.total));
  const ticks = niceTicks(max, Math.min(max, 5)).filter((v) => Number.isInteger(v));
  const xMax = ticks.at(-1) ?? max;
  const x = (n: number) => L + (n / xMax) * (W - L - R);
  const H = T + bars.length * ROW + 28;
  const label = (b: MixBar) =>
    b.key === "che" ? t("transition.fleet.allChe") : t(`transition.category.${b.key}`);
  const units = t("transition.units.units");
  const shown = [...new Set(bars.flatMap((b) => b.byPowertrain.map((p) => p.powertrain)))];
  return (
    <figure className="ops-chart ze-mix-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("transition.fleet.chartTitle")}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={T - 4} y2={H - 24} stroke="#dde3e8" />
            <text x={x(v)} y={H - 8} textAnchor="middle" className="tick-label">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        <text x={x(xMax)} y={14} textAnchor="end" className="axis-title">
          {t("transition.fleet.axis", { unit: units })}
        </text>
        <text x={W - 8} y={14} textAnchor="end" className="axis-title">
          {t("transition.fleet.zeShareHead")}
        </text>
        {bars.map((b, i) => {
          const y = T + i * ROW;
          let at = 0;
          return (
            <g key={b.key} data-bar={b.key} data-ze-share={b.zeShare ?? ""}>
              <text
                x={L - 10}
                y={y + ROW / 2 + 4}
                textAnchor="end"
                className={b.key === "che" ? "lane-label" : "bar-label"}
              >
                {label(b)}
              </text>
              {b.byPowertrain.map((p) => {
                const x0 = x(at);
                at += p.units;
                return (
                  <rect
                    key={p.powertrain}
                    x={x0}
                    y={y + 4}
                    width={Math.max(0, x(at) - x0 - 1)}
                    height={ROW - 10}
                    fill={POWERTRAIN_STYLE[p.powertrain].color}
                    data-powertrain={p.powertrain}
                  >
                    <title>{`${label(b)} — ${t(`transition.powertrain.${p.powertrain}`)}: ${formatNumber(p.units, lang)} ${units}`}</title>
                  </rect>
                );
              })}
              <text x={x(b.total) + 6} y={y + ROW / 2 + 4} className="value-label">
                {formatNumber(b.total, lang)}
              </text>
              <text x={W - 8} y={y + ROW / 2 + 4} textAnchor="end" className="value-label ze-share">
                {t("transition.fleet.zeShare", {
                  share: formatPercent(b.zeShare, lang),
                  ze: formatNumber(b.zeUnits, lang),
                  total: formatNumber(b.total, lang),
                })}
              </text>
            </g>
          );
        })}
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

function MixTable({ summary }: { summary: FleetSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="table-wrap">
      <table className="data-table ze-mix-table">
        <caption className="visually-hidden">{t("transition.fleet.mixCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transition.columns.category")}</th>
            <th scope="col">{t("transition.columns.powertrain")}</th>
            <th scope="col">{t("transition.columns.status")}</th>
            <th scope="col" className="num">
              {t("transition.columns.units")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sortedMix(summary.fleetMix).map((r) => (
            <tr
              key={`${r.category}|${r.powertrain}|${r.status}`}
              data-category={r.category}
              data-powertrain={r.powertrain}
              data-status={r.status}
              className={r.status === "pilot" ? "pilot-row" : undefined}
            >
              <th scope="row">{t(`transition.category.${r.category}`)}</th>
              <td>
                <span
                  className="swatch"
                  style={{ background: POWERTRAIN_STYLE[r.powertrain].color }}
                  aria-hidden="true"
                />{" "}
                {t(`transition.powertrain.${r.powertrain}`)}
              </td>
              <td>
                <span className={`ze-status status-${r.status}`}>{t(`transition.status.${r.status}`)}</span>
              </td>
              <td className="num">{formatNumber(r.units, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const COLUMNS: { key: UnitSortKey; num?: boolean }[] = [
  { key: "unitId" },
  { key: "category" },
  { key: "powertrain" },
  { key: "modelYear", num: true },
  { key: "ratedPowerKw", num: true },
  { key: "engineTier" },
  { key: "owner" },
  { key: "status" },
  { key: "programme" },
];

function UnitsTable({ list }: { list: EquipmentList }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [sort, setSort] = useState<{ key: UnitSortKey; dir: 1 | -1 }>({ key: "status", dir: 1 });
  const rows = useMemo(() => sortUnits(list.units, sort.key, sort.dir, lang), [list, sort, lang]);
  if (list.units.length === 0) return <p className="muted">{t("transition.fleet.noUnits")}</p>;
  const dash = "—";
  return (
    <div className="table-wrap">
      <table className="data-table ze-units-table">
        <caption className="visually-hidden">{t("transition.fleet.unitsCaption")}</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, num }) => {
              const active = sort.key === key;
              return (
                <th
                  key={key}
                  scope="col"
                  className={num ? "num" : undefined}
                  aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
                >
                  <button
                    type="button"
                    className="sort-button"
                    data-sort={key}
                    onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))}
                  >
                    {t(`transition.columns.${key}`, { unit: t("transition.units.kW") })}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.dir === 1 ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr
              key={u.unitId}
              data-unit={u.unitId}
              className={u.status === "pilot" ? "pilot-row" : undefined}
            >
              <th scope="row" className="mono nowrap">
                {u.unitId}
              </th>
              <td className="nowrap">{t(`transition.category.${u.category}`)}</td>
              <td className="nowrap">
                <span
                  className="swatch"
                  style={{ background: POWERTRAIN_STYLE[u.powertrain].color }}
                  aria-hidden="true"
                />{" "}
                {t(`transition.powertrain.${u.powertrain}`)}
              </td>
              <td className="num">{u.modelYear ?? dash}</td>
              <td className="num">{u.ratedPowerKw === null ? dash : formatNumber(u.ratedPowerKw, lang)}</td>
              <td>{u.engineTier ?? dash}</td>
              <td>{u.owner ?? dash}</td>
              <td>
                <span className={`ze-status status-${u.status}`}>{t(`transition.status.${u.status}`)}</span>
              </td>
              <td>
                {u.programme ?? dash}
                {u.replaces && (
                  <span className="muted small block">
                    {t("transition.fleet.replaces", { unit: u.replaces })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FleetPanel({
  locode,
  summary,
  equipment,
}: {
  locode: string;
  summary: AsyncState<FleetSummary>;
  equipment: AsyncState<EquipmentList>;
}) {
  const { t, i18n } = useTranslation();
  // The port's own plan (CAAP at Los Angeles, the CNP plan at Nagoya) where the catalogs word it.
  const targetKey = `transition.fleet.target.${locode}`;
  return (
    <section className="panel ze-fleet" id="fleet" aria-labelledby="ze-fleet-title">
      <h2 id="ze-fleet-title">{t("transition.fleet.title")}</h2>
      <p className="muted small">
        {t("transition.fleet.lead")}
        {i18n.exists(targetKey) ? ` ${t(targetKey)}` : ""}
      </p>
      <SectionStatus state={summary} />
      {summary.status === "ready" &&
        (summary.data.fleetMix.length === 0 ? (
          <p className="muted">{t("transition.fleet.noUnits")}</p>
        ) : (
          <div className="ze-mix">
            <MixChart bars={mixBars(summary.data.fleetMix)} />
            <MixTable summary={summary.data} />
          </div>
        ))}
      <h3>{t("transition.fleet.unitsTitle")}</h3>
      <p className="muted small">{t("transition.fleet.unitsLead")}</p>
      <SectionStatus state={equipment} />
      {equipment.status === "ready" && <UnitsTable list={equipment.data} />}
    </section>
  );
}
