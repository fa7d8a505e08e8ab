/**
 * The Alerts panel of the Operations page: a subscription whose receiver answered 410 Gone is shown
 * stopped with the reason, re-enabled with its button (PATCH, with the session's CSRF token), then
 * disabled again — in English and Japanese. Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertSubscription, createSubscription } from "../../src/operations/index.ts";
import { PORT } from "../helpers/operations.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSignedInPage, pollWithin, SHOTS, screenshot, switchLanguage, visibleText } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const poll = pollWithin(20_000);
const problems: string[] = [];
let server: TestServer;
let browser: Browser;
let page: Page;
let sub: AlertSubscription | null;

describe("alert subscriptions in the portal", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    const alerts = server.store.operations.alerts;
    // Subscribed (the URL's host checked: a public name that does not resolve here passes), then
    // stopped by its receiver's 410 Gone, as the sender records it.
    const made = await createSubscription(
      alerts,
      PORT,
      {
        url: "https://hooks.dispatch.example/sp",
        owner: "Dispatch desk",
        kinds: { "dwell.exceeded": { thresholdDays: 5 } },
      },
      Math.floor(Date.now() / 1000) - 86_400,
      { check: async () => undefined },
    );
    await alerts.disableSubscription(made.id, "the receiver answered 410 Gone at 2026-12-01T00:00:00Z");
    sub = await alerts.subscription(made.id);
    ({ browser, page } = await openSignedInPage((await server.signIn("analyst")).cookie, problems));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ["en", "ja"] as const) {
    it(`re-enables and disables a subscription with its button (${lang})`, async () => {
      const T =
        lang === "en"
          ? {
              enable: "Re-enable",
              disable: "Disable",
              stopped: "stopped: the receiver answered 410 Gone",
              from: "alerts from",
            }
          : {
              enable: "再開",
              disable: "停止",
              stopped: "停止: disabled by", // the English run left it disabled by the analyst
              from: "以降のアラートを配信",
            };
      await page.goto(`${server.baseUrl}/ports/USLAX/operations`);
      await switchLanguage(page, lang, 20_000);
      const card = page.locator(`[data-subscription="${sub?.id}"]`);
      await card.waitFor({ timeout: 30_000 });
      if ((await card.getAttribute("data-active")) === "true") {
        await card.locator('[data-action="disable"]').click(); // left on by the other language's run
        await poll(() => card.getAttribute("data-active")).toBe("false");
      }
      expect(await visibleText(card.locator("h3"))).toContain(T.stopped);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `operations-alerts-stopped-${lang}`, false);

      await card.getByRole("button", { name: T.enable }).click();
      await poll(() => card.getAttribute("data-active")).toBe("true");
      expect(await visibleText(card.locator("h3"))).toContain(T.from);
      const stored = await server.store.operations.alerts.subscription(sub?.id ?? "");
      expect(stored).toMatchObject({ active: true, disabledReason: null });
      expect(stored?.sinceS).toBeGreaterThan(sub?.sinceS ?? 0);
      await screenshot(page, `operations-alerts-enabled-${lang}`, false);

      await card.getByRole("button", { name: T.disable }).click();
      await poll(() => card.getAttribute("data-active")).toBe("false");
      expect((await server.store.operations.alerts.subscription(sub?.id ?? ""))?.disabledReason).toMatch(
        /^disabled by /,
      );
      expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    });
  }
});
