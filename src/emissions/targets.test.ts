import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PORT_SETTINGS_FILE, parsePortEmissionSettings } from "./inventory.ts";
import { EMISSIONS_REFERENCE_DIR } from "./reference-io.ts";
import { parseEmissionTargets, parseShareTargets, TARGET_FILES, targetProgress } from "./targets.ts";

const read = (f: string) => fs.readFileSync(`${EMISSIONS_REFERENCE_DIR}/${f}`, "utf8");
const settings = parsePortEmissionSettings(read(PORT_SETTINGS_FILE));

describe("targets", () => {
  it("gives Los Angeles the CAAP targets and Nagoya the CNP targets", () => {
    const la = parseEmissionTargets(read(TARGET_FILES.emissions), settings.get("USLAX")!);
    // caap_targets.csv: DPM −77 %, NOx −59 %, SOx −93 % by 2023 vs 2005; GHG −40 % 2030, −80 % 2050 vs 1990.
    expect(la.map((t) => [t.pollutant, t.baselineYear, t.targetYear, t.targetReductionPct])).toEqual([
      ["dpm", 2005, 2023, 77],
      ["nox", 2005, 2023, 59],
      ["so2", 2005, 2023, 93],
      ["co2e", 1990, 2030, 40],
      ["co2e", 1990, 2050, 80],
    ]);
    const ngo = parseEmissionTargets(read(TARGET_FILES.emissions), settings.get("JPNGO")!);
    expect(ngo.map((t) => [t.pollutant, t.baselineYear, t.targetYear, t.targetReductionPct])).toEqual([
      ["co2", 2013, 2030, 46],
      ["co2", 2013, 2050, 100],
    ]);
    const shares = parseShareTargets(read(TARGET_FILES.shares), settings.get("USLAX")!);
    expect(shares.map((s) => [s.targetYear, s.targetPct])).toEqual([
      [2030, 100],
      [2035, 100],
    ]);
    expect(parseShareTargets(read(TARGET_FILES.shares), settings.get("JPNGO")!)).toEqual([]);
  });

  it("measures progress along the straight path from baseline to target", () => {
    const [, nox] = parseEmissionTargets(read(TARGET_FILES.emissions), settings.get("USLAX")!);
    const baseline = {
      port: "USLAX",
      pollutant: "nox" as const,
      year: 2005,
      tonnes: 1000,
      source: "test",
      enteredAt: "",
    };
    const p = targetProgress(nox!, baseline, [{ year: 2014, tonnes: 600 }]);
    // Hand: change (600 − 1000)/1000 = −40 %; path −59 × 9/18 = −29.5 %; gap −10.5 points (ahead).
    expect(p.years[0]!.changePct).toBeCloseTo(-40, 10);
    expect(p.years[0]!.pathPct).toBeCloseTo(-29.5, 10);
    expect(p.years[0]!.gapPctPoints).toBeCloseTo(-10.5, 10);
    expect(p.targetTonnes).toBeCloseTo(410, 10);
    expect(p.remainingTonnes).toBeCloseTo(190, 10);
    // Past the target year the path holds at the target.
    expect(targetProgress(nox!, baseline, [{ year: 2030, tonnes: 300 }]).years[0]!.pathPct).toBe(-59);
    expect(targetProgress(nox!, null, [{ year: 2030, tonnes: 300 }]).years).toEqual([]);
  });
});
