import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { CallTraceStep } from "../api.ts";
import en from "../i18n/en.json" with { type: "json" };
import ja from "../i18n/ja.json" with { type: "json" };
import { adjustmentWords, baseUnit, lineUnit, stepWords, type Translate } from "./trace-text.ts";

const i18n = i18next.createInstance();
let tEn: Translate;
let tJa: Translate;

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: "en",
    fallbackLng: "en",
    interpolation: { escapeValue: false },
  });
  tEn = i18n.getFixedT("en") as unknown as Translate;
  tJa = i18n.getFixedT("ja") as unknown as Translate;
});

/** A main-engine NOx step as GET /api/calls/:id/emissions sends it (trimmed to the trace fields). */
const OGV_STEP = {
  what: "main engine SSD, Transit",
  whatText: {
    code: "what.ogvMain",
    params: { engine: "SSD", mode: { code: "epaMode.Transit" } },
  },
  pollutant: "nox",
  activity: 10_362.6,
  activityUnit: "kWh",
  factor: 14.4,
  factorUnit: "g/kWh",
  adjustments: [
    {
      name: "LLAF nox (ogv_llaf_coefficients.csv (EPA equation, ShipEF calcLLAF))",
      value: 1.25583,
      text: { code: "adj.llaf", params: { pollutant: { code: "pollutant.nox" } } },
      detail: { code: "detail.llafEquation" },
    },
  ],
  grams: 187_397,
  source: "ogv_nox_ef.csv: main,SSD,MGO/MDO,Tier 2",
} as unknown as CallTraceStep;

/** A drayage idle step as GET /api/ports/:locode/emissions/sources/... sends it. */
const TRUCK_STEP = {
  what: "diesel trucks MY2014+ at uslax-terminal-yti",
  whatText: {
    code: "what.drayageGroup",
    params: {
      powertrain: { code: "drayagePowertrain.diesel" },
      group: "2014+",
      terminal: "uslax-terminal-yti",
    },
  },
  pollutant: "nox",
  activity: 5000,
  activityUnit: "h idling (10000 visits × 30 min ÷ 60)",
  activityUnitText: { code: "unit.idleH", params: { visits: 10000, minutes: 30 } },
  factor: 20,
  factorUnit: "g/h",
  factorUnitText: { code: "unit.gPerH" },
  adjustments: [],
  grams: 100_000,
  source: 'user factor drayage "diesel my2014+" nox 20 g/h (f.csv:3) — source: test run',
  sourceText: {
    code: "source.userFactor",
    params: {
      category: "drayage",
      key: "diesel my2014+",
      pollutant: "nox",
      value: 20,
      unit: "g/h",
      converted: "",
      where: " (f.csv:3)",
      source: "test run",
    },
  },
} as unknown as CallTraceStep;

describe("trace texts in the portal", () => {
  it("render in Japanese from the catalogs", () => {
    expect(stepWords(OGV_STEP, tJa).what).toBe("主機 SSD、航行");
    expect(adjustmentWords(OGV_STEP.adjustments[0]!, tJa)).toEqual({
      short: "低負荷補正係数 NOx",
      detail: "ogv_llaf_coefficients.csv（EPA の式、ShipEF calcLLAF）",
    });
    expect(stepWords(TRUCK_STEP, tJa).what).toBe("uslax-terminal-yti のディーゼルトラック（2014+ 年式）");
    expect(stepWords(TRUCK_STEP, tJa).activityUnit).toBe("アイドリング時間（10000 回 × 30 分 ÷ 60）");
    expect(stepWords(TRUCK_STEP, tJa).factorUnit).toBe("g/時間");
    expect(lineUnit("gal", tJa)).toBe("ガロン");
    expect(stepWords(TRUCK_STEP, tJa).source).toBe(
      "利用者係数 drayage「diesel my2014+」nox 20 g/h (f.csv:3) — 出典: test run",
    );
  });

  it("render in English as the API's English strings", () => {
    for (const s of [OGV_STEP, TRUCK_STEP]) {
      expect(stepWords(s, tEn).what).toBe(s.what);
      expect(stepWords(s, tEn).activityUnit).toBe(s.activityUnit);
      expect(stepWords(s, tEn).factorUnit).toBe(s.factorUnit);
      expect(stepWords(s, tEn).source).toBe(s.source);
    }
    const { short, detail } = adjustmentWords(OGV_STEP.adjustments[0]!, tEn);
    expect(`${short} (${detail})`).toBe(OGV_STEP.adjustments[0]!.name);
  });

  it("a step without texts shows its English strings", () => {
    const plain = {
      ...OGV_STEP,
      whatText: undefined,
      adjustments: [{ name: "load factor (table: 4)", value: 0.5 }],
    };
    expect(stepWords(plain, tJa).what).toBe("main engine SSD, Transit");
    expect(adjustmentWords(plain.adjustments[0]!, tJa)).toEqual({ short: "load factor", detail: "table: 4" });
  });

  it("a unit loses its month's detail in either language", () => {
    expect(baseUnit("hp·h at rated power (746 hp × 306.70 h)")).toBe("hp·h at rated power");
    expect(baseUnit("定格出力換算 hp·h（746 hp × 306.70 h）")).toBe("定格出力換算 hp·h");
    expect(baseUnit("kWh")).toBe("kWh");
  });
});
