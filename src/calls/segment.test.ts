import { describe, expect, it } from "vitest";
import { POSITION_UNITS_PER_DEG } from "../ais/index.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { compileCallGeography } from "./geography.ts";
import { DEFAULT_CALL_OPTIONS } from "./model.ts";
import { analyseTrack, classifyTrack, type TrackInput } from "./segment.ts";

const registry = loadPortRegistry();
const la = registry.get("USLAX")!;
const geo = compileCallGeography(la);

type P = [number, number];
const T0 = Date.UTC(2026, 0, 1) / 1000;

function featurePoly(id: string): P[] {
  const f = la.byId.get(id)!;
  if (f.geometry.type !== "Polygon") throw new Error(id);
  return f.geometry.coordinates[0] as P[];
}
/** A point on a berth strip's midline (average of opposite vertices). */
function berthPoint(id: string): P {
  const ring = featurePoly(id).slice(0, -1);
  const i = Math.floor(ring.length / 4);
  const p = ring[i]!;
  const q = ring[ring.length - 1 - i]!;
  return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
}
function centroid(id: string): P {
  const ring = featurePoly(id).slice(0, -1);
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}
const M_PER_DEG = 111_320;
function distM(a: P, b: P): number {
  const c = Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot((b[0] - a[0]) * c, b[1] - a[1]) * M_PER_DEG;
}

/** Builds a track: legs at a speed, stays with jitter; reports every `intervalS`. */
class Track {
  t: number[] = [];
  lat: number[] = [];
  lon: number[] = [];
  sog: number[] = [];
  now = T0;
  pos: P;
  constructor(start: P) {
    this.pos = start;
  }
  private add(p: P, sogKn: number) {
    this.t.push(Math.round(this.now));
    this.lon.push(Math.round(p[0] * POSITION_UNITS_PER_DEG));
    this.lat.push(Math.round(p[1] * POSITION_UNITS_PER_DEG));
    this.sog.push(Math.round(sogKn * 10));
  }
  move(to: P, kn: number, intervalS = 10): this {
    const d = distM(this.pos, to);
    const dur = d / (kn * 0.5144);
    const from = this.pos;
    for (let s = 0; s < dur; s += intervalS) {
      const f = s / dur;
      this.now += s === 0 ? 0 : intervalS;
      this.add([from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f], kn);
    }
    this.now = this.now + (dur % intervalS || intervalS);
    this.pos = to;
    return this;
  }
  stay(hours: number, intervalS = 180, jitterM = 2, sogKn = 0): this {
    const end = this.now + hours * 3600;
    let k = 0;
    while (this.now < end) {
      const a = k * 2.39996;
      const j = (jitterM * ((k % 7) / 7)) / M_PER_DEG;
      this.add(
        [this.pos[0] + j * Math.cos(a), this.pos[1] + j * Math.sin(a)],
        k % 5 === 0 ? sogKn + 0.1 : sogKn,
      );
      this.now += intervalS;
      k++;
    }
    this.now = end;
    return this;
  }
  gap(hours: number): this {
    this.now += hours * 3600;
    return this;
  }
  input(): TrackInput {
    return { count: this.t.length, timeS: this.t, latU: this.lat, lonU: this.lon, sogDeciKn: this.sog };
  }
}

const SEA: P = [-118.95, 33.2];
const APM = "uslax-berth-apm-401-406";
const FENIX = "uslax-berth-fenix-302-305";
const ANCH = "uslax-anchorage-b";

function standardCall(
  opts: { anchorH?: number; gapAtAnchorH?: number; shift?: boolean; vsrKn?: number } = {},
) {
  const tr = new Track(SEA);
  tr.move(centroid(ANCH), opts.vsrKn ?? 11);
  const anchorStart = tr.now;
  if (opts.anchorH) {
    if (opts.gapAtAnchorH) {
      tr.stay(1, 180, 40, 0.2)
        .gap(opts.gapAtAnchorH)
        .stay(opts.anchorH - 1 - opts.gapAtAnchorH, 180, 40, 0.2);
    } else tr.stay(opts.anchorH, 180, 40, 0.2);
  }
  const anchorEnd = tr.now;
  const berth = berthPoint(APM);
  tr.move(berth, 6);
  const arrival = tr.now;
  tr.stay(24);
  const departure = tr.now;
  let shiftArrival = 0;
  if (opts.shift) {
    tr.move(berthPoint(FENIX), 3);
    shiftArrival = tr.now;
    tr.stay(10);
  }
  tr.move(SEA, 12);
  return { tr, arrival, departure, anchorStart, anchorEnd, shiftArrival };
}

describe("classifyTrack", () => {
  it("drops duplicates and impossible jumps (a second ship on the MMSI)", () => {
    const b = berthPoint(APM);
    const input: TrackInput = {
      count: 4,
      timeS: [T0, T0, T0 + 10, T0 + 20],
      latU: [b[1] * 6e5, b[1] * 6e5, (b[1] + 0.05) * 6e5, b[1] * 6e5],
      lonU: [b[0] * 6e5, b[0] * 6e5, b[0] * 6e5, b[0] * 6e5],
      sogDeciKn: [0, 0, 0, 0],
    };
    const c = classifyTrack(input, geo);
    expect(c.n).toBe(2);
    expect(c.droppedDuplicates).toBe(1);
    expect(c.droppedJumps).toBe(1);
    expect(Array.from(c.mode)).toEqual([5, 5]);
  });

  it("EPA vs operational: 12 kn inside the VSR zone", () => {
    const p: P = [-118.6, 33.5]; // inside the 20 nm zone, outside port/precautionary areas
    const input: TrackInput = {
      count: 1,
      timeS: [T0],
      latU: [p[1] * 6e5],
      lonU: [p[0] * 6e5],
      sogDeciKn: [120],
    };
    expect(classifyTrack(input, geo, { ...DEFAULT_CALL_OPTIONS, modeRule: "epa" }).mode[0]).toBe(3); // manoeuvring (LF 0.19)
    expect(classifyTrack(input, geo, { ...DEFAULT_CALL_OPTIONS, modeRule: "operational" }).mode[0]).toBe(2);
    const fast = { ...input, sogDeciKn: [150] };
    expect(classifyTrack(fast, geo, { ...DEFAULT_CALL_OPTIONS, modeRule: "epa" }).mode[0]).toBe(2);
  });

  it("replaces a missing speed and a single speed spike", () => {
    const b = berthPoint(APM);
    const input: TrackInput = {
      count: 3,
      timeS: [T0, T0 + 180, T0 + 360],
      latU: [b[1] * 6e5, b[1] * 6e5, b[1] * 6e5],
      lonU: [b[0] * 6e5, b[0] * 6e5, b[0] * 6e5],
      sogDeciKn: [0, 1022, 1023],
    };
    const c = classifyTrack(input, geo);
    expect(Array.from(c.sogKn)).toEqual([0, 0, 0]);
    expect(Array.from(c.mode)).toEqual([5, 5, 5]);
  });
});

describe("analyseTrack", () => {
  it("worked example: anchor 6 h, berth 24 h at APM → one call with times to the minute", () => {
    const { tr, arrival, departure, anchorStart, anchorEnd } = standardCall({ anchorH: 6 });
    const a = analyseTrack(367000001, tr.input(), geo);
    expect(a.calls).toHaveLength(1);
    const c = a.calls[0]!;
    expect(c.berths[0]!.berth).toBe(APM);
    expect(Math.abs(c.berths[0]!.arrivalS - arrival)).toBeLessThan(60);
    expect(Math.abs(c.berths[0]!.departureS - departure)).toBeLessThan(60);
    expect(c.anchorages).toHaveLength(1);
    expect(Math.abs(c.anchorages[0]!.fromS - anchorStart)).toBeLessThan(60);
    expect(Math.abs(c.anchorages[0]!.toS - anchorEnd)).toBeLessThan(200);
    expect(c.crossed40nmS).not.toBeNull();
    expect(c.crossed20nmS).not.toBeNull();
    expect(c.crossed40nmS!).toBeLessThan(c.crossed20nmS!);
    const z20 = c.speedZones.find((z) => z.zone === "uslax-vsr-20nm")!;
    expect(z20.compliantShare).toBe(1);
    const modes = a.segments.map((s) => s.mode);
    expect(modes).toContain("at_anchor");
    expect(modes).toContain("at_berth");
    expect(modes).toContain("reduced_speed_zone");
    const berthSeg = a.segments.find((s) => s.mode === "at_berth")!;
    expect(berthSeg.durationH).toBeCloseTo(24, 1);
    expect(berthSeg.maxSpeedKn).toBeLessThanOrEqual(0.1);
  });

  it("non-compliant VSR speed → compliance share 0 outbound at 12 kn is compliant", () => {
    const { tr } = standardCall({ vsrKn: 14 });
    const c = analyseTrack(367000001, tr.input(), geo).calls[0]!;
    const z40 = c.speedZones.find((z) => z.zone === "uslax-vsr-40nm")!;
    expect(z40.compliantShare).toBeGreaterThan(0.3);
    expect(z40.compliantShare).toBeLessThan(0.7);
    expect(z40.maxSpeedKn).toBe(14);
  });

  it("a 4 h AIS gap at anchor is bridged (one anchorage stay, no unknown segment inside it)", () => {
    const { tr } = standardCall({ anchorH: 8, gapAtAnchorH: 4 });
    const a = analyseTrack(367000001, tr.input(), geo);
    expect(a.calls).toHaveLength(1);
    expect(a.calls[0]!.anchorages).toHaveLength(1);
    expect(a.calls[0]!.anchorages[0]!.toS - a.calls[0]!.anchorages[0]!.fromS).toBeGreaterThan(7.5 * 3600);
    expect(a.segments.filter((s) => s.mode === "unknown")).toHaveLength(0);
  });

  it("a long gap while moving becomes an unknown segment; the call is still found", () => {
    const tr = new Track(SEA);
    tr.move([-118.7, 33.4], 11).gap(3);
    tr.pos = [-118.45, 33.6];
    tr.move(berthPoint(APM), 8).stay(20).move(SEA, 12);
    const a = analyseTrack(367000001, tr.input(), geo);
    expect(a.calls).toHaveLength(1);
    expect(a.segments.some((s) => s.mode === "unknown" && s.durationH >= 3)).toBe(true);
  });

  it("berth shift → two berth stays in one call", () => {
    const { tr, shiftArrival } = standardCall({ shift: true });
    const c = analyseTrack(367000001, tr.input(), geo).calls;
    expect(c).toHaveLength(1);
    expect(c[0]!.berths.map((b) => b.berth)).toEqual([APM, FENIX]);
    expect(Math.abs(c[0]!.berths[1]!.arrivalS - shiftArrival)).toBeLessThan(60);
  });

  it("anchoring twice → two anchorage stays", () => {
    const tr = new Track(SEA);
    const a1 = centroid(ANCH);
    tr.move(a1, 11).stay(5, 180, 40, 0.2);
    const v0 = featurePoly(ANCH)[0]!;
    const a2: P = [a1[0] + 0.6 * (v0[0] - a1[0]), a1[1] + 0.6 * (v0[1] - a1[1])];
    expect(distM(a1, a2)).toBeGreaterThan(600);
    tr.move(a2, 6).stay(4, 180, 40, 0.2);
    tr.move(berthPoint(APM), 6).stay(20).move(SEA, 12);
    const c = analyseTrack(367000001, tr.input(), geo).calls;
    expect(c).toHaveLength(1);
    expect(c[0]!.anchorages.length).toBe(2);
  });

  it("jitter at berth (speed blips to 2 kn for one report) does not split the stay", () => {
    const { tr } = standardCall();
    const i = tr.t.findIndex((t, k) => k > 0 && tr.sog[k] === 0 && t > tr.t[0]! + 10 * 3600);
    tr.sog[i] = 20;
    tr.sog[i + 1] = 20;
    tr.lat[i] = tr.lat[i]! + 30;
    const a = analyseTrack(367000001, tr.input(), geo);
    expect(a.calls).toHaveLength(1);
    expect(a.segments.filter((s) => s.mode === "at_berth")).toHaveLength(1);
  });

  it("out-of-order reports give the same result as ordered ones", () => {
    const { tr } = standardCall({ anchorH: 3 });
    const ordered = analyseTrack(1, tr.input(), geo);
    const idx = tr.t.map((_, i) => i).reverse();
    const shuffled: TrackInput = {
      count: idx.length,
      timeS: idx.map((i) => tr.t[i]!),
      latU: idx.map((i) => tr.lat[i]!),
      lonU: idx.map((i) => tr.lon[i]!),
      sogDeciKn: idx.map((i) => tr.sog[i]!),
    };
    expect(analyseTrack(1, shuffled, geo).calls).toEqual(ordered.calls);
  });

  it("harbour craft (not a call candidate) get segments but no calls", () => {
    const { tr } = standardCall();
    const a = analyseTrack(1, tr.input(), geo, DEFAULT_CALL_OPTIONS, false);
    expect(a.calls).toHaveLength(0);
    expect(a.segments.length).toBeGreaterThan(0);
  });

  it("a ship passing a berth for 10 min is not a call", () => {
    const tr = new Track(SEA);
    tr.move(berthPoint(APM), 8).stay(0.15, 10).move(SEA, 12);
    expect(analyseTrack(1, tr.input(), geo).calls).toHaveLength(0);
  });

  it("a track starting at berth marks the arrival as not observed", () => {
    const tr = new Track(berthPoint(APM));
    tr.stay(10).move(SEA, 12);
    const c = analyseTrack(1, tr.input(), geo).calls[0]!;
    expect(c.arrivalObserved).toBe(false);
    expect(c.departureObserved).toBe(true);
  });
});
