// Truck visits at the gates with their turn times, newest first, times in the port's zone. The
// server confines them to the reader (issue 14): a trucking company sees its own visits, a terminal
// operator its terminal's; the public is asked to sign in.
import { useTranslation } from "react-i18next";
import { operationsApi, type PortDetail, type TruckVisitsReply } from "../api.ts";
import { Status } from "../components/Status.tsx";
import { formatDateTime, formatNumber } from "../format.ts";
import { useAsync, useLanguage } from "../hooks.ts";

export function TruckVisitsPanel({
  port,
  range,
  names,
}: {
  port: PortDetail;
  range: { from: string; to: string };
  names: (terminal: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const visits = useAsync<TruckVisitsReply>(
    () => operationsApi.truckVisits(port.locode, range),
    `visits|${port.locode}|${range.from}|${range.to}`,
  );
  const minutes = (x: number | null) =>
    x === null ? "–" : formatNumber(x, lang, { maximumFractionDigits: 1 });
  const at = (iso: string) => formatDateTime(new Date(iso), port.timeZone, lang);
  return (
    <section className="panel truck-visits" aria-labelledby="truck-visits-title">
      <h2 id="truck-visits-title">{t("operations.visits.title")}</h2>
      <p className="muted small">{t("operations.visits.lead")}</p>
      <Status state={visits} />
      {visits.status === "ready" ? (
        <>
          <p className="visits-means">
            {t("operations.visits.means", {
              count: visits.data.visits.length,
              turn: minutes(visits.data.meanTurnMin),
              inTerminal: minutes(visits.data.meanInTerminalMin),
            })}
            {visits.data.truncated ? ` ${t("operations.visits.truncated")}` : ""}
          </p>
          <div className="table-wrap ops-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t("operations.visits.gateIn")}</th>
                  <th>{t("operations.visits.terminal")}</th>
                  <th>{t("operations.visits.truck")}</th>
                  <th>{t("operations.visits.carrier")}</th>
                  <th>{t("operations.visits.turn")}</th>
                  <th>{t("operations.visits.inTerminal")}</th>
                  <th>{t("operations.visits.boxes")}</th>
                </tr>
              </thead>
              <tbody>
                {visits.data.visits.map((v) => (
                  <tr key={v.visitId} data-carrier={v.carrierScac ?? ""}>
                    <td>{at(v.gateIn)}</td>
                    <td>{names(v.terminal)}</td>
                    <td>{v.truckId}</td>
                    <td>{v.carrierScac ?? "–"}</td>
                    <td>{minutes(v.turnMin)}</td>
                    <td>{minutes(v.inTerminalMin)}</td>
                    <td>
                      {v.moves
                        .map((m) => `${t(`operations.visits.${m.direction}`)} ${m.containerNumber}`)
                        .join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
