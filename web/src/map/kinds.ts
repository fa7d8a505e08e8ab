// How each feature kind is drawn. One table drives the map layers and the legend, so they agree.

export interface KindStyle {
  kind: string;
  color: string;
  /** Polygon fill opacity; 0 draws the outline only (speed zones, whose circles span the whole view). */
  fillOpacity: number;
  lineWidth: number;
  lineDash?: [number, number];
  circleRadius: number;
}

// Drawn bottom to top: large areas first, small precise things (berths, entrances) last.
export const KIND_STYLES: KindStyle[] = [
  { kind: "port_area", color: "#7a9cb8", fillOpacity: 0.16, lineWidth: 1.2, circleRadius: 4 },
  { kind: "speed_zone", color: "#d9822b", fillOpacity: 0, lineWidth: 2, lineDash: [3, 2], circleRadius: 4 },
  { kind: "precautionary_area", color: "#e0b000", fillOpacity: 0.14, lineWidth: 1.2, circleRadius: 4 },
  {
    kind: "approach_area",
    color: "#c9a227",
    fillOpacity: 0.1,
    lineWidth: 1.2,
    lineDash: [4, 2],
    circleRadius: 4,
  },
  { kind: "traffic_lane", color: "#b0479a", fillOpacity: 0.18, lineWidth: 1.2, circleRadius: 4 },
  {
    kind: "anchorage",
    color: "#3f6fd1",
    fillOpacity: 0.14,
    lineWidth: 1.2,
    lineDash: [2, 2],
    circleRadius: 4,
  },
  { kind: "pilot_boarding", color: "#2e9e6a", fillOpacity: 0.18, lineWidth: 1.2, circleRadius: 5 },
  { kind: "terminal", color: "#0f5e6e", fillOpacity: 0.55, lineWidth: 1.2, circleRadius: 7 },
  { kind: "berth", color: "#c0392b", fillOpacity: 0.75, lineWidth: 3, circleRadius: 4 },
  { kind: "breakwater", color: "#4a4a4a", fillOpacity: 0.6, lineWidth: 3, circleRadius: 4 },
  { kind: "entrance", color: "#111111", fillOpacity: 0.6, lineWidth: 3, circleRadius: 5 },
  {
    kind: "reference_line",
    color: "#6d6d6d",
    fillOpacity: 0,
    lineWidth: 1.5,
    lineDash: [4, 3],
    circleRadius: 4,
  },
  { kind: "reference_point", color: "#6d6d6d", fillOpacity: 0.6, lineWidth: 1, circleRadius: 3.5 },
];

export const KNOWN_KINDS = new Set(KIND_STYLES.map((k) => k.kind));

export function styleOf(kind: string): KindStyle {
  return KIND_STYLES.find((k) => k.kind === kind) ?? { ...KIND_STYLES[0]!, kind };
}
