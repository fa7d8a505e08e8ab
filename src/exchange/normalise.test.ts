import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog.ts";
import {
  displayMassRate,
  displayMassTonnes,
  fiscalYearOf,
  moneyNote,
  monthZoneOf,
  reportingPeriod,
} from "./normalise.ts";

describe("reporting years", () => {
  it("Japan's FY2026 is April 2026 to March 2027 (財政法 art. 11)", () => {
    const p = reportingPeriod("JPNGO", 2026, "fiscal");
    expect(p.effectiveBasis).toBe("fiscal");
    expect(p.months).toEqual([
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
    ]);
    expect(p.label.en).toBe("FY2026 (Apr 2026 – Mar 2027, JST)");
    expect(p.label.ja).toBe("2026年度（2026年4月〜2027年3月、日本時間）");
    expect(p.timeZone).toBe("Asia/Tokyo");
  });

  it("the Port of LA's inventories are calendar years: its 'fiscal' basis is January to December", () => {
    const p = reportingPeriod("USLAX", 2026, "fiscal");
    expect(p.effectiveBasis).toBe("calendar");
    expect(p.months[0]).toBe("2026-01");
    expect(p.months[11]).toBe("2026-12");
    expect(p.label.en).toBe("2026 (Jan – Dec, Pacific time)");
  });

  it("a calendar basis is January to December for either port", () => {
    expect(reportingPeriod("JPNGO", 2027, "calendar").months.slice(0, 2)).toEqual(["2027-01", "2027-02"]);
    expect(reportingPeriod("JPNGO", 2027, "calendar").label.ja).toBe("2027年（1月〜12月、日本時間）");
  });

  it("a month's reporting year: March 2027 is still FY2026 in Japan, 2027 in Los Angeles", () => {
    expect(fiscalYearOf("JPNGO", "2027-03")).toBe(2026);
    expect(fiscalYearOf("JPNGO", "2027-04")).toBe(2027);
    expect(fiscalYearOf("USLAX", "2027-03")).toBe(2027);
  });

  it("months are in the providing port's zone", () => {
    expect(monthZoneOf("JPNGO")).toBe("Asia/Tokyo");
    expect(monthZoneOf("USLAX")).toBe("America/Los_Angeles");
  });
});

describe("units", () => {
  it("tonnes to US short tons: 1,000 t = 1,000,000 kg ÷ 907.18474 kg = 1,102.3113 short tons", () => {
    expect(displayMassTonnes(1000, "short_ton")).toBeCloseTo(1102.3113, 4);
    expect(displayMassTonnes(1000, "t")).toBe(1000);
  });

  it("a rate per TEU keeps its denominator: 0.05 t/TEU = 50 kg ÷ 907.18474 = 0.0551156 short tons/TEU", () => {
    expect(displayMassRate(0.05, "short_ton")).toBeCloseTo(0.0551156, 7);
  });
});

describe("money", () => {
  it("no dataset of the catalog carries money, and the note says so in both languages", () => {
    const units = CATALOG.flatMap((d) => d.fields.map((f) => f.unit));
    // A money field added to the catalog fails here: its display must then name the rate and date.
    expect(units.filter((u) => /USD|JPY|EUR/.test(u))).toEqual([]);
    expect(moneyNote(units)?.en).toContain("no exchange rate");
    expect(moneyNote(units)?.ja).toContain("為替レート");
    expect(moneyNote(["USD"])).toBeNull();
  });
});
