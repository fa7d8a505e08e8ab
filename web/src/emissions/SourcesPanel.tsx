// The largest sources of an inventory year: a paged table with a category filter. A vessel row opens
// its call; any other row (equipment, harbour craft, trucks, rail) expands to its computation: activity
// per month and scope, then the chosen pollutant's trace steps (activity × factor × adjustments = grams).
import { Fragment, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { convertMassG } from "../../../src/core/units.ts";
import {
  type CallTraceStep,
  EMISSION_SCOPES,
  type EmissionSource,
  type EmissionSourcePage,
  type EmissionSourceTrace,
  type EmissionSourceTraceLine,
  emissionApi,
  type NonshipCategory,
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
import { TraceFormula, TraceSource, TraceTable } from "./TraceTable.tsx";
import {
  CATEGORY_COLORS,
  calendarYearText,
  formatMass,
  formatPlain,
  labelWord,
  massUnitForGrams,
  monthLabel,
} from "./text.ts";
import { baseUnit, lineUnit, stepWords } from "./trace-text.ts";

const PAGE_SIZE = 20;
/** A source with more month-and-scope lines than this shows its steps summed over the year first. */
const MONTHS_INLINE = 3;

const rowKey = (s: Pick<EmissionSource, "category" | "sourceId">) => `${s.category}|${s.sourceId}`;

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
  // Expanded rows, by category and source id: they stay open when only the pollutant changes.
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const rowsKey = [port.locode, year, category, reloadKey].join("|");

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts at the first page.
  useEffect(() => setOffset(0), [key]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: other rows, other expansions.
  useEffect(() => setOpen(new Set()), [rowsKey]);
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
  const cols = pollutant === "co2e" ? 6 : 7;
  const toggle = (k: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
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
            {(state.data?.sources ?? []).map((s, i) => {
              const k = rowKey(s);
              const expandable = s.category !== "ogv";
              const isOpen = expandable && open.has(k);
              const traceId = `source-trace-${offset + i}`;
              return (
                <Fragment key={k}>
                  <tr
                    data-category={s.category}
                    data-source={s.sourceId}
                    className={expandable ? `expandable${isOpen ? " open" : ""}` : undefined}
                    onClick={
                      expandable
                        ? () => {
                            // Selecting text in the row is not a click on it.
                            if (!window.getSelection()?.toString()) toggle(k);
                          }
                        : undefined
                    }
                  >
                    <td className="num muted">{formatNumber(offset + i + 1, lang)}</td>
                    <th scope="row" className="source-label">
                      {s.category === "ogv" ? (
                        <Link to={`/ports/${port.locode}/calls/${encodeURIComponent(s.sourceId)}#emissions`}>
                          {s.label}
                        </Link>
                      ) : (
                        <button
                          type="button"
                          className="expand-button"
                          aria-expanded={isOpen}
                          aria-controls={isOpen ? traceId : undefined}
                          title={isOpen ? t("emissions.sourceTrace.hide") : t("emissions.sourceTrace.show")}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggle(k);
                          }}
                        >
                          <span className="expand-mark" aria-hidden="true">
                            {isOpen ? "▾" : "▸"}
                          </span>{" "}
                          {s.label}
                        </button>
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
                      {lineUnit(s.activityUnit, t)}
                    </td>
                    <td className="num nowrap chosen">{formatMass(s.tonnes[pollutant] * unit.k, lang)}</td>
                    {pollutant !== "co2e" && (
                      <td className="num nowrap">{formatMass(s.tonnes.co2e * unit.k, lang)}</td>
                    )}
                  </tr>
                  {isOpen && (
                    <tr className="trace-row" id={traceId}>
                      <td colSpan={cols}>
                        <SourceTrace
                          locode={port.locode}
                          year={year}
                          category={s.category as NonshipCategory}
                          sourceId={s.sourceId}
                          label={s.label}
                          pollutant={pollutant}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
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

/**
 * The pollutants whose steps explain one. CO2e has a factor of its own only for grid electricity;
 * elsewhere it weights CO2, CH4 and N2O, so their steps explain it.
 */
const CO2E_GASES: readonly Pollutant[] = ["co2", "ch4", "n2o"];
function stepPollutants(p: Pollutant): readonly Pollutant[] {
  return p === "co2e" ? ["co2e", ...CO2E_GASES] : [p];
}

const byMonth = (a: EmissionSourceTraceLine, b: EmissionSourceTraceLine) =>
  a.year - b.year || a.month - b.month || EMISSION_SCOPES.indexOf(a.scope) - EMISSION_SCOPES.indexOf(b.scope);

/**
 * The months' steps summed over the year, per scope: steps with the same what, pollutant, unit, factor,
 * adjustments and source add their activity and grams (activity × factor × adjustments is linear in
 * the activity, so the sum still multiplies out). Steps of one month only are kept as they are.
 */
function yearSteps(
  lines: EmissionSourceTraceLine[],
  pollutants: readonly Pollutant[],
  summed: (months: number) => string,
  unitOf: (step: CallTraceStep) => string,
): { scope: EmissionSourceTraceLine["scope"]; steps: CallTraceStep[] }[] {
  const groups = new Map<
    string,
    { scope: EmissionSourceTraceLine["scope"]; steps: CallTraceStep[]; lines: Set<number> }
  >();
  lines.forEach((line, i) => {
    for (const st of line.trace) {
      if (!pollutants.includes(st.pollutant)) continue;
      const k = JSON.stringify([
        line.scope,
        st.what,
        st.pollutant,
        baseUnit(unitOf(st)),
        st.factor,
        st.factorUnit,
        st.adjustments,
        st.source,
      ]);
      const g = groups.get(k) ?? { scope: line.scope, steps: [], lines: new Set<number>() };
      g.steps.push(st);
      g.lines.add(i);
      groups.set(k, g);
    }
  });
  const out = EMISSION_SCOPES.map((scope) => ({ scope, steps: [] as CallTraceStep[] }));
  for (const g of groups.values()) {
    const first = g.steps[0] as CallTraceStep;
    const steps: CallTraceStep[] =
      g.lines.size === 1
        ? g.steps
        : [
            {
              ...first,
              activity: g.steps.reduce((a, x) => a + x.activity, 0),
              // The unit as read (its words already in the reader's language), without the month's text.
              activityUnit: `${baseUnit(unitOf(first))} (${summed(g.lines.size)})`,
              activityUnitText: undefined,
              grams: g.steps.reduce((a, x) => a + x.grams, 0),
            } as CallTraceStep,
          ];
    out.find((o) => o.scope === g.scope)?.steps.push(...steps);
  }
  return out.filter((o) => o.steps.length > 0);
}

/** The expanded row of a non-ship source: its computation, fetched when opened. */
function SourceTrace({
  locode,
  year,
  category,
  sourceId,
  label,
  pollutant,
}: {
  locode: PortDetail["locode"];
  year: number;
  category: NonshipCategory;
  sourceId: string;
  label: string;
  pollutant: Pollutant;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    | { status: "loading" }
    | { status: "ready"; data: EmissionSourceTrace }
    | { status: "error"; error: string }
  >({ status: "loading" });
  useEffect(() => {
    const ctl = new AbortController();
    setState({ status: "loading" });
    emissionApi.sourceTrace(locode, category, sourceId, year, ctl.signal).then(
      (data) => setState({ status: "ready", data }),
      (error: unknown) => {
        if (!ctl.signal.aborted)
          setState({ status: "error", error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => ctl.abort();
  }, [locode, year, category, sourceId]);
  return (
    <div className="source-trace" data-state={state.status}>
      {state.status === "loading" && <p className="loading small">{t("common.loading")}</p>}
      {state.status === "error" && (
        <p className="warn small" role="alert">
          {t("emissions.sourceTrace.failed")} <span className="muted">{state.error}</span>
        </p>
      )}
      {state.status === "ready" && <SourceTraceView data={state.data} label={label} pollutant={pollutant} />}
    </div>
  );
}

function SourceTraceView({
  data,
  label,
  pollutant,
}: {
  data: EmissionSourceTrace;
  label: string;
  pollutant: Pollutant;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const lines = [...data.lines].sort(byMonth);
  const long = lines.length > MONTHS_INLINE;
  const [showMonths, setShowMonths] = useState(false);
  const months = !long || showMonths;
  const pollutants = stepPollutants(pollutant);
  const pollutantLabel = t(`emissions.pollutants.${pollutant}`);
  const monthsShown = [...new Map(lines.map((l) => [l.year * 100 + l.month, l])).values()];
  // One row pair (activity, mass) per scope and activity unit.
  const rows = new Map<string, EmissionSourceTraceLine[]>();
  for (const l of lines) {
    const k = `${l.scope}|${l.activityUnit}`;
    rows.set(k, [...(rows.get(k) ?? []), l]);
  }
  const massUnit = massUnitForGrams(Math.max(0, ...lines.map((l) => Math.abs(l.grams[pollutant] ?? 0))));
  const scopes = new Set(lines.map((l) => l.scope));
  const scopeText = (scope: EmissionSourceTraceLine["scope"]) => t(`emissions.sourceTrace.scopes.${scope}`);
  const cell = (
    group: EmissionSourceTraceLine[],
    y: number,
    m: number,
    value: (l: EmissionSourceTraceLine) => number,
  ) => {
    const hit = group.filter((l) => l.year === y && l.month === m);
    return hit.length === 0 ? null : hit.reduce((a, l) => a + value(l), 0);
  };
  const activityText = (v: number | null) =>
    v === null ? "—" : formatPlain(v, lang, Math.abs(v) >= 100 ? 0 : 1);
  const massText = (v: number | null) => (v === null ? "—" : formatMass(convertMassG(v, massUnit), lang));
  const yearSummed = months
    ? []
    : yearSteps(
        lines,
        pollutants,
        (n) => t("emissions.sourceTrace.summed", { n }),
        (st) => stepWords(st, t).activityUnit,
      );
  const monthSteps = lines
    .map((l) => ({ line: l, steps: l.trace.filter((st) => pollutants.includes(st.pollutant)) }))
    .filter((x) => x.steps.length > 0);
  const anySteps = monthSteps.length > 0;
  return (
    <>
      <p className="small source-trace-lead">
        <strong>{t("emissions.sourceTrace.title", { label, year: labelWord(data.label, lang) })}</strong>{" "}
        <span className="muted">{t("emissions.sourceTrace.lead", { pollutant: pollutantLabel })}</span>
      </p>
      <div className="table-wrap">
        <table className="trace-table source-activity-table">
          <thead>
            <tr>
              <th scope="col">{t("emissions.sourceTrace.month")}</th>
              {monthsShown.map((l, i) => (
                <th
                  key={`${l.year}-${l.month}`}
                  scope="col"
                  className="num"
                  data-month={`${l.year}-${String(l.month).padStart(2, "0")}`}
                >
                  {monthLabel(l.year, l.month, lang)}
                  {(i === 0 || l.month === 1) && (
                    <span className="month-year">{calendarYearText(l.year, lang)}</span>
                  )}
                </th>
              ))}
              <th scope="col" className="num">
                {t("emissions.sourceTrace.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rows].map(([k, group]) => {
              const first = group[0] as EmissionSourceTraceLine;
              const scope = scopes.size > 1 ? `${scopeText(first.scope)}: ` : "";
              return (
                <Fragment key={k}>
                  <tr data-scope={first.scope} data-row="activity">
                    <th scope="row" className="nowrap">
                      {scope}
                      {t("emissions.sourceTrace.activity", { unit: lineUnit(first.activityUnit, t) })}
                    </th>
                    {monthsShown.map((m) => (
                      <td key={`${m.year}-${m.month}`} className="num nowrap">
                        {activityText(cell(group, m.year, m.month, (l) => l.activity))}
                      </td>
                    ))}
                    <td className="num nowrap total">
                      {activityText(group.reduce((a, l) => a + l.activity, 0))}
                    </td>
                  </tr>
                  <tr data-scope={first.scope} data-row="mass">
                    <th scope="row" className="nowrap">
                      {scope}
                      {pollutantLabel} ({t(`emissions.units.${massUnit}`)})
                    </th>
                    {monthsShown.map((m) => (
                      <td key={`${m.year}-${m.month}`} className="num nowrap">
                        {massText(cell(group, m.year, m.month, (l) => l.grams[pollutant] ?? 0))}
                      </td>
                    ))}
                    <td className="num nowrap total">
                      {massText(group.reduce((a, l) => a + (l.grams[pollutant] ?? 0), 0))}
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="list-toolbar source-trace-toolbar">
        <h4 className="small-heading">
          {months
            ? t("emissions.sourceTrace.stepsByMonth", { pollutant: pollutantLabel })
            : t("emissions.sourceTrace.stepsForYear", { pollutant: pollutantLabel })}
        </h4>
        {long && anySteps && (
          <button
            type="button"
            className="link-button small months-toggle"
            aria-pressed={showMonths}
            onClick={() => setShowMonths((v) => !v)}
          >
            {showMonths ? t("emissions.sourceTrace.showYear") : t("emissions.sourceTrace.showMonths")}
          </button>
        )}
      </div>
      {pollutant === "co2e" &&
        monthSteps.some((x) => x.steps.some((st) => CO2E_GASES.includes(st.pollutant))) && (
          <p className="muted small">{t("emissions.sourceTrace.co2eNote")}</p>
        )}
      {!anySteps && (
        <p className="muted small">{t("emissions.sourceTrace.noSteps", { pollutant: pollutantLabel })}</p>
      )}
      {anySteps &&
        !months &&
        yearSummed.map((g) => (
          <Fragment key={g.scope}>
            {yearSummed.length > 1 && <h5 className="trace-scope">{scopeText(g.scope)}</h5>}
            <TraceTable steps={g.steps} />
          </Fragment>
        ))}
      {anySteps && months && <MonthSteps lines={monthSteps} multiScope={scopes.size > 1} />}
    </>
  );
}

/**
 * Each month's steps in one table; the factors' sources, the same month after month, listed once below
 * it and referred to by number.
 */
function MonthSteps({
  lines,
  multiScope,
}: {
  lines: { line: EmissionSourceTraceLine; steps: CallTraceStep[] }[];
  multiScope: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const notes = new Map<string, { n: number; step: CallTraceStep }>();
  const noteFor = (st: CallTraceStep) => {
    const k = JSON.stringify([st.source, st.adjustments.map((a) => a.name)]);
    let note = notes.get(k);
    if (!note) {
      note = { n: notes.size + 1, step: st };
      notes.set(k, note);
    }
    return note.n;
  };
  const monthText = (y: number, m: number) =>
    new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", {
      year: "numeric",
      month: "short",
      timeZone: "UTC",
    }).format(new Date(Date.UTC(y, m - 1, 15)));
  return (
    <>
      <table className="trace-table source-months-table">
        <thead>
          <tr>
            <th scope="col">{t("emissions.sourceTrace.month")}</th>
            {multiScope && <th scope="col">{t("emissions.sourceTrace.scope")}</th>}
            <th scope="col">{t("emissions.call.cols.what")}</th>
            <th scope="col">{t("emissions.call.cols.pollutant")}</th>
            <th scope="col">{t("emissions.call.cols.computation")}</th>
            <th scope="col">{t("emissions.call.cols.source")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ line, steps }) =>
            steps.map((st, j) => (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: a month's steps are a fixed list; two can be identical.
                key={`${line.year}-${line.month}-${line.scope}-${j}`}
                className="trace-step"
                data-pollutant={st.pollutant}
                data-month={`${line.year}-${String(line.month).padStart(2, "0")}`}
              >
                {j === 0 && (
                  <th scope="row" rowSpan={steps.length} className="nowrap">
                    {monthText(line.year, line.month)}
                  </th>
                )}
                {multiScope && j === 0 && (
                  <td rowSpan={steps.length} className="nowrap">
                    {t(`emissions.sourceTrace.scopes.${line.scope}`)}
                  </td>
                )}
                <td className="trace-what">{stepWords(st, t).what}</td>
                <td className="nowrap">
                  {t(`emissions.pollutants.${st.pollutant}`, { defaultValue: st.pollutant })}
                </td>
                <td className="mono formula">
                  <TraceFormula step={st} />
                </td>
                <td className="small nowrap source-ref">[{noteFor(st)}]</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <ol className="source-notes small">
        {[...notes.values()].map(({ n, step }) => (
          <li key={n} value={n} className="source-text">
            <TraceSource step={step} />
          </li>
        ))}
      </ol>
    </>
  );
}
