/**
 * Signing in on the portal (issue 14): the public portal opens with no login, a part for analysts
 * says "sign-in required"; the header's form signs in (wrong password: said so), the part then
 * shows; signing out closes it again. The document carries the security headers, and the page
 * (with its map) raises no CSP violation.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/access/index.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { launchChromium, pollWithin, watchPage } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const poll = pollWithin(20_000);

describe("signing in on the portal", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let password: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web`");
    server = await startTestServer();
    password = (
      await addUser(
        server.store.access,
        { name: "aiko", role: "analyst" },
        { kind: "cli", id: "test" },
        Date.now(),
      )
    ).oneTimePassword;
    browser = await launchChromium();
    // Tokyo (UTC+9, no DST): the audit time filter reads its inputs in the browser's zone.
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: "en-US",
      timezoneId: "Asia/Tokyo",
    });
    page = await context.newPage();
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
    });
    watchPage(page, [], { ignoreAborted: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens with no login; an analysts' part says sign-in required; the document has the security headers", async () => {
    const response = await page.goto(`${server.baseUrl}/ports/USLAX/transition?lang=en`);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await poll(() => page.locator(".restricted").count()).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/ports/USLAX/transition?lang=ja`);
    await poll(() => page.locator(".sign-in button").first().textContent()).toBe("サインイン");
  });

  it("says so on a wrong password, signs in, shows the part, signs out", async () => {
    await page.goto(`${server.baseUrl}/ports/USLAX/transition?lang=en`);
    await page.locator(".sign-in button").click();
    await page.locator('.sign-in input[name="name"]').fill("aiko");
    await page.locator('.sign-in input[name="password"]').fill("not the password");
    await page.locator('.sign-in button[type="submit"]').click();
    await poll(() => page.locator(".sign-in-error").textContent()).toBe("Wrong user name or password.");
    await page.locator('.sign-in input[name="password"]').fill(password);
    await page.locator('.sign-in button[type="submit"]').click();
    await poll(() => page.locator(".sign-in .who").textContent()).toBe("aiko · analyst");
    await poll(() => page.locator(".restricted").count()).toBe(0);
    const cookie = (await page.context().cookies()).find((c) => c.name === "sp_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    await page.locator(".sign-in.signed-in button").click();
    await poll(() => page.locator(".sign-in .who").count()).toBe(0);
    await poll(() => page.locator(".restricted").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("an admin adds an account and a key (each secret shown once), revokes the key, reads the audit", async () => {
    const { oneTimePassword } = await addUser(
      server.store.access,
      { name: "root", role: "admin" },
      { kind: "cli", id: "test" },
      Date.now(),
    );
    await page.goto(`${server.baseUrl}/admin?lang=en`);
    await poll(() => page.locator(".admin-users .restricted").count()).toBe(1);
    await page.locator(".sign-in button").click();
    await page.locator('.sign-in input[name="name"]').fill("root");
    await page.locator('.sign-in input[name="password"]').fill(oneTimePassword);
    await page.locator('.sign-in button[type="submit"]').click();
    await poll(() => page.locator('.admin-users tr[data-user="aiko"]').count()).toBe(1);
    const add = page.locator(".add-user");
    await add.locator('input[name="name"]').fill("kenji");
    await add.locator('select[name="role"]').selectOption("terminal");
    await add.locator('input[name="ports"]').fill("jpngo");
    await add.locator('input[name="owner"]').fill("jpngo-terminal-tobishima");
    await add.locator('button[type="submit"]').click();
    await poll(() => page.locator(".admin-secret code").textContent()).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await poll(() => page.locator('.admin-users tr[data-user="kenji"] td').nth(2).textContent()).toBe(
      "JPNGO",
    );
    const create = page.locator(".create-key");
    await create.locator('input[name="name"]').fill("ACME H2");
    await create.locator('select[name="role"]').selectOption("partner");
    await create.locator('button[type="submit"]').click();
    await poll(() => page.locator(".admin-secret code").textContent()).toMatch(/^spx_[0-9a-f]{16}_/);
    const token = (await page.locator(".admin-secret code").textContent())!;
    const id = token.split("_")[1]!;
    const row = page.locator(`.admin-keys tr[data-key="${id}"]`);
    await row.locator("button").click();
    await poll(() => row.locator("td").last().textContent()).toBe("revoked");
    expect(
      (await fetch(`${server.baseUrl}/api/admin/keys`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(401);
    await poll(() => page.locator('.admin-audit tr[data-action="key.revoke"]').count()).toBeGreaterThan(0);

    // Paging: 230 entries of one action, filtered, read 100 at a time with "Older entries".
    const t0 = Date.parse("2026-12-01T00:00:00.000Z");
    await server.store.access.appendAudit(
      Array.from({ length: 230 }, (_, i) => ({
        id: `page-${String(i).padStart(3, "0")}`,
        at: new Date(t0 + i * 1000).toISOString(),
        actorKind: "cli" as const,
        actorId: "test",
        action: "test.page",
        target: "paging",
        outcome: "ok",
        ip: null,
        detail: null,
      })),
    );
    await page.locator('.audit-filter input[name="action"]').fill("test.page");
    await page.locator(".audit-filter button").click();
    const rows = page.locator('.admin-audit tbody tr[data-action="test.page"]');
    await poll(() => rows.count()).toBe(100);
    expect(await page.locator(".admin-audit tbody tr").count()).toBe(100);
    await page.locator(".audit-older").click();
    await poll(() => rows.count()).toBe(200);
    await page.locator(".audit-older").click();
    await poll(() => rows.count()).toBe(230);
    await poll(() => page.locator(".audit-end").textContent()).toBe("Oldest entry reached.");
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
    // Newest first, each once: page-229 … page-000.
    expect(ids).toEqual(Array.from({ length: 230 }, (_, i) => `page-${String(229 - i).padStart(3, "0")}`));
    expect(problems).toEqual([]);
  });

  it("filters the audit by a from/to window given in the browser's zone (Tokyo)", async () => {
    // Signed in as root with the 230 "test.page" entries of the test before: page-i at
    // 2026-12-01T00:00:00Z + i s. From 09:01 to 09:03 Tokyo time = 00:01Z (inclusive) to 00:03Z
    // (exclusive) = seconds 60 … 179: page-060 … page-179, 180 − 60 = 120 entries.
    const filterForm = page.locator(".audit-filter");
    await poll(() => filterForm.locator("label").nth(3).locator("span").textContent()).toBe(
      "From (Asia/Tokyo time, inclusive)",
    );
    await filterForm.locator('input[name="action"]').fill("test.page");
    await filterForm.locator('input[name="from"]').fill("2026-12-01T09:01");
    await filterForm.locator('input[name="to"]').fill("2026-12-01T09:03");
    await filterForm.locator("button").click();
    const rows = page.locator('.admin-audit tbody tr[data-action="test.page"]');
    await poll(() => rows.count()).toBe(100);
    await page.locator(".audit-older").click();
    await poll(() => rows.count()).toBe(120);
    await poll(() => page.locator(".audit-end").textContent()).toBe("Oldest entry reached.");
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => `page-${String(179 - i).padStart(3, "0")}`));
    // Entries' times are shown in the same zone as the filter: page-179 is 00:02:59Z = 09:02:59 Tokyo.
    expect(await rows.first().locator("td").first().textContent()).toContain("09:02:59");
    // Only "from": seconds 60 … 229 = 170 entries (two pages).
    await filterForm.locator('input[name="to"]').fill("");
    await filterForm.locator("button").click();
    await poll(() => rows.count()).toBe(100);
    await page.locator(".audit-older").click();
    await poll(() => rows.count()).toBe(170);
    expect(problems).toEqual([]);
  });
});
