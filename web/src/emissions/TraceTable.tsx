// Trace steps of an emissions computation (a call's segment, a non-ship source's month):
// activity × factor × adjustments = grams, with the factor's source. Shared by the call page and
// the inventory's sources table.
import { useTranslation } from "react-i18next";
import type { CallTraceStep } from "../api.ts";
import { useLanguage } from "../hooks.ts";
import { formatFactor } from "./text.ts";
import { adjustmentWords, stepWords } from "./trace-text.ts";

/** The formula cell's content: "1,234 kWh × 13.2 g/kWh × 0.43 (load factor) = 7,005 g". */
export function TraceFormula({ step }: { step: CallTraceStep }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const words = stepWords(step, t);
  return (
    <>
      <span className="nowrap">
        {formatFactor(step.activity, lang)} {words.activityUnit}
      </span>{" "}
      ×{" "}
      <span className="nowrap">
        {formatFactor(step.factor, lang)} {words.factorUnit}
      </span>
      {step.adjustments.map((a) => {
        const { short, detail } = adjustmentWords(a, t);
        return (
          <span key={a.name} className="nowrap" title={detail ? `${short}: ${detail}` : short}>
            {" "}
            × {formatFactor(a.value, lang)} <span className="muted">({short})</span>
          </span>
        );
      })}{" "}
      ={" "}
      <strong className="nowrap">
        {formatFactor(step.grams, lang)} {t("emissions.units.g")}
      </strong>
    </>
  );
}

/** The source cell's content: the factor's source, then where each adjustment comes from. */
export function TraceSource({ step }: { step: CallTraceStep }) {
  const { t } = useTranslation();
  return (
    <>
      {stepWords(step, t).source}
      {step.adjustments.map((a) => {
        const { short, detail } = adjustmentWords(a, t);
        return detail ? (
          <div key={a.name} className="muted">
            {short}: {detail}
          </div>
        ) : null;
      })}
    </>
  );
}

export function TraceTable({ steps }: { steps: CallTraceStep[] }) {
  const { t } = useTranslation();
  return (
    <table className="trace-table">
      <thead>
        <tr>
          <th scope="col">{t("emissions.call.cols.what")}</th>
          <th scope="col">{t("emissions.call.cols.pollutant")}</th>
          <th scope="col">{t("emissions.call.cols.computation")}</th>
          <th scope="col">{t("emissions.call.cols.source")}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((st, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the steps are a fixed list; two can be identical.
          <tr key={k} className="trace-step" data-pollutant={st.pollutant}>
            <td className="trace-what">{stepWords(st, t).what}</td>
            <td className="nowrap">
              {t(`emissions.pollutants.${st.pollutant}`, { defaultValue: st.pollutant })}
            </td>
            <td className="mono formula">
              <TraceFormula step={st} />
            </td>
            <td className="small source-text">
              <TraceSource step={st} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
