// Progress against the port's targets (CAAP / CNP): baselines, the straight path, the gap, tonnes still to cut.
import { useTranslation } from "react-i18next";
import type { EmissionProgress, InventoryReport, ShareProgress, TargetProgress } from "../api.ts";
import { useLanguage } from "../hooks.ts";
import type { UnitChoice } from "./InventoryPanels.tsx";
import { AHEAD_COLOR, BEHIND_COLOR, ProgressChart } from "./ProgressChart.tsx";
import { formatMass, formatPlain, formatSignedPct, isFiscalLabel, labelWord, yearWord } from "./text.ts";

/** The CLI line that enters a missing baseline (the portal does not write baselines). */
export function baselineCommand(port: string, pollutant: string, year: number): string {
  return `npx sisterports emissions baseline set --port ${port} --pollutant ${pollutant} --year ${year} --tonnes … --source "…"`;
}

export function ProgressPanel({
  progress,
  report,
  unit,
}: {
  progress: EmissionProgress;
  report: InventoryReport | null;
  unit: UnitChoice;
}) {
  const { t } = useTranslation();
  // Nagoya counts fiscal years (FY2013 baseline); Los Angeles calendar years.
  const fiscal = isFiscalLabel(progress.inventories[0]?.label ?? report?.label);
  return (
    <section className="panel emissions-progress" aria-labelledby="emissions-progress">
      <h2 id="emissions-progress">{t("emissions.progress.title")}</h2>
      <p className="muted small">
        {t("emissions.progress.lead")}{" "}
        <span title={progress.ghgBasisSource}>
          {t("emissions.progress.ghgBasis", {
            basis: t(`emissions.pollutants.${progress.ghgBasis}`),
            scope: t("emissions.progress.ghgScopeText"),
          })}
        </span>
      </p>
      <div className="target-grid">
        {progress.targets.map((tp) => (
          <TargetCard
            key={`${tp.target.program}-${tp.target.programPollutant}-${tp.target.targetYear}`}
            port={progress.port}
            tp={tp}
            fiscal={fiscal}
            report={report}
            unit={unit}
          />
        ))}
      </div>
      {progress.shares.length > 0 && <SharesTable shares={progress.shares} labels={progress.inventories} />}
    </section>
  );
}

function TargetCard({
  port,
  tp,
  fiscal,
  report,
  unit,
}: {
  port: string;
  tp: TargetProgress;
  fiscal: boolean;
  report: InventoryReport | null;
  unit: UnitChoice;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { target, baseline } = tp;
  const pollutant = t(`emissions.pollutants.${target.pollutant}`);
  const heading =
    target.targetReductionPct >= 100
      ? t("emissions.progress.netZero", {
          program: target.program,
          pollutant: target.programPollutant,
          targetYear: yearWord(target.targetYear, fiscal, lang),
          baselineYear: yearWord(target.baselineYear, fiscal, lang),
        })
      : t("emissions.progress.targetHeading", {
          program: target.program,
          pollutant: target.programPollutant,
          pct: formatPlain(target.targetReductionPct, lang),
          targetYear: yearWord(target.targetYear, fiscal, lang),
          baselineYear: yearWord(target.baselineYear, fiscal, lang),
        });
  const mass = (tonnes: number) => `${formatMass(tonnes * unit.k, lang)} ${unit.label}`;
  // Without a baseline, the inventory's own figure still helps (GHG counts tailpipe + grid, as the server does).
  const isGhg = target.pollutant === "co2e" || target.pollutant === "co2";
  const now = report
    ? report.scopes.tailpipe.total[target.pollutant] +
      (isGhg ? report.scopes.grid.total[target.pollutant] : 0)
    : null;
  const latest = tp.years.at(-1);
  return (
    <article
      className="target-card"
      data-pollutant={target.pollutant}
      data-target-year={target.targetYear}
      data-has-baseline={baseline !== null}
    >
      <h3>{heading}</h3>
      {baseline ? (
        <>
          <dl className="facts target-facts">
            <dt>{t("emissions.progress.baseline", { year: yearWord(baseline.year, fiscal, lang) })}</dt>
            <dd>
              {mass(baseline.tonnes)} {pollutant}
              <div className="muted small">
                {t("emissions.progress.baselineSource", { source: baseline.source })}
              </div>
            </dd>
            {tp.targetTonnes !== null && (
              <>
                <dt>
                  {t("emissions.progress.targetTonnes", { year: yearWord(target.targetYear, fiscal, lang) })}
                </dt>
                <dd>{mass(tp.targetTonnes)}</dd>
              </>
            )}
            {tp.remainingTonnes !== null && latest && (
              <>
                <dt>{t("emissions.progress.remaining")}</dt>
                <dd className="remaining">
                  {mass(tp.remainingTonnes)}{" "}
                  <span className="muted small">
                    ({labelWord(latest.label, lang)}
                    {tp.remainingTonnes <= 0 ? ` · ${t("emissions.progress.reached")}` : ""})
                  </span>
                </dd>
              </>
            )}
          </dl>
          <ProgressChart progress={tp} fiscal={fiscal} />
          {tp.years.length === 0 ? (
            <p className="muted small">{t("emissions.progress.noYears")}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table progress-table">
                <thead>
                  <tr>
                    <th scope="col">{t("emissions.progress.columns.year")}</th>
                    <th scope="col" className="num">
                      {t("emissions.progress.columns.tonnes", { pollutant, unit: unit.label })}
                    </th>
                    <th scope="col" className="num">
                      {t("emissions.progress.columns.change")}
                    </th>
                    <th scope="col" className="num">
                      {t("emissions.progress.columns.path")}
                    </th>
                    <th scope="col" className="num">
                      {t("emissions.progress.columns.gap")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tp.years.map((y) => {
                    const pp = formatPlain(Math.abs(y.gapPctPoints), lang);
                    const ahead = y.gapPctPoints < -0.05;
                    const behind = y.gapPctPoints > 0.05;
                    return (
                      <tr key={y.year} data-year={y.year}>
                        <th scope="row">{labelWord(y.label, lang)}</th>
                        <td className="num nowrap">{formatMass(y.tonnes * unit.k, lang)}</td>
                        <td className="num nowrap">{formatSignedPct(y.changePct, lang)}</td>
                        <td className="num nowrap">{formatSignedPct(y.pathPct, lang)}</td>
                        <td
                          className="num nowrap gap-cell"
                          style={{ color: ahead ? AHEAD_COLOR : behind ? BEHIND_COLOR : undefined }}
                          data-gap={y.gapPctPoints.toFixed(2)}
                        >
                          {ahead
                            ? t("emissions.progress.ahead", { pp })
                            : behind
                              ? t("emissions.progress.behind", { pp })
                              : t("emissions.progress.onPath")}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <div className="no-baseline">
          <p>
            {t("emissions.progress.noBaseline", {
              year: yearWord(target.baselineYear, fiscal, lang),
              pollutant: target.programPollutant,
            })}
          </p>
          <pre className="cli">
            <code>{baselineCommand(port, target.pollutant, target.baselineYear)}</code>
          </pre>
          {now !== null && report && (
            <p className="small">
              {t("emissions.progress.inventoryNow", {
                label: labelWord(report.label, lang),
                value: formatMass(now * unit.k, lang),
                unit: unit.label,
                pollutant,
              })}
            </p>
          )}
        </div>
      )}
      <p className="muted small source-line">
        {t("emissions.progress.targetSource", { source: target.source })}
      </p>
    </article>
  );
}

/** The catalog key of a share target's metric (targets_caap_cnp.csv words), null for one we do not know. */
export function shareMetricKey(metric: string): "che" | "drayage" | null {
  if (/cargo-handling/i.test(metric)) return "che";
  if (/drayage/i.test(metric)) return "drayage";
  return null;
}

function SharesTable({
  shares,
  labels,
}: {
  shares: ShareProgress[];
  labels: { year: number; label: string }[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labelOf = (year: number) =>
    labelWord(labels.find((l) => l.year === year)?.label ?? String(year), lang);
  return (
    <div className="shares">
      <h3>{t("emissions.progress.shares.title")}</h3>
      <table className="data-table shares-table">
        <thead>
          <tr>
            <th scope="col">{t("emissions.progress.shares.metric")}</th>
            <th scope="col">{t("emissions.progress.shares.target")}</th>
            <th scope="col">{t("emissions.progress.shares.years")}</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.target.metric} data-metric={s.target.metric}>
              <th scope="row">
                {shareMetricKey(s.target.metric)
                  ? t(`emissions.progress.shares.metrics.${shareMetricKey(s.target.metric)}`)
                  : s.target.metric}
                <div className="muted small">{s.target.program}</div>
              </th>
              <td className="nowrap" title={s.target.source}>
                {t("emissions.progress.shares.targetValue", {
                  pct: formatPlain(s.target.targetPct, lang),
                  year: yearWord(s.target.targetYear, false, lang),
                })}
              </td>
              <td>
                {s.years.length === 0 ? (
                  <span className="muted">{t("emissions.progress.shares.none")}</span>
                ) : (
                  <ul className="plain share-years">
                    {s.years.map((y) => (
                      <li key={y.year} className="share-cell-inline">
                        <strong>{labelOf(y.year)}</strong>{" "}
                        <span className="share-bar" aria-hidden="true">
                          <span style={{ width: `${Math.min(100, Math.max(0, y.sharePct))}%` }} />
                        </span>{" "}
                        {formatPlain(y.sharePct, lang)} % <span className="muted small">({y.basis})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
