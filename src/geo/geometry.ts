/**
 * Pure geometry on WGS84 longitude/latitude. No I/O, no dependencies.
 *
 * The hot-path functions (`pointInRing`, `pointInPolygon`, `distancePointToSegmentM`,
 * `distancePointToPolygonM`, `bboxContains`) allocate nothing: later code runs them on millions of
 * AIS positions.
 */

/** A position `[longitude, latitude]` in decimal degrees (GeoJSON order). */
export type LonLat = [number, number];
/** A linear ring: closed (first position equals last), at least 4 positions. */
export type Ring = LonLat[];
/** A GeoJSON polygon: outer ring first, then holes. */
export type PolygonCoords = Ring[];
/** `[minLon, minLat, maxLon, maxLat]`. */
export type BBox = [number, number, number, number];

/**
 * Mean Earth radius R1 = (2a + b) / 3 of the WGS84 ellipsoid, 6,371,008.8 m (IUGG; Moritz 1980,
 * "Geodetic Reference System 1980"). The spherical model is within ~0.5 % of the ellipsoid.
 */
export const EARTH_MEAN_RADIUS_M = 6_371_008.8;
/** The international nautical mile is exactly 1,852 m (BIPM SI Brochure, table 8). */
export const METRES_PER_NAUTICAL_MILE = 1852;

const DEG_TO_RAD = Math.PI / 180;

/**
 * Metres to nautical miles (1 nm = 1,852 m exactly).
 * Example: `metresToNauticalMiles(37_040)` = 20 nm.
 */
export function metresToNauticalMiles(distanceM: number): number {
  return distanceM / METRES_PER_NAUTICAL_MILE;
}

/**
 * Nautical miles to metres.
 * Example: `nauticalMilesToMetres(40)` = 74,080 m.
 */
export function nauticalMilesToMetres(distanceNm: number): number {
  return distanceNm * METRES_PER_NAUTICAL_MILE;
}

/**
 * Great-circle distance by the haversine formula on a sphere of radius
 * {@link EARTH_MEAN_RADIUS_M} (6,371,008.8 m).
 *
 * Example: one degree of latitude along a meridian, `haversineDistanceM([0, 0], [0, 1])`
 * = 6,371,008.8 × π / 180 = 111,195.08 m.
 */
export function haversineDistanceM(a: LonLat, b: LonLat): number {
  return haversineM(a[0], a[1], b[0], b[1]);
}

/** {@link haversineDistanceM} on bare numbers: no tuple needed in hot loops. */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const phi1 = lat1 * DEG_TO_RAD;
  const phi2 = lat2 * DEG_TO_RAD;
  const dPhi = phi2 - phi1;
  const dLambda = (lon2 - lon1) * DEG_TO_RAD;
  const s1 = Math.sin(dPhi / 2);
  const s2 = Math.sin(dLambda / 2);
  const h = s1 * s1 + Math.cos(phi1) * Math.cos(phi2) * s2 * s2;
  // min() guards against h creeping above 1 by rounding for antipodal points.
  return 2 * EARTH_MEAN_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Ray-casting (even-odd) point-in-ring test, planar in lon/lat degrees. Points exactly on an
 * edge may fall either way; at port scale lon/lat edges differ from geodesics by centimetres.
 *
 * Example: `pointInRing([0.5, 0.5], [[0,0],[1,0],[1,1],[0,1],[0,0]])` = true.
 */
export function pointInRing(point: LonLat, ring: Ring): boolean {
  return pointInRingXY(point[0], point[1], ring);
}

function pointInRingXY(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const pi = ring[i] as LonLat;
    const pj = ring[j] as LonLat;
    const yi = pi[1];
    const yj = pj[1];
    if (yi > y !== yj > y) {
      const xCross = ((pj[0] - pi[0]) * (y - yi)) / (yj - yi) + pi[0];
      if (x < xCross) inside = !inside;
    }
  }
  return inside;
}

/**
 * Point in polygon with holes: inside the outer ring and in none of the holes.
 *
 * Example: a 10°×10° square with a 2°×2° hole at its centre contains `[1, 1]` (true) but not
 * `[5, 5]` (false).
 */
export function pointInPolygon(point: LonLat, polygon: PolygonCoords): boolean {
  const x = point[0];
  const y = point[1];
  const outer = polygon[0];
  if (outer === undefined || !pointInRingXY(x, y, outer)) return false;
  for (let k = 1; k < polygon.length; k++) {
    if (pointInRingXY(x, y, polygon[k] as Ring)) return false;
  }
  return true;
}

/**
 * Bounding box of any nesting of positions (a position, ring, polygon or multipolygon).
 * Throws on an empty input.
 *
 * Example: `bboxOf([[[0,0],[2,0],[2,1],[0,0]]])` = `[0, 0, 2, 1]`.
 */
export function bboxOf(coords: LonLat | Ring | PolygonCoords | PolygonCoords[]): BBox {
  const box: BBox = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  extendBBox(box, coords as unknown);
  if (!Number.isFinite(box[0])) throw new RangeError("bboxOf: no positions");
  return box;
}

function extendBBox(box: BBox, c: unknown): void {
  if (!Array.isArray(c) || c.length === 0) return;
  if (typeof c[0] === "number") {
    const x = c[0];
    const y = c[1] as number;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return;
  }
  for (const child of c) extendBBox(box, child);
}

/**
 * Cheap pre-check before a point-in-polygon test: is the point within the box (edges included)?
 *
 * Example: `bboxContains([0, 0, 2, 1], [1, 0.5])` = true.
 */
export function bboxContains(box: BBox, point: LonLat): boolean {
  const x = point[0];
  const y = point[1];
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

/**
 * Grow a bbox by a distance in metres on each side (latitude-aware), for "within d of" pre-checks.
 *
 * Example: `expandBBoxM([0, 0, 0, 0], 111_195.08)` ≈ `[-1, -1, 1, 1]`.
 */
export function expandBBoxM(box: BBox, marginM: number): BBox {
  const dLat = marginM / (EARTH_MEAN_RADIUS_M * DEG_TO_RAD);
  const maxAbsLat = Math.min(89.9, Math.max(Math.abs(box[1]), Math.abs(box[3])) + dLat);
  const dLon = dLat / Math.cos(maxAbsLat * DEG_TO_RAD);
  return [box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat];
}

/**
 * Area of a ring in square metres, always positive.
 *
 * Method: spherical excess by the line-integral formula of Chamberlain & Duquette, "Some
 * Algorithms for Polygons on a Sphere" (JPL 2007), on the mean-radius sphere:
 * A = |Σ (λ₂ − λ₁)(2 + sin φ₁ + sin φ₂)| × R² / 2. Edges are treated as geodesics; for port-scale
 * rings the error against the WGS84 ellipsoid is below ~0.5 %.
 *
 * Example: the 1°×1° cell [0..1°E, 0..1°N] has area R² × (π/180) × sin(1°)
 * = 12,363,718,145 m² (≈ 12,364 km²).
 */
export function ringAreaM2(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n - 1; i++) {
    const p1 = ring[i] as LonLat;
    const p2 = ring[i + 1] as LonLat;
    let dLon = (p2[0] - p1[0]) * DEG_TO_RAD;
    // Take the short way round across the antimeridian.
    if (dLon > Math.PI) dLon -= 2 * Math.PI;
    if (dLon < -Math.PI) dLon += 2 * Math.PI;
    sum += dLon * (2 + Math.sin(p1[1] * DEG_TO_RAD) + Math.sin(p2[1] * DEG_TO_RAD));
  }
  // Close the ring implicitly if the caller passed an open one.
  const first = ring[0] as LonLat;
  const last = ring[n - 1] as LonLat;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    const dLon = (first[0] - last[0]) * DEG_TO_RAD;
    sum += dLon * (2 + Math.sin(last[1] * DEG_TO_RAD) + Math.sin(first[1] * DEG_TO_RAD));
  }
  return Math.abs((sum * EARTH_MEAN_RADIUS_M * EARTH_MEAN_RADIUS_M) / 2);
}

/**
 * Area of a polygon (outer ring minus holes) in square metres, by {@link ringAreaM2}.
 *
 * Example: a 1°×1° cell at the equator minus nothing = 12,363,718,145 m².
 */
export function polygonAreaM2(polygon: PolygonCoords): number {
  let area = 0;
  for (let k = 0; k < polygon.length; k++) {
    const a = ringAreaM2(polygon[k] as Ring);
    area += k === 0 ? a : -a;
  }
  return area;
}

/**
 * Shortest distance in metres from a point to a segment.
 *
 * Method: local equirectangular projection centred on the point (x = Δλ·cos φ₀·R, y = Δφ·R),
 * exact projection of the point onto the segment in that plane. Good to better than 0.1 % for
 * segments up to tens of kilometres away, which is what port geofencing needs.
 *
 * Example: from `[0, 1]` to the segment `[-1, 0]`–`[1, 0]` (the equator) = 111,195.08 m, one
 * degree of latitude.
 */
export function distancePointToSegmentM(point: LonLat, a: LonLat, b: LonLat): number {
  const kx = Math.cos(point[1] * DEG_TO_RAD);
  return segmentDistanceLocal(point[0], point[1], kx, a[0], a[1], b[0], b[1]);
}

/** Distance in metres with the local projection already set up (`kx` = cos φ₀). */
function segmentDistanceLocal(
  px: number,
  py: number,
  kx: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  // Work in degrees scaled so that both axes are equal length, convert at the end.
  const x1 = (ax - px) * kx;
  const y1 = ay - py;
  const dx = (bx - ax) * kx;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = 0;
  if (len2 > 0) {
    t = -(x1 * dx + y1 * dy) / len2;
    if (t < 0) t = 0;
    else if (t > 1) t = 1;
  }
  const cx = x1 + t * dx;
  const cy = y1 + t * dy;
  return Math.sqrt(cx * cx + cy * cy) * DEG_TO_RAD * EARTH_MEAN_RADIUS_M;
}

/**
 * Shortest distance in metres from a point to a ring's edges (no inside test).
 *
 * Example: from `[0.5, 2]` to the unit square ring [0..1]×[0..1] = 1° of latitude ≈ 111,195 m.
 */
export function distancePointToRingM(point: LonLat, ring: Ring): number {
  const px = point[0];
  const py = point[1];
  const kx = Math.cos(py * DEG_TO_RAD);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as LonLat;
    const b = ring[i + 1] as LonLat;
    const d = segmentDistanceLocal(px, py, kx, a[0], a[1], b[0], b[1]);
    if (d < best) best = d;
  }
  return best;
}

/**
 * Distance in metres from a point to a polygon: 0 inside (holes excluded), else the distance to
 * the nearest edge of any ring (method as {@link distancePointToSegmentM}).
 *
 * Example: from `[0.5, 2]` to the square [0..1]×[0..1] = 111,195.08 m; from `[0.5, 0.5]` = 0.
 */
export function distancePointToPolygonM(point: LonLat, polygon: PolygonCoords): number {
  if (pointInPolygon(point, polygon)) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < polygon.length; k++) {
    const d = distancePointToRingM(point, polygon[k] as Ring);
    if (d < best) best = d;
  }
  return best;
}

/** One problem found by {@link validateRing}. */
export interface RingProblem {
  code: "too_few_positions" | "not_closed" | "bad_coordinate" | "self_intersection";
  message: string;
}

/**
 * Check a linear ring against the GeoJSON rules (RFC 7946 §3.1.6) and for self-intersection.
 * Returns every problem found; an empty list means the ring is valid.
 *
 * Self-intersection is tested pairwise over non-adjacent edges (O(n²)); rings here have at most a
 * few hundred positions.
 *
 * Example: `validateRing([[0,0],[1,1],[1,0],[0,1],[0,0]])` (a bow tie) returns one
 * `self_intersection` problem.
 */
export function validateRing(ring: unknown): RingProblem[] {
  const problems: RingProblem[] = [];
  if (!Array.isArray(ring)) {
    return [{ code: "bad_coordinate", message: "ring is not an array of positions" }];
  }
  if (ring.length < 4) {
    problems.push({
      code: "too_few_positions",
      message: `ring has ${ring.length} positions; at least 4 are needed`,
    });
  }
  let coordsOk = true;
  for (let i = 0; i < ring.length; i++) {
    const p: unknown = ring[i];
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      typeof p[0] !== "number" ||
      typeof p[1] !== "number" ||
      !Number.isFinite(p[0]) ||
      !Number.isFinite(p[1])
    ) {
      problems.push({ code: "bad_coordinate", message: `position ${i} is not [lon, lat] numbers` });
      coordsOk = false;
      continue;
    }
    if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) {
      problems.push({
        code: "bad_coordinate",
        message: `position ${i} [${p[0]}, ${p[1]}] is out of range`,
      });
      coordsOk = false;
    }
  }
  if (!coordsOk || ring.length < 2) return problems;
  const r = ring as Ring;
  const first = r[0] as LonLat;
  const last = r[r.length - 1] as LonLat;
  const closed = first[0] === last[0] && first[1] === last[1];
  if (!closed) {
    problems.push({ code: "not_closed", message: "first and last positions differ" });
  }
  if (r.length >= 4) {
    const crossing = findSelfIntersection(r, closed);
    if (crossing) {
      problems.push({
        code: "self_intersection",
        message: `edge ${crossing[0]} crosses edge ${crossing[1]}`,
      });
    }
  }
  return problems;
}

function findSelfIntersection(r: Ring, closed: boolean): [number, number] | undefined {
  // Edges i: r[i] -> r[i+1]; when closed, the last edge ends on r[0] already.
  const edges = closed ? r.length - 1 : r.length;
  const at = (i: number): LonLat => r[i % r.length] as LonLat;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 1; j < edges; j++) {
      // Adjacent edges share a vertex; the first and last edges of a closed ring too.
      if (j === i + 1 || (i === 0 && j === edges - 1)) continue;
      if (segmentsIntersect(at(i), at(i + 1), at(j), at(j + 1))) return [i, j];
    }
  }
  return undefined;
}

function orient(a: LonLat, b: LonLat, c: LonLat): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: LonLat, b: LonLat, p: LonLat): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Do the closed segments p1-p2 and q1-q2 touch or cross? */
export function segmentsIntersect(p1: LonLat, p2: LonLat, q1: LonLat, q2: LonLat): boolean {
  const o1 = orient(p1, p2, q1);
  const o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1);
  const o4 = orient(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(p1, p2, q1)) return true;
  if (o2 === 0 && onSegment(p1, p2, q2)) return true;
  if (o3 === 0 && onSegment(q1, q2, p1)) return true;
  if (o4 === 0 && onSegment(q1, q2, p2)) return true;
  return false;
}

/**
 * Initial great-circle bearing from a to b, degrees clockwise from true north in [0, 360).
 *
 * Example: `initialBearingDeg([0, 0], [1, 0])` = 90 (due east along the equator).
 */
export function initialBearingDeg(a: LonLat, b: LonLat): number {
  const phi1 = a[1] * DEG_TO_RAD;
  const phi2 = b[1] * DEG_TO_RAD;
  const dLambda = (b[0] - a[0]) * DEG_TO_RAD;
  const y = Math.sin(dLambda) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
  return (Math.atan2(y, x) / DEG_TO_RAD + 360) % 360;
}

/**
 * Destination point on the sphere from `start`, going `distanceM` on initial bearing `bearingDeg`.
 *
 * Example: `destinationPoint([0, 0], 0, 111_195.08)` ≈ `[0, 1]`.
 */
export function destinationPoint(start: LonLat, bearingDeg: number, distanceM: number): LonLat {
  const delta = distanceM / EARTH_MEAN_RADIUS_M;
  const theta = bearingDeg * DEG_TO_RAD;
  const phi1 = start[1] * DEG_TO_RAD;
  const lambda1 = start[0] * DEG_TO_RAD;
  const sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
  const phi2 = Math.asin(sinPhi2);
  const lambda2 =
    lambda1 +
    Math.atan2(
      Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
      Math.cos(delta) - Math.sin(phi1) * sinPhi2,
    );
  const lon = ((((lambda2 / DEG_TO_RAD + 540) % 360) + 360) % 360) - 180;
  return [lon, phi2 / DEG_TO_RAD];
}
