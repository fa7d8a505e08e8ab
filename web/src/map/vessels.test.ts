import { describe, expect, it } from "vitest";
import type { VesselTrack } from "../api.ts";
import { bearingOf, speedClass, trackBounds, trackFeatures } from "./vessels.ts";

const track = (lon: number[], lat: number[], sog: (number | null)[]): VesselTrack => ({
  mmsi: 1,
  from: "",
  to: "",
  points: lon.length,
  timeS: lon.map((_, i) => i * 60),
  lonDeg: lon,
  latDeg: lat,
  sogKnots: sog,
  cogDeg: lon.map(() => null),
  headingDeg: lon.map(() => null),
  navStatus: lon.map(() => null),
});

describe("vessel drawing", () => {
  it("points along heading, else along course when moving, else nowhere", () => {
    expect(bearingOf({ headingDeg: 12, cogDeg: 40, sogKnots: 8 })).toBe(12);
    expect(bearingOf({ headingDeg: null, cogDeg: 40, sogKnots: 8 })).toBe(40);
    expect(bearingOf({ headingDeg: null, cogDeg: 40, sogKnots: 0.1 })).toBeNull();
  });

  it("classes speeds and merges consecutive segments of one class", () => {
    expect([null, 0, 0.9, 1, 7, 12, 22].map(speedClass)).toEqual([-1, 0, 0, 1, 2, 3, 4]);
    const fc = trackFeatures(track([0, 1, 2, 3, 4], [0, 0, 0, 0, 0], [12, 12, 4, 4, 4]));
    const lines = fc.features.filter((f) => f.properties?.["part"] === "line");
    expect(
      lines.map((f) => [
        f.properties?.["speedClass"],
        (f.geometry as { coordinates: unknown[] }).coordinates.length,
      ]),
    ).toEqual([
      [3, 3],
      [1, 3],
    ]);
    expect(
      fc.features.filter((f) => f.properties?.["part"] !== "line").map((f) => f.properties?.["part"]),
    ).toEqual(["start", "end"]);
  });

  it("keeps a moored vessel's track bounds from collapsing to a point", () => {
    expect(trackBounds(track([10, 10], [20, 20], [0, 0]), 0.02)).toEqual([9.99, 19.99, 10.01, 20.01]);
    expect(trackBounds(track([10, 11], [20, 20.5], [5, 5]))).toEqual([10, 20, 11, 20.5]);
  });
});
