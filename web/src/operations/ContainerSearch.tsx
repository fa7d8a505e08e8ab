// Container search: a container number, B/L or booking → each box's timeline (discharge, yard,
// gate-out, rail, empty return) with the call it came on, times in the port's zone. The reference
// searched lives in the address (`?ref=`), so a search can be shared.
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ApiError,
  type BoxAvailabilityReply,
  type ContainerTimeline,
  operationsApi,
  type PortDetail,
  type TimelineEntry,
} from "../api.ts";
import { placeName } from "../calls/text.ts";
import { formatDateTime } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";
import { Link, replaceSearchParam, useSearchParam } from "../router.tsx";
import { checkReference } from "./text.ts";

type SearchState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "invalid"; message: string }
  | { status: "notFound"; ref: string }
  | { status: "error"; message: string }
  | { status: "ready"; data: ContainerTimeline };

/** i18n key of what an entry says happened: "DISC" → discharged from the vessel, gate "out" → gate-out. */
const entryKey = (e: TimelineEntry) => `operations.search.codes.${e.kind}.${e.code}`;

export function ContainerSearch({ port }: { port: PortDetail }) {
  const { t } = useTranslation();
  const ref = useSearchParam("ref");
  const [text, setText] = useState(ref ?? "");
  const [state, setState] = useState<SearchState>({ status: "idle" });

  useEffect(() => {
    if (ref === null) {
      setState({ status: "idle" });
      return;
    }
    const check = checkReference(ref);
    if (!check.ok) {
      setState({
        status: "invalid",
        message:
          check.reason === "checkDigit"
            ? t("operations.search.invalid.checkDigit", {
                container: check.container,
                expected: check.expected,
              })
            : t(`operations.search.invalid.${check.reason}`),
      });
      return;
    }
    const ctl = new AbortController();
    setState({ status: "loading" });
    operationsApi.container(port.locode, check.ref, ctl.signal).then(
      (data) => setState({ status: "ready", data }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        if (e instanceof ApiError && e.status === 404) setState({ status: "notFound", ref: check.ref });
        else setState({ status: "error", message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => ctl.abort();
  }, [ref, port.locode, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    replaceSearchParam("ref", text.trim());
  };

  return (
    <section className="panel ops-search" aria-labelledby="ops-search-title" data-state={state.status}>
      <h2 id="ops-search-title">{t("operations.search.title")}</h2>
      <p className="muted small">{t("operations.search.lead")}</p>
      <form className="list-toolbar search-form" onSubmit={submit} aria-label={t("operations.search.label")}>
        <label>
          <span className="visually-hidden">{t("operations.search.label")}</span>
          <input
            type="search"
            name="ref"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("operations.search.placeholder")}
            maxLength={80}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="button">
          {t("operations.search.submit")}
        </button>
      </form>
      {state.status === "loading" && <p className="loading">{t("common.loading")}</p>}
      {state.status === "invalid" && (
        <p className="warn search-message" role="alert">
          {state.message}
        </p>
      )}
      {state.status === "notFound" && (
        <p className="warn search-message" role="alert">
          {t("operations.search.notFound", { ref: state.ref, port: port.locode })}
        </p>
      )}
      {state.status === "error" && (
        <div className="error-box" role="alert">
          <strong>{t("errors.loadFailed")}</strong>
          <p className="small">{state.message}</p>
        </div>
      )}
      {state.status === "ready" && <SearchResult port={port} result={state.data} />}
    </section>
  );
}

function SearchResult({ port, result }: { port: PortDetail; result: ContainerTimeline }) {
  const { t } = useTranslation();
  const boxes = result.containers.map((c) => c.containerNumber);
  // Whether each box can be picked up now (on hold, released, …): a truck is not sent for a box it cannot take.
  const availability = useAsync(
    () =>
      boxes.length > 0
        ? operationsApi.availability(port.locode, boxes.slice(0, 50))
        : Promise.resolve({ boxes: [] as BoxAvailabilityReply[] }),
    `${port.locode}|${boxes.join(",")}`,
  );
  const availabilityOf = (box: string) =>
    availability.status === "ready"
      ? availability.data.boxes.find((b) => b.containerNumber === box)
      : undefined;
  return (
    <div className="search-result" data-containers={result.containers.length}>
      {result.containers.length === 0 && (
        <p className="muted">{t("operations.search.noBoxes", { ref: result.reference })}</p>
      )}
      {result.containers.map((c) => (
        <article key={c.containerNumber} className="box-card" data-container={c.containerNumber}>
          <h3 className="box-title">
            <span className="mono">{c.containerNumber}</span>
            {c.isoEquipmentCode && <span className="badge">{c.isoEquipmentCode}</span>}
            {c.sizeFt !== null && (
              <span className="muted small"> {t("operations.search.size", { ft: c.sizeFt })}</span>
            )}
          </h3>
          <Availability port={port} availability={availabilityOf(c.containerNumber)} />
          <dl className="facts box-facts">
            <dt>{t("operations.search.bl")}</dt>
            <dd className="mono">{c.transportDocumentReferences.join(", ") || "—"}</dd>
            <dt>{t("operations.search.booking")}</dt>
            <dd className="mono">{c.carrierBookingReferences.join(", ") || "—"}</dd>
          </dl>
          <TimelineTable
            port={port}
            entries={c.timeline}
            caption={t("operations.search.timelineOf", { box: c.containerNumber })}
          />
        </article>
      ))}
      {result.documents.length > 0 && (
        <article className="box-card documents">
          <h3>{t("operations.search.documents")}</h3>
          <TimelineTable port={port} entries={result.documents} caption={t("operations.search.documents")} />
        </article>
      )}
      <p className="muted small">{t("operations.search.zoneNote", { zone: port.timeZone })}</p>
    </div>
  );
}

function Availability({
  port,
  availability,
}: {
  port: PortDetail;
  availability: BoxAvailabilityReply | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!availability) return null;
  const a = availability;
  return (
    <p className={`availability availability-${a.status}`} data-status={a.status}>
      <span className={`badge availability-badge status-${a.status}`}>
        {t(`operations.availability.status.${a.status}`)}
      </span>{" "}
      {a.reasons.map((r) => t(`operations.availability.reasons.${r}`, { defaultValue: r })).join(" · ")}
      {a.holds.map((h) => (
        <span key={`${h.kind}|${h.reference}`} className="small muted">
          {" "}
          {t("operations.availability.hold", {
            kind: t(`operations.availability.holds.${h.kind}`),
            ref: h.reference,
            since: formatDateTime(new Date(h.since), port.timeZone, lang),
          })}
        </span>
      ))}
      {a.lastFreeDay && (
        <span className="small"> {t("operations.availability.lastFreeDay", { day: a.lastFreeDay })}</span>
      )}
    </p>
  );
}

function TimelineTable({
  port,
  entries,
  caption,
}: {
  port: PortDetail;
  entries: TimelineEntry[];
  caption: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const transport = (e: TimelineEntry) => {
    if (e.vesselName || e.vesselImo !== null)
      return [e.vesselName, e.vesselImo !== null ? `IMO ${e.vesselImo}` : null].filter(Boolean).join(" · ");
    if (e.detail) return e.kind === "event" ? t("operations.search.document", { type: e.detail }) : e.detail;
    return e.mode ? t(`operations.search.modes.${e.mode}`) : "—";
  };
  const where = (e: TimelineEntry) =>
    e.terminal ? placeName(port, e.terminal, lang) : e.port && e.port !== port.locode ? e.port : "—";
  return (
    <div className="table-wrap">
      <table className="data-table timeline-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("operations.search.when")}</th>
            <th scope="col">{t("operations.search.what")}</th>
            <th scope="col">{t("operations.search.where")}</th>
            <th scope="col">{t("operations.search.transport")}</th>
            <th scope="col">{t("operations.search.call")}</th>
            <th scope="col">{t("operations.search.state")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={`${e.at}|${e.kind}|${e.code}|${e.detail ?? ""}`}
              data-kind={e.kind}
              data-code={e.code}
              data-at={e.at}
            >
              <td className="nowrap">{formatDateTime(new Date(e.at), port.timeZone, lang)}</td>
              <th scope="row" className="row-label">
                {t(entryKey(e), { defaultValue: e.code })}
                {e.classifier && e.classifier !== "ACT" && (
                  <span className="badge">{t(`operations.search.classifiers.${e.classifier}`)}</span>
                )}
              </th>
              <td>{where(e)}</td>
              <td>{transport(e)}</td>
              <td>
                {e.callId ? (
                  <Link
                    to={`/ports/${port.locode}/calls/${encodeURIComponent(e.callId)}`}
                    data-call={e.callId}
                  >
                    {t("operations.search.openCall")}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td>{e.emptyIndicator ? t(`operations.search.empty.${e.emptyIndicator}`) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
