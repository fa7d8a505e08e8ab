// One rollout scenario's result (issue 13), the same for a saved scenario and for the editor's
// unsaved preview: headline figures, the fleet mix by powertrain (CHE, drayage), the
// well-to-wheel emissions with the port's GHG targets drawn from the targets-gap answer, hydrogen,
// electricity, stations, money with its currency, price year and exchange rate, the forced early
// retirements, the gap to each target and the engine's notes.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PortDetail, ScenarioResult, ScenarioYear, TargetGap, TargetsGapReply } from "../api.ts";
import { formatDateTime, formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { decimal } from "../operations/text.ts";
import { type LineSeries, MixByYearChart, type TargetMark, YearLineChart } from "./ScenarioCharts.tsx";
import {
  earlyByYear,
  ghgMarks,
  METRIC_KEYS,
  mixByYear,
  mixPowertrains,
  PROGRAM_KEYS,
  pctText,
  signed,
} from "./scenario-text.ts";
import { formatMoney } from "./text.ts";

type T = ReturnType<typeof useTranslation>["t"];

/**
 * What the view shows: a result with its gap to targets, and for a saved scenario when it was
 * saved and its description (a preview has neither).
 */
export interface ShownScenario {
  result: ScenarioResult;
  targetsGap: TargetsGapReply;
  savedAt?: string | null;
  description?: string | null;
}

export const COLOR = {
  wtw: "#1c2b36",
  tailpipe: "#8a8f94",
  upstream: "#E69F00",
  grid: "#0072B2",
  h2: "#009E73",
  elec: "#0072B2",
  capex: "#CC79A7",
  opex: "#D55E00",
  a: "#0072B2",
  b: "#D55E00",
};

/** A scenario note in the reader's language (the catalogs word each code; else the API's English). */
function noteText(
  n: { code: string; params: Record<string, string | number>; text: string },
  t: T,
  has: (k: string) => boolean,
) {
  const key = `transition.scenarios.note.${n.code.replace(/^n\./, "")}`;
  if (!has(key)) return n.text;
  const params: Record<string, string | number> = { ...n.params };
  // The calibration note names the scenario field `activity.<type>.loadFactor`: its type stays the id.
  if (
    n.code !== "n.calibration" &&
    typeof params["category"] === "string" &&
    has(`transition.category.${params["category"]}`)
  )
    params["category"] = t(`transition.category.${params["category"]}`);
  return t(key, params);
}

function metricText(g: { metric: string }, t: T): string {
  const k = METRIC_KEYS[g.metric];
  return k ? t(`transition.scenarios.metric.${k}`) : g.metric;
}

function programText(program: string, t: T): string {
  const k = PROGRAM_KEYS[program];
  return k ? t(`transition.scenarios.program.${k}`) : program;
}

/** "−40 % vs 1990 by 2030" / "100 % of the fleet by 2030". */
function targetText(g: TargetGap, t: T, lang: Language): string {
  return g.kind === "ghg"
    ? t("transition.scenarios.gap.ghgTarget", {
        pct: signed(g.targetValue, lang, 0),
        base: g.baselineYear ?? "—",
        year: g.targetYear,
      })
    : t("transition.scenarios.gap.zeTarget", { pct: pctText(g.targetValue, lang, 0), year: g.targetYear });
}

/** A scrolling table's box: it takes the keyboard focus so that arrow keys can scroll it. */
export function ScrollRegion({
  className,
  label,
  children,
}: {
  className: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <section
      className={className}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must take the focus to be scrolled by keyboard.
      tabIndex={0}
      aria-label={label}
    >
      {children}
    </section>
  );
}

function Headline({ stored, port }: { stored: ShownScenario; port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const r = stored.result;
  const at = (year: number) => r.years.find((y) => y.year === year);
  const first = r.years[0];
  const last = r.years.at(-1);
  const u = (k: string) => t(`transition.units.${k}`);
  // A target year outside the scenario's years shows "—" and says why.
  const beyond = (year: number) =>
    at(year) === undefined && last !== undefined
      ? t("transition.scenarios.card.beyondHorizon", { year: last.year })
      : undefined;
  const totalCapex = r.years.reduce((a, y) => a + y.capex, 0);
  const cards = [
    { id: "zeChe2030", value: pctText(at(2030)?.zeShareChePct, lang), note: beyond(2030) },
    { id: "zeDrayage2035", value: pctText(at(2035)?.zeShareDrayagePct, lang), note: beyond(2035) },
    {
      id: "wtwHorizon",
      value: `${decimal(last?.emissions.wtwCo2eT, lang)} ${u("tCo2e")}`,
      note: t("transition.scenarios.card.fromBase", {
        year: first?.year ?? "—",
        t: decimal(first?.emissions.wtwCo2eT, lang),
      }),
    },
    {
      id: "h2Horizon",
      value: `${decimal(last?.h2TPerYear, lang, 1)} ${u("tPerYear")}`,
      note: t("transition.scenarios.card.peak", {
        kg: decimal(Math.max(0, ...r.years.map((y) => y.h2PeakKgPerDay)), lang),
      }),
    },
    {
      id: "elecHorizon",
      value: `${decimal(last?.electricityMwhPerYear, lang)} ${u("mwhPerYear")}`,
      note: t("transition.scenarios.card.peakKw", {
        kw: decimal(Math.max(0, ...r.years.map((y) => y.peakKw)), lang),
      }),
    },
    {
      id: "stationsHorizon",
      value: formatNumber(Math.max(0, ...r.years.map((y) => y.stationsNeeded)), lang),
    },
    {
      id: "capexTotal",
      value: formatMoney(totalCapex, r.currency, lang, true),
      note: t("transition.scenarios.card.unpriced", {
        n: formatNumber(
          r.years.reduce((a, y) => a + y.capexUnpricedUnits, 0),
          lang,
        ),
      }),
    },
    {
      id: "early",
      value: formatNumber(
        r.earlyRetirements.reduce((a, e) => a + e.units, 0),
        lang,
      ),
    },
  ];
  return (
    <>
      <p className="small">
        {stored.description ? <span lang="en">{stored.description}</span> : null}{" "}
        <span className="muted">
          {stored.savedAt
            ? t("transition.scenarios.meta", {
                from: r.baseYear,
                to: r.horizonYear,
                method: r.methodVersion,
                saved: formatDateTime(new Date(stored.savedAt), port.timeZone, lang),
              })
            : t("transition.scenarios.metaPreview", {
                from: r.baseYear,
                to: r.horizonYear,
                method: r.methodVersion,
              })}
        </span>
      </p>
      <ul className="ops-cards plain ze-scn-cards">
        {cards.map((c) => (
          <li key={c.id} className="ops-card" data-card={c.id}>
            <span className="ops-card-label">
              {t(`transition.scenarios.card.${c.id}`, { from: r.baseYear, to: r.horizonYear })}
            </span>
            <span className="ops-card-value">{c.value}</span>
            {c.note && <span className="ops-card-note muted small">{c.note}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function Money({ stored }: { stored: ShownScenario }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const r = stored.result;
  const fx = r.assumptions.find((a) => a.name === "exchangeRate");
  const prices = r.assumptions.filter((a) => a.name.startsWith("price.") || a.name.startsWith("unitCost."));
  return (
    <div className="ze-scn-money small" data-currency={r.currency}>
      <p>
        {t("transition.scenarios.money.line", {
          currency: r.currency,
          year: r.priceYear ?? t("transition.scenarios.money.noYear"),
        })}{" "}
        {fx
          ? t("transition.scenarios.money.fx", {
              rate: formatNumber(Number(fx.value), lang, { maximumFractionDigits: 2 }),
              unit: fx.unit,
            })
          : t("transition.scenarios.money.noFx", { currency: r.currency })}{" "}
        {t("transition.scenarios.money.noInflation")}
      </p>
      {prices.length > 0 && (
        <ul className="ze-scn-prices">
          {prices.map((a) => (
            <li key={a.name} data-assumption={a.name}>
              <span className="mono">{a.name}</span> ={" "}
              {typeof a.value === "number"
                ? formatNumber(a.value, lang, { maximumFractionDigits: 2 })
                : a.value}{" "}
              {a.unit} <span className="muted">— {a.source}</span>
            </li>
          ))}
        </ul>
      )}
      {r.costsMissing.length > 0 && (
        <p className="muted" data-costs-missing={r.costsMissing.length}>
          {t("transition.scenarios.money.missing", { list: r.costsMissing.join(", ") })}
        </p>
      )}
    </div>
  );
}

function YearTable({ stored }: { stored: ShownScenario }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const r = stored.result;
  const u = (k: string) => t(`transition.units.${k}`);
  const heads = [
    ["units", u("units")],
    ["zeChe", "%"],
    ["zeDrayage", "%"],
    ["wtw", u("tCo2e")],
    ["tailpipe", u("tCo2e")],
    ["h2", u("tPerYear")],
    ["h2Peak", u("kgPerDay")],
    ["mwh", u("mwhPerYear")],
    ["peakKw", u("kW")],
    ["stations", ""],
    ["bought", u("units")],
    ["retired", u("units")],
    ["early", u("units")],
    ["capex", r.currency],
    ["opex", r.currency],
  ] as const;
  return (
    <details className="ze-scn-years">
      <summary>{t("transition.scenarios.yearTable")}</summary>
      <ScrollRegion className="table-wrap" label={t("transition.scenarios.yearTable")}>
        <table className="data-table ze-scn-year-table">
          <caption className="visually-hidden">{t("transition.scenarios.yearTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transition.scenarios.col.year")}</th>
              {heads.map(([k, unit]) => (
                <th key={k} scope="col" className="num">
                  {t(`transition.scenarios.col.${k}`)}
                  {unit && <span className="muted block">{unit}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.years.map((y) => (
              <tr key={y.year} data-year={y.year}>
                <th scope="row">{y.year}</th>
                <td className="num">
                  {formatNumber(
                    y.fleet.reduce((a, f) => a + f.units, 0),
                    lang,
                  )}
                </td>
                <td className="num" data-col="zeChe">
                  {pctText(y.zeShareChePct, lang)}
                </td>
                <td className="num">{pctText(y.zeShareDrayagePct, lang)}</td>
                <td className="num">{decimal(y.emissions.wtwCo2eT, lang)}</td>
                <td className="num">{decimal(y.emissions.tailpipeCo2eT, lang)}</td>
                <td className="num">{decimal(y.h2TPerYear, lang, 1)}</td>
                <td className="num">{decimal(y.h2PeakKgPerDay, lang)}</td>
                <td className="num">{decimal(y.electricityMwhPerYear, lang)}</td>
                <td className="num">{decimal(y.peakKw, lang)}</td>
                <td className="num">{formatNumber(y.stationsNeeded, lang)}</td>
                <td className="num">
                  {formatNumber(
                    y.purchases.reduce((a, p) => a + p.units, 0),
                    lang,
                  )}
                </td>
                <td className="num">{formatNumber(y.retiredAtEndOfLife, lang)}</td>
                <td className="num" data-col="early">
                  {formatNumber(y.retiredEarly, lang)}
                </td>
                <td className="num">{formatMoney(y.capex, r.currency, lang, true)}</td>
                <td className="num">{y.opex === null ? "—" : formatMoney(y.opex, r.currency, lang, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

/** The fleet-mix charts as a table: units at each year's end by powertrain, CHE and drayage. */
function MixTable({ stored }: { stored: ShownScenario }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const groups = (["che", "drayage"] as const).map((g) => {
    const mix = mixByYear(stored.result.years, g);
    return { g, mix, powertrains: mixPowertrains(mix) };
  });
  return (
    <details className="ze-scn-mix-details">
      <summary>{t("transition.scenarios.mixTable")}</summary>
      <ScrollRegion className="table-wrap ze-scn-scroll" label={t("transition.scenarios.mixTable")}>
        <table className="data-table ze-scn-mix-table">
          <caption className="visually-hidden">{t("transition.scenarios.mixTable")}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t("transition.scenarios.col.year")}
              </th>
              {groups.map(({ g, powertrains }) =>
                powertrains.length === 0 ? null : (
                  <th key={g} scope="colgroup" colSpan={powertrains.length} className="num">
                    {t(`transition.scenarios.${g}`)} ({t("transition.units.units")})
                  </th>
                ),
              )}
            </tr>
            <tr>
              {groups.flatMap(({ g, powertrains }) =>
                powertrains.map((p) => (
                  <th key={`${g}|${p}`} scope="col" className="num">
                    {t(`transition.powertrain.${p}`)}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {stored.result.years.map((y, i) => (
              <tr key={y.year} data-year={y.year}>
                <th scope="row">{y.year}</th>
                {groups.flatMap(({ g, mix, powertrains }) =>
                  powertrains.map((p) => (
                    <td key={`${g}|${p}`} className="num" data-group={g} data-powertrain={p}>
                      {formatNumber(mix[i]?.byPowertrain.find((b) => b.powertrain === p)?.units ?? 0, lang)}
                    </td>
                  )),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

function EarlyTable({ stored }: { stored: ShownScenario }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = stored.result.earlyRetirements;
  if (rows.length === 0)
    return <p className="muted small ze-scn-no-early">{t("transition.scenarios.early.none")}</p>;
  const summary = earlyByYear(rows);
  return (
    <>
      <ul className="plain ze-early-summary small">
        {summary.map((y) => (
          <li key={y.year} data-year={y.year} data-units={y.units}>
            <strong>
              {t("transition.scenarios.early.yearLine", { year: y.year, units: formatNumber(y.units, lang) })}
            </strong>{" "}
            {y.byCategory
              .map((c) => `${t(`transition.category.${c.category}`)} ${formatNumber(c.units, lang)}`)
              .join(t("transition.scenarios.early.sep"))}
          </li>
        ))}
      </ul>
      <ScrollRegion className="table-wrap ze-scn-scroll" label={t("transition.scenarios.early.title")}>
        <table className="data-table ze-scn-early-table">
          <caption className="visually-hidden">{t("transition.scenarios.early.title")}</caption>
          <thead>
            <tr>
              {(["year", "category", "powertrain", "modelYear", "units", "lifeLeft", "reason"] as const).map(
                (k) => (
                  <th
                    key={k}
                    scope="col"
                    className={["year", "modelYear", "units", "lifeLeft"].includes(k) ? "num" : undefined}
                  >
                    {t(`transition.scenarios.early.${k}`, { unit: t("transition.units.years") })}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr
                key={`${e.year}|${e.category}|${e.powertrain}|${e.modelYear}|${e.reason}`}
                data-year={e.year}
                data-category={e.category}
                data-model-year={e.modelYear}
              >
                <th scope="row" className="num">
                  {e.year}
                </th>
                <td>{t(`transition.category.${e.category}`)}</td>
                <td>{t(`transition.powertrain.${e.powertrain}`)}</td>
                <td className="num">{e.modelYear}</td>
                <td className="num" data-col="units">
                  {formatNumber(e.units, lang)}
                </td>
                <td className="num" data-col="lifeLeft">
                  {formatNumber(e.remainingLifeYears, lang)}
                </td>
                <td>{t(`transition.scenarios.early.why.${e.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function GapTable({ targets }: { targets: TargetGap[] }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const has = (k: string) => i18n.exists(k);
  if (targets.length === 0) return <p className="muted">{t("transition.scenarios.gap.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table ze-gap-table">
        <caption className="visually-hidden">{t("transition.scenarios.gap.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transition.scenarios.gap.target")}</th>
            <th scope="col" className="num">
              {t("transition.scenarios.gap.value")}
            </th>
            <th scope="col">{t("transition.scenarios.gap.status")}</th>
            <th scope="col">{t("transition.scenarios.gap.toReplace")}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((g) => {
            const id = `${g.kind}-${g.targetYear}-${METRIC_KEYS[g.metric] ?? g.metric}`;
            return (
              <tr key={id} data-target={id} data-met={String(g.met)}>
                <th scope="row">
                  <span className="block">{programText(g.program, t)}</span>
                  <span className="block">{metricText(g, t)}</span>
                  <span className="muted small block">{targetText(g, t, lang)}</span>
                </th>
                <td className="num" data-col="value">
                  {g.kind === "ghg" ? (
                    <>
                      <span className="block">{signed(g.scenarioValue, lang)} %</span>
                      <span className="muted small block">
                        {t("transition.scenarios.gap.tonnes", {
                          scenario: decimal(g.scenarioT, lang),
                          allowed: decimal(g.requiredT, lang),
                        })}
                      </span>
                    </>
                  ) : (
                    pctText(g.scenarioValue, lang)
                  )}
                </td>
                <td>
                  <span
                    className={`ze-met ${g.met === null ? "unknown" : g.met ? "met" : "not-met"}`}
                    data-col="status"
                  >
                    {t(`transition.scenarios.gap.${g.met === null ? "unknown" : g.met ? "met" : "notMet"}`)}
                  </span>
                </td>
                <td>
                  {g.toReplace.length > 0 && (
                    <ul className="plain ze-replace">
                      {g.toReplace.map((r) => (
                        <li key={r.category} data-category={r.category} data-units={r.units}>
                          {t("transition.scenarios.gap.replace", {
                            units: formatNumber(r.units, lang),
                            category: t(`transition.category.${r.category}`),
                            year: r.byYear,
                            early: formatNumber(r.early, lang),
                            natural: formatNumber(r.atEndOfLifeByThen, lang),
                            avoided: decimal(r.avoidedT, lang),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                  {g.notes.map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a target's notes in the server's order.
                    <span key={i} className="muted small block" data-note={n.code}>
                      {noteText(n, t, has)}
                    </span>
                  ))}
                  {g.baseline && (
                    <span className="muted small block">
                      {t("transition.scenarios.gap.baseline", {
                        year: g.baseline.year,
                        t: decimal(g.baseline.tCo2e, lang),
                      })}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ScenarioView({ stored, port }: { stored: ShownScenario; port: PortDetail }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const r = stored.result;
  const years = r.years.map((y) => y.year);
  const u = (k: string) => t(`transition.units.${k}`);
  const s = (id: string, color: string, values: (number | null)[], dash?: string): LineSeries => ({
    id,
    label: t(`transition.scenarios.series.${id}`),
    color,
    values,
    ...(dash ? { dash } : {}),
  });
  const marks: TargetMark[] = ghgMarks(stored.targetsGap.targets).map((m) => ({
    id: `ghg-${m.targetYear}`,
    year: m.targetYear,
    value: m.allowedT,
    met: m.met,
    label: t("transition.scenarios.markLabel", {
      program: PROGRAM_KEYS[m.program]
        ? t(`transition.scenarios.programShort.${PROGRAM_KEYS[m.program]}`)
        : m.program,
      pct: signed(m.targetPct, lang, 0),
      year: m.targetYear,
    }),
    from: {
      year: m.baseline.year,
      value: m.baseline.tCo2e,
      label: t(
        m.baseline.proxy ? "transition.scenarios.baselineProxy" : "transition.scenarios.baselineGiven",
        {
          year: m.baseline.year,
          t: decimal(m.baseline.tCo2e, lang),
        },
      ),
    },
  }));
  const proxy = ghgMarks(stored.targetsGap.targets).find((m) => m.baseline.proxy);
  const small = { width: 470, height: 210 };
  const has = (k: string) => i18n.exists(k);
  return (
    <div className="ze-scn-view" data-scenario={r.name} data-currency={r.currency}>
      <Headline stored={stored} port={port} />

      <h3>{t("transition.scenarios.mixTitle")}</h3>
      <div className="ze-scn-mixes">
        <MixByYearChart mix={mixByYear(r.years, "che")} label={t("transition.scenarios.che")} group="che" />
        <MixByYearChart
          mix={mixByYear(r.years, "drayage")}
          label={t("transition.scenarios.drayage")}
          group="drayage"
        />
      </div>
      <MixTable stored={stored} />

      <h3>{t("transition.scenarios.emissionsTitle")}</h3>
      <p className="muted small">{t("transition.scenarios.emissionsLead")}</p>
      <YearLineChart
        id="emissions"
        years={years}
        title={t("transition.scenarios.emissionsAxis")}
        unit={u("tCo2e")}
        marks={marks}
        series={[
          s(
            "wtw",
            COLOR.wtw,
            r.years.map((y) => y.emissions.wtwCo2eT),
          ),
          s(
            "tailpipe",
            COLOR.tailpipe,
            r.years.map((y) => y.emissions.tailpipeCo2eT),
            "5 3",
          ),
          s(
            "upstream",
            COLOR.upstream,
            r.years.map((y) => y.emissions.upstreamCo2eT),
            "5 3",
          ),
          s(
            "grid",
            COLOR.grid,
            r.years.map((y) => y.emissions.gridCo2eT),
            "5 3",
          ),
        ]}
      />
      {proxy && (
        <p className="muted small" data-baseline="proxy">
          {t("transition.scenarios.proxyNote", { year: proxy.baseline.year })}
        </p>
      )}

      <h3>{t("transition.scenarios.energyTitle")}</h3>
      <div className="ze-scn-grid">
        {(
          [
            ["h2", COLOR.h2, u("tPerYear"), (y) => y.h2TPerYear],
            ["h2Peak", COLOR.h2, u("kgPerDay"), (y) => y.h2PeakKgPerDay],
            ["mwh", COLOR.elec, u("mwhPerYear"), (y) => y.electricityMwhPerYear],
            ["peakKw", COLOR.elec, u("kW"), (y) => y.peakKw],
            ["stations", COLOR.h2, t("transition.scenarios.stationsUnit"), (y) => y.stationsNeeded],
          ] as const satisfies readonly (readonly [string, string, string, (y: ScenarioYear) => number])[]
        ).map(([id, color, unit, value]) => (
          <YearLineChart
            key={id}
            id={id}
            {...small}
            years={years}
            title={t(`transition.scenarios.series.${id}`)}
            unit={unit}
            {...(id === "stations" ? { emptyText: t("transition.scenarios.noHydrogen") } : {})}
            series={[s(id, color, r.years.map(value))]}
          />
        ))}
        <YearLineChart
          id="money"
          {...small}
          years={years}
          title={t("transition.scenarios.series.money")}
          emptyText={t("transition.scenarios.money.nothing")}
          unit={r.priceYear ? `${r.currency}, ${r.priceYear}` : r.currency}
          series={[
            s(
              "capex",
              COLOR.capex,
              r.years.map((y) => y.capex),
            ),
            s(
              "opex",
              COLOR.opex,
              r.years.map((y) => y.opex),
            ),
          ]}
        />
      </div>
      <Money stored={stored} />
      <YearTable stored={stored} />

      <h3>{t("transition.scenarios.early.title")}</h3>
      <p className="muted small">{t("transition.scenarios.early.lead")}</p>
      <EarlyTable stored={stored} />

      <h3 id="ze-gap-title">{t("transition.scenarios.gap.title")}</h3>
      <p className="muted small">{t("transition.scenarios.gap.lead")}</p>
      <GapTable targets={stored.targetsGap.targets} />

      {r.warnings.length > 0 && (
        <details className="ze-scn-notes small">
          <summary>{t("transition.scenarios.notes", { n: r.warnings.length })}</summary>
          <ul>
            {r.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes repeat codes with other values; their order is the server's.
              <li key={i} data-note={w.code}>
                {noteText(w, t, has)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
