/**
 * The exchange pages in chromium: Nagoya's node is the server, Los Angeles a second store that sends
 * under a finalized agreement the packages of test/helpers/exchange-two-ports.ts (emissions by
 * category and month, port calls, ZE fleet, then a correction); the figures expected are worked out
 * by hand from those rows. Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementTerms, deliver } from "../../src/exchange/fixtures/two-nodes.ts";
import { draftAgreement } from "../../src/exchange/service.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { agreeAndSend, year } from "../helpers/exchange-two-ports.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSignedInPage, pollWithin, SHOTS, screenshot, switchLanguage, visibleText } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const T_COUNTER = { en: "Counter-offer", ja: "対案の提示" } as const;
let clock = Date.now() - 3_600_000;
const tick = () => {
  clock += 1000;
  return new Date(clock);
};
let server: TestServer;
let laDb: TestDatabase;
let la: Store;
let browser: Browser;
let page: Page;
let id = "";
const problems: string[] = [];
const poll = pollWithin(20_000);

describe("the exchange pages", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web`");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    laDb = await testDatabaseKinds()[0]!.create();
    la = openStore({ databaseUrl: laDb.url });
    await la.migrate();
    ({ id } = await agreeAndSend(la.exchange, server.store.exchange, tick));
    ({ browser, page } = await openSignedInPage((await server.signIn("admin")).cookie, problems, 1280));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await la?.close();
    await laDb?.drop();
  });

  const TEXT = {
    en: {
      title: "Sister-port agreements",
      status: "Active · Finalized",
      compare: "Side by side",
      revoke: "Terminate",
    },
    ja: { title: "姉妹港データ共有協定", status: "有効 · 確定", compare: "両港の比較", revoke: "終了" },
  } as const;

  for (const lang of ["en", "ja"] as const) {
    it(`agreements in ${lang}: the list, then one agreement with its log, packages and the admin's actions`, async () => {
      const T = TEXT[lang];
      await page.goto(`${server.baseUrl}/exchange/agreements`);
      await switchLanguage(page, lang, 20_000);
      expect(await visibleText(page.locator(".exchange-page h1"))).toBe(T.title);
      const row = page.locator(`.ex-agreements tr[data-agreement="${id}"]`);
      await row.waitFor();
      expect(await visibleText(row.locator(".ex-status"))).toBe(T.status);
      // 5 packages received (4 + a correction), none sent: Nagoya is the consumer.
      expect(await visibleText(row.locator('[data-count="received"]'))).toBe("5");
      expect(await visibleText(row.locator('[data-count="sent"]'))).toBe("0");
      await screenshot(page, `exchange-${lang}-agreements`, true);

      await row.locator("a").first().click();
      await page.locator(".ex-agreement").waitFor();
      // The six signed messages: request, offer, accept, agree, verify, finalize.
      expect(
        await page
          .locator(".ex-timeline li")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-type"))),
      ).toEqual(["request", "offer", "accept", "agree", "verify", "finalize"]);
      // Package 1 superseded by 4.
      expect(await page.locator('.ex-packages tr[data-seq="1"]').getAttribute("data-current")).toBe("false");
      expect(await page.locator('.ex-packages tr[data-seq="4"]').getAttribute("data-current")).toBe("true");
      // A finalized agreement: the consumer may only terminate (and sync); no other step button.
      expect(
        await page
          .locator(".ex-actions [data-step]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-step"))),
      ).toEqual(["terminate"]);
      expect(await page.locator('.ex-actions [data-action="sync"]').count()).toBe(1);
      expect(await visibleText(page.locator('[data-term="attribution"]'))).toContain("出典：ロサンゼルス港");
      await screenshot(page, `exchange-${lang}-agreement`, true);
    });

    it(`side by side in ${lang}: Los Angeles' figures and their origin`, async () => {
      await page.goto(`${server.baseUrl}/exchange/compare?year=${year}`);
      await switchLanguage(page, lang, 20_000);
      const perCall = page.locator('.ex-compare-table tr[data-metric="co2ePerCall"] td[data-side="peer"]');
      await perCall.waitFor();
      // April (the month both emissions and calls cover): 165 t over 4 calls = 41.25 → "41.3"; wait (3×4 + 1×3)/7 = 2.142857 h → "2.14";
      // ZE share of CHE 3/7 = 42.857 % → "42.9".
      expect(await visibleText(perCall)).toBe("41.3");
      expect(
        await visibleText(
          page.locator('.ex-compare-table tr[data-metric="anchorageWaitH"] td[data-side="peer"]'),
        ),
      ).toBe("2.14");
      expect(
        await visibleText(
          page.locator('.ex-compare-table tr[data-metric="zeShareChe"] td[data-side="peer"]'),
        ),
      ).toBe("42.9");
      // Per TEU over April 165 t / 6,000 TEU = 0.0275; turn the mean over the three terminals' 200
      // visits (100 × 60 + 50 × 90 + 50 × 60) / 200 = 67.5 min.
      expect(
        await visibleText(
          page.locator('.ex-compare-table tr[data-metric="co2ePerTeu"] td[data-side="peer"]'),
        ),
      ).toBe("0.0275");
      expect(
        await visibleText(
          page.locator('.ex-compare-table tr[data-metric="truckTurnMin"] td[data-side="peer"]'),
        ),
      ).toBe("67.5");
      expect(await visibleText(page.locator(".ex-attribution"))).toBe(
        lang === "en" ? "Source: Port of Los Angeles" : "出典：ロサンゼルス港",
      );
      await screenshot(page, `exchange-${lang}-compare`, true);

      await perCall.locator("button").click();
      const origin = page.locator(".ex-origin");
      await origin.waitFor();
      expect(await visibleText(origin.locator('[data-origin="node"]'))).toContain("USLAX");
      expect(await visibleText(origin.locator('[data-origin="agreement"]'))).toBe(id);
      expect(
        await origin.locator("tbody tr").evaluateAll((els) => els.map((e) => e.getAttribute("data-seq"))),
      ).toEqual(["4", "2"]);
      await screenshot(page, `exchange-${lang}-origin`, false);
      await origin.getByRole("button").click();

      // US short tons: 41.25 t ÷ 0.90718474 t per short ton = 45.47 → "45.5".
      await page.locator('input[name="mass"][value="short_ton"]').check();
      await poll(() => visibleText(perCall)).toBe("45.5");
      await poll(() => new URL(page.url()).searchParams.get("mass")).toBe("short_ton");
      // Fiscal basis: Nagoya's period starts in April.
      await page.locator('input[name="basis"][value="fiscal"]').check();
      await poll(() => visibleText(page.locator('.ex-periods [data-side="own"]'))).toContain(
        lang === "en"
          ? `FY${year} (Apr ${year} – Mar ${year + 1}`
          : `${year}年度（${year}年4月〜${year + 1}年3月`,
      );
      await page.locator('input[name="mass"][value="t"]').check();
      await page.locator('input[name="basis"][value="calendar"]').check();
    });

    it(`counter-offer in ${lang}: Los Angeles' request answered with other k, retention, datasets and validity`, async () => {
      // Los Angeles asks Nagoya (this node, the provider) for emissions and port calls, k 3, 365 days.
      const request = await draftAgreement(
        la.exchange,
        agreementTerms({
          provider: "JPNGO",
          consumer: "USLAX",
          datasets: [
            { dataset: "emissions-inventory", aggregation: "category-month", fields: ["co2eTonnes"] },
            { dataset: "port-calls", aggregation: "month", fields: ["calls", "anchorageWaitH"] },
          ],
          validFrom: `${year}-01-01T00:00:00Z`,
          validUntil: `${year + 1}-01-01T00:00:00Z`,
        }),
        tick(),
      );
      const rid = request.state.id;
      await deliver(server.store.exchange, request.message, tick());
      await page.goto(`${server.baseUrl}/exchange/agreements/${rid}`);
      await switchLanguage(page, lang, 20_000);
      await page.locator('.ex-actions [data-step="offer"]').click();
      const form = page.locator("form.ex-counter");
      await form.waitFor();
      expect(await visibleText(form.locator("h2"))).toBe(T_COUNTER[lang]);
      // The form starts from the request's terms.
      expect(await form.locator('input[name="k"]').inputValue()).toBe("3");
      expect(await form.locator('input[name="ds-port-calls"]').isChecked()).toBe(true);
      await form.locator('input[name="k"]').fill("5");
      await form.locator('input[name="retention"]').fill("180");
      await form.locator('input[name="ds-port-calls"]').uncheck();
      await form.locator('input[name="validUntil"]').fill(`${year + 2}-01-01`);
      await screenshot(page, `exchange-${lang}-counter-offer`, true);
      await form.locator('[data-action="send-offer"]').click();
      await poll(() => page.locator(".ex-agreement .ex-status").getAttribute("data-state")).toBe("OFFERED");
      expect(
        await page
          .locator(".ex-timeline li")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-type"))),
      ).toEqual(["request", "offer"]);
      expect(await visibleText(page.locator('[data-term="k"]'))).toBe("5");
      // What this node signed and stored: version 2 with the changed terms, the rest as requested.
      const offered = await server.store.exchange.getNegotiation(rid);
      expect(offered?.terms).toMatchObject({
        version: 2,
        minCellSize: 5,
        retentionDays: 180,
        datasets: [{ dataset: "emissions-inventory", aggregation: "category-month", fields: ["co2eTonnes"] }],
        validFrom: `${year}-01-01T00:00:00Z`,
        validUntil: `${year + 2}-01-01T00:00:00Z`,
        purpose: request.state.terms.purpose,
      });
    });
  }

  it("no console errors, failed requests or HTTP errors", () => {
    expect(problems).toEqual([]);
  });
});
