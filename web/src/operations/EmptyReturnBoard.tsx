// The empty-return board ("Return Signal"-class): per terminal, size and line, whether empties are
// accepted today and tomorrow (the port's local days), as the terminals published them; the server
// refreshes it every 5 minutes and the page asks again on the same rhythm. Changes of the last 24 h
// are listed as alerts. "*" is every line a terminal did not name.
import { useTranslation } from "react-i18next";
import { type EmptyReturnBoardReply, operationsApi, type PortDetail } from "../api.ts";
import { Status } from "../components/Status.tsx";
import { formatDateTime } from "../format.ts";
import { useAsync, useLanguage, useNow } from "../hooks.ts";

type Row = EmptyReturnBoardReply["rows"][number];

export function EmptyReturnBoard({ port, names }: { port: PortDetail; names: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // Asked again on the board's 5-minute tick.
  const tick = Math.floor(useNow(60_000).getTime() / 300_000);
  const state = useAsync(() => operationsApi.emptyReturns(port.locode), `${port.locode}|board|${tick}`);
  const line = (l: string) => (l === "*" ? t("operations.emptyReturns.allLines") : l);
  const status = (s: Row["today"]) => (
    <span className={`return-status return-${s}`} data-status={s}>
      {t(`operations.emptyReturns.status.${s}`)}
    </span>
  );
  return (
    <section className="panel ops-empty-returns" data-panel="empty-returns" aria-labelledby="ops-empty-title">
      <h2 id="ops-empty-title">{t("operations.emptyReturns.title")}</h2>
      <p className="muted small">{t("operations.emptyReturns.lead")}</p>
      <Status state={state} />
      {state.status === "ready" &&
        (state.data.rows.length === 0 ? (
          <p className="muted">{t("operations.emptyReturns.none")}</p>
        ) : (
          <>
            <p className="small" data-refreshed={state.data.refreshedAt}>
              {t("operations.emptyReturns.refreshed", {
                time: formatDateTime(new Date(state.data.refreshedAt), port.timeZone, lang),
              })}
            </p>
            {state.data.alerts.length > 0 && (
              <ul className="return-alerts" aria-label={t("operations.emptyReturns.alertsTitle")}>
                {state.data.alerts.map((a) => (
                  <li
                    key={`${a.at}|${a.terminal}|${a.sizeFt}|${a.line}|${a.day}`}
                    className={a.kind === "stopped_accepting" ? "warn" : ""}
                    data-kind={a.kind}
                  >
                    {t(`operations.emptyReturns.alerts.${a.kind}`, {
                      time: formatDateTime(new Date(a.at), port.timeZone, lang),
                      terminal: names(a.terminal),
                      size: a.sizeFt,
                      line: line(a.line),
                      day: a.day,
                    })}
                  </li>
                ))}
              </ul>
            )}
            <div className="table-wrap ops-scroll">
              <table className="data-table board-table">
                <caption className="visually-hidden">{t("operations.emptyReturns.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("operations.emptyReturns.terminal")}</th>
                    <th scope="col">{t("operations.emptyReturns.size")}</th>
                    <th scope="col">{t("operations.emptyReturns.line")}</th>
                    <th scope="col">{t("operations.emptyReturns.today", { day: state.data.today })}</th>
                    <th scope="col">{t("operations.emptyReturns.tomorrow", { day: state.data.tomorrow })}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.rows.map((r) => (
                    <tr
                      key={`${r.terminal}|${r.sizeFt}|${r.line}`}
                      data-terminal={r.terminal}
                      data-size={r.sizeFt}
                      data-line={r.line}
                    >
                      <th scope="row" className="row-label">
                        {names(r.terminal)}
                      </th>
                      <td>{r.sizeFt} ft</td>
                      <td className={r.line === "*" ? "" : "mono"}>{line(r.line)}</td>
                      <td>{status(r.today)}</td>
                      <td>{status(r.tomorrow)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </section>
  );
}
