// The map of one port drawn only from our GeoJSON: no tiles, glyphs, sprites or fonts are fetched,
// so there are no symbol (text) layers; names appear in popups, the legend and the feature lists.
import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { TFunction } from "i18next";
import { type CSSProperties, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortDetail, PortFeature, PortVessels, ShipTypeGroup, VesselTrack } from "../api.ts";
import { featureName, formatDateTime, formatNumber } from "../format.ts";
import { useLanguage } from "../hooks.ts";
import type { Language } from "../i18n/index.ts";
import { featureBounds, harbourBounds } from "./geometry.ts";
import { KIND_STYLES, type KindStyle, KNOWN_KINDS, styleOf } from "./kinds.ts";
import {
  drawVesselIcon,
  GROUP_COLORS,
  GROUP_ORDER,
  SPEED_CLASSES,
  trackBounds,
  trackFeatures,
  UNKNOWN_SPEED_COLOR,
  VESSEL_ICON_PREFIX,
  vesselFeatures,
} from "./vessels.ts";

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

function buildStyle(port: PortDetail, kinds: KindStyle[], compact: boolean): maplibregl.StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE_ID]: {
        type: "geojson",
        data: port.geojson as unknown as maplibregl.GeoJSONSourceSpecification["data"],
        promoteId: "id",
      },
      [VESSEL_SOURCE]: { type: "geojson", data: vesselFeatures(null) },
      [TRACK_SOURCE]: { type: "geojson", data: trackFeatures(null) },
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
      ...vesselLayers(compact),
    ],
  };
}

const VESSEL_SOURCE = "vessels";
const TRACK_SOURCE = "track";
const VESSEL_ICON_LAYER = "vessel-icon";
const VESSEL_DOT_LAYER = "vessel-dot";
const VESSEL_SELECTED_LAYER = "vessel-selected";
const TRACK_LINE_LAYER = "track-line";
const VESSEL_LAYERS = [VESSEL_DOT_LAYER, VESSEL_ICON_LAYER];

// The spread pairs defeat the tuple type of "match": cast once here.
const groupColor = [
  "match",
  ["get", "group"],
  ...GROUP_ORDER.flatMap((g) => [g, GROUP_COLORS[g]]),
  GROUP_COLORS.unknown,
] as unknown as maplibregl.ExpressionSpecification;

const speedColor = [
  "match",
  ["get", "speedClass"],
  ...SPEED_CLASSES.flatMap((c, i) => [i, c.color]),
  UNKNOWN_SPEED_COLOR,
] as unknown as maplibregl.ExpressionSpecification;

function vesselFilter(hidden: ReadonlySet<string>, heading: boolean): maplibregl.FilterSpecification {
  return [
    "all",
    heading ? [">=", ["get", "bearing"], 0] : ["<", ["get", "bearing"], 0],
    ["!", ["in", ["get", "group"], ["literal", [...hidden]]]],
  ];
}

/** The track under the vessels, the vessels on top, the selected one ringed. */
function vesselLayers(compact: boolean): maplibregl.LayerSpecification[] {
  const scale = compact ? 0.75 : 1;
  return [
    {
      id: TRACK_LINE_LAYER,
      type: "line",
      source: TRACK_SOURCE,
      filter: ["==", ["get", "part"], "line"],
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": speedColor,
        "line-width": 3.5,
      },
    },
    {
      id: "track-ends",
      type: "circle",
      source: TRACK_SOURCE,
      filter: ["in", ["get", "part"], ["literal", ["start", "end"]]],
      paint: {
        "circle-radius": 6,
        "circle-color": ["match", ["get", "part"], "start", "#ffffff", "#1c2b36"],
        "circle-stroke-color": "#1c2b36",
        "circle-stroke-width": 2.5,
      },
    },
    {
      id: VESSEL_DOT_LAYER,
      type: "circle",
      source: VESSEL_SOURCE,
      filter: vesselFilter(new Set(), false),
      paint: {
        "circle-radius": 5 * scale,
        "circle-color": groupColor,
        "circle-stroke-color": "#1c2b36",
        "circle-stroke-width": 1.3,
      },
    },
    {
      id: VESSEL_ICON_LAYER,
      type: "symbol",
      source: VESSEL_SOURCE,
      filter: vesselFilter(new Set(), true),
      layout: {
        "icon-image": ["concat", VESSEL_ICON_PREFIX, ["get", "group"]],
        "icon-size": scale,
        "icon-rotate": ["get", "bearing"],
        "icon-rotation-alignment": "map",
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
      },
    },
    {
      id: VESSEL_SELECTED_LAYER,
      type: "circle",
      source: VESSEL_SOURCE,
      filter: ["==", ["get", "mmsi"], -1],
      paint: {
        "circle-radius": 17,
        "circle-color": "rgba(245,158,11,0.12)",
        "circle-stroke-color": "#f59e0b",
        "circle-stroke-width": 2.5,
      },
    },
  ];
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
  /** The port's vessels at their latest positions (refreshed by the page). */
  vessels?: PortVessels | null;
  selectedMmsi?: number | null;
  onSelectVessel?: (mmsi: number | null) => void;
  /** A track to draw; the map fits it each time a new one arrives. */
  track?: VesselTrack | null;
}

export function PortMap({
  port,
  compact = false,
  focus = null,
  vessels = null,
  selectedMmsi = null,
  onSelectVessel,
  track = null,
}: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const popupRef = useRef<maplibregl.Popup | null>(null);
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hiddenGroups, setHiddenGroups] = useState<ReadonlySet<string>>(new Set());
  const kinds = useMemo(() => kindsIn(port), [port]);
  const onSelectRef = useRef(onSelectVessel);
  onSelectRef.current = onSelectVessel;
  const groupCounts = useMemo(() => {
    const counts = new Map<ShipTypeGroup, number>();
    for (const v of vessels?.vessels ?? [])
      counts.set(v.shipTypeGroup, (counts.get(v.shipTypeGroup) ?? 0) + 1);
    return GROUP_ORDER.filter((g) => counts.has(g)).map((g) => [g, counts.get(g) ?? 0] as const);
  }, [vessels]);

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
        style: buildStyle(port, kinds, compact),
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
    map.on("load", () => {
      // Vessel icons are drawn here, before any vessel is on the map (no sprite sheet is fetched).
      const ratio = 2;
      for (const group of GROUP_ORDER) {
        const image = drawVesselIcon(GROUP_COLORS[group], ratio);
        if (image) map.addImage(`${VESSEL_ICON_PREFIX}${group}`, image, { pixelRatio: ratio });
      }
      setState("loaded");
    });
    // Set outside React: tests and scripts wait for the first frame with all data drawn.
    map.once("idle", () => {
      container.dataset["mapIdle"] = "true";
    });
    // What is actually drawn, for tests and scripts: vessels and track pieces on screen, the view.
    map.on("idle", () => {
      const layers = [...VESSEL_LAYERS, TRACK_LINE_LAYER].filter((id) => map.getLayer(id));
      const drawn = map.queryRenderedFeatures({ layers });
      container.dataset["vesselsRendered"] = String(
        new Set(drawn.filter((f) => f.source === VESSEL_SOURCE).map((f) => f.properties["mmsi"])).size,
      );
      container.dataset["trackRendered"] = String(
        drawn.filter((f) => f.layer.id === TRACK_LINE_LAYER).length,
      );
      container.dataset["bounds"] = map.getBounds().toArray().flat().join(",");
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
    // Vessels are small and move: a slightly larger hit box, checked before the port's shapes.
    const vesselAt = (p: maplibregl.Point): number | null => {
      const hit = map.queryRenderedFeatures(
        [
          [p.x - 8, p.y - 8],
          [p.x + 8, p.y + 8],
        ],
        { layers: VESSEL_LAYERS.filter((id) => map.getLayer(id)) },
      )[0];
      const mmsi = hit?.properties["mmsi"];
      return typeof mmsi === "number" ? mmsi : null;
    };
    map.on("mousemove", (e) => {
      const onVessel = onSelectRef.current && vesselAt(e.point) !== null;
      map.getCanvas().style.cursor = onVessel || at(e.point).length > 0 ? "pointer" : "";
    });
    map.on("click", (e) => {
      const mmsi = onSelectRef.current ? vesselAt(e.point) : null;
      if (mmsi !== null) {
        popupRef.current?.remove();
        onSelectRef.current?.(mmsi);
        return;
      }
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

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    (map.getSource(VESSEL_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(vesselFeatures(vessels));
  }, [vessels, state]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    map.setFilter(VESSEL_DOT_LAYER, vesselFilter(hiddenGroups, false));
    map.setFilter(VESSEL_ICON_LAYER, vesselFilter(hiddenGroups, true));
  }, [hiddenGroups, state]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    map.setFilter(VESSEL_SELECTED_LAYER, ["==", ["get", "mmsi"], selectedMmsi ?? -1]);
  }, [selectedMmsi, state]);

  // A vessel chosen elsewhere (the list, a shared link) is brought into view when it is off screen.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded" || selectedMmsi === null) return;
    const v = vessels?.vessels.find((x) => x.mmsi === selectedMmsi);
    if (v && !map.getBounds().contains([v.lonDeg, v.latDeg]))
      map.easeTo({ center: [v.lonDeg, v.latDeg], duration: 500 });
  }, [selectedMmsi, state, vessels]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== "loaded") return;
    (map.getSource(TRACK_SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(trackFeatures(track));
    const b = track ? trackBounds(track) : null;
    if (b) map.fitBounds(b, { padding: 64, maxZoom: 14, duration: 600 });
  }, [track, state]);

  const toggleGroup = (group: string) =>
    setHiddenGroups((prev) => {
      const next = new Set(prev);
      if (next.has(group)) next.delete(group);
      else next.add(group);
      return next;
    });

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
      {vessels && (
        <p className="vessel-status" data-vessel-count={vessels.vessels.length}>
          {vessels.asOf
            ? t("vessels.status", {
                n: formatNumber(vessels.vessels.length, lang),
                time: formatDateTime(new Date(vessels.asOf), port.timeZone, lang),
              })
            : t("vessels.none")}
        </p>
      )}
      {groupCounts.length > 0 && (
        <ul className="map-legend vessel-legend" aria-label={t("vessels.legend")}>
          {groupCounts.map(([group, n]) => (
            <li key={group} data-group={group}>
              <label>
                <input
                  type="checkbox"
                  checked={!hiddenGroups.has(group)}
                  onChange={() => toggleGroup(group)}
                />
                <span
                  className="swatch swatch-vessel"
                  style={{ "--swatch": GROUP_COLORS[group] } as CSSProperties}
                  aria-hidden="true"
                />
                {t(`shipTypeGroups.${group}`)} <span className="legend-note">({formatNumber(n, lang)})</span>
              </label>
            </li>
          ))}
        </ul>
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
