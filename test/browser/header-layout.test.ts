/**
 * The portal's header at 1280 × 800 (a common laptop width), in English and Japanese, signed out and
 * signed in as an administrator (the widest sign-in block): every navigation entry on one row, that
 * row clear of the brand, the sign-in block and the language switch, and nothing beyond the window.
 * Screenshots go to test-output/screenshots/header-*.png.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { launchChromium, SHOTS, switchLanguage, watchPage } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WIDTH = 1280;
const HEIGHT = 800;

let server: TestServer;
let browser: Browser;
const problems: string[] = [];

/** Boxes of the header's parts, as the page lays them out. */
function headerBoxes(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
    };
    return {
      links: [...document.querySelectorAll(".main-nav a")].map((a) => box(a)!),
      nav: box(document.querySelector(".main-nav")),
      others: [".brand", ".sign-in", ".lang-switch"].map((s) => box(document.querySelector(s))),
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

describe("the header at 1280 px", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web`");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const signedIn of [false, true])
    for (const lang of ["en", "ja"] as const)
      it(`${lang}, ${signedIn ? "signed in as an administrator" : "signed out"}: the navigation is one row`, async () => {
        const context = await browser.newContext({
          viewport: { width: WIDTH, height: HEIGHT },
          locale: "en-US",
        });
        if (signedIn) await context.addCookies([(await server.signIn("admin")).cookie]);
        const page = await context.newPage();
        watchPage(page, problems, { ignoreAborted: true });
        await page.goto(`${server.baseUrl}/`);
        await switchLanguage(page, lang, 20_000);
        await page.locator(signedIn ? ".sign-in.signed-in" : ".sign-in button").waitFor();
        const b = await headerBoxes(page);
        expect(b.links.length).toBe(9);
        // One row: every entry at the first entry's height.
        const tops = new Set(b.links.map((l) => Math.round(l.top)));
        expect([...tops]).toHaveLength(1);
        // Clear of the other parts of the header (no overlap), and inside the window.
        for (const o of b.others) {
          expect(o).not.toBeNull();
          const overlaps = b.links.some(
            (l) => l.left < o!.right && o!.left < l.right && l.top < o!.bottom && o!.top < l.bottom,
          );
          expect(overlaps).toBe(false);
          expect(o!.right).toBeLessThanOrEqual(WIDTH);
        }
        expect(Math.max(...b.links.map((l) => l.right))).toBeLessThanOrEqual(WIDTH);
        expect(b.scrollWidth).toBeLessThanOrEqual(WIDTH);
        await page.screenshot({
          path: path.join(SHOTS, `header-${lang}-${signedIn ? "admin" : "public"}.png`),
          clip: { x: 0, y: 0, width: WIDTH, height: 240 },
        });
        await context.close();
      });

  it("on a 390 px phone the entries wrap below the brand, and nothing is wider than the screen", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: "en-US" });
    await context.addCookies([(await server.signIn("admin")).cookie]);
    const page = await context.newPage();
    watchPage(page, problems, { ignoreAborted: true });
    await page.goto(`${server.baseUrl}/`);
    await page.locator(".sign-in.signed-in").waitFor();
    const b = await headerBoxes(page);
    const brand = b.others[0]!;
    expect(Math.min(...b.links.map((l) => l.top))).toBeGreaterThanOrEqual(brand.bottom);
    expect(b.scrollWidth).toBeLessThanOrEqual(390);
    await page.screenshot({
      path: path.join(SHOTS, "header-en-phone.png"),
      clip: { x: 0, y: 0, width: 390, height: 320 },
    });
    await context.close();
  });

  it("no console errors, failed requests or HTTP errors", () => {
    expect(problems).toEqual([]);
  });
});
