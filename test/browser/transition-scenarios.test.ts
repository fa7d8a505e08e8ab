/**
 * The rollout-scenario part of the transition page in chromium, in English and Japanese. Three
 * small scenarios are saved through the store (the same service the API's POST uses), each a
 * fleet worked out by hand (src/transition/scenario-turnover.test.ts's example): 10 diesel yard
 * tractors of model years 2016..2025, useful life 10 years, base year 2025 → one reaches end of
 * life each year from 2026. Activity is given in the scenario (2,000 h/yr, 10 kWh/h battery,
 * 0.5 kg H2/h fuel cell, peak day × 2, charging window 10 h) so that every expected figure below
 * is arithmetic on these inputs, not on the reference tables the engine reads.
 * Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPortRegistry } from "../../src/geo/index.ts";
import { saveScenario } from "../../src/transition/scenario-service.ts";
import { loadScenarioTables } from "../../src/transition/scenario-tables-io.ts";
import { type ScenarioInputIn, scenarioInputSchema } from "../../src/transition/scenario-wire.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSignedInPage, pollWithin, SHOTS, screenshot, switchLanguage, visibleText } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let server: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const poll = pollWithin(30_000);
/** Opens a <details> (a page kept from the previous test may have it open already). */
const open = async (details: import("playwright-core").Locator) => {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
};

function tenTractors(
  port: "USLAX" | "JPNGO",
  name: string,
  extra: Partial<ScenarioInputIn>,
): ScenarioInputIn {
  return {
    port,
    name,
    baseYear: 2025,
    horizonYear: 2036,
    startingFleet: {
      source: "cohorts",
      cohorts: Array.from({ length: 10 }, (_, i) => ({
        category: "yard_tractor" as const,
        powertrain: "diesel" as const,
        modelYear: 2016 + i,
        units: 1,
      })),
    },
    activity: {
      yard_tractor: {
        usefulLifeYears: 10,
        annualHours: 2000,
        batteryKwhPerH: 10,
        fuelCellKgH2PerH: 0.5,
        source: "browser test: hand-worked fleet",
      },
    },
    peakDayFactor: 2,
    chargingWindowH: 10,
    ...extra,
  };
}

/*
 * By hand:
 * "hand battery" (USLAX): purchases 100 % battery from 2026. In year Y (2026..2035) Y − 2025 units
 *   are battery: 2028 → 3 of 10 = 30 %, 2030 → 5 of 10 = 50 %, 2035 → 100 %. No early retirement.
 *   Electricity 2030: 5 units × 2,000 h × 10 kWh/h = 100,000 kWh = 100 MWh; peak = 100,000 / 365
 *   × 2 / 10 h = 54.79 kW → "55". CAAP ZE CHE 100 % by 2030: 50 % → not met; the 5 diesel units of
 *   2021..2025 (starting fleet) must go before the end of their life. CAAP −80 % by 2050: the
 *   scenario ends in 2036 → cannot say ("the scenario covers 2025–2036, not 2050").
 * "hand target" (USLAX): purchases diesel, ZE target yard tractors 100 % battery by 2030. 2026..2029
 *   replace like for like (0 % ZE); in 2030 the 2020 unit retires at end of life and the other 9
 *   non-ZE units (2021..2029) retire early: 100 % ZE, 9 early-retirement rows, remaining life
 *   = model year + 10 − 2030 (2021 → 1, 2025 → 5, 2029 → 9).
 * "hand fc" (JPNGO): purchases 100 % fuel cell from 2026. Hydrogen 2030: 5 × 2,000 h × 0.5 kg/h
 *   = 5,000 kg = 5.0 t; peak day 5,000 / 365 × 2 = 27.4 kg → "27". ZE share 2030: 50 %.
 * Compare "hand battery" (A) vs "hand target" (B), ZE CHE share: 2028 30 % vs 0 % → −30;
 *   2030 50 % vs 100 % → +50.
 * Per TEU (teuPerYear given): USLAX 1,000,000 TEU → 2030 electricity 100,000 kWh / 1,000,000 =
 *   0.10 kWh/TEU; JPNGO 500,000 TEU → 5,000 kg / 500,000 = 0.010 kg H2/TEU.
 */
const SCENARIOS: ScenarioInputIn[] = [
  tenTractors("USLAX", "hand battery", {
    purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { battery: 100 } }],
    teuPerYear: { value: 1_000_000, source: "browser test" },
  }),
  tenTractors("USLAX", "hand target", {
    purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { diesel: 100 } }],
    zeTargets: [{ category: "yard_tractor", year: 2030, zeSharePct: 100, powertrain: "battery" }],
    teuPerYear: { value: 1_000_000, source: "browser test" },
  }),
  tenTractors("JPNGO", "hand fc", {
    purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { fuel_cell: 100 } }],
    teuPerYear: { value: 500_000, source: "browser test" },
  }),
];

const TEXT = {
  en: {
    notMet: "Not met",
    met: "Met",
    cannotSay: "Cannot say",
    outside: "the scenario covers 2025–2036, not 2050",
    replace: "5 × Yard tractor by 2030 (5 before the end of their life, 0 bought during the scenario",
    zeTarget: "Zero-emission target",
    early: "Units retired early (forced)",
  },
  ja: {
    notMet: "未達",
    met: "達成",
    cannotSay: "判定不可",
    outside: "シナリオの期間は 2025–2036 で、2050 年を含みません",
    replace: "2030 年までに ヤードトラクター 5 台（耐用年数前 5 台、シナリオ中の購入 0 台",
    zeTarget: "ゼロエミ目標",
    early: "早期退役の台数（強制）",
  },
} as const;

const URL_A = "/ports/USLAX/transition?scenario=hand+battery&vs=hand+target&sister=hand+fc#scenarios";

describe("rollout scenarios on the transition page", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    const tables = loadScenarioTables();
    const registry = loadPortRegistry();
    for (const doc of SCENARIOS)
      await saveScenario(
        {
          transition: server.store.transition,
          tables: () => tables,
          currencyOf: (p) => registry.get(p)?.currency,
        },
        scenarioInputSchema.parse(doc),
      );
    // The scenarios are for analysts (issue 14): the browser signs in as one.
    ({ browser, page } = await openSignedInPage((await server.signIn("analyst")).cookie, problems, 1280));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ["en", "ja"] as const) {
    it(`USLAX in ${lang}: the hand-worked figures, the gap to targets and both scenarios compared`, async () => {
      const T = TEXT[lang];
      await page.goto(`${server.baseUrl}${URL_A}`);
      await switchLanguage(page, lang, 20_000);
      const view = page.locator('.ze-scn-view[data-scenario="hand battery"]');
      await view.waitFor({ timeout: 30_000 });

      // ZE share of CHE in 2030 (headline card and year table) and the year table's electricity.
      expect(await visibleText(view.locator('[data-card="zeChe2030"] .ops-card-value'))).toBe("50 %");
      await open(view.locator(".ze-scn-years"));
      const y2030 = view.locator('.ze-scn-year-table tr[data-year="2030"]');
      expect(await visibleText(y2030.locator('[data-col="zeChe"]'))).toBe("50 %");
      const cells = (await y2030.locator("td").allInnerTexts()).map((s) => s.trim());
      // Columns: units, ZE CHE, ZE drayage, WTW, tailpipe, H2, H2 peak, MWh, peak kW, …
      expect(cells[0]).toBe("10");
      expect(cells[7]).toBe("100");
      expect(cells[8]).toBe("55");
      expect(
        await visibleText(view.locator('.ze-scn-year-table tr[data-year="2028"] [data-col="zeChe"]')),
      ).toBe("30 %");
      // The fleet-mix chart: 10 CHE units every year, battery growing.
      expect(
        await view.locator('.ze-scn-mix[data-group="che"] g[data-year="2030"]').getAttribute("data-total"),
      ).toBe("10");
      expect(
        await view
          .locator('.ze-scn-mix[data-group="che"] g[data-year="2030"] rect[data-powertrain="battery"]')
          .count(),
      ).toBe(1);
      // The same as a table: 5 battery and 5 diesel yard tractors at the end of 2030.
      await open(view.locator(".ze-scn-mix-details"));
      const m2030 = view.locator('.ze-scn-mix-table tr[data-year="2030"]');
      expect(await visibleText(m2030.locator('td[data-group="che"][data-powertrain="battery"]'))).toBe("5");
      expect(await visibleText(m2030.locator('td[data-group="che"][data-powertrain="diesel"]'))).toBe("5");
      // The emissions chart draws the GHG target the API states for 2030 (2050 is past the horizon).
      await view.locator('.ze-scn-line[data-chart="emissions"] g[data-target="ghg-2030"]').waitFor();
      expect(
        await view.locator('.ze-scn-line[data-chart="emissions"] g[data-target="ghg-2050"]').count(),
      ).toBe(0);
      // No early retirement in this scenario.
      expect(await view.locator(".ze-scn-no-early").count()).toBe(1);

      // Gap to targets: ZE CHE 100 % by 2030 not met, 5 yard tractors to replace, all early.
      const ze = view.locator('.ze-gap-table tr[data-target="ze_share-2030-zeChe"]');
      expect(await ze.getAttribute("data-met")).toBe("false");
      expect(await visibleText(ze.locator('[data-col="value"]'))).toBe("50 %");
      expect(await visibleText(ze.locator('[data-col="status"]'))).toBe(T.notMet);
      expect(await ze.locator('li[data-category="yard_tractor"]').getAttribute("data-units")).toBe("5");
      expect(await visibleText(ze.locator('li[data-category="yard_tractor"]'))).toContain(T.replace);
      const ghg2050 = view.locator('.ze-gap-table tr[data-target="ghg-2050-ghgPort"]');
      expect(await visibleText(ghg2050.locator('[data-col="status"]'))).toBe(T.cannotSay);
      expect(await visibleText(ghg2050)).toContain(T.outside);

      // Compare: both scenarios, ZE CHE share per year and B − A.
      const cmp = page.locator('.ze-scn-compare[data-a="hand battery"][data-b="hand target"]');
      await cmp.waitFor();
      expect(await cmp.locator('g[data-series="a"]').count()).toBe(1);
      expect(await cmp.locator('g[data-series="b"]').count()).toBe(1);
      const c2030 = cmp.locator('.ze-compare-table tr[data-year="2030"]');
      expect(await visibleText(c2030.locator('[data-col="zeA"]'))).toBe("50 %");
      expect(await visibleText(c2030.locator('[data-col="zeB"]'))).toBe("100 %");
      expect(await visibleText(c2030.locator('[data-col="zeDiff"]'))).toBe("+50");
      expect(
        await visibleText(cmp.locator('.ze-compare-table tr[data-year="2028"] [data-col="zeDiff"]')),
      ).toBe("−30");

      // The two ports per TEU: 0.10 kWh/TEU at Los Angeles, 0.010 kg H2/TEU at Nagoya in 2030.
      const ports = page.locator('.ze-ports-compare[data-ports="USLAX,JPNGO"]');
      await ports.waitFor();
      await open(ports.locator(".ze-ports-details"));
      const p2030 = (await ports.locator('.ze-ports-table tr[data-year="2030"] td').allInnerTexts()).map(
        (s) => s.trim(),
      );
      // Per port: kg CO2e/TEU, kg H2/TEU, kWh/TEU, ZE CHE.
      expect(p2030[2]).toBe("0.10");
      expect(p2030[3]).toBe("50 %");
      expect(p2030[5]).toBe("0.010");
      expect(p2030[7]).toBe("50 %");

      // The region's hydrogen in 2030: the two ports' scenarios give 0 t (battery) + 5.0 t (fuel cell).
      const regional = page.locator(".ze-regional");
      await regional.waitFor();
      await open(regional.locator(".ze-regional-details"));
      const r2030 = (
        await regional.locator('.ze-regional-table tr[data-year="2030"] td').allInnerTexts()
      ).map((s) => s.trim());
      expect(r2030[0]).toBe("5.0");
      await regional.screenshot({ path: path.join(SHOTS, `transition-regional-${lang}.png`) });
      await screenshot(page, `transition-scenarios-USLAX-${lang}`, true);
    });
  }

  it("the forced early retirements of a ZE target, picked with the keyboard, in Japanese", async () => {
    await page.goto(`${server.baseUrl}${URL_A}`);
    await switchLanguage(page, "ja", 20_000);
    await page.locator('.ze-scn-view[data-scenario="hand battery"]').waitFor();
    const pick = page.locator('select[name="scenario"]');
    await pick.focus();
    await page.keyboard.press("ArrowDown");
    await poll(() => new URL(page.url()).searchParams.get("scenario")).toBe("hand target");
    const view = page.locator('.ze-scn-view[data-scenario="hand target"]');
    await view.waitFor();
    expect(await visibleText(view.locator('[data-card="early"]'))).toContain(TEXT.ja.early);
    expect(await visibleText(view.locator('[data-card="early"] .ops-card-value'))).toBe("9");
    // Summed per year and type above the table: 9 yard tractors in 2030.
    const sum = view.locator('.ze-early-summary li[data-year="2030"]');
    expect(await sum.getAttribute("data-units")).toBe("9");
    expect(await visibleText(sum)).toBe("2030 年：9 台 — ヤードトラクター 9");
    const rows = view.locator(".ze-scn-early-table tbody tr");
    expect(await rows.count()).toBe(9);
    for (const [my, left] of [
      [2021, "1"],
      [2025, "5"],
      [2029, "9"],
    ] as const) {
      const r = view.locator(`.ze-scn-early-table tr[data-model-year="${my}"]`);
      expect(await r.getAttribute("data-year")).toBe("2030");
      expect(await visibleText(r.locator('[data-col="lifeLeft"]'))).toBe(left);
      expect(await visibleText(r)).toContain(TEXT.ja.zeTarget);
    }
    const ze = view.locator('.ze-gap-table tr[data-target="ze_share-2030-zeChe"]');
    expect(await visibleText(ze.locator('[data-col="status"]'))).toBe(TEXT.ja.met);
    // The compare view now holds "hand target" against the other one.
    await page.locator('.ze-scn-compare[data-a="hand target"][data-b="hand battery"]').waitFor();
    await screenshot(page, "transition-scenarios-USLAX-early-ja", true);
  });

  it("JPNGO in English: the fuel-cell scenario's hydrogen by hand", async () => {
    await page.goto(`${server.baseUrl}/ports/JPNGO/transition?lang=en#scenarios`);
    await switchLanguage(page, "en", 20_000);
    const view = page.locator('.ze-scn-view[data-scenario="hand fc"]');
    await view.waitFor({ timeout: 30_000 });
    await open(view.locator(".ze-scn-years"));
    const cells = (await view.locator('.ze-scn-year-table tr[data-year="2030"] td').allInnerTexts()).map(
      (s) => s.trim(),
    );
    expect(cells[1]).toBe("50 %");
    expect(cells[5]).toBe("5.0");
    expect(cells[6]).toBe("27");
    // One scenario only at this port: no pair to compare, said in words.
    expect(await visibleText(page.locator("#scenarios"))).toContain(
      "Only one scenario is saved for this port",
    );
    await screenshot(page, "transition-scenarios-JPNGO-en", true);
  });

  it("nothing on the scenario routes failed", () => {
    expect(problems.filter((p) => /scenario|compare-ports|targets-gap|page error/.test(p))).toEqual([]);
  });
});
