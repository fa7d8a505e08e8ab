/**
 * The Operations page in the portal: a small hand-made week at Los Angeles (two terminals, fourteen
 * truck visits, one call with its discharges, gate-outs and a rail load) stored straight into the
 * real server's store, then the page driven in chromium in English and Japanese. Every figure the
 * test expects is worked out by hand below from the records as written (not from the code's
 * tables). Screenshots go to test-output/screenshots/.
 *
 * Zone: America/Los_Angeles, PST = UTC−8 in January 2026 (no DST until 8 March 2026), so
 * "local = UTC − 8 h" for every time here.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortCallRecord } from "../../src/calls/wire.ts";
import { iso6346CheckDigit } from "../../src/core/ids.ts";
import { ingestOperations } from "../../src/operations/ingest.ts";
import type { ContainerEvent, GateMove, RailMove, TruckVisit } from "../../src/operations/model.ts";
import { berthCall } from "../helpers/calls.ts";
import { event, PORT, parsedOf, YTI, ZONE } from "../helpers/operations.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { openSignedInPage, pollWithin, SHOTS, screenshot, switchLanguage, visibleText } from "./chromium.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TRAPAC = "uslax-terminal-trapac";
// The week shown: 12–18 January 2026 in the port's calendar (the API's `to` is the 19th, exclusive).
const WEEK = "from=2026-01-12&to=2026-01-18";
const IMO = 9_321_483; // check digit: 9·7+3·6+2·5+1·4+4·3+8·2 = 123 → 3 ✓
const MMSI = 636_019_825;

const s = (iso: string) => Date.parse(iso) / 1000;
const box = (owner: string, serial: string) => `${owner}${serial}${iso6346CheckDigit(owner + serial)}`;
// A is the ISO 6346:1995 Annex A example number; the others get their check digit computed.
const A = "CSQU3054383";
const B = box("MSCU", "412345");
const C = box("OOLU", "822004");
const D = box("CMAU", "530007");
const G = box("HLXU", "440001"); // in the yard since 8 January
const H = box("TCLU", "150002"); // in the yard since 11 January
const EXPORTS = Array.from({ length: 13 }, (_, i) => box("SEGU", String(600_000 + i)));

const move = (containerNumber: string, direction: "in" | "out", empty = false): GateMove => ({
  containerNumber,
  direction,
  isoEquipmentCode: "45G1",
  sizeFt: 40,
  emptyIndicator: empty ? "EMPTY" : "LADEN",
});

/** A visit from its queue arrival (UTC), minutes queued and minutes in the terminal. */
function visit(
  id: string,
  terminal: string,
  queueAt: string,
  queueMin: number,
  inMin: number,
  trouble: boolean | null,
  moves: GateMove[],
): TruckVisit {
  const q = s(queueAt);
  return {
    visitId: id,
    port: PORT,
    terminal,
    truckId: `TRK-${id}`,
    licencePlate: null,
    queueArrivalS: q,
    gateInS: q + queueMin * 60,
    gateOutS: q + (queueMin + inMin) * 60,
    appointmentId: null,
    troubleTicket: trouble,
    carrierScac: null,
    moves,
  };
}

/*
 * Nagoya (JST = UTC+9, no DST), Tobishima South, 15 January 2026 local:
 *   N1 queue 2026-01-14T15:30Z = 00:30 JST on the 15th (the 14th in UTC): 10 min queue + 10 in → 20 min
 *   N2 queue 2026-01-15T01:00Z = 10:00 JST: 15 + 15 → 30 min
 *   N3 queue 2026-01-15T06:00Z = 15:00 JST: 20 + 50 → 70 min
 *   N4 queue 2026-01-15T15:30Z = 00:30 JST on the 16th: outside the day.
 *   turns 20 30 70 → p50 rank ⌈1.5⌉ = 2 → 30 min; mean 120 / 3 = 40.0 min; queue 45 / 3 = 15.0 min.
 */
const TOBISHIMA = "jpngo-terminal-tobishima-south";
const NAGOYA_VISITS: TruckVisit[] = [
  ["N1", "2026-01-14T15:30:00Z", 10, 10],
  ["N2", "2026-01-15T01:00:00Z", 15, 15],
  ["N3", "2026-01-15T06:00:00Z", 20, 50],
  ["N4", "2026-01-15T15:30:00Z", 10, 10],
].map(([id, at, q, i], n) => ({
  ...visit(String(id), TOBISHIMA, String(at), Number(q), Number(i), null, [
    move(box("TCNU", `40000${n}`), "out"),
  ]),
  port: "JPNGO",
}));

/*
 * Truck visits. Turn = queue + in-terminal (minutes); the quantile rule is nearest rank (rank = ⌈q·N⌉,
 * src/operations/kpi.ts; NIST/SEMATECH e-Handbook §7.2.6.2 calls it the "empirical distribution
 * function" definition) over whole minutes, so the values are exact.
 *
 * YTI, 14 January (queue arrivals 06:00–13:00 PST), N = 10:
 *   turns sorted 30 40 45 50 55 60 70 85 110 150
 *   p50 → rank ⌈5⌉ = 5 → 55 min;  p90 → rank ⌈9⌉ = 9 → 110 min;  p95 → rank ⌈9.5⌉ = 10 → 150 min
 *   mean turn = 695 / 10 = 69.5 min; queue 305 / 10 = 30.5 min; in terminal 390 / 10 = 39.0 min
 *   trouble tickets: Y9 and Y10 of 10 known → 20 %
 * TraPac, 15 January (09:00–14:00 PST), N = 4:
 *   turns sorted 30 40 50 80 → p50 rank 2 → 40; p90 rank ⌈3.6⌉ = 4 → 80; p95 rank ⌈3.8⌉ = 4 → 80
 *   mean 200 / 4 = 50.0 min; queue 85 / 4 = 21.25 → "21.3"; in terminal 115 / 4 = 28.75 → "28.8"
 *   trouble tickets not reported → "—"
 * Port: 14 visits, pooled mean turn (695 + 200) / 14 = 63.93 → "64 min"; 14 gate moves.
 */
const VISITS: TruckVisit[] = [
  visit("Y1", YTI, "2026-01-14T14:00:00Z", 5, 25, false, [move(A, "out")]), // out 14:30Z = 06:30 PST
  visit("Y2", YTI, "2026-01-14T15:00:00Z", 10, 30, false, [move(EXPORTS[0] ?? "", "in", true)]),
  visit("Y3", YTI, "2026-01-14T15:30:00Z", 10, 35, false, [move(EXPORTS[1] ?? "", "in")]),
  visit("Y4", YTI, "2026-01-14T16:00:00Z", 15, 35, false, [move(B, "out")]), // out 16:50Z
  visit("Y5", YTI, "2026-01-14T16:30:00Z", 20, 35, false, [move(EXPORTS[2] ?? "", "in")]),
  visit("Y6", YTI, "2026-01-14T17:00:00Z", 20, 40, false, [move(C, "out")]), // out 18:00Z
  visit("Y7", YTI, "2026-01-14T18:00:00Z", 30, 40, false, [move(EXPORTS[3] ?? "", "in")]),
  visit("Y8", YTI, "2026-01-14T19:00:00Z", 40, 45, false, [move(EXPORTS[4] ?? "", "in")]),
  visit("Y9", YTI, "2026-01-14T20:00:00Z", 60, 50, true, [move(EXPORTS[5] ?? "", "in")]),
  visit("Y10", YTI, "2026-01-14T21:00:00Z", 95, 55, true, [move(EXPORTS[6] ?? "", "in")]),
  visit("T1", TRAPAC, "2026-01-15T17:00:00Z", 8, 22, null, [move(EXPORTS[7] ?? "", "in")]),
  visit("T2", TRAPAC, "2026-01-15T18:00:00Z", 12, 28, null, [move(EXPORTS[8] ?? "", "in")]),
  visit("T3", TRAPAC, "2026-01-15T19:00:00Z", 20, 30, null, [move(EXPORTS[9] ?? "", "in")]),
  visit("T4", TRAPAC, "2026-01-15T22:00:00Z", 45, 35, null, [move(EXPORTS[10] ?? "", "in")]),
];

/*
 * The call: DEMO EXPRESS at YTI, berth 2026-01-13 16:00Z (08:00 PST) → 2026-01-14 04:00Z, 12 h;
 * ETA 13:00Z → arrival − ETA = +3 h (on time: within ±24 h); 5 h at anchor.
 * Moves at berth: 4 discharges (A, B, C, D) + 2 loads = 6 → 6 / 12 h = 0.5 moves per berth hour.
 * Import dwell (discharge → exit), terminal YTI:
 *   A 16:30Z → gate-out 14 Jan 14:30Z = 22 h;  B 17:50Z → 16:50Z = 23 h;  C 19:00Z → 18:00Z = 23 h (truck)
 *   D 18:00Z → rail load 15 Jan 04:00Z = 34 h (rail)
 *   sorted 22 23 23 34: mean 102 / 4 = 25.5 h; median rank 2 → 23.0 h; p90 rank 4 → 34.0 h; none > 5 days
 * Still in the yard at the end (19 Jan 00:00 PST = 08:00Z): G since 8 Jan 12:00Z (10.8 days: > 5 and
 * > 9), H since 11 Jan 20:00Z (7.5 days: > 5 only) → 2 over 5 days, 1 over 9 days.
 */
const vessel = { vesselImo: IMO, vesselName: "DEMO EXPRESS", mode: "VESSEL" as const };
function events(): ContainerEvent[] {
  return [
    event({
      eventCode: "DISC",
      eventAtS: s("2026-01-13T16:30:00Z"),
      containerNumber: A,
      ...vessel,
      transportDocumentReference: "SPXLAX2601001",
      carrierBookingReference: "BKG884201",
    }),
    event({ eventCode: "DISC", eventAtS: s("2026-01-13T17:50:00Z"), containerNumber: B, ...vessel }),
    event({ eventCode: "DISC", eventAtS: s("2026-01-13T19:00:00Z"), containerNumber: C, ...vessel }),
    event({ eventCode: "DISC", eventAtS: s("2026-01-13T18:00:00Z"), containerNumber: D, ...vessel }),
    event({
      eventCode: "LOAD",
      eventAtS: s("2026-01-14T01:00:00Z"),
      containerNumber: EXPORTS[11] ?? "",
      ...vessel,
    }),
    event({
      eventCode: "LOAD",
      eventAtS: s("2026-01-14T02:00:00Z"),
      containerNumber: EXPORTS[12] ?? "",
      ...vessel,
    }),
    event({
      eventCode: "DISC",
      eventAtS: s("2026-01-08T12:00:00Z"),
      containerNumber: G,
      vesselImo: 9_000_001,
    }),
    event({
      eventCode: "DISC",
      eventAtS: s("2026-01-11T20:00:00Z"),
      containerNumber: H,
      vesselImo: 9_000_001,
    }),
  ];
}

const RAIL: RailMove[] = [
  {
    moveId: "R1",
    port: PORT,
    terminal: YTI,
    containerNumber: D,
    direction: "load",
    atS: s("2026-01-15T04:00:00Z"),
    trainId: "UP-MLAX-0115",
    railCarrier: "UP",
    inland: "USCHI",
    isoEquipmentCode: "45G1",
    sizeFt: 40,
    emptyIndicator: "LADEN",
  },
];

function theCall(): PortCallRecord {
  return berthCall(
    {
      port: PORT,
      terminal: YTI,
      berth: "uslax-berth-yti-212",
      berthLabel: "212",
      arrivalAt: "2026-01-13T16:00:00Z",
      departureAt: "2026-01-14T04:00:00Z",
    },
    {
      id: `${PORT}-${MMSI}-202601131600`,
      mmsi: MMSI,
      imo: IMO,
      vesselName: "DEMO EXPRESS",
      startAt: "2026-01-13T06:00:00Z",
      endAt: "2026-01-14T06:00:00Z",
      enteredPortAreaAt: "2026-01-13T08:00:00Z",
      anchoredFrom: "2026-01-13T09:00:00Z",
      anchoredTo: "2026-01-13T14:00:00Z",
      anchorages: [
        { anchorage: null, from: "2026-01-13T09:00:00Z", to: "2026-01-13T14:00:00Z", durationH: 5 },
      ],
      leftPortAreaAt: "2026-01-14T05:30:00Z",
      anchorageWaitH: 5,
      destination: "LOS ANGELES",
      etaAt: "2026-01-13T13:00:00Z",
    },
  );
}

/** A call announced 8 days ahead at TraPac (EST arrival) with its manifest: 3 × 40 ft laden (PLN DISC). */
function announcedCall(nowS: number): ContainerEvent[] {
  const etaS = nowS + 8 * 86_400;
  const common = { terminal: TRAPAC, vesselImo: 9_398_242, voyage: "AHEAD1", createdAtS: nowS - 86_400 };
  return [
    event({
      ...common,
      eventType: "TRANSPORT",
      eventCode: "ARRI",
      classifier: "EST",
      eventAtS: etaS,
      containerNumber: null,
      isoEquipmentCode: null,
      sizeFt: null,
      emptyIndicator: null,
    }),
    ...[0, 1, 2].map((k) =>
      event({
        ...common,
        eventCode: "DISC",
        classifier: "PLN",
        eventAtS: etaS + 3600 * (k + 1),
        containerNumber: box("TGHU", String(700_000 + k)),
        isoEquipmentCode: "42G1",
        sizeFt: 40,
      }),
    ),
  ];
}

let server: TestServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const poll = pollWithin(20_000);
const shot = (name: string, fullPage = true) => screenshot(page, name, fullPage);

/** The KPI cell of a row for a terminal, as shown. */
const kpi = (row: string, terminal: string) =>
  visibleText(page.locator(`.kpi-table tr[data-kpi="${row}"] td[data-terminal="${terminal}"]`));
const card = (id: string) => visibleText(page.locator(`.ops-card[data-card="${id}"] .ops-card-value`));

const TEXT = {
  en: {
    nav: "Operations",
    title: "Operations — Port of Los Angeles",
    min: "min",
    turnGroup: "Truck turn time (queue arrival → gate-out)",
    disc: "Discharged from the vessel",
    gateOut: "Gate-out by truck",
    zone: "PST",
    discAt: "Jan 13, 2026, 08:30 PST",
    outAt: "Jan 14, 2026, 06:30 PST",
    notAccepting: "not accepting",
    accepting: "accepting",
    pickedUp: "picked up",
    checkDigit: "its check digit should be 3",
    notFound: "Nothing found at USLAX",
    empty: "Type a container number",
  },
  ja: {
    nav: "オペレーション",
    title: "オペレーション — ロサンゼルス港",
    min: "分",
    turnGroup: "トラックターンタイム（待機列到着 → ゲートアウト）",
    disc: "本船から荷揚げ",
    gateOut: "トラックでゲートアウト",
    // Japanese has no short name for Pacific time: the offset is shown instead (format.ts).
    discAt: "2026年1月13日 08:30 UTC−8",
    outAt: "2026年1月14日 06:30 UTC−8",
    zone: "UTC−8",
    notAccepting: "受入停止",
    accepting: "受入",
    pickedUp: "搬出済",
    checkDigit: "チェックデジットは 3 のはず",
    notFound: "USLAXで「",
    empty: "コンテナ番号、B/L 番号またはブッキング番号を入力",
  },
} as const;

describe("operations in the portal", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "web", "dist", "index.html")))
      throw new Error("web/dist is missing: run `npm run build:web` (npm test builds it when stale)");
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    const counts = await ingestOperations(
      server.store.operations,
      parsedOf({ events: events(), visits: VISITS, railMoves: RAIL }),
      { file: "week.json", port: PORT, timeZone: ZONE },
    );
    expect(counts).toMatchObject({ rejected: 0, duplicates: 0 });
    // Ahead of today (the forecast and the board follow the clock): a call announced in 8 days at
    // TraPac with a manifest of 3 × 40 ft, and YTI's receiving rules for today published an hour ago
    // (40 ft: every line but MSCU).
    const nowS = Math.floor(Date.now() / 1000);
    const ahead = await ingestOperations(
      server.store.operations,
      {
        ...parsedOf({ events: announcedCall(nowS) }),
        receivingRules: [
          {
            port: PORT,
            terminal: YTI,
            day: new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(nowS * 1000)),
            publishedAtS: nowS - 3600,
            rules: [
              { sizeFt: 40, line: "*", accepting: true },
              { sizeFt: 40, line: "MSCU", accepting: false },
              { sizeFt: 20, line: "MSCU", accepting: true },
            ],
          },
        ],
        read: 4 + 3,
      },
      { file: "ahead.json", port: PORT, timeZone: ZONE, nowS },
    );
    expect(ahead).toMatchObject({ accepted: 7, rejected: 0, duplicates: 0 });
    const nagoya = await ingestOperations(server.store.operations, parsedOf({ visits: NAGOYA_VISITS }), {
      file: "nagoya.csv",
      port: "JPNGO",
      timeZone: "Asia/Tokyo",
    });
    expect(nagoya).toMatchObject({ accepted: 4, rejected: 0 });
    const call = theCall();
    await server.store.calls.replaceVesselResults(PORT, MMSI, s(call.startAt), s(call.endAt) + 1, [call], []);
    // Parts of this page are for analysts (issue 14): the browser signs in as one.
    ({ browser, page } = await openSignedInPage((await server.signIn("analyst")).cookie, problems));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the navigation opens the first port's operations", async () => {
    await page.goto(`${server.baseUrl}/?lang=en`);
    await page.locator(".main-nav").getByRole("link", { name: TEXT.en.nav }).click();
    await poll(() => new URL(page.url()).pathname).toBe("/ports/USLAX/operations");
    await page.locator(".operations-page h1").waitFor();
  });

  for (const lang of ["en", "ja"] as const) {
    it(`USLAX in ${lang}: the hand-computed KPIs, the charts, container search, the forecast and the board`, async () => {
      const T = TEXT[lang];
      await page.goto(`${server.baseUrl}/ports/USLAX/operations?${WEEK}`);
      await switchLanguage(page, lang, 20_000);
      expect(await visibleText(page.locator(".operations-page h1"))).toContain(T.title);
      await page.locator(".kpi-table").waitFor();
      const min = T.min;

      // Truck turn time per terminal (hand-computed above).
      expect(await kpi("turnVisits", YTI)).toBe("10");
      expect(await kpi("turnP50", YTI)).toBe(`55 ${min}`);
      expect(await kpi("turnP90", YTI)).toBe(`110 ${min}`);
      expect(await kpi("turnP95", YTI)).toBe(`150 ${min}`);
      expect(await kpi("turnMean", YTI)).toBe(`69.5 ${min}`);
      expect(await kpi("queueMean", YTI)).toBe(`30.5 ${min}`);
      expect(await kpi("inTerminalMean", YTI)).toBe(`39.0 ${min}`);
      expect(await kpi("turnP50", TRAPAC)).toBe(`40 ${min}`);
      expect(await kpi("turnP90", TRAPAC)).toBe(`80 ${min}`);
      expect(await kpi("turnP95", TRAPAC)).toBe(`80 ${min}`);
      expect(await kpi("turnMean", TRAPAC)).toBe(`50.0 ${min}`);
      expect(await kpi("queueMean", TRAPAC)).toBe(`21.3 ${min}`);
      expect(await kpi("inTerminalMean", TRAPAC)).toBe(`28.8 ${min}`);
      expect(await kpi("troubleRate", YTI)).toMatch(/^20 %/);
      expect(await kpi("troubleRate", TRAPAC)).toBe("—");

      // Truck visits (an analyst sees every company's): the 10 YTI and 4 TraPac visits of the week.
      // Turn by hand: YTI 10 × 69.5 = 695 min, TraPac 30 + 40 + 50 + 80 = 200 → 895 / 14 = 63.9;
      // in terminal: YTI 10 × 39.0 = 390, TraPac 22 + 28 + 30 + 35 = 115 → 505 / 14 = 36.1.
      await poll(() => page.locator(".truck-visits tbody tr").count()).toBe(14);
      if (lang === "en")
        expect(await page.locator(".visits-means").textContent()).toBe(
          "14 visits: mean turn 63.9 min, mean in terminal 36.1 min.",
        );
      // Import dwell at YTI.
      const h = lang === "ja" ? "時間" : "h";
      expect(await kpi("dwellCount", YTI)).toBe("4");
      expect(await kpi("dwellMean", YTI)).toBe(`25.5 ${h}`);
      expect(await kpi("dwellMedian", YTI)).toBe(`23.0 ${h}`);
      expect(await kpi("dwellP90", YTI)).toBe(`34.0 ${h}`);
      expect(await kpi("dwellOver5", YTI)).toBe("0 (0 %)");
      expect(await kpi("yardOver5", YTI)).toBe("2");
      expect(await kpi("yardOver9", YTI)).toBe("1");
      // The call: moves per berth hour, schedule reliability, anchorage.
      expect(await kpi("movesPerBerthHour", YTI)).toMatch(/^0\.5 /);
      expect(await kpi("vesselMoves", YTI)).toBe("4 / 2");
      expect(await kpi("onTime", YTI)).toMatch(/^100 %/);
      expect(await kpi("anchorageMean", YTI)).toBe(`5.0 ${h}`);
      expect(await kpi("railMoves", YTI)).toBe("1 / 0");
      expect(await visibleText(page.locator(".kpi-table"))).toContain(T.turnGroup);

      // The public summary: port-wide totals.
      expect(await card("truckVisits")).toBe("14");
      expect(await card("turnMean")).toBe(`64 ${min}`);
      expect(await card("gateMoves")).toBe("14");
      expect(await card("vesselMoves")).toBe("6");
      expect(await card("onTime")).toBe("100 %");

      // The turn chart shows both terminals' p50 / p90 / p95; the gate chart has bars for both.
      const quantiles = await page
        .locator(".turn-chart g[data-terminal] g[data-quantile]")
        .evaluateAll((els) =>
          els.map(
            (e) =>
              `${e.closest("g[data-terminal]")?.getAttribute("data-terminal")}:${e.getAttribute("data-quantile")}=${e.getAttribute("data-value")}`,
          ),
        );
      // Terminals in the API's order (by id).
      expect(quantiles).toEqual([
        `${TRAPAC}:p50=40`,
        `${TRAPAC}:p90=80`,
        `${TRAPAC}:p95=80`,
        `${YTI}:p50=55`,
        `${YTI}:p90=110`,
        `${YTI}:p95=150`,
      ]);
      await poll(() => page.locator(".gate-chart rect[data-terminal]").count()).toBeGreaterThan(0);
      const gateTerminals = await page
        .locator(".gate-chart rect[data-terminal]")
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-terminal")))].sort());
      expect(gateTerminals).toEqual([TRAPAC, YTI].sort());

      // The call table, in PST.
      expect(await visibleText(page.locator(".ops-calls-table tbody tr").first())).toMatch(
        new RegExp(`DEMO EXPRESS.*01/13,? 08:00 ${T.zone}`),
      );

      // The forecast: the announced call's 3 boxes at TraPac, from its manifest (truck + rail = 3).
      const trapacRow = page.locator(`.forecast-table tr[data-terminal="${TRAPAC}"]`);
      await poll(() => trapacRow.count()).toBe(1);
      expect(await trapacRow.locator("td[data-total]").getAttribute("data-total")).toBe("3.00");
      expect(await page.locator(".forecast-calls tr[data-basis]").getAttribute("data-basis")).toBe(
        "manifest",
      );
      // The board: 40 ft closed today for MSCU only, in the reader's language.
      const cell = (line: string) =>
        page.locator(
          `.board-table tr[data-terminal="${YTI}"][data-line="${line}"] td[data-day="today"][data-size="40"]`,
        );
      await poll(() => visibleText(cell("MSCU"))).toBe(T.notAccepting);
      expect(await visibleText(cell("*"))).toBe(T.accepting);
      await shot(`operations-${lang}-kpis`);
      await page.locator(".turn-chart").scrollIntoViewIfNeeded();
      await shot(`operations-${lang}-charts`, false);

      // Container search: bad check digit, then nothing found, then the box's timeline.
      const search = page.locator('.ops-search input[name="ref"]');
      await search.fill("");
      await search.press("Enter");
      await poll(() => visibleText(page.locator(".ops-search .search-message"))).toContain(T.empty);
      await search.fill("CSQU 305438 4");
      await search.press("Enter");
      await poll(() => visibleText(page.locator(".ops-search .search-message"))).toContain(T.checkDigit);
      await search.fill(box("ZZZU", "999999"));
      await search.press("Enter");
      await poll(() => visibleText(page.locator(".ops-search .search-message"))).toContain(T.notFound);
      await search.fill("CSQU 305438 3");
      await search.press("Enter");
      const card_ = page.locator(`.box-card[data-container="${A}"]`);
      await card_.waitFor();
      const rows = card_.locator(".timeline-table tbody tr");
      await poll(() => rows.count()).toBe(2);
      const disc = await visibleText(rows.nth(0));
      expect(disc).toContain(T.disc);
      expect(disc).toContain(T.discAt);
      expect(await rows.nth(0).locator("a[data-call]").getAttribute("data-call")).toBe(theCall().id);
      const out = await visibleText(rows.nth(1));
      expect(out).toContain(T.gateOut);
      expect(out).toContain(T.outAt);
      expect(out).toContain("TRK-Y1");
      expect(await visibleText(card_.locator(".box-facts"))).toContain("SPXLAX2601001");
      // Availability: gone by truck.
      await poll(() => card_.locator(".availability").getAttribute("data-status")).toBe("picked_up");
      expect(await visibleText(card_.locator(".availability-badge"))).toBe(T.pickedUp);
      await card_.scrollIntoViewIfNeeded();
      await shot(`operations-${lang}-search`, false);

      // By B/L: the same box.
      await search.fill("SPXLAX2601001");
      await search.press("Enter");
      await poll(() =>
        page.locator(`.box-card[data-container="${A}"] .timeline-table tbody tr`).count(),
      ).toBe(2);
    });
  }

  it("JPNGO in ja: turn times on Nagoya's calendar (JST, UTC+9)", async () => {
    await page.goto(`${server.baseUrl}/ports/JPNGO/operations?from=2026-01-15&to=2026-01-15`);
    await switchLanguage(page, "ja", 20_000);
    await page.locator(".kpi-table").waitFor();
    // Three visits on 15 January JST (NAGOYA_VISITS, worked out there); the one at 00:30 JST on the
    // 16th is not in the day.
    await poll(() => kpi("turnVisits", TOBISHIMA)).toBe("3");
    expect(await kpi("turnP50", TOBISHIMA)).toBe("30 分");
    expect(await kpi("turnMean", TOBISHIMA)).toBe("40.0 分");
    expect(await kpi("queueMean", TOBISHIMA)).toBe("15.0 分");
    expect(await card("truckVisits")).toBe("3");
    await shot("operations-ja-jpngo");
  });

  it("by hour, and on a narrow screen", async () => {
    await page.goto(`${server.baseUrl}/ports/USLAX/operations?${WEEK}&by=hour&ref=${D}`);
    await switchLanguage(page, "en", 20_000);
    await poll(() => page.locator(".ops-series").getAttribute("data-by")).toBe("hour");
    // Y1's gate-in 14:05Z = 06:05 PST → the 06:00 hour of 14 January.
    await poll(() =>
      page.locator(`.series-table tr[data-period="2026-01-14T06"][data-terminal="${YTI}"]`).count(),
    ).toBe(1);
    // D: discharged, then loaded on a train.
    await poll(() => page.locator(`.box-card[data-container="${D}"] .timeline-table tbody tr`).count()).toBe(
      2,
    );
    expect(await page.locator(`.box-card[data-container="${D}"] tr[data-kind="rail"]`).count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("operations-en-narrow");
    await page.locator(".kpi-table").scrollIntoViewIfNeeded();
    await shot("operations-en-narrow-kpis", false);
    // Nothing wider than the screen but the tables' own scrolling boxes.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it("no console errors, failed requests or HTTP errors but the expected 404s", () => {
    // The one 404 the page asks for on purpose: the container searched that does not exist.
    const expected = /HTTP 404: .*\/operations\/containers\/ZZZU/;
    expect(problems.filter((p) => !expected.test(p) && !/status of 404/.test(p))).toEqual([]);
  });
});
