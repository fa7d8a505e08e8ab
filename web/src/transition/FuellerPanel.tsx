// The mobile hydrogen fueller for equipment that cannot drive to a station (top handlers, RTGs):
// a form with the model's inputs (the example of docs/hydrogen-supply.md to start; the port's own
// off-road pilots' measured kg/h one click away) and the week's answer: trips per day, kg per
// trip, utilisation, missed fills.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FuellerParams, type PortDetail, type Scorecard, transitionApi } from "../api.ts";
import { formatPercent } from "../calls/text.ts";
import { Status } from "../components/Status.tsx";
import { formatNumber } from "../format.ts";
import { type AsyncState, useAsync, useLanguage } from "../hooks.ts";
import { decimal, withUnit } from "../operations/text.ts";

const FIELDS = [
  { key: "units", unit: "units", step: "1" },
  { key: "kgPerUnitHour", unit: "kgPerH", step: "any" },
  { key: "fillKg", unit: "kg", step: "any" },
  { key: "capacityKg", unit: "kg", step: "any" },
  { key: "oneWayH", unit: "h", step: "any" },
  { key: "refillH", unit: "h", step: "any" },
  { key: "fillH", unit: "h", step: "any" },
  { key: "days", unit: "days", step: "1" },
] as const;
type Field = (typeof FIELDS)[number]["key"];

/**
 * The example run of docs/hydrogen-supply.md ("Mobile fueller": 3 units at 1.2 kg/h, 8 kg fills, a
 * 60 kg fueller, 0.5 h each way, 0.75 h refill, 15-minute fills, a week, shifts 6–14 and 14–22).
 */
const EXAMPLE: Record<Field, string> = {
  units: "3",
  kgPerUnitHour: "1.2",
  fillKg: "8",
  capacityKg: "60",
  oneWayH: "0.5",
  refillH: "0.75",
  fillH: "0.25",
  days: "7",
};

/** Off-road pilots (top handlers, RTGs) with measured hydrogen use: how many and their mean kg/h. */
export function offRoadPilots(cards: readonly Scorecard[]): { units: number; kgPerH: number } | null {
  const off = cards.filter(
    (c) => (c.category === "top_handler" || c.category === "rtg") && c.h2KgPerH !== null && c.h2KgPerH > 0,
  );
  if (off.length === 0) return null;
  // Hours-weighted: total kg over total operating hours.
  const kg = off.reduce((s, c) => s + c.h2Kg, 0);
  const h = off.reduce((s, c) => s + c.operatingH, 0);
  return { units: off.length, kgPerH: h > 0 ? kg / h : 0 };
}

export function FuellerPanel({
  port,
  cards,
}: {
  port: PortDetail;
  cards: AsyncState<{ scorecards: Scorecard[] }>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [values, setValues] = useState<Record<Field, string>>(EXAMPLE);
  const [asked, setAsked] = useState<Record<Field, string>>(EXAMPLE);
  const params: FuellerParams = Object.fromEntries(FIELDS.map((f) => [f.key, asked[f.key]]));
  const state = useAsync(
    () => transitionApi.fueller(port.locode, params),
    `${port.locode}|${JSON.stringify(asked)}`,
  );
  const pilots = cards.status === "ready" ? offRoadPilots(cards.data.scorecards) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(values);
  };
  const takePilots = () => {
    if (!pilots) return;
    const next = { ...values, units: String(pilots.units), kgPerUnitHour: pilots.kgPerH.toFixed(2) };
    setValues(next);
    setAsked(next);
  };
  const u = (k: string) => t(`transition.units.${k}`);
  return (
    <section className="panel ze-fueller" id="fueller" aria-labelledby="ze-fueller-title">
      <h2 id="ze-fueller-title">{t("transition.fueller.title")}</h2>
      <p className="muted small">{t("transition.fueller.lead")}</p>
      <form
        className="list-toolbar ze-fueller-form"
        onSubmit={submit}
        aria-label={t("transition.fueller.formLabel")}
      >
        {FIELDS.map((f) => (
          <label key={f.key}>
            {t(`transition.fueller.field.${f.key}`, { unit: u(f.unit) })}{" "}
            <input
              type="number"
              name={f.key}
              inputMode="decimal"
              min="0"
              step={f.step}
              value={values[f.key]}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
            />
          </label>
        ))}
        <button type="submit" className="button">
          {t("transition.fueller.run")}
        </button>
        {pilots && (
          <button type="button" className="link-button" onClick={takePilots} data-pilots={pilots.units}>
            {t("transition.fueller.usePilots", {
              units: formatNumber(pilots.units, lang),
              kg: decimal(pilots.kgPerH, lang, 2),
            })}
          </button>
        )}
      </form>
      <p className="muted small">{t("transition.fueller.shifts")}</p>
      <Status state={state} />
      {state.status === "ready" && (
        <ul className="ops-cards plain ze-fueller-result">
          {[
            {
              id: "tripsPerDay",
              value: decimal(state.data.tripsPerDay, lang, 1),
              note: t("transition.fueller.tripsNote", {
                trips: formatNumber(state.data.trips, lang),
                days: formatNumber(state.data.days, lang),
              }),
            },
            { id: "kgPerTrip", value: withUnit(state.data.kgPerTrip, u("kg"), lang, 1) },
            {
              id: "utilisation",
              value: formatPercent(state.data.utilisation, lang),
              note: t("transition.fueller.busyNote", {
                busy: decimal(state.data.busyH, lang, 1),
                shift: decimal(state.data.shiftH, lang),
              }),
            },
            {
              id: "missedFills",
              value: formatNumber(state.data.missedFills, lang),
              note: t("transition.fueller.missedNote", {
                served: formatNumber(state.data.servedFills, lang),
                requests: formatNumber(state.data.requests, lang),
              }),
            },
            {
              id: "delivered",
              value: withUnit(state.data.deliveredKg, u("kg"), lang, 1),
              note: t("transition.fueller.demandNote", { kg: decimal(state.data.demandKg, lang, 1) }),
            },
            {
              id: "meanWait",
              value: withUnit(state.data.meanWaitH * 60, u("min"), lang, 1),
              note: t("transition.fueller.maxWaitNote", {
                min: decimal(state.data.maxServedWaitH * 60, lang),
              }),
            },
          ].map((c) => (
            <li key={c.id} className="ops-card" data-card={c.id}>
              <span className="ops-card-label">{t(`transition.fueller.${c.id}`)}</span>
              <span className="ops-card-value">{c.value}</span>
              {c.note && <span className="ops-card-note muted small">{c.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
