/** Ratios across two datasets, against figures worked by hand. */
import { describe, expect, it } from "vitest";
import { sharedMonthsRatio } from "./compare.ts";
import type { PackageCell } from "./package.ts";

const cell = (month: string | null, values: Record<string, number>): PackageCell => ({
  dims: month === null ? {} : { month },
  values,
  contributors: 3,
});

describe("sharedMonthsRatio", () => {
  it("divides over the months both datasets cover", () => {
    // Emissions March 60 t and April 165 t; TEU April 6,000 → April only: 165 / 6,000 = 0.0275 t per TEU.
    const emissions = [cell("2026-03", { co2eT: 60 }), cell("2026-04", { co2eT: 165 })];
    const teu = [cell("2026-04", { teu: 6000 })];
    expect(sharedMonthsRatio(emissions, "co2eT", teu, "teu")).toEqual({ value: 0.0275 });
  });

  it("does not divide a whole year by some months", () => {
    // A year-level inventory (no month) against one month of TEU: no shared period, no ratio.
    const year = [cell(null, { co2eT: 2000 })];
    const teu = [cell("2026-04", { teu: 6000 })];
    expect(sharedMonthsRatio(year, "co2eT", teu, "teu")).not.toHaveProperty("value");
    // Year-level cells beside month-level ones (two agreements at two levels) are not added to a month:
    // April 165 t / 6,000 TEU = 0.0275, not (165 + 2,000) / 6,000.
    const mixed = [cell("2026-04", { co2eT: 165 }), ...year];
    expect(sharedMonthsRatio(mixed, "co2eT", teu, "teu")).toEqual({ value: 0.0275 });
    // Both at year level: the years are the shared period, 2,000 / 80,000 = 0.025.
    expect(sharedMonthsRatio(year, "co2eT", [cell(null, { teu: 80_000 })], "teu")).toEqual({ value: 0.025 });
  });
});
