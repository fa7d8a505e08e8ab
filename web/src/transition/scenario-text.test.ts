import { describe, expect, it } from "vitest";
import { scenarioMsg } from "../../../src/transition/scenario-messages.ts";
import type { ScenarioYear, TargetGap } from "../api.ts";
import en from "../i18n/en.json" with { type: "json" };
import ja from "../i18n/ja.json" with { type: "json" };
import {
  earlyByYear,
  ghgMarks,
  METRIC_KEYS,
  mixByYear,
  pctText,
  signed,
  signedTicks,
} from "./scenario-text.ts";

const year = (y: number, fleet: ScenarioYear["fleet"]): ScenarioYear => ({
  year: y,
  fleet,
  purchases: [],
  retiredAtEndOfLife: 0,
  retiredEarly: 0,
  zeShareChePct: null,
  zeShareDrayagePct: null,
  emissions: { tailpipeCo2eT: 0, upstreamCo2eT: 0, gridCo2eT: 0, wtwCo2eT: 0, noxT: 0, dpmT: 0 },
  h2TPerYear: 0,
  h2PeakKgPerDay: 0,
  electricityMwhPerYear: 0,
  peakKw: 0,
  stationsNeeded: 0,
  capex: 0,
  capexUnpricedUnits: 0,
  opex: null,
});

describe("mixByYear", () => {
  it("sums CHE types per powertrain (ZE stacked first) and keeps drayage apart — the doc example", () => {
    const y = year(2030, [
      { category: "yard_tractor", powertrain: "diesel", units: 5 },
      { category: "yard_tractor", powertrain: "battery", units: 5 },
      { category: "top_handler", powertrain: "fuel_cell", units: 2 },
      { category: "drayage_truck", powertrain: "diesel", units: 7 },
    ]);
    // By hand: CHE = 5 + 5 + 2 = 12 (fuel cell 2, battery 5, diesel 5); drayage = 7 diesel.
    expect(mixByYear([y], "che")).toEqual([
      {
        year: 2030,
        total: 12,
        byPowertrain: [
          { powertrain: "fuel_cell", units: 2 },
          { powertrain: "battery", units: 5 },
          { powertrain: "diesel", units: 5 },
        ],
      },
    ]);
    expect(mixByYear([y], "drayage")).toEqual([
      { year: 2030, total: 7, byPowertrain: [{ powertrain: "diesel", units: 7 }] },
    ]);
  });
});

describe("ghgMarks", () => {
  const gap = (over: Partial<TargetGap>): TargetGap => ({
    program: "CAAP 2017",
    metric: "GHG from port-related sources",
    kind: "ghg",
    baselineYear: 1990,
    targetYear: 2030,
    targetValue: -40,
    unit: "percent change",
    source: "s",
    baseline: { year: 2025, tCo2e: 1000, source: "proxy: the scenario's own 2025 emissions" },
    scenarioValue: -50,
    requiredT: 600,
    scenarioT: 500,
    met: true,
    toReplace: [],
    note: "",
    notes: [],
    ...over,
  });
  it("takes GHG targets with an allowed tonnage and flags a proxy baseline — the doc example", () => {
    // 1,000 t × (1 − 40 %) = 600 t allowed in 2030.
    expect(ghgMarks([gap({}), gap({ kind: "ze_share", requiredT: null, baseline: null })])).toEqual([
      {
        program: "CAAP 2017",
        targetYear: 2030,
        targetPct: -40,
        allowedT: 600,
        baseline: {
          year: 2025,
          tCo2e: 1000,
          source: "proxy: the scenario's own 2025 emissions",
          proxy: true,
        },
        met: true,
      },
    ]);
    expect(
      ghgMarks([gap({ baseline: { year: 1990, tCo2e: 2000, source: "given" } })])[0]!.baseline.proxy,
    ).toBe(false);
  });
});

describe("numbers", () => {
  it("percent, signed differences with a true minus, and ticks across zero", () => {
    expect(pctText(50, "en")).toBe("50 %");
    expect(pctText(16.983, "en")).toBe("17 %");
    expect(pctText(null, "ja")).toBe("—");
    expect(signed(50, "en")).toBe("+50");
    expect(signed(-1234.46, "en")).toBe("−1,234.5");
    expect(signed(0.01, "en")).toBe("0");
    // span 160 / 4 = 40 → step 50: −150 … 50.
    expect(signedTicks(-120, 40)).toEqual([-150, -100, -50, 0, 50]);
  });
});

describe("catalogs", () => {
  const placeholders = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1]).sort();
  it("word every note code the scenario engine sends, with its placeholders, in en and ja", () => {
    const codes = (
      [
        "registryNoYear",
        "registryPowertrain",
        "notEstimated",
        "extraShort",
        "atEndShort",
        "unknownPathway",
        "calibration",
        "drayageCo2Only",
        "engine",
        "noStation",
        "priceYears",
        "outsideYears",
        "noUnits",
        "unitsToReplace",
        "met",
        "baselineYearDiffers",
        "baselineProxy",
        "residual",
        "fiscalYears",
      ] as const
    ).map((c) => `n.${c}` as const);
    for (const cat of [en, ja]) {
      const notes = cat.transition.scenarios.note as Record<string, string>;
      expect(Object.keys(notes).sort()).toEqual(codes.map((c) => c.slice(2)).sort());
      for (const c of codes) {
        // The server's {name} placeholders: read from its English text with each one named.
        const server = scenarioMsg(c, {}, "en");
        expect(placeholders(notes[c.slice(2)] ?? "", /\{\{(\w+)\}\}/g), c).toEqual(
          placeholders(server, /\{(\w+)\}/g),
        );
      }
    }
  });

  it("word each metric the targets table names", () => {
    const metrics = en.transition.scenarios.metric as Record<string, string>;
    for (const k of Object.values(METRIC_KEYS)) expect(metrics[k]).toBeTruthy();
  });
});

describe("earlyByYear", () => {
  it("sums the early retirements per year and type — the doc example", () => {
    // By hand: 2030 forklift 20 + 20 = 40, RTG 4 → 44; 2035 drayage 7.
    expect(
      earlyByYear([
        { year: 2030, category: "forklift", units: 20 },
        { year: 2030, category: "rtg", units: 4 },
        { year: 2035, category: "drayage_truck", units: 7 },
        { year: 2030, category: "forklift", units: 20 },
      ]),
    ).toEqual([
      {
        year: 2030,
        units: 44,
        byCategory: [
          { category: "forklift", units: 40 },
          { category: "rtg", units: 4 },
        ],
      },
      { year: 2035, units: 7, byCategory: [{ category: "drayage_truck", units: 7 }] },
    ]);
  });
});
