import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.ts";
import { useAsync } from "../hooks.ts";
import { navigate } from "../router.tsx";
import { Status } from "./Status.tsx";

/** A navigation entry without a port (`/vessels`, `/calls`) opens the first port's page of that kind. */
export function FirstPortRedirect({ subpath }: { subpath: string }) {
  const { t } = useTranslation();
  const ports = useAsync(api.ports, "ports");
  useEffect(() => {
    const first = ports.status === "ready" ? ports.data[0] : undefined;
    if (first) navigate(`/ports/${first.locode}/${subpath}`, { replace: true });
  }, [ports, subpath]);
  return ports.status === "ready" && ports.data.length === 0 ? (
    <p>{t("overview.noPorts")}</p>
  ) : (
    <Status state={ports} />
  );
}
