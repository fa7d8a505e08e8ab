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
const SIZES = [20, 40, 45] as const;

/** The board's rows as one line per terminal and carrier, its sizes side by side ("*" first). */
export function boardLines(
  rows: readonly Row[],
): { terminal: string; line: string; bySize: Map<number, Row> }[] {
  const out = new Map<string, { terminal: string; line: string; bySize: Map<number, Row> }>();
  for (const r of rows) {
    const key = `${r.terminal}|${r.line}`;
    let l = out.get(key);
    if (!l) {
      l = { terminal: r.terminal, line: r.line, bySize: new Map() };
      out.set(key, l);
    }
    l.bySize.set(r.sizeFt, r);
  }
  return [...out.values()].sort(
    (a, b) => a.terminal.localeCompare(b.terminal) || a.line.localeCompare(b.line),
  );
}

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
                    <th scope="col" rowSpan={2}>
                      {t("operations.emptyReturns.terminal")}
                    </th>
                    <th scope="col" rowSpan={2}>
                      {t("operations.emptyReturns.line")}
                    </th>
                    <th scope="colgroup" colSpan={3}>
                      {t("operations.emptyReturns.today", { day: state.data.today })}
                    </th>
                    <th scope="colgroup" colSpan={3}>
                      {t("operations.emptyReturns.tomorrow", { day: state.data.tomorrow })}
                    </th>
                  </tr>
                  <tr>
                    {[0, 1].flatMap((d) =>
                      SIZES.map((size) => (
                        <th scope="col" key={`${d}-${size}`}>
                          {size} ft
                        </th>
                      )),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {boardLines(state.data.rows).map(({ terminal, line: l, bySize }) => (
                    <tr key={`${terminal}|${l}`} data-terminal={terminal} data-line={l}>
                      <th scope="row" className="row-label">
                        {names(terminal)}
                      </th>
                      <td className={l === "*" ? "" : "mono"}>{line(l)}</td>
                      {(["today", "tomorrow"] as const).flatMap((day) =>
                        SIZES.map((size) => {
                          const r = bySize.get(size);
                          return (
                            <td key={`${day}-${size}`} data-day={day} data-size={size}>
                              {r && !(l === "*" && r[day] === "unknown") ? status(r[day]) : "—"}
                            </td>
                          );
                        }),
                      )}
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
