import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type PortDetail, type PortFeature, type VesselTrack } from "../api.ts";
import { PortClock } from "../components/PortClock.tsx";
import { Status } from "../components/Status.tsx";
import { featureName, formatNumber, formatUtcOffset, localName } from "../format.ts";
import { useAsync, useLanguage, useNow } from "../hooks.ts";
import { KIND_STYLES } from "../map/kinds.ts";
import { LazyPortMap } from "../map/LazyPortMap.tsx";
import { Link, replaceSearchParam, useSearchParam } from "../router.tsx";
import type { PageProps } from "../routes.ts";
import { usePortVessels } from "../vessels/usePortVessels.ts";
import { VesselPanel } from "../vessels/VesselPanel.tsx";

export function PortPage({ params }: PageProps) {
  const locode = (params["locode"] ?? "").toUpperCase();
  const detail = useAsync<PortDetail>(() => api.port(locode), locode);
  return (
    <section className="page port-page" data-locode={locode}>
      <Status state={detail} />
      {detail.status === "ready" && <PortView port={detail.data} />}
    </section>
  );
}

function PortView({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const now = useNow();
  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const sister = useAsync(api.ports, "ports");
  const sisterName =
    sister.status === "ready" ? sister.data.find((p) => p.locode === port.sisterPort)?.name : undefined;
  const show = (id: string) => setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }));
  const berthCount = port.terminals.reduce((n, term) => n + term.berths.length, 0);
  const vessels = usePortVessels(port.locode);
  // The selected vessel lives in the address (?vessel=MMSI), so the list page and shared links can open it.
  const selectedText = useSearchParam("vessel");
  const selectedMmsi = selectedText && /^\d{1,9}$/.test(selectedText) ? Number(selectedText) : null;
  const [track, setTrack] = useState<VesselTrack | null>(null);
  const selectVessel = useCallback((mmsi: number | null) => {
    setTrack(null);
    replaceSearchParam("vessel", mmsi === null ? null : String(mmsi));
  }, []);
  const closeVessel = useCallback(() => selectVessel(null), [selectVessel]);
  const selectedOnMap = vessels.data?.vessels.find((v) => v.mmsi === selectedMmsi) ?? null;

  return (
    <>
      <header className="page-header">
        <div>
          <h1>
            {localName(port.name, lang)} <span className="locode">{port.locode}</span>
          </h1>
          <p className="muted">
            {t("port.subtitle", {
              zone: port.timeZone,
              offset: formatUtcOffset(now, port.timeZone),
              currency: port.currency,
            })}
            {sisterName && (
              <>
                {" · "}
                {t("port.sisterPort")}:{" "}
                <Link to={`/ports/${port.sisterPort}`}>{localName(sisterName, lang)}</Link>
              </>
            )}
          </p>
        </div>
        <div className="big-clock">
          <span className="muted small">{t("port.localTime")}</span>
          <PortClock timeZone={port.timeZone} now={now} showDate />
        </div>
      </header>

      <p className="page-links">
        <Link to={`/ports/${port.locode}/vessels`}>
          {t("vessels.listLink")}
          {vessels.data && ` (${formatNumber(vessels.data.vessels.length, lang)})`}
        </Link>
      </p>
      <div className={`map-with-panel${selectedMmsi !== null ? " has-panel" : ""}`}>
        <LazyPortMap
          port={port}
          focus={focus}
          vessels={vessels.data}
          selectedMmsi={selectedMmsi}
          onSelectVessel={selectVessel}
          track={selectedMmsi !== null ? track : null}
        />
        {selectedMmsi !== null && (
          <VesselPanel
            key={selectedMmsi}
            locode={port.locode}
            timeZone={port.timeZone}
            mmsi={selectedMmsi}
            onMap={selectedOnMap}
            onClose={closeVessel}
            onTrack={setTrack}
          />
        )}
      </div>
      {vessels.error && <p className="warn small">{t("vessels.loadFailed")}</p>}

      <section className="panel">
        <h2>
          {t("port.terminalsHeading")}{" "}
          <span className="count">({formatNumber(port.terminals.length, lang)})</span>
        </h2>
        <div className="table-wrap">
          <table className="data-table terminals-table">
            <thead>
              <tr>
                <th scope="col">{t("port.terminal")}</th>
                <th scope="col">{t("port.operator")}</th>
                <th scope="col">{t("port.berthRange")}</th>
                <th scope="col" className="num">
                  {t("port.berthsListed")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("port.onMap")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {port.terminals.map((term) => (
                <tr key={term.id}>
                  <th scope="row">{localName(term.name, lang)}</th>
                  <td>{term.operator ?? <span className="muted">{t("common.unknown")}</span>}</td>
                  <td>
                    {term.berthRange && term.berthRange !== "unknown" ? (
                      term.berthRange
                    ) : (
                      <span className="muted">{t("common.unknown")}</span>
                    )}
                  </td>
                  <td className="num">{formatNumber(term.berths.length, lang)}</td>
                  <td className="nowrap">
                    {port.geojson.features.some((f) => f.properties.id === term.id) && (
                      <button type="button" className="link-button" onClick={() => show(term.id)}>
                        {t("port.showOnMap")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel">
        <h2>
          {t("port.berthsHeading")} <span className="count">({formatNumber(berthCount, lang)})</span>
        </h2>
        {berthCount === 0 ? (
          <p className="muted">{t("port.noBerths")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table berths-table">
              <thead>
                <tr>
                  <th scope="col">{t("port.terminal")}</th>
                  <th scope="col">{t("port.berth")}</th>
                  <th scope="col">{t("port.berthName")}</th>
                  <th scope="col" className="num">
                    {t("port.lengthM")}
                  </th>
                  <th scope="col" className="num">
                    {t("port.depthM")}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t("port.onMap")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {port.terminals.flatMap((term) =>
                  term.berths.map((b, i) => (
                    <tr key={b.id} className={i === 0 ? "group-start" : ""}>
                      <td>{i === 0 ? localName(term.name, lang) : ""}</td>
                      <th scope="row" className="nowrap">
                        {b.berth}
                      </th>
                      <td>{localName(b.name, lang)}</td>
                      <td className="num">{b.lengthM === null ? "—" : formatNumber(b.lengthM, lang)}</td>
                      <td className="num">
                        {b.depthM === null ? "—" : formatNumber(b.depthM, lang, { maximumFractionDigits: 1 })}
                      </td>
                      <td className="nowrap">
                        {port.geojson.features.some((f) => f.properties.id === b.id) && (
                          <button type="button" className="link-button" onClick={() => show(b.id)}>
                            {t("port.showOnMap")}
                          </button>
                        )}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted small">{t("port.dashNote")}</p>
      </section>

      <FeatureList features={port.geojson.features} onShow={show} />

      <section className="panel credits">
        <h2>{t("port.creditsHeading")}</h2>
        <ul>
          {port.attribution.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <p className="muted small">
          <Link to="/about">{t("port.moreSources")}</Link>
        </p>
      </section>
    </>
  );
}

/** The map has no text labels (no font downloads): this list names every feature, by kind. */
function FeatureList({ features, onShow }: { features: PortFeature[]; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const groups = useMemo(() => {
    const order = KIND_STYLES.map((k) => k.kind);
    const byKind = new Map<string, PortFeature[]>();
    for (const f of features) {
      const list = byKind.get(f.properties.kind) ?? [];
      list.push(f);
      byKind.set(f.properties.kind, list);
    }
    return [...byKind.entries()].sort(
      ([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0) || a.localeCompare(b),
    );
  }, [features]);
  return (
    <section className="panel">
      <h2>
        {t("port.featuresHeading")} <span className="count">({formatNumber(features.length, lang)})</span>
      </h2>
      <div className="feature-groups">
        {groups.map(([kind, list]) => (
          <details key={kind} className="feature-group">
            <summary>
              {t(`kinds.${kind}`, { defaultValue: kind })}{" "}
              <span className="count">({formatNumber(list.length, lang)})</span>
            </summary>
            <ul>
              {list.map((f) => (
                <li key={f.properties.id}>
                  <button type="button" className="link-button" onClick={() => onShow(f.properties.id)}>
                    {featureName(f.properties, lang)}
                  </button>
                  {f.properties.confidence && (
                    <span
                      className={`confidence confidence-${f.properties.confidence}`}
                      title={t(`confidence.${f.properties.confidence}`, { defaultValue: "" })}
                    >
                      {f.properties.confidence}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </section>
  );
}
