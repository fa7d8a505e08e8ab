/**
 * The scenario editor on the transition page in chromium (issue 13), in English and Japanese, at
 * 1280 px and 390 px: an analyst builds "all terminal tractors battery-electric by 2030" on the
 * port's registry, runs it without and with "force early", checks the figures against a hand
 * count, saves it and finds it listed; field problems are worded on their fields; a scenario is
 * started from a saved one with the keyboard; unsaved changes are asked about before they are
 * dropped; the public reads a sign-in hint and no editor.
 *
 * The registry seeded below: 10 diesel yard (terminal) tractors of model years 2017..2026, one a
 * year, in service. The editor starts from the registry; base year 2026, horizon 2035. Useful
 * life of a yard tractor: 10 years (data/reference/transition/scenario_defaults.csv line 2, an
 * assumption of the reference). By hand, rule "100 % battery by 2030":
 *   2027, 2028, 2029: the 2017, 2018, 2019 units reach 10 years and are replaced like for like
 *     (no purchase mix: diesel) — the target is not in force yet.
 *   2030, not forced: the 2020 unit reaches end of life and its replacement is battery (the
 *     target turns purchases zero-emission); nothing else retires → 1 of 10 = 10 % ZE, 0 early.
 *   2030, forced: the same, then the other 9 non-ZE units (originals 2021..2026, replacements
 *     2027..2029) retire early → 10 units replaced in 2030 (1 at end of life + 9 early), all
 *     battery, 100 % ZE; remaining life = model year + 10 − 2030 (2021 → 1, 2029 → 9).
 * Screenshots go to test-output/screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EQUIPMENT_CSV_COLUMNS, ingestEquipment } from "../../src/transition/index.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import {
  openSignedInPage,
  pollWithin,
  SHOTS,
  screenshot,
  switchLanguage,
  visibleText,
  watchPage,
} from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let server: TestServer;
let browser: Browser;
let page: Page;
let cookie: Awaited<ReturnType<TestServer["signIn"]>>["cookie"];
const problems: string[] = [];
const poll = pollWithin(30_000);

const REGISTRY = [
  EQUIPMENT_CSV_COLUMNS.join(","),
  ...Array.from(
    { length: 10 },
    (_, i) => `USLAX,YT-${2017 + i},yard_tractor,diesel,${2017 + i},149,,Test Terminal,in_service,,`,
  ),
].join("\n");

const TEXT = {
  en: {
    registry: "The port's equipment registry (10 units in service or pilot)",
    nameError: "1 to 80 letters, digits, spaces or . _ -, starting with a letter or digit.",
    mixError: "The percentages add up to 60, not 100.",
    saved: 'Saved as "YT battery 2030"',
    signIn: "sign in with such a role to use the editor",
  },
  ja: {
    registry: "港湾の機器台帳（稼働中・実証中 10 台）",
    nameError: "1～80 文字の英数字・空白・. _ - で、英数字で始めてください。",
    mixError: "百分率の合計が 60 で、100 になっていません。",
    saved: "「YT battery 2030 copy」として保存しました",
    signIn: "該当する権限でサインインするとエディタを使えます",
  },
} as const;

/** The preview's year table cells of a year: units, ZE CHE, …, bought, retired, early (see YearTable). */
async function yearRow(view: Locator, year: number): Promise<string[]> {
  const details = view.locator(".ze-scn-years");
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  return (await view.locator(`.ze-scn-year-table tr[data-year="${year}"] td`).allInnerTexts()).map((s) =>
    s.trim(),
  );
}

describe("the scenario editor", { timeout: 240_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    const r = await ingestEquipment(server.store.transition, `${REGISTRY}\n`, "fleet.csv");
    expect(r.counts.accepted).toBe(10);
    cookie = (await server.signIn("analyst")).cookie;
    ({ browser, page } = await openSignedInPage(cookie, problems, 1280));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("en: builds, runs (useful life honoured, then forced early), checks the hand count, saves and lists", async () => {
    await page.goto(`${server.baseUrl}/ports/USLAX/transition#editor`);
    await switchLanguage(page, "en", 20_000);
    const form = page.locator(".ze-editor-form");
    await form.waitFor({ timeout: 30_000 });
    await poll(() => visibleText(form.locator(".ze-editor-fleet"))).toContain(TEXT.en.registry);

    // A bad name and a mix that does not add up: each said on its field, nothing sent.
    await form.locator('input[name="baseYear"]').fill("2026");
    await form.locator('input[name="horizonYear"]').fill("2035");
    const yt = form.locator('.ze-editor-type[data-category="yard_tractor"]');
    await yt.locator('button[data-add="mix"]').click();
    const mix = yt.locator('.ze-rule[data-kind="mix"]');
    await mix.locator('[data-field="mix-battery"]').fill("60");
    await form.locator('button[data-action="run"]').click();
    await expect.poll(() => visibleText(form.locator(".ze-field-error").first())).toBe(TEXT.en.nameError);
    expect(await form.locator('input[name="name"]').getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("name");
    expect(await visibleText(mix.locator(".ze-field-error"))).toBe(TEXT.en.mixError);
    expect(await page.locator(".ze-editor-preview").count()).toBe(0);
    await mix.locator('button[data-action="remove"]').click();

    // All terminal tractors battery-electric by 2030, useful life honoured first.
    await form.locator('input[name="name"]').fill("YT battery 2030");
    await yt.locator('button[data-add="share"]').click();
    const rule = yt.locator('.ze-rule[data-kind="share"]');
    expect(await rule.locator('[data-field="year"]').inputValue()).toBe("2030");
    expect(await rule.locator('[data-field="value"]').inputValue()).toBe("100");
    expect(await rule.locator('[data-field="powertrain"]').inputValue()).toBe("battery");
    await rule.locator('[data-field="forceEarly"]').uncheck();
    expect(await page.locator(".ze-editor-dirty").count()).toBe(1);
    await form.locator('button[data-action="run"]').click();
    const preview = page.locator(".ze-editor-preview .ze-scn-view");
    await preview.waitFor({ timeout: 30_000 });
    let y2030 = await yearRow(preview, 2030);
    // Columns: units, ZE CHE, ZE drayage, WTW, tailpipe, H2, H2 peak, MWh, peak kW, stations,
    // bought, retired, early, capex, opex.
    expect([y2030[0], y2030[1], y2030[10], y2030[11], y2030[12]]).toEqual(["10", "10 %", "1", "1", "0"]);
    expect(await preview.locator(".ze-scn-no-early").count()).toBe(1);

    // Forced early: 10 replaced in 2030 (1 at end of life + 9 early), 100 % ZE.
    await rule.locator('[data-field="forceEarly"]').check();
    await form.locator('button[data-action="run"]').click();
    await poll(async () => (await yearRow(preview, 2030))[12]).toBe("9");
    y2030 = await yearRow(preview, 2030);
    expect([y2030[0], y2030[1], y2030[10], y2030[11], y2030[12]]).toEqual(["10", "100 %", "10", "1", "9"]);
    expect(await visibleText(preview.locator('[data-card="early"] .ops-card-value'))).toBe("9");
    const early = preview.locator(".ze-scn-early-table tbody tr");
    expect(await early.count()).toBe(9);
    for (const [my, left] of [
      [2021, "1"],
      [2026, "6"],
      [2029, "9"],
    ] as const)
      expect(
        await visibleText(
          preview.locator(`.ze-scn-early-table tr[data-model-year="${my}"] [data-col="lifeLeft"]`),
        ),
      ).toBe(left);
    // 2027..2029 replaced like for like: still 0 % ZE in 2029.
    expect((await yearRow(preview, 2029))[1]).toBe("0 %");

    // Energy prices typed in: the 2030 opex is the ten battery tractors' electricity, worked by hand
    // from the assumptions the result lists: 10 units × 4,000 h × 7 kWh/h × USD 0.20/kWh = USD 56,000.
    await form.locator('input[name="dieselPerL"]').fill("1.1");
    await form.locator('input[name="electricityPerKwh"]').fill("0.2");
    await form.locator('input[name="h2PerKg"]').fill("13.5");
    await form.locator('input[name="priceYear"]').fill("2024");
    await form.locator('button[data-action="run"]').click();
    await poll(async () => (await yearRow(preview, 2030))[14]).toMatch(/56,000/);
    await form.locator('input[name="dieselPerL"]').fill("");
    await form.locator('input[name="electricityPerKwh"]').fill("");
    await form.locator('input[name="h2PerKg"]').fill("");
    await form.locator('input[name="priceYear"]').fill("");
    await page.locator("#editor").screenshot({ path: path.join(SHOTS, "transition-editor-run-en.png") });

    // Save: listed with the saved scenarios and shown there; no unsaved changes left.
    await form.locator('button[data-action="save"]').click();
    await poll(() => visibleText(form.locator(".ze-editor-actions"))).toContain(TEXT.en.saved);
    expect(await page.locator(".ze-editor-dirty").count()).toBe(0);
    await poll(() => new URL(page.url()).searchParams.get("scenario")).toBe("YT battery 2030");
    const listed = page.locator('#scenarios .ze-scn-view[data-scenario="YT battery 2030"]');
    await listed.waitFor({ timeout: 30_000 });
    expect(await page.locator('#scenarios select[name="scenario"] option').allInnerTexts()).toContain(
      "YT battery 2030",
    );
    expect(await visibleText(listed.locator('[data-card="early"] .ops-card-value'))).toBe("9");
    await screenshot(page, "transition-editor-en-1280", true);
  });

  it("ja: starts from the saved scenario with the keyboard, words problems in Japanese, saves a copy", async () => {
    await page.goto(`${server.baseUrl}/ports/USLAX/transition#editor`);
    await switchLanguage(page, "ja", 20_000);
    const form = page.locator(".ze-editor-form");
    await form.waitFor({ timeout: 30_000 });
    await poll(() => visibleText(form.locator(".ze-editor-fleet"))).toContain(TEXT.ja.registry);
    // Keyboard only: pick the saved scenario, then Tab to "Load" and press Enter.
    const from = page.locator('select[name="editor-from"]');
    await poll(() => from.locator("option").count()).toBe(2);
    await from.focus();
    await page.keyboard.press("ArrowDown");
    expect(await from.inputValue()).toBe("YT battery 2030");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await poll(() => form.locator('input[name="name"]').inputValue()).toBe("YT battery 2030 copy");
    const rule = form.locator('.ze-editor-type[data-category="yard_tractor"] .ze-rule[data-kind="share"]');
    expect(await rule.locator('[data-field="forceEarly"]').isChecked()).toBe(true);
    expect(await form.locator('input[name="baseYear"]').inputValue()).toBe("2026");

    // A problem in Japanese, on its field.
    await form.locator('input[name="name"]').fill("!");
    await form.locator('input[name="name"]').press("Enter"); // Enter in a field submits: Run
    await expect.poll(() => visibleText(form.locator(".ze-field-error").first())).toBe(TEXT.ja.nameError);
    await form.locator('input[name="name"]').fill("YT battery 2030 copy");
    await form.locator('input[name="name"]').press("Enter");
    const preview = page.locator(".ze-editor-preview .ze-scn-view");
    await preview.waitFor({ timeout: 30_000 });
    const y2030 = await yearRow(preview, 2030);
    expect([y2030[1], y2030[10], y2030[12]]).toEqual(["100 %", "10", "9"]);
    await form.locator('button[data-action="save"]').click();
    await poll(() => visibleText(form.locator(".ze-editor-actions"))).toContain(TEXT.ja.saved);
    await page.locator('#scenarios .ze-scn-view[data-scenario="YT battery 2030 copy"]').waitFor();
    await page.locator("#editor").screenshot({ path: path.join(SHOTS, "transition-editor-ja-1280.png") });
  });

  it("390 px: the form fits the screen (no sideways scroll) and runs", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ja-JP" });
    await context.addCookies([cookie]);
    const narrow = await context.newPage();
    watchPage(narrow, problems, { ignoreAborted: true });
    await narrow.goto(`${server.baseUrl}/ports/USLAX/transition?lang=ja#editor`);
    const form = narrow.locator(".ze-editor-form");
    await form.waitFor({ timeout: 30_000 });
    await form.locator('input[name="name"]').fill("narrow");
    await form.locator('input[name="baseYear"]').fill("2026");
    await form.locator('input[name="horizonYear"]').fill("2032");
    await form.locator('.ze-editor-type[data-category="yard_tractor"] button[data-add="share"]').click();
    await form.locator('button[data-action="run"]').click();
    await narrow.locator(".ze-editor-preview .ze-scn-view").waitFor({ timeout: 30_000 });
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await form.locator('.ze-rule [data-field="year"]').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await narrow.locator("#editor").screenshot({ path: path.join(SHOTS, "transition-editor-ja-390.png") });
    await narrow.locator(".ze-editor-preview").scrollIntoViewIfNeeded();
    await screenshot(narrow, "transition-editor-preview-ja-390", false);
    // Unsaved changes: "New scenario" asks first; dismissed, the draft stays; accepted, it is cleared.
    const asked: string[] = [];
    narrow.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await narrow.locator('.ze-editor-start button:has-text("新しいシナリオ")').click();
    await poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe("エディタに未保存の変更があります。破棄しますか？");
    expect(await form.locator('input[name="name"]').inputValue()).toBe("narrow");
    narrow.once("dialog", (d) => void d.accept());
    await narrow.locator('.ze-editor-start button:has-text("新しいシナリオ")').click();
    await poll(() => form.locator('input[name="name"]').inputValue()).toBe("");
    expect(await narrow.locator(".ze-editor-dirty").count()).toBe(0);
    expect(await narrow.locator(".ze-editor-preview").count()).toBe(0);
    await form.screenshot({ path: path.join(SHOTS, "transition-editor-form-ja-390.png") });
    await context.close();
  });

  it("public: the saved scenarios, a sign-in hint and no editor", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const anon = await context.newPage();
    await anon.goto(`${server.baseUrl}/ports/USLAX/transition?lang=en#editor`);
    await anon
      .locator('#scenarios .ze-scn-view[data-scenario="YT battery 2030"]')
      .waitFor({ timeout: 30_000 });
    const hint = anon.locator("#editor .ze-editor-signin");
    await hint.waitFor();
    expect(await visibleText(hint)).toContain(TEXT.en.signIn);
    expect(await anon.locator(".ze-editor-form").count()).toBe(0);
    await anon.locator("#editor").screenshot({ path: path.join(SHOTS, "transition-editor-public-en.png") });
    await switchLanguage(anon, "ja", 20_000);
    await poll(() => visibleText(hint)).toContain(TEXT.ja.signIn);
    await context.close();
  });

  it("nothing on the scenario routes failed", () => {
    expect(problems.filter((p) => /scenario|page error/.test(p))).toEqual([]);
  });
});
