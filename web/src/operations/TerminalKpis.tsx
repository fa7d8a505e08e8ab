// Terminal KPIs side by side: one column per terminal, one row per KPI with its unit; the turn-time
// and gate-hour charts; the series per day or hour; the calls with their moves per berth hour.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OperationsKpis, PortDetail, TerminalKpis } from "../api.ts";
import { formatPercent } from "../calls/text.ts";
import { formatNumber, formatShortDateTime } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import { Link } from "../router.tsx";
import { GateHourChart, TurnTimeChart } from "./charts.tsx";
import { callsByTerminal, decimal, gateHourProfile, withUnit } from "./text.ts";

interface Props {
  port: PortDetail;
  kpis: OperationsKpis;
  /** The same period by hour (for the hour-of-day profile); null while it loads. */
  hourly: OperationsKpis | null;
  days: number;
  names: (terminal: string) => string;
}

type CallFigures = ReturnType<typeof callsByTerminal> extends Map<string, infer V> ? V : never;

interface Row {
  id: string;
  group?: string;
  cell: (k: TerminalKpis | undefined, c: CallFigures | undefined) => ReactNode;
}

export function TerminalKpiPanels({ port, kpis, hourly, days, names }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const perCall = callsByTerminal(kpis.calls);
  // Terminals with operations data, then those with calls only.
  const ids = [...new Set([...kpis.terminals.map((k) => k.terminal), ...perCall.keys()])];
  const byId = new Map(kpis.terminals.map((k) => [k.terminal, k]));
  const min = t("operations.units.min");
  const h = t("operations.units.h");
  const n = (v: number | undefined) => (v === undefined ? "—" : formatNumber(v, lang));
  const minutes = (v: number | null | undefined) => withUnit(v, min, lang);
  const hours = (v: number | null | undefined) => withUnit(v, h, lang, 1);
  const countShare = (count: number | undefined, share: number | null | undefined) =>
    count === undefined ? "—" : `${formatNumber(count, lang)} (${formatPercent(share ?? null, lang)})`;

  const rows: Row[] = [
    { id: "dwellCount", group: "dwell", cell: (k) => n(k?.dwell.all.count) },
    { id: "dwellMean", cell: (k) => hours(k?.dwell.all.meanH) },
    { id: "dwellMedian", cell: (k) => hours(k?.dwell.all.medianH) },
    { id: "dwellP90", cell: (k) => hours(k?.dwell.all.p90H) },
    { id: "dwellOver5", cell: (k) => countShare(k?.dwell.all.over5d, k?.dwell.all.over5dShare) },
    { id: "dwellOver9", cell: (k) => countShare(k?.dwell.all.over9d, k?.dwell.all.over9dShare) },
    { id: "dwellTruckRail", cell: (k) => `${hours(k?.dwell.truck.meanH)} / ${hours(k?.dwell.rail.meanH)}` },
    { id: "yardOver5", cell: (k) => n(k?.boxesInYard.over5d) },
    { id: "yardOver9", cell: (k) => n(k?.boxesInYard.over9d) },
    { id: "turnVisits", group: "turn", cell: (k) => n(k?.turn.visits) },
    { id: "turnP50", cell: (k) => minutes(k?.turn.turn.p50Min) },
    { id: "turnP90", cell: (k) => minutes(k?.turn.turn.p90Min) },
    { id: "turnP95", cell: (k) => minutes(k?.turn.turn.p95Min) },
    { id: "turnMean", cell: (k) => withUnit(k?.turn.turn.meanMin, min, lang, 1) },
    { id: "queueMean", cell: (k) => withUnit(k?.turn.queue.meanMin, min, lang, 1) },
    { id: "inTerminalMean", cell: (k) => withUnit(k?.turn.inTerminal.meanMin, min, lang, 1) },
    { id: "gateVisits", group: "gate", cell: (k) => n(k?.gate.truckVisits) },
    { id: "gateMovesIn", cell: (k) => n(k?.gate.movesIn) },
    { id: "gateMovesOut", cell: (k) => n(k?.gate.movesOut) },
    {
      id: "troubleRate",
      cell: (k) =>
        k && k.troubleTickets.known > 0
          ? t("operations.kpi.troubleValue", {
              rate: formatPercent(k.troubleTickets.rate, lang),
              tickets: formatNumber(k.troubleTickets.tickets, lang),
              known: formatNumber(k.troubleTickets.known, lang),
            })
          : "—",
    },
    { id: "calls", group: "berth", cell: (_, c) => n(c?.calls) },
    {
      id: "movesPerBerthHour",
      cell: (_, c) => withUnit(c?.movesPerBerthHour, t("operations.units.movesPerH"), lang, 1),
    },
    {
      id: "vesselMoves",
      cell: (k) => (k ? `${n(k.vesselMoves.discharges)} / ${n(k.vesselMoves.loads)}` : "—"),
    },
    {
      id: "onTime",
      cell: (_, c) =>
        c && c.schedule.withEta > 0
          ? t("operations.kpi.onTimeValue", {
              share: formatPercent(c.schedule.onTimeShare, lang),
              onTime: formatNumber(c.schedule.onTime, lang),
              withEta: formatNumber(c.schedule.withEta, lang),
            })
          : "—",
    },
    { id: "etaDeviation", cell: (_, c) => hours(c?.schedule.meanAbsDeviationH) },
    { id: "anchorageMean", cell: (_, c) => hours(c?.anchorage.meanWaitH) },
    { id: "anchorageP90", cell: (_, c) => hours(c?.anchorage.p90WaitH) },
    {
      id: "railMoves",
      group: "rail",
      cell: (k) => (k ? `${n(k.railMoves.loads)} / ${n(k.railMoves.discharges)}` : "—"),
    },
  ];

  const hourProfile = hourly ? gateHourProfile(hourly, days) : null;
  const terminals = ids.flatMap((id) => byId.get(id) ?? []);

  return (
    <>
      <TablePanel
        id="ops-kpis"
        title={t("operations.kpi.title")}
        caption={t("operations.kpi.caption")}
        empty={ids.length === 0 ? t("operations.kpi.none") : null}
        tableClass="kpi-table"
        note={t("operations.kpi.notes")}
      >
        <thead>
          <tr>
            <th scope="col">{t("operations.kpi.kpi")}</th>
            {ids.map((id) => (
              <th key={id} scope="col" className="num kpi-cell" data-terminal={id}>
                {names(id)}
              </th>
            ))}
          </tr>
        </thead>
        {groupRows(rows).map(([group, list]) => (
          <tbody key={group}>
            <tr className="group-row">
              <th scope="colgroup" colSpan={ids.length + 1} className="group-head">
                {t(`operations.kpi.groups.${group}`)}
              </th>
            </tr>
            {list.map((r) => (
              <tr key={r.id} data-kpi={r.id}>
                <th scope="row" className="row-label">
                  {t(`operations.kpi.rows.${r.id}`)}
                </th>
                {ids.map((id) => (
                  <td key={id} className="num nowrap kpi-cell" data-terminal={id}>
                    {r.cell(byId.get(id), perCall.get(id))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </TablePanel>

      <div className="ops-charts">
        <section className="panel" aria-labelledby="ops-turn-title">
          <h2 id="ops-turn-title">{t("operations.turn.title")}</h2>
          <p className="muted small">{t("operations.turn.lead")}</p>
          <TurnTimeChart terminals={terminals} names={names} />
        </section>
        <section className="panel" aria-labelledby="ops-gate-title">
          <h2 id="ops-gate-title">{t("operations.gate.title")}</h2>
          {hourProfile ? (
            <GateHourChart profile={hourProfile} names={names} days={days} />
          ) : (
            <p className="loading">{t("common.loading")}</p>
          )}
        </section>
      </div>

      <SeriesTable kpis={kpis} names={names} />
      <CallsTable port={port} kpis={kpis} names={names} />
    </>
  );
}

function groupRows(rows: Row[]): [string, Row[]][] {
  const out: [string, Row[]][] = [];
  for (const r of rows) {
    if (r.group || out.length === 0) out.push([r.group ?? "", [r]]);
    else out[out.length - 1]?.[1].push(r);
  }
  return out;
}

/** Every terminal's figures per local day or hour (only periods with activity). */
function SeriesTable({ kpis, names }: { kpis: OperationsKpis; names: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const min = t("operations.units.min");
  const rows = kpis.terminals
    .flatMap((k) => k.series.map((p) => ({ terminal: k.terminal, p })))
    .sort((a, b) => a.p.period.localeCompare(b.p.period) || a.terminal.localeCompare(b.terminal));
  const when = (period: string) =>
    period.length > 10 ? `${period.slice(0, 10)} ${period.slice(11)}:00` : period;
  return (
    <TablePanel
      id="ops-series"
      title={t(`operations.series.title.${kpis.by}`)}
      empty={rows.length === 0 ? t("operations.kpi.none") : null}
      scroll
      tableClass="series-table"
      data={{ "data-by": kpis.by }}
    >
      <ColumnHeads
        heads={[
          { label: t(`operations.series.period.${kpis.by}`) },
          { label: t("operations.series.terminal") },
          { label: t("operations.series.visits"), num: true },
          { label: t("operations.series.gateMoves"), num: true },
          { label: t("operations.series.turnMean", { unit: min }), num: true },
          { label: t("operations.series.queueMean", { unit: min }), num: true },
          { label: t("operations.series.dwellMean", { unit: t("operations.units.h") }), num: true },
          { label: t("operations.series.vesselMoves"), num: true },
          { label: t("operations.series.railMoves"), num: true },
        ]}
      />
      <tbody>
        {rows.map(({ terminal, p }) => (
          <tr key={`${p.period}|${terminal}`} data-period={p.period} data-terminal={terminal}>
            <th scope="row" className="nowrap mono">
              {when(p.period)}
            </th>
            <td>{names(terminal)}</td>
            <td className="num">{formatNumber(p.truckVisits, lang)}</td>
            <td className="num">{formatNumber(p.gateMovesIn + p.gateMovesOut, lang)}</td>
            <td className="num">{decimal(p.turnMeanMin, lang, 1)}</td>
            <td className="num">{decimal(p.queueMeanMin, lang, 1)}</td>
            <td className="num">{decimal(p.dwellMeanH, lang, 1)}</td>
            <td className="num">{formatNumber(p.vesselMoves, lang)}</td>
            <td className="num">{formatNumber(p.railMoves, lang)}</td>
          </tr>
        ))}
      </tbody>
    </TablePanel>
  );
}

/** The calls that arrived at berth in the period: moves per berth hour, arrival against ETA, anchorage wait. */
function CallsTable({
  port,
  kpis,
  names,
}: {
  port: PortDetail;
  kpis: OperationsKpis;
  names: (id: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const h = t("operations.units.h");
  const signed = (v: number | null) =>
    v === null
      ? "—"
      : formatNumber(v, lang, {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
          signDisplay: "exceptZero",
        });
  return (
    <TablePanel
      id="ops-calls"
      title={t("operations.calls.title")}
      empty={kpis.calls.length === 0 ? t("operations.calls.none") : null}
      scroll
      tableClass="ops-calls-table"
    >
      <ColumnHeads
        heads={[
          { label: t("operations.calls.vessel") },
          { label: t("operations.calls.terminal") },
          { label: t("operations.calls.arrival") },
          { label: t("operations.calls.berthH", { unit: h }), num: true },
          { label: t("operations.calls.moves"), num: true },
          { label: t("operations.calls.movesPerH", { unit: t("operations.units.movesPerH") }), num: true },
          { label: t("operations.calls.deviation", { unit: h }), num: true },
          { label: t("operations.calls.wait", { unit: h }), num: true },
        ]}
      />
      <tbody>
        {[...kpis.calls]
          .sort((a, b) => a.berthArrivalAt.localeCompare(b.berthArrivalAt))
          .map((c) => (
            <tr key={c.callId} data-call={c.callId}>
              <th scope="row">
                <Link to={`/ports/${port.locode}/calls/${encodeURIComponent(c.callId)}`}>
                  {c.vesselName ?? (c.imo === null ? t("common.unknown") : `IMO ${c.imo}`)}
                </Link>
              </th>
              <td>{names(c.terminal ?? "")}</td>
              <td className="nowrap">
                {formatShortDateTime(new Date(c.berthArrivalAt), port.timeZone, lang)}
              </td>
              <td className="num">{decimal(c.berthHours, lang, 1)}</td>
              <td className="num">{formatNumber(c.moves, lang)}</td>
              <td className="num">{decimal(c.movesPerBerthHour, lang, 1)}</td>
              <td className="num">{signed(c.arrivalDeviationH)}</td>
              <td className="num">{decimal(c.anchorageWaitH, lang, 1)}</td>
            </tr>
          ))}
      </tbody>
    </TablePanel>
  );
}

/** A panel holding one table (its heading, a caption for screen readers, or a line when it is empty). */
function TablePanel({
  id,
  title,
  caption,
  empty,
  scroll = false,
  tableClass,
  note,
  data,
  children,
}: {
  id: string;
  title: string;
  /** What the table holds, for screen readers; the title when omitted. */
  caption?: string;
  /** Shown instead of the table when not null. */
  empty: string | null;
  /** Long tables scroll inside the panel, their header kept in view. */
  scroll?: boolean;
  tableClass: string;
  note?: string;
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  return (
    <section className={`panel ${id}`} aria-labelledby={`${id}-title`} {...data}>
      <h2 id={`${id}-title`}>{title}</h2>
      {empty !== null ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className={scroll ? "table-wrap ops-scroll" : "table-wrap"}>
          <table className={`data-table ${tableClass}`}>
            <caption className="visually-hidden">{caption ?? title}</caption>
            {children}
          </table>
        </div>
      )}
      {note && <p className="muted small">{note}</p>}
    </section>
  );
}

/** A table's header row: one column heading each, numbers' headings aligned with their numbers. */
function ColumnHeads({ heads }: { heads: { label: string; num?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {heads.map((c) => (
          <th key={c.label} scope="col" className={c.num ? "num" : undefined}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
