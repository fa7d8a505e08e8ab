// Panels of one inventory: category × pollutant table with its stacked bar, the monthly trend,
// and the separately reported scopes (grid electricity, upstream).
import { useTranslation } from "react-i18next";
import {
  type InventoryReport,
  POLLUTANTS,
  type Pollutant,
  type ScopeReport,
  SOURCE_CATEGORIES,
} from "../api.ts";
import { formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import { CategoryBar } from "./CategoryBar.tsx";
import { MonthlyChart } from "./MonthlyChart.tsx";
import { CATEGORY_COLORS, categoryValues, formatMass, labelWord } from "./text.ts";

export interface UnitChoice {
  /** Factor from tonnes to the shown unit. */
  k: number;
  /** Short label of the unit ("t", "short tons"). */
  label: string;
}

/** "1,234,567 kWh · 12,345 mi": a category's activity in each of its units. */
function ActivityText({ activity }: { activity: { amount: number; unit: string }[] }) {
  const lang = useLanguage();
  if (activity.length === 0) return <>—</>;
  return (
    <>
      {activity.map((a, i) => (
        <span key={a.unit} className="nowrap">
          {i > 0 ? " · " : ""}
          {formatNumber(a.amount, lang, { maximumFractionDigits: a.amount >= 100 ? 0 : 1 })} {a.unit}
        </span>
      ))}
    </>
  );
}

export function CategoryPanel({
  report,
  pollutant,
  unit,
  onPollutant,
}: {
  report: InventoryReport;
  pollutant: Pollutant;
  unit: UnitChoice;
  onPollutant: (p: Pollutant) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const scope = report.scopes.tailpipe;
  const cell = (v: number | undefined) => (v === undefined ? "—" : formatMass(v * unit.k, lang));
  return (
    <section className="panel emissions-by-category" aria-labelledby="emissions-by-category">
      <h2 id="emissions-by-category">{t("emissions.byCategory.title")}</h2>
      <p className="muted small">
        {t("emissions.byCategory.lead", { label: labelWord(report.label, lang) })}{" "}
        {t("emissions.units.note", { unit: unit.label })}
      </p>
      <div className="table-wrap">
        <table className="data-table category-table" data-unit={unit.label}>
          <thead>
            <tr>
              <th scope="col">{t("emissions.byCategory.category")}</th>
              <th scope="col">{t("emissions.byCategory.activity")}</th>
              {POLLUTANTS.map((p) => (
                <th
                  key={p}
                  scope="col"
                  className={`num pollutant-col${p === pollutant ? " chosen" : ""}`}
                  data-pollutant={p}
                >
                  <button
                    type="button"
                    className="sort-button"
                    aria-pressed={p === pollutant}
                    title={t(`emissions.pollutantNames.${p}`)}
                    onClick={() => onPollutant(p)}
                  >
                    {t(`emissions.pollutants.${p}`)}
                  </button>
                  <span className="unit">{unit.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SOURCE_CATEGORIES.map((category) => {
              const row = scope.byCategory.find((c) => c.category === category);
              return (
                <tr key={category} data-category={category} className={row ? "" : "not-estimated"}>
                  <th scope="row" className="nowrap">
                    <span
                      className="swatch"
                      style={{ background: CATEGORY_COLORS[category] }}
                      aria-hidden="true"
                    />{" "}
                    {t(`emissions.categories.${category}`)}
                    {row && (
                      <div className="muted small">
                        {t("emissions.byCategory.sources")}: {formatNumber(row.sources, lang)}
                      </div>
                    )}
                  </th>
                  <td className="small">
                    {row ? (
                      <ActivityText activity={row.activity} />
                    ) : (
                      <span className="muted">{t("emissions.byCategory.notEstimated")}</span>
                    )}
                  </td>
                  {POLLUTANTS.map((p) => (
                    <td
                      key={p}
                      className={`num nowrap${p === pollutant ? " chosen" : ""}`}
                      data-pollutant={p}
                    >
                      {cell(row?.tonnes[p])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row" colSpan={2}>
                {t("emissions.byCategory.total")}
              </th>
              {POLLUTANTS.map((p) => (
                <td key={p} className={`num nowrap${p === pollutant ? " chosen" : ""}`} data-pollutant={p}>
                  {cell(scope.total[p])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <CategoryBar
        values={categoryValues(scope.byCategory, pollutant).map((v) => ({
          ...v,
          value: v.value === null ? null : v.value * unit.k,
        }))}
        pollutant={pollutant}
        unit={unit.label}
      />
    </section>
  );
}

export function MonthlyPanel({
  report,
  pollutant,
  unit,
}: {
  report: InventoryReport;
  pollutant: Pollutant;
  unit: UnitChoice;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section className="panel emissions-monthly">
      <h2>
        {t("emissions.monthly.title", {
          pollutant: t(`emissions.pollutants.${pollutant}`),
          unit: unit.label,
        })}
      </h2>
      <p className="muted small">{t("emissions.monthly.lead", { label: labelWord(report.label, lang) })}</p>
      <MonthlyChart
        months={report.scopes.tailpipe.byMonth.map((m) => ({
          year: m.year,
          month: m.month,
          value: m.tonnes[pollutant] * unit.k,
        }))}
        pollutant={pollutant}
        unit={unit.label}
      />
    </section>
  );
}

function ScopeTable({
  scope,
  label,
  unit,
  name,
}: {
  scope: ScopeReport;
  label: string;
  unit: UnitChoice;
  name: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="scope-block" data-scope={name}>
      <h3>{t(`emissions.scopes.${name}`)}</h3>
      {scope.byCategory.length === 0 ? (
        <p className="muted small">{t("emissions.scopes.none", { label })}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("emissions.byCategory.category")}</th>
              <th scope="col">{t("emissions.byCategory.activity")}</th>
              <th scope="col" className="num">
                {t("emissions.pollutants.co2e")} ({unit.label})
              </th>
            </tr>
          </thead>
          <tbody>
            {scope.byCategory.map((c) => (
              <tr key={c.category} data-category={c.category}>
                <th scope="row">{t(`emissions.categories.${c.category}`)}</th>
                <td className="small">
                  <ActivityText activity={c.activity} />
                </td>
                <td className="num nowrap">{formatMass(c.tonnes.co2e * unit.k, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row" colSpan={2}>
                {t("emissions.byCategory.total")}
              </th>
              <td className="num nowrap">{formatMass(scope.total.co2e * unit.k, lang)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}

export function ScopesPanel({ report, unit }: { report: InventoryReport; unit: UnitChoice }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section className="panel emissions-scopes">
      <h2>{t("emissions.scopes.title")}</h2>
      <p className="muted small">{t("emissions.scopes.lead")}</p>
      <div className="scope-columns">
        <ScopeTable
          scope={report.scopes.grid}
          label={labelWord(report.label, lang)}
          unit={unit}
          name="grid"
        />
        <ScopeTable
          scope={report.scopes.upstream}
          label={labelWord(report.label, lang)}
          unit={unit}
          name="upstream"
        />
      </div>
    </section>
  );
}
