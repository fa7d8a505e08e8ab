/**
 * KPI arithmetic against cases worked out by hand (test/helpers/operations.ts holds the records,
 * each time with its local time). Expected numbers are computed below from the times, not from the
 * code's bins or tables.
 */
import { describe, expect, it } from "vitest";
import { BOX, event, IMO_CALL, operationsDay, PORT, YTI, ZONE } from "../../test/helpers/operations.ts";
import type { PortCallRecord } from "../calls/index.ts";
import {
  anchorageWaiting,
  type BerthWindow,
  berthWindow,
  binQuantileS,
  callOperations,
  periodLabel,
  scheduleReliability,
  terminalKpis,
} from "./kpi.ts";
import { type TruckVisit, teuQuartersOf } from "./model.ts";
import {
  firstDayOfMonth,
  localClock,
  monthOfDay,
  rollupBatch,
  splitByMonths,
  type VesselMoveRollup,
} from "./rollup.ts";

const clock = localClock(ZONE);

function kpisOfDay() {
  const day = operationsDay();
  const batch = rollupBatch(PORT, clock, day, new Map());
  const histograms = batch.histograms.map((h) => ({
    terminal: h.terminal,
    metric: h.metric,
    bin: h.bin,
    count: h.count,
  }));
  return { batch, kpis: terminalKpis(batch.hourly, histograms, new Map(), "day") };
}

describe("local clock", () => {
  it("puts two facts of one UTC hour in two local hours where the zone is off by half an hour", () => {
    // Asia/Kolkata is UTC+5:30 (no DST). 2026-01-01T10:10Z = 15:40 local, 10:40Z = 16:10 local.
    const t0 = 1_767_225_600; // 2026-01-01T00:00Z
    const gateIns = [10 * 3600 + 600, 10 * 3600 + 2400].map((offsetS) =>
      event({ eventCode: "GTIN", eventAtS: t0 + offsetS, mode: "TRUCK" }),
    );
    const batch = rollupBatch(
      PORT,
      localClock("Asia/Kolkata"),
      { events: gateIns, visits: [], railMoves: [] },
      new Map(),
    );
    expect(batch.hourly.map((r) => [r.hour, r.gateInEvents])).toEqual([
      [15, 1],
      [16, 1],
    ]);
  });

  it("gives the local day and hour, across a DST change", () => {
    // 2026-01-01T00:00Z = 1,767,225,600 s = 20,454 days exactly; Tokyo is UTC+9 → 09:00 the same day.
    expect(localClock("Asia/Tokyo")(1_767_225_600)).toEqual({ day: 20454, hour: 9 });
    // Los Angeles springs forward on 2026-03-08 at 02:00 PST = 10:00Z (day 20454 + 31 + 28 + 7 = 20520).
    expect(clock(Date.parse("2026-03-08T09:59:00Z") / 1000)).toEqual({ day: 20520, hour: 1 });
    expect(clock(Date.parse("2026-03-08T10:00:00Z") / 1000)).toEqual({ day: 20520, hour: 3 });
    expect(periodLabel(20520)).toBe("2026-03-08");
    expect(periodLabel(20520, 3)).toBe("2026-03-08T03");
  });
});

describe("month split of a day range", () => {
  it("reads whole months from month rows and the edges from day rows", () => {
    // 2026-01-01 is day 20454; 2026-02-01 = 20454 + 31 = 20485; 2026-03-01 = 20485 + 28 = 20513.
    expect(monthOfDay(20454)).toBe(2026 * 12);
    expect(firstDayOfMonth(2026 * 12 + 1)).toBe(20485);
    // 2026-01-20 (20473) … 2026-03-05 (20517): February whole; 01-20…01-31 and 03-01…03-05 by day.
    expect(splitByMonths(20473, 20517)).toEqual({
      months: [2026 * 12 + 1, 2026 * 12 + 1],
      days: [
        [20473, 20484],
        [20513, 20517],
      ],
    });
    // February exactly: one month, no days; 02-02 … 02-27: days only.
    expect(splitByMonths(20485, 20512)).toEqual({ months: [24313, 24313], days: [] });
    expect(splitByMonths(20486, 20511)).toEqual({ months: null, days: [[20486, 20511]] });
  });
});

describe("quantiles from bins", () => {
  it("takes the nearest rank's bin", () => {
    // N = 4: p50 → rank 2 → bin 45 min; p90 → rank ceil(3.6) = 4 → bin 90 min.
    const bins = [
      { bin: 30, count: 1 },
      { bin: 45, count: 2 },
      { bin: 90, count: 1 },
    ];
    expect(binQuantileS(bins, 60, 0.5)).toBe(2700);
    expect(binQuantileS(bins, 60, 0.9)).toBe(5400);
    expect(binQuantileS([], 60, 0.5)).toBeNull();
  });
});

describe("terminal KPIs of the hand-made day", () => {
  const { kpis, batch } = kpisOfDay();
  const yti = kpis.find((k) => k.terminal === YTI);

  it("truck turn time: queue arrival → gate-out, split queue / in-terminal", () => {
    // Turn (visits with a queue arrival): V1 65, V2 90, V3 40 min → mean 195 / 3 = 65;
    // sorted 40, 65, 90: p50 rank ceil(1.5) = 2 → 65; p90 rank ceil(2.7) = 3 → 90; p95 rank 3 → 90.
    expect(yti?.turn.turn).toEqual({ count: 3, meanMin: 65, p50Min: 65, p90Min: 90, p95Min: 90 });
    // Queue: 20, 40, 10 → mean 70 / 3 = 23.33; sorted 10, 20, 40: p50 20, p90 40, p95 40.
    expect(yti?.turn.queue).toEqual({ count: 3, meanMin: 23.33, p50Min: 20, p90Min: 40, p95Min: 40 });
    // In terminal (all 4 visits): 45, 50, 30, 25 → mean 150 / 4 = 37.5; sorted 25, 30, 45, 50:
    // p50 rank 2 → 30; p90 rank ceil(3.6) = 4 → 50.
    expect(yti?.turn.inTerminal).toEqual({ count: 4, meanMin: 37.5, p50Min: 30, p90Min: 50, p95Min: 50 });
    expect(yti?.turn.visits).toBe(4);
  });

  it("TEU of the vessel moves: 9 actual moves at the port, all 45G1 (40 ft) boxes", () => {
    // Discharges A, G, H, B, D, E and loads I, J, K; the planned X and the load at Shanghai do
    // not count. 9 boxes × 2 TEU = 18 TEU = 72 quarter-TEU.
    const sum = (k: "vesselTeuQuarters" | "vesselDischarges" | "vesselLoads") =>
      batch.hourly.reduce((a, r) => a + r[k], 0);
    expect(sum("vesselDischarges") + sum("vesselLoads")).toBe(9);
    expect(sum("vesselTeuQuarters")).toBe(72);
  });

  it("TEU per box by length: 20 ft 1, 40 ft 2, 45 ft 2.25, unknown 0 (in quarters)", () => {
    expect([20, 40, 45, null].map((f) => teuQuartersOf(f as 20 | 40 | 45 | null))).toEqual([4, 8, 9, 0]);
  });

  it("gate throughput and trouble tickets", () => {
    // 4 visits; moves: 1 in (V2), 3 out (V1, V3, V4); one DCSA gate-out event (E).
    expect(yti?.gate).toEqual({ truckVisits: 4, movesIn: 1, movesOut: 3, gateInEvents: 0, gateOutEvents: 1 });
    // Trouble known for V1, V2, V3 (V4 unknown); one ticket → 1 / 3.
    expect(yti?.troubleTickets).toEqual({ known: 3, tickets: 1, rate: 1 / 3 });
  });

  it("import dwell, split truck / rail, with ageing over 5 and 9 days", () => {
    // Truck: A 01-10 16:00Z → 01-15 17:05Z = 5 d 1 h 5 min = 121.083 h; B 01-05 18:40Z → 01-15
    // 18:40Z = 240 h; E 01-14 08:00Z → 01-15 20:00Z = 36 h. Mean 397.083 / 3 = 132.36 h; median
    // (rank 2 of 36, 121.08, 240) → the 121 h bin; p90 rank 3 → 240. Over 5 d (120 h): A, B; over 9 d (216 h): B.
    expect(yti?.dwell.truck).toEqual({
      count: 3,
      meanH: 132.36,
      medianH: 121,
      p90H: 240,
      over5d: 2,
      over9d: 1,
      over5dShare: 2 / 3,
      over9dShare: 1 / 3,
    });
    // Rail: D 01-13 14:00Z → 01-16 02:00Z = 60 h.
    expect(yti?.dwell.rail).toMatchObject({ count: 1, meanH: 60, medianH: 60, p90H: 60, over5d: 0 });
    // All four: (397.083 + 60) / 4 = 114.27 h; sorted 36, 60, 121, 240: median rank 2 → 60; p90 rank 4 → 240.
    expect(yti?.dwell.all).toMatchObject({
      count: 4,
      meanH: 114.27,
      medianH: 60,
      p90H: 240,
      over5d: 2,
      over9d: 1,
    });
  });

  it("puts each fact in its local day: D's rail exit is the 15th in Los Angeles, the 16th in UTC", () => {
    const jan15 = yti?.series.find((p) => p.period === "2026-01-15");
    expect(jan15).toMatchObject({
      truckVisits: 4,
      dwellCount: 4,
      railMoves: 1,
      gateMovesIn: 1,
      gateMovesOut: 3,
    });
    expect(yti?.series.some((p) => p.period === "2026-01-16")).toBe(false);
    // 01-10 local: the call's 3 discharges (08:00, 09:30, 12:00) and 3 loads (17:00, 18:00, 18:59).
    expect(yti?.series.find((p) => p.period === "2026-01-10")?.vesselMoves).toBe(6);
    // Vessel moves: 6 discharges at the port (A, G, H, B, D, E), 3 loads; the PLN and the Shanghai load not counted.
    expect(yti?.vesselMoves).toEqual({ discharges: 6, loads: 3 });
  });

  it("keeps G and H open in the dwell state (still in the yard)", () => {
    const open = batch.states
      .filter((st) => st.dischargeS !== null)
      .map((st) => st.containerNumber)
      .sort();
    expect(open).toEqual([BOX.H, BOX.G].sort());
  });

  it("pairs an exit that arrives before its discharge", () => {
    const day = operationsDay();
    const gtot = day.events.filter((e) => e.eventCode === "GTOT");
    const states = new Map();
    const first = rollupBatch(PORT, clock, { events: gtot, visits: [], railMoves: [] }, states);
    expect(first.hourly.reduce((k, r) => k + r.dwellTruckCount, 0)).toBe(0);
    const disc = day.events.filter((e) => e.containerNumber === BOX.E && e.eventCode === "DISC");
    const second = rollupBatch(PORT, clock, { events: disc, visits: [], railMoves: [] }, states);
    // E: 36 h, closed when the discharge arrives.
    expect(second.hourly.reduce((k, r) => k + r.dwellTruckSumS, 0)).toBe(36 * 3600);
  });
});

describe("a gate-out told twice", () => {
  // Box X off the vessel at 08:00, out by truck at 14:00: the terminal's DCSA GTOT says 14:00, the gate
  // file's visit says gate-out 14:02. One dwell of 6 h; nothing left open for X.
  const t = (h: number, m = 0) =>
    Date.parse(`2026-02-02T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`) / 1000;
  const events = [
    event({ eventCode: "DISC", eventAtS: t(8), containerNumber: BOX.X }),
    event({ eventCode: "GTOT", eventAtS: t(14), containerNumber: BOX.X, mode: "TRUCK" }),
  ];
  const visit: TruckVisit = {
    visitId: "V-X",
    port: PORT,
    terminal: YTI,
    truckId: "T-X",
    licencePlate: null,
    queueArrivalS: t(13, 30),
    gateInS: t(13, 40),
    gateOutS: t(14, 2),
    appointmentId: null,
    troubleTicket: false,
    carrierScac: null,
    moves: [
      {
        containerNumber: BOX.X,
        direction: "out",
        isoEquipmentCode: "45G1",
        sizeFt: 40,
        emptyIndicator: "LADEN",
      },
    ],
  };

  it("closes one dwell and leaves no exit waiting for a discharge", () => {
    const batch = rollupBatch(PORT, clock, { events, visits: [visit], railMoves: [] }, new Map());
    expect(batch.hourly.reduce((k, r) => k + r.dwellTruckCount, 0)).toBe(1);
    expect(batch.hourly.reduce((k, r) => k + r.dwellTruckSumS, 0)).toBe(6 * 3600);
    const x = batch.states.find((st) => st.containerNumber === BOX.X);
    expect(x).toMatchObject({ dischargeS: null, exitS: null });
    expect(batch.latestS).toBe(t(14, 2));
  });

  it("still opens an exit more than an hour after the one that closed the dwell (a later stay told out of order)", () => {
    const later = { ...visit, visitId: "V-X2", gateInS: t(16), gateOutS: t(16, 10), queueArrivalS: null };
    const batch = rollupBatch(PORT, clock, { events, visits: [later], railMoves: [] }, new Map());
    expect(batch.hourly.reduce((k, r) => k + r.dwellTruckCount, 0)).toBe(1);
    expect(batch.states.find((st) => st.containerNumber === BOX.X)).toMatchObject({
      dischargeS: null,
      exitS: t(16, 10),
    });
  });
});

function call(p: Partial<PortCallRecord>): PortCallRecord {
  return {
    id: "c",
    port: PORT,
    neighbourOf: null,
    imo: null,
    vesselName: null,
    terminal: YTI,
    berthArrivalAt: "2026-01-10T15:00:00Z",
    lastBerthDepartureAt: "2026-01-11T03:00:00Z",
    timeAtBerthH: 12,
    etaAt: null,
    anchorageWaitH: 0,
    ...p,
  } as PortCallRecord;
}

/** The moves (discharges + loads) of rollup rows in a berth window: what the store sums in SQL. */
function movesInWindow(w: BerthWindow | null, moves: readonly VesselMoveRollup[]): number {
  let n = 0;
  if (w !== null)
    for (const m of moves)
      if (m.vesselImo === w.vesselImo && m.hourS >= w.fromHourS && m.hourS <= w.toHourS)
        n += m.discharges + m.loads;
  return n;
}

describe("call KPIs", () => {
  it("moves per berth hour: the vessel's moves while at berth over its hours at berth", () => {
    const { batch } = kpisOfDay();
    const c1 = call({ id: "c1", imo: IMO_CALL });
    const [c] = callOperations([c1], [movesInWindow(berthWindow(c1), batch.vesselMoves)]);
    // 3 discharges + 3 loads between 15:00Z and 03:00Z; 12 h at berth → 6 / 12 = 0.5.
    expect(c).toMatchObject({ moves: 6, berthHours: 12, movesPerBerthHour: 0.5 });
  });

  it("schedule reliability against the ETA the call carries, and anchorage waiting", () => {
    const calls = callOperations(
      [
        // arrival 15:00Z; ETA 13:00Z → +2 h; ETA 2026-01-11T21:00Z → −30 h; ETA 05:00Z → +10 h.
        call({ id: "a", etaAt: "2026-01-10T13:00:00Z", anchorageWaitH: 0 }),
        call({ id: "b", etaAt: "2026-01-11T21:00:00Z", anchorageWaitH: 6 }),
        call({ id: "c", etaAt: "2026-01-10T05:00:00Z", anchorageWaitH: 12 }),
        call({ id: "d", etaAt: null, anchorageWaitH: 0 }),
      ],
      [0, 0, 0, 0],
    );
    expect(calls.map((c) => c.arrivalDeviationH)).toEqual([2, -30, 10, null]);
    // |dev| ≤ 24 h: a and c → 2 of 3 with an ETA; mean |dev| = (2 + 30 + 10) / 3 = 14 h.
    expect(scheduleReliability(calls)).toEqual({
      calls: 4,
      withEta: 3,
      onTime: 2,
      onTimeShare: 2 / 3,
      meanAbsDeviationH: 14,
    });
    // Waits 0, 6, 12, 0 → mean 18 / 4 = 4.5 h; sorted 0, 0, 6, 12: p90 rank ceil(3.6) = 4 → 12; 2 waited.
    expect(anchorageWaiting(calls)).toEqual({ calls: 4, waited: 2, meanWaitH: 4.5, p90WaitH: 12 });
  });
});
