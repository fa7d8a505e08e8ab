// The places of the import forecast and the empty-return board. Their API is not in this server
// yet: the panel asks for it and says "not available yet" when the server answers 404 — never
// invented figures. LEAD: when `src/operations/wire.ts` has their shapes, give operationsApi typed
// fetchers and render the data where `connected` is shown below.
import { useTranslation } from "react-i18next";
import { ApiError, operationsApi, type PortDetail } from "../api.ts";
import { Status } from "../components/Status.tsx";
import { useAsync } from "../hooks.ts";

export function PendingPanel({ port, name }: { port: PortDetail; name: "forecast" | "empty-returns" }) {
  const { t } = useTranslation();
  const state = useAsync(() => operationsApi.pending(port.locode, name), `${port.locode}|${name}`);
  const section = name === "forecast" ? "forecast" : "emptyReturns";
  const missing = state.status === "error" && state.error instanceof ApiError && state.error.status === 404;
  return (
    <section
      className={`panel ops-pending-panel ops-${name}`}
      data-panel={name}
      aria-labelledby={`ops-${name}-title`}
    >
      <h2 id={`ops-${name}-title`}>{t(`operations.${section}.title`)}</h2>
      <p className="muted small">{t(`operations.${section}.lead`)}</p>
      {missing ? (
        <p className="not-available" data-available="false">
          {t("operations.pending.notAvailable")}
        </p>
      ) : state.status === "ready" ? (
        <p className="not-available" data-available="connected">
          {t("operations.pending.connected")}
        </p>
      ) : (
        <Status state={state} />
      )}
    </section>
  );
}
