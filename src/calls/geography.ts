/**
 * The port geography compiled for fast point classification on hot paths: flat rings in a local
 * equirectangular frame, a bounding box, and an inner/outer disc around the centroid so that most
 * points are decided without the ray-casting loop (the VSR circles have 128 vertices).
 */
import type { PortEntry } from "../geo/index.ts";

const M_PER_DEG = 111_320;

export interface FastPolygon {
  id: string;
  kind: string;
  name: string;
  /** Degrees: [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
  /** Rings as flat [x0, y0, x1, y1, …] in scaled degrees (x = lon·cos φ₀, y = lat). */
  rings: Float64Array[];
  cx: number;
  cy: number;
  /** Squared radii (scaled degrees²) of the disc surely inside and beyond which surely outside. */
  rIn2: number;
  rOut2: number;
  terminal: string | null;
  label: string | null;
  /** UN/LOCODE the feature belongs to (`port` property; null when not stated). */
  port: string | null;
  /** Data confidence A/B/C (data/ports/README.md); C = placed by estimate. */
  confidence: string | null;
  limitKn: number | null;
  tier: string | null;
}

export interface CallGeography {
  port: string;
  cosLat: number;
  /**
   * Berth strips of this port and of neighbours sharing its waters (Long Beach in San Pedro Bay),
   * then, for a terminal with no strip drawn, the terminal polygon itself standing for its quay.
   */
  berths: FastPolygon[];
  /** Container terminals (any port) and, per terminal, the indices of its berths in `berths`. */
  terminals: FastPolygon[];
  terminalBerths: number[][];
  anchorages: FastPolygon[];
  portAreas: FastPolygon[];
  pilotAreas: FastPolygon[];
  /** Precautionary area (LA) and inner approach areas (Nagoya). */
  innerApproach: FastPolygon[];
  /** Outer approach areas (Nagoya's Ise Bay). */
  outerApproach: FastPolygon[];
  /** Features with a speed limit (LA VSR zones, Nagoya Irago Suido route), at most 8. */
  speedZones: FastPolygon[];
  /** Bounding box of everything: a point outside is outside the port's region. */
  regionBBox: [number, number, number, number];
}

/** A GeoJSON-like feature (registry feature properties or demo additions). */
export interface GeoFeatureLike {
  properties: Readonly<Record<string, unknown>>;
  geometry: { type: string; coordinates: unknown };
}

function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let s = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  s = s < 0 ? 0 : Math.min(s, 1);
  const qx = ax + s * dx - px;
  const qy = ay + s * dy - py;
  return qx * qx + qy * qy;
}

function ringContains(ring: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const yi = ring[i + 1]!;
    const yj = ring[j + 1]!;
    if (yi > y !== yj > y) {
      const xi = ring[i]!;
      const xj = ring[j]!;
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Inside test on scaled coordinates (x = lon·cosLat). */
export function fastContains(p: FastPolygon, x: number, y: number): boolean {
  const dx = x - p.cx;
  const dy = y - p.cy;
  const d2 = dx * dx + dy * dy;
  if (d2 < p.rIn2) return true;
  if (d2 > p.rOut2) return false;
  const outer = p.rings[0]!;
  if (!ringContains(outer, x, y)) return false;
  for (let k = 1; k < p.rings.length; k++) if (ringContains(p.rings[k]!, x, y)) return false;
  return true;
}

/** Distance in metres from a point (scaled coordinates) to the polygon's outline. */
export function fastDistanceToEdgeM(p: FastPolygon, x: number, y: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const ring of p.rings) {
    for (let i = 2; i < ring.length; i += 2) {
      const d2 = segDist2(x, y, ring[i - 2]!, ring[i - 1]!, ring[i]!, ring[i + 1]!);
      if (d2 < best) best = d2;
    }
  }
  return Math.sqrt(best) * M_PER_DEG;
}

function compile(f: GeoFeatureLike, cosLat: number): FastPolygon[] {
  const props = f.properties;
  const polys: number[][][][] =
    f.geometry.type === "Polygon"
      ? [f.geometry.coordinates as number[][][]]
      : f.geometry.type === "MultiPolygon"
        ? (f.geometry.coordinates as number[][][][])
        : [];
  return polys.map((poly, k) => {
    const rings = poly.map((ring) => {
      const a = new Float64Array(ring.length * 2);
      ring.forEach((pt, i) => {
        a[2 * i] = pt[0]! * cosLat;
        a[2 * i + 1] = pt[1]!;
      });
      return a;
    });
    const outer = rings[0] ?? new Float64Array(0);
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    let sx = 0;
    let sy = 0;
    const n = outer.length / 2;
    for (let i = 0; i < outer.length; i += 2) {
      const x = outer[i]!;
      const y = outer[i + 1]!;
      sx += x;
      sy += y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const cx = n > 0 ? sx / n : 0;
    const cy = n > 0 ? sy / n : 0;
    let rOut2 = 0;
    for (let i = 0; i < outer.length; i += 2) {
      const d2 = (outer[i]! - cx) ** 2 + (outer[i + 1]! - cy) ** 2;
      if (d2 > rOut2) rOut2 = d2;
    }
    let rIn2 = 0;
    const poly0: FastPolygon = {
      id: k === 0 ? String(props.id) : `${String(props.id)}#${k}`,
      kind: String(props.kind),
      name: String(props.name_en ?? props.id),
      bbox: [minX / cosLat, minY, maxX / cosLat, maxY],
      rings,
      cx,
      cy,
      rIn2: 0,
      rOut2: rOut2 * 1.0001,
      terminal: typeof props.terminal === "string" ? props.terminal : null,
      label: props.berth === undefined ? null : String(props.berth),
      port: typeof props.port === "string" ? props.port : null,
      confidence: typeof props.confidence === "string" ? props.confidence : null,
      limitKn: typeof props.speed_limit_kn === "number" ? props.speed_limit_kn : null,
      tier: typeof props.tier === "string" ? props.tier : null,
    };
    if (n > 2 && fastContains({ ...poly0, rIn2: 0, rOut2: Number.POSITIVE_INFINITY }, cx, cy)) {
      rIn2 = Number.POSITIVE_INFINITY;
      for (const ring of rings)
        for (let i = 2; i < ring.length; i += 2) {
          const d2 = segDist2(cx, cy, ring[i - 2]!, ring[i - 1]!, ring[i]!, ring[i + 1]!);
          if (d2 < rIn2) rIn2 = d2;
        }
      rIn2 *= 0.9999;
    }
    poly0.rIn2 = rIn2;
    return poly0;
  });
}

/**
 * Compiles a port's features (plus optional extra features, e.g. the demo world's berths and
 * anchorages) into the classifier's structure. Berths and terminals of a neighbouring port in the
 * same file (`port` ≠ locode: Long Beach in USLAX.geojson) are kept, so that their calls are
 * recognised as that port's instead of being dropped or counted here.
 *
 * Example: USLAX → 14 berths (8 POLA strips, 6 Port of Long Beach terminals standing for their quays) for 13 terminals, 15 anchorage
 * polygons (the N/P/Q lines are not areas), 1 port area, 2 pilot areas, 1 precautionary area,
 * 2 speed zones (20 nm and 40 nm, 12 kn).
 */
export function compileCallGeography(entry: PortEntry, extra: readonly GeoFeatureLike[] = []): CallGeography {
  const lat0 = (entry.bbox[1] + entry.bbox[3]) / 2;
  const cosLat = Math.cos((lat0 * Math.PI) / 180);
  const all: GeoFeatureLike[] = [
    ...entry.features.map((f) => ({
      properties: f.properties,
      geometry: f.geometry as GeoFeatureLike["geometry"],
    })),
    ...extra,
  ];
  const g: CallGeography = {
    port: entry.locode,
    cosLat,
    berths: [],
    terminals: [],
    terminalBerths: [],
    anchorages: [],
    portAreas: [],
    pilotAreas: [],
    innerApproach: [],
    outerApproach: [],
    speedZones: [],
    regionBBox: [
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ],
  };
  const seen = new Set<string>();
  for (const f of all) {
    const id = String(f.properties.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const kind = String(f.properties.kind);
    const polys = compile(f, cosLat);
    if (polys.length === 0) continue;
    const limit = f.properties.speed_limit_kn;
    let region = true;
    if (kind === "berth") g.berths.push(...polys);
    else if (kind === "terminal") {
      g.terminals.push(...polys);
      region = false;
    } else if (kind === "anchorage") g.anchorages.push(...polys);
    else if (kind === "port_area") g.portAreas.push(...polys);
    else if (kind === "pilot_boarding") g.pilotAreas.push(...polys);
    else if (kind === "precautionary_area") g.innerApproach.push(...polys);
    else if (kind === "approach_area")
      (f.properties.tier === "outer" ? g.outerApproach : g.innerApproach).push(...polys);
    else region = false;
    if (typeof limit === "number" && g.speedZones.length < 8) {
      g.speedZones.push(...polys.slice(0, 8 - g.speedZones.length));
      region = true;
    }
    if (!region) continue;
    for (const p of polys) {
      g.regionBBox[0] = Math.min(g.regionBBox[0], p.bbox[0]);
      g.regionBBox[1] = Math.min(g.regionBBox[1], p.bbox[1]);
      g.regionBBox[2] = Math.max(g.regionBBox[2], p.bbox[2]);
      g.regionBBox[3] = Math.max(g.regionBBox[3], p.bbox[3]);
    }
  }
  linkTerminals(g, all);
  return g;
}

/** Fills `terminalBerths`; a terminal without a drawn strip gets its own polygon as its one berth. */
function linkTerminals(g: CallGeography, features: readonly GeoFeatureLike[]): void {
  const byTerminal = new Map<string, number[]>();
  g.berths.forEach((b, k) => {
    if (b.terminal === null) return;
    const list = byTerminal.get(b.terminal) ?? [];
    list.push(k);
    byTerminal.set(b.terminal, list);
  });
  const terminalProps = new Map<string, Readonly<Record<string, unknown>>>();
  for (const f of features)
    if (f.properties.kind === "terminal") terminalProps.set(String(f.properties.id), f.properties);
  g.terminalBerths = g.terminals.map((t) => {
    const baseId = t.id.split("#")[0]!;
    const own = byTerminal.get(baseId);
    if (own !== undefined) return own;
    const props = terminalProps.get(baseId);
    g.berths.push({
      ...t,
      kind: "berth",
      terminal: baseId,
      label: props?.berths === undefined ? null : String(props.berths),
    });
    return [g.berths.length - 1];
  });
  // A terminal's area and its strips count as the port's region (a ship moored there is in port).
  for (const p of [...g.terminals, ...g.berths]) {
    g.regionBBox[0] = Math.min(g.regionBBox[0], p.bbox[0]);
    g.regionBBox[1] = Math.min(g.regionBBox[1], p.bbox[1]);
    g.regionBBox[2] = Math.max(g.regionBBox[2], p.bbox[2]);
    g.regionBBox[3] = Math.max(g.regionBBox[3], p.bbox[3]);
  }
}

export const METRES_PER_SCALED_DEG = M_PER_DEG;

/** Grid cell size in scaled degrees (≈ 220 m): cells are resolved once, lazily. */
const CELL = 0.002;

/**
 * What a grid cell knows: polygons that contain all of it (`sure`) and polygons whose edges cross
 * it (`maybe`, tested exactly per point). Polygon indices are into `zonePolygons(geo)`.
 */
export interface GridCell {
  sure: Int32Array;
  maybe: Int32Array;
}

/** Liang–Barsky: does segment (x0,y0)-(x1,y1) touch the rectangle? */
function segmentTouchesRect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  rx0: number,
  ry0: number,
  rx1: number,
  ry1: number,
): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const p = [-dx, dx, -dy, dy];
  const q = [x0 - rx0, rx1 - x0, y0 - ry0, ry1 - y0];
  for (let k = 0; k < 4; k++) {
    const pk = p[k]!;
    const qk = q[k]!;
    if (pk === 0) {
      if (qk < 0) return false;
    } else {
      const r = qk / pk;
      if (pk < 0) {
        if (r > t1) return false;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return false;
        if (r < t1) t1 = r;
      }
    }
  }
  return true;
}

/** The area polygons classified through the grid, in a fixed order (berths are tested directly). */
export function zonePolygons(geo: CallGeography): FastPolygon[] {
  return [
    ...geo.speedZones,
    ...geo.portAreas,
    ...geo.pilotAreas,
    ...geo.innerApproach,
    ...geo.outerApproach,
    ...geo.anchorages,
  ];
}

/** A lazily filled grid over a geography (one per geography per computation run). */
export class ZoneGrid {
  private readonly cells = new Map<number, GridCell>();
  readonly polys: FastPolygon[];
  private readonly cosLat: number;
  constructor(geo: CallGeography) {
    this.polys = zonePolygons(geo);
    this.cosLat = geo.cosLat;
  }

  cell(x: number, y: number): GridCell {
    const ix = Math.floor(x / CELL);
    const iy = Math.floor(y / CELL);
    const key = (ix + 524_288) * 1_048_576 + (iy + 524_288);
    let c = this.cells.get(key);
    if (c === undefined) {
      c = this.build(ix, iy);
      this.cells.set(key, c);
    }
    return c;
  }

  private build(ix: number, iy: number): GridCell {
    const rx0 = ix * CELL;
    const ry0 = iy * CELL;
    const rx1 = rx0 + CELL;
    const ry1 = ry0 + CELL;
    const sure: number[] = [];
    const maybe: number[] = [];
    this.polys.forEach((p, k) => {
      const minX = p.bbox[0] * this.cosLat;
      const maxX = p.bbox[2] * this.cosLat;
      const minY = p.bbox[1];
      const maxY = p.bbox[3];
      if (rx1 < minX || rx0 > maxX || ry1 < minY || ry0 > maxY) return;
      let crossed = false;
      for (const r of p.rings) {
        for (let i = 2; i < r.length && !crossed; i += 2)
          if (segmentTouchesRect(r[i - 2]!, r[i - 1]!, r[i]!, r[i + 1]!, rx0, ry0, rx1, ry1)) crossed = true;
        if (crossed) break;
      }
      if (crossed) maybe.push(k);
      else if (fastContains(p, (rx0 + rx1) / 2, (ry0 + ry1) / 2)) sure.push(k);
    });
    return { sure: Int32Array.from(sure), maybe: Int32Array.from(maybe) };
  }
}
