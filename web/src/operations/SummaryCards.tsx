// The public port-level view: totals over the terminals (no container, company or vessel).
import { useTranslation } from "react-i18next";
import type { OperationsSummary } from "../api.ts";
import { formatPercent } from "../calls/text.ts";
import { formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import { withUnit } from "./text.ts";

/** Mean over terminals weighted by each one's count (means combine exactly; quantiles do not). */
function pooledMean(parts: { count: number; mean: number | null }[]): number | null {
  let n = 0;
  let sum = 0;
  for (const p of parts)
    if (p.mean !== null) {
      n += p.count;
      sum += p.mean * p.count;
    }
  return n > 0 ? sum / n : null;
}

export function SummaryCards({ summary }: { summary: OperationsSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const ts = summary.terminals;
  const total = (f: (x: (typeof ts)[number]) => number) => ts.reduce((s, x) => s + f(x), 0);
  const count = (v: number) => formatNumber(v, lang);
  const turnMean = pooledMean(ts.map((x) => ({ count: x.turn.count, mean: x.turn.meanMin })));
  const dwellMean = pooledMean(ts.map((x) => ({ count: x.dwell.count, mean: x.dwell.meanH })));
  const sr = summary.scheduleReliability;
  const cards: { id: string; value: string; note?: string }[] = [
    { id: "truckVisits", value: count(total((x) => x.truckVisits)) },
    {
      id: "turnMean",
      value: withUnit(turnMean, t("operations.units.min"), lang),
      note: t("operations.summary.turnNote", { n: count(total((x) => x.turn.count)) }),
    },
    { id: "gateMoves", value: count(total((x) => x.gateMoves)) },
    {
      id: "dwellMean",
      value: withUnit(dwellMean === null ? null : dwellMean / 24, t("operations.units.d"), lang, 1),
      note: t("operations.summary.dwellNote", { n: count(total((x) => x.dwell.count)) }),
    },
    { id: "vesselMoves", value: count(total((x) => x.vesselMoves)) },
    { id: "railMoves", value: count(total((x) => x.railMoves)) },
    {
      id: "onTime",
      value: formatPercent(sr.onTimeShare, lang),
      note: t("operations.summary.onTimeNote", { n: count(sr.withEta) }),
    },
    {
      id: "anchorageWait",
      value: withUnit(summary.anchorage.meanWaitH, t("operations.units.h"), lang, 1),
      note: t("operations.summary.anchorageNote", {
        waited: count(summary.anchorage.waited),
        calls: count(summary.anchorage.calls),
      }),
    },
  ];
  return (
    <ul className="ops-cards plain" data-terminals={ts.length}>
      {cards.map((c) => (
        <li key={c.id} className="ops-card" data-card={c.id}>
          <span className="ops-card-label">{t(`operations.summary.${c.id}`)}</span>
          <span className="ops-card-value">{c.value}</span>
          {c.note && <span className="ops-card-note muted small">{c.note}</span>}
        </li>
      ))}
    </ul>
  );
}
