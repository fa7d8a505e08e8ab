import { describe, expect, it } from "vitest";
import { isoUtc } from "../core/time.ts";
import { callId, isCallCandidate, resolveAisEta } from "./calls.ts";

describe("calls helpers", () => {
  it("callId", () =>
    expect(callId("USLAX", 367000001, Date.UTC(2026, 0, 2, 3, 4, 59) / 1000)).toBe(
      "USLAX-367000001-202601020304",
    ));
  it("isCallCandidate: tugs, pilots and class B harbour craft never call", () => {
    expect(isCallCandidate({ shipType: 52, aisClass: "A" })).toBe(false);
    expect(isCallCandidate({ shipType: 50, aisClass: "A" })).toBe(false);
    expect(isCallCandidate({ shipType: 70, aisClass: "A" })).toBe(true);
    expect(isCallCandidate({ shipType: null, aisClass: "A" })).toBe(true);
    expect(isCallCandidate({ shipType: null, aisClass: "B" })).toBe(false);
  });
  it("resolveAisEta: year from the time heard", () => {
    expect(isoUtc(resolveAisEta("01-03 06:00", Date.UTC(2026, 11, 30) / 1000)!)).toBe("2027-01-03T06:00:00Z");
    expect(isoUtc(resolveAisEta("12-31 23:00", Date.UTC(2026, 11, 30) / 1000)!)).toBe("2026-12-31T23:00:00Z");
    expect(resolveAisEta("00-00 24:60", 0)).toBeNull();
    expect(resolveAisEta(null, 0)).toBeNull();
  });
});

describe("toPortCallRecord", () => {
  it("worked example: a shift between two berths → berthShifts 1, timeAtBerthH 18", async () => {
    const { toPortCallRecord } = await import("./calls.ts");
    const { DEFAULT_CALL_OPTIONS } = await import("./model.ts");
    const h = (x: number) => Date.UTC(2026, 0, 1) / 1000 + x * 3600;
    const r = toPortCallRecord(
      {
        mmsi: 367000001,
        port: "USLAX",
        neighbourOf: null,
        startS: h(0),
        endS: h(30),
        berths: [
          {
            berth: "a",
            terminal: "ta",
            berthLabel: "1",
            port: "USLAX",
            arrivalS: h(10),
            departureS: h(22),
            berthDistanceM: 0,
          },
          {
            berth: "b",
            terminal: "tb",
            berthLabel: "2",
            port: "USLAX",
            arrivalS: h(23),
            departureS: h(29),
            berthDistanceM: 85,
          },
        ],
        anchorages: [{ anchorage: "x", fromS: h(4), toS: h(8) }],
        crossed40nmS: h(0),
        crossed20nmS: h(1),
        enteredPortAreaS: h(9),
        leftPortAreaS: h(29.5),
        pilotBoardingS: h(8.5),
        speedZones: [],
        arrivalObserved: true,
        departureObserved: true,
        segments: [],
      },
      undefined,
      DEFAULT_CALL_OPTIONS,
    );
    expect(r.id).toBe("USLAX-367000001-202601011000");
    expect(r.berthShifts).toBe(1);
    expect(r.timeAtBerthH).toBe(18);
    expect(r.anchorageWaitH).toBe(4);
    expect(r.berthDepartureAt).toBe("2026-01-01T22:00:00Z");
    expect(r.lastBerthDepartureAt).toBe("2026-01-02T05:00:00Z");
    expect(r.methodology.version).toBe("calls-1.1.0");
    expect(r.vesselName).toBeNull();
  });
});
