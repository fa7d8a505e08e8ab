import { useTranslation } from "react-i18next";
import { api, type PortDetail, type PortSummary } from "../api.ts";
import { Status } from "../components/Status.tsx";
import { featureName, localName } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";

export function AboutPage() {
  const { t } = useTranslation();
  const health = useAsync(api.health, "health");
  const ports = useAsync(api.ports, "ports");
  return (
    <section className="page about-page">
      <h1>{t("about.title")}</h1>
      <p className="lead">{t("about.lead")}</p>

      <section className="panel">
        <h2>{t("about.confidenceHeading")}</h2>
        <dl className="confidence-list">
          {(["A", "B", "C"] as const).map((c) => (
            <div key={c}>
              <dt>
                <span className={`confidence confidence-${c}`}>{c}</span>
              </dt>
              <dd>{t(`confidence.${c}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">{t("about.osmLicence")}</p>
      </section>

      <Status state={ports} />
      {ports.status === "ready" && ports.data.map((p) => <PortSources key={p.locode} port={p} />)}

      <section className="panel">
        <h2>{t("about.systemHeading")}</h2>
        <Status state={health} />
        {health.status === "ready" && (
          <dl className="facts">
            <dt>{t("about.status")}</dt>
            <dd>{health.data.status === "ok" ? t("about.statusOk") : health.data.status}</dd>
            <dt>{t("about.version")}</dt>
            <dd>{health.data.version}</dd>
            <dt>{t("about.database")}</dt>
            <dd>{t(`about.databases.${health.data.database}`, { defaultValue: health.data.database })}</dd>
            <dt>{t("about.api")}</dt>
            <dd>
              <a href="/docs">/docs</a> · <a href="/api/openapi.json">/api/openapi.json</a>
            </dd>
          </dl>
        )}
      </section>
    </section>
  );
}

function PortSources({ port }: { port: PortSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detail = useAsync<PortDetail>(() => api.port(port.locode), port.locode);
  return (
    <section className="panel" data-locode={port.locode}>
      <h2>
        {t("about.portSources", { name: localName(port.name, lang) })}{" "}
        <span className="locode">{port.locode}</span>
      </h2>
      <Status state={detail} />
      {detail.status === "ready" && (
        <>
          <h3 className="small-heading">{t("about.attribution")}</h3>
          <ul>
            {detail.data.attribution.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
          <h3 className="small-heading">{t("about.featureSources")}</h3>
          <div className="table-wrap">
            <table className="data-table sources-table">
              <thead>
                <tr>
                  <th scope="col">{t("about.feature")}</th>
                  <th scope="col">{t("about.kind")}</th>
                  <th scope="col">{t("about.confidence")}</th>
                  <th scope="col">{t("about.source")}</th>
                </tr>
              </thead>
              <tbody>
                {detail.data.geojson.features.map((f) => (
                  <tr key={f.properties.id}>
                    <th scope="row">{featureName(f.properties, lang)}</th>
                    <td>{t(`kinds.${f.properties.kind}`, { defaultValue: f.properties.kind })}</td>
                    <td>
                      {f.properties.confidence && (
                        <span className={`confidence confidence-${f.properties.confidence}`}>
                          {f.properties.confidence}
                        </span>
                      )}
                    </td>
                    <td className="source-cell">{f.properties.source ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
