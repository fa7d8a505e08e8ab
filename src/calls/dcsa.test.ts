import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { PortCallRecord } from "./calls.ts";
import { dcsaUuid, toDcsaTimestamps } from "./dcsa.ts";
import { DEFAULT_CALL_OPTIONS } from "./model.ts";

// The DCSA JIT 2.0.0 component schemas as published (OpenAPI 3.0 schema objects).
const spec = JSON.parse(readFileSync(new URL("./dcsa/jit-2.0.0-schemas.json", import.meta.url), "utf8")) as {
  components: { schemas: Record<string, unknown> };
};
const ajv = new Ajv({ strict: false, allErrors: true });
const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
addFormats(ajv);
ajv.addSchema({ $id: "jit", components: spec.components });
const validate = (name: string) => ajv.compile({ $ref: `jit#/components/schemas/${name}` });

const sampleCall: PortCallRecord = {
  id: "USLAX-367000001-202601011000",
  port: "USLAX",
  neighbourOf: null,
  mmsi: 367000001,
  imo: 9321483,
  vesselName: "KING OF THE SEAS",
  shipType: 71,
  shipTypeGroup: "cargo",
  aisClass: "A",
  callsign: "NCVV",
  lengthM: 300,
  terminal: "uslax-terminal-apm-pier400",
  berth: "uslax-berth-apm-401-406",
  berthLabel: "401-406",
  berthDistanceM: 0,
  startAt: "2026-01-01T02:00:00Z",
  endAt: "2026-01-02T01:00:00Z",
  crossed40nmAt: "2026-01-01T02:00:00Z",
  crossed20nmAt: "2026-01-01T04:00:00Z",
  enteredPortAreaAt: "2026-01-01T08:10:00Z",
  anchoredFrom: null,
  anchoredTo: null,
  anchorages: [],
  pilotBoardingAt: "2026-01-01T08:00:00Z",
  berthArrivalAt: "2026-01-01T10:00:00Z",
  berthDepartureAt: "2026-01-01T20:00:00Z",
  lastBerthDepartureAt: "2026-01-01T20:00:00Z",
  leftPortAreaAt: "2026-01-01T21:00:00Z",
  anchorageWaitH: 0,
  timeAtBerthH: 10,
  berthShifts: 0,
  berths: [
    {
      berth: "uslax-berth-apm-401-406",
      terminal: "uslax-terminal-apm-pier400",
      berthLabel: "401-406",
      port: "USLAX",
      berthDistanceM: 0,
      arrivalAt: "2026-01-01T10:00:00Z",
      departureAt: "2026-01-01T20:00:00Z",
      durationH: 10,
    },
  ],
  speedZones: [],
  arrivalObserved: true,
  departureObserved: true,
  destination: "LOS ANGELES",
  etaAt: "2026-01-01T09:45:00Z",
  methodology: { version: "calls-1.1.0", options: DEFAULT_CALL_OPTIONS },
};

describe("toDcsaTimestamps", () => {
  it("worked example: PBP and berth, actual and estimated", () => {
    const v = toDcsaTimestamps(sampleCall);
    expect(
      v.portCallServices.map((s) => `${s.portCallServiceTypeCode}/${s.portCallServiceEventTypeCode}`),
    ).toEqual(["PILOT_BOARDING_PLACE/ARRI", "BERTH/ARRI", "BERTH/DEPA"]);
    expect(v.timestamps.map((t) => `${t.classifierCode} ${t.dateTime}`)).toEqual([
      "ACT 2026-01-01T08:00:00Z",
      "EST 2026-01-01T08:15:00Z",
      "ACT 2026-01-01T10:00:00Z",
      "EST 2026-01-01T09:45:00Z",
      "ACT 2026-01-01T20:00:00Z",
    ]);
    expect(dcsaUuid("a", "b")).toBe(dcsaUuid("a", "b"));
    expect(dcsaUuid("a", "b")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("validates against the DCSA JIT 2.0.0 schemas (PortCall, PortCallService, Timestamp)", () => {
    const withAnchor: PortCallRecord = {
      ...sampleCall,
      anchorages: [
        {
          anchorage: "uslax-anchorage-b",
          from: "2026-01-01T05:00:00Z",
          to: "2026-01-01T07:00:00Z",
          durationH: 2,
        },
      ],
      imo: null,
      callsign: null,
      etaAt: null,
    };
    for (const call of [sampleCall, withAnchor]) {
      const v = toDcsaTimestamps(call);
      const pc = validate("PortCall");
      expect(pc(v.portCall), JSON.stringify(pc.errors)).toBe(true);
      const svc = validate("PortCallService");
      for (const s of v.portCallServices) expect(svc(s), JSON.stringify(svc.errors)).toBe(true);
      const ts = validate("Timestamp");
      for (const t of v.timestamps) expect(ts(t), JSON.stringify(ts.errors)).toBe(true);
    }
  });

  it("the schema rejects a broken timestamp (the validator is live)", () => {
    const ts = validate("Timestamp");
    expect(
      ts({ timestampID: "x", portCallServiceID: "y", classifierCode: "ACTUAL", dateTime: "yesterday" }),
    ).toBe(false);
  });
});
