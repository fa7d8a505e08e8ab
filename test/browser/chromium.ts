/** Debian's chromium for the browser tests (never a downloaded browser: STACK.md trap 5). */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env["SP_CHROMIUM"] ?? "/usr/bin/chromium";

// The flags that work with Debian's chromium on these machines (STACK.md trap 5).
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install chromium fonts-noto-cjk (or set SP_CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page in a new chromium (en-US, `width` × 900) whose context carries the session `cookie` (the
 * parts of the portal for signed-in roles: issue 14), recording its problems as `watchPage` does
 * with cancelled requests ignored.
 */
export async function openSignedInPage(
  cookie: Parameters<BrowserContext["addCookies"]>[0][number],
  problems: string[],
  width = 1366,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
  await context.addCookies([cookie]);
  const page = await context.newPage();
  watchPage(page, problems, { ignoreAborted: true });
  return { browser, page };
}

/**
 * Records what a user would see go wrong on a page: console errors, page errors, failed requests
 * and HTTP errors. With `ignoreAborted`, requests cancelled on purpose (a filter changed, a page
 * left) are not failures.
 */
export function watchPage(page: Page, problems: string[], options: { ignoreAborted?: boolean } = {}): void {
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => {
    if (!options.ignoreAborted || req.failure()?.errorText !== "net::ERR_ABORTED")
      problems.push(`request failed: ${req.url()}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
}

/** Where the browser tests leave their screenshots (test-output/ is gitignored), to be looked at. */
export const SHOTS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "test-output",
  "screenshots",
);

export async function screenshot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** What is on screen (rendered text, not hidden nodes), whitespace collapsed. */
export async function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text we assert on.
  return (await locator.innerText()).replace(/\s+/g, " ");
}

/** expect.poll with a page's patience: chunks, data and maps load on 2 shared cores. */
export function pollWithin(timeoutMs: number) {
  return <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) =>
    expect.poll(fn, { timeout: timeoutMs, ...options });
}

/** Switches the portal's language with its own button and waits until the page says it is in it. */
export async function switchLanguage(page: Page, lang: "en" | "ja", timeoutMs: number): Promise<void> {
  await page.getByRole("button", { name: lang === "ja" ? "日本語" : "English" }).click();
  await expect.poll(() => page.locator("html").getAttribute("lang"), { timeout: timeoutMs }).toBe(lang);
}
