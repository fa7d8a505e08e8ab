import { useTranslation } from "react-i18next";
import { api } from "../api.ts";
import { localName } from "../format.ts";
import { useAsync, useLanguage, useNow } from "../hooks.ts";
import { Link, matchPath, usePathname } from "../router.tsx";
import { PortClock } from "./PortClock.tsx";

export function PortSwitcher() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const now = useNow();
  const pathname = usePathname();
  const ports = useAsync(api.ports, "ports");
  // On a port's vessel list, the other port's chip opens its vessel list.
  const onList = matchPath("/ports/:locode/vessels", pathname);
  const current = (matchPath("/ports/:locode", pathname) ?? onList)?.["locode"];

  if (ports.status !== "ready") return null;
  return (
    <nav className="port-switcher" aria-label={t("ports.switcherLabel")}>
      {ports.data.map((port) => (
        <Link
          key={port.locode}
          to={`/ports/${port.locode}${onList ? "/vessels" : ""}`}
          className={`port-chip${current === port.locode ? " active" : ""}`}
          aria-current={current === port.locode ? "page" : undefined}
          data-locode={port.locode}
        >
          <span className="port-chip-name">{localName(port.name, lang)}</span>
          <span className="port-chip-code">{port.locode}</span>
          <PortClock timeZone={port.timeZone} now={now} />
        </Link>
      ))}
    </nav>
  );
}
