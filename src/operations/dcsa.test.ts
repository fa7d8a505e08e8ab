import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDcsaEvents } from "./dcsa.ts";
import { loadFacilityLookup } from "./facilities-io.ts";

const facilities = loadFacilityLookup();
// A fixed "now" so that the "created in the future" rule does not depend on the day the test runs.
const nowS = Date.parse("2026-12-04T00:00:00Z") / 1000;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/dcsa/${name}`, import.meta.url), "utf8");
const parse = (name: string) => parseDcsaEvents(fixture(name), name, facilities, { nowS });

describe("parseDcsaEvents on DCSA's conformance examples (fixtures/dcsa, Conformance-Gateway)", () => {
  it("accepts every event of the valid response and maps them", () => {
    const r = parse("tnt-220-response.json");
    expect(r.read).toBe(7);
    expect(r.rejects).toEqual([]);
    expect(r.events.map((e) => `${e.eventType}:${e.eventCode}`)).toEqual([
      "TRANSPORT:ARRI",
      "SHIPMENT:DRFT",
      "EQUIPMENT:LOAD",
      "TRANSPORT:ARRI",
      "SHIPMENT:DRFT",
      "EQUIPMENT:LOAD",
      "SHIPMENT:DRFT",
    ]);
    // Third event, read from the file: LOAD of APZU4812090 (22GP, EMPTY) at FRPAR, facility ADT (SMDG),
    // on King of the Seas (IMO 9321483, call sign NCVV), voyage 2103S, booking ABC123123123.
    const load = r.events[2]!;
    expect(load).toMatchObject({
      eventId: "3cecb101-7a1a-43a4-9d62-e88a131651e4",
      classifier: "EST",
      containerNumber: "APZU4812090",
      isoEquipmentCode: "22GP",
      sizeFt: 20,
      emptyIndicator: "EMPTY",
      port: "FRPAR",
      facilityCode: "ADT",
      terminal: null,
      mode: "VESSEL",
      vesselImo: 9321483,
      vesselName: "King of the Seas",
      vesselCallSign: "NCVV",
      voyage: "2103S",
      carrierBookingReference: "ABC123123123",
      transportDocumentReference: "reserved-HHL123",
    });
    // 2019-11-12T07:41:00+08:30 = 2019-11-11T23:11:00Z.
    expect(load.eventAtS).toBe(Date.UTC(2019, 10, 11, 23, 11, 0) / 1000);
    expect(load.extra["eventLocation.locationName"]).toBe("Eiffel Tower");
    expect(load.extra["transportCall.carrierServiceCode"]).toBe("FE1");
    const shipment = r.events[1]!;
    expect(shipment).toMatchObject({ documentType: "SHI", port: null, containerNumber: null });
    expect(shipment.references).toContainEqual({ type: "EQ", value: "APZU4812090" });
  });

  it("rejects both elements of the wrong-structure file: the events are nested, not in the root array", () => {
    const r = parse("tnt-220-response-wrong-structure.json");
    expect(r.read).toBe(2);
    expect(r.events).toEqual([]);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [1, "/eventType"],
      [2, "/eventType"],
    ]);
  });

  it("rejects each broken date-time with the schema path or rule that failed; the baseline event passes", () => {
    const r = parse("tnt-220-response-wrong-date-times.json");
    expect(r.read).toBe(7);
    expect(r.events.length + r.rejects.length).toBe(7);
    expect(r.events.map((e) => e.eventCode)).toEqual(["DRFT"]);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [2, "/eventCreatedDateTime #/components/schemas/baseEvent/required"],
      [3, "/eventDateTime #/components/schemas/baseEventBody/required"],
      [4, "/eventCreatedDateTime #/components/schemas/eventCreatedDateTime/format"],
      [5, "/eventDateTime #/components/schemas/eventDateTime/format"],
      [6, "/eventCreatedDateTime"],
      [7, "/eventCreatedDateTime"],
    ]);
    expect(r.rejects[4]!.reason).toMatch(/actual \(ACT\) event cannot be created/);
    expect(r.rejects[5]!.reason).toMatch(/future/);
  });

  it("rejects wrong and repeated event ids", () => {
    const r = parse("tnt-220-response-wrong-event-ids.json");
    expect(r.read).toBe(7);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [1, "/eventID #/components/schemas/eventID/type"],
      [2, "/eventID #/components/schemas/eventID/format"],
      [4, "/eventID"],
      [7, "/eventID"],
    ]);
    expect(r.events.map((e) => e.eventId)).toEqual([
      "3cecb101-7a1a-43a4-9d62-e88a131651e8",
      "1ed826d0-3643-42e3-974b-eb88357c8e40",
      "af7728dc-0e1e-42d2-ad78-61c5c0c25878",
    ]);
  });

  it("rejects the wrong attribute values the schema lets through (contradicting places, bad check digit)", () => {
    const r = parse("tnt-220-response-wrong-attribute-values.json");
    expect(r.read).toBe(3);
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [1, "/transportCall/location/UNLocationCode"],
      [3, "/transportCall/location/UNLocationCode"],
    ]);
    // The SHIPMENT VOID of an arrival notice is valid by the schema and by our rules.
    expect(r.events.map((e) => e.eventCode)).toEqual(["VOID"]);
  });
});

describe("parseDcsaEvents: input forms and bad input", () => {
  const valid = JSON.parse(fixture("tnt-220-response.json")) as Record<string, unknown>[];

  it("reads NDJSON with line numbers and reports a line that is not JSON", () => {
    const text = `${JSON.stringify(valid[0])}\n\n{not json\n${JSON.stringify(valid[2])}\n`;
    const r = parseDcsaEvents(text, "x.ndjson", facilities, { nowS });
    expect(r.read).toBe(3);
    expect(r.events).toHaveLength(2);
    expect(r.rejects).toMatchObject([{ file: "x.ndjson", line: 3, field: "/" }]);
  });

  it("reads a single event object and a file starting with a byte-order mark", () => {
    const one = parseDcsaEvents(JSON.stringify(valid[1], null, 2), "one.json", facilities, { nowS });
    expect(one).toMatchObject({ read: 1, rejects: [] });
    const bom = parseDcsaEvents(`\uFEFF${fixture("tnt-220-response.json")}`, "bom.json", facilities, {
      nowS,
    });
    expect(bom.events).toHaveLength(7);
  });

  it("reports a broken JSON array once", () => {
    const r = parseDcsaEvents("[{", "b.json", facilities, { nowS });
    expect(r.read).toBe(1);
    expect(r.rejects).toHaveLength(1);
  });

  it("refuses a container number that fails its ISO 6346 check digit", () => {
    const e = {
      ...valid[2],
      eventID: "3cecb101-7a1a-43a4-9d62-e88a13165100",
      equipmentReference: "APZU4812091",
    };
    const r = parseDcsaEvents(JSON.stringify([e]), "c.json", facilities, { nowS });
    expect(r.rejects).toMatchObject([
      { field: "/equipmentReference", reason: expect.stringMatching(/check digit/) },
    ]);
  });

  it("resolves an SMDG terminal code of our ports to our terminal (terminal-codes.csv: USLAX YUSEN)", () => {
    const e = {
      ...valid[2],
      eventLocation: { UNLocationCode: "USLAX", facilityCode: "YUSEN", facilityCodeListProvider: "SMDG" },
    };
    const r = parseDcsaEvents(JSON.stringify([e]), "t.json", facilities, { nowS });
    expect(r.events[0]).toMatchObject({
      port: "USLAX",
      facilityCode: "YUSEN",
      terminal: "uslax-terminal-yti",
    });
  });

  it("gives an event without eventID the same deterministic id on every run", () => {
    const { eventID: _, ...e } = valid[2]!;
    const a = parseDcsaEvents(JSON.stringify([e]), "n.json", facilities, { nowS });
    const b = parseDcsaEvents(JSON.stringify([e]), "n.json", facilities, { nowS });
    expect(a.events[0]!.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.events[0]!.eventId).toBe(b.events[0]!.eventId);
  });
});
