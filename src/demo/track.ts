/**
 * Piecewise tracks: a vessel's timeline as legs (straight moves at constant speed, and stays at a
 * point with jitter), built by walking waypoints; plus the geometry the ground truth needs
 * (crossing times of speed-zone circles and of the port-area boundary).
 */
import { haversineM, type LonLat, type PolygonCoords, pointInPolygon } from "../geo/index.ts";

export const KNOT_MS = 1852 / 3600;

/** berth / anchor / base: stationary with jitter; work: circling at low speed (tug assist, trawling). */
export type StayKind = "berth" | "anchor" | "base" | "work";

export interface Leg {
  t0: number;
  t1: number;
  /** Start (move) or centre (stay). */
  ax: number;
  ay: number;
  /** End (move); equal to a for stays. */
  bx: number;
  by: number;
  speedKn: number;
  courseDeg: number;
  navStatus: number;
  stay: StayKind | null;
  /** Berth heading (berth stays) or initial swing bearing (anchor stays). */
  headingDeg: number;
  /** Swing radius at anchor, metres. */
  radiusM: number;
}

/** Great-circle-free course on the local plane (fine at port scale). Example: due north → 0. */
export function courseDeg(ax: number, ay: number, bx: number, by: number): number {
  const dx = (bx - ax) * Math.cos(((ay + by) / 2) * (Math.PI / 180));
  const dy = by - ay;
  const c = (Math.atan2(dx, dy) * 180) / Math.PI;
  return c < 0 ? c + 360 : c;
}

/**
 * Point `distanceM` from (x, y) on `bearingDeg`, planar approximation (metres-scale offsets).
 *
 * Example: `offsetM(0, 0, 0, 111195)` → [0, 1] (one degree of latitude north).
 */
export function offsetM(x: number, y: number, bearingDeg: number, distanceM: number): LonLat {
  const b = (bearingDeg * Math.PI) / 180;
  const dLat = (distanceM * Math.cos(b)) / 111195;
  const dLon = (distanceM * Math.sin(b)) / (111195 * Math.cos((y * Math.PI) / 180));
  return [x + dLon, y + dLat];
}

export interface CircleZone {
  centre: LonLat;
  radiusM: number;
  key: string;
}

/**
 * Fractions s in (0, 1) where the straight segment a→b crosses the circle. Distance to a point is
 * unimodal along a segment, so there are at most two: found by ternary search for the closest
 * point and bisection on each side.
 *
 * Example: a segment from 50 nm to 0 nm straight towards the centre crosses a 20 nm circle at s = 0.6.
 */
export function circleCrossings(a: LonLat, b: LonLat, centre: LonLat, radiusM: number): number[] {
  const f = (s: number) =>
    haversineM(a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, centre[0], centre[1]) - radiusM;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 40; k++) {
    const m1 = lo + (hi - lo) / 3;
    const m2 = hi - (hi - lo) / 3;
    if (f(m1) < f(m2)) hi = m2;
    else lo = m1;
  }
  const sMin = (lo + hi) / 2;
  const out: number[] = [];
  const root = (x0: number, x1: number) => {
    let f0 = f(x0);
    if (f0 === 0 || Math.sign(f0) === Math.sign(f(x1))) return;
    for (let k = 0; k < 40; k++) {
      const m = (x0 + x1) / 2;
      const fm = f(m);
      if (Math.sign(fm) === Math.sign(f0)) {
        x0 = m;
        f0 = fm;
      } else x1 = m;
    }
    const s = (x0 + x1) / 2;
    if (s > 1e-9 && s < 1 - 1e-9) out.push(s);
  };
  root(0, sMin);
  root(sMin, 1);
  return out;
}

/** Builds legs in time order from a start point and time. */
export class TrackBuilder {
  readonly legs: Leg[] = [];
  /** First inbound crossing time per circle key. */
  /** First inbound crossing point per circle key (its time is read once the track is built). */
  private readonly crossingPoints = new Map<string, LonLat>();

  constructor(
    public t: number,
    public pos: LonLat,
  ) {}

  /**
   * Moves to `to` at `speedKn`, or, inside the circles in `zones`, at `zoneSpeedKn` when given
   * (speed-reduction zones). Splits the leg at each circle crossing so zone speeds change there.
   */
  moveTo(to: LonLat, speedKn: number, navStatus = 0, zones: CircleZone[] = [], zoneSpeedKn?: number): void {
    const from = this.pos;
    const cuts: { s: number; key: string }[] = [];
    for (const z of zones)
      for (const s of circleCrossings(from, to, z.centre, z.radiusM)) cuts.push({ s, key: z.key });
    cuts.sort((x, y) => x.s - y.s);
    let prevS = 0;
    const pieces = [...cuts, { s: 1, key: "" }];
    for (const c of pieces) {
      if (c.s - prevS > 1e-9) {
        const ax = from[0] + (to[0] - from[0]) * prevS;
        const ay = from[1] + (to[1] - from[1]) * prevS;
        const bx = from[0] + (to[0] - from[0]) * c.s;
        const by = from[1] + (to[1] - from[1]) * c.s;
        const mx = (ax + bx) / 2;
        const my = (ay + by) / 2;
        let v = speedKn;
        if (
          zoneSpeedKn !== undefined &&
          zones.some((z) => haversineM(mx, my, z.centre[0], z.centre[1]) < z.radiusM)
        )
          v = Math.min(v, zoneSpeedKn);
        this.push(ax, ay, bx, by, v, navStatus);
      }
      if (c.key !== "" && !this.crossingPoints.has(c.key)) {
        const z = zones.find((zz) => zz.key === c.key)!;
        const bx = from[0] + (to[0] - from[0]) * c.s;
        const by = from[1] + (to[1] - from[1]) * c.s;
        // Inbound crossing: just after it, the ship is inside.
        const ahead = Math.min(1, c.s + 1e-4);
        const ix = from[0] + (to[0] - from[0]) * ahead;
        const iy = from[1] + (to[1] - from[1]) * ahead;
        if (haversineM(ix, iy, z.centre[0], z.centre[1]) < haversineM(bx, by, z.centre[0], z.centre[1]))
          this.crossingPoints.set(c.key, [bx, by]);
      }
      prevS = c.s;
    }
    this.pos = to;
  }

  /**
   * Time the track reaches point p (a waypoint or crossing: the end of a leg), at or after `afterS`.
   * Read it after later legs are added, since slowing down for them shifts earlier ends.
   */
  timeAt(p: LonLat, afterS = Number.NEGATIVE_INFINITY): number | undefined {
    for (const leg of this.legs) if (leg.t1 >= afterS && leg.bx === p[0] && leg.by === p[1]) return leg.t1;
    return undefined;
  }

  /** Time of the first inbound crossing of the circle with this key. */
  crossingTime(key: string): number | undefined {
    const p = this.crossingPoints.get(key);
    return p === undefined ? undefined : this.timeAt(p);
  }

  /**
   * Ships slow down gradually (about 1 kn a minute): before a slower leg or a stop, the last part
   * of the previous leg is sailed at the mean of the two speeds.
   */
  private decelerate(toKn: number): void {
    const prev = this.legs[this.legs.length - 1];
    if (prev === undefined || prev.stay !== null || prev.speedKn - toKn <= 1.5) return;
    const lenM = haversineM(prev.ax, prev.ay, prev.bx, prev.by);
    const meanKn = (prev.speedKn + toKn) / 2;
    const rampM = Math.min(0.5 * lenM, meanKn * KNOT_MS * 60 * (prev.speedKn - toKn));
    if (rampM < 20) return;
    const f = 1 - rampM / lenM;
    const px = prev.ax + (prev.bx - prev.ax) * f;
    const py = prev.ay + (prev.by - prev.ay) * f;
    const tail: Leg = { ...prev, ax: px, ay: py, speedKn: meanKn };
    prev.bx = px;
    prev.by = py;
    prev.t1 = prev.t0 + (prev.t1 - prev.t0) * f;
    tail.t0 = prev.t1;
    tail.t1 = tail.t0 + rampM / (meanKn * KNOT_MS);
    this.legs.push(tail);
    this.t = tail.t1;
  }

  private push(ax: number, ay: number, bx: number, by: number, speedKn: number, navStatus: number): void {
    const distM = haversineM(ax, ay, bx, by);
    if (distM < 0.01) return;
    this.decelerate(speedKn);
    const dur = distM / (speedKn * KNOT_MS);
    this.legs.push({
      t0: this.t,
      t1: this.t + dur,
      ax,
      ay,
      bx,
      by,
      speedKn,
      courseDeg: courseDeg(ax, ay, bx, by),
      navStatus,
      stay: null,
      headingDeg: 0,
      radiusM: 0,
    });
    this.t += dur;
  }

  /**
   * Works on a circle through the current position (tug assist, trawling) at `speedKn`, for whole
   * turns only, so the next leg starts where this one ends. One leg, however long.
   */
  work(durationS: number, radiusM: number, speedKn: number, bearingDeg: number): void {
    const periodS = (2 * Math.PI * radiusM) / (speedKn * KNOT_MS);
    const turns = Math.max(1, Math.round(durationS / periodS));
    const [x, y] = this.pos;
    const [cx, cy] = offsetM(x, y, bearingDeg, radiusM);
    this.legs.push({
      t0: this.t,
      t1: this.t + turns * periodS,
      ax: cx,
      ay: cy,
      bx: cx,
      by: cy,
      speedKn,
      courseDeg: 0,
      navStatus: 0,
      stay: "work",
      headingDeg: (bearingDeg + 180) % 360,
      radiusM,
    });
    this.t += turns * periodS;
  }

  stay(durationS: number, kind: StayKind, navStatus: number, headingDeg: number, radiusM = 0): void {
    if (durationS <= 0) return;
    this.decelerate(0);
    const [x, y] = this.pos;
    this.legs.push({
      t0: this.t,
      t1: this.t + durationS,
      ax: x,
      ay: y,
      bx: x,
      by: y,
      speedKn: 0,
      courseDeg: 0,
      navStatus,
      stay: kind,
      headingDeg,
      radiusM,
    });
    this.t += durationS;
  }
}

/** Position of a move leg at time t (linear in lon/lat). */
export function legPosition(leg: Leg, t: number): LonLat {
  const d = leg.t1 - leg.t0;
  const s = d <= 0 ? 1 : Math.min(1, Math.max(0, (t - leg.t0) / d));
  return [leg.ax + (leg.bx - leg.ax) * s, leg.ay + (leg.by - leg.ay) * s];
}

/**
 * First time the track is inside the polygon and last time it is inside (leaving), by bisection on
 * the legs whose ends differ (about 0.1 s after 30 halvings of a 10 h leg); null when never inside.
 *
 * Example: one leg from x = -1 to x = 3 over t = 0…400 s through the unit square [0, 1]² at y = 0.5
 * enters at t ≈ 100 and leaves at t ≈ 200.
 */
export function polygonEntryExit(
  legs: readonly Leg[],
  polygon: PolygonCoords,
): { enter: number; exit: number } | null {
  let enter: number | null = null;
  let exit: number | null = null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [x, y] of polygon[0] ?? []) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const inside = (leg: Leg, t: number) => {
    const p = legPosition(leg, t);
    return p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1 && pointInPolygon(p, polygon);
  };
  let last: Leg | undefined;
  for (const leg of legs) {
    last = leg;
    // Sample every ~200 m so a leg that passes through the polygon is not missed.
    const n =
      leg.stay !== null ? 1 : Math.max(1, Math.ceil(haversineM(leg.ax, leg.ay, leg.bx, leg.by) / 200));
    let ta = leg.t0;
    let ia = inside(leg, ta);
    if (ia && enter === null) enter = ta;
    for (let k = 1; k <= n; k++) {
      const tb = leg.t0 + ((leg.t1 - leg.t0) * k) / n;
      const ib = inside(leg, tb);
      if (ia !== ib) {
        let lo = ta;
        let hi = tb;
        for (let j = 0; j < 30; j++) {
          const m = (lo + hi) / 2;
          if (inside(leg, m) === ia) lo = m;
          else hi = m;
        }
        if (!ia && enter === null) enter = hi;
        exit = ia ? hi : null;
      }
      ta = tb;
      ia = ib;
    }
  }
  if (enter === null) return null;
  return { enter, exit: exit ?? (last ? last.t1 : enter) };
}
