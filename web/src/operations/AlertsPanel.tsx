// Alerts of the port (issue 12): the webhook subscriptions terminal operators, analysts and
// partners made (what each watches, where it is sent, whether it is active) and each one's latest
// deliveries with the receiver's answer. A subscription can be disabled and re-enabled here (after
// its receiver answered 410 Gone, say); subscriptions are made with the API or
// `sisterports ops alerts subscribe`. Only the receiver's host is shown (a URL may carry a token).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type Delivery, operationsApi, type PortDetail, type Subscription } from "../api.ts";
import { Status } from "../components/Status.tsx";
import { formatDateTime } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";

/** Subscriptions shown, and deliveries per subscription. */
const MAX_SHOWN = 20;
const DELIVERIES_SHOWN = 5;

type Kinds = Subscription["kinds"];

/** The host a subscription posts to ("hooks.example.com"), or the URL as given when it does not parse. */
export function receiverHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function KindList({ kinds, names }: { kinds: Kinds; names: (id: string) => string }) {
  const { t } = useTranslation();
  const where = (terminal: string | undefined) =>
    terminal === undefined ? t("operations.alerts.anyTerminal") : names(terminal);
  const items: string[] = [];
  const box = kinds["box.moved"];
  if (box) items.push(t("operations.alerts.kinds.boxMoved", { count: box.containers.length }));
  const dwell = kinds["dwell.exceeded"];
  if (dwell)
    items.push(
      t("operations.alerts.kinds.dwell", { days: dwell.thresholdDays, where: where(dwell.terminal) }),
    );
  const turn = kinds["turn_time.exceeded"];
  if (turn)
    items.push(
      t("operations.alerts.kinds.turn", {
        min: turn.thresholdMin,
        statistic: t(`operations.alerts.statistic.${turn.statistic}`),
        where: where(turn.terminal),
      }),
    );
  const empty = kinds["empty_return.closed"];
  if (empty)
    items.push(
      t("operations.alerts.kinds.empty", {
        where: where(empty.terminal),
        size: empty.sizeFt ?? t("operations.alerts.anySize"),
        line: empty.line ?? t("operations.alerts.anyLine"),
      }),
    );
  return (
    <ul className="plain small">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

function Deliveries({ port, id }: { port: PortDetail; id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const state = useAsync(
    () => operationsApi.alertDeliveries(port.locode, id, DELIVERIES_SHOWN),
    `${id}|deliveries`,
  );
  if (state.status !== "ready") return <Status state={state} />;
  if (state.data.deliveries.length === 0)
    return <p className="muted small">{t("operations.alerts.noDeliveries")}</p>;
  const answer = (d: Delivery) => {
    const last = d.attempts.at(-1);
    return last === undefined ? "" : String(last.statusCode ?? last.error ?? "");
  };
  return (
    <table className="data-table small">
      <thead>
        <tr>
          <th>{t("operations.alerts.raised")}</th>
          <th>{t("operations.alerts.type")}</th>
          <th>{t("operations.alerts.status")}</th>
          <th>{t("operations.alerts.tries")}</th>
          <th>{t("operations.alerts.answer")}</th>
        </tr>
      </thead>
      <tbody>
        {state.data.deliveries.map((d) => (
          <tr key={d.id} data-status={d.status}>
            <td>{formatDateTime(new Date(d.createdAt), port.timeZone, lang)}</td>
            <td>{t(`operations.alerts.types.${d.type.replace(/[._]/g, "_")}`)}</td>
            <td className={d.status === "failed" ? "warn" : ""}>
              {t(`operations.alerts.statuses.${d.status}`)}
            </td>
            <td className="num">{d.attempts.length}</td>
            <td>{answer(d)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Disable / re-enable one subscription; the panel reloads after a change. */
function EnableButton({ port, sub, changed }: { port: PortDetail; sub: Subscription; changed: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = () => {
    setBusy(true);
    setError(null);
    operationsApi.setAlertSubscriptionEnabled(port.locode, sub.id, !sub.active).then(
      () => {
        setBusy(false);
        changed();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof ApiError && e.problem ? e.problem.detail : t("operations.alerts.changeFailed"));
      },
    );
  };
  return (
    <>
      <button
        type="button"
        className="small"
        data-action={sub.active ? "disable" : "enable"}
        disabled={busy}
        onClick={toggle}
      >
        {sub.active ? t("operations.alerts.disable") : t("operations.alerts.enable")}
      </button>
      {error !== null && (
        <span className="warn small" role="alert">
          {" "}
          {error}
        </span>
      )}
    </>
  );
}

export function AlertsPanel({ port, names }: { port: PortDetail; names: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [version, setVersion] = useState(0);
  const state = useAsync(
    () => operationsApi.alertSubscriptions(port.locode),
    `${port.locode}|alerts|${version}`,
  );
  return (
    <section className="panel ops-alerts" data-panel="alerts" aria-labelledby="ops-alerts-title">
      <h2 id="ops-alerts-title">{t("operations.alerts.title")}</h2>
      <p className="muted small">{t("operations.alerts.lead")}</p>
      <Status state={state} />
      {state.status === "ready" &&
        (state.data.subscriptions.length === 0 ? (
          <p className="muted">{t("operations.alerts.none")}</p>
        ) : (
          state.data.subscriptions.slice(0, MAX_SHOWN).map((s) => (
            <article
              key={s.id}
              className="alert-subscription"
              data-subscription={s.id}
              data-active={s.active}
            >
              <h3>
                {s.owner} → <span className="mono">{receiverHost(s.url)}</span>{" "}
                <span className={s.active ? "muted small" : "warn small"}>
                  {s.active
                    ? t("operations.alerts.activeSince", {
                        time: formatDateTime(new Date(s.alertsFrom), port.timeZone, lang),
                      })
                    : t("operations.alerts.disabled", { reason: s.disabledReason ?? "" })}
                </span>{" "}
                <EnableButton port={port} sub={s} changed={() => setVersion((v) => v + 1)} />
              </h3>
              <KindList kinds={s.kinds} names={names} />
              <Deliveries port={port} id={s.id} key={version} />
            </article>
          ))
        ))}
    </section>
  );
}
