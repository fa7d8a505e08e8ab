// The map of one port drawn only from our GeoJSON: no tiles, glyphs, sprites or fonts are fetched,
// so there are no symbol (text) layers; names appear in popups, the legend and the feature lists.
import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { TFunction } from "i18next";
import { type CSSProperties, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortDetail, PortFeature } from "../api.ts";
import { featureName, formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { featureBounds, harbourBounds } from "./geometry.ts";
import { KIND_STYLES, type KindStyle, KNOWN_KINDS, styleOf } from "./kinds.ts";

maplibregl.setWorkerUrl(workerUrl);

const SOURCE_ID = "port";
const SELECTED_LAYER = "selected";
const POLYGON = ["Polygon", "MultiPolygon"];
const LINE_OR_POLYGON = ["Polygon", "MultiPolygon", "LineString", "MultiLineString"];
const POINT = ["Point", "MultiPoint"];

function filterFor(kind: string, geometryTypes: string[]): maplibregl.FilterSpecification {
  const ofKind: maplibregl.ExpressionSpecification = ["==", ["get", "kind"], kind];
  const ofGeometry: maplibregl.ExpressionSpecification = [
    "in",
    ["geometry-type"],
    ["literal", geometryTypes],
  ];
  return ["all", ofKind, ofGeometry];
}

function kindsIn(port: PortDetail): KindStyle[] {
  const present = new Set(port.geojson.features.map((f) => f.properties.kind));
  const known = KIND_STYLES.filter((k) => present.has(k.kind));
  const unknown = [...present].filter((k) => !KNOWN_KINDS.has(k)).map(styleOf);
  return [...known, ...unknown];
}

function layersFor(style: KindStyle): maplibregl.LayerSpecification[] {
  const layers: maplibregl.LayerSpecification[] = [];
  if (style.fillOpacity > 0) {
    layers.push({
      id: `${style.kind}-fill`,
      type: "fill",
      source: SOURCE_ID,
      filter: filterFor(style.kind, POLYGON),
      paint: { "fill-color": style.color, "fill-opacity": style.fillOpacity },
    });
  }
  layers.push({
    id: `${style.kind}-line`,
    type: "line",
    source: SOURCE_ID,
    filter: filterFor(style.kind, LINE_OR_POLYGON),
    paint: {
      "line-color": style.color,
      "line-width": style.lineWidth,
      ...(style.lineDash ? { "line-dasharray": style.lineDash } : {}),
    },
  });
  layers.push({
    id: `${style.kind}-circle`,
    type: "circle",
    source: SOURCE_ID,
    filter: filterFor(style.kind, POINT),
    paint: {
      "circle-color": style.color,
      "circle-radius": style.circleRadius,
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
    },
  });
  return layers;
}

function buildStyle(port: PortDetail, kinds: KindStyle[]): maplibregl.StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE_ID]: {
        type: "geojson",
        data: port.geojson as unknown as maplibregl.GeoJSONSourceSpecification["data"],
        promoteId: "id",
      },
    },
    layers: [
      // No coastline data is shipped: a calm neutral ground, the port's own shapes on top.
      { id: "background", type: "background", paint: { "background-color": "#eef2f4" } },
      ...kinds.flatMap(layersFor),
      // The feature whose popup is open, outlined on top of everything.
      {
        id: SELECTED_LAYER,
        type: "line",
        source: SOURCE_ID,
        filter: ["==", ["get", "id"], ""],
        paint: { "line-color": "#f59e0b", "line-width": 3.5 },
      },
      {
        id: `${SELECTED_LAYER}-point`,
        type: "circle",
        source: SOURCE_ID,
        filter: ["all", ["==", ["get", "id"], ""], ["in", ["geometry-type"], ["literal", POINT]]],
        paint: {
          "circle-radius": 9,
          "circle-color": "rgba(0,0,0,0)",
          "circle-stroke-color": "#f59e0b",
          "circle-stroke-width": 3,
        },
      },
    ],
  };
}

function select(map: maplibregl.Map, id: string | null): void {
  const is: maplibregl.ExpressionSpecification = ["==", ["get", "id"], id ?? ""];
  if (map.getLayer(SELECTED_LAYER)) map.setFilter(SELECTED_LAYER, is);
  if (map.getLayer(`${SELECTED_LAYER}-point`))
    map.setFilter(`${SELECTED_LAYER}-point`, ["all", is, ["in", ["geometry-type"], ["literal", POINT]]]);
}

/** A feature's popup, built as DOM nodes (text only, never HTML from the data). */
function showPopup(
  map: maplibregl.Map,
  lngLat: maplibregl.LngLatLike,
  props: PortFeature["properties"],
  tr: TFunction,
  lg: Language,
  anchor?: maplibregl.PositionAnchor,
): maplibregl.Popup {
  const el = document.createElement("div");
  el.className = "map-popup";
  const add = (tag: string, cls: string, text: string) => {
    const node = document.createElement(tag);
    node.className = cls;
    node.textContent = text;
    el.append(node);
    return node;
  };
  add("strong", "popup-name", featureName(props, lg));
  add("div", "popup-kind", tr(`kinds.${props.kind}`, { defaultValue: props.kind }));
  const dl = document.createElement("dl");
  const row = (label: string, value: string) => {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dl.append(dt, dd);
  };
  if (typeof props.speed_limit_kn === "number")
    row(tr("map.speedLimit"), `${formatNumber(props.speed_limit_kn, lg)} ${tr("units.kn")}`);
  if (props.operator) row(tr("map.operator"), String(props.operator));
  if (props.confidence)
    row(
      tr("map.confidence"),
      `${props.confidence} — ${tr(`confidence.${props.confidence}`, { defaultValue: "" })}`,
    );
  if (typeof props["valid_from"] === "string") row(tr("map.validFrom"), props["valid_from"]);
  if (typeof props["valid_to"] === "string") row(tr("map.validTo"), props["valid_to"]);
  if (props.source) row(tr("map.source"), String(props.source));
  if (typeof props["note"] === "string") row(tr("map.note"), props["note"]);
  el.append(dl);
  select(map, props.id);
  const popup = new maplibregl.Popup({ maxWidth: "340px", ...(anchor ? { anchor } : {}) });
  popup.on("close", () => select(map, null));
  return popup.setLngLat(lngLat).setDOMContent(el).addTo(map);
}

interface Props {
  port: PortDetail;
  /** Smaller map without controls that capture scrolling (the overview shows two side by side). */
  compact?: boolean;
  /** A feature id to zoom to and open; `seq` repeats the request for the same id. */
  focus?: { id: string; seq: number } | null;
}

export function PortMap({ port, compact = false, focus = null }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const popupRef = useRef<maplibregl.Popup | null>(null);
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const kinds = useMemo(() => kindsIn(port), [port]);

  // Popups are built outside React: keep the latest translation function for the click handler.
  const textRef = useRef({ t, lang });
  textRef.current = { t, lang };

  const speedLimits = useMemo(() => {
    const limits = new Set<number>();
    for (const f of port.geojson.features) {
      const kn = f.properties.speed_limit_kn;
      if (f.properties.kind === "speed_zone" && typeof kn === "number") limits.add(kn);
    }
    return [...limits].sort((a, b) => a - b);
  }, [port]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    setState("loading");
    delete container.dataset["mapIdle"];
    const bounds = harbourBounds(port.geojson.features);
    const osm = port.attribution.filter((a) => /openstreetmap/i.test(a)).length > 0;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container,
        style: buildStyle(port, kinds),
        ...(bounds
          ? { bounds, fitBoundsOptions: { padding: compact ? 16 : 32 } }
          : { center: port.center, zoom: port.zoom }),
        attributionControl: {
          compact: compact,
          customAttribution: osm ? "© OpenStreetMap contributors (ODbL)" : "",
        },
        cooperativeGestures: compact,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      // No WebGL (old device, locked-down browser): the tables below still carry the content.
      setState("failed");
      return;
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
    map.on("load", () => setState("loaded"));
    // Set outside React: tests and scripts wait for the first frame with all data drawn.
    map.once("idle", () => {
      container.dataset["mapIdle"] = "true";
    });

    const clickable = kinds.flatMap((k) => layersFor(k).map((l) => l.id));
    const at = (p: maplibregl.Point): maplibregl.MapGeoJSONFeature[] =>
      map.queryRenderedFeatures(
        [
          [p.x - 4, p.y - 4],
          [p.x + 4, p.y + 4],
        ],
        { layers: clickable.filter((id) => map.getLayer(id)) },
      );
    map.on("mousemove", (e) => {
      map.getCanvas().style.cursor = at(e.point).length > 0 ? "pointer" : "";
    });
    map.on("click", (e) => {
      const hit = at(e.point)[0];
      if (!hit) return;
      popupRef.current?.remove();
      const { t: tr, lang: lg } = textRef.current;
      popupRef.current = showPopup(map, e.lngLat, hit.properties as PortFeature["properties"], tr, lg);
    });
    return () => {
      popupRef.current?.remove();
      map.remove();
      mapRef.current = null;
    };
  }, [port, compact, kinds]);

  // A language switch closes an open popup rather than leaving it in the other language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on language change only.
  useEffect(() => {
    popupRef.current?.remove();
  }, [lang]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    for (const k of kinds)
      for (const layer of layersFor(k))
        if (map.getLayer(layer.id))
          map.setLayoutProperty(layer.id, "visibility", hidden.has(k.kind) ? "none" : "visible");
  }, [hidden, kinds, state]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `seq` re-runs a repeated focus on the same feature.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus || state !== "loaded") return;
    const feature = port.geojson.features.find((f) => f.properties.id === focus.id);
    const b = feature ? featureBounds([feature]) : null;
    if (!feature || !b) return;
    // Keep the feature on the left and its popup beside it, so neither hides the other.
    const right = Math.min(380, map.getContainer().clientWidth / 2);
    map.fitBounds(b, { padding: { top: 40, bottom: 40, left: 40, right }, maxZoom: 13.5, duration: 600 });
    popupRef.current?.remove();
    const { t: tr, lang: lg } = textRef.current;
    popupRef.current = showPopup(map, [b[2], (b[1] + b[3]) / 2], feature.properties, tr, lg, "left");
    containerRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [focus?.id, focus?.seq, state, port]);

  const fitView = (which: "harbour" | "all") => {
    const features = port.geojson.features;
    const b = which === "harbour" ? harbourBounds(features) : featureBounds(features);
    if (b) mapRef.current?.fitBounds(b, { padding: 32, duration: 600 });
  };

  const toggle = (kind: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <section className={`port-map${compact ? " compact" : ""}`} aria-label={t("map.ariaLabel")}>
      <div ref={containerRef} className="map-canvas" data-map-state={state} data-locode={port.locode} />
      {state === "failed" && <p className="map-failed">{t("map.failed")}</p>}
      {!compact && state === "loaded" && (
        <fieldset className="map-views" aria-label={t("map.view")}>
          <button type="button" onClick={() => fitView("harbour")}>
            {t("map.viewHarbour")}
          </button>
          <button type="button" onClick={() => fitView("all")}>
            {t("map.viewAll")}
          </button>
        </fieldset>
      )}
      <ul className="map-legend" aria-label={t("map.legend")}>
        {kinds.map((k) => (
          <li key={k.kind}>
            <label>
              <input type="checkbox" checked={!hidden.has(k.kind)} onChange={() => toggle(k.kind)} />
              <span
                className={`swatch swatch-${k.fillOpacity > 0 ? "area" : "line"}`}
                style={{ "--swatch": k.color } as CSSProperties}
                aria-hidden="true"
              />
              {t(`kinds.${k.kind}`, { defaultValue: k.kind })}
              {k.kind === "speed_zone" && speedLimits.length > 0 && (
                <span className="legend-note">
                  {" "}
                  ({speedLimits.map((kn) => `${formatNumber(kn, lang)} ${t("units.kn")}`).join(", ")})
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
