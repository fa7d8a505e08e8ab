// A port's operations: the public port-level summary, terminal KPIs side by side for a period in the
// port's calendar (dwell, truck turn time with its tail, gate throughput by hour, trouble tickets,
// moves per berth hour, schedule reliability, anchorage waiting), container search with each box's
// availability, truck visits and turn times (a trucking company its own), the import forecast for the next three weeks and the empty-return board. Period,
// granularity and the box searched live in the address.
import { useTranslation } from "react-i18next";
import { api, type OperationsKpis, type OperationsSummary, operationsApi, type PortDetail } from "../api.ts";
import { placeName } from "../calls/text.ts";
import { FirstPortRedirect } from "../components/FirstPortRedirect.tsx";
import { PortSection } from "../components/PortSection.tsx";
import { Status } from "../components/Status.tsx";
import { formatZoneAbbrev, localName } from "../format.ts";
import { useAsync, useLanguage, useNow } from "../hooks.ts";
import { AlertsPanel } from "../operations/AlertsPanel.tsx";
import { ContainerSearch } from "../operations/ContainerSearch.tsx";
import { EmptyReturnBoard } from "../operations/EmptyReturnBoard.tsx";
import { ForecastPanel } from "../operations/ForecastPanel.tsx";
import { SummaryCards } from "../operations/SummaryCards.tsx";
import { TerminalKpiPanels } from "../operations/TerminalKpis.tsx";
import { TruckVisitsPanel } from "../operations/TruckVisits.tsx";
import { addDays, chosenPeriod, daysInclusive } from "../operations/text.ts";
import { Link, replaceSearchParam, useSearchParam } from "../router.tsx";
import type { PageProps } from "../routes.ts";

/** `/operations` from the navigation: the first port's operations. */
export function OperationsIndexPage(_: PageProps) {
  return <FirstPortRedirect subpath="operations" />;
}

export function OperationsPage({ params }: PageProps) {
  const locode = (params["locode"] ?? "").toUpperCase();
  return (
    <PortSection locode={locode} className="operations-page">
      {(port) => <OperationsView port={port} />}
    </PortSection>
  );
}

function OperationsView({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // The default period follows the port's calendar; a minute's resolution is enough for "today".
  const now = useNow(60_000);
  const period = chosenPeriod(useSearchParam("from"), useSearchParam("to"), now, port.timeZone);
  const by = useSearchParam("by") === "hour" ? "hour" : "day";
  const range = { from: period.from, to: addDays(period.to, 1) };
  const days = daysInclusive(period.from, period.to);
  const key = `${port.locode}|${range.from}|${range.to}`;
  const ask = period.valid;

  const summary = useAsync<OperationsSummary | null>(
    () => (ask ? operationsApi.summary(port.locode, range) : Promise.resolve(null)),
    key,
  );
  const kpis = useAsync<OperationsKpis | null>(
    () => (ask ? operationsApi.kpis(port.locode, { ...range, by }) : Promise.resolve(null)),
    `${key}|${by}`,
  );
  // Gate throughput by hour of day needs the hourly series whatever the table's granularity.
  const hourly = useAsync<OperationsKpis | null>(
    () => (ask ? operationsApi.kpis(port.locode, { ...range, by: "hour" }) : Promise.resolve(null)),
    `${key}|hour`,
  );
  const ports = useAsync(api.ports, "ports");
  const others = ports.status === "ready" ? ports.data.filter((p) => p.locode !== port.locode) : [];
  const names = (id: string) => (id ? placeName(port, id, lang) : t("operations.noTerminal"));
  const zone = formatZoneAbbrev(now, port.timeZone, lang);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {t("operations.title", { port: localName(port.name, lang) })}{" "}
            <span className="locode">{port.locode}</span>
          </h1>
          <p className="muted">{t("operations.lead", { zone: `${port.timeZone} (${zone})` })}</p>
          {others.map((o) => (
            <p key={o.locode} className="small">
              <Link to={`/ports/${o.locode}/operations`} data-locode={o.locode}>
                {t("operations.otherPort", { port: localName(o.name, lang) })} →
              </Link>
            </p>
          ))}
        </div>
      </header>

      <section className="panel ops-period" aria-label={t("operations.period.label")}>
        <form className="list-toolbar" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t("operations.period.from")}{" "}
            <input
              type="date"
              name="from"
              value={period.from}
              onChange={(e) => replaceSearchParam("from", e.target.value || null)}
            />
          </label>
          <label>
            {t("operations.period.to")}{" "}
            <input
              type="date"
              name="to"
              value={period.to}
              onChange={(e) => replaceSearchParam("to", e.target.value || null)}
            />
          </label>
          <fieldset className="segmented" aria-label={t("operations.period.by")}>
            {(["day", "hour"] as const).map((b) => (
              <button
                key={b}
                type="button"
                data-by={b}
                aria-pressed={by === b}
                onClick={() => replaceSearchParam("by", b === "day" ? null : b)}
              >
                {t(`operations.period.${b}`)}
              </button>
            ))}
          </fieldset>
          <span className="muted small">{t("operations.period.zone", { zone, days })}</span>
        </form>
        {!period.valid && (
          <p className="warn" role="alert">
            {t("operations.period.inverted")}
          </p>
        )}
      </section>

      <section className="panel ops-summary" aria-labelledby="ops-summary-title">
        <h2 id="ops-summary-title">{t("operations.summary.title")}</h2>
        <p className="muted small">{t("operations.summary.lead")}</p>
        <Status state={summary} />
        {summary.status === "ready" && summary.data && <SummaryCards summary={summary.data} />}
      </section>

      <Status state={kpis} />
      {kpis.status === "ready" && kpis.data && (
        <TerminalKpiPanels
          port={port}
          kpis={kpis.data}
          hourly={hourly.status === "ready" ? hourly.data : null}
          days={days}
          names={names}
        />
      )}

      <ContainerSearch port={port} />
      {ask && <TruckVisitsPanel port={port} range={range} names={names} />}

      <ForecastPanel port={port} names={names} />
      <EmptyReturnBoard port={port} names={names} />
      <AlertsPanel port={port} names={names} />
    </>
  );
}
