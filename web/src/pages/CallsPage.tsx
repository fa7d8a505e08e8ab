// A port's calls: a sortable, filtered, paged table; the anchorage queue; speed-zone compliance.
import { type CSSProperties, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AnchorageQueue,
  type CallPage,
  callApi,
  type PortCall,
  type PortDetail,
  type ShipTypeGroup,
  type SpeedCompliance,
} from "../api.ts";
import { QueueChart } from "../calls/QueueChart.tsx";
import { formatPercent, placeName } from "../calls/text.ts";
import { FirstPortRedirect } from "../components/FirstPortRedirect.tsx";
import { PortSection } from "../components/PortSection.tsx";
import { Status } from "../components/Status.tsx";
import { formatNumber, formatShortDateTime, fromZonedInput, localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { GROUP_COLORS, GROUP_ORDER, groupOf } from "../map/vessels.ts";
import { navigate, replaceSearchParam, useSearchParam } from "../router.tsx";
import type { PageProps } from "../routes.ts";

const PAGE_SIZE = 20;
const MAX_CALLS = 1000;
const DAY_MS = 86_400_000;

/** `/calls` from the navigation: the first port's calls. */
export function CallsIndexPage(_: PageProps) {
  return <FirstPortRedirect subpath="calls" />;
}

export function CallsPage({ params }: PageProps) {
  const locode = (params["locode"] ?? "").toUpperCase();
  return (
    <PortSection locode={locode} className="calls-page">
      {(port) => <CallList port={port} />}
    </PortSection>
  );
}

/** Share of the distance inside all speed zones of the call sailed at or below the limit. */
export function vsrShare(c: PortCall): number | null {
  let dist = 0;
  let ok = 0;
  for (const z of c.speedZones) {
    dist += z.distanceNm;
    ok += z.compliantDistanceNm;
  }
  return dist > 0 ? ok / dist : null;
}

type SortKey = "vessel" | "type" | "terminal" | "arrival" | "departure" | "berthH" | "waitH" | "vsr";

function sortValue(c: PortCall, key: SortKey, port: PortDetail, lang: Language): string | number | null {
  switch (key) {
    case "vessel":
      return c.vesselName ?? null;
    case "type":
      return GROUP_ORDER.indexOf(groupOf(c.shipTypeGroup));
    case "terminal":
      return c.terminal ? placeName(port, c.terminal, lang) : null;
    case "arrival":
      return Date.parse(c.berthArrivalAt);
    case "departure":
      return Date.parse(c.lastBerthDepartureAt);
    case "berthH":
      return c.timeAtBerthH;
    case "waitH":
      return c.anchorageWaitH;
    case "vsr":
      return vsrShare(c);
  }
}

const hours = (h: number, lang: Language) =>
  formatNumber(h, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function CallList({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const tz = port.timeZone;
  const terminal = useSearchParam("terminal");
  const group = useSearchParam("type");
  const fromDay = useSearchParam("from");
  const toDay = useSearchParam("to");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "arrival", dir: -1 });
  const [page, setPage] = useState(0);
  const [state, setState] = useState<{ data: CallPage | null; error: boolean }>({ data: null, error: false });
  const [seen, setSeen] = useState<{ terminals: Set<string>; groups: Set<string> }>(() => ({
    terminals: new Set(),
    groups: new Set(),
  }));

  // Days in the port's zone → UTC instants (the whole of the `to` day is included).
  const from = fromDay ? fromZonedInput(`${fromDay}T00:00`, tz) : null;
  const toStart = toDay ? fromZonedInput(`${toDay}T00:00`, tz) : null;
  const to = toStart ? new Date(toStart.getTime() + DAY_MS) : null;
  // While one date is being changed the range can be inverted: ask for nothing until it is not.
  const badRange = from !== null && to !== null && from.getTime() >= to.getTime();
  const key = [port.locode, terminal, group, from?.getTime(), to?.getTime()].join("|");

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filter.
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ data: badRange ? null : s.data, error: false }));
    setPage(0);
    if (badRange) return;
    callApi
      .list(port.locode, { from, to, terminal, shipTypeGroup: group, limit: MAX_CALLS }, ctl.signal)
      .then(
        (data) => {
          setState({ data, error: false });
          setSeen((prev) => ({
            terminals: new Set([
              ...prev.terminals,
              ...data.calls.flatMap((c) => (c.terminal ? [c.terminal] : [])),
            ]),
            groups: new Set([...prev.groups, ...data.calls.map((c) => c.shipTypeGroup)]),
          }));
        },
        (e: unknown) => {
          if (!ctl.signal.aborted) setState({ data: null, error: Boolean(e) });
        },
      );
    return () => ctl.abort();
  }, [key]);

  const calls = state.data?.calls ?? [];
  const rows = useMemo(() => {
    return [...calls].sort((a, b) => {
      const va = sortValue(a, sort.key, port, lang);
      const vb = sortValue(b, sort.key, port, lang);
      if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
      const c =
        typeof va === "string" && typeof vb === "string"
          ? va.localeCompare(vb, lang)
          : Number(va ?? 0) - Number(vb ?? 0);
      return sort.dir * c || a.id.localeCompare(b.id);
    });
  }, [calls, sort, port, lang]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  // The charts cover the chosen days, else the span of the calls listed.
  const fromMs = from?.getTime() ?? null;
  const toMs = to?.getTime() ?? null;
  const range = useMemo(() => {
    if (badRange) return null;
    if (fromMs !== null && toMs !== null) return { from: new Date(fromMs), to: new Date(toMs) };
    if (calls.length === 0) return null;
    const a = fromMs ?? Math.min(...calls.map((c) => Date.parse(c.startAt)));
    const b = toMs ?? Math.max(...calls.map((c) => Date.parse(c.endAt)));
    return { from: new Date(a), to: new Date(b) };
  }, [badRange, fromMs, toMs, calls]);

  const terminalIds = [...new Set([...port.terminals.map((x) => x.id), ...seen.terminals])].sort((a, b) =>
    placeName(port, a, lang).localeCompare(placeName(port, b, lang), lang),
  );
  const groups = GROUP_ORDER.filter((g) => seen.groups.has(g) || g === group);

  const header = (k: SortKey, numeric = false) => {
    const active = sort.key === k;
    return (
      <th
        scope="col"
        className={numeric ? "num" : ""}
        aria-sort={active ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
      >
        <button
          type="button"
          className="sort-button"
          data-sort={k}
          onClick={() => setSort((s) => ({ key: k, dir: s.key === k ? (s.dir === 1 ? -1 : 1) : 1 }))}
        >
          {t(`calls.columns.${k}`)}
          <span className="sort-mark" aria-hidden="true">
            {active ? (sort.dir === 1 ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  const open = (c: PortCall) => navigate(`/ports/${port.locode}/calls/${encodeURIComponent(c.id)}`);
  const setParam = (name: string) => (value: string) => replaceSearchParam(name, value || null);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {t("calls.title", { port: localName(port.name, lang) })}{" "}
            <span className="locode">{port.locode}</span>
          </h1>
          <p className="muted">{t("calls.lead", { zone: tz })}</p>
        </div>
      </header>
      <section className="panel">
        <form className="list-toolbar call-filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t("calls.filters.terminal")}{" "}
            <select
              name="terminal"
              value={terminal ?? ""}
              onChange={(e) => setParam("terminal")(e.target.value)}
            >
              <option value="">{t("calls.filters.allTerminals")}</option>
              {terminalIds.map((id) => (
                <option key={id} value={id}>
                  {placeName(port, id, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("calls.filters.type")}{" "}
            <select name="type" value={group ?? ""} onChange={(e) => setParam("type")(e.target.value)}>
              <option value="">{t("vessels.allTypes")}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {t(`shipTypeGroups.${g}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("calls.filters.from")}{" "}
            <input
              type="date"
              name="from"
              value={fromDay ?? ""}
              onChange={(e) => setParam("from")(e.target.value)}
            />
          </label>
          <label>
            {t("calls.filters.to")}{" "}
            <input
              type="date"
              name="to"
              value={toDay ?? ""}
              onChange={(e) => setParam("to")(e.target.value)}
            />
          </label>
          {(terminal || group || fromDay || toDay) && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                for (const p of ["terminal", "type", "from", "to"]) replaceSearchParam(p, null);
              }}
            >
              {t("calls.filters.clear")}
            </button>
          )}
          <span className="call-count" data-total={state.data?.total ?? ""}>
            {badRange
              ? ""
              : state.data
                ? t("calls.count", { n: formatNumber(state.data.total, lang) })
                : t("common.loading")}
          </span>
        </form>
        <p className="muted small">{t("calls.dateNote", { zone: tz })}</p>
        {badRange && (
          <p className="warn small" role="alert">
            {t("calls.filters.badRange")}
          </p>
        )}
        {state.error && <p className="warn small">{t("calls.loadFailed")}</p>}
        {state.data && state.data.total > calls.length && (
          <p className="warn small">{t("calls.truncated", { n: formatNumber(calls.length, lang) })}</p>
        )}
        <div className="table-wrap">
          <table className="data-table calls-table">
            <thead>
              <tr>
                {header("vessel")}
                {header("type")}
                {header("terminal")}
                {header("arrival")}
                {header("departure")}
                {header("berthH", true)}
                {header("waitH", true)}
                {header("vsr", true)}
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr
                  key={c.id}
                  data-call={c.id}
                  className="clickable"
                  tabIndex={0}
                  onClick={() => open(c)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") open(c);
                  }}
                >
                  <th scope="row">
                    {c.vesselName ?? <span className="muted">{t("vessel.noName")}</span>}
                    <div className="muted small mono">{c.mmsi}</div>
                  </th>
                  <td className="nowrap" data-group={c.shipTypeGroup}>
                    <span
                      className="swatch swatch-vessel"
                      style={{ "--swatch": GROUP_COLORS[groupOf(c.shipTypeGroup)] } as CSSProperties}
                      aria-hidden="true"
                    />{" "}
                    {t(`shipTypeGroups.${c.shipTypeGroup}`)}
                  </td>
                  <td data-terminal={c.terminal ?? ""}>
                    {c.terminal ? placeName(port, c.terminal, lang) : "—"}
                    <div className="muted small">
                      {t("calls.berth", { berth: c.berthLabel ?? placeName(port, c.berth, lang) })}
                      {c.berthShifts > 0 && ` · ${t("calls.shifts", { n: c.berthShifts })}`}
                    </div>
                  </td>
                  <td className="nowrap">
                    {formatShortDateTime(new Date(c.berthArrivalAt), tz, lang)}
                    {!c.arrivalObserved && (
                      <span className="muted small" title={t("calls.notObservedHint")}>
                        {" "}
                        {t("calls.notObserved")}
                      </span>
                    )}
                  </td>
                  <td className="nowrap">
                    {formatShortDateTime(new Date(c.lastBerthDepartureAt), tz, lang)}
                    {!c.departureObserved && (
                      <span className="muted small" title={t("calls.notObservedHint")}>
                        {" "}
                        {t("calls.notObserved")}
                      </span>
                    )}
                  </td>
                  <td className="num">{hours(c.timeAtBerthH, lang)}</td>
                  <td className="num">{hours(c.anchorageWaitH, lang)}</td>
                  <td className="num">{formatPercent(vsrShare(c), lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {state.data && rows.length === 0 && <p className="muted">{t("calls.none")}</p>}
        {pages > 1 && (
          <nav className="pager" aria-label={t("calls.pager.label")}>
            <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
              {t("calls.pager.prev")}
            </button>
            <span className="pager-status">
              {t("calls.pager.status", {
                page: formatNumber(page + 1, lang),
                pages: formatNumber(pages, lang),
              })}
            </span>
            <button type="button" disabled={page >= pages - 1} onClick={() => setPage((p) => p + 1)}>
              {t("calls.pager.next")}
            </button>
          </nav>
        )}
      </section>
      {range && (
        <div className="calls-charts">
          <AnchorageQueuePanel port={port} range={range} />
          <CompliancePanel port={port} range={range} />
        </div>
      )}
    </>
  );
}

function AnchorageQueuePanel({ port, range }: { port: PortDetail; range: { from: Date; to: Date } }) {
  const { t } = useTranslation();
  const spanH = (range.to.getTime() - range.from.getTime()) / 3_600_000;
  const step = spanH <= 72 ? 30 : spanH <= 14 * 24 ? 60 : 180;
  const queue = useAsync<AnchorageQueue>(
    () => callApi.anchorageQueue(port.locode, range, step),
    `${port.locode}|${range.from.getTime()}|${range.to.getTime()}`,
  );
  return (
    <section className="panel anchorage-queue">
      <h2>{t("calls.queue.title")}</h2>
      <p className="muted small">{t("calls.queue.lead")}</p>
      <Status state={queue} />
      {queue.status === "ready" && <QueueChart queue={queue.data} timeZone={port.timeZone} />}
    </section>
  );
}

function CompliancePanel({ port, range }: { port: PortDetail; range: { from: Date; to: Date } }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [groupBy, setGroupBy] = useState<"vessel" | "shipType">("shipType");
  const [all, setAll] = useState(false);
  const data = useAsync<SpeedCompliance>(
    () => callApi.speedCompliance(port.locode, groupBy, range),
    `${port.locode}|${groupBy}|${range.from.getTime()}|${range.to.getTime()}`,
  );
  const rows =
    data.status === "ready"
      ? [...data.data.rows].sort(
          (a, b) => (a.compliantShare ?? 2) - (b.compliantShare ?? 2) || a.key.localeCompare(b.key),
        )
      : [];
  const shown = all ? rows : rows.slice(0, 12);
  const label = (key: string, name: string | null) =>
    groupBy === "shipType"
      ? t(`shipTypeGroups.${key as ShipTypeGroup}`, { defaultValue: key })
      : (name ?? key);
  return (
    <section className="panel speed-compliance" data-group-by={groupBy}>
      <h2>{t("calls.compliance.title")}</h2>
      <p className="muted small">{t("calls.compliance.lead")}</p>
      <fieldset className="segmented" aria-label={t("calls.compliance.groupBy")}>
        {(["shipType", "vessel"] as const).map((g) => (
          <button
            key={g}
            type="button"
            aria-pressed={groupBy === g}
            data-group-by={g}
            onClick={() => setGroupBy(g)}
          >
            {t(`calls.compliance.by.${g}`)}
          </button>
        ))}
      </fieldset>
      <Status state={data} />
      {data.status === "ready" && rows.length === 0 && <p className="muted">{t("calls.compliance.none")}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table compliance-table">
            <thead>
              <tr>
                <th scope="col">{t(`calls.compliance.by.${groupBy}`)}</th>
                <th scope="col">{t("calls.compliance.zone")}</th>
                <th scope="col" className="num">
                  {t("calls.compliance.calls")}
                </th>
                <th scope="col" className="num">
                  {t("calls.compliance.distance")}
                </th>
                <th scope="col">{t("calls.compliance.share")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={`${r.key}-${r.zone}`} data-key={r.key}>
                  <th scope="row">{label(r.key, r.name)}</th>
                  <td>
                    {placeName(port, r.zone, lang)}{" "}
                    <span className="muted small">
                      (≤ {formatNumber(r.limitKn, lang)} {t("units.kn")})
                    </span>
                  </td>
                  <td className="num">{formatNumber(r.calls, lang)}</td>
                  <td className="num nowrap">
                    {formatNumber(r.distanceNm, lang, { maximumFractionDigits: 1 })}
                  </td>
                  <td className="share-cell">
                    <span className="share-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round((r.compliantShare ?? 0) * 100)}%` }} />
                    </span>
                    <span className="num">{formatPercent(r.compliantShare, lang)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 12 && (
        <button type="button" className="link-button" onClick={() => setAll((a) => !a)}>
          {all
            ? t("calls.compliance.fewer")
            : t("calls.compliance.all", { n: formatNumber(rows.length, lang) })}
        </button>
      )}
    </section>
  );
}
