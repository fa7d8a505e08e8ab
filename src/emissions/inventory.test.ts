import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  PORT_SETTINGS_FILE,
  parsePortEmissionSettings,
  reportingYear,
  reportingYearOfMonth,
  summarizeLines,
} from "./inventory.ts";
import { type InventoryLine, zeroPollutants } from "./model.ts";
import { EMISSIONS_REFERENCE_DIR } from "./reference-io.ts";

const settings = parsePortEmissionSettings(
  fs.readFileSync(`${EMISSIONS_REFERENCE_DIR}/${PORT_SETTINGS_FILE}`, "utf8"),
);
const la = settings.get("USLAX")!;
const ngo = settings.get("JPNGO")!;

function line(year: number, month: number, over: Partial<InventoryLine> = {}): InventoryLine {
  const grams = zeroPollutants();
  grams.nox = 1000;
  grams.co2 = 5_000_000;
  return {
    port: "USLAX",
    category: "ogv",
    scope: "tailpipe",
    year,
    month,
    terminal: "T1",
    sourceId: `call-${year}-${month}`,
    label: "x",
    activity: 10,
    activityUnit: "kWh",
    grams,
    ...over,
  };
}

describe("reporting years", () => {
  it("uses calendar years at Los Angeles and April fiscal years at Nagoya", () => {
    const y = reportingYear(la, "America/Los_Angeles", 2025);
    expect(y.label).toBe("2025");
    expect(y.firstDay).toBe("2025-01-01");
    expect(y.lastDay).toBe("2025-12-31");
    // Midnight 1 Jan 2025 in Los Angeles is 08:00Z (PST).
    expect(y.fromS).toBe(Date.UTC(2025, 0, 1, 8) / 1000);
    expect(y.toS).toBe(Date.UTC(2026, 0, 1, 8) / 1000);
    // 1 July starts at 07:00Z (PDT).
    expect(y.monthStartsS[6]).toBe(Date.UTC(2025, 6, 1, 7) / 1000);

    const fy = reportingYear(ngo, "Asia/Tokyo", 2025);
    expect(fy.label).toBe("FY2025");
    expect(fy.months[0]).toEqual({ year: 2025, month: 4 });
    expect(fy.months[11]).toEqual({ year: 2026, month: 3 });
    expect(fy.firstDay).toBe("2025-04-01");
    expect(fy.lastDay).toBe("2026-03-31");
    expect(fy.fromS).toBe(Date.UTC(2025, 2, 31, 15) / 1000);
    expect(reportingYearOfMonth(ngo, { year: 2026, month: 3 })).toBe(2025);
    expect(reportingYearOfMonth(ngo, { year: 2026, month: 4 })).toBe(2026);
    expect(reportingYearOfMonth(la, { year: 2026, month: 3 })).toBe(2026);
  });

  it("states each port's fuel location and shore-power assumption with a source", () => {
    expect(la.ogvFuelLocation.value).toBe("ECA");
    expect(ngo.ogvFuelLocation.value).toBe("OutsideECA");
    expect(ngo.ogvFuelLocation.source).toMatch(/no Emission Control Area/);
    expect(la.ghgBasis.value).toBe("co2e");
    expect(ngo.ghgBasis.value).toBe("co2");
  });

  it("rejects a malformed settings table with its line", () => {
    expect(() =>
      parsePortEmissionSettings(
        "port,setting,value,source,confidence\nUSLAX,reporting_year_start_month,13,x,A\n",
      ),
    ).toThrow(/line 2/);
  });
});

describe("summaries", () => {
  it("sums lines by category, month, terminal and scope and ignores months outside the year", () => {
    const year = reportingYear(la, "America/Los_Angeles", 2025);
    const lines = [
      line(2025, 1),
      line(2025, 1, { sourceId: "call-b", terminal: "T2" }),
      line(2025, 7, { category: "che", sourceId: "YT-1", activityUnit: "bhp-hr" }),
      line(2025, 7, { scope: "grid", sourceId: "call-c" }),
      line(2024, 12),
    ];
    const s = summarizeLines(lines, year);
    expect(s.lines).toBe(4);
    expect(s.scopes.tailpipe.total.nox).toBe(3000);
    expect(s.scopes.grid.total.co2).toBe(5_000_000);
    expect(s.scopes.tailpipe.byMonth[0]!.grams.nox).toBe(2000);
    expect(s.scopes.tailpipe.byMonth[6]!.grams.nox).toBe(1000);
    expect(s.scopes.tailpipe.byMonth).toHaveLength(12);
    const ogv = s.scopes.tailpipe.byCategory.find((c) => c.category === "ogv")!;
    expect(ogv.sources).toBe(2);
    expect(ogv.activity).toEqual([{ amount: 20, unit: "kWh" }]);
    expect(s.scopes.tailpipe.byTerminal.map((t) => t.terminal).sort()).toEqual(["T1", "T2"]);
  });
});
