import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  loadShippedSolarYear,
  readSolarFile,
  SHIPPED_SOLAR_FILES,
  TRANSITION_REFERENCE_DIR,
} from "./hydrogen-tables-io.ts";
import { annualKwhPerM2, HOURS_PER_YEAR, parseSolarCsv, parseTmy3, type SolarSite } from "./tmy.ts";

const LA_TEXT = readFileSync(`${TRANSITION_REFERENCE_DIR}${SHIPPED_SOLAR_FILES.USLAX}`, "utf8");
const LA_SITE: SolarSite = {
  name: "LA",
  latitudeDeg: 33.74,
  longitudeDeg: -118.26,
  elevationM: 0,
  utcOffsetH: -8,
};
const NGO_SITE: SolarSite = {
  name: "NGO",
  latitudeDeg: 35.04,
  longitudeDeg: 136.81,
  elevationM: 0,
  utcOffsetH: 9,
};

describe("parseTmy3 — the Los Angeles TMY3 file", () => {
  const parsed = loadShippedSolarYear("USLAX");
  it("reads the station line and all 8,760 hours", () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.counts).toMatchObject({ read: 8760, accepted: 8760, rejected: 0, duplicates: 0 });
    const site = parsed.year!.site;
    expect(site).toMatchObject({ latitudeDeg: 33.933, longitudeDeg: -118.4, utcOffsetH: -8, elevationM: 30 });
    expect(site.name).toBe("LOS ANGELES INTL ARPT");
  });
  it("gives the annual and monthly totals stated in the shared solar README", () => {
    // /work/shared/reference/real-world/solar/README.md (computed there, not by this parser):
    // annual GHI 1,824.6 kWh/m², DNI 1,762.8 kWh/m², monthly GHI 84 (Dec) to 227 (Jul).
    const y = parsed.year!;
    expect(annualKwhPerM2(y.ghiWm2!)).toBeCloseTo(1824.6, 1);
    expect(annualKwhPerM2(y.dniWm2!)).toBeCloseTo(1762.8, 1);
    const dec = annualKwhPerM2(y.ghiWm2!.subarray(334 * 24, 365 * 24));
    const jul = annualKwhPerM2(y.ghiWm2!.subarray(181 * 24, 212 * 24));
    // The README rounds to whole kWh/m²: 84 and 227 (Jul sums to 226.50 here, so ±0.6).
    expect(Math.abs(dec - 84)).toBeLessThan(0.6);
    expect(Math.abs(jul - 227)).toBeLessThan(0.6);
  });
  it("rejects a bad row with file, line and field, and reports the hole it leaves", () => {
    const lines = LA_TEXT.split("\n");
    const cells = lines[40]!.split(",");
    cells[4] = "abc";
    lines[40] = cells.join(",");
    lines.push(lines[10]!); // the same hour again: a duplicate
    const r = parseTmy3(lines.join("\n"), "la.tmy3");
    expect(r.counts.read).toBe(8761);
    expect(r.counts).toMatchObject({ accepted: 8759, rejected: 1, duplicates: 1 });
    expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected + r.counts.duplicates);
    expect(r.issues[0]).toMatchObject({ file: "la.tmy3", line: 41, field: "GHI (W/m^2)" });
    expect(r.issues[1]!.reason).toMatch(/1 of 8760 hours missing \(first: hour 38/);
    expect(r.year).toBeUndefined();
  });
  it("rejects a file without the station line", () => {
    const r = parseTmy3(`x\n${LA_TEXT.split("\n").slice(1).join("\n")}`, "f");
    expect(r.year).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ line: 1, field: "station metadata" });
  });
});

function csv(header: string, rows: (h: number) => string): string {
  const out = [header];
  for (let h = 0; h < HOURS_PER_YEAR; h++) out.push(rows(h));
  return out.join("\n");
}

describe("parseSolarCsv", () => {
  it("moves UTC hours to the site's standard time (LA −8 h, Nagoya +9 h)", () => {
    const text = csv("hour_utc,ghi_w_m2", (h) => `${h},${h === 20 || h === 3 ? 500 : 0}`);
    const la = parseSolarCsv(text, "u.csv", LA_SITE);
    expect(la.counts).toMatchObject({ read: 8760, accepted: 8760, rejected: 0 });
    // hour_utc 20 = 20:00 UTC 1 Jan = 12:00 at UTC−8 → index 12.
    expect(la.year!.ghiWm2![12]).toBe(500);
    const ngo = parseSolarCsv(text, "u.csv", NGO_SITE);
    // hour_utc 3 = 03:00 UTC = 12:00 at UTC+9 → index 12.
    expect(ngo.year!.ghiWm2![12]).toBe(500);
    expect(ngo.year!.kind).toBe("ghi_csv");
  });
  it("accepts ISO instants and pv_kw_per_kwp, skipping 29 February of a leap year", () => {
    const start = Date.UTC(2024, 0, 1);
    const lines = ["timestamp,pv_kw_per_kwp"];
    for (let h = 0; h < 366 * 24; h++) lines.push(`${new Date(start + h * 3_600_000).toISOString()},0.25`);
    const r = parseSolarCsv(lines.join("\n"), "pv.csv", { ...LA_SITE, utcOffsetH: 0 });
    expect(r.counts).toMatchObject({ read: 8784, accepted: 8760, rejected: 24 });
    expect(r.counts.rejectedByReason).toEqual({ bad_time: 24 });
    expect(r.year!.pvKwPerKwp![100]).toBe(0.25);
  });
  it("rejects bad values per line and counts duplicates; a wrong header names the expected columns", () => {
    const text = `${csv("hour_utc,ghi_w_m2,temp_air_c", (h) => `${h},${h === 5 ? -3 : 100},${h === 6 ? 99 : 15}`)}\n7,100,15`;
    const r = parseSolarCsv(text, "g.csv", LA_SITE);
    expect(r.counts).toMatchObject({ read: 8761, accepted: 8758, rejected: 2, duplicates: 1 });
    expect(r.issues.slice(0, 2)).toMatchObject([
      { file: "g.csv", line: 7, field: "ghi_w_m2" },
      { file: "g.csv", line: 8, field: "temp_air_c" },
    ]);
    expect(r.year).toBeUndefined();
    const bad = parseSolarCsv("time,irr\n0,1", "x.csv", LA_SITE);
    expect(bad.issues[0]!.reason).toMatch(/hour_utc,ghi_w_m2/);
  });
  it("readSolarFile tells a TMY3 file from a simple CSV", () => {
    const r = readSolarFile(`${TRANSITION_REFERENCE_DIR}${SHIPPED_SOLAR_FILES.USLAX}`, LA_SITE);
    expect(r.year!.kind).toBe("tmy3");
  });
  it("Nagoya has no shipped typical year: the error says the user must supply one", () => {
    expect(() => loadShippedSolarYear("JPNGO")).toThrow(
      /no typical-year solar file ships for JPNGO; supply one/,
    );
  });
});
