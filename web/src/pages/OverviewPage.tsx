import { useTranslation } from "react-i18next";
import { api, type PortDetail, type PortSummary } from "../api.ts";
import { PortClock } from "../components/PortClock.tsx";
import { Status } from "../components/Status.tsx";
import { formatNumber, formatUtcOffset, localName, utcOffsetMinutes } from "../format.ts";
import { useAsync, useLanguage, useNow } from "../hooks.ts";
import { LazyPortMap } from "../map/LazyPortMap.tsx";
import { Link, navigate } from "../router.tsx";
import { usePortVessels } from "../vessels/usePortVessels.ts";

export function OverviewPage() {
  const { t } = useTranslation();
  const now = useNow();
  const ports = useAsync(api.ports, "ports");

  return (
    <section className="page overview">
      <h1>{t("overview.title")}</h1>
      <p className="lead">{t("overview.lead")}</p>
      <Status state={ports} />
      {ports.status === "ready" && (
        <>
          <TimeDifference ports={ports.data} now={now} />
          <div className="port-grid">
            {ports.data.map((p) => (
              <PortCard key={p.locode} port={p} now={now} />
            ))}
          </div>
        </>
      )}
      {ports.status === "ready" && ports.data.length === 0 && <p>{t("overview.noPorts")}</p>}
      <p className="muted small">{t("overview.mapNote")}</p>
    </section>
  );
}

function TimeDifference({ ports, now }: { ports: PortSummary[]; now: Date }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [a, b] = ports;
  if (!a || !b) return null;
  const diffH = (utcOffsetMinutes(now, b.timeZone) - utcOffsetMinutes(now, a.timeZone)) / 60;
  if (diffH === 0) return null;
  const [ahead, behind] = diffH > 0 ? [b, a] : [a, b];
  return (
    <p className="time-difference">
      {t("overview.timeDifference", {
        ahead: localName(ahead.name, lang),
        behind: localName(behind.name, lang),
        hours: formatNumber(Math.abs(diffH), lang),
      })}
    </p>
  );
}

function PortCard({ port, now }: { port: PortSummary; now: Date }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detail = useAsync<PortDetail>(() => api.port(port.locode), port.locode);
  const vessels = usePortVessels(port.locode);
  return (
    <article className="card port-card" data-locode={port.locode}>
      <header className="card-header">
        <h2>
          <Link to={`/ports/${port.locode}`}>{localName(port.name, lang)}</Link>
        </h2>
        <span className="locode">{port.locode}</span>
      </header>
      <div className="card-clock">
        <PortClock timeZone={port.timeZone} now={now} showDate />
      </div>
      {detail.status === "ready" ? (
        <>
          <LazyPortMap
            port={detail.data}
            compact
            vessels={vessels.data}
            onSelectVessel={(mmsi) => mmsi !== null && navigate(`/ports/${port.locode}?vessel=${mmsi}`)}
          />
          <dl className="facts">
            <dt>{t("port.timeZone")}</dt>
            <dd>
              {port.timeZone} ({formatUtcOffset(now, port.timeZone)})
            </dd>
            <dt>{t("port.country")}</dt>
            <dd>{t(`countries.${port.country}`, { defaultValue: port.country })}</dd>
            <dt>{t("port.currency")}</dt>
            <dd>{port.currency}</dd>
            <dt>{t("port.terminals")}</dt>
            <dd className="num">{formatNumber(port.terminalCount, lang)}</dd>
            <dt>{t("port.berths")}</dt>
            <dd className="num">{formatNumber(port.berthCount, lang)}</dd>
          </dl>
          <h3 className="small-heading">{t("overview.containerTerminals")}</h3>
          <ul className="terminal-list">
            {detail.data.terminals.map((term) => (
              <li key={term.id}>
                {localName(term.name, lang)}
                {term.berthRange && term.berthRange !== "unknown" && (
                  <span className="muted"> · {t("port.berthRangeShort", { range: term.berthRange })}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Status state={detail} />
      )}
      <Link to={`/ports/${port.locode}`} className="button">
        {t("overview.openPort", { name: localName(port.name, lang) })}
      </Link>
    </article>
  );
}
