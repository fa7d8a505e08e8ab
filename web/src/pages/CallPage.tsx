// One port call: key times, the operating-mode timeline, the track on the port's map, DCSA timestamps.
import { type CSSProperties, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type CallDetail, callApi, type PortDetail, type VesselTrack, vesselApi } from "../api.ts";
import { Timeline } from "../calls/Timeline.tsx";
import { formatPercent, MODE_COLORS, placeName } from "../calls/text.ts";
import { Status } from "../components/Status.tsx";
import { CallEmissionsSection } from "../emissions/CallEmissions.tsx";
import { formatDateTime, formatNumber, localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import { LazyPortMap } from "../map/LazyPortMap.tsx";
import { GROUP_COLORS, groupOf } from "../map/vessels.ts";
import { Link } from "../router.tsx";
import type { PageProps } from "../routes.ts";
import { vsrShare } from "./CallsPage.tsx";

export function CallPage({ params }: PageProps) {
  const locode = (params["locode"] ?? "").toUpperCase();
  const id = params["id"] ?? "";
  const port = useAsync<PortDetail>(() => api.port(locode), locode);
  const call = useAsync<CallDetail>(() => callApi.call(id), id);
  return (
    <section className="page call-page" data-locode={locode} data-call={id}>
      <Status state={port.status === "ready" ? call : port} />
      {port.status === "ready" && call.status === "ready" && <CallView port={port.data} detail={call.data} />}
    </section>
  );
}

function CallView({ port, detail }: { port: PortDetail; detail: CallDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const tz = port.timeZone;
  const { call, segments, dcsa } = detail;
  const [track, setTrack] = useState<VesselTrack | null>(null);
  const [trackState, setTrackState] = useState<"loading" | "ready" | "error">("loading");

  useEffect(() => {
    const ctl = new AbortController();
    setTrackState("loading");
    vesselApi
      .track(
        call.mmsi,
        { from: new Date(call.startAt), to: new Date(Date.parse(call.endAt) + 1000) },
        ctl.signal,
      )
      .then(
        (tr) => {
          setTrack(tr);
          setTrackState("ready");
        },
        () => {
          if (!ctl.signal.aborted) setTrackState("error");
        },
      );
    return () => ctl.abort();
  }, [call.mmsi, call.startAt, call.endAt]);

  const time = (iso: string | null) => (iso ? formatDateTime(new Date(iso), tz, lang) : "—");
  const h = (v: number) => `${formatNumber(v, lang, { maximumFractionDigits: 2 })} ${t("units.h")}`;
  const keyTimes: [string, string | null][] = [
    ["crossed40nm", call.crossed40nmAt],
    ["crossed20nm", call.crossed20nmAt],
    ["enteredPortArea", call.enteredPortAreaAt],
    ["anchoredFrom", call.anchoredFrom],
    ["anchoredTo", call.anchoredTo],
    ["pilotBoarding", call.pilotBoardingAt],
    ["berthArrival", call.berthArrivalAt],
    ["berthDeparture", call.lastBerthDepartureAt],
    ["leftPortArea", call.leftPortAreaAt],
  ];
  const services = new Map(dcsa.portCallServices.map((s) => [s.portCallServiceID, s]));
  const share = vsrShare(call);
  // DCSA location names are sometimes our feature ids: show the port's name for them.
  const locationName = (name: string) =>
    name.startsWith(`${port.locode.toLowerCase()}-`) ? placeName(port, name, lang) : name;

  const fact = (field: string, label: string, value: ReactNode) => (
    <div data-field={field}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <>
      <header className="page-header">
        <div>
          <p className="small">
            <Link to={`/ports/${port.locode}/calls`}>
              ← {t("calls.detail.back", { port: localName(port.name, lang) })}
            </Link>
          </p>
          <h1>
            <span className="vessel-name">{call.vesselName ?? t("vessel.noName")}</span>{" "}
            <span className="locode">{port.locode}</span>
          </h1>
          <p className="muted">
            <span
              className="swatch swatch-vessel"
              style={{ "--swatch": GROUP_COLORS[groupOf(call.shipTypeGroup)] } as CSSProperties}
              aria-hidden="true"
            />{" "}
            {t(`shipTypeGroups.${call.shipTypeGroup}`)} · MMSI {call.mmsi}
            {call.imo ? ` · IMO ${call.imo}` : ""} ·{" "}
            {call.terminal ? `${placeName(port, call.terminal, lang)} · ` : ""}
            {t("calls.berth", { berth: call.berthLabel ?? placeName(port, call.berth, lang) })} ·{" "}
            <Link to={`/ports/${port.locode}?vessel=${call.mmsi}`}>{t("calls.detail.onLiveMap")}</Link>
          </p>
        </div>
      </header>

      <section className="panel call-summary">
        <dl className="facts">
          {fact("time-at-berth", t("calls.columns.berthH"), h(call.timeAtBerthH))}
          {fact("anchorage-wait", t("calls.columns.waitH"), h(call.anchorageWaitH))}
          {fact("berth-shifts", t("calls.detail.berthShifts"), formatNumber(call.berthShifts, lang))}
          {fact("vsr", t("calls.columns.vsr"), formatPercent(share, lang))}
        </dl>
      </section>

      <section className="panel">
        <h2>{t("calls.detail.timeline")}</h2>
        <ul className="mode-legend">
          {(
            ["transit", "reduced_speed_zone", "manoeuvring", "at_anchor", "at_berth", "unknown"] as const
          ).map((m) => (
            <li key={m}>
              <span className="swatch" style={{ background: MODE_COLORS[m] }} aria-hidden="true" />{" "}
              {t(`calls.modes.${m}`)}
            </li>
          ))}
        </ul>
        {segments.length > 0 ? (
          <Timeline segments={segments} timeZone={tz} from={call.startAt} to={call.endAt} />
        ) : (
          <p className="muted">{t("calls.detail.noSegments")}</p>
        )}
      </section>

      <div className="call-columns">
        <section className="panel key-times">
          <h2>{t("calls.detail.keyTimes")}</h2>
          <table className="data-table">
            <tbody>
              {keyTimes.map(([k, v]) => (
                <tr key={k} data-time={k}>
                  <th scope="row">{t(`calls.times.${k}`)}</th>
                  <td className="nowrap">{time(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {call.berths.length > 1 && (
            <>
              <h3>{t("calls.detail.berths")}</h3>
              <ul className="plain">
                {call.berths.map((b) => (
                  <li key={`${b.berth}-${b.arrivalAt}`}>
                    {t("calls.berth", { berth: b.berthLabel ?? placeName(port, b.berth, lang) })}:{" "}
                    {time(b.arrivalAt)} – {time(b.departureAt)} ({h(b.durationH)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="panel call-track">
          <h2>{t("calls.detail.track")}</h2>
          <p className="muted small track-summary" data-points={track?.points ?? ""} data-state={trackState}>
            {trackState === "ready" && track
              ? t("calls.detail.trackSummary", {
                  n: formatNumber(track.points, lang),
                  from: time(call.startAt),
                  to: time(call.endAt),
                })
              : trackState === "error"
                ? t("calls.detail.trackFailed")
                : t("common.loading")}
          </p>
          <LazyPortMap port={port} track={track} />
        </section>
      </div>

      <div className="call-columns stacked">
        <section className="panel">
          <h2>{t("calls.detail.segments")}</h2>
          <div className="table-wrap">
            <table className="data-table segments-table">
              <thead>
                <tr>
                  <th scope="col">{t("calls.detail.mode")}</th>
                  <th scope="col">{t("calls.detail.start")}</th>
                  <th scope="col" className="num">
                    {t("calls.detail.duration")}
                  </th>
                  <th scope="col" className="num">
                    {t("calls.detail.distance")}
                  </th>
                  <th scope="col" className="num">
                    {t("calls.detail.meanMax")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {segments.map((s) => (
                  <tr key={`${s.mode}-${s.start}`} data-mode={s.mode}>
                    <th scope="row" className="nowrap">
                      <span
                        className="swatch"
                        style={{ background: MODE_COLORS[s.mode] }}
                        aria-hidden="true"
                      />{" "}
                      {t(`calls.modes.${s.mode}`)}
                      {s.zone && <div className="muted small">{placeName(port, s.zone, lang)}</div>}
                    </th>
                    <td className="nowrap">{time(s.start)}</td>
                    <td className="num nowrap">
                      {formatNumber(s.durationH, lang, { maximumFractionDigits: 2 })}
                    </td>
                    <td className="num nowrap">
                      {formatNumber(s.distanceNm, lang, { maximumFractionDigits: 1 })}
                    </td>
                    <td className="num nowrap">
                      {formatNumber(s.meanSpeedKn, lang, { maximumFractionDigits: 1 })} /{" "}
                      {formatNumber(s.maxSpeedKn, lang, { maximumFractionDigits: 1 })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="panel">
          <h2>{t("calls.detail.speedZones")}</h2>
          {call.speedZones.length === 0 ? (
            <p className="muted">{t("calls.compliance.none")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("calls.compliance.zone")}</th>
                  <th scope="col" className="num">
                    {t("calls.compliance.distance")}
                  </th>
                  <th scope="col" className="num">
                    {t("calls.detail.maxSpeed")}
                  </th>
                  <th scope="col" className="num">
                    {t("calls.compliance.share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {call.speedZones.map((z) => (
                  <tr key={z.zone}>
                    <th scope="row">
                      {placeName(port, z.zone, lang)}{" "}
                      <span className="muted small">
                        (≤ {formatNumber(z.limitKn, lang)} {t("units.kn")})
                      </span>
                    </th>
                    <td className="num nowrap">
                      {formatNumber(z.distanceNm, lang, { maximumFractionDigits: 1 })}
                    </td>
                    <td className="num nowrap">
                      {formatNumber(z.maxSpeedKn, lang, { maximumFractionDigits: 1 })}
                    </td>
                    <td className="num">{formatPercent(z.compliantShare, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 className="dcsa-heading">{t("calls.detail.dcsa")}</h2>
          <p className="muted small">{t("calls.detail.dcsaLead")}</p>
          <table className="data-table dcsa-table">
            <thead>
              <tr>
                <th scope="col">{t("calls.detail.dcsaService")}</th>
                <th scope="col">{t("calls.detail.dcsaClass")}</th>
                <th scope="col">{t("calls.detail.dcsaTime")}</th>
              </tr>
            </thead>
            <tbody>
              {dcsa.timestamps.map((ts) => {
                const s = services.get(ts.portCallServiceID);
                return (
                  <tr key={ts.timestampID} data-classifier={ts.classifierCode}>
                    <th scope="row">
                      <span className="mono small">
                        {s ? `${s.portCallServiceTypeCode} ${s.portCallServiceEventTypeCode}` : "—"}
                      </span>
                      {s?.portCallServiceLocation.locationName && (
                        <div className="muted small">
                          {locationName(s.portCallServiceLocation.locationName)}
                        </div>
                      )}
                    </th>
                    <td>
                      <span className="mono small">{ts.classifierCode}</span>{" "}
                      {t(`calls.detail.classifier.${ts.classifierCode}`)}
                      {ts.remark && <div className="muted small">{ts.remark}</div>}
                    </td>
                    <td className="nowrap">{time(ts.dateTime)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>

      <CallEmissionsSection callId={call.id} timeZone={tz} />
    </>
  );
}
