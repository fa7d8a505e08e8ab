import { type ComponentProps, lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

// maplibre-gl is most of the bundle: load it only where a map is shown, after the page's text.
const PortMapImpl = lazy(() => import("./PortMap.tsx").then((m) => ({ default: m.PortMap })));

export function LazyPortMap(props: ComponentProps<typeof PortMapImpl>) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <div className={`port-map${props.compact ? " compact" : ""}`}>
          <div className="map-canvas map-placeholder">{t("map.loading")}</div>
        </div>
      }
    >
      <PortMapImpl {...props} />
    </Suspense>
  );
}
