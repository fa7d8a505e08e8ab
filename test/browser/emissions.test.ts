/**
 * Emissions in the portal: a small demo world loaded into the real server, its calls detected, then
 * each port's inventory page (category × pollutant table with units, stacked bar, monthly trend,
 * separately reported scopes, progress against targets with and without a baseline, largest
 * sources, exports, recompute) and one call's emission trace, in English and Japanese.
 * Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateCalls } from "../../src/calls/index.ts";
import { callServiceDeps, loadDemoActivity, loadDemoIfEmpty } from "../../src/cli/demo-load.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSignedInPage, pollWithin, SHOTS, screenshot, switchLanguage, visibleText } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const END = new Date("2026-11-20T00:00:00Z");
// The reporting year holding the demo data: calendar 2026 at Los Angeles, FY2026 (April 2026 –
// March 2027) at Nagoya. Named in the address, so the test does not depend on today's date.
const YEAR = 2026;

let server: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const poll = pollWithin(30_000);

const shot = (name: string, fullPage = true) => screenshot(page, name, fullPage);

const useLanguage = (lang: "en" | "ja") => switchLanguage(page, lang, 30_000);

/** A figure as shown ("12,346", "0.0123", "< 0.001") → a number; "< 0.001" counts as a small non-zero. */
function shownNumber(text: string): number {
  if (text.includes("<")) return 0.0005;
  const n = Number(text.replace(/[^\d.]/g, ""));
  return Number.isFinite(n) ? n : Number.NaN;
}

const TEXT = {
  en: {
    nav: "Emissions",
    title: "Emissions inventory",
    ogv: "Ocean-going vessels",
    so2: "SO2",
    unit: "t",
    shortTon: "short tons",
    progress: "Progress against targets",
    noBaseline: "No ",
    emissions: "Emissions",
    mainEngine: "Main engine",
    che: "Cargo-handling equipment",
    activity: "Activity (kWh)",
    showYear: "Show the year total",
    // Trace steps' "what": engine group and EPA mode; equipment type (powertrain) unit id.
    ogvWhat: /^(main engine|aux engine|boiler),? .*(Transit|Maneuvering|Anchorage|Berth)$/,
    epaMode: /^EPA: (Transit|Maneuvering|Anchorage|Berth)$/,
    cheWhat: /^.+ \((diesel|diesel-electric hybrid|LPG|CNG|battery-electric|hydrogen fuel cell)\) \S+$/,
    ogvAdjustment: /^\((LLAF nox|Tier III below 25 % load: Tier II factor)\)$/,
  },
  ja: {
    nav: "排出量",
    title: "排出量インベントリ",
    ogv: "外航船舶",
    so2: "SO2",
    unit: "t",
    shortTon: "米トン",
    progress: "目標に対する進捗",
    noBaseline: "基準値が登録されていない",
    emissions: "排出量",
    mainEngine: "主機",
    che: "荷役機械",
    activity: "活動量（kWh）",
    showYear: "年間合計を表示",
    ogvWhat: /^(主機 \S+|補機 \S+|ボイラー)、(航行|操船|錨泊|係留（着岸）中)$/,
    epaMode: /^EPA: (航行|操船|錨泊|係留（着岸）中)$/,
    cheWhat: /（(ディーゼル|ディーゼル・電気ハイブリッド|LPG|CNG|バッテリー式|水素燃料電池)）\S+$/,
    ogvAdjustment: /^\((低負荷補正係数 NOx|負荷 25 % 未満の Tier III 機関: Tier II の係数を適用)\)$/,
  },
} as const;

const PORTS = {
  USLAX: {
    label: "2026",
    ja: "2026年",
    zone: /(PST|PDT|UTC−8|UTC−7)/,
    withBaseline: "nox",
    baselineYear: 2005,
    firstMonth: { en: "Jan", ja: "1月" },
  },
  JPNGO: {
    label: "FY2026",
    ja: "2026年度",
    zone: /(JST|UTC\+9)/,
    withBaseline: "co2",
    baselineYear: 2013,
    firstMonth: { en: "Apr", ja: "4月" },
  },
} as const;

describe("emissions in the portal", { timeout: 240_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    await loadDemoIfEmpty(server.store.ais, { seed: 1, days: 2, scale: 0.5, end: END });
    await updateCalls(await callServiceDeps(server.store));
    // The demo's equipment, harbour craft, trucks and rail of the calendar years the reporting years touch.
    await loadDemoActivity(server.store.emissionActivity, {
      seed: 1,
      ports: ["USLAX", "JPNGO"],
      years: [2026, 2027],
    });
    // One baseline per port, so that a target shows its path and points; the others stay empty and
    // show the command that enters them. The figure is twice the demo inventory (a test fixture).
    for (const [port, p] of Object.entries(PORTS)) {
      const res = await fetch(`${server.baseUrl}/api/ports/${port}/emissions/inventory?year=${YEAR}`, {
        headers: server.adminHeaders,
      });
      expect(res.status).toBe(200);
      const report = (await res.json()) as {
        scopes: { tailpipe: { total: Record<string, number> }; grid: { total: Record<string, number> } };
      };
      const tonnes =
        report.scopes.tailpipe.total[p.withBaseline]! + (report.scopes.grid.total[p.withBaseline] ?? 0);
      expect(tonnes).toBeGreaterThan(0);
      await server.store.emissions.setBaseline({
        port,
        pollutant: p.withBaseline,
        year: p.baselineYear,
        tonnes: tonnes * 2,
        source: "test fixture: twice the demo inventory",
        enteredAt: new Date().toISOString(),
      });
    }
    // Parts of this page are for analysts (issue 14): the browser signs in as one.
    ({ browser, page } = await openSignedInPage((await server.signIn("analyst")).cookie, problems));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the navigation opens the first port's inventory", async () => {
    await page.goto(`${server.baseUrl}/?lang=en`);
    await page.locator(".main-nav").getByRole("link", { name: TEXT.en.nav }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/ports/USLAX/emissions");
    await page.locator(".emissions-page h1").waitFor();
  });

  for (const lang of ["en", "ja"] as const) {
    for (const port of ["USLAX", "JPNGO"] as const) {
      it(`${port} in ${lang}: inventory table with units, charts, progress, sources, then a call's trace`, async () => {
        const p = PORTS[port];
        await page.goto(`${server.baseUrl}/ports/${port}/emissions?year=${YEAR}`);
        await useLanguage(lang);
        const view = page.locator(".emissions-page");
        expect(await visibleText(view.locator("h1"))).toContain(TEXT[lang].title);
        await view.locator(".category-table").waitFor();
        // Header: the reporting year in the port's style, computed-at in the port's zone.
        expect(await view.locator(".inventory-facts").getAttribute("data-label")).toBe(p.label);
        expect(await visibleText(view.locator('select[name="year"] option:checked'))).toContain(
          lang === "ja" ? p.ja : p.label,
        );
        expect(await visibleText(view.locator('.inventory-facts [data-field="computed-at"]'))).toMatch(
          p.zone,
        );
        expect(await visibleText(view.locator('.inventory-facts [data-field="calls"] dd'))).toMatch(/[1-9]/);
        // The waits at anchor, as the API measured them, in the reader's language.
        const api = (await (
          await fetch(`${server.baseUrl}/api/ports/${port}/emissions/inventory?year=${YEAR}`, {
            headers: server.adminHeaders,
          })
        ).json()) as { meta: { anchorage: { calls: number } } };
        const anchorage = await visibleText(view.locator('.inventory-facts [data-field="anchorage"]'));
        expect(anchorage).toContain(lang === "ja" ? "錨泊待ち" : "Waiting at anchor");
        expect(anchorage).toContain(
          lang === "ja" ? `入港 ${api.meta.anchorage.calls} 件` : `${api.meta.anchorage.calls} calls`,
        );
        // Warnings are stored as codes and worded in the reader's language (the CHE note holds every year).
        await view.locator(".inventory-warnings summary").click();
        expect(
          await visibleText(view.locator('.inventory-warnings li[data-code="che_ch4_n2o_not_estimated"]')),
        ).toContain(
          lang === "ja" ? "荷役機械: CH4 と N2O は推計していません" : "CHE: CH4 and N2O are not estimated",
        );

        // The category table: OGV figures are non-zero, every pollutant column carries its unit.
        const ogv = view.locator('.category-table tr[data-category="ogv"]');
        expect(await visibleText(ogv.locator("th"))).toContain(TEXT[lang].ogv);
        for (const pol of ["nox", "co2", "co2e"]) {
          const text = await visibleText(ogv.locator(`td[data-pollutant="${pol}"]`));
          expect(shownNumber(text), `${pol}: ${text}`).toBeGreaterThan(0);
        }
        const units = await view.locator(".category-table thead th .unit").allInnerTexts();
        expect(units).toHaveLength(11);
        expect(new Set(units)).toEqual(new Set([TEXT[lang].unit]));
        expect(await visibleText(view.locator('.category-table thead th[data-pollutant="so2"]'))).toContain(
          TEXT[lang].so2,
        );
        expect(await visibleText(view.locator(".category-table tfoot"))).toMatch(/[1-9]/);
        await poll(() => view.locator(".category-bar rect").count()).toBeGreaterThan(0);
        expect(await view.locator(".monthly-chart g[data-month]").count()).toBe(12);

        // Progress: one target with its baseline (chart with points), the others with the command.
        expect(await visibleText(view.locator(".emissions-progress h2"))).toBe(TEXT[lang].progress);
        const withBaseline = view.locator(
          `.target-card[data-pollutant="${p.withBaseline}"][data-has-baseline="true"]`,
        );
        await poll(() => withBaseline.count()).toBeGreaterThan(0);
        expect(await withBaseline.first().locator(".progress-chart g[data-year]").count()).toBeGreaterThan(0);
        expect(await visibleText(withBaseline.first().locator(".progress-table tbody"))).toMatch(/−50\.0 %/);
        const missing = view.locator('.target-card[data-has-baseline="false"]');
        if (port === "USLAX") {
          expect(await missing.count()).toBeGreaterThan(0);
          expect(await visibleText(missing.first())).toContain(TEXT[lang].noBaseline);
          expect(await visibleText(missing.first().locator("pre.cli"))).toContain(
            "npx sisterports emissions baseline set --port USLAX --pollutant",
          );
        }

        // Units: US short tons, kept in the address.
        await view.locator('.units-switch button[data-units="short_ton"]').click();
        await poll(() => new URL(page.url()).searchParams.get("units")).toBe("short_ton");
        expect(new Set(await view.locator(".category-table thead th .unit").allInnerTexts())).toEqual(
          new Set([TEXT[lang].shortTon]),
        );
        await view.locator('.units-switch button[data-units="t"]').click();
        await poll(() => new URL(page.url()).searchParams.get("units")).toBeNull();

        // Pollutant from its column heading, kept in the address; the bar and the sources follow.
        await view.locator('.category-table thead th[data-pollutant="co2e"] button').click();
        await poll(() => new URL(page.url()).searchParams.get("pollutant")).toBe("co2e");
        await poll(() => view.locator(".category-bar").getAttribute("data-pollutant")).toBe("co2e");

        // Largest sources: OGV calls first, each linking to its call.
        await poll(() => view.locator(".sources-table tbody tr").count()).toBeGreaterThan(0);
        await view.locator('select[name="category"]').selectOption("ogv");
        await poll(() => new URL(page.url()).searchParams.get("category")).toBe("ogv");
        await poll(async () => {
          const cats = await view
            .locator(".sources-table tbody tr")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
          return cats.length > 0 && cats.every((c) => c === "ogv");
        }).toBe(true);
        // Cargo-handling equipment: a unit's row expands to its computation, month by month in the
        // port's reporting year, with the page's pollutant's steps (CO2e: its CO2 steps) and sources.
        await view.locator('select[name="category"]').selectOption("che");
        expect(await visibleText(view.locator('select[name="category"] option:checked'))).toBe(
          TEXT[lang].che,
        );
        const cheRows = view.locator(".sources-table tbody tr[data-category]");
        await poll(async () => {
          const cats = await cheRows.evaluateAll((els) => els.map((e) => e.getAttribute("data-category")));
          return cats.length > 0 && cats.every((c) => c === "che");
        }).toBe(true);
        const unitRow = cheRows.first();
        await unitRow.locator("td").last().click();
        await poll(() => unitRow.locator(".expand-button").getAttribute("aria-expanded")).toBe("true");
        const trace = view.locator(".sources-table .source-trace");
        await poll(() => trace.getAttribute("data-state")).toBe("ready");
        const months = trace.locator(".source-activity-table thead th[data-month]");
        expect(await months.count()).toBe(12);
        expect(await visibleText(months.first())).toContain(p.firstMonth[lang]);
        expect(await visibleText(trace.locator('.source-activity-table tr[data-row="activity"] th'))).toBe(
          TEXT[lang].activity,
        );
        const cheSteps = trace.locator(".trace-step");
        await poll(() => cheSteps.count()).toBeGreaterThan(0);
        expect(await cheSteps.first().getAttribute("data-pollutant")).toBe("co2");
        expect(await visibleText(cheSteps.first().locator("td.trace-what"))).toMatch(TEXT[lang].cheWhat);
        expect(await visibleText(cheSteps.first().locator(".formula"))).toMatch(/×.*g\/(bhp-hr|kWh).*=/);
        expect((await visibleText(cheSteps.first().locator(".source-text"))).length).toBeGreaterThan(10);
        // The steps follow the pollutant chosen on the page (the unit stays open while on the page; the
        // largest NOx unit may be another one, then it is opened).
        await view.locator('.category-table thead th[data-pollutant="nox"] button').click();
        const byNox = await fetch(
          `${server.baseUrl}/api/ports/${port}/emissions/sources?year=${YEAR}&category=che&pollutant=nox&limit=1&offset=0`,
          { headers: server.adminHeaders },
        );
        const firstByNox = ((await byNox.json()) as { sources: { sourceId: string }[] }).sources[0]!.sourceId;
        await poll(() => cheRows.first().getAttribute("data-source")).toBe(firstByNox);
        if ((await cheRows.first().locator(".expand-button").getAttribute("aria-expanded")) !== "true")
          await cheRows.first().locator(".expand-button").click();
        await poll(async () => {
          const ps = await cheSteps.evaluateAll((els) => els.map((e) => e.getAttribute("data-pollutant")));
          return ps.length > 0 && ps.every((x) => x === "nox");
        }).toBe(true);
        expect(await visibleText(cheSteps.first().locator(".formula"))).toMatch(/×.*g\/(bhp-hr|kWh).*=/);
        await view.locator(".emissions-sources").screenshot({
          path: path.join(SHOTS, `emissions-${lang}-${port}-source.png`),
        });
        // Month by month on request, each factor's source listed once below.
        await trace.locator("button.months-toggle").click();
        expect(await visibleText(trace.locator("button.months-toggle"))).toBe(TEXT[lang].showYear);
        await poll(() => trace.locator(".source-months-table th[scope=row]").count()).toBe(12);
        expect(await visibleText(cheSteps.first().locator(".formula"))).toMatch(/g\/(bhp-hr|kWh)/);
        expect(await trace.locator(".source-notes li").count()).toBeGreaterThan(0);
        await view.locator('.category-table thead th[data-pollutant="co2e"] button').click();
        await poll(() => new URL(page.url()).searchParams.get("pollutant")).toBe("co2e");
        // Exports.
        const csv = await view.locator('.export-links a[data-format="csv"]').getAttribute("href");
        expect(csv).toContain(`year=${YEAR}`);
        const exported = await fetch(`${server.baseUrl}${csv}`, { headers: server.adminHeaders });
        expect(exported.status).toBe(200);
        expect((await exported.text()).split("\n")[0]).toContain("nox_t");
        await view.locator('select[name="category"]').selectOption("");
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(`emissions-${lang}-${port}`);

        // One call's computation: totals by engine group, particulars, a segment's trace steps.
        await view.locator('select[name="category"]').selectOption("ogv");
        const link = view.locator(".sources-table tbody tr a").first();
        await link.click();
        await poll(() => new URL(page.url()).hash).toBe("#emissions");
        expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/ports/${port}/calls/`));
        const section = page.locator("section#emissions.call-emissions");
        await poll(() => section.getAttribute("data-state")).toBe("ready");
        expect(await visibleText(section.locator("h2").first())).toBe(TEXT[lang].emissions);
        expect(await visibleText(section.locator('.component-table tr[data-component="main"] th'))).toBe(
          TEXT[lang].mainEngine,
        );
        const totalNox = await visibleText(
          section.locator('.component-table tfoot td[data-pollutant="nox"]'),
        );
        expect(shownNumber(totalNox)).toBeGreaterThan(0);
        expect(await section.locator(".particulars-table tbody tr").count()).toBeGreaterThan(3);
        // Expand the first segment that emits (not an AIS gap).
        const seg = section
          .locator('.emission-segments-table tbody tr[data-segment]:not([data-mode="unknown"])')
          .first();
        // The segment's EPA mode, in the page's language.
        expect(await visibleText(seg.locator("th .muted.small"))).toMatch(TEXT[lang].epaMode);
        await seg.locator(".expand-button").click();
        await poll(() => seg.locator(".expand-button").getAttribute("aria-expanded")).toBe("true");
        const steps = section.locator(".trace-row .trace-step");
        await poll(() => steps.count()).toBeGreaterThan(0);
        const step = await visibleText(steps.first().locator(".formula"));
        expect(step).toMatch(/×.*=/);
        expect((await visibleText(steps.first().locator("td").last())).length).toBeGreaterThan(3);
        // Only one pollutant's steps.
        await section.locator('select[name="trace-pollutant"]').selectOption("nox");
        await poll(async () => {
          const ps = await steps.evaluateAll((els) => els.map((e) => e.getAttribute("data-pollutant")));
          return ps.length > 0 && ps.every((x) => x === "nox");
        }).toBe(true);
        // What emits and the adjustments read in the page's language.
        for (const what of await steps.locator("td.trace-what").allInnerTexts())
          expect(what.trim()).toMatch(TEXT[lang].ogvWhat);
        // Adjustments (in brackets in the formula; at low load the main engine's LLAF and Tier III rule).
        for (const formula of await steps.locator(".formula").allInnerTexts())
          for (const m of formula.matchAll(/\(([^)]*)\)/g))
            expect(`(${m[1]})`).toMatch(TEXT[lang].ogvAdjustment);
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: path.join(SHOTS, `emissions-${lang}-${port}-call.png`) });
      });
    }
  }

  it("Recompute replaces the inventory and shows its new time", async () => {
    await page.goto(`${server.baseUrl}/ports/USLAX/emissions?year=${YEAR}`);
    await useLanguage("en");
    const facts = page.locator('.inventory-facts [data-field="computed-at"] dd');
    await facts.waitFor();
    const before = await visibleText(facts);
    const posted = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes("/emissions/inventory/compute"),
    );
    await page.locator("button.recompute").click();
    expect((await posted).status()).toBe(200);
    await poll(() => page.locator("button.recompute").isDisabled()).toBe(false);
    await poll(() => page.locator(".inventory-facts .fresh").count()).toBe(1);
    expect(await visibleText(facts)).toMatch(PORTS.USLAX.zone);
    expect(before).toMatch(PORTS.USLAX.zone);
  });

  it("no console errors, failed requests or HTTP errors", () => {
    expect(problems).toEqual([]);
  });
});
