/**
 * Operating-mode segmentation and port-call detection for one vessel's track: pure, typed arrays
 * on the hot path (no object per report), one pass per step.
 *
 * Steps: order and de-duplicate → drop impossible jumps → clean speeds → classify each report
 * against the port geography → mode per report (EPA or operational rule) → runs → absorb jitter
 * → segments (gaps interpolated or marked unknown) → visits of the port's region → calls.
 */
import { POSITION_UNITS_PER_DEG, SOG_NOT_AVAILABLE } from "../ais/index.ts";
import { METRES_PER_SECOND_PER_KNOT } from "../core/units.ts";
import {
  type CallGeography,
  type FastPolygon,
  fastContains,
  fastDistanceToEdgeM,
  METRES_PER_SCALED_DEG,
  ZoneGrid,
} from "./geography.ts";
import {
  type AnchorStay,
  type BerthStay,
  type CallOptions,
  DEFAULT_CALL_OPTIONS,
  type DetectedCall,
  MODE_ANCHOR,
  MODE_BERTH,
  MODE_MANOEUVRING,
  MODE_RSZ,
  MODE_TRANSIT,
  MODE_UNKNOWN,
  type ModeSegment,
  OPERATING_MODES,
  type SpeedZoneCompliance,
} from "./model.ts";

/** AIS navigational status 5, "moored". */
const NAV_MOORED = 5;

/** Track columns as stored (TrackReports from src/ais satisfies this). */
export interface TrackInput {
  count: number;
  timeS: ArrayLike<number>;
  latU: ArrayLike<number>;
  lonU: ArrayLike<number>;
  sogDeciKn: ArrayLike<number>;
  navStatus?: ArrayLike<number>;
}

const F_PORT = 1;
const F_PILOT = 2;
const F_INNER = 4;
const F_OUTER = 8;
const F_REGION = 16;

/** The cleaned, classified reports of one track (struct of arrays). */
export interface ClassifiedTrack {
  n: number;
  t: Float64Array;
  /** Scaled degrees (x = lon·cosφ₀). */
  x: Float64Array;
  y: Float64Array;
  sogKn: Float32Array;
  berth: Int16Array;
  /** Metres from the report to its berth strip (0 inside or within the buffer); quay-rule reports only. */
  berthDistM: Float32Array;
  anchorage: Int16Array;
  flags: Uint8Array;
  zoneMask: Uint8Array;
  mode: Uint8Array;
  /** Reports dropped: duplicates (same second) and impossible jumps. */
  droppedDuplicates: number;
  droppedJumps: number;
}

function _firstContaining(
  list: readonly FastPolygon[],
  lon: number,
  lat: number,
  x: number,
  y: number,
): number {
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    const b = p.bbox;
    if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
    if (fastContains(p, x, y)) return k;
  }
  return -1;
}

interface GridKinds {
  kind: Uint8Array;
  local: Int16Array;
}
const grids = new WeakMap<CallGeography, { grid: ZoneGrid; kinds: GridKinds }>();

/** The geography's lazily filled zone grid and, per grid polygon, its kind and index. */
function gridOf(geo: CallGeography): { grid: ZoneGrid; kinds: GridKinds } {
  let g = grids.get(geo);
  if (g === undefined) {
    const grid = new ZoneGrid(geo);
    const n = grid.polys.length;
    const kinds: GridKinds = { kind: new Uint8Array(n), local: new Int16Array(n) };
    let k = 0;
    const lists = [
      geo.speedZones,
      geo.portAreas,
      geo.pilotAreas,
      geo.innerApproach,
      geo.outerApproach,
      geo.anchorages,
    ];
    lists.forEach((list, kind) => {
      list.forEach((_, local) => {
        kinds.kind[k] = kind;
        kinds.local[k] = local;
        k++;
      });
    });
    g = { grid, kinds };
    grids.set(geo, g);
  }
  return g;
}

/**
 * Cleans and classifies a track against the geography and assigns a mode to every report.
 *
 * Example: two reports 10 s apart inside the APM berth polygon at 0 kn → both `at_berth`
 * (mode code 5); a third 10 s later 5 km away (1 000 kn implied) → dropped as a jump.
 */
export function classifyTrack(
  track: TrackInput,
  geo: CallGeography,
  options: CallOptions = DEFAULT_CALL_OPTIONS,
  maxSpeedKn: number = options.defaultMaxSpeedKn,
): ClassifiedTrack {
  const count = track.count;
  // 1. Time order (blocks are sorted; merged inputs may not be).
  let order: Uint32Array | null = null;
  for (let i = 1; i < count; i++) {
    if (track.timeS[i]! < track.timeS[i - 1]!) {
      order = new Uint32Array(count);
      for (let k = 0; k < count; k++) order[k] = k;
      order.sort((a, b) => track.timeS[a]! - track.timeS[b]!);
      break;
    }
  }
  const cosLat = geo.cosLat;
  const t = new Float64Array(count);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const sog = new Float32Array(count);
  const moored = new Uint8Array(count);
  let n = 0;
  let dups = 0;
  let jumps = 0;
  let lastT = Number.NEGATIVE_INFINITY;
  let rejectedSince = -1;
  const maxImplied = options.maxImpliedSpeedKn * METRES_PER_SECOND_PER_KNOT;
  for (let k = 0; k < count; k++) {
    const i = order === null ? k : order[k]!;
    const ti = track.timeS[i]!;
    if (ti === lastT) {
      dups++;
      continue;
    }
    const lat = track.latU[i]! / POSITION_UNITS_PER_DEG;
    const xi = (track.lonU[i]! / POSITION_UNITS_PER_DEG) * cosLat;
    if (n > 0) {
      const dx = xi - x[n - 1]!;
      const dy = lat - y[n - 1]!;
      const dM = Math.sqrt(dx * dx + dy * dy) * METRES_PER_SCALED_DEG;
      const dt = ti - t[n - 1]!;
      if (dM > 1000 && dM > maxImplied * dt) {
        // A jump no ship can make: a bad position or a second ship on the same MMSI. Keep the
        // track we have, unless it has been silent for jumpResetS while only jumps arrived.
        if (rejectedSince < 0) rejectedSince = ti;
        if (ti - rejectedSince < options.jumpResetS || ti - t[n - 1]! < options.jumpResetS) {
          jumps++;
          lastT = ti;
          continue;
        }
      }
    }
    rejectedSince = -1;
    lastT = ti;
    t[n] = ti;
    x[n] = xi;
    y[n] = lat;
    const s = track.sogDeciKn[i]!;
    sog[n] = s === SOG_NOT_AVAILABLE ? -1 : s / 10;
    moored[n] = track.navStatus?.[i] === NAV_MOORED ? 1 : 0;
    n++;
  }
  // 2. Speeds: missing → from positions; single spikes → median of three.
  for (let i = 0; i < n; i++) {
    if (sog[i]! >= 0) continue;
    const a = i > 0 ? i - 1 : i;
    const b = i < n - 1 ? i + 1 : i;
    const dt = t[b]! - t[a]!;
    const ddx = x[b]! - x[a]!;
    const ddy = y[b]! - y[a]!;
    const dM = Math.sqrt(ddx * ddx + ddy * ddy) * METRES_PER_SCALED_DEG;
    sog[i] = dt > 0 ? dM / dt / METRES_PER_SECOND_PER_KNOT : 0;
  }
  const sogKn = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = sog[i > 0 ? i - 1 : i]!;
    const b = sog[i]!;
    const c = sog[i < n - 1 ? i + 1 : i]!;
    sogKn[i] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
  // 3. Geography.
  const berth = new Int16Array(n).fill(-1);
  const berthDistM = new Float32Array(n);
  // Quay rule candidates: nearest terminal of a stopped report outside every strip, and its distance.
  const quayTerminal = new Int16Array(n).fill(-1);
  const quayDistM = new Float32Array(n);
  const quayReachM = Math.max(
    options.quayMaxDistanceM,
    options.quayMaxDistanceMooredM,
    options.quayMaxDistanceUncertainM,
  );
  const quayReachDeg = quayReachM / METRES_PER_SCALED_DEG;
  const anchorage = new Int16Array(n).fill(-1);
  const flags = new Uint8Array(n);
  const zoneMask = new Uint8Array(n);
  const mode = new Uint8Array(n);
  const rb = geo.regionBBox;
  const lfSpeed = maxSpeedKn * Math.cbrt(options.manoeuvringMaxLoadFactor);
  const bufDeg = options.berthBufferM / METRES_PER_SCALED_DEG;
  const operational = options.modeRule === "operational";
  const { grid, kinds } = gridOf(geo);
  for (let i = 0; i < n; i++) {
    const lat = y[i]!;
    const xi = x[i]!;
    const lon = xi / cosLat;
    const s = sogKn[i]!;
    let f = 0;
    let zm = 0;
    if (lon >= rb[0] && lon <= rb[2] && lat >= rb[1] && lat <= rb[3]) {
      const cell = grid.cell(xi, lat);
      let a = 32767;
      for (let q = 0; q < cell.sure.length + cell.maybe.length; q++) {
        const k = q < cell.sure.length ? cell.sure[q]! : cell.maybe[q - cell.sure.length]!;
        if (q >= cell.sure.length && !fastContains(grid.polys[k]!, xi, lat)) continue;
        const kind = kinds.kind[k]!;
        if (kind === 0) zm |= 1 << kinds.local[k]!;
        else if (kind === 1) f |= F_PORT;
        else if (kind === 2) f |= F_PILOT;
        else if (kind === 3) f |= F_INNER;
        else if (kind === 4) f |= F_OUTER;
        else if (kinds.local[k]! < a) a = kinds.local[k]!;
      }
      if (a === 32767) a = -1;
      anchorage[i] = a;
      if (s <= options.berthMaxKn) {
        for (let k = 0; k < geo.berths.length; k++) {
          const p = geo.berths[k]!;
          const b = p.bbox;
          if (
            lon < b[0] - bufDeg * 2 ||
            lon > b[2] + bufDeg * 2 ||
            lat < b[1] - bufDeg ||
            lat > b[3] + bufDeg
          )
            continue;
          if (fastContains(p, xi, lat) || fastDistanceToEdgeM(p, xi, lat) <= options.berthBufferM) {
            berth[i] = k;
            break;
          }
        }
        if (berth[i]! < 0 && a < 0) {
          const q = nearestTerminal(geo, lon, lat, xi, quayReachDeg, quayReachM);
          if (q !== null) {
            quayTerminal[i] = q.terminal;
            quayDistM[i] = q.distM;
          }
        }
      }
      if (zm !== 0 || f !== 0 || a >= 0 || berth[i]! >= 0 || quayTerminal[i]! >= 0) f |= F_REGION;
    }
    flags[i] = f;
    zoneMask[i] = zm;
    // 4. Mode (METHOD.md §1.3 order: anchorage, berth, manoeuvring, transit, else anchorage).
    let m: number;
    if (anchorage[i]! >= 0 && s <= options.anchorMaxKn) m = MODE_ANCHOR;
    else if (berth[i]! >= 0) m = MODE_BERTH;
    else if (s <= options.berthMaxKn) m = MODE_ANCHOR;
    else if (operational) {
      if ((f & (F_PORT | F_PILOT | F_INNER)) !== 0 || s <= options.manoeuvringMaxKn) m = MODE_MANOEUVRING;
      else if (zm !== 0) m = MODE_RSZ;
      else m = MODE_TRANSIT;
    } else if (s <= lfSpeed) m = MODE_MANOEUVRING;
    else m = zm !== 0 ? MODE_RSZ : MODE_TRANSIT;
    mode[i] = m;
  }
  const classified: ClassifiedTrack = {
    n,
    t: t.subarray(0, n),
    x: x.subarray(0, n),
    y: y.subarray(0, n),
    sogKn,
    berth,
    berthDistM,
    anchorage,
    flags,
    zoneMask,
    mode,
    droppedDuplicates: dups,
    droppedJumps: jumps,
  };
  applyQuayRule(classified, geo, options, quayTerminal, quayDistM, moored.subarray(0, n));
  return classified;
}

/** Distance in metres from a point to a polygon: 0 inside, else to its outline. */
function distanceToPolygonM(p: FastPolygon, x: number, y: number): number {
  return fastContains(p, x, y) ? 0 : fastDistanceToEdgeM(p, x, y);
}

/**
 * The terminal nearest a point, measured to the terminal's area and its berth strips (0 inside
 * either), if within `maxM`; bounding boxes widened by `reachDeg` skip the far ones.
 */
function nearestTerminal(
  geo: CallGeography,
  lon: number,
  lat: number,
  x: number,
  reachDeg: number,
  maxM: number,
): { terminal: number; distM: number } | null {
  let best: { terminal: number; distM: number } | null = null;
  const reachLon = reachDeg / geo.cosLat;
  for (let k = 0; k < geo.terminals.length; k++) {
    const tp = geo.terminals[k]!;
    const b = tp.bbox;
    if (lon < b[0] - reachLon || lon > b[2] + reachLon || lat < b[1] - reachDeg || lat > b[3] + reachDeg)
      continue;
    let d = distanceToPolygonM(tp, x, lat);
    for (const bk of geo.terminalBerths[k]!)
      if (d > 0) d = Math.min(d, distanceToPolygonM(geo.berths[bk]!, x, lat));
    if (d <= maxM && (best === null || d < best.distM)) best = { terminal: k, distM: d };
  }
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor((v.length - 1) / 2)]!;
}

/**
 * The quay rule (see CallOptions.quayMaxDistanceM): a sustained stop near one terminal — reports
 * stopped outside every strip and anchorage, next to each other in time, lasting
 * `stationaryMinS`, 90 % of them within `stationarySpreadM` of their median position, and at a
 * median distance from the terminal within `quayMaxDistanceM` (`quayMaxDistanceMooredM` when most
 * say status 5; `quayMaxDistanceUncertainM` for a terminal of confidence C) — is at berth, at the
 * terminal's berth nearest the stop's median position.
 * Shorter, wandering or farther stops stay as they were (at anchor outside an anchorage).
 *
 * Example (berth-detection.test.ts): a ship lying 20 h at 0 kn 50 m off the west face of Pier 300
 * (OpenStreetMap outline), > 300 m from the drawn Fenix strip → at berth at Fenix 302-305 with
 * berthDistanceM > 300; a ship swinging 200 m round a point 150 m off that face → no berth call.
 */
function applyQuayRule(
  c: ClassifiedTrack,
  geo: CallGeography,
  o: CallOptions,
  quayTerminal: Int16Array,
  quayDistM: Float32Array,
  moored: Uint8Array,
): void {
  let i = 0;
  while (i < c.n) {
    const term = quayTerminal[i]!;
    if (term < 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < c.n && quayTerminal[j + 1] === term) j++;
    const xs: number[] = [];
    const ys: number[] = [];
    const ds: number[] = [];
    let mooredCount = 0;
    for (let k = i; k <= j; k++) {
      xs.push(c.x[k]!);
      ys.push(c.y[k]!);
      ds.push(quayDistM[k]!);
      mooredCount += moored[k]!;
    }
    const mx = median(xs);
    const my = median(ys);
    const spreadLimit = o.stationarySpreadM / METRES_PER_SCALED_DEG;
    let near = 0;
    for (let k = 0; k < xs.length; k++) if (Math.hypot(xs[k]! - mx, ys[k]! - my) <= spreadLimit) near++;
    const limitM =
      geo.terminals[term]!.confidence === "C"
        ? o.quayMaxDistanceUncertainM
        : mooredCount * 2 > xs.length
          ? o.quayMaxDistanceMooredM
          : o.quayMaxDistanceM;
    if (c.t[j]! - c.t[i]! >= o.stationaryMinS && near >= 0.9 * xs.length && median(ds) <= limitM) {
      let best = -1;
      let bestD = Number.POSITIVE_INFINITY;
      for (const bk of geo.terminalBerths[term]!) {
        const d = distanceToPolygonM(geo.berths[bk]!, mx, my);
        if (d < bestD) {
          bestD = d;
          best = bk;
        }
      }
      const p = geo.berths[best]!;
      for (let k = i; k <= j; k++) {
        c.mode[k] = MODE_BERTH;
        c.berth[k] = best;
        c.berthDistM[k] = distanceToPolygonM(p, c.x[k]!, c.y[k]!);
      }
    }
    i = j + 1;
  }
}

/** Zone key of a report for its mode: berth or anchorage index, or the speed-zone mask. */
function zoneKey(c: ClassifiedTrack, i: number): number {
  const m = c.mode[i]!;
  if (m === MODE_BERTH) return c.berth[i]!;
  if (m === MODE_ANCHOR) return c.anchorage[i]!;
  if (m === MODE_RSZ) return 1000 + c.zoneMask[i]!;
  return -1;
}

function stepM(c: ClassifiedTrack, i: number): number {
  const dx = c.x[i]! - c.x[i - 1]!;
  const dy = c.y[i]! - c.y[i - 1]!;
  return Math.sqrt(dx * dx + dy * dy) * METRES_PER_SCALED_DEG;
}

/** A run of reports [from, to] (inclusive) with one mode and zone, plus its boundary times. */
interface Run {
  from: number;
  to: number;
  mode: number;
  zone: number;
  startS: number;
  endS: number;
}

function isStopped(m: number): boolean {
  return m === MODE_BERTH || m === MODE_ANCHOR;
}

/**
 * Runs of equal mode and zone with jitter absorbed and gaps handled: a gap up to
 * `maxInterpolateGapS` is interpolated; a longer one is bridged when the ship was stopped in the
 * same berth/anchorage (or within `stationaryBridgeM`) on both sides, else it becomes `unknown`.
 */
function buildRuns(c: ClassifiedTrack, o: CallOptions): Run[] {
  const runs: Run[] = [];
  const n = c.n;
  if (n === 0) return runs;
  let cur: Run = { from: 0, to: 0, mode: c.mode[0]!, zone: zoneKey(c, 0), startS: c.t[0]!, endS: c.t[0]! };
  for (let i = 1; i < n; i++) {
    const m = c.mode[i]!;
    const z = zoneKey(c, i);
    const dt = c.t[i]! - c.t[i - 1]!;
    if (dt > o.maxInterpolateGapS) {
      const bridged =
        isStopped(cur.mode) && m === cur.mode && (z === cur.zone || stepM(c, i) <= o.stationaryBridgeM);
      if (!bridged) {
        cur.endS = c.t[i - 1]!;
        runs.push(cur);
        runs.push({ from: i, to: i - 1, mode: MODE_UNKNOWN, zone: -1, startS: c.t[i - 1]!, endS: c.t[i]! });
        cur = { from: i, to: i, mode: m, zone: z, startS: c.t[i]!, endS: c.t[i]! };
        continue;
      }
    }
    if (m === cur.mode && z === cur.zone) {
      cur.to = i;
      continue;
    }
    // Boundary time: stopping → the previous report plus the time to cover the last step at its
    // speed; starting → the first moving report minus the same; otherwise the first new report.
    const t0 = c.t[i - 1]!;
    const t1 = c.t[i]!;
    let b = t1;
    if (isStopped(m) && !isStopped(cur.mode)) {
      const v = c.sogKn[i - 1]! * METRES_PER_SECOND_PER_KNOT;
      b = v > 0.1 ? Math.min(t1, t0 + stepM(c, i) / v) : t1;
    } else if (isStopped(cur.mode) && !isStopped(m)) {
      const v = c.sogKn[i]! * METRES_PER_SECOND_PER_KNOT;
      b = v > 0.1 ? Math.max(t0, t1 - stepM(c, i) / v) : t1;
    }
    cur.endS = b;
    runs.push(cur);
    cur = { from: i, to: i, mode: m, zone: z, startS: b, endS: b };
  }
  cur.endS = c.t[n - 1]!;
  runs.push(cur);
  // Jitter: a short run between two runs of the same mode and zone is absorbed (repeat until stable).
  const out: Run[] = [];
  for (const r of runs) {
    out.push(r);
    for (;;) {
      const k = out.length;
      if (k < 3) break;
      const a = out[k - 3]!;
      const mid = out[k - 2]!;
      const b = out[k - 1]!;
      if (
        a.mode === b.mode &&
        a.zone === b.zone &&
        mid.mode !== MODE_UNKNOWN &&
        mid.endS - mid.startS <= o.jitterMaxS &&
        (isStopped(a.mode) || mid.mode !== MODE_ANCHOR) &&
        // Re-anchoring or re-berthing elsewhere in the same polygon is a move, not jitter.
        (!isStopped(a.mode) || stepBetween(c, a.to, b.from) <= o.stationaryBridgeM)
      ) {
        a.to = b.to;
        a.endS = b.endS;
        out.length = k - 2;
      } else break;
    }
  }
  return out;
}

function zoneName(geo: CallGeography, mode: number, zone: number): string | null {
  if (mode === MODE_BERTH) return geo.berths[zone]?.id ?? null;
  if (mode === MODE_ANCHOR) return zone >= 0 ? (geo.anchorages[zone]?.id ?? null) : null;
  if (mode === MODE_RSZ) {
    const mask = zone - 1000;
    // The innermost zone: the one with the smallest area (last bit set wins on LA's nested circles).
    let best: FastPolygon | null = null;
    for (let k = 0; k < geo.speedZones.length; k++)
      if (mask & (1 << k)) {
        const p = geo.speedZones[k]!;
        if (best === null || p.rOut2 < best.rOut2) best = p;
      }
    return best?.id ?? null;
  }
  return null;
}

function toSegment(mmsi: number, c: ClassifiedTrack, geo: CallGeography, r: Run): ModeSegment {
  let distM = 0;
  let sum = 0;
  let max = 0;
  let k = 0;
  for (let i = r.from; i <= r.to; i++) {
    if (i > r.from) distM += stepM(c, i);
    const s = c.sogKn[i]!;
    sum += s;
    if (s > max) max = s;
    k++;
  }
  if (r.mode === MODE_UNKNOWN && r.from > 0 && r.from < c.n) distM = stepM(c, r.from);
  const durationS = Math.max(0, r.endS - r.startS);
  return {
    mmsi,
    mode: OPERATING_MODES[r.mode]!,
    zone: zoneName(geo, r.mode, r.zone),
    startS: Math.round(r.startS),
    endS: Math.round(r.endS),
    durationH: round(durationS / 3600, 4),
    distanceNm: round(distM / 1852, 3),
    meanSpeedKn:
      r.mode === MODE_UNKNOWN
        ? round(durationS > 0 ? distM / 1852 / (durationS / 3600) : 0, 2)
        : round(k > 0 ? sum / k : 0, 2),
    maxSpeedKn: round(max, 1),
    reports: r.mode === MODE_UNKNOWN ? 0 : k,
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export interface TrackAnalysis {
  segments: ModeSegment[];
  calls: DetectedCall[];
  reportsUsed: number;
  droppedDuplicates: number;
  droppedJumps: number;
}

/**
 * Segments a vessel's track and detects its port calls (pure).
 *
 * Example (see segment.test.ts): a ship sailing in from 45 nm at 11 kn, anchoring 6 h in
 * Anchorage B, berthing 24 h at APM 401-406 and leaving → one call with berth arrival/departure
 * within a minute of the scripted times, one anchorage stay of ≈ 6 h and a VSR compliance of 1.
 * `callCandidate: false` (tugs, pilot boats, harbour craft) gives segments and no calls.
 */
export function analyseTrack(
  mmsi: number,
  track: TrackInput,
  geo: CallGeography,
  options: CallOptions = DEFAULT_CALL_OPTIONS,
  callCandidate = true,
  maxSpeedKn?: number,
): TrackAnalysis {
  const c = classifyTrack(track, geo, options, maxSpeedKn);
  const runs = buildRuns(c, options);
  const calls: DetectedCall[] = [];
  const segments: ModeSegment[] = [];
  // Visits: stretches inside the port's region; only their segments are kept.
  const visits = findVisits(c, options);
  let r0 = 0;
  for (const [vFrom, vTo] of visits) {
    const vStart = c.t[vFrom]!;
    const vEnd = c.t[vTo]!;
    while (r0 < runs.length && runs[r0]!.endS < vStart) r0++;
    const vRuns: Run[] = [];
    for (let k = r0; k < runs.length && runs[k]!.startS <= vEnd; k++) {
      const r = runs[k]!;
      // Clip the run's reports to the visit.
      const from = Math.max(r.from, vFrom);
      const to = Math.min(r.to, vTo);
      if (r.mode !== MODE_UNKNOWN && from > to) continue;
      const startS = Math.max(r.startS, vStart);
      const endS = Math.min(r.endS, vEnd);
      if (r.mode === MODE_UNKNOWN && endS <= startS) continue;
      vRuns.push({ ...r, from, to, startS, endS });
    }
    const vSegs = vRuns.map((r) => toSegment(mmsi, c, geo, r));
    segments.push(...vSegs);
    if (!callCandidate) continue;
    const call = callOfVisit(mmsi, c, geo, options, vFrom, vTo, vRuns, vSegs);
    if (call !== null) calls.push(call);
  }
  return {
    segments,
    calls,
    reportsUsed: c.n,
    droppedDuplicates: c.droppedDuplicates,
    droppedJumps: c.droppedJumps,
  };
}

function findVisits(c: ClassifiedTrack, o: CallOptions): [number, number][] {
  const visits: [number, number][] = [];
  let start = -1;
  let last = -1;
  let outside = false;
  for (let i = 0; i < c.n; i++) {
    if ((c.flags[i]! & F_REGION) === 0) {
      if (last >= 0) outside = true;
      continue;
    }
    if (start >= 0) {
      const dt = c.t[i]! - c.t[last]!;
      if (dt > o.visitBreakS && (outside || stepBetween(c, last, i) > 2000)) {
        visits.push([start, last]);
        start = i;
      }
    } else start = i;
    last = i;
    outside = false;
  }
  if (start >= 0) visits.push([start, last]);
  return visits;
}

function stepBetween(c: ClassifiedTrack, i: number, j: number): number {
  const dx = c.x[j]! - c.x[i]!;
  const dy = c.y[j]! - c.y[i]!;
  return Math.sqrt(dx * dx + dy * dy) * METRES_PER_SCALED_DEG;
}

function callOfVisit(
  mmsi: number,
  c: ClassifiedTrack,
  geo: CallGeography,
  o: CallOptions,
  vFrom: number,
  vTo: number,
  runs: Run[],
  segs: ModeSegment[],
): DetectedCall | null {
  // Berth stays: berth runs of the same berth merge across short interruptions.
  const berths: BerthStay[] = [];
  const distances: number[][] = [];
  for (const r of runs) {
    if (r.mode !== MODE_BERTH) continue;
    const prev = berths[berths.length - 1];
    const id = geo.berths[r.zone]!.id;
    const runDist: number[] = [];
    for (let i = r.from; i <= r.to; i++) runDist.push(c.berthDistM[i]!);
    if (prev !== undefined && prev.berth === id && r.startS - prev.departureS <= o.minBerthStayS) {
      prev.departureS = r.endS;
      distances[distances.length - 1]!.push(...runDist);
    } else {
      const p = geo.berths[r.zone]!;
      berths.push({
        berth: id,
        terminal: p.terminal,
        berthLabel: p.label,
        port: p.port ?? geo.port,
        arrivalS: r.startS,
        departureS: r.endS,
        berthDistanceM: 0,
      });
      distances.push(runDist);
    }
  }
  berths.forEach((b, k) => {
    b.berthDistanceM = Math.round(median(distances[k]!));
  });
  // A stay still going on at the end of the track (live feed, end of window) counts however short.
  const endRun = runs[runs.length - 1];
  const ongoing = vTo === c.n - 1 && endRun !== undefined && endRun.mode === MODE_BERTH;
  const stays = berths.filter(
    (b, k) => b.departureS - b.arrivalS >= o.minBerthStayS || (ongoing && k === berths.length - 1),
  );
  if (stays.length === 0) return null;
  const anchorages: AnchorStay[] = [];
  for (const r of runs) {
    if (r.mode !== MODE_ANCHOR || r.zone < 0) continue;
    if (r.endS - r.startS < o.jitterMaxS) continue;
    anchorages.push({ anchorage: geo.anchorages[r.zone]!.id, fromS: r.startS, toS: r.endS });
  }
  const firstArrival = stays[0]!.arrivalS;
  let crossed40 = null as number | null;
  let crossed20 = null as number | null;
  let enteredPort = null as number | null;
  let leftPort = null as number | null;
  let pilot = null as number | null;
  const zoneStats = geo.speedZones.map(
    (p): SpeedZoneCompliance => ({
      zone: p.id,
      limitKn: p.limitKn ?? 0,
      distanceNm: 0,
      compliantDistanceNm: 0,
      compliantShare: null,
      maxSpeedKn: 0,
      enteredS: null,
    }),
  );
  for (let i = vFrom; i <= vTo; i++) {
    const f = c.flags[i]!;
    const ti = c.t[i]!;
    if (f & F_PORT) {
      if (enteredPort === null) enteredPort = ti;
      leftPort = ti;
    }
    if (f & F_PILOT && pilot === null && ti <= firstArrival) pilot = ti;
    const zm = c.zoneMask[i]!;
    if (zm === 0) continue;
    for (let k = 0; k < zoneStats.length; k++) {
      if ((zm & (1 << k)) === 0) continue;
      const z = zoneStats[k]!;
      if (z.enteredS === null) z.enteredS = ti;
      if (i > vFrom && c.zoneMask[i - 1]! & (1 << k) && ti - c.t[i - 1]! <= o.maxInterpolateGapS) {
        const dNm = stepM(c, i) / 1852;
        const v = (c.sogKn[i]! + c.sogKn[i - 1]!) / 2;
        z.distanceNm += dNm;
        if (v <= z.limitKn + 1e-6) z.compliantDistanceNm += dNm;
        if (c.sogKn[i]! > z.maxSpeedKn) z.maxSpeedKn = c.sogKn[i]!;
      }
    }
  }
  for (const z of zoneStats) {
    z.compliantShare = z.distanceNm > 0 ? round(z.compliantDistanceNm / z.distanceNm, 4) : null;
    z.distanceNm = round(z.distanceNm, 3);
    z.compliantDistanceNm = round(z.compliantDistanceNm, 3);
    z.maxSpeedKn = round(z.maxSpeedKn, 1);
  }
  for (const [k, p] of geo.speedZones.entries()) {
    if (/40\s*nm$/i.test(p.id)) crossed40 = zoneStats[k]!.enteredS;
    if (/20\s*nm$/i.test(p.id)) crossed20 = zoneStats[k]!.enteredS;
  }
  const firstRun = runs[0]!;
  const lastRun = runs[runs.length - 1]!;
  const lastStay = stays[stays.length - 1]!;
  // A visit's call belongs to the port of its first berth (a neighbour's berth: that port's call).
  const port = stays[0]!.port;
  return {
    mmsi,
    port,
    neighbourOf: port === geo.port ? null : geo.port,
    startS: Math.round(c.t[vFrom]!),
    endS: Math.round(c.t[vTo]!),
    berths: stays.map((b) => ({
      ...b,
      arrivalS: Math.round(b.arrivalS),
      departureS: Math.round(b.departureS),
    })),
    anchorages: anchorages.map((a) => ({ ...a, fromS: Math.round(a.fromS), toS: Math.round(a.toS) })),
    crossed40nmS: crossed40,
    crossed20nmS: crossed20,
    enteredPortAreaS: enteredPort,
    // Still inside the port area at the visit's last report: not seen leaving.
    leftPortAreaS: (c.flags[vTo]! & F_PORT) !== 0 ? null : leftPort,
    pilotBoardingS: pilot,
    speedZones: zoneStats,
    arrivalObserved: !(firstRun.mode === MODE_BERTH && firstRun.startS >= stays[0]!.arrivalS),
    departureObserved: !(lastRun.mode === MODE_BERTH && lastStay.departureS <= lastRun.endS),
    segments: segs,
  };
}
