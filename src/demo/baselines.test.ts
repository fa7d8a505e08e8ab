import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PORT_SETTINGS_FILE, parsePortEmissionSettings } from "../emissions/inventory.ts";
import { zeroPollutants } from "../emissions/model.ts";
import { EMISSIONS_REFERENCE_DIR } from "../emissions/reference-io.ts";
import { parseEmissionTargets, TARGET_FILES } from "../emissions/targets.ts";
import { DEMO_NAGOYA_CHANGE_PCT, demoBaselines, latestPolaChanges, POLA_PROGRESS_FILE } from "./baselines.ts";

const read = (f: string) => fs.readFileSync(`${EMISSIONS_REFERENCE_DIR}/${f}`, "utf8");
const settings = parsePortEmissionSettings(read(PORT_SETTINGS_FILE));
const pola = read(POLA_PROGRESS_FILE);

describe("demo baselines", () => {
  it("reads the latest published change per pollutant", () => {
    // pola_progress_vs_2005.csv: 2023 DPM −91, NOx −74, SOx −98; GHG last given for 2018 (−10).
    const c = latestPolaChanges(pola);
    expect([c.dpm?.year, c.dpm?.changePct, c.nox?.changePct, c.so2?.changePct]).toEqual([
      2023, -91, -74, -98,
    ]);
    expect([c.ghg?.year, c.ghg?.changePct]).toEqual([2018, -10]);
  });

  it("back-calculates Los Angeles baselines so the demo sits at the published change, and says so", () => {
    const t = zeroPollutants();
    t.nox = 260;
    t.dpm = 9;
    t.so2 = 2;
    t.co2e = 90_000;
    const targets = parseEmissionTargets(read(TARGET_FILES.emissions), settings.get("USLAX")!);
    const b = demoBaselines("USLAX", targets, t, pola, "2026-11-27T00:00:00Z");
    const by = Object.fromEntries(b.map((x) => [`${x.pollutant}:${x.year}`, x.tonnes]));
    expect(by["nox:2005"]).toBeCloseTo(260 / 0.26, 9); // 1,000 t
    expect(by["dpm:2005"]).toBeCloseTo(9 / 0.09, 9); // 100 t
    expect(by["so2:2005"]).toBeCloseTo(2 / 0.02, 9);
    expect(by["co2e:1990"]).toBeCloseTo(90_000 / 0.9, 6);
    expect(b).toHaveLength(4); // the two GHG targets share one 1990 baseline
    for (const x of b) expect(x.source).toMatch(/^DEMO WORLD ONLY/);
  });

  it("gives the demo Nagoya an assumed change since FY2013", () => {
    const t = zeroPollutants();
    t.co2 = 80_000;
    const targets = parseEmissionTargets(read(TARGET_FILES.emissions), settings.get("JPNGO")!);
    const [b] = demoBaselines("JPNGO", targets, t, pola, "x");
    expect(b!.year).toBe(2013);
    expect(b!.tonnes).toBeCloseTo(80_000 / (1 + DEMO_NAGOYA_CHANGE_PCT / 100), 6);
  });
});
