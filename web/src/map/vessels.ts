// How vessels and their tracks are drawn: one table drives the map symbols and the legend.
import type { Feature, FeatureCollection, Point } from "geojson";
import type { PortVessels, ShipTypeGroup, VesselOnMap, VesselTrack } from "../api.ts";

/**
 * Colours per ship-type group: Okabe & Ito's colour-blind-safe palette for the eight commonest groups,
 * then Paul Tol's indigo/olive and greys for the rest. Every symbol has a dark outline, so the light
 * yellow of pilot boats stays visible on the pale ground.
 */
export const GROUP_COLORS: Record<ShipTypeGroup, string> = {
  cargo: "#0072B2",
  tanker: "#D55E00",
  passenger: "#CC79A7",
  tug: "#E69F00",
  pilot: "#F0E442",
  fishing: "#009E73",
  pleasure: "#56B4E9",
  high_speed: "#332288",
  special: "#999933",
  other: "#777777",
  unknown: "#BBBBBB",
};

export const GROUP_ORDER = Object.keys(GROUP_COLORS) as ShipTypeGroup[];

/** A group the calls API names (a plain string there) as one drawn here; "unknown" for any other. */
export const groupOf = (group: string): ShipTypeGroup =>
  Object.hasOwn(GROUP_COLORS, group) ? (group as ShipTypeGroup) : "unknown";

/** Heading when the vessel sends it, else course over ground when it moves; null draws a dot. */
export function bearingOf(v: Pick<VesselOnMap, "headingDeg" | "cogDeg" | "sogKnots">): number | null {
  if (v.headingDeg !== null) return v.headingDeg;
  if (v.cogDeg !== null && (v.sogKnots ?? 0) >= 0.5) return v.cogDeg;
  return null;
}

export const VESSEL_ICON_PREFIX = "vessel-";

/**
 * A pointed hull shape, bow up, in the group's colour with a dark outline, drawn on a canvas at
 * `pixelRatio` so it stays crisp — MapLibre rotates it by `icon-rotate`. No sprite is fetched.
 */
export function drawVesselIcon(color: string, pixelRatio: number): ImageData | null {
  const size = Math.round(22 * pixelRatio);
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  // A CPU canvas: it is read back once with getImageData (a GPU one stalls and warns).
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return null;
  const s = size / 22;
  ctx.scale(s, s);
  ctx.beginPath();
  ctx.moveTo(11, 1.5); // bow
  ctx.lineTo(17, 12);
  ctx.lineTo(16, 20.5);
  ctx.lineTo(6, 20.5);
  ctx.lineTo(5, 12);
  ctx.closePath();
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 1.6;
  ctx.lineJoin = "round";
  ctx.strokeStyle = "#1c2b36";
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

export interface VesselProps {
  mmsi: number;
  group: ShipTypeGroup;
  name: string;
  /** Degrees clockwise from north, or -1 when unknown (MapLibre properties cannot hold null reliably). */
  bearing: number;
}

export function vesselFeatures(data: PortVessels | null): FeatureCollection<Point, VesselProps> {
  return {
    type: "FeatureCollection",
    features: (data?.vessels ?? []).map((v) => ({
      type: "Feature",
      id: v.mmsi,
      geometry: { type: "Point", coordinates: [v.lonDeg, v.latDeg] },
      properties: {
        mmsi: v.mmsi,
        group: v.shipTypeGroup,
        name: v.name ?? String(v.mmsi),
        bearing: bearingOf(v) ?? -1,
      },
    })),
  };
}

/** Speed classes of a track line (knots, lower bound inclusive); colours run from slow/dark to fast/bright. */
export const SPEED_CLASSES: { minKn: number; color: string }[] = [
  { minKn: 0, color: "#3b0f70" }, // stopped or drifting: at anchor or moored
  { minKn: 1, color: "#8c2981" }, // manoeuvring
  { minKn: 5, color: "#de4968" }, // slow steaming
  { minKn: 10, color: "#fe9f6d" },
  { minKn: 15, color: "#e8c32e" },
];

export function speedClass(kn: number | null): number {
  if (kn === null) return -1;
  let c = 0;
  for (const [i, sc] of SPEED_CLASSES.entries()) if (kn >= sc.minKn) c = i;
  return c;
}

export const UNKNOWN_SPEED_COLOR = "#8a949c";

/**
 * The track as line pieces of one speed class each (consecutive segments of the same class merged,
 * so a long track stays a few hundred features), plus its first and last points.
 */
export function trackFeatures(track: VesselTrack | null): FeatureCollection {
  const features: Feature[] = [];
  if (!track || track.points === 0) return { type: "FeatureCollection", features };
  const at = (i: number): [number, number] => [track.lonDeg[i] ?? 0, track.latDeg[i] ?? 0];
  let piece: [number, number][] = [at(0)];
  let cls = speedClass(track.sogKnots[0] ?? null);
  const flush = () => {
    if (piece.length >= 2)
      features.push({
        type: "Feature",
        geometry: { type: "LineString", coordinates: piece },
        properties: { part: "line", speedClass: cls },
      });
  };
  for (let i = 1; i < track.points; i++) {
    // A segment takes the class of the speed reported at its start.
    const c = speedClass(track.sogKnots[i - 1] ?? null);
    if (c !== cls) {
      flush();
      piece = [at(i - 1)];
      cls = c;
    }
    piece.push(at(i));
  }
  flush();
  features.push(
    { type: "Feature", geometry: { type: "Point", coordinates: at(0) }, properties: { part: "start" } },
    {
      type: "Feature",
      geometry: { type: "Point", coordinates: at(track.points - 1) },
      properties: { part: "end" },
    },
  );
  return { type: "FeatureCollection", features };
}

/** The track's extent, at least `minSpanDeg` wide and high so a moored vessel's track keeps its surroundings. */
export function trackBounds(track: VesselTrack, minSpanDeg = 0.03): [number, number, number, number] | null {
  if (track.points === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < track.points; i++) {
    const lon = track.lonDeg[i] ?? 0;
    const lat = track.latDeg[i] ?? 0;
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  const grow = (lo: number, hi: number): [number, number] => {
    const pad = Math.max(0, (minSpanDeg - (hi - lo)) / 2);
    return [lo - pad, hi + pad];
  };
  [w, e] = grow(w, e);
  [s, n] = grow(s, n);
  return [w, s, e, n];
}
