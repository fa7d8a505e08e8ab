/** Debian's chromium for the browser tests (never a downloaded browser: STACK.md trap 5). */
import fs from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

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
