/**
 * Port calls in the portal: a small demo world loaded into the real server, its calls detected,
 * then the calls page (table, filters, paging, anchorage queue, speed-zone compliance) and a call's
 * detail (timeline, track on the map, key times, DCSA timestamps) driven in chromium, in English and
 * Japanese. Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateCalls } from "../../src/calls/index.ts";
import { callServiceDeps, loadDemoIfEmpty } from "../../src/cli/demo-load.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSignedInPage, pollWithin, SHOTS, screenshot, switchLanguage, visibleText } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const END = new Date("2026-11-20T00:00:00Z");
// Days in the ports' zones that cover the demo data (it ends at END); the default view is the last
// 30 days before now, which would miss it once the calendar moves on.
const DAYS = "from=2026-11-17&to=2026-11-20";

let server: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const poll = pollWithin(20_000);

const shot = (name: string, fullPage = true) => screenshot(page, name, fullPage);

const useLanguage = (lang: "en" | "ja") => switchLanguage(page, lang, 20_000);

const rows = () => page.locator(".calls-table tbody tr");
const total = async () => Number((await page.locator(".call-count").getAttribute("data-total")) || -1);

const TEXT = {
  en: {
    nav: "Port calls",
    title: "Port calls",
    transit: "Transit",
    berth: "At berth (hotelling)",
    keyTimes: "Arrival at berth",
    compliance: "Speed-zone compliance",
    zone: /(PST|UTC−8)/,
  },
  ja: {
    nav: "入出港",
    title: "入出港",
    transit: "航行",
    berth: "着岸（停泊）",
    keyTimes: "着岸",
    compliance: "減速区域の遵守状況",
    zone: /(PST|UTC−8)/,
  },
} as const;

describe("port calls in the portal", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    await loadDemoIfEmpty(server.store.ais, { seed: 1, days: 1, scale: 0.5, end: END });
    await updateCalls(await callServiceDeps(server.store));
    // Parts of this page are for analysts (issue 14): the browser signs in as one.
    ({ browser, page } = await openSignedInPage((await server.signIn("analyst")).cookie, problems));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the navigation opens the first port's calls", async () => {
    await page.goto(`${server.baseUrl}/?lang=en`);
    await page.locator(".main-nav").getByRole("link", { name: TEXT.en.nav }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/ports/USLAX/calls");
    await page.locator(".calls-page h1").waitFor();
  });

  for (const lang of ["en", "ja"] as const) {
    it(`USLAX in ${lang}: table, filters, sorting, paging, queue, compliance, then a call's detail`, async () => {
      await page.goto(`${server.baseUrl}/ports/USLAX/calls?${DAYS}`);
      await useLanguage(lang);
      expect(await visibleText(page.locator(".calls-page h1"))).toContain(TEXT[lang].title);
      await poll(total).toBeGreaterThan(0);
      const all = await total();
      await poll(() => rows().count()).toBe(Math.min(all, 20));
      // Times in the port's zone, with its label.
      expect(await visibleText(rows().first())).toMatch(TEXT[lang].zone);

      // Sorting by hours at berth, longest first (second click).
      const berthHeader = page.locator('.calls-table button[data-sort="berthH"]');
      await berthHeader.click();
      await berthHeader.click();
      const hours = async () =>
        (await page.locator(".calls-table tbody tr td:nth-child(6)").allInnerTexts()).map((s) =>
          Number(s.replace(/[^\d.]/g, "")),
        );
      await poll(async () => {
        const h = await hours();
        return h.every((v, i) => i === 0 || (h[i - 1] ?? 0) >= v);
      }).toBe(true);

      // Paging when there are more calls than a page.
      if (all > 20) {
        await page.locator(".pager button").last().click();
        await poll(() => rows().count()).toBe(Math.min(all - 20, 20));
        await page.locator(".pager button").first().click();
      }

      // The anchorage queue and the compliance table.
      await page.locator(".queue-chart path").waitFor();
      expect(Number(await page.locator(".queue-chart").getAttribute("data-points"))).toBeGreaterThan(10);
      expect(await visibleText(page.locator(".speed-compliance h2"))).toBe(TEXT[lang].compliance);
      await poll(() => page.locator(".compliance-table tbody tr").count()).toBeGreaterThan(0);
      expect(await visibleText(page.locator(".compliance-table tbody"))).toMatch(/\d %/);
      await page.locator('.speed-compliance button[data-group-by="vessel"]').click();
      await poll(() => page.locator(".speed-compliance").getAttribute("data-group-by")).toBe("vessel");
      await poll(() => page.locator(".compliance-table tbody tr").count()).toBeGreaterThan(0);
      await shot(`calls-${lang}-list`);

      // Filter by vessel type: every row is of that type, fewer or as many calls.
      const groups = new Set(
        await page
          .locator(".calls-table tbody td[data-group]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-group"))),
      );
      const pick = groups.has("tanker") ? "tanker" : [...groups][0];
      await page.locator('select[name="type"]').selectOption(pick ?? "");
      await poll(() => new URL(page.url()).searchParams.get("type")).toBe(pick);
      await poll(async () => {
        const g = await page
          .locator(".calls-table tbody td[data-group]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-group")));
        return g.length > 0 && g.every((x) => x === pick);
      }).toBe(true);
      const byType = await total();
      expect(byType).toBeLessThanOrEqual(all);

      // Filter by terminal (type cleared): every row at that terminal.
      await page.locator('select[name="type"]').selectOption("");
      await poll(total).toBe(all);
      const terminal = await rows().first().locator("td[data-terminal]").getAttribute("data-terminal");
      expect(terminal).toBeTruthy();
      await page.locator('select[name="terminal"]').selectOption(terminal ?? "");
      await poll(async () => {
        const ts = await page
          .locator(".calls-table tbody td[data-terminal]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-terminal")));
        return ts.length > 0 && ts.every((x) => x === terminal);
      }).toBe(true);
      expect(await total()).toBeLessThan(all);
      await shot(`calls-${lang}-filtered`, false);

      // Date range outside the data: nothing listed.
      await page.locator('select[name="terminal"]').selectOption("");
      await page.locator('input[name="from"]').fill("2026-10-01");
      await page.locator('input[name="to"]').fill("2026-10-02");
      await poll(total).toBe(0);
      await page.locator('input[name="from"]').fill("2026-11-17");
      await page.locator('input[name="to"]').fill("2026-11-20");
      await poll(total).toBe(all);

      // Open the call with the longest anchorage wait (a timeline with an anchor segment when there is one).
      const waitHeader = page.locator('.calls-table button[data-sort="waitH"]');
      await waitHeader.click();
      await waitHeader.click();
      const first = rows().first();
      const id = await first.getAttribute("data-call");
      const trackCall = page.waitForRequest((r) => /\/api\/vessels\/\d+\/track\?/.test(r.url()));
      await first.click();
      await poll(() => decodeURIComponent(new URL(page.url()).pathname)).toBe(`/ports/USLAX/calls/${id}`);
      const detail = page.locator(".call-page");
      await poll(() => detail.locator(".call-timeline rect.segment").count()).toBeGreaterThan(0);
      const modes = await detail
        .locator(".call-timeline rect.segment")
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-mode")))]);
      expect(modes).toContain("at_berth");
      expect(await visibleText(detail.locator(".call-timeline"))).toContain(TEXT[lang].berth);
      expect(await visibleText(detail.locator(".call-timeline"))).toMatch(TEXT[lang].zone);
      // The track for the call's span, drawn on the port map.
      const req = new URL((await trackCall).url());
      expect(req.searchParams.get("from")).not.toBeNull();
      await poll(async () =>
        Number((await detail.locator(".track-summary").getAttribute("data-points")) || 0),
      ).toBeGreaterThan(10);
      const map = detail.locator(".map-canvas");
      await poll(async () => Number((await map.getAttribute("data-track-rendered")) ?? 0), {
        timeout: 40_000,
      }).toBeGreaterThan(0);
      // Key times and DCSA timestamps.
      expect(await visibleText(detail.locator('.key-times tr[data-time="berthArrival"]'))).toContain(
        TEXT[lang].keyTimes,
      );
      expect(await visibleText(detail.locator('.key-times tr[data-time="berthArrival"] td'))).toMatch(
        TEXT[lang].zone,
      );
      await poll(() => detail.locator(".dcsa-table tbody tr").count()).toBeGreaterThan(0);
      await shot(`calls-${lang}-detail`);
    });
  }

  it("JPNGO: calls in Japan Standard Time", async () => {
    await page.goto(`${server.baseUrl}/ports/JPNGO/calls?${DAYS}`);
    await useLanguage("en");
    await poll(total).toBeGreaterThan(0);
    expect(await visibleText(rows().first())).toMatch(/(JST|UTC\+9|GMT\+9)/);
    await rows().first().click();
    await poll(() => page.locator(".call-page .call-timeline rect.segment").count()).toBeGreaterThan(0);
    await poll(async () =>
      Number((await page.locator(".call-page .map-canvas").getAttribute("data-track-rendered")) ?? 0),
    ).toBeGreaterThan(0);
    await shot("calls-en-jpngo-detail");
  });

  it("no console errors, failed requests or HTTP errors", () => {
    expect(problems).toEqual([]);
  });
});
