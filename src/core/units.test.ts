import { describe, expect, it } from "vitest";
import {
  convertMass,
  convertMassG,
  knotsToMetresPerSecond,
  metresToNauticalMiles,
  nauticalMilesToMetres,
} from "./units.ts";

describe("units", () => {
  it("converts nautical miles and knots (1 nm = 1852 m exactly)", () => {
    expect(nauticalMilesToMetres(20)).toBe(37040);
    expect(metresToNauticalMiles(74080)).toBe(40);
    expect(knotsToMetresPerSecond(12)).toBeCloseTo(6.17333, 5);
  });
  it("converts grams to tonnes and US short tons (907.18474 kg)", () => {
    expect(convertMassG(2_000_000, "t")).toBe(2);
    expect(convertMassG(907_184.74, "short_ton")).toBeCloseTo(1, 12);
    expect(convertMassG(1500, "kg")).toBe(1.5);
  });
  it("converts tonnes to US short tons (NIST SP 811 B.9: short ton = 907.1847 kg, so 2 t = 2.204623 short tons)", () => {
    expect(convertMass(2, "t", "short_ton")).toBeCloseTo(2.204623, 6);
    expect(convertMass(2, "t", "t")).toBe(2);
    expect(convertMass(3.4, "t", "g")).toBe(3_400_000);
  });
});
