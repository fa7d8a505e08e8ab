import { describe, expect, it } from "vitest";
import {
  bboxContains,
  bboxOf,
  destinationPoint,
  distancePointToPolygonM,
  distancePointToSegmentM,
  EARTH_MEAN_RADIUS_M,
  expandBBoxM,
  haversineDistanceM,
  initialBearingDeg,
  type LonLat,
  metresToNauticalMiles,
  nauticalMilesToMetres,
  type PolygonCoords,
  pointInPolygon,
  pointInRing,
  polygonAreaM2,
  type Ring,
  ringAreaM2,
  validateRing,
} from "./geometry.ts";

const unitSquare: Ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe("units", () => {
  it("uses 1 nm = 1852 m exactly (BIPM SI Brochure table 8)", () => {
    expect(metresToNauticalMiles(37_040)).toBe(20);
    expect(nauticalMilesToMetres(40)).toBe(74_080);
  });
  it("uses the IUGG mean Earth radius", () => {
    expect(EARTH_MEAN_RADIUS_M).toBe(6_371_008.8);
  });
});

describe("haversineDistanceM", () => {
  it("one degree along a meridian = R·π/180 = 111,195.08 m", () => {
    expect(haversineDistanceM([0, 0], [0, 1])).toBeCloseTo(111_195.08, 1);
  });
  it("LAX to JFK: 0.623585 rad in Ed Williams' Aviation Formulary worked example", () => {
    // Aviation Formulary (edwilliams.org/avform147.htm): LAX 33°57'N 118°24'W, JFK 40°38'N
    // 73°47'W, d = 0.623585 rad (= 2144 nm at 1 nm per arc minute). × 6,371,008.8 m = 3,972,863 m.
    const lax: LonLat = [-(118 + 24 / 60), 33 + 57 / 60];
    const jfk: LonLat = [-(73 + 47 / 60), 40 + 38 / 60];
    const d = haversineDistanceM(lax, jfk);
    expect(d / EARTH_MEAN_RADIUS_M).toBeCloseTo(0.623585, 6);
    expect(d).toBeCloseTo(3_972_863, -1);
  });
  it("is symmetric and zero for the same point", () => {
    const a: LonLat = [136.83, 35.03];
    const b: LonLat = [-118.27, 33.74];
    expect(haversineDistanceM(a, b)).toBeCloseTo(haversineDistanceM(b, a), 6);
    expect(haversineDistanceM(a, a)).toBe(0);
  });
});

describe("pointInRing / pointInPolygon", () => {
  it("inside, outside, and either orientation", () => {
    expect(pointInRing([0.5, 0.5], unitSquare)).toBe(true);
    expect(pointInRing([1.5, 0.5], unitSquare)).toBe(false);
    expect(pointInRing([0.5, 0.5], [...unitSquare].reverse())).toBe(true);
  });
  it("a concave (U-shaped) ring excludes its notch", () => {
    const u: Ring = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    expect(pointInRing([1.5, 2], u)).toBe(false);
    expect(pointInRing([0.5, 2], u)).toBe(true);
    expect(pointInRing([1.5, 0.5], u)).toBe(true);
  });
  it("holes are excluded", () => {
    const withHole: PolygonCoords = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ];
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
    expect(pointInPolygon([11, 5], withHole)).toBe(false);
  });
});

describe("bbox helpers", () => {
  it("bboxOf any nesting", () => {
    expect(
      bboxOf([
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [0, 0],
        ],
      ]),
    ).toEqual([0, 0, 2, 1]);
    expect(bboxOf([3, 4])).toEqual([3, 4, 3, 4]);
    expect(() => bboxOf([])).toThrow(RangeError);
  });
  it("bboxContains includes edges", () => {
    expect(bboxContains([0, 0, 2, 1], [1, 0.5])).toBe(true);
    expect(bboxContains([0, 0, 2, 1], [2, 1])).toBe(true);
    expect(bboxContains([0, 0, 2, 1], [2.1, 1])).toBe(false);
  });
  it("expandBBoxM grows by a distance: 111,195.08 m = 1° at the equator", () => {
    const b = expandBBoxM([0, 0, 0, 0], 111_195.08);
    expect(b[1]).toBeCloseTo(-1, 5);
    expect(b[3]).toBeCloseTo(1, 5);
    expect(b[2]).toBeGreaterThanOrEqual(1);
  });
});

describe("ringAreaM2", () => {
  it("1°×1° cell at the equator = R²·(π/180)·sin 1° = 12,363,718,145 m²", () => {
    // Exact area of a lat/lon cell on a sphere: R² Δλ (sin φ2 − sin φ1).
    expect(ringAreaM2(unitSquare)).toBeCloseTo(12_363_718_145, -4);
    expect(ringAreaM2([...unitSquare].reverse())).toBeCloseTo(12_363_718_145, -4);
  });
  it("a 1 km × 1 km square near Los Angeles ≈ 1,000,000 m² (within 0.5 %)", () => {
    const sw: LonLat = [-118.27, 33.74];
    const se = destinationPoint(sw, 90, 1000);
    const ne = destinationPoint(se, 0, 1000);
    const nw = destinationPoint(sw, 0, 1000);
    const a = ringAreaM2([sw, se, ne, nw, sw]);
    expect(Math.abs(a - 1e6) / 1e6).toBeLessThan(0.005);
  });
  it("polygonAreaM2 subtracts holes", () => {
    const outer = unitSquare;
    const hole: Ring = [
      [0.25, 0.25],
      [0.75, 0.25],
      [0.75, 0.75],
      [0.25, 0.75],
      [0.25, 0.25],
    ];
    expect(polygonAreaM2([outer, hole])).toBeCloseTo(ringAreaM2(outer) - ringAreaM2(hole), -2);
  });
});

describe("distances to segments and polygons", () => {
  it("point 1° north of the equator segment = 111,195.08 m", () => {
    expect(distancePointToSegmentM([0, 1], [-1, 0], [1, 0])).toBeCloseTo(111_195.08, -1);
  });
  it("beyond a segment's end measures to the endpoint", () => {
    const d = distancePointToSegmentM([-118.27, 33.75], [-118.26, 33.74], [-118.25, 33.74]);
    const direct = haversineDistanceM([-118.27, 33.75], [-118.26, 33.74]);
    expect(Math.abs(d - direct) / direct).toBeLessThan(0.001);
  });
  it("is 0 inside a polygon and the edge distance outside", () => {
    expect(distancePointToPolygonM([0.5, 0.5], [unitSquare])).toBe(0);
    expect(distancePointToPolygonM([0.5, 2], [unitSquare])).toBeCloseTo(111_195.08, -1);
  });
  it("100 m off a quay edge reads 100 m (within 0.5 %)", () => {
    const a: LonLat = [-118.26, 33.73];
    const b = destinationPoint(a, 90, 1000);
    const mid = destinationPoint(a, 90, 500);
    const p = destinationPoint(mid, 0, 100);
    expect(distancePointToSegmentM(p, a, b)).toBeCloseTo(100, 0);
  });
});

describe("bearing and destination", () => {
  it("due east along the equator is 90°", () => {
    expect(initialBearingDeg([0, 0], [1, 0])).toBeCloseTo(90, 9);
  });
  it("destination 111,195.08 m north of (0,0) is (0,1)", () => {
    const p = destinationPoint([0, 0], 0, 111_195.08);
    expect(p[0]).toBeCloseTo(0, 9);
    expect(p[1]).toBeCloseTo(1, 6);
  });
  it("round-trips with haversine: 20 nm = 37,040 m", () => {
    const fermin: LonLat = [-118.293333, 33.705];
    const p = destinationPoint(fermin, 200, 37_040);
    expect(haversineDistanceM(fermin, p)).toBeCloseTo(37_040, 3);
  });
});

describe("validateRing", () => {
  it("accepts a valid ring", () => {
    expect(validateRing(unitSquare)).toEqual([]);
  });
  it("reports a bow tie as self-intersecting", () => {
    const problems = validateRing([
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(problems.map((p) => p.code)).toEqual(["self_intersection"]);
  });
  it("reports an open ring and too few positions", () => {
    expect(
      validateRing([
        [0, 0],
        [1, 0],
        [1, 1],
      ]).map((p) => p.code),
    ).toEqual(["too_few_positions", "not_closed"]);
  });
  it("reports non-finite and out-of-range coordinates", () => {
    const codes = validateRing([
      [0, 0],
      [Number.NaN, 0],
      [200, 1],
      [0, 1],
      [0, 0],
    ]).map((p) => p.code);
    expect(codes).toEqual(["bad_coordinate", "bad_coordinate"]);
  });
  it("rejects a non-array", () => {
    expect(validateRing("nope")[0]?.code).toBe("bad_coordinate");
  });
});
