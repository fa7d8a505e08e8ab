import { describe, expect, it } from "vitest";
import {
  type ActualImport,
  backtestForecast,
  type CallDischarge,
  ForecastInputs,
  forecastImports,
  horizonWeeks,
  isoWeek,
  naiveForecast,
  STALE_ANNOUNCEMENT_S,
} from "./forecast.ts";
import type { ContainerEvent } from "./model.ts";

const S = (iso: string) => Date.parse(iso) / 1000;
const DAY = 86_400;

describe("isoWeek", () => {
  // ISO 8601 week dates (the ISO calendar's own edge cases): 2021-01-01 (a Friday) belongs to
  // 2020-W53; 2024-12-30 (a Monday) starts 2025-W01; 2026-11-20 is the Friday of 2026-W47.
  it("names the ISO week and its Monday", () => {
    expect(isoWeek(S("2021-01-01T12:00:00Z"))).toEqual({
      week: "2020-W53",
      weekStartS: S("2020-12-28T00:00:00Z"),
    });
    expect(isoWeek(S("2024-12-30T00:00:00Z"))).toEqual({
      week: "2025-W01",
      weekStartS: S("2024-12-30T00:00:00Z"),
    });
    expect(isoWeek(S("2026-11-20T12:00:00Z"))).toEqual({
      week: "2026-W47",
      weekStartS: S("2026-11-16T00:00:00Z"),
    });
    expect(horizonWeeks(S("2026-11-20T12:00:00Z"), 3).map((w) => w.week)).toEqual([
      "2026-W47",
      "2026-W48",
      "2026-W49",
    ]);
  });
});

const sizes = (a: number, b: number, c: number) => ({ 20: a, 40: b, 45: c });

describe("forecastImports", () => {
  const asOfS = S("2026-11-16T00:00:00Z"); // Monday of 2026-W47
  const history: CallDischarge[] = [
    // Vessel 9000001 at T1 twice: mean 20 × 20 ft, 60 × 40 ft.
    { imo: 9000001, voyage: "1", terminal: "T1", arrivalS: asOfS - 40 * DAY, boxes: sizes(10, 50, 0) },
    { imo: 9000001, voyage: "2", terminal: "T1", arrivalS: asOfS - 20 * DAY, boxes: sizes(30, 70, 0) },
    { imo: 9000002, voyage: "1", terminal: "T2", arrivalS: asOfS - 10 * DAY, boxes: sizes(0, 0, 8) },
    // Too recent (may still be discharging): ignored.
    { imo: 9000003, voyage: "1", terminal: "T2", arrivalS: asOfS - 1 * DAY, boxes: sizes(0, 0, 1000) },
  ];
  const forecast = forecastImports({
    asOfS,
    history,
    railShare: { T1: 0.3 },
    expected: [
      { imo: 9000009, voyage: "A", terminal: "T1", etaS: asOfS + 2 * DAY, planned: sizes(10, 100, 0) },
      { imo: 9000001, voyage: "3", terminal: "T1", etaS: asOfS + 9 * DAY, planned: null },
      { imo: 9000004, voyage: "1", terminal: "T2", etaS: asOfS + 16 * DAY, planned: null },
      { imo: 9000005, voyage: "1", terminal: "T3", etaS: asOfS + 17 * DAY, planned: null },
      { imo: 9000006, voyage: "1", terminal: "T1", etaS: asOfS + 22 * DAY, planned: sizes(500, 0, 0) },
    ],
  });
  const cell = (week: string, terminal: string, sizeFt: number, mode: string) =>
    forecast.cells.find(
      (c) => c.week === week && c.terminal === terminal && c.sizeFt === sizeFt && c.mode === mode,
    )?.boxes;

  it("uses the manifest, then the vessel's history at the terminal, then the terminal's mean", () => {
    // Manifest: 100 × 40 ft, rail share 0.3 → 70 truck + 30 rail; 10 × 20 ft → 7 + 3.
    expect(cell("2026-W47", "T1", 40, "truck")).toBeCloseTo(70, 9);
    expect(cell("2026-W47", "T1", 40, "rail")).toBeCloseTo(30, 9);
    expect(cell("2026-W47", "T1", 20, "truck")).toBeCloseTo(7, 9);
    // Vessel history (10+30)/2 = 20 × 20 ft, (50+70)/2 = 60 × 40 ft.
    expect(cell("2026-W48", "T1", 20, "truck")).toBeCloseTo(14, 9);
    expect(cell("2026-W48", "T1", 40, "rail")).toBeCloseTo(18, 9);
    // New vessel at T2: T2's settled mean (8 × 45 ft); no rail share known → all truck.
    expect(cell("2026-W49", "T2", 45, "truck")).toBeCloseTo(8, 9);
    expect(cell("2026-W49", "T2", 45, "rail")).toBe(0);
    expect(forecast.calls.map((c) => c.basis)).toEqual([
      "manifest",
      "vessel_history",
      "terminal_mean",
      "none",
    ]);
    // The call beyond the third week is not counted.
    expect(forecast.cells.some((c) => c.week === "2026-W50")).toBe(false);
  });
});

describe("backtestForecast", () => {
  it("computes total APE, cell MAPE and WAPE per week (hand-computed)", () => {
    const asOfS = S("2026-11-16T00:00:00Z");
    const forecast = forecastImports({
      asOfS,
      history: [],
      railShare: {},
      weeks: 1,
      expected: [
        { imo: 1, voyage: "A", terminal: "T1", etaS: asOfS + DAY, planned: sizes(0, 90, 0) },
        { imo: 2, voyage: "B", terminal: "T2", etaS: asOfS + DAY, planned: sizes(0, 60, 0) },
      ],
    });
    const actual: ActualImport[] = [
      ...Array.from({ length: 100 }, () => ({
        arrivalS: asOfS + DAY,
        terminal: "T1",
        sizeFt: 40 as const,
        mode: "truck" as const,
      })),
      ...Array.from({ length: 50 }, () => ({
        arrivalS: asOfS + DAY,
        terminal: "T2",
        sizeFt: 40 as const,
        mode: "truck" as const,
      })),
      // Before asOf: not part of the horizon.
      { arrivalS: asOfS - DAY, terminal: "T1", sizeFt: 40, mode: "truck" },
    ];
    const [w] = backtestForecast(forecast, actual);
    // Cells (A 100, F 90) and (A 50, F 60): MAPE (10 % + 20 %) / 2 = 15 %; WAPE 20 / 150; total 0.
    expect(w?.week).toBe("2026-W47");
    expect(w?.cellMapePct).toBeCloseTo(15, 9);
    expect(w?.cellWapePct).toBeCloseTo((100 * 20) / 150, 9);
    expect(w?.totalApePct).toBeCloseTo(0, 9);
    expect(w?.actualBoxes).toBe(150);
  });
});

describe("naiveForecast", () => {
  it("repeats the last 4 weeks' weekly mean, pro rata for the rest of the current week", () => {
    const asOfS = S("2026-11-19T12:00:00Z"); // Thursday noon: 3.5 of 7 days left
    const history: CallDischarge[] = [
      { imo: 1, voyage: "1", terminal: "T1", arrivalS: asOfS - 3 * DAY, boxes: sizes(40, 0, 0) },
      { imo: 2, voyage: "1", terminal: "T1", arrivalS: asOfS - 20 * DAY, boxes: sizes(40, 0, 0) },
      { imo: 3, voyage: "1", terminal: "T1", arrivalS: asOfS - 30 * DAY, boxes: sizes(400, 0, 0) },
    ];
    const f = naiveForecast({ asOfS, history, railShare: { T1: 0.25 } });
    const get = (week: string, mode: string) =>
      f.cells.find((c) => c.week === week && c.sizeFt === 20 && c.mode === mode)?.boxes;
    // (40 + 40) / 4 = 20 a week: 15 truck + 5 rail; the current week half of that.
    expect(get("2026-W48", "truck")).toBeCloseTo(15, 9);
    expect(get("2026-W48", "rail")).toBeCloseTo(5, 9);
    expect(get("2026-W47", "truck")).toBeCloseTo(7.5, 9);
  });
});

function ev(
  p: Partial<ContainerEvent> & Pick<ContainerEvent, "eventType" | "classifier" | "eventCode" | "eventAtS">,
): ContainerEvent {
  return {
    eventId: `${p.eventCode}-${p.eventAtS}-${p.containerNumber}`,
    source: "dcsa",
    createdAtS: p.eventAtS,
    port: "USLAX",
    terminal: "T1",
    facilityCode: null,
    containerNumber: null,
    isoEquipmentCode: null,
    sizeFt: null,
    emptyIndicator: null,
    mode: null,
    vesselImo: 9000001,
    vesselName: "A",
    voyage: "1",
    carrierBookingReference: null,
    transportDocumentReference: null,
    documentType: null,
    references: [],
    extra: {},
    ...p,
  };
}

describe("ForecastInputs", () => {
  it("reduces events to past discharges, expected calls with manifests and rail shares", () => {
    const t = S("2026-11-01T00:00:00Z");
    const inputs = new ForecastInputs();
    type Row = [
      ContainerEvent["classifier"],
      ContainerEvent["eventCode"],
      number,
      ContainerEvent["mode"],
      string,
      20 | 40 | 45,
      "LADEN" | "EMPTY",
      string,
    ];
    const rows: Row[] = [
      ["ACT", "DISC", t + 3600, "VESSEL", "A", 40, "LADEN", "1"],
      ["ACT", "DISC", t + 7200, "VESSEL", "B", 20, "LADEN", "1"],
      // Empties are not imports.
      ["ACT", "DISC", t + 7200, "VESSEL", "C", 40, "EMPTY", "1"],
      ["ACT", "GTOT", t + 3 * DAY, "TRUCK", "A", 40, "LADEN", "1"],
      ["ACT", "LOAD", t + 4 * DAY, "RAIL", "B", 40, "LADEN", "1"],
      ["ACT", "GTOT", t + 4 * DAY, "TRUCK", "D", 40, "LADEN", "1"],
      ["ACT", "GTOT", t + 4 * DAY, "TRUCK", "E", 40, "LADEN", "1"],
      // The next call's manifest: 2 × 45 ft.
      ["PLN", "DISC", t + 11 * DAY, "VESSEL", "F", 45, "LADEN", "2"],
      ["PLN", "DISC", t + 11 * DAY, "VESSEL", "G", 45, "LADEN", "2"],
    ];
    const events = [
      ev({ eventType: "TRANSPORT", classifier: "ACT", eventCode: "ARRI", eventAtS: t }),
      // Two estimates for the next call: the later one wins.
      ev({
        eventType: "TRANSPORT",
        classifier: "EST",
        eventCode: "ARRI",
        eventAtS: t + 10 * DAY,
        createdAtS: t,
        voyage: "2",
      }),
      ev({
        eventType: "TRANSPORT",
        classifier: "EST",
        eventCode: "ARRI",
        eventAtS: t + 11 * DAY,
        createdAtS: t + DAY,
        voyage: "2",
      }),
      ...rows.map(
        ([classifier, eventCode, eventAtS, mode, containerNumber, sizeFt, emptyIndicator, voyage]) =>
          ev({
            eventType: "EQUIPMENT",
            classifier,
            eventCode,
            eventAtS,
            mode,
            containerNumber,
            sizeFt,
            emptyIndicator,
            voyage,
          }),
      ),
    ];
    for (const e of events) inputs.add(e);
    const r = inputs.result(t + 5 * DAY);
    expect(r.history).toEqual([
      { imo: 9000001, voyage: "1", terminal: "T1", arrivalS: t, boxes: sizes(1, 1, 0) },
    ]);
    expect(r.expected).toEqual([
      { imo: 9000001, voyage: "2", terminal: "T1", etaS: t + 11 * DAY, planned: sizes(0, 0, 2) },
    ]);
    // 1 rail of 4 laden imports leaving.
    expect(r.railShare).toEqual({ T1: 0.25 });

    // A store adds batch after batch through the stored state (JSON): same inputs as one pass.
    let state = new ForecastInputs().state(t);
    for (let i = 0; i < events.length; i += 3) {
      const carried = new ForecastInputs(JSON.parse(JSON.stringify(state)));
      for (const e of events.slice(i, i + 3)) carried.add(e);
      state = carried.state(t + 5 * DAY);
    }
    expect(new ForecastInputs(state).result(t + 5 * DAY)).toEqual(r);
    // A year and more later the call is dropped from the state; the terminal's rail share stays.
    const later = new ForecastInputs(new ForecastInputs(state).state(t + 500 * DAY)).result(t + 500 * DAY);
    expect(later.history).toEqual([]);
    expect(later.railShare).toEqual({ T1: 0.25 });
    // Voyage 2 (ETA t + 11 days, 2 × 45 ft planned) never arrives: kept 14 days past its ETA, then
    // dropped with its planned discharges (a cancelled call).
    const keptS = t + 11 * DAY + STALE_ANNOUNCEMENT_S;
    expect(STALE_ANNOUNCEMENT_S).toBe(14 * DAY);
    const stillThere = new ForecastInputs(state).state(keptS);
    expect(stillThere.arrivals.map(([k]) => k)).toEqual(["9000001|2"]);
    expect(stillThere.planned.map(([k]) => k)).toEqual(["9000001|2"]);
    const gone = new ForecastInputs(state).state(keptS + 1);
    expect(gone.arrivals).toEqual([]);
    expect(gone.planned).toEqual([]);
  });
});
