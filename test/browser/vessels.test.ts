/**
 * Vessels in the portal: AIS of a small fleet in both ports ingested into the real server, then
 * the maps, the particulars panel, the track periods and the vessel list driven in chromium, in
 * English and Japanese. Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "../../src/ais/ingest-cli.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import {
  launchChromium,
  pollWithin,
  SHOTS,
  screenshot,
  switchLanguage,
  visibleText,
  watchPage,
} from "./chromium.ts";
import { FLEET, FLEET_END_S, type FleetVessel, fleetNmea, REPORTS_PER_VESSEL } from "./vessel-fleet.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let server: TestServer;
let browser: Browser;
let page: Page;
let tmp: string;
const problems: string[] = [];

const vessel = (mmsi: number): FleetVessel => {
  const v = FLEET.find((x) => x.mmsi === mmsi);
  if (!v) throw new Error(`no fleet vessel ${mmsi}`);
  return v;
};
// The page loads chunks and data while chromium draws maps on 2 shared cores: give polls time.
const poll = pollWithin(15_000);
const inPort = (locode: string) => FLEET.filter((v) => v.locode === locode);

const shot = (name: string, fullPage = false) => screenshot(page, name, fullPage);

const mapCanvas = () => page.locator(".port-page .map-canvas");

/** Waits for the map to be loaded with vessels drawn, and returns how many are on screen. */
async function vesselsDrawn(map: Locator, atLeast: number): Promise<number> {
  await poll(async () => Number((await map.getAttribute("data-vessels-rendered")) ?? 0), {
    timeout: 30_000,
  }).toBeGreaterThanOrEqual(atLeast);
  return Number(await map.getAttribute("data-vessels-rendered"));
}

/** Where a position is on the map's screen, from the bounds the map reports (Web Mercator). */
async function screenPoint(map: Locator, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const [w, s, e, n] = ((await map.getAttribute("data-bounds")) ?? "").split(",").map(Number);
  const box = await map.boundingBox();
  if (!box || w === undefined || s === undefined || e === undefined || n === undefined)
    throw new Error("map has no bounds");
  const mercY = (d: number) => Math.log(Math.tan(Math.PI / 4 + (d * Math.PI) / 360));
  return {
    x: box.x + ((lon - w) / (e - w)) * box.width,
    y: box.y + ((mercY(n) - mercY(lat)) / (mercY(n) - mercY(s))) * box.height,
  };
}

const useLanguage = (lang: "en" | "ja") => switchLanguage(page, lang, 15_000);

const STATUS = {
  en: { 0: "Under way using engine", 1: "At anchor", 5: "Moored", 7: "Engaged in fishing" },
  ja: { 0: "機関使用中の航行", 1: "錨泊中", 5: "係留中", 7: "漁ろうに従事中" },
} as const;

describe("vessels in the portal", { timeout: 90_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sp-vessels-"));
    const file = path.join(tmp, "fleet.nmea");
    fs.writeFileSync(file, fleetNmea());
    server = await startTestServer();
    const { total } = await ingestFiles(server.store.ais, [file], { progress: false });
    expect(total.rejected).toBe(0);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    page = await context.newPage();
    watchPage(page, problems);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("overview: both small maps show their vessels with a count and the type legend", async () => {
    await page.goto(`${server.baseUrl}/?lang=en`);
    for (const locode of ["USLAX", "JPNGO"]) {
      const card = page.locator(`.port-card[data-locode="${locode}"]`);
      await poll(() => card.locator(".vessel-status").getAttribute("data-vessel-count")).toBe(
        String(inPort(locode).length),
      );
      expect(await vesselsDrawn(card.locator(".map-canvas"), 3)).toBeGreaterThanOrEqual(3);
      const legend = await visibleText(card.locator(".vessel-legend"));
      expect(legend).toContain("Cargo");
      expect(legend).toContain("Tanker");
    }
    await shot("vessels-en-overview");

    // A vessel clicked on a small map opens it on its port's page.
    const nagoya = page.locator('.port-card[data-locode="JPNGO"] .map-canvas');
    const maru = vessel(431000001);
    const at = await screenPoint(nagoya, maru.to[0], maru.to[1]);
    await page.mouse.click(at.x, at.y);
    await poll(() => page.url()).toBe(`${server.baseUrl}/ports/JPNGO?vessel=431000001`);
    await poll(() => visibleText(page.locator(".vessel-panel .vessel-name"))).toBe("NAGOYA MARU");
  });

  for (const lang of ["en", "ja"] as const) {
    it(`USLAX in ${lang}: click a vessel on the map, its particulars, and its track over chosen periods`, async () => {
      await useLanguage(lang);
      await page.locator('.port-switcher a[data-locode="USLAX"]').click();
      const map = mapCanvas();
      await map.and(page.locator('[data-map-idle="true"]')).waitFor({ timeout: 30_000 });
      await poll(() => page.locator(".port-map .vessel-status").getAttribute("data-vessel-count")).toBe(
        String(inPort("USLAX").length),
      );
      expect(await vesselsDrawn(map, 4)).toBeGreaterThanOrEqual(4);
      const legend = await visibleText(page.locator(".port-map .vessel-legend"));
      for (const want of lang === "ja" ? ["貨物船", "タンカー", "旅客船"] : ["Cargo", "Tanker", "Passenger"])
        expect(legend).toContain(want);
      // "as of" in Los Angeles time: 2026-11-18T12:00Z is 04:00 PST.
      expect(await visibleText(page.locator(".port-map .vessel-status"))).toMatch(/04:00 (PST|UTC−8)/);

      // The tanker at anchor, clicked where it is drawn.
      const tanker = vessel(366999702);
      const at = await screenPoint(map, tanker.to[0], tanker.to[1]);
      const trackCall = page.waitForRequest((r) => r.url().includes(`/api/vessels/${tanker.mmsi}/track`));
      await page.mouse.click(at.x, at.y);
      const panel = page.locator(".vessel-panel");
      await panel.waitFor();
      await poll(() => visibleText(panel.locator(".vessel-name"))).toBe("HARBOR STAR");
      await poll(() => visibleText(panel.locator('[data-field="nav-status"] dd'))).toBe(STATUS[lang][1]);
      expect(await visibleText(panel.locator('[data-field="mmsi"] dd'))).toBe("366999702");
      await poll(() => visibleText(panel.locator('[data-field="imo"] dd'))).toBe("9321483");
      expect(await visibleText(panel.locator('[data-field="callsign"] dd'))).toBe("V7AB2");
      expect(await visibleText(panel.locator('[data-field="type"] dd'))).toContain(
        lang === "ja" ? "タンカー" : "Tanker",
      );
      expect(await visibleText(panel.locator('[data-field="destination"] dd'))).toBe("LONG BEACH");
      expect(await visibleText(panel.locator('[data-field="last-report"] dd'))).toMatch(/04:00 (PST|UTC−8)/);
      expect(page.url()).toContain("?vessel=366999702");
      // The default period: the 24 h before the vessel's latest report.
      const first = new URL((await trackCall).url());
      expect(first.searchParams.get("to")).toBe(new Date((FLEET_END_S + 1) * 1000).toISOString());
      expect(first.searchParams.get("from")).toBe(new Date((FLEET_END_S - 86_400) * 1000).toISOString());
      await poll(() => panel.locator(".track-summary").getAttribute("data-points")).toBe("145");

      // The cargo ship coming in: its particulars and its track of the last 3 days.
      await page.goto(`${server.baseUrl}/ports/USLAX?vessel=366999701`);
      await poll(() => visibleText(panel.locator(".vessel-name"))).toBe("PACIFIC TRADER");
      await poll(() => visibleText(panel.locator('[data-field="nav-status"] dd'))).toBe(STATUS[lang][0]);
      await poll(() => panel.locator(".track-summary").getAttribute("data-points")).toBe("145");
      const threeDays = page.waitForRequest((r) => {
        const u = new URL(r.url());
        return u.pathname === "/api/vessels/366999701/track" && u.searchParams.get("from") !== null;
      });
      await panel.locator('.track-presets button[data-hours="72"]').click();
      const req = new URL((await threeDays).url());
      expect(req.searchParams.get("from")).toBe(new Date((FLEET_END_S - 3 * 86_400) * 1000).toISOString());
      await poll(() => panel.locator(".track-summary").getAttribute("data-points")).toBe(
        String(REPORTS_PER_VESSEL),
      );
      // Drawn: at least two speed classes (open sea, then harbour speed) as line pieces on screen.
      await poll(async () => Number((await map.getAttribute("data-track-rendered")) ?? 0), {
        timeout: 15_000,
      }).toBeGreaterThanOrEqual(2);
      expect(await visibleText(panel.locator(".track-summary"))).toContain(
        lang === "ja" ? "433 点" : "433 positions",
      );
      await page.waitForTimeout(800); // the map's fit animation
      await shot(`vessels-${lang}-USLAX-track`);

      // A from/to typed in Los Angeles time goes to the API as UTC: 18 Nov 00:00 PST = 08:00Z.
      const custom = page.waitForRequest((r) => {
        const u = new URL(r.url());
        return (
          u.pathname === "/api/vessels/366999701/track" &&
          (u.searchParams.get("to") ?? "").startsWith("2026-11-18T08")
        );
      });
      await panel.locator('input[name="from"]').fill("2026-11-17T00:00");
      await panel.locator('input[name="to"]').fill("2026-11-18T00:00");
      await panel.locator(".track-custom button[type=submit]").click();
      const c = new URL((await custom).url());
      expect(c.searchParams.get("from")).toBe("2026-11-17T08:00:00.000Z");
      expect(c.searchParams.get("to")).toBe("2026-11-18T08:00:00.000Z");
      await poll(() => panel.locator(".track-summary").getAttribute("data-points")).toBe("145");
      await shot(`vessels-${lang}-USLAX-panel`, true);

      // Closed by Escape in one language, by its button in the other.
      if (lang === "en") await page.keyboard.press("Escape");
      else await panel.locator(".close-button").click();
      await poll(() => panel.count()).toBe(0);
      expect(page.url()).not.toContain("vessel=");
    });

    it(`vessel list for JPNGO in ${lang}: sorted, filtered, a row opens the vessel on the map`, async () => {
      await useLanguage(lang);
      await page.locator(".main-nav a[href='/vessels']").click();
      await poll(() => page.url()).toContain("/ports/USLAX/vessels");
      await page.locator('.port-switcher a[data-locode="JPNGO"]').click();
      await poll(() => page.url()).toBe(`${server.baseUrl}/ports/JPNGO/vessels`);
      const rows = page.locator(".vessels-table tbody tr");
      await poll(() => rows.count()).toBe(inPort("JPNGO").length);
      // Sorted by name; the vessel that broadcast no name comes last.
      const names = await rows.locator("th").allInnerTexts();
      expect(names.slice(0, 4)).toEqual(["CHITA", "ISE BAY", "KAIYO", "NAGOYA MARU"]);
      expect(names[4]).toBe(lang === "ja" ? "船名の送信なし" : "No name broadcast");
      // By speed, fastest first (second click reverses).
      await page.locator('.sort-button[data-sort="speed"]').click();
      await page.locator('.sort-button[data-sort="speed"]').click();
      expect(await rows.first().getAttribute("data-mmsi")).toBe("431000002");
      expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
      expect(await visibleText(page.locator(".vessels-table"))).toContain(STATUS[lang][7]);
      // The last report in Nagoya time: 2026-11-18T12:00Z is 21:00 JST.
      expect(await visibleText(rows.first())).toMatch(/21:00 (JST|UTC\+9)/);
      await shot(`vessels-${lang}-JPNGO-list`);

      await page.locator('select[name="group"]').selectOption("cargo");
      await poll(() => rows.count()).toBe(1);
      await rows.first().click();
      await poll(() => page.url()).toBe(`${server.baseUrl}/ports/JPNGO?vessel=431000001`);
      const panel = page.locator(".vessel-panel");
      await poll(() => visibleText(panel.locator(".vessel-name"))).toBe("NAGOYA MARU");
      await poll(() => visibleText(panel.locator('[data-field="nav-status"] dd'))).toBe(STATUS[lang][5]);
      expect(await visibleText(panel.locator('[data-field="type"] dd'))).toContain(
        lang === "ja" ? "貨物船" : "Cargo",
      );
      expect(await visibleText(panel.locator('[data-field="last-report"] dd'))).toMatch(/21:00 (JST|UTC\+9)/);
      const map = mapCanvas();
      await map.and(page.locator('[data-map-idle="true"]')).waitFor({ timeout: 30_000 });
      expect(await vesselsDrawn(map, 1)).toBeGreaterThanOrEqual(1);
      await poll(() => panel.locator(".track-summary").getAttribute("data-points")).toBe("145");
      await page.waitForTimeout(800);
      await shot(`vessels-${lang}-JPNGO-map`);
    });
  }

  it("left no console errors, failed requests or error responses", () => {
    expect(problems).toEqual([]);
  });
});
