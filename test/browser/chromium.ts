/** Debian's chromium for the browser tests (never a downloaded browser: STACK.md trap 5). */
import fs from "node:fs";
import { type Browser, chromium } from "playwright-core";

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
