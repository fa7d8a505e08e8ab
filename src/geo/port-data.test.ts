/**
 * Checks on the shipped geography in data/ports/ (through the registry loader, as the app reads it).
 */
import { describe, expect, it } from "vitest";
import {
  distancePointToPolygonM,
  haversineDistanceM,
  type LonLat,
  type PolygonCoords,
  pointInPolygon,
  validateRing,
} from "./geometry.ts";
import { type BerthFeature, berthsOf, type PortFeature, terminalsOf } from "./port-geography.ts";
import { loadPortRegistry } from "./port-registry.ts";

const registry = loadPortRegistry();
const la = registry.get("USLAX");
const ngo = registry.get("JPNGO");
if (!la || !ngo) throw new Error("both ports must load");
const ports = [la, ngo];

/** The terminals the project must cover, each needing at least one berth. */
const REQUIRED_TERMINALS: Record<string, string[]> = {
  USLAX: [
    "uslax-terminal-apm-pier400",
    "uslax-terminal-fenix",
    "uslax-terminal-trapac",
    "uslax-terminal-yti",
    "uslax-terminal-everport",
    "uslax-terminal-wbct-100",
    "uslax-terminal-wbct-121",
  ],
  JPNGO: [
    "jpngo-terminal-tobishima-north",
    "jpngo-terminal-tobishima-south",
    "jpngo-terminal-ncb",
    "jpngo-terminal-tcb",
    "jpngo-terminal-nabeta",
  ],
};

function polygonsOf(f: PortFeature): PolygonCoords[] {
  if (f.geometry.type === "Polygon") return [f.geometry.coordinates];
  if (f.geometry.type === "MultiPolygon") return f.geometry.coordinates;
  return [];
}

function positionsOf(f: PortFeature): LonLat[] {
  const g = f.geometry;
  if (g.type === "Point") return [g.coordinates];
  if (g.type === "LineString") return g.coordinates;
  return polygonsOf(f).flatMap((p) => p.flat());
}

/** Points on a grid over the polygon's bbox that fall inside it. */
function samplesInside(poly: PolygonCoords, n = 25): LonLat[] {
  const xs = poly[0]?.map((p) => p[0]) ?? [];
  const ys = poly[0]?.map((p) => p[1]) ?? [];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const out: LonLat[] = [];
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      const p: LonLat = [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n];
      if (pointInPolygon(p, poly)) out.push(p);
    }
  }
  return out;
}

describe("ports.json", () => {
  it("lists both sister ports with names in en and ja", () => {
    const list = registry.list();
    expect(list.map((p) => p.locode)).toEqual(["USLAX", "JPNGO"]);
    expect(la.name).toEqual({ en: "Port of Los Angeles", ja: "ロサンゼルス港" });
    expect(ngo.name).toEqual({ en: "Port of Nagoya", ja: "名古屋港" });
    expect(la.sisterPort).toBe("JPNGO");
    expect(ngo.sisterPort).toBe("USLAX");
    expect([la.timeZone, ngo.timeZone]).toEqual(["America/Los_Angeles", "Asia/Tokyo"]);
    expect([la.currency, ngo.currency]).toEqual(["USD", "JPY"]);
    expect(registry.get("XXXXX")).toBeUndefined();
  });
  it("centres each map on its own terminals", () => {
    for (const p of ports) {
      const own = terminalsOf(p.features, p.locode);
      const d = Math.min(...own.map((t) => distancePointToPolygonM(p.center, polygonsOf(t)[0] ?? [])));
      expect(d).toBeLessThan(3000);
      expect(p.center[0]).toBeGreaterThan(p.bbox[0]);
      expect(p.center[0]).toBeLessThan(p.bbox[2]);
      expect(p.center[1]).toBeGreaterThan(p.bbox[1]);
      expect(p.center[1]).toBeLessThan(p.bbox[3]);
    }
  });
  it("credits OpenStreetMap where OSM geometry is used", () => {
    expect(la.attribution.some((a) => a.includes("OpenStreetMap") && a.includes("ODbL"))).toBe(true);
  });
});

describe.each(ports.map((p) => [p.locode, p] as const))("%s geography", (locode, port) => {
  it("has unique ids", () => {
    const ids = port.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every feature name_en, name_ja, source and confidence", () => {
    for (const f of port.features) {
      expect(f.name.en.length, f.id).toBeGreaterThan(0);
      expect(f.name.ja.length, f.id).toBeGreaterThan(0);
      expect(f.source.length, f.id).toBeGreaterThan(10);
      expect(["A", "B", "C"], f.id).toContain(f.confidence);
    }
  });

  it("has valid closed polygon rings", () => {
    for (const f of port.features) {
      for (const poly of polygonsOf(f)) {
        for (const ring of poly) expect(validateRing(ring), f.id).toEqual([]);
      }
    }
  });

  it("keeps its own terminals and berths inside the port area", () => {
    // Features with another port (USLGB terminals in the shared San Pedro Bay) are exempt: the LA
    // port district polygon stops at the LA/Long Beach line by design.
    const areas = port.features.filter((f) => f.kind === "port_area").flatMap(polygonsOf);
    expect(areas.length).toBeGreaterThan(0);
    const own = port.features.filter(
      (f) => (f.kind === "terminal" || f.kind === "berth") && f.properties.port === locode,
    );
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) {
      for (const p of positionsOf(f)) {
        // 30 m tolerance: the LA district edge and the Pier 400 terminal edge are both OSM lines
        // that share the LA/LB boundary.
        const d = Math.min(...areas.map((a) => distancePointToPolygonM(p, a)));
        expect(d, `${f.id} at ${p}`).toBeLessThan(30);
      }
    }
  });

  it("puts each berth in the water beside its terminal", () => {
    const berths = port.features.filter((f): f is BerthFeature => f.kind === "berth");
    expect(berths.length).toBeGreaterThan(0);
    for (const b of berths) {
      const terminal = port.byId.get(b.terminal);
      expect(terminal?.kind, b.id).toBe("terminal");
      const tPoly = polygonsOf(terminal as PortFeature)[0] as PolygonCoords;
      for (const p of b.geometry.coordinates[0] ?? []) {
        expect(distancePointToPolygonM(p, tPoly), `${b.id} vertex ${p}`).toBeLessThan(100);
      }
      const samples = samplesInside(b.geometry.coordinates);
      expect(samples.length, b.id).toBeGreaterThan(10);
      const inside = samples.filter((p) => pointInPolygon(p, tPoly)).length;
      expect(inside / samples.length, `${b.id} share inside its terminal`).toBeLessThan(0.1);
    }
  });

  it("gives every required terminal a polygon and at least one berth", () => {
    for (const id of REQUIRED_TERMINALS[locode] ?? []) {
      const t = port.byId.get(id);
      expect(t?.geometry.type, id).toBe("Polygon");
      expect(t?.properties.port, id).toBe(locode);
      expect(berthsOf(port.features, id).length, id).toBeGreaterThan(0);
    }
  });

  it("has an approach tier and a port area", () => {
    const kinds = new Set(port.features.map((f) => f.kind));
    expect(kinds.has("port_area")).toBe(true);
    expect(kinds.has("precautionary_area") || kinds.has("approach_area")).toBe(true);
  });
});

describe("Los Angeles VSR zones", () => {
  it("are circles of 20 and 40 nm around Point Fermin Light (within 0.5 %) at 12 kn", () => {
    const fermin = la.byId.get("uslax-ref-point-fermin-light");
    if (fermin?.geometry.type !== "Point") throw new Error("Point Fermin Light must be a Point");
    const centre: LonLat = fermin.geometry.coordinates;
    // 33°42.30'N 118°17.60'W (33 CFR 167.501(a)).
    expect(centre[1]).toBeCloseTo(33.705, 4);
    expect(centre[0]).toBeCloseTo(-118.293333, 4);
    for (const [id, radiusNm] of [
      ["uslax-vsr-20nm", 20],
      ["uslax-vsr-40nm", 40],
    ] as const) {
      const zone = la.byId.get(id);
      expect(zone?.kind).toBe("speed_zone");
      expect(zone?.properties.speed_limit_kn).toBe(12);
      const radiusM = radiusNm * 1852;
      for (const p of polygonsOf(zone as PortFeature)[0]?.[0] ?? []) {
        const d = haversineDistanceM(centre, p);
        expect(Math.abs(d - radiusM) / radiusM, `${id} vertex ${p}`).toBeLessThan(0.005);
      }
    }
  });
});
