// Side by side (issue 15): this port and the sister port on the same chart and table per metric, for
// a year on a calendar or fiscal basis, masses in metric tonnes or US short tons. Each sister-port
// figure opens its origin (node and fingerprint, agreement, packages with hash, issued and received
// times, attribution); a missing figure says why; the attribution the agreement requires is shown
// under the charts. The year and the toggles live in the address.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { displayMassRate, type MassDisplayUnit, type YearBasis } from "../../../src/exchange/normalise.ts";
import { Status } from "../components/Status.tsx";
import { exchangeApi, type SideBySide, type SideFigure } from "../exchange/api.ts";
import { formatDateTime, formatNumber, localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { Link, replaceSearchParam, useSearchParam } from "../router.tsx";
import type { PageProps } from "../routes.ts";
import "../exchange/exchange.css";

type Metric = SideBySide["metrics"][number];

/** The figure in the reader's unit: masses per something convert, shares become %, the rest stay. */
function shown(metric: Metric, value: number, mass: MassDisplayUnit): number {
  if (metric.unit.startsWith("t ")) return displayMassRate(value, mass);
  if (metric.unit === "fraction") return value * 100;
  return value;
}

function unitLabel(
  metric: Metric,
  mass: MassDisplayUnit,
  t: (k: string, o?: Record<string, string>) => string,
): string {
  if (metric.unit === "fraction") return "%";
  if (metric.unit.startsWith("t "))
    return t(`exchange.compare.massUnits.${metric.id}`, { mass: t(`exchange.compare.mass.${mass}`) });
  return t(`exchange.compare.units.${metric.unit}`);
}

function fmt(metric: Metric, value: number | null, mass: MassDisplayUnit, lang: Language): string {
  if (value === null) return "—";
  const v = shown(metric, value, mass);
  // Below 1 (tonnes per TEU are hundredths) three significant digits, else one or two decimals.
  const digits =
    v !== 0 && Math.abs(v) < 1
      ? { maximumSignificantDigits: 3 }
      : { maximumFractionDigits: Math.abs(v) < 10 ? 2 : 1 };
  return formatNumber(v, lang, digits);
}

export function ExchangeComparePage(_: PageProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const year = Number(useSearchParam("year") ?? new Date().getFullYear());
  const basis: YearBasis = useSearchParam("basis") === "fiscal" ? "fiscal" : "calendar";
  const mass: MassDisplayUnit = useSearchParam("mass") === "short_ton" ? "short_ton" : "t";
  const data = useAsync(() => exchangeApi.sideBySide(year, basis), `sbs-${year}-${basis}`);
  const [origin, setOrigin] = useState<{ metric: string; figure: SideFigure } | null>(null);
  return (
    <div className="exchange-page ex-compare">
      <header className="page-header">
        <div>
          <h1>{t("exchange.compare.title")}</h1>
          <p className="muted">{t("exchange.compare.lead")}</p>
          <p className="small">
            <Link to="/exchange/agreements">{t("exchange.compare.toAgreements")} →</Link>
          </p>
        </div>
      </header>
      <div className="ex-toggles">
        <label>
          <span>{t("exchange.compare.year")}</span>
          <input
            type="number"
            name="year"
            value={year}
            min={2000}
            max={2100}
            onChange={(e) => replaceSearchParam("year", e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{t("exchange.compare.basis")}</legend>
          {(["calendar", "fiscal"] as const).map((b) => (
            <label key={b}>
              <input
                type="radio"
                name="basis"
                value={b}
                checked={basis === b}
                onChange={() => replaceSearchParam("basis", b === "calendar" ? null : b)}
              />{" "}
              {t(`exchange.compare.bases.${b}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("exchange.compare.massUnit")}</legend>
          {(["t", "short_ton"] as const).map((u) => (
            <label key={u}>
              <input
                type="radio"
                name="mass"
                value={u}
                checked={mass === u}
                onChange={() => replaceSearchParam("mass", u === "t" ? null : u)}
              />{" "}
              {t(`exchange.compare.massNames.${u}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <Status state={data} />
      {data.status === "ready" && data.data.own.port === "" ? (
        // A node not yet set up for the exchange (a fresh `npm start`) has no port of its own to compare.
        <p className="notice" data-state="no-node">
          {t("exchange.compare.noNode")} <code>npx sisterports demo exchange</code>{" "}
          {t("exchange.compare.noNodeOr")} <code>npx sisterports exchange node init --port USLAX …</code>
        </p>
      ) : data.status === "ready" ? (
        <CompareView
          d={data.data}
          mass={mass}
          lang={lang}
          onOrigin={(metric, figure) => setOrigin({ metric, figure })}
        />
      ) : null}
      {origin?.figure.origin ? (
        <OriginPanel
          metric={origin.metric}
          figure={origin.figure}
          lang={lang}
          zone={data.status === "ready" ? data.data.own.period.timeZone : "UTC"}
          onClose={() => setOrigin(null)}
        />
      ) : null}
    </div>
  );
}

function CompareView({
  d,
  mass,
  lang,
  onOrigin,
}: {
  d: SideBySide;
  mass: MassDisplayUnit;
  lang: Language;
  onOrigin: (metric: string, figure: SideFigure) => void;
}) {
  const { t } = useTranslation();
  const name = (p: SideBySide["own"] | null) => (p ? (p.name ? localName(p.name, lang) : p.port) : "—");
  const reason = (f: SideFigure) => (f.reason ? t(`exchange.compare.reasons.${f.reason}`) : "");
  return (
    <>
      <p className="ex-periods small">
        <span data-side="own">
          {name(d.own)}: {localName(d.own.period.label, lang)}
        </span>
        {d.peer ? (
          <span data-side="peer">
            {" · "}
            {name(d.peer)}: {localName(d.peer.period.label, lang)}
          </span>
        ) : null}
        {d.audience === "public" ? (
          <span className="muted"> · {t("exchange.compare.publicView")}</span>
        ) : null}
      </p>
      <div className="ex-charts">
        {d.metrics.map((m) => (
          <PairChart key={m.id} d={d} m={m} mass={mass} lang={lang} />
        ))}
      </div>
      {d.attributions.length > 0 ? (
        <p className="ex-attribution small">
          {d.attributions.map((a) => (
            <span key={a.agreementId} data-agreement={a.agreementId}>
              {localName(a.text, lang)}
            </span>
          ))}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data-table ex-compare-table">
          <thead>
            <tr>
              <th>{t("exchange.compare.metric")}</th>
              <th>{t("exchange.compare.unit")}</th>
              <th className="num">{name(d.own)}</th>
              <th className="num">{name(d.peer)}</th>
            </tr>
          </thead>
          <tbody>
            {d.metrics.map((m) => (
              <tr key={m.id} data-metric={m.id}>
                <th>{t(`exchange.compare.metrics.${m.id}`)}</th>
                <td>{unitLabel(m, mass, t)}</td>
                <td className="num" data-side="own" data-reason={m.own.reason ?? undefined}>
                  {m.own.value !== null ? (
                    fmt(m, m.own.value, mass, lang)
                  ) : (
                    <span className="muted small">{reason(m.own)}</span>
                  )}
                </td>
                <td className="num" data-side="peer" data-reason={m.peer.reason ?? undefined}>
                  {m.peer.value !== null ? (
                    <button
                      type="button"
                      className="link-button ex-origin-open"
                      onClick={() => onOrigin(m.id, m.peer)}
                    >
                      {fmt(m, m.peer.value, mass, lang)}
                    </button>
                  ) : (
                    <span className="muted small">
                      {reason(m.peer)}
                      {m.peer.origin ? (
                        <>
                          {" "}
                          <button
                            type="button"
                            className="link-button ex-origin-open"
                            onClick={() => onOrigin(m.id, m.peer)}
                          >
                            {t("exchange.compare.origin")}
                          </button>
                        </>
                      ) : null}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.moneyNote ? <p className="small muted ex-money">{localName(d.moneyNote, lang)}</p> : null}
    </>
  );
}

/** Two horizontal bars on one scale: this port and the sister port for one metric. */
function PairChart({
  d,
  m,
  mass,
  lang,
}: {
  d: SideBySide;
  m: Metric;
  mass: MassDisplayUnit;
  lang: Language;
}) {
  const { t } = useTranslation();
  const sides = [
    { side: "own", party: d.own, f: m.own },
    { side: "peer", party: d.peer, f: m.peer },
  ] as const;
  const values = sides.map((s) => (s.f.value !== null ? shown(m, s.f.value, mass) : null));
  const max = Math.max(...values.map((v) => v ?? 0), 1e-12);
  const W = 320;
  return (
    <figure className="ex-pair" data-metric={m.id}>
      <figcaption className="chart-title">
        {t(`exchange.compare.metrics.${m.id}`)} <span className="muted small">({unitLabel(m, mass, t)})</span>
      </figcaption>
      <svg viewBox={`0 0 ${W + 150} 56`} role="img" aria-label={t(`exchange.compare.metrics.${m.id}`)}>
        {sides.map((s, i) => {
          const v = values[i] ?? null;
          const y = 4 + i * 26;
          return (
            <g key={s.side} data-side={s.side} data-value={v ?? ""}>
              <text x={0} y={y + 15} className="ex-pair-label">
                {s.party?.port ?? "—"}
              </text>
              {v !== null ? (
                <>
                  <rect
                    x={60}
                    y={y}
                    width={Math.max(1, (v / max) * (W - 60))}
                    height={20}
                    className={`ex-bar-${s.side}`}
                  />
                  <text x={64 + (v / max) * (W - 60)} y={y + 15} className="ex-pair-value">
                    {fmt(m, s.f.value, mass, lang)}
                  </text>
                </>
              ) : (
                <text x={60} y={y + 15} className="ex-pair-none">
                  {s.f.reason ? t(`exchange.compare.reasons.${s.f.reason}`) : "—"}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function OriginPanel({
  metric,
  figure,
  lang,
  zone,
  onClose,
}: {
  metric: string;
  figure: SideFigure;
  lang: Language;
  zone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const o = figure.origin;
  if (!o) return null;
  const when = (iso: string) => formatDateTime(new Date(iso), zone, lang);
  return (
    <aside className="panel ex-origin" aria-label={t("exchange.compare.origin")} data-metric={metric}>
      <header className="card-header">
        <h2>{t("exchange.compare.originOf", { metric: t(`exchange.compare.metrics.${metric}`) })}</h2>
        <button type="button" onClick={onClose}>
          {t("exchange.compare.close")}
        </button>
      </header>
      <dl className="facts">
        <dt>{t("exchange.compare.node")}</dt>
        <dd data-origin="node">
          {o.node.name ? localName(o.node.name, lang) : o.node.port} ({o.node.port})
        </dd>
        <dt>{t("exchange.compare.fingerprint")}</dt>
        <dd data-origin="fingerprint">
          <code>{o.node.fingerprint ?? "—"}</code>
        </dd>
        <dt>{t("exchange.compare.agreement")}</dt>
        <dd data-origin="agreement">
          <Link to={`/exchange/agreements/${o.agreementId}`}>
            <code>{o.agreementId}</code>
          </Link>
        </dd>
        <dt>{t("exchange.compare.attribution")}</dt>
        <dd data-origin="attribution">{localName(o.attribution, lang)}</dd>
      </dl>
      <div className="table-wrap">
        <table className="data-table ex-origin-packages">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t("exchange.packages.dataset")}</th>
              <th>{t("exchange.packages.issued")}</th>
              <th>{t("exchange.compare.received")}</th>
              <th>{t("exchange.packages.hash")}</th>
            </tr>
          </thead>
          <tbody>
            {o.packages.map((p) => (
              <tr key={p.seq} data-seq={p.seq}>
                <td className="num">{p.seq}</td>
                <td>{p.dataset}</td>
                <td className="nowrap small">{when(p.issuedAt)}</td>
                <td className="nowrap small">{when(p.receivedAt)}</td>
                <td>
                  <code className="ex-hash">{p.hash}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </aside>
  );
}
