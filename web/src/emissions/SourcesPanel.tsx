// The largest sources of an inventory year: a paged table with a category filter; a vessel row opens its call.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type EmissionSourcePage,
  emissionApi,
  type Pollutant,
  type PortDetail,
  SOURCE_CATEGORIES,
  type SourceCategory,
} from "../api.ts";
import { placeName } from "../calls/text.ts";
import { formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import { Link } from "../router.tsx";
import type { UnitChoice } from "./InventoryPanels.tsx";
import { CATEGORY_COLORS, formatMass } from "./text.ts";

const PAGE_SIZE = 20;

export function SourcesPanel({
  port,
  year,
  label,
  pollutant,
  category,
  onCategory,
  unit,
  reloadKey,
}: {
  port: PortDetail;
  year: number;
  label: string;
  pollutant: Pollutant;
  category: SourceCategory | null;
  onCategory: (c: SourceCategory | null) => void;
  unit: UnitChoice;
  reloadKey: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<{ data: EmissionSourcePage | null; error: boolean }>({
    data: null,
    error: false,
  });
  const key = [port.locode, year, pollutant, category, reloadKey].join("|");

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts at the first page.
  useEffect(() => setOffset(0), [key]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `offset` identify the request.
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: false }));
    emissionApi
      .sources(port.locode, { year, category, pollutant, limit: PAGE_SIZE, offset }, ctl.signal)
      .then(
        (data) => setState({ data, error: false }),
        () => {
          if (!ctl.signal.aborted) setState({ data: null, error: true });
        },
      );
    return () => ctl.abort();
  }, [key, offset]);

  const total = state.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.floor(offset / PAGE_SIZE);
  const pollutantLabel = t(`emissions.pollutants.${pollutant}`);
  return (
    <section className="panel emissions-sources" aria-labelledby="emissions-sources">
      <h2 id="emissions-sources">{t("emissions.sources.title")}</h2>
      <p className="muted small">{t("emissions.sources.lead", { label, pollutant: pollutantLabel })}</p>
      <form className="list-toolbar" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("emissions.sources.category")}{" "}
          <select
            name="category"
            value={category ?? ""}
            onChange={(e) => onCategory((e.target.value || null) as SourceCategory | null)}
          >
            <option value="">{t("emissions.sources.allCategories")}</option>
            {SOURCE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`emissions.categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="call-count" data-total={state.data?.total ?? ""}>
          {state.data
            ? t("emissions.sources.count", { n: formatNumber(state.data.total, lang) })
            : t("common.loading")}
        </span>
      </form>
      {state.error && <p className="warn small">{t("emissions.sources.failed")}</p>}
      <div className="table-wrap">
        <table className="data-table sources-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("emissions.sources.rank")}
              </th>
              <th scope="col">{t("emissions.sources.label")}</th>
              <th scope="col">{t("emissions.sources.category")}</th>
              <th scope="col">{t("emissions.sources.terminal")}</th>
              <th scope="col" className="num">
                {t("emissions.sources.activity")}
              </th>
              <th scope="col" className="num chosen">
                {pollutantLabel} ({unit.label})
              </th>
              {pollutant !== "co2e" && (
                <th scope="col" className="num">
                  {t("emissions.pollutants.co2e")} ({unit.label})
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {(state.data?.sources ?? []).map((s, i) => (
              <tr key={`${s.category}-${s.sourceId}`} data-category={s.category} data-source={s.sourceId}>
                <td className="num muted">{formatNumber(offset + i + 1, lang)}</td>
                <th scope="row">
                  {s.category === "ogv" ? (
                    <Link to={`/ports/${port.locode}/calls/${encodeURIComponent(s.sourceId)}#emissions`}>
                      {s.label}
                    </Link>
                  ) : (
                    s.label
                  )}
                </th>
                <td className="nowrap">
                  <span
                    className="swatch"
                    style={{ background: CATEGORY_COLORS[s.category] }}
                    aria-hidden="true"
                  />{" "}
                  {t(`emissions.categories.${s.category}`)}
                </td>
                <td>{s.terminal ? placeName(port, s.terminal, lang) : "—"}</td>
                <td className="num nowrap">
                  {formatNumber(s.activity, lang, { maximumFractionDigits: s.activity >= 100 ? 0 : 1 })}{" "}
                  {s.activityUnit}
                </td>
                <td className="num nowrap chosen">{formatMass(s.tonnes[pollutant] * unit.k, lang)}</td>
                {pollutant !== "co2e" && (
                  <td className="num nowrap">{formatMass(s.tonnes.co2e * unit.k, lang)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {state.data && state.data.sources.length === 0 && (
        <p className="muted">{t("emissions.sources.none")}</p>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t("calls.pager.label")}>
          <button
            type="button"
            disabled={page === 0}
            onClick={() => setOffset((o) => Math.max(0, o - PAGE_SIZE))}
          >
            {t("calls.pager.prev")}
          </button>
          <span className="pager-status">
            {t("calls.pager.status", {
              page: formatNumber(page + 1, lang),
              pages: formatNumber(pages, lang),
            })}
          </span>
          <button type="button" disabled={page >= pages - 1} onClick={() => setOffset((o) => o + PAGE_SIZE)}>
            {t("calls.pager.next")}
          </button>
        </nav>
      )}
    </section>
  );
}
