/**
 * Berth detection on positions taken from sources independent of data/ports: other published
 * outlines of the piers, quay lines from another public model of the bay, published notices, and
 * real AIS positions heard in San Pedro Bay. Each stop is built 45-60 m off a published quay edge
 * (a ship's antenna lies up to about its beam off the quay face), held for hours at 0 kn with a
 * few metres of noise, between an approach and a departure at harbour speed.
 *
 * Sources cited beside each point:
 * - OSM-PIERS: OpenStreetMap `industrial=port` polygons, Overpass export 2023-08-04 (repository
 *   jordanbell2357/uscg-nais-data, OSM/industrial_port.geojson, commit 5b20d4f4…), © OpenStreetMap
 *   contributors, ODbL 1.0 — separate OSM objects from the terminal polygons in data/ports.
 * - SPB-MODEL: a public San Pedro Bay harbour model whose Port of Long Beach quay lines were "read off
 *   the OSM coastline and crane positions" (search-index file id 70702436473), in local metres
 *   from an origin at 33.7500 N, -118.2099 E (fixed by its Queen Mary position, 33.7528 N,
 *   -118.1897 E); not the Port of Long Beach GIS layer our terminal polygons come from.
 * - AIS-2005: real sentences heard in San Pedro Bay, 2005-04-13 (../shared/reference/real-world/ais,
 *   san-pedro-bay-2005.nmea, test fixture only), decoded with our decoder; line numbers cited.
 * - JCG-2010: Japan Coast Guard 4th Region Notice to Mariners 2010 no. 87, dredging for the Nabeta
 *   wharf continuation at 35-01-42N 136-47-22E.
 */
import { describe, expect, it } from "vitest";
import { POSITION_UNITS_PER_DEG } from "../ais/index.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { compileCallGeography } from "./geography.ts";
import { DEFAULT_CALL_OPTIONS } from "./model.ts";
import { analyseTrack, type TrackInput } from "./segment.ts";

const registry = loadPortRegistry();
const la = compileCallGeography(registry.get("USLAX")!);
const ngo = compileCallGeography(registry.get("JPNGO")!);

type LonLat = [number, number];
const M_PER_DEG_LAT = 111_320;
const T0 = Date.UTC(2026, 2, 1) / 1000;

/** A point `d` metres from `p` on a compass bearing (flat earth: fine over a few hundred metres). */
function offset(p: LonLat, bearingDeg: number, d: number): LonLat {
  const b = (bearingDeg * Math.PI) / 180;
  const cos = Math.cos((p[1] * Math.PI) / 180);
  return [p[0] + (d * Math.sin(b)) / (M_PER_DEG_LAT * cos), p[1] + (d * Math.cos(b)) / M_PER_DEG_LAT];
}
const mid = (a: LonLat, b: LonLat, f = 0.5): LonLat => [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
/** SPB-MODEL local metres (+x east, +z south, 1 unit = 2 m) → lon/lat. */
function spb(xUnits: number, zUnits: number): LonLat {
  return offset(offset([-118.2099, 33.75], 90, 2 * xUnits), 180, 2 * zUnits);
}

interface Stop {
  at: LonLat;
  hours: number;
  navStatus?: number;
  /** Radius of the wander round the stop (a few metres moored; hundreds swinging at anchor). */
  wanderM?: number;
}

/**
 * A track: 2 km run-in at 8 kn from `approachBearing` (the side the water is), the stop reported
 * every 3 minutes, then the same way out.
 */
function track(stop: Stop, approachBearingDeg: number): TrackInput {
  const time: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const sog: number[] = [];
  const nav: number[] = [];
  let t = T0;
  const push = (p: LonLat, kn: number, status: number) => {
    time.push(t);
    lon.push(Math.round(p[0] * POSITION_UNITS_PER_DEG));
    lat.push(Math.round(p[1] * POSITION_UNITS_PER_DEG));
    sog.push(Math.round(kn * 10));
    nav.push(status);
  };
  const far = offset(stop.at, approachBearingDeg, 2000);
  const legS = 2000 / (8 * 0.5144);
  for (let s = 0; s < legS; s += 10, t += 10) push(mid(far, stop.at, s / legS), 8, 0);
  const wander = stop.wanderM ?? 3;
  const end = t + stop.hours * 3600;
  for (let k = 0; t < end; k++, t += 180)
    push(offset(stop.at, (k * 137.5) % 360, wander * ((k % 5) / 4)), 0, stop.navStatus ?? 0);
  for (let s = 0; s <= legS; s += 10, t += 10) push(mid(stop.at, far, s / legS), 8, 0);
  return { count: time.length, timeS: time, latU: lat, lonU: lon, sogDeciKn: sog, navStatus: nav };
}

function detect(geo: typeof la, stop: Stop, approachBearingDeg: number) {
  return analyseTrack(538_000_001, track(stop, approachBearingDeg), geo, DEFAULT_CALL_OPTIONS, true);
}

describe("berth detection at published quay positions (outside the drawn strips)", () => {
  // APM Terminals, Pier 400: the west face of Pier 400 on the Main Channel, between OSM-PIERS
  // relation 9256990 "Pier 400" vertices (-118.25964, 33.72229) and (-118.25757, 33.71700); 45 m
  // off the pier edge into the channel (bearing 250°).
  it("APM Pier 400, west face: at berth 401-406, far from the drawn strip", () => {
    const at = offset(mid([-118.25964, 33.72229], [-118.25757, 33.717], 0.5), 250, 45);
    const a = detect(la, { at, hours: 30, navStatus: 5 }, 250);
    expect(a.calls).toHaveLength(1);
    const c = a.calls[0]!;
    expect(c.port).toBe("USLAX");
    expect(c.neighbourOf).toBeNull();
    expect(c.berths[0]!.berth).toBe("uslax-berth-apm-401-406");
    // The strip lies on the north / north-west faces: this mooring is hundreds of metres from it.
    expect(c.berths[0]!.berthDistanceM).toBeGreaterThan(300);
    expect((c.berths[0]!.departureS - c.berths[0]!.arrivalS) / 3600).toBeCloseTo(30, 0);
  });

  // Fenix Marine Services, Pier 300: the west face of Pier 300, OSM-PIERS way 666016405 "Pier 300"
  // vertices (-118.26174, 33.73840) and (-118.26147, 33.73421); 50 m off into the Main Channel.
  it("Fenix, Pier 300 west face: at berth 302-305 with the distance recorded", () => {
    const at = offset(mid([-118.26174, 33.7384], [-118.26147, 33.73421], 0.4), 270, 50);
    const a = detect(la, { at, hours: 20 }, 270);
    expect(a.calls.map((c) => c.berths[0]!.berth)).toEqual(["uslax-berth-fenix-302-305"]);
    expect(a.calls[0]!.berths[0]!.berthDistanceM).toBeGreaterThan(300);
  });

  // West Basin Container Terminal 121-131: AIS-2005 line 62, MMSI 357458000 (Panama flag) stopped
  // at -118.27663, 33.75920 (0 kn): a real position beside the WBCT quay, ~206 m from the strip.
  it("WBCT 121-131: a real 2005 position 206 m from the drawn strip is at berth there", () => {
    const a = detect(la, { at: [-118.27663, 33.7592], hours: 26 }, 110);
    expect(a.calls.map((c) => c.berths[0]!.berth)).toEqual(["uslax-berth-wbct-121-131"]);
    expect(a.calls[0]!.berths[0]!.berthDistanceM).toBeGreaterThan(150);
  });

  // Antenna inboard: the same WBCT mooring with the antenna 50 m further from the quay (a wide ship's
  // GPS near its far side) is still this berth.
  it("WBCT 121-131: antenna 50 m further off is still the same berth", () => {
    const at = offset([-118.27663, 33.7592], 60, 50);
    const a = detect(la, { at, hours: 26 }, 60);
    expect(a.calls.map((c) => c.berths[0]!.berth)).toEqual(["uslax-berth-wbct-121-131"]);
  });

  // Nagoya United Container Terminal, Nabeta: JCG-2010's dredging position for the Nabeta wharf
  // continuation (35-01-42N 136-47-22E = 136.789444 E, 35.028333 N), i.e. the berth pocket in
  // front of the new wharf. Nagoya's terminals are confidence C (placed by estimate).
  it("Nabeta (Nagoya): the published berth-pocket position is a call at T1-T3", () => {
    const a = detect(ngo, { at: [136.789444, 35.028333], hours: 24, navStatus: 5 }, 200);
    expect(a.calls.map((c) => [c.port, c.berths[0]!.berth])).toEqual([["JPNGO", "jpngo-berth-nabeta-t1-t3"]]);
    expect(a.calls[0]!.berths[0]!.berthDistanceM).toBeGreaterThan(200);
  });
});

describe("Long Beach terminals in San Pedro Bay are Long Beach (USLGB) calls, kept apart", () => {
  const cases: [string, LonLat, number, string][] = [
    // ITS, Pier G: SPB-MODEL quay (300,344)-(720,344) on Pier G's south face; 45 m south into the slip.
    ["ITS Pier G", offset(spb(510, 344), 180, 45), 180, "uslax-terminal-lgb-its"],
    // PCT, Pier J: SPB-MODEL quay (690,517)-(340,517) on Pier J's north face; 45 m north into the slip.
    ["PCT Pier J", offset(spb(515, 517), 0, 45), 0, "uslax-terminal-lgb-pct"],
    // LBCT, Pier E: SPB-MODEL west-facing wharf x = -178, z -706…-57; 55 m west into the slip.
    ["LBCT Pier E", offset(spb(-178, -380), 270, 55), 270, "uslax-terminal-lgb-lbct"],
    // SSA Pier A: SPB-MODEL quay (-1240,-989)-(-793,-1114); 45 m south into the basin.
    ["SSA Pier A", offset(spb(-1016, -1051), 195, 45), 195, "uslax-terminal-lgb-ssa-pier-a"],
    // TTI, Pier T: SPB-MODEL quay (-1555.5,-67.3)-(-755.5,-349.3); 50 m south into the West Basin.
    ["TTI Pier T", offset(spb(-1155, -208), 200, 50), 200, "uslax-terminal-lgb-tti"],
    // SSA Pier C (Matson): AIS-2005 line 33, MMSI 309424000 (Bahamas flag) at -118.20883, 33.77217, 0 kn.
    ["SSA Pier C", [-118.20883, 33.77217], 180, "uslax-terminal-lgb-ssa-pier-c"],
  ];
  for (const [name, at, bearing, terminal] of cases)
    it(`${name}: port USLGB, neighbour of USLAX, at that terminal`, () => {
      const a = detect(la, { at, hours: 28 }, bearing);
      expect(a.calls).toHaveLength(1);
      const c = a.calls[0]!;
      expect([c.port, c.neighbourOf, c.berths[0]!.terminal]).toEqual(["USLGB", "USLAX", terminal]);
      expect(c.berths[0]!.port).toBe("USLGB");
    });
});

describe("what is not a berth call", () => {
  // AIS-2005 line 63, MMSI 356897000 at -118.22633, 33.73067: inside Anchorage B (33 CFR 110.214).
  it("a real position in Anchorage B: at anchor, no call", () => {
    const a = detect(la, { at: [-118.22633, 33.73067], hours: 20, wanderM: 120 }, 180);
    expect(a.calls).toEqual([]);
    expect(a.segments.some((s) => s.mode === "at_anchor" && s.zone === "uslax-anchorage-b")).toBe(true);
  });

  // A ship swinging at anchor (200 m radius) 150 m off Fenix's west face (same OSM-PIERS edge):
  // stationary on average, but no moored ship wanders that far.
  it("swinging round an anchor near a quay: no call", () => {
    const at = offset(mid([-118.26174, 33.7384], [-118.26147, 33.73421], 0.4), 270, 150);
    const a = detect(la, { at, hours: 12, wanderM: 200 }, 270);
    expect(a.calls).toEqual([]);
  });

  // AIS-2005 line 22, MMSI 366915240, status 5 "moored" at -118.27066, 33.73428: moored, but at a
  // berth 332 m from Everport (not a container terminal's quay); status 5 alone does not stretch
  // the rule that far.
  it("moored (status 5) 332 m from a container terminal: not that terminal's call", () => {
    const a = detect(la, { at: [-118.27066, 33.73428], hours: 20, navStatus: 5 }, 200);
    expect(a.calls).toEqual([]);
  });

  // AIS-2005 line 52, car carrier SAGACIOUS NIKE (type 70, 186 m) stopped with status 8 at
  // -118.25833, 33.76208, 284 m from YTI: a car berth, not YTI.
  it("a real car carrier at its own berth 284 m from YTI: not a YTI call", () => {
    const a = detect(la, { at: [-118.25833, 33.76208], hours: 10, navStatus: 8 }, 300);
    expect(a.calls).toEqual([]);
  });

  it("a short stop (20 min) off a quay is not a call", () => {
    const at = offset(mid([-118.26174, 33.7384], [-118.26147, 33.73421], 0.4), 270, 50);
    const a = detect(la, { at, hours: 1 / 3 }, 270);
    expect(a.calls).toEqual([]);
  });
});
