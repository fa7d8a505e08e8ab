// Pilot scorecards: one card per zero-emission unit with telemetry — availability, energy per hour
// and per move or mile, hydrogen per 100 miles, fuel cost per hour (currency and price year), CO2
// avoided at the tailpipe, and well-to-wheel CO2e avoided per hydrogen pathway as a small bar group
// (a pathway can avoid less than nothing: grid hydrogen can emit more than the diesel it replaces).
import { useTranslation } from "react-i18next";
import type { FleetSummary, PathwayEmissions, PortDetail, Scorecard, ScorecardsReply } from "../api.ts";
import { formatPercent } from "../calls/text.ts";
import { formatDate, formatNumber } from "../format.ts";
import { type AsyncState, useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { decimal, withUnit } from "../operations/text.ts";
import { SectionStatus } from "./Restricted.tsx";
import { formatMoney } from "./text.ts";

const PATHWAY_COLORS: Record<string, string> = {
  "grid-electrolysis": "#0072B2",
  "solar-electrolysis": "#E69F00",
  "grey-smr": "#8a8f94",
};
const pathwayColor = (p: string) => PATHWAY_COLORS[p] ?? "#CC79A7";

/** Pathway names the catalogs know; any other is shown as the server names it. */
const KNOWN_PATHWAYS = new Set(Object.keys(PATHWAY_COLORS));

export function usePathwayLabel() {
  const { t } = useTranslation();
  return (p: string) => (KNOWN_PATHWAYS.has(p) ? t(`transition.pathway.${p}`) : p);
}

const BW = 340;
const BL = 146;
const BR = 62;
const BROW = 22;

/** Avoided well-to-wheel CO2e per pathway, t, around a zero line. */
function PathwayBars({ card, lang }: { card: Scorecard; lang: Language }) {
  const { t } = useTranslation();
  const label = usePathwayLabel();
  const rows = card.pathways.filter(
    (p): p is PathwayEmissions & { avoidedWtwKgCo2e: number } => p.avoidedWtwKgCo2e !== null,
  );
  if (rows.length === 0) return <p className="muted small">{t("transition.cards.noWtw")}</p>;
  const tonnes = rows.map((p) => p.avoidedWtwKgCo2e / 1000);
  const lo = Math.min(0, ...tonnes);
  const hi = Math.max(0, ...tonnes);
  const span = hi - lo || 1;
  const x = (v: number) => BL + ((v - lo) / span) * (BW - BL - BR);
  const H = rows.length * BROW + 6;
  const unit = t("transition.units.tCo2e");
  return (
    <figure className="ze-pathways">
      <figcaption className="small">{t("transition.cards.wtwTitle", { unit })}</figcaption>
      <svg viewBox={`0 0 ${BW} ${H}`} role="img" aria-label={t("transition.cards.wtwTitle", { unit })}>
        <line x1={x(0)} x2={x(0)} y1={0} y2={H} stroke="#1c2b36" />
        {rows.map((p, i) => {
          const v = p.avoidedWtwKgCo2e / 1000;
          const y = 3 + i * BROW;
          const text = formatNumber(v, lang, {
            maximumFractionDigits: 1,
            minimumFractionDigits: 1,
            signDisplay: "exceptZero",
          });
          return (
            <g key={p.pathway} data-pathway={p.pathway} data-avoided-kg={p.avoidedWtwKgCo2e}>
              <text x={BL - 6} y={y + BROW / 2 + 3} textAnchor="end" className="tick-label">
                {label(p.pathway)}
              </text>
              <rect
                x={Math.min(x(0), x(v))}
                y={y + 3}
                width={Math.max(1, Math.abs(x(v) - x(0)))}
                height={BROW - 8}
                fill={pathwayColor(p.pathway)}
              >
                <title>
                  {`${label(p.pathway)}: ${text} ${unit} — ${t("transition.cards.intensity", {
                    value:
                      p.intensityKgCo2ePerKgH2 === null ? "—" : formatNumber(p.intensityKgCo2ePerKgH2, lang),
                  })}; ${p.intensitySource}`}
                </title>
              </rect>
              <text x={Math.max(x(0), x(v)) + 4} y={y + BROW / 2 + 3} className="value-label">
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function Card({ card, port }: { card: Scorecard; port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const u = (k: string) => t(`transition.units.${k}`);
  const truck = card.miles !== null && card.miles > 0;
  const cost = card.fuelCostPerH;
  const cf = card.dieselCounterfactual;
  const facts: { id: string; value: string; note?: string }[] = [
    {
      id: "availability",
      value: formatPercent(card.availability, lang),
      note: t("transition.cards.downtime", {
        h: decimal(card.downtimeH, lang, 1),
        period: decimal(card.periodH, lang),
      }),
    },
    { id: "operatingH", value: withUnit(card.operatingH, u("h"), lang, 1) },
    { id: "energyPerH", value: withUnit(card.energyKwhPerH, u("kWhPerH"), lang, 1) },
    truck
      ? { id: "energyPerMile", value: withUnit(card.energyKwhPerMile, u("kWhPerMi"), lang, 2) }
      : { id: "energyPerMove", value: withUnit(card.energyKwhPerMove, u("kWhPerMove"), lang, 2) },
    truck
      ? { id: "h2Per100Mi", value: withUnit(card.h2KgPer100Mi, u("kgPer100Mi"), lang, 1) }
      : { id: "h2PerH", value: withUnit(card.h2KgPerH, u("kgPerH"), lang, 2) },
    cost
      ? {
          id: "fuelCost",
          value: `${formatMoney(cost.value, cost.currency, lang)}${u("perH")}`,
          note: t("transition.cards.priceYear", { year: cost.priceYear }),
        }
      : {
          id: "fuelCost",
          value: "—",
          note: t("transition.cards.noPrice", {
            carriers: card.fuelCostMissing
              .map((c) => t(`transition.carrier.${c}`, { defaultValue: c }))
              .join(", "),
          }),
        },
    {
      id: "avoidedTailpipe",
      value: withUnit(
        card.avoidedTailpipeCo2Kg === null ? null : card.avoidedTailpipeCo2Kg / 1000,
        u("tCo2"),
        lang,
        1,
      ),
    },
  ];
  const from = card.fromS === null ? null : new Date(card.fromS * 1000);
  const to = card.toS === null ? null : new Date(card.toS * 1000);
  return (
    <li className="ze-card" data-unit={card.unitId} data-category={card.category}>
      <header>
        <h3>
          <span className="mono">{card.unitId}</span>{" "}
          <span className="muted small">
            {t(`transition.category.${card.category}`)} · {t(`transition.powertrain.${card.powertrain}`)}
          </span>
        </h3>
        {card.programme && <p className="ze-programme">{card.programme}</p>}
        <p className="muted small">
          {card.replaces
            ? t("transition.cards.replaces", { unit: card.replaces })
            : t("transition.cards.noReplaces")}
          {cf && <> · {t(`transition.cards.method.${cf.method}`)}</>}
        </p>
      </header>
      <dl className="ze-facts">
        {facts.map((f) => (
          <div key={f.id} data-fact={f.id}>
            <dt>{t(`transition.cards.${f.id}`)}</dt>
            <dd className="ze-value">{f.value}</dd>
            {f.note && <dd className="muted small ze-note">{f.note}</dd>}
          </div>
        ))}
      </dl>
      <PathwayBars card={card} lang={lang} />
      {cf && (
        <p className="muted small">
          {t(
            cf.dieselL === null
              ? "transition.cards.counterfactualNoLitres"
              : "transition.cards.counterfactual",
            {
              litres: decimal(cf.dieselL, lang),
              tailpipe: decimal(cf.tailpipeCo2Kg / 1000, lang, 1),
              wtw: decimal(cf.wtwCo2eKg / 1000, lang, 1),
            },
          )}
        </p>
      )}
      {from && to && (
        <p className="muted small">
          {t("transition.cards.window", {
            from: formatDate(from, port.timeZone, lang),
            to: formatDate(to, port.timeZone, lang),
            records: formatNumber(card.records, lang),
          })}
        </p>
      )}
      {card.warnings.length > 0 && (
        <ul className="warn small">
          {card.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The pilots' port totals from the public summary (shown to everyone, cards or not). */
function PilotTotals({ pilots }: { pilots: FleetSummary["pilots"] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const label = usePathwayLabel();
  if (pilots.units === 0) return null;
  return (
    <p className="small ze-cards-summary" data-units={pilots.units}>
      {t("transition.cards.summary", {
        units: formatNumber(pilots.units, lang),
        h2: decimal(pilots.h2Kg, lang),
        availability: formatPercent(pilots.availability, lang),
        tailpipe: decimal(pilots.avoidedTailpipeCo2Kg / 1000, lang, 1),
      })}{" "}
      {Object.entries(pilots.avoidedWtwKgCo2eByPathway)
        .map(([p, kg]) => `${label(p)} ${decimal(kg / 1000, lang, 1)} ${t("transition.units.tCo2e")}`)
        .join(" · ")}
    </p>
  );
}

export function ScorecardsPanel({
  state,
  summary,
  port,
}: {
  state: AsyncState<ScorecardsReply>;
  summary: AsyncState<FleetSummary>;
  port: PortDetail;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel ze-scorecards" id="scorecards" aria-labelledby="ze-cards-title">
      <h2 id="ze-cards-title">{t("transition.cards.title")}</h2>
      <p className="muted small">{t("transition.cards.lead")}</p>
      {summary.status === "ready" && <PilotTotals pilots={summary.data.pilots} />}
      <SectionStatus state={state} />
      {state.status === "ready" &&
        (state.data.scorecards.length === 0 ? (
          <p className="muted">{t("transition.cards.none")}</p>
        ) : (
          <ul className="ze-cards plain">
            {state.data.scorecards.map((c) => (
              <Card key={c.unitId} card={c} port={port} />
            ))}
          </ul>
        ))}
    </section>
  );
}
