/**
 * The demo's trucking company in the portal (issue 14): the demo's gate data at Los Angeles and the
 * demo's accounts, made as `npm start` makes them (addDemoUsers: one per role, each with a generated
 * one-time password). The browser signs in through the header's form as `demo-trucking` (SCAC HBDY,
 * one of the demo's three Los Angeles companies) with that password and sees: its own truck visits
 * only (the other two companies' visits, present for an analyst, absent), the timeline of a box its
 * trucks moved but not of one only another company's trucks moved, the public parts of the page,
 * and "not allowed" on the parts its role may not see (terminal KPIs, the transition planner's
 * fleet, the admin page).
 *
 * The expected visits are not worked out by hand (the demo draws them): they are the analyst's
 * answer for the same day filtered by SCAC, read through the API with an admin key.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoUsers } from "../../src/access/index.ts";
import { loadDemoOperations } from "../../src/cli/demo-load.ts";
import type { TruckVisitsReply } from "../../src/operations/wire.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { launchChromium, pollWithin, watchPage } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const poll = pollWithin(20_000);
const PORT = "USLAX";
const OWN = "HBDY";
// The demo ends here; its gate data spans the 28 days before and the days booked after.
const END = new Date("2026-11-20T08:00:00.000Z");
// One day in Los Angeles (PST) inside the demo's data: the page's `to` is inclusive.
const DAY = "2026-11-18";
const NEXT_DAY = "2026-11-19";

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("the demo trucking company in the portal", { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let password: string;
  const problems: string[] = [];
  // What an analyst sees for DAY (admin key), and every box's trucking companies over the demo's span.
  let analystDay: TruckVisitsReply;
  const carriersOfBox = new Map<string, Set<string>>();

  const asAnalyst = async (query: string) => {
    const r = await fetch(`${server.baseUrl}/api/ports/${PORT}/operations/truck-visits?${query}&limit=1000`, {
      headers: server.adminHeaders,
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as TruckVisitsReply;
    expect(body.truncated).toBe(false);
    return body;
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web`");
    server = await startTestServer();
    await loadDemoOperations(server.store, { seed: 1, ports: [PORT], end: END, scale: 0.02 });
    const demoUsers = await addDemoUsers(server.store.access, Date.now());
    const trucking = demoUsers.find((u) => u.name === "demo-trucking");
    if (!trucking) throw new Error("the demo made no demo-trucking account");
    password = trucking.oneTimePassword;

    analystDay = await asAnalyst(`from=${DAY}&to=${NEXT_DAY}`);
    // Every visit of the demo's span, a day at a time (a day stays under the 1,000-visit page).
    const first = END.getTime() - 30 * 86_400_000;
    const days = Array.from({ length: 55 }, (_, i) => dayOf(first + i * 86_400_000));
    for (let i = 0; i + 1 < days.length; i++) {
      const { visits } = await asAnalyst(`from=${days[i]}&to=${days[i + 1]}`);
      for (const v of visits)
        for (const m of v.moves) {
          const set = carriersOfBox.get(m.containerNumber) ?? new Set<string>();
          set.add(v.carrierScac ?? "");
          carriersOfBox.set(m.containerNumber, set);
        }
    }

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    page = await context.newPage();
    watchPage(page, problems, { ignoreAborted: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the analyst's day holds visits of the other companies too (so leaving them out means something)", () => {
    const carriers = new Set(analystDay.visits.map((v) => v.carrierScac));
    expect(carriers).toContain(OWN);
    expect(carriers).toContain("TIKT");
    expect(carriers).toContain("PSHL");
  });

  it("signs in as demo-trucking with its one-time password and sees only its own truck visits", async () => {
    // Before signing in the truck visits say sign-in required.
    await page.goto(`${server.baseUrl}/ports/${PORT}/operations?from=${DAY}&to=${DAY}&lang=en`);
    await poll(() => page.locator('.truck-visits .restricted[data-status="401"]').count()).toBe(1);
    await page.locator(".sign-in button").click();
    await page.locator('.sign-in input[name="name"]').fill("demo-trucking");
    await page.locator('.sign-in input[name="password"]').fill(password);
    await page.locator('.sign-in button[type="submit"]').click();
    await poll(() => page.locator(".sign-in .who").textContent()).toBe("demo-trucking · trucking company");

    const own = analystDay.visits.filter((v) => v.carrierScac === OWN);
    expect(own.length).toBeGreaterThan(0);
    const rows = page.locator(".truck-visits tbody tr");
    await poll(() => rows.count()).toBe(own.length);
    const carriers = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-carrier")));
    expect(new Set(carriers)).toEqual(new Set([OWN]));
    const trucks = await page.locator(".truck-visits tbody tr td:nth-child(3)").allTextContents();
    expect(trucks).toEqual(own.map((v) => v.truckId));
    await poll(() => page.locator(".visits-means").textContent()).toContain(`${own.length} visits`);
  });

  it("shows the public summary, says not allowed on terminal KPIs", async () => {
    await page.goto(`${server.baseUrl}/ports/${PORT}/operations?from=${DAY}&to=${DAY}&lang=en`);
    await poll(() => page.locator(".truck-visits tbody tr").count()).toBeGreaterThan(0);
    // The port-level summary is public: its truck visit count is the whole port's (every company's).
    await poll(() => page.locator('.ops-card[data-card="truckVisits"] .ops-card-value').count()).toBe(1);
    // Terminal KPIs are for analysts, terminal operators and sister ports: 403 said in words.
    await poll(() => page.locator('.restricted[data-status="403"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.restricted[data-status="401"]').count()).toBe(0);
  });

  it("opens the timeline of a box its trucks moved, not of a box only other companies moved", async () => {
    const ownBox = analystDay.visits.find((v) => v.carrierScac === OWN)?.moves[0]?.containerNumber;
    const otherBox = analystDay.visits
      .flatMap((v) => v.moves.map((m) => m.containerNumber))
      .find((box) => !carriersOfBox.get(box)?.has(OWN));
    expect(ownBox).toBeDefined();
    expect(otherBox).toBeDefined();
    await page.goto(`${server.baseUrl}/ports/${PORT}/operations?ref=${ownBox}&lang=en`);
    await poll(() => page.locator(`.box-card[data-container="${ownBox}"]`).count()).toBe(1);
    // Its gate entries are its own trucks' visits: no other company's truck appears.
    const foreignTrucks = new Set(
      analystDay.visits.filter((v) => v.carrierScac !== OWN).map((v) => v.truckId),
    );
    const details = await page
      .locator(`.box-card[data-container="${ownBox}"] .timeline-table tbody tr`)
      .allTextContents();
    expect(details.length).toBeGreaterThan(0);
    for (const text of details) for (const truck of foreignTrucks) expect(text).not.toContain(truck);

    await page.goto(`${server.baseUrl}/ports/${PORT}/operations?ref=${otherBox}&lang=en`);
    await poll(() => page.locator(".ops-search .search-message").textContent()).toBe(
      `Nothing found at ${PORT} for “${otherBox}”. Check the number, or the box may not have reached this port yet.`,
    );
  });

  it("sees the public parts elsewhere and 'not allowed' on the analysts' and admins' parts", async () => {
    await page.goto(`${server.baseUrl}/ports/${PORT}/transition?lang=en`);
    await poll(() => page.locator('.restricted[data-status="403"]').count()).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/admin?lang=en`);
    await poll(() => page.locator('.admin-users .restricted[data-status="403"]').count()).toBe(1);
    expect(await page.locator(".admin-users table").count()).toBe(0);
    await page.goto(`${server.baseUrl}/ports/${PORT}?lang=en`);
    await poll(() => page.locator("h1").count()).toBeGreaterThan(0);
    // The only failures the page saw are the refusals it shows in words.
    const refusal = /^HTTP (401|403|404): |status of (401|403|404) /;
    expect(problems.filter((p) => !refusal.test(p))).toEqual([]);
  });
});
