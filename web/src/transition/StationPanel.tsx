// The solar-hydrogen station over the port's typical year: a form for PV kWp, electrolyser kW,
// storage kg and demand (kept in the address, so a result can be shared), the year's figures
// (produced vs demand, shortfall hours, curtailment, grid top-up, levelised cost), a chart of kg per
// month, an hourly heat map of the storage, and every input with its source. A port without a
// shipped typical year (Nagoya) gets the reason, not an error.
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type PortDetail, type SolarH2Report, transitionApi } from "../api.ts";
import { formatPercent } from "../calls/text.ts";
import { Status } from "../components/Status.tsx";
import { niceTicks } from "../emissions/text.ts";
import { formatNumber } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { decimal, withUnit } from "../operations/text.ts";
import { replaceSearchParam, useSearchParam } from "../router.tsx";
import {
  formatMoney,
  type MonthTotals,
  monthlyTotals,
  STATION_FIELDS,
  type StationField,
  stationParams,
} from "./text.ts";

const COLORS = { produced: "#009E73", demand: "#56B4E9", shortfall: "#D55E00", storage: "#0072B2" };

const money = (value: number | null, currency: string, lang: Language, digits?: 0) =>
  formatMoney(value, currency, lang, digits === 0);

const MW = 960;
const ML = 56;
const MR = 16;
const MT = 24;
const MB = 40;
const MH = 250;

function MonthlyChart({ months }: { months: MonthTotals[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const max = Math.max(...months.flatMap((m) => [m.producedKg, m.demandKg]), 0.001);
  const ticks = niceTicks(max);
  const yMax = ticks.at(-1) ?? max;
  const slot = (MW - ML - MR) / 12;
  const bw = slot * 0.36;
  const y = (v: number) => MT + (1 - v / yMax) * (MH - MT - MB);
  const kg = t("transition.units.kg");
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", { month: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(2001, m - 1, 1)),
    );
  return (
    <figure className="ops-chart ze-month-chart">
      <svg viewBox={`0 0 ${MW} ${MH}`} role="img" aria-label={t("transition.station.monthTitle")}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={ML} x2={MW - MR} y1={y(v)} y2={y(v)} stroke="#dde3e8" />
            <text x={ML - 8} y={y(v) + 4} textAnchor="end" className="tick-label">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        <text x={ML} y={12} className="axis-title">
          {t("transition.station.monthAxis", { unit: kg })}
        </text>
        {months.map((m, i) => {
          const x0 = ML + i * slot + slot * 0.12;
          const short = (m.shortfallKg / m.demandKg) * (y(0) - y(m.demandKg));
          return (
            <g key={m.month} data-month={m.month}>
              <rect
                x={x0}
                y={y(m.producedKg)}
                width={bw}
                height={y(0) - y(m.producedKg)}
                fill={COLORS.produced}
              >
                <title>{`${monthName(m.month)} — ${t("transition.station.produced")}: ${decimal(m.producedKg, lang, 1)} ${kg}`}</title>
              </rect>
              <rect
                x={x0 + bw + 2}
                y={y(m.demandKg)}
                width={bw}
                height={y(0) - y(m.demandKg)}
                fill={COLORS.demand}
              >
                <title>{`${monthName(m.month)} — ${t("transition.station.demand")}: ${decimal(m.demandKg, lang, 1)} ${kg}; ${t("transition.station.shortfall")}: ${decimal(m.shortfallKg, lang, 1)} ${kg} (${formatNumber(m.shortfallHours, lang)} ${t("transition.units.h")})`}</title>
              </rect>
              {m.shortfallKg > 0 && m.demandKg > 0 && (
                <rect
                  x={x0 + bw + 2}
                  y={y(m.demandKg)}
                  width={bw}
                  height={Math.max(1, short)}
                  fill={COLORS.shortfall}
                  data-shortfall-kg={m.shortfallKg}
                />
              )}
              <text x={ML + i * slot + slot / 2} y={MH - MB + 16} textAnchor="middle" className="tick-label">
                {monthName(m.month)}
              </text>
              {m.shortfallHours > 0 && (
                <text
                  x={ML + i * slot + slot / 2}
                  y={MH - MB + 31}
                  textAnchor="middle"
                  className="tick-label ze-short-h"
                >
                  {t("transition.station.shortHours", { h: formatNumber(m.shortfallHours, lang) })}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend small">
        <span>
          <span className="swatch" style={{ background: COLORS.produced }} aria-hidden="true" />{" "}
          {t("transition.station.produced")}
        </span>
        <span>
          <span className="swatch" style={{ background: COLORS.demand }} aria-hidden="true" />{" "}
          {t("transition.station.demandMet")}
        </span>
        <span>
          <span className="swatch" style={{ background: COLORS.shortfall }} aria-hidden="true" />{" "}
          {t("transition.station.shortfall")}
        </span>
      </figcaption>
    </figure>
  );
}

/** The chart's months as a table (for screen readers and for reading the figures off). */
function MonthlyTable({ months }: { months: MonthTotals[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2001, m - 1, 1)),
    );
  const heads = [
    { id: "produced", unit: "kg" },
    { id: "demand", unit: "kg" },
    { id: "shortfall", unit: "kg" },
    { id: "shortfallHours", unit: "h" },
    { id: "curtailed", unit: "kWh" },
    { id: "grid", unit: "kWh" },
  ];
  return (
    <details className="ze-month-details">
      <summary>{t("transition.station.monthTable")}</summary>
      <div className="table-wrap">
        <table className="data-table ze-month-table">
          <caption className="visually-hidden">{t("transition.station.monthTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transition.station.month")}</th>
              {heads.map((h) => (
                <th key={h.id} scope="col" className="num">
                  {t(`transition.station.col.${h.id}`, { unit: t(`transition.units.${h.unit}`) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">{monthName(m.month)}</th>
                <td className="num">{decimal(m.producedKg, lang, 1)}</td>
                <td className="num">{decimal(m.demandKg, lang, 1)}</td>
                <td className="num">{decimal(m.shortfallKg, lang, 1)}</td>
                <td className="num">{formatNumber(m.shortfallHours, lang)}</td>
                <td className="num">{decimal(m.curtailedKwh, lang)}</td>
                <td className="num">{decimal(m.gridKwh, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Storage (kg) by day × hour as an image (8,760 cells): blue = full, white = empty, orange = a shortfall hour. */
function StorageHeatMap({
  storageKg,
  shortfallKg,
  capacityKg,
}: {
  storageKg: readonly number[];
  shortfallKg: readonly number[];
  capacityKg: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const url = useMemo(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 365;
    canvas.height = 24;
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    const img = ctx.createImageData(365, 24);
    for (let h = 0; h < Math.min(8760, storageKg.length); h++) {
      const day = Math.floor(h / 24);
      const hour = h % 24;
      const i = (hour * 365 + day) * 4;
      const short = (shortfallKg[h] ?? 0) > 1e-3;
      const f = capacityKg > 0 ? Math.min(1, Math.max(0, (storageKg[h] ?? 0) / capacityKg)) : 0;
      // White (255,255,255) → #0072B2 (0,114,178) with the storage fraction.
      img.data[i] = short ? 213 : Math.round(255 - 255 * f);
      img.data[i + 1] = short ? 94 : Math.round(255 - 141 * f);
      img.data[i + 2] = short ? 0 : Math.round(255 - 77 * f);
      img.data[i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    return canvas.toDataURL("image/png");
  }, [storageKg, shortfallKg, capacityKg]);
  if (!url) return null;
  const W = 960;
  const L = 40;
  const T = 8;
  const H = 24 * 7;
  const monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const x = (day: number) => L + (day / 365) * (W - L - 8);
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", { month: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(2001, m, 1)),
    );
  return (
    <figure className="ops-chart ze-heatmap">
      <svg viewBox={`0 0 ${W} ${T + H + 22}`} role="img" aria-label={t("transition.station.heatTitle")}>
        <image
          href={url}
          x={L}
          y={T}
          width={W - L - 8}
          height={H}
          preserveAspectRatio="none"
          style={{ imageRendering: "pixelated" }}
        />
        {[0, 6, 12, 18, 24].map((h) => (
          <text key={h} x={L - 6} y={T + (h / 24) * H + 4} textAnchor="end" className="tick-label">
            {String(h).padStart(2, "0")}
          </text>
        ))}
        {monthStarts.map((d, m) => (
          <text key={d} x={x(d) + 2} y={T + H + 16} className="tick-label">
            {monthName(m)}
          </text>
        ))}
      </svg>
      <figcaption className="chart-legend small">
        <span>
          <span className="swatch ze-gradient" aria-hidden="true" />{" "}
          {t("transition.station.heatLegend", { capacity: formatNumber(capacityKg, lang) })}
        </span>
        <span>
          <span className="swatch" style={{ background: COLORS.shortfall }} aria-hidden="true" />{" "}
          {t("transition.station.heatShort")}
        </span>
      </figcaption>
    </figure>
  );
}

/** The API's unit words the catalogs translate (symbols such as kWp or USD/kg stay as sent). */
const UNIT_WORDS: Record<string, string> = {
  fraction: "fraction",
  "per year": "perYear",
  years: "years",
  "of capex per year": "ofCapexPerYear",
  "h (standard time)": "hStandard",
  "kg/day": "kgPerDay",
};

/** Names of inputs the catalogs word; others are shown as the server names them. */
const INPUT_NAMES = new Set([
  "pv_kwp",
  "pv_tilt",
  "pv_losses",
  "inverter_efficiency",
  "electrolyser_kw",
  "electrolyser_kwh_per_kg",
  "min_load",
  "storage_kg",
  "storage_start_kg",
  "demand_kg_per_day",
  "open_hours",
  "grid_top_up",
  "grid_co2",
  "pv_capex",
  "electrolyser_capex",
  "storage_capex",
  "other_capex",
  "opex",
  "discount_rate",
  "lifetime",
  "grid_price",
]);

function Result({ report }: { report: SolarH2Report }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const r = report.result;
  const c = report.cost;
  const u = (k: string) => t(`transition.units.${k}`);
  const months = report.hourly ? monthlyTotals(report.hourly) : [];
  const facts: { id: string; value: string; note?: string }[] = [
    {
      id: "produced",
      value: withUnit(r.producedKg, u("kg"), lang, 1),
      note: t("transition.station.producedNote", {
        solar: decimal(r.producedSolarKg, lang, 1),
        grid: decimal(r.producedGridKg, lang, 1),
      }),
    },
    {
      id: "demand",
      value: withUnit(r.demandKg, u("kg"), lang, 1),
      note: t("transition.station.dispensedNote", { kg: decimal(r.dispensedKg, lang, 1) }),
    },
    {
      id: "shortfall",
      value: withUnit(r.shortfallKg, u("kg"), lang, 1),
      note: t("transition.station.shortfallNote", { h: formatNumber(r.shortfallHours, lang) }),
    },
    {
      id: "curtailed",
      value: withUnit(r.curtailedKwh, u("kWh"), lang),
      note: t("transition.station.curtailedNote", {
        share: formatPercent(r.pvKwh > 0 ? r.curtailedKwh / r.pvKwh : null, lang),
      }),
    },
    {
      id: "grid",
      value: withUnit(r.gridKwh, u("kWh"), lang),
      note: t("transition.station.gridNote", { co2: decimal(r.gridKgCo2, lang, 1) }),
    },
    {
      id: "capacityFactor",
      value: formatPercent(r.electrolyserCapacityFactor, lang),
      note: t("transition.station.cfNote", { h: formatNumber(r.electrolyserHours, lang) }),
    },
    {
      id: "costPerKg",
      value: c.costPerKg === null ? "—" : `${money(c.costPerKg, c.currency, lang)}${u("perKg")}`,
      note: t("transition.station.priceYear", { year: c.priceYear, currency: c.currency }),
    },
  ];
  const costRows: { id: string; value: string }[] = [
    { id: "capex", value: money(c.capex, c.currency, lang, 0) },
    { id: "crf", value: formatNumber(c.capitalRecoveryFactor, lang, { maximumFractionDigits: 4 }) },
    { id: "annualCapital", value: money(c.annualCapital, c.currency, lang, 0) },
    { id: "annualOpex", value: money(c.annualOpex, c.currency, lang, 0) },
    { id: "annualGrid", value: money(c.annualGridEnergy, c.currency, lang, 0) },
    { id: "annualTotal", value: money(c.annualTotal, c.currency, lang, 0) },
    { id: "dispensed", value: withUnit(c.inputs.dispensedKg, u("kg"), lang, 1) },
    {
      id: "costPerKg",
      value: c.costPerKg === null ? "—" : `${money(c.costPerKg, c.currency, lang)}${u("perKg")}`,
    },
  ];
  const inputValue = (v: number | string | boolean) =>
    typeof v === "number"
      ? formatNumber(v, lang, { maximumFractionDigits: 4 })
      : typeof v === "boolean"
        ? t(v ? "transition.station.yes" : "transition.station.no")
        : v;
  return (
    <div className="ze-station-result" data-cost-per-kg={c.costPerKg ?? ""} data-currency={c.currency}>
      <ul className="ops-cards plain">
        {facts.map((f) => (
          <li key={f.id} className="ops-card" data-card={f.id}>
            <span className="ops-card-label">{t(`transition.station.${f.id}`)}</span>
            <span className="ops-card-value">{f.value}</span>
            {f.note && <span className="ops-card-note muted small">{f.note}</span>}
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t("transition.station.solarLine", {
          site: report.solar.site,
          file: report.solar.file.split("/").at(-1) ?? report.solar.file,
          yieldKwh: decimal(report.solar.annualPvKwhPerKwp, lang),
          pv: decimal(r.pvKwh, lang),
        })}
      </p>
      {months.length > 0 && (
        <>
          <h3>{t("transition.station.monthTitle")}</h3>
          <MonthlyChart months={months} />
          <MonthlyTable months={months} />
        </>
      )}
      {report.hourly && (
        <>
          <h3>{t("transition.station.heatTitle")}</h3>
          <p className="muted small">{t("transition.station.heatLead")}</p>
          <StorageHeatMap
            storageKg={report.hourly.storageKg}
            shortfallKg={report.hourly.shortfallKg}
            capacityKg={c.inputs.storageCapacityKg}
          />
        </>
      )}
      <div className="ze-station-tables">
        <div>
          <h3>{t("transition.station.costTitle")}</h3>
          <div className="table-wrap">
            <table className="data-table ze-cost-table">
              <caption className="visually-hidden">{t("transition.station.costTitle")}</caption>
              <tbody>
                {costRows.map((row) => (
                  <tr key={row.id} data-cost={row.id}>
                    <th scope="row">{t(`transition.station.cost.${row.id}`)}</th>
                    <td className="num nowrap">{row.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <h3>{t("transition.station.inputsTitle")}</h3>
          <div className="table-wrap">
            <table className="data-table ze-inputs-table">
              <caption className="visually-hidden">{t("transition.station.inputsTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("transition.station.input.name")}</th>
                  <th scope="col" className="num">
                    {t("transition.station.input.value")}
                  </th>
                  <th scope="col">{t("transition.station.input.unit")}</th>
                  <th scope="col">{t("transition.station.input.source")}</th>
                </tr>
              </thead>
              <tbody>
                {report.inputs.map((i) => (
                  <tr key={i.name} data-input={i.name}>
                    <th scope="row">
                      {INPUT_NAMES.has(i.name) ? t(`transition.station.inputName.${i.name}`) : i.name}
                    </th>
                    <td className="num nowrap">{inputValue(i.value)}</td>
                    <td className="nowrap">
                      {i.unit in UNIT_WORDS ? t(`transition.station.unitWord.${UNIT_WORDS[i.unit]}`) : i.unit}
                    </td>
                    <td className="small source-cell">
                      {i.source === "given" ? t("transition.station.given") : i.source}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

const FIELD_INPUT: Record<StationField, { name: string; unit: string; step: string; min: string }> = {
  pvKwp: { name: "pv_kwp", unit: "kWp", step: "any", min: "0" },
  electrolyserKw: { name: "electrolyser_kw", unit: "kW", step: "any", min: "0.1" },
  storageKg: { name: "storage_kg", unit: "kg", step: "any", min: "0" },
  demandKgPerDay: { name: "demand_kg_per_day", unit: "kgPerDay", step: "any", min: "0" },
};

/** The form: starts from the values the last answer used (the API's defaults or the address). */
function StationForm({ report }: { report: SolarH2Report | null }) {
  const { t } = useTranslation();
  const used = (name: string) => {
    const v = report?.inputs.find((i) => i.name === name)?.value;
    return typeof v === "number" ? String(v) : "";
  };
  const gridUsed = report?.inputs.find((i) => i.name === "grid_top_up")?.value === true;
  const initial = () =>
    Object.fromEntries(STATION_FIELDS.map((f) => [f, used(FIELD_INPUT[f].name)])) as Record<
      StationField,
      string
    >;
  const [values, setValues] = useState<Record<StationField, string>>(initial);
  const [grid, setGrid] = useState(gridUsed);
  const key = report ? JSON.stringify(report.inputs.map((i) => i.value)) : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer (its inputs) resets the form.
  useEffect(() => {
    if (report) {
      setValues(initial());
      setGrid(gridUsed);
    }
  }, [key]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    for (const f of STATION_FIELDS) replaceSearchParam(f, values[f].trim() === "" ? null : values[f].trim());
    replaceSearchParam("grid", grid ? "1" : null);
  };
  const reset = () => {
    for (const f of STATION_FIELDS) replaceSearchParam(f, null);
    replaceSearchParam("grid", null);
  };
  return (
    <form
      className="list-toolbar ze-station-form"
      onSubmit={submit}
      aria-label={t("transition.station.formLabel")}
    >
      {STATION_FIELDS.map((f) => (
        <label key={f}>
          {t(`transition.station.field.${f}`, { unit: t(`transition.units.${FIELD_INPUT[f].unit}`) })}{" "}
          <input
            type="number"
            name={f}
            inputMode="decimal"
            min={FIELD_INPUT[f].min}
            step={FIELD_INPUT[f].step}
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
        </label>
      ))}
      <label>
        <input type="checkbox" name="grid" checked={grid} onChange={(e) => setGrid(e.target.checked)} />{" "}
        {t("transition.station.field.grid")}
      </label>
      <button type="submit" className="button">
        {t("transition.station.run")}
      </button>
      <button type="button" className="link-button" onClick={reset}>
        {t("transition.station.reset")}
      </button>
    </form>
  );
}

export function StationPanel({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const read = {
    pvKwp: useSearchParam("pvKwp"),
    electrolyserKw: useSearchParam("electrolyserKw"),
    storageKg: useSearchParam("storageKg"),
    demandKgPerDay: useSearchParam("demandKgPerDay"),
    grid: useSearchParam("grid"),
  } as Record<string, string | null>;
  const params = stationParams((k) => read[k] ?? null);
  const key = `${port.locode}|${JSON.stringify(params)}`;
  const state = useAsync(() => transitionApi.solarH2(port.locode, params), key);
  // Keep the last answer on screen while the next one loads (the form stays where it is).
  const [last, setLast] = useState<SolarH2Report | null>(null);
  useEffect(() => {
    if (state.status === "ready") setLast(state.data);
  }, [state]);
  const noYear =
    state.status === "error" && state.error instanceof ApiError && state.error.problem?.code === "not_found";
  return (
    <section className="panel ze-station" id="station" aria-labelledby="ze-station-title">
      <h2 id="ze-station-title">{t("transition.station.title")}</h2>
      <p className="muted small">{t("transition.station.lead")}</p>
      {noYear ? (
        <div className="ze-no-year" role="note">
          <p>{t("transition.station.noSolarYear", { port: port.locode })}</p>
          <p className="muted small" lang="en">
            {state.error.message}
          </p>
        </div>
      ) : (
        <>
          <StationForm report={last} />
          {state.status === "loading" && last ? (
            <p className="loading">{t("transition.station.running")}</p>
          ) : (
            <Status state={state} />
          )}
          {(state.status === "ready" ? state.data : state.status === "loading" ? last : null) && (
            <Result report={(state.status === "ready" ? state.data : last) as SolarH2Report} />
          )}
        </>
      )}
    </section>
  );
}
