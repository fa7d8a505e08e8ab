import { describe, expect, it } from "vitest";
import {
  calendarYearText,
  categoryValues,
  formatDay,
  formatFactor,
  formatMass,
  formatSignedPct,
  labelWord,
  massUnitForGrams,
  monthLabel,
  niceTicks,
  parseCategory,
  parsePollutant,
  parseUnits,
  parseYear,
  pathPctAt,
  progressYears,
  stackShares,
  warningText,
  yearLabelLike,
  yearTicks,
  yearWord,
} from "./text.ts";

const zero = { nox: 0, pm10: 0, pm25: 0, dpm: 0, so2: 0, co: 0, hc: 0, co2: 0, ch4: 0, n2o: 0, co2e: 0 };

describe("emission figures", () => {
  it("formats masses with three significant digits and never 0.00 for a non-zero figure", () => {
    expect(formatMass(12345.6, "en")).toBe("12,346");
    expect(formatMass(123.4, "en")).toBe("123");
    expect(formatMass(42.17, "en")).toBe("42.2");
    expect(formatMass(2, "en")).toBe("2.00");
    expect(formatMass(0.52, "en")).toBe("0.520");
    expect(formatMass(0.012345, "en")).toBe("0.0123");
    expect(formatMass(0.001, "en")).toBe("0.00100");
    expect(formatMass(0.00004, "en")).toBe("< 0.001");
    expect(formatMass(0, "en")).toBe("0");
    expect(formatMass(12345.6, "ja")).toBe("12,346");
    for (const v of [1e-9, 3e-4, 0.0049, 0.049]) expect(formatMass(v, "en")).not.toMatch(/^0(\.0+)?$/);
  });

  it("formats factors, percentages and plain numbers", () => {
    expect(formatFactor(13.2, "en")).toBe("13.2");
    expect(formatFactor(0.000123456, "en")).toBe("0.0001235");
    expect(formatFactor(1234567.8, "en")).toBe("1,234,568");
    expect(formatSignedPct(-40, "en")).toBe("−40.0 %");
    expect(formatSignedPct(3.14, "en")).toBe("+3.1 %");
    expect(formatSignedPct(0, "en")).toBe("±0.0 %");
  });

  it("picks a unit for grams (conversions: src/core/units.ts)", () => {
    expect(massUnitForGrams(950)).toBe("g");
    expect(massUnitForGrams(12_000)).toBe("kg");
    expect(massUnitForGrams(3_400_000)).toBe("t");
  });

  it("words an inventory warning from its code, and a sentence stored before codes as written", () => {
    const t = (key: string, o: Record<string, unknown>) => `${key} ${o.estimated}/${o.calls}`;
    expect(warningText({ code: "estimated_particulars", params: { estimated: 3, calls: 40 } }, t)).toBe(
      "emissions.warning.estimated_particulars 3/40",
    );
    expect(warningText({ code: "text", params: { text: "AIS gap" } }, t)).toBe("AIS gap");
  });

  it("reads the page's address parameters, falling back on bad values", () => {
    expect(parseUnits("short_ton")).toBe("short_ton");
    expect(parseUnits("lb")).toBe("t");
    expect(parsePollutant("so2")).toBe("so2");
    expect(parsePollutant("sox")).toBe("nox");
    expect(parsePollutant(null, "co2e")).toBe("co2e");
    expect(parseCategory("che")).toBe("che");
    expect(parseCategory("ships")).toBeNull();
    expect(parseYear("2025")).toBe(2025);
    expect(parseYear("FY2025")).toBeNull();
    expect(parseYear("1850")).toBeNull();
  });

  it("stacks categories in their fixed order as shares of the total", () => {
    const values = categoryValues(
      [
        { category: "che", tonnes: { ...zero, nox: 1 } },
        { category: "ogv", tonnes: { ...zero, nox: 3 } },
      ],
      "nox",
    );
    expect(values.map((v) => v.category)).toEqual(["ogv", "harbor_craft", "che", "drayage", "rail"]);
    expect(values.map((v) => v.value)).toEqual([3, null, 1, null, null]);
    expect(stackShares(values)).toEqual([
      { category: "ogv", value: 3, from: 0, to: 0.75 },
      { category: "che", value: 1, from: 0.75, to: 1 },
    ]);
    expect(stackShares(categoryValues([], "nox"))).toEqual([]);
  });

  it("labels months and years in the port's style", () => {
    expect(monthLabel(2025, 4, "en")).toBe("Apr");
    expect(monthLabel(2026, 3, "ja")).toBe("3月");
    expect(calendarYearText(2026, "en")).toBe("2026");
    expect(calendarYearText(2026, "ja")).toBe("2026年");
    expect(formatDay("2025-04-01", "en")).toBe("Apr 1, 2025");
    expect(formatDay("2026-03-31", "ja")).toBe("2026年3月31日");
    expect(yearWord(2026, false, "en")).toBe("2026");
    expect(yearWord(2026, true, "en")).toBe("FY2026");
    expect(yearWord(2026, false, "ja")).toBe("2026年");
    expect(yearWord(2013, true, "ja")).toBe("2013年度");
    expect(labelWord("FY2026", "ja")).toBe("2026年度");
    expect(labelWord("FY2026", "en")).toBe("FY2026");
    expect(labelWord("2026", "ja")).toBe("2026年");
    expect(labelWord("odd", "ja")).toBe("odd");
    expect(yearLabelLike(2024, "FY2025")).toBe("FY2024");
    expect(yearLabelLike(2024, "2025")).toBe("2024");
    expect(yearLabelLike(2024, null)).toBe("2024");
  });

  it("draws the straight path to a target (the worked example of targets.ts)", () => {
    expect(pathPctAt(2005, 2023, 59, 2014)).toBeCloseTo(-29.5, 9);
    expect(pathPctAt(2005, 2023, 59, 2005)).toBe(-0);
    expect(pathPctAt(2005, 2023, 59, 2026)).toBe(-59);
    expect(progressYears(2013, 2030, [2026])).toEqual([2013, 2030]);
    expect(progressYears(2005, 2023, [2026])).toEqual([2005, 2026]);
  });

  it("chooses axis bounds and year ticks", () => {
    expect(niceTicks(22.1)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(30.2)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(1020)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0.0123)).toEqual([0, 0.005, 0.01, 0.015]);
    expect(yearTicks(2005, 2023)).toEqual([2005, 2010, 2015, 2020, 2023]);
    expect(yearTicks(1990, 2050)).toEqual([1990, 2000, 2010, 2020, 2030, 2040, 2050]);
    expect(yearTicks(2013, 2030)).toEqual([2013, 2020, 2025, 2030]);
  });
});
