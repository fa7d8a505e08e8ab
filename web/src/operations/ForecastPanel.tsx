// The import forecast ("Signal"-class): laden import boxes expected in the next three ISO weeks by
// terminal, split truck / rail, as a stacked bar per week (terminals in turn) and a table by week,
// terminal and size; the expected calls it adds up, each with the basis of its figure. Served as
// stored by the server (computed when data arrives, and every 5 minutes).
import { useTranslation } from "react-i18next";
import { type ImportForecastReply, operationsApi, type PortDetail } from "../api.ts";
import { Status } from "../components/Status.tsx";
import { niceTicks } from "../emissions/text.ts";
import { formatDateTime, formatNumber } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import { TERMINAL_COLORS } from "./charts.tsx";

const W = 960;
const L = 110;
const R = 24;

interface WeekTerminal {
  week: string;
  terminal: string;
  bySize: Record<20 | 40 | 45, number>;
  truck: number;
  rail: number;
}

/** Cells summed per week and terminal (sizes and modes side by side), in the reply's week order. */
export function forecastRows(f: ImportForecastReply): WeekTerminal[] {
  const rows = new Map<string, WeekTerminal>();
  for (const c of f.cells) {
    const key = `${c.week}|${c.terminal}`;
    let r = rows.get(key);
    if (!r) {
      r = { week: c.week, terminal: c.terminal, bySize: { 20: 0, 40: 0, 45: 0 }, truck: 0, rail: 0 };
      rows.set(key, r);
    }
    r.bySize[c.sizeFt] += c.boxes;
    r[c.mode] += c.boxes;
  }
  const order = new Map(f.weeks.map((w, i) => [w.week, i]));
  return [...rows.values()].sort(
    (a, b) => (order.get(a.week) ?? 0) - (order.get(b.week) ?? 0) || a.terminal.localeCompare(b.terminal),
  );
}

export function ForecastPanel({ port, names }: { port: PortDetail; names: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const state = useAsync(() => operationsApi.forecast(port.locode), `${port.locode}|forecast`);
  return (
    <section className="panel ops-forecast" data-panel="forecast" aria-labelledby="ops-forecast-title">
      <h2 id="ops-forecast-title">{t("operations.forecast.title")}</h2>
      <p className="muted small">{t("operations.forecast.lead")}</p>
      <Status state={state} />
      {state.status === "ready" && (
        <>
          <p className="small" data-as-of={state.data.asOf}>
            {t("operations.forecast.asOf", {
              time: formatDateTime(new Date(state.data.asOf), port.timeZone, lang),
            })}
          </p>
          {state.data.calls.length === 0 ? (
            <p className="muted">{t("operations.forecast.none")}</p>
          ) : (
            <ForecastView port={port} forecast={state.data} names={names} />
          )}
        </>
      )}
    </section>
  );
}

function ForecastView({
  port,
  forecast,
  names,
}: {
  port: PortDetail;
  forecast: ImportForecastReply;
  names: (id: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = forecastRows(forecast);
  const terminals = [...new Set(rows.map((r) => r.terminal))].sort();
  const colour = (id: string) => TERMINAL_COLORS[terminals.indexOf(id) % TERMINAL_COLORS.length];
  const weekTotals = forecast.weeks.map((w) =>
    rows.filter((r) => r.week === w.week).reduce((s, r) => s + r.truck + r.rail, 0),
  );
  const ticks = niceTicks(Math.max(1, ...weekTotals));
  const xMax = ticks.at(-1) ?? 1;
  const barH = 26;
  const T = 26;
  const H = T + forecast.weeks.length * (barH + 14) + 28;
  const x = (v: number) => L + (v / xMax) * (W - L - R);
  const n = (v: number) => formatNumber(Math.round(v), lang);
  const unit = t("operations.forecast.unit");
  return (
    <>
      <figure className="ops-chart forecast-chart" data-weeks={forecast.weeks.length}>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("operations.forecast.chartTitle")}>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={T - 6} y2={H - 24} stroke="#dde3e8" />
              <text x={x(v)} y={H - 8} textAnchor="middle" className="tick-label">
                {formatNumber(v, lang)}
              </text>
            </g>
          ))}
          <text x={W - R} y={14} textAnchor="end" className="axis-title">
            {t("operations.forecast.axis")}
          </text>
          {forecast.weeks.map((w, i) => {
            const y = T + i * (barH + 14);
            let at = 0;
            return (
              <g key={w.week} data-week={w.week}>
                <text x={L - 8} y={y + barH / 2 + 4} textAnchor="end" className="lane-label">
                  {i === 0 ? `${w.week} *` : w.week}
                </text>
                {rows
                  .filter((r) => r.week === w.week)
                  .map((r) => {
                    const v = r.truck + r.rail;
                    const x0 = x(at);
                    at += v;
                    return (
                      <rect
                        key={r.terminal}
                        x={x0}
                        y={y}
                        width={Math.max(0, x(at) - x0)}
                        height={barH}
                        fill={colour(r.terminal)}
                        data-terminal={r.terminal}
                        data-boxes={v.toFixed(2)}
                      >
                        <title>{`${w.week} ${names(r.terminal)}: ${n(v)} ${unit} (${t("operations.forecast.truck")} ${n(r.truck)}, ${t("operations.forecast.rail")} ${n(r.rail)})`}</title>
                      </rect>
                    );
                  })}
                <text x={x(at) + 6} y={y + barH / 2 + 4} className="tick-label">
                  {n(weekTotals[i] ?? 0)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption className="chart-legend small">
          <span className="muted">{t("operations.forecast.thisWeek")}</span>
          {terminals.map((id) => (
            <span key={id}>
              <span className="swatch" style={{ background: colour(id) }} aria-hidden="true" /> {names(id)}
            </span>
          ))}
        </figcaption>
      </figure>
      <div className="table-wrap">
        <table className="data-table forecast-table">
          <caption className="visually-hidden">{t("operations.forecast.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("operations.forecast.week")}</th>
              <th scope="col">{t("operations.forecast.terminal")}</th>
              <th scope="col" className="num">
                20 ft
              </th>
              <th scope="col" className="num">
                40 ft
              </th>
              <th scope="col" className="num">
                45 ft
              </th>
              <th scope="col" className="num">
                {t("operations.forecast.truck")}
              </th>
              <th scope="col" className="num">
                {t("operations.forecast.rail")}
              </th>
              <th scope="col" className="num">
                {t("operations.forecast.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.week}|${r.terminal}`} data-week={r.week} data-terminal={r.terminal}>
                <td className="nowrap">{r.week}</td>
                <th scope="row" className="row-label">
                  {names(r.terminal)}
                </th>
                <td className="num">{n(r.bySize[20])}</td>
                <td className="num">{n(r.bySize[40])}</td>
                <td className="num">{n(r.bySize[45])}</td>
                <td className="num">{n(r.truck)}</td>
                <td className="num">{n(r.rail)}</td>
                <td className="num" data-total={(r.truck + r.rail).toFixed(2)}>
                  {n(r.truck + r.rail)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="forecast-calls">
        <summary>{t("operations.forecast.calls", { count: forecast.calls.length })}</summary>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("operations.forecast.eta")}</th>
                <th scope="col">{t("operations.forecast.terminal")}</th>
                <th scope="col">{t("operations.forecast.vessel")}</th>
                <th scope="col">{t("operations.forecast.basis")}</th>
                <th scope="col" className="num">
                  {t("operations.forecast.boxes")}
                </th>
              </tr>
            </thead>
            <tbody>
              {forecast.calls.map((c) => (
                <tr key={`${c.imo}|${c.voyage}|${c.terminal}`} data-basis={c.basis}>
                  <td className="nowrap">{formatDateTime(new Date(c.eta), port.timeZone, lang)}</td>
                  <td>{names(c.terminal)}</td>
                  <td className="mono">
                    {c.imo !== null ? `IMO ${c.imo}` : "—"}
                    {c.voyage ? ` · ${c.voyage}` : ""}
                  </td>
                  <td>{t(`operations.forecast.bases.${c.basis}`)}</td>
                  <td className="num">{n(c.boxes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
