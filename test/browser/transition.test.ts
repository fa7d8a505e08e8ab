/**
 * The zero-emission transition page in the portal: the demo fleets of both ports (the same ingest
 * `npm start` runs) loaded into the real server's store, then the page driven in chromium in English
 * and Japanese. What the test expects comes from the demo registry as written in
 * src/demo/transition.ts (unit ids, programmes, powertrains, model years — counted by hand below),
 * the station's reference inputs worked out by hand, and the fueller example published in
 * docs/hydrogen-supply.md. Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoFleet } from "../../src/demo/transition.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSignedInPage, pollWithin, SHOTS, screenshot, switchLanguage, visibleText } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let server: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const poll = pollWithin(20_000);
const shot = (name: string, fullPage = true) => screenshot(page, name, fullPage);
/** Intl writes a no-break space between a currency code and its amount. */
const plain = (s: string) => s.replace(/\u00a0/g, " ");
/** Text of an SVG element (innerText is for HTML elements only). */
const svgText = async (l: import("playwright-core").Locator) => ((await l.textContent()) ?? "").trim();
/** "USD 7,916" → 7916. */
const amount = (s: string) => Number(plain(s).replace(/[^\d.]/g, ""));

/*
 * The USLAX demo registry (src/demo/transition.ts, FLEETS.USLAX), by hand:
 *   yard tractors YT-D-117 diesel, UTR-H2-01 fuel cell; RTGs RTG-D-05 diesel, RTG-H2-01 fuel cell;
 *   top handlers TH-D-03 diesel, TH-H2-01 fuel cell; drayage DRAY-D-01 diesel, FCET-01…04 fuel cell.
 *   CHE: 6 units, 3 zero-emission → 50 %; drayage: 5 units, 4 zero-emission → 80 %.
 *   Pilots (status "pilot"): the 7 fuel-cell units. Model years: RTG-D-05 2008 is the oldest,
 *   RTG-H2-01 2023 the newest.
 */
const USLAX_PILOTS = ["FCET-01", "FCET-02", "FCET-03", "FCET-04", "RTG-H2-01", "TH-H2-01", "UTR-H2-01"];

const TEXT = {
  en: {
    nav: "Zero emission",
    title: "Zero-emission transition — Port of Los Angeles",
    cheShare: "50 % (3 of 6)",
    drayShare: "80 % (4 of 5)",
    fuelCell: "Hydrogen fuel cell",
    pilot: "Pilot",
    replaces: "Replaces DRAY-D-01",
    noYear: "No typical solar year ships for JPNGO",
    scenarios: "No rollout scenario is saved for USLAX yet",
    h: "h",
  },
  ja: {
    nav: "ゼロエミッション",
    title: "ゼロエミッション化 — ロサンゼルス港",
    cheShare: "50 %（6 台中 3 台）",
    drayShare: "80 %（5 台中 4 台）",
    fuelCell: "水素燃料電池",
    pilot: "実証",
    replaces: "代替対象：DRAY-D-01",
    noYear: "JPNGO には標準年の日射データがまだ同梱されていない",
    scenarios: "USLAX にはまだ保存された導入シナリオがありません",
    h: "時間",
  },
} as const;

describe("the zero-emission transition page", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    // Four weeks up to today, as `npm start` loads them (the scorecards look back 90 days from now).
    const loaded = await loadDemoFleet(server.store, {
      seed: 1,
      ports: ["USLAX", "JPNGO"],
      end: new Date(),
      days: 28,
    });
    // USLAX 11 units and JPNGO 8 (FLEETS in src/demo/transition.ts), 28 days of telemetry each.
    expect(loaded.map((l) => [l.port, l.equipment.accepted, l.telemetry.accepted])).toEqual([
      ["USLAX", 11, 11 * 28],
      ["JPNGO", 8, 8 * 28],
    ]);
    // Parts of this page are for analysts (issue 14): the browser signs in as one.
    ({ browser, page } = await openSignedInPage((await server.signIn("analyst")).cookie, problems, 1280));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the navigation opens the first port's transition page", async () => {
    await page.goto(`${server.baseUrl}/?lang=en`);
    await page.locator(".main-nav").getByRole("link", { name: TEXT.en.nav }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/ports/USLAX/transition");
    await page.locator(".transition-page h1").waitFor();
  });

  for (const lang of ["en", "ja"] as const) {
    it(`USLAX in ${lang}: the fleet mix, the demo pilots' scorecards, the station's cost and the fueller`, async () => {
      const T = TEXT[lang];
      await page.goto(`${server.baseUrl}/ports/USLAX/transition`);
      await switchLanguage(page, lang, 20_000);
      expect(await visibleText(page.locator(".transition-page h1"))).toContain(T.title);

      // Fleet: the zero-emission shares counted by hand above.
      const che = page.locator('.ze-mix-chart g[data-bar="che"]');
      await che.waitFor();
      expect(await che.getAttribute("data-ze-share")).toBe("0.5");
      expect(await svgText(che.locator(".ze-share"))).toBe(T.cheShare);
      const dray = page.locator('.ze-mix-chart g[data-bar="drayage_truck"]');
      expect(await dray.getAttribute("data-ze-share")).toBe("0.8");
      expect(await svgText(dray.locator(".ze-share"))).toBe(T.drayShare);
      const fcTrucks = page.locator(
        '.ze-mix-table tr[data-category="drayage_truck"][data-powertrain="fuel_cell"][data-status="pilot"]',
      );
      expect(await visibleText(fcTrucks)).toContain(T.fuelCell);
      expect(await visibleText(fcTrucks.locator("td.num"))).toBe("4");

      // The registry: 11 units, pilots first; sorted by model year with the keyboard.
      const units = page.locator(".ze-units-table tbody tr");
      await poll(() => units.count()).toBe(11);
      expect(await visibleText(page.locator('.ze-units-table tr[data-unit="UTR-H2-01"]'))).toContain(
        "Toyota UNO hydrogen UTR (demo)",
      );
      const year = page.locator('.ze-units-table button[data-sort="modelYear"]');
      await year.focus();
      await page.keyboard.press("Enter");
      await poll(() => units.first().getAttribute("data-unit")).toBe("RTG-D-05"); // 2008
      expect(await page.locator('.ze-units-table th[aria-sort="ascending"]').count()).toBe(1);
      await page.keyboard.press("Enter");
      await poll(() => units.first().getAttribute("data-unit")).toBe("RTG-H2-01"); // 2023

      // The pilots' totals (public summary) count the 7 pilots.
      expect(await page.locator(".ze-cards-summary").getAttribute("data-units")).toBe("7");
      // Scorecards: one card per demo pilot, each with its programme.
      const cards = page.locator(".ze-card");
      await poll(() => cards.count()).toBe(USLAX_PILOTS.length);
      expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-unit")).sort())).toEqual(
        USLAX_PILOTS,
      );
      const utr = page.locator('.ze-card[data-unit="UTR-H2-01"]');
      expect(await visibleText(utr.locator(".ze-programme"))).toBe("Toyota UNO hydrogen UTR (demo)");
      const rtg = page.locator('.ze-card[data-unit="RTG-H2-01"]');
      expect(await visibleText(rtg.locator(".ze-programme"))).toBe("Mitsui E&S H2-ZE Transtainer (demo)");
      const fcet1 = page.locator('.ze-card[data-unit="FCET-01"]');
      expect(await visibleText(fcet1)).toContain(T.replaces);
      expect(await visibleText(fcet1.locator(".ze-programme"))).toBe("ZANZEFF Shore to Store (demo)");
      // Three pathways each: grid electrolysis, solar electrolysis, SMR.
      expect(await fcet1.locator(".ze-pathways g[data-pathway]").count()).toBe(3);
      // Availability is a share; a truck shows hydrogen per 100 miles, a tractor per hour.
      expect(await visibleText(fcet1.locator('[data-fact="availability"] .ze-value'))).toMatch(/%$/);
      expect(await fcet1.locator('[data-fact="h2Per100Mi"]').count()).toBe(1);
      expect(await utr.locator('[data-fact="h2PerH"]').count()).toBe(1);
      await shot(`transition-${lang}-fleet`);

      /*
       * The station with the reference inputs (solar_h2_assumptions.csv and the Honda SHS row, shown
       * in the inputs table): capex = 30 kWp × 1,600 + 10 kW × 2,000 + 19 kg × 1,200 = 90,800 USD;
       * CRF at 6 % over 20 years = 0.06 × 1.06^20 / (1.06^20 − 1) = 0.06 × 3.20714 / 2.20714
       * = 0.087185; capital per year 90,800 × 0.087185 = 7,916; O&M 3 % × 90,800 = 2,724.
       * Cost per kg = (7,916.36 + 2,724 + grid 0) ÷ the kg dispensed the page shows.
       */
      const station = page.locator(".ze-station-result");
      await station.waitFor();
      expect(await station.getAttribute("data-currency")).toBe("USD");
      const cost = (id: string) => visibleText(page.locator(`.ze-cost-table tr[data-cost="${id}"] td`));
      expect(plain(await cost("capex"))).toBe("USD 90,800");
      expect(await cost("crf")).toBe("0.0872");
      expect(plain(await cost("annualCapital"))).toBe("USD 7,916");
      expect(plain(await cost("annualOpex"))).toBe("USD 2,724");
      const dispensed = amount(await cost("dispensed"));
      const perKg = plain(
        await visibleText(page.locator('.ze-station .ops-card[data-card="costPerKg"] .ops-card-value')),
      );
      expect(perKg).toMatch(/^USD \d+\.\d{2}\/kg$/);
      expect(amount(perKg)).toBeCloseTo((90_800 * 0.0871846 + 2_724) / dispensed, 1);
      // The monthly chart has 12 months; the heat map is drawn.
      expect(await page.locator(".ze-month-chart g[data-month]").count()).toBe(12);
      expect(await page.locator(".ze-heatmap image").count()).toBe(1);
      // The months (folded from the 8,760 hours in the page) add up to the year the API states.
      await page.locator(".ze-month-details summary").click();
      const monthly = await page
        .locator(".ze-month-table tbody tr td:nth-child(2)")
        .evaluateAll((els) => els.map((e) => Number((e.textContent ?? "").replace(/[^\d.]/g, ""))));
      expect(monthly).toHaveLength(12);
      const producedKg = amount(
        await visibleText(page.locator('.ze-station .ops-card[data-card="produced"] .ops-card-value')),
      );
      // Twelve values rounded to 0.1 kg: within 12 × 0.05 = 0.6 kg of the year's total.
      expect(Math.abs(monthly.reduce((a, b) => a + b, 0) - producedKg)).toBeLessThanOrEqual(0.6);
      await page.locator(".ze-station").scrollIntoViewIfNeeded();
      await shot(`transition-${lang}-station`, false);

      /*
       * The fueller with the example of docs/hydrogen-supply.md ("Mobile fueller": 3 units at
       * 1.2 kg/h, 8 kg fills, 60 kg fueller, 0.5 h each way, 0.75 h refill, a week): 50 requests,
       * 48 served, 2 missed, 7 trips, 54.9 kg/trip, utilisation 20.5 %.
       */
      const fueller = (id: string) => visibleText(page.locator(`.ze-fueller-result [data-card="${id}"]`));
      await page.locator(".ze-fueller-result").waitFor();
      const value = (id: string) =>
        visibleText(page.locator(`.ze-fueller-result [data-card="${id}"] .ops-card-value`));
      expect(await value("missedFills")).toBe("2");
      // "48 of 50 fills served" / 「50 回中 48 回充填」
      expect(await fueller("missedFills")).toMatch(lang === "en" ? /48 of 50/ : /50 回中 48 回/);
      expect(await value("kgPerTrip")).toBe("54.9 kg");
      expect(await value("utilisation")).toBe("20.5 %");
      // 7 trips in the 7 days → 1.0 a day.
      expect(await value("tripsPerDay")).toBe("1.0");
      // No scenario saved in this test's store: the panel says so.
      expect(await visibleText(page.locator(".ze-scenarios"))).toContain(T.scenarios);
    });
  }

  it("the station form re-runs the year with a bigger PV field (kept in the address)", async () => {
    await page.goto(`${server.baseUrl}/ports/USLAX/transition?lang=en`);
    await switchLanguage(page, "en", 20_000);
    await page.locator(".ze-station-result").waitFor();
    await poll(() => page.locator('.ze-station-form input[name="pvKwp"]').inputValue()).toBe("30");
    await page.locator('.ze-station-form input[name="pvKwp"]').fill("60");
    await page.locator('.ze-station-form input[name="pvKwp"]').press("Enter");
    await poll(() => new URL(page.url()).searchParams.get("pvKwp")).toBe("60");
    // 30 kWp more at 1,600 USD/kWp: 90,800 + 48,000 = 138,800 USD.
    await poll(async () =>
      plain(await visibleText(page.locator('.ze-cost-table tr[data-cost="capex"] td'))),
    ).toBe("USD 138,800");
    expect(await visibleText(page.locator('.ze-inputs-table tr[data-input="pv_kwp"] td').first())).toBe("60");
  });

  for (const lang of ["en", "ja"] as const) {
    it(`JPNGO in ${lang}: the pilots, and the station says why it cannot run instead of failing`, async () => {
      const T = TEXT[lang];
      await page.goto(`${server.baseUrl}/ports/JPNGO/transition`);
      await switchLanguage(page, lang, 20_000);
      // Nagoya's demo pilots: TH-H2-N1, RTG-H2-N1, YT-FC-N1 (NEDO) and FCT-N1, FCT-N2.
      await poll(() => page.locator(".ze-card").count()).toBe(5);
      expect(await visibleText(page.locator('.ze-card[data-unit="TH-H2-N1"] .ze-programme'))).toBe(
        "NEDO Nagoya port CHE hydrogen (demo)",
      );
      const note = page.locator(".ze-no-year");
      await note.waitFor();
      expect(await visibleText(note)).toContain(T.noYear);
      expect(await page.locator(".ze-station .error-box").count()).toBe(0);
      await page.locator(".ze-station").scrollIntoViewIfNeeded();
      await shot(`transition-${lang}-jpngo-station`, false);
    });
  }

  it("on a narrow screen nothing is wider than the screen but the tables' own scrolling boxes", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/ports/USLAX/transition?lang=en`);
    await page.locator(".ze-station-result").waitFor();
    await page.locator(".ze-fueller-result").waitFor();
    await poll(() => page.locator(".ze-card").count()).toBe(USLAX_PILOTS.length);
    await shot("transition-en-narrow");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("no console errors, failed requests or HTTP errors but Nagoya's station year (404 by design)", () => {
    const expected = /HTTP 404: .*\/api\/ports\/JPNGO\/transition\/solar-h2/;
    expect(problems.filter((p) => !expected.test(p) && !/status of 404/.test(p))).toEqual([]);
  });
});
