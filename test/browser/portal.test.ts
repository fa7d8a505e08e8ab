/**
 * The portal as a user meets it: the real server (temporary SQLite, built web/dist) driven by
 * Debian's chromium through playwright-core, in English and Japanese. Screenshots go to
 * test-output/screenshots/ (gitignored) for people to look at.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { launchChromium, SHOTS, screenshot, visibleText, watchPage } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Named {
  en: string;
  ja: string;
}
interface PortDetail {
  locode: string;
  name: Named;
  timeZone: string;
  attribution: string[];
  terminals: { id: string; name: Named; berths: { id: string; berth: string; name: Named }[] }[];
}

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const ports = new Map<string, PortDetail>();
const problems: string[] = [];

const shot = (name: string, fullPage = false) => screenshot(page, name, fullPage);

/** Waits until every map on the page has loaded and drawn its first complete frame. */
async function mapsDrawn(count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.map-canvas[data-map-state="loaded"][data-map-idle="true"]').length >= n,
    count,
    { timeout: 30_000 },
  );
}

/** Share of a map's pixels that are not its most common colour (the empty background), controls hidden. */
async function inkedShare(map: Locator): Promise<number> {
  const png = await map.screenshot({ style: ".maplibregl-control-container { display: none !important; }" });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const pixels = data.length / 4;
    return 1 - Math.max(...counts.values()) / pixels;
  }, png.toString("base64"));
}

/** Minutes since midnight that Node (with full ICU) gives for `timeZone` now. */
function expectedMinutes(timeZone: string): number {
  const [h, m] = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(new Date())
    .split(":")
    .map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

async function expectLocalTime(clock: Locator, timeZone: string): Promise<void> {
  const text = (await clock.locator("time").textContent()) ?? "";
  const match = /^(\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  expect(match, `clock for ${timeZone} shows "${text}"`).not.toBeNull();
  const shown = Number(match?.[1]) * 60 + Number(match?.[2]);
  const diff = Math.abs(shown - expectedMinutes(timeZone));
  // Allow a minute boundary between reading the page and computing here (and midnight wrap).
  expect(Math.min(diff, 1440 - diff)).toBeLessThanOrEqual(1);
}

const bodyText = (): Promise<string> => visibleText(page.locator("body"));

describe("portal in the browser", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    for (const locode of ["USLAX", "JPNGO"]) {
      const res = await fetch(`${server.baseUrl}/api/ports/${locode}`);
      ports.set(locode, (await res.json()) as PortDetail);
    }
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    page = await context.newPage();
    watchPage(page, problems);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens on both ports in English: names, local times, terminals and drawn maps", async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.locator(".port-card").nth(1).waitFor();
    const text = await bodyText();
    expect(text).toContain("Sister Ports Exchange");
    for (const port of ports.values()) {
      expect(text).toContain(port.name.en);
      const card = page.locator(`.port-card[data-locode="${port.locode}"]`);
      await expectLocalTime(card.locator(`[data-timezone="${port.timeZone}"]`), port.timeZone);
      await expectLocalTime(
        page.locator(`.port-switcher [data-locode="${port.locode}"] [data-timezone="${port.timeZone}"]`),
        port.timeZone,
      );
      await expect
        .poll(() => visibleText(card.locator(".terminal-list")))
        .toContain(port.terminals[0]?.name.en);
      for (const terminal of port.terminals) expect(await visibleText(card)).toContain(terminal.name.en);
    }
    await mapsDrawn(2);
    for (const map of await page.locator(".map-canvas").all()) {
      expect(await map.locator("canvas.maplibregl-canvas").count()).toBe(1);
      expect(await inkedShare(map)).toBeGreaterThan(0.05);
    }
    expect(await bodyText()).toContain("© OpenStreetMap contributors");
    await shot("en-overview");
  });

  it("switches to 日本語, remembers it, and shows Japanese names and navigation", async () => {
    await page.getByRole("button", { name: "日本語" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("ja");
    const text = await bodyText();
    for (const want of ["名古屋港", "ロサンゼルス港", "姉妹港エクスチェンジ", "概要", "データと出典"])
      expect(text).toContain(want);
    const nav = await visibleText(page.locator(".main-nav"));
    expect(nav).toContain("概要");
    expect(nav).toContain("データと出典");
    expect(nav).not.toContain("Overview");
    for (const port of ports.values())
      for (const terminal of port.terminals) expect(text).toContain(terminal.name.ja);

    await page.reload();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("ja");
    await page.locator(".port-card").nth(1).waitFor();
    await mapsDrawn(2);
    expect(await bodyText()).toContain("名古屋港");
    await shot("ja-overview");
  });

  for (const lang of ["ja", "en"] as const) {
    for (const locode of ["USLAX", "JPNGO"]) {
      it(`port page ${locode} in ${lang}: terminals, berths and the map`, async () => {
        const port = ports.get(locode);
        if (!port) throw new Error(`no API data for ${locode}`);
        const wanted = lang === "ja" ? "日本語" : "English";
        await page.getByRole("button", { name: wanted }).click();
        await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang);
        // Through the port switcher in the header, as a user would.
        await page.locator(`.port-switcher a[data-locode="${locode}"]`).click();
        await expect.poll(() => page.url()).toBe(`${server.baseUrl}/ports/${locode}`);
        await page.locator(".terminals-table").waitFor();
        await expect.poll(() => visibleText(page.locator("h1"))).toContain(port.name[lang]);

        const terminals = await visibleText(page.locator(".terminals-table tbody"));
        for (const terminal of port.terminals) expect(terminals).toContain(terminal.name[lang]);
        const berths = port.terminals.flatMap((t) => t.berths);
        expect(berths.length).toBeGreaterThan(0);
        expect(await page.locator(".berths-table tbody tr").count()).toBe(berths.length);
        const berthText = await visibleText(page.locator(".berths-table tbody"));
        for (const berth of berths) {
          expect(berthText).toContain(berth.berth);
          expect(berthText).toContain(berth.name[lang]);
        }
        const credits = await visibleText(page.locator(".credits"));
        for (const line of port.attribution) expect(credits).toContain(line);

        await mapsDrawn(1);
        expect(await inkedShare(page.locator(".map-canvas"))).toBeGreaterThan(0.05);

        // "Show on map" zooms to the terminal and opens its popup, in the chosen language.
        const first = port.terminals[0];
        await page.locator(".terminals-table tbody tr").first().getByRole("button").click();
        const popup = page.locator(".maplibregl-popup .map-popup");
        await popup.waitFor();
        expect(await visibleText(popup)).toContain(first?.name[lang]);
        expect(await visibleText(popup)).toContain(
          lang === "ja" ? "コンテナターミナル" : "Container terminal",
        );
        await page.waitForTimeout(800); // let the zoom animation finish
        await shot(`${lang}-port-${locode}`);

        // A click on the map itself: the terminal now sits centred in the map's left part (PortMap's
        // focus padding), so close the popup and click there.
        await page.locator(".maplibregl-popup-close-button").click();
        await expect.poll(() => popup.count()).toBe(0);
        const box = await page.locator(".map-canvas").boundingBox();
        if (!box) throw new Error("map has no box");
        const right = Math.min(380, box.width / 2);
        await page.mouse.click(box.x + (40 + box.width - right) / 2, box.y + box.height / 2);
        await popup.waitFor();
        expect(await visibleText(popup)).toContain(first?.name[lang]);
        await shot(`${lang}-port-${locode}-full`, true);
      });
    }
  }

  it("lists the data sources with their credits", async () => {
    await page.locator(".main-nav a[href='/about']").click();
    await page.locator(".sources-table").first().waitFor();
    const text = await bodyText();
    expect(text).toContain("Data & sources");
    expect(text).toContain("© OpenStreetMap contributors");
    expect(await page.locator(".sources-table").count()).toBe(2);
    await shot("en-about");
  });

  it("side by side on a node not set up for the exchange: says how to set it up", async () => {
    await page.goto(`${server.baseUrl}/exchange/compare`);
    const notice = page.locator('[data-state="no-node"]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain("npx sisterports demo exchange");
    expect(await page.locator(".ex-compare-table").count()).toBe(0);
  });

  it("left no console errors, failed requests or error responses", () => {
    expect(problems).toEqual([]);
  });
});
