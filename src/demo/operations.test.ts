import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseContainerNumber } from "../core/ids.ts";
import { loadPortRegistry } from "../geo/index.ts";
import { emptyReturnBoard } from "../operations/empty-return.ts";
import { backtestForecast, ForecastInputs, forecastImports, naiveForecast } from "../operations/forecast.ts";
import { type DemoOperations, demoUuid, generateDemoOperations } from "./operations.ts";
import { lognormalFromMeanAndTail, PORT_FLOW_FIGURES } from "./operations-figures.ts";
import { type DemoWorld, generateDemoWorld } from "./world.ts";

const DAY = 86_400;
const AS_OF = new Date("2026-11-20T00:00:00Z");
const HISTORY_DAYS = 42;
const SCALE = 0.05;
let world: DemoWorld;
const ops = new Map<string, DemoOperations>();

beforeAll(() => {
  world = generateDemoWorld(
    {
      seed: 1,
      start: new Date(AS_OF.getTime() - HISTORY_DAYS * DAY * 1000),
      days: HISTORY_DAYS + 21,
      scale: 1,
      ports: ["USLAX", "JPNGO"],
    },
    loadPortRegistry(),
  );
  for (const truth of world.truth)
    ops.set(
      truth.port,
      generateDemoOperations({ seed: 1, port: truth.port, truth, asOf: AS_OF, scale: SCALE }),
    );
}, 60_000);

const digest = (o: DemoOperations) => createHash("sha256").update(JSON.stringify(o)).digest("hex");

describe("generateDemoOperations", () => {
  it("is deterministic: same seed → same flows; another seed → other flows", () => {
    const truth = world.truth[1]!;
    const a = generateDemoOperations({ seed: 1, port: truth.port, truth, asOf: AS_OF, scale: 0.02 });
    const b = generateDemoOperations({ seed: 1, port: truth.port, truth, asOf: AS_OF, scale: 0.02 });
    const c = generateDemoOperations({ seed: 2, port: truth.port, truth, asOf: AS_OF, scale: 0.02 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it("gives every box an ISO 6346 number with a valid check digit and unique event ids", () => {
    for (const o of ops.values()) {
      const numbers = new Set(
        o.operations.events.flatMap((e) => (e.containerNumber ? [e.containerNumber] : [])),
      );
      expect(numbers.size).toBeGreaterThan(1000);
      for (const n of numbers) expect(parseContainerNumber(n)).toEqual({ ok: true, value: n });
      expect(new Set(o.operations.events.map((e) => e.eventId)).size).toBe(o.operations.events.length);
    }
    // RFC 4122 layout: version 5, variant 10xx.
    expect(demoUuid("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("observes only what happened before asOf and announces the next 3 weeks' calls", () => {
    for (const o of ops.values()) {
      const asOfS = o.asOfS;
      for (const e of o.operations.events) {
        if (e.classifier === "ACT") expect(e.eventAtS).toBeLessThan(asOfS);
        else expect(e.createdAtS).toBeLessThanOrEqual(asOfS);
      }
      const future = o.truth.calls.filter((c) => c.berthArrivalS >= asOfS);
      expect(future.length).toBeGreaterThan(10);
      for (const c of future) expect(c.etaS).not.toBeNull();
      for (const v of o.operations.visits) {
        expect(v.queueArrivalS).toBeLessThanOrEqual(v.gateInS);
        expect(v.gateInS).toBeLessThan(v.gateOutS);
      }
    }
  });

  it("matches the published yearly TEU at scale 1 (events per TEU consistent with it)", () => {
    // POLA 2022: 9,911,159 TEU; Nagoya 2013: 2.709 M TEU incl. domestic (port-community-systems.md §5).
    const published = { USLAX: 9_911_159, JPNGO: 2_709_000 } as const;
    for (const [port, o] of ops) {
      const truth = world.truth.find((t) => t.port === port)!;
      const fromS = Date.parse(truth.window.from) / 1000;
      const toS = Date.parse(truth.window.to) / 1000;
      const inWindow = o.truth.calls.filter((c) => c.berthArrivalS >= fromS && c.berthArrivalS < toS);
      const teuPerYear = (inWindow.reduce((s, c) => s + c.teu, 0) / SCALE / ((toS - fromS) / DAY)) * 365;
      console.log(
        `${port}: ${Math.round(teuPerYear).toLocaleString("en-US")} TEU/yr at scale 1 (published ${published[port as "USLAX"].toLocaleString("en-US")})`,
      );
      // The world's call count is Poisson (±5 % over 63 days at 9 a day): ±20 % covers it.
      expect(teuPerYear / published[port as "USLAX"]).toBeGreaterThan(0.8);
      expect(teuPerYear / published[port as "USLAX"]).toBeLessThan(1.2);
      // Vessel moves (DISC + LOAD) of calls that left before asOf: one per box, 1.6–1.8 TEU a box.
      const done = o.truth.calls.filter(
        (c) => c.berthArrivalS >= fromS && c.berthArrivalS < o.asOfS - 5 * DAY,
      );
      const doneTeu = done.reduce((s, c) => s + c.teu, 0);
      const voyages = new Set(done.map((c) => `${c.imo}|${c.voyage}`));
      const moves = o.operations.events.filter(
        (e) =>
          e.classifier === "ACT" &&
          e.mode === "VESSEL" &&
          (e.eventCode === "DISC" || e.eventCode === "LOAD") &&
          voyages.has(`${e.vesselImo}|${e.voyage}`),
      ).length;
      expect(moves / doneTeu).toBeGreaterThan(1 / 1.9);
      expect(moves / doneTeu).toBeLessThan(1 / 1.5);
    }
  });

  it("dwells and leaves like the published Los Angeles figures", () => {
    const o = ops.get("USLAX")!;
    const left = o.truth.imports.filter((b) => b.dischargedAtS < o.asOfS - 21 * DAY);
    const days = (m: string) =>
      left.filter((b) => b.mode === m).map((b) => (b.leftAtS - b.dischargedAtS) / DAY);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const truck = days("truck");
    const rail = days("rail");
    // PMSA truck dwell 2.55–3.25 d over the year to Aug 2025; holds add a little (+0.4 d allowed).
    expect(mean(truck)).toBeGreaterThan(2.55);
    expect(mean(truck)).toBeLessThan(3.65);
    // Rail 3.9–8.2 d in the published months.
    expect(mean(rail)).toBeGreaterThan(3.5);
    expect(mean(rail)).toBeLessThan(6);
    // "About 35 %" of intermodal containers by rail (portoflosangeles.org).
    expect(rail.length / left.length).toBeGreaterThan(0.3);
    expect(rail.length / left.length).toBeLessThan(0.4);
    // A tail past 9 days exists (holds), but is small outside congestion.
    const over9 = [...truck, ...rail].filter((d) => d > 9).length / left.length;
    expect(over9).toBeGreaterThan(0.005);
    expect(over9).toBeLessThan(0.06);
    // HTA turn time 71–98 min (queue arrival → exit, LA+LB, 2015–2019).
    const turns = o.operations.visits.map((v) => (v.gateOutS - (v.queueArrivalS ?? v.gateInS)) / 60);
    expect(mean(turns)).toBeGreaterThan(71);
    expect(mean(turns)).toBeLessThan(98);
  });

  it("publishes receiving rules that make a board with closures and alerts", () => {
    const o = ops.get("USLAX")!;
    expect(o.operations.receivingRules.length).toBeGreaterThan(7 * 14);
    const board = emptyReturnBoard(o.operations.receivingRules, o.asOfS, PORT_FLOW_FIGURES.USLAX.utcOffsetH);
    expect(board.rows.length).toBeGreaterThan(50);
    expect(board.rows.some((r) => r.tomorrow !== "unknown")).toBe(true);
    // Over two weeks some location closed to something.
    const closures = o.operations.receivingRules.some((r) => r.rules.some((x) => !x.accepting));
    expect(closures).toBe(true);
    // Updates land on the board's 5-minute ticks (Return Signal's refresh, §2.1).
    for (const r of o.operations.receivingRules) expect(r.publishedAtS % 300).toBe(0);
    // Some update in the fortnight closed a place that was open: an alert at that tick.
    const alerts = o.operations.receivingRules.flatMap(
      (r) => emptyReturnBoard(o.operations.receivingRules, r.publishedAtS, -8).alerts,
    );
    expect(alerts.some((a) => a.kind === "stopped_accepting")).toBe(true);
  });

  it("backs the import forecast: MAPE per week printed, the forecast beating the naive peer", () => {
    for (const [port, o] of ops) {
      const inputs = new ForecastInputs();
      for (const e of o.operations.events) inputs.add(e);
      const r = inputs.result(o.asOfS);
      const actual = o.truth.imports.map((b) => ({
        arrivalS: b.callArrivalS,
        terminal: b.terminal,
        sizeFt: b.sizeFt,
        mode: b.mode,
      }));
      const ours = backtestForecast(forecastImports({ asOfS: o.asOfS, ...r }), actual);
      const naive = backtestForecast(
        naiveForecast({ asOfS: o.asOfS, history: r.history, railShare: r.railShare }),
        actual,
      );
      for (const [k, w] of ours.entries()) {
        console.log(
          `${port} ${w.week}: actual ${w.actualBoxes} forecast ${w.forecastBoxes.toFixed(0)} | total APE ${w.totalApePct.toFixed(1)} % cell MAPE ${w.cellMapePct.toFixed(1)} % WAPE ${w.cellWapePct.toFixed(1)} % | naive WAPE ${naive[k]!.cellWapePct.toFixed(1)} %`,
        );
      }
      const wape = (ws: typeof ours) => ws.reduce((s, w) => s + w.cellWapePct, 0) / ws.length;
      expect(wape(ours)).toBeLessThan(wape(naive));
      expect(ours[1]!.totalApePct).toBeLessThan(25);
    }
  });
});

describe("lognormalFromMeanAndTail", () => {
  it("reproduces the published mean and tail it was fitted to", () => {
    // PMSA November: truck 2.78 d, 6.4 % over 5 d; z(0.936) = 1.522 (standard normal table).
    const { mu, sigma } = lognormalFromMeanAndTail(2.78, 5, 1.522);
    expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(2.78, 6);
    expect((Math.log(5) - mu) / sigma).toBeCloseTo(1.522, 6);
  });
});
