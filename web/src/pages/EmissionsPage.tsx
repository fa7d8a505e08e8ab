// A port's emissions inventory for one reporting year: header with provenance and coverage, the
// category × pollutant table, the monthly trend, separately reported scopes, progress against
// targets, the largest sources and exports. Year, pollutant, units and category live in the address.
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { convertMass } from "../../../src/core/units.ts";
import {
  api,
  type EmissionProgress,
  emissionApi,
  type InventoryList,
  type InventoryReport,
  POLLUTANTS,
  type Pollutant,
  type PortDetail,
} from "../api.ts";
import { FirstPortRedirect } from "../components/FirstPortRedirect.tsx";
import { PortSection } from "../components/PortSection.tsx";
import { Status } from "../components/Status.tsx";
import { CategoryPanel, MonthlyPanel, ScopesPanel, type UnitChoice } from "../emissions/InventoryPanels.tsx";
import { ProgressPanel } from "../emissions/ProgressPanel.tsx";
import { SourcesPanel } from "../emissions/SourcesPanel.tsx";
import {
  formatDay,
  formatMass,
  formatPlain,
  labelWord,
  type MassUnits,
  parseCategory,
  parsePollutant,
  parseUnits,
  parseYear,
  warningText,
  yearLabelLike,
} from "../emissions/text.ts";
import { formatDateTime, formatNumber, localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import { Link, replaceSearchParam, useSearchParam } from "../router.tsx";
import type { PageProps } from "../routes.ts";

/** `/emissions` from the navigation: the first port's inventory. */
export function EmissionsIndexPage(_: PageProps) {
  return <FirstPortRedirect subpath="emissions" />;
}

export function EmissionsPage({ params }: PageProps) {
  const locode = (params["locode"] ?? "").toUpperCase();
  return (
    <PortSection locode={locode} className="emissions-page">
      {(port) => <EmissionsView port={port} />}
    </PortSection>
  );
}

type RecomputeState =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; at: string }
  | { status: "error"; message: string };

function EmissionsView({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const yearParam = parseYear(useSearchParam("year"));
  const pollutant = parsePollutant(useSearchParam("pollutant"));
  const units: MassUnits = parseUnits(useSearchParam("units"));
  const category = parseCategory(useSearchParam("category"));
  const [reload, setReload] = useState(0);
  const [recompute, setRecompute] = useState<RecomputeState>({ status: "idle" });

  const list = useAsync<InventoryList>(
    () => emissionApi.inventories(port.locode),
    `${port.locode}|${reload}`,
  );
  const report = useAsync<InventoryReport>(
    () => emissionApi.inventory(port.locode, yearParam),
    `${port.locode}|${yearParam}|${reload}`,
  );
  // Progress follows the stored inventories: asked again once a year computed on demand is in.
  const computedAt = report.status === "ready" ? report.data.computedAt : "";
  const progress = useAsync<EmissionProgress>(
    () => emissionApi.progress(port.locode),
    `${port.locode}|${reload}|${computedAt}`,
  );
  const ports = useAsync(api.ports, "ports");

  const data = report.status === "ready" ? report.data : null;
  const unit: UnitChoice = {
    k: convertMass(1, data?.unit ?? "t", units),
    label: t(`emissions.units.${units}`),
  };
  const setParam = (name: string, value: string | null) => replaceSearchParam(name, value);

  const runRecompute = (year: number) => {
    setRecompute({ status: "running" });
    emissionApi.compute(port.locode, year).then(
      (r) => {
        setRecompute({ status: "done", at: r.computedAt });
        setReload((n) => n + 1);
      },
      (e: unknown) => setRecompute({ status: "error", message: e instanceof Error ? e.message : String(e) }),
    );
  };

  // Year choices: the stored inventories, the current reporting year and the one before it.
  const known = list.status === "ready" ? list.data : null;
  const sample = data?.label ?? known?.inventories[0]?.label;
  const yearOptions = new Map<number, { label: string; stored: boolean }>();
  if (known) {
    for (const y of [known.currentYear, known.currentYear - 1])
      yearOptions.set(y, { label: yearLabelLike(y, sample), stored: false });
    for (const i of known.inventories) yearOptions.set(i.year, { label: i.label, stored: true });
  }
  if (data) yearOptions.set(data.year, { label: data.label, stored: true });
  const shownYear = data?.year ?? yearParam ?? known?.currentYear ?? null;
  if (shownYear !== null && !yearOptions.has(shownYear))
    yearOptions.set(shownYear, { label: yearLabelLike(shownYear, sample), stored: false });

  const others = ports.status === "ready" ? ports.data.filter((p) => p.locode !== port.locode) : [];
  const keepQuery = new URLSearchParams();
  if (pollutant !== "nox") keepQuery.set("pollutant", pollutant);
  if (units !== "t") keepQuery.set("units", units);
  const otherQuery = keepQuery.toString() ? `?${keepQuery}` : "";

  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {t("emissions.title", { port: localName(port.name, lang) })}{" "}
            <span className="locode">{port.locode}</span>
          </h1>
          <p className="muted">{t("emissions.lead", { zone: port.timeZone })}</p>
          {others.map((o) => (
            <p key={o.locode} className="small">
              <Link to={`/ports/${o.locode}/emissions${otherQuery}`} data-locode={o.locode}>
                {t("emissions.otherPort", { port: localName(o.name, lang) })} →
              </Link>
            </p>
          ))}
        </div>
      </header>

      <section className="panel emissions-header" aria-label={t("emissions.toolbar.year")}>
        <form className="list-toolbar emissions-toolbar" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t("emissions.toolbar.year")}{" "}
            <select
              name="year"
              value={shownYear ?? ""}
              onChange={(e) => setParam("year", e.target.value || null)}
              disabled={yearOptions.size === 0}
            >
              {[...yearOptions]
                .sort((a, b) => b[0] - a[0])
                .map(([y, o]) => (
                  <option key={y} value={y}>
                    {labelWord(o.label, lang)}
                    {o.stored ? "" : ` (${t("emissions.toolbar.notComputed")})`}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t("emissions.toolbar.pollutant")}{" "}
            <select
              name="pollutant"
              value={pollutant}
              onChange={(e) => setParam("pollutant", e.target.value === "nox" ? null : e.target.value)}
            >
              {POLLUTANTS.map((p) => (
                <option key={p} value={p}>
                  {t(`emissions.pollutantNames.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="segmented units-switch" aria-label={t("emissions.toolbar.units")}>
            {(["t", "short_ton"] as const).map((u) => (
              <button
                key={u}
                type="button"
                aria-pressed={units === u}
                data-units={u}
                onClick={() => setParam("units", u === "t" ? null : u)}
              >
                {t(`emissions.units.${u}Long`)}
              </button>
            ))}
          </fieldset>
          {data && (
            <button
              type="button"
              className="button recompute"
              disabled={recompute.status === "running"}
              onClick={() => runRecompute(data.year)}
            >
              {recompute.status === "running" && <span className="spinner" aria-hidden="true" />}
              {t("emissions.recompute")}
            </button>
          )}
        </form>
        {recompute.status === "running" && (
          <p className="small recompute-status" role="status">
            {t("emissions.recomputing", { label: data ? labelWord(data.label, lang) : "" })}
          </p>
        )}
        {recompute.status === "error" && (
          <p className="warn small" role="alert">
            {t("emissions.recomputeFailed", { message: recompute.message })}
          </p>
        )}
        {report.status === "loading" && (
          <p className="loading computing" role="status">
            <span className="spinner" aria-hidden="true" /> {t("emissions.computingFirst")}
          </p>
        )}
        {report.status === "error" && <Status state={report} />}
        {data && (
          <InventoryFacts
            report={data}
            port={port}
            unit={unit}
            justRecomputed={recompute.status === "done"}
          />
        )}
      </section>

      {data && (
        <>
          <CategoryPanel
            report={data}
            pollutant={pollutant}
            unit={unit}
            onPollutant={(p: Pollutant) => setParam("pollutant", p === "nox" ? null : p)}
          />
          <MonthlyPanel report={data} pollutant={pollutant} unit={unit} />
          <ScopesPanel report={data} unit={unit} />
        </>
      )}
      <Status state={progress} />
      {progress.status === "ready" && <ProgressPanel progress={progress.data} report={data} unit={unit} />}
      {data && (
        <>
          <SourcesPanel
            port={port}
            year={data.year}
            label={labelWord(data.label, lang)}
            pollutant={pollutant}
            category={category}
            onCategory={(c) => setParam("category", c)}
            unit={unit}
            reloadKey={reload}
          />
          <section className="panel emissions-export">
            <h2>{t("emissions.export.title")}</h2>
            <p className="muted small">
              {t("emissions.export.lead", { label: labelWord(data.label, lang) })}
            </p>
            <p className="export-links">
              {(["csv", "json"] as const).map((f) => (
                <a
                  key={f}
                  className="button"
                  href={emissionApi.exportUrl(port.locode, data.year, f)}
                  download
                  data-format={f}
                >
                  {t(`emissions.export.${f}`)} ↓
                </a>
              ))}
            </p>
          </section>
        </>
      )}
    </>
  );
}

function InventoryFacts({
  report,
  port,
  unit,
  justRecomputed,
}: {
  report: InventoryReport;
  port: PortDetail;
  unit: UnitChoice;
  justRecomputed: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const meta = report.meta;
  const coverage = meta.coverage ?? {};
  const warnings = meta.warnings;
  const fiscal = report.label.startsWith("FY");
  const fact = (field: string, label: string, value: ReactNode) => (
    <div data-field={field}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const n = (v: number | undefined, digits = 0) =>
    v === undefined ? "—" : formatNumber(v, lang, { maximumFractionDigits: digits });
  return (
    <>
      <dl className="facts inventory-facts" data-year={report.year} data-label={report.label}>
        {fact(
          "period",
          t("emissions.facts.period"),
          t("emissions.facts.periodValue", {
            first: formatDay(report.firstDay, lang),
            last: formatDay(report.lastDay, lang),
            kind: fiscal ? t("emissions.fiscalYear") : t("emissions.calendarYear"),
          }),
        )}
        {fact("method", t("emissions.facts.method"), <span className="mono">{report.methodVersion}</span>)}
        {fact("gwp", t("emissions.facts.gwp"), meta.options?.gwp ?? "—")}
        {fact(
          "computed-at",
          t("emissions.facts.computedAt"),
          <span className={justRecomputed ? "fresh" : ""}>
            {formatDateTime(new Date(report.computedAt), port.timeZone, lang)}
          </span>,
        )}
        {fact("calls", t("emissions.facts.calls"), n(coverage.calls))}
        {fact("estimated-vessels", t("emissions.facts.estimatedVessels"), n(coverage.estimatedVessels))}
        {fact(
          "unaccounted-h",
          t("emissions.facts.unaccountedH"),
          coverage.unaccountedH === undefined
            ? "—"
            : `${formatPlain(coverage.unaccountedH, lang, 1)} ${t("units.h")}`,
        )}
        {fact("lines", t("emissions.facts.lines"), n(report.lines))}
        {meta.anchorage &&
          fact(
            "anchorage",
            t("emissions.facts.anchorage"),
            <span title={t("emissions.facts.anchorageWhy")}>
              {t("emissions.facts.anchorageValue", {
                calls: n(meta.anchorage.calls),
                hours: formatPlain(meta.anchorage.hours, lang, 0),
                co2e: formatMass(meta.anchorage.tonnes.co2e * unit.k, lang),
                unit: unit.label,
              })}
            </span>,
          )}
      </dl>
      {warnings.length > 0 ? (
        <details className="inventory-warnings">
          <summary className="warn">
            {t("emissions.warnings", { n: formatNumber(warnings.length, lang) })}
          </summary>
          <ul className="plain">
            {warnings.map((w) => (
              <li key={`${w.code}|${JSON.stringify(w.params)}`} data-code={w.code}>
                {warningText(w, t)}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted small">{t("emissions.noWarnings")}</p>
      )}
    </>
  );
}
