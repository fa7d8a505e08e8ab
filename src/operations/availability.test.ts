import { describe, expect, it } from "vitest";
import { boxAvailability } from "./availability.ts";
import type { ContainerEvent } from "./model.ts";

const S = (iso: string) => Date.parse(iso) / 1000;
// CSQU3054383: the worked example of ISO 6346 Annex A (valid check digit).
const BOX = "CSQU3054383";
const BL = "CSQU123456789";

function ev(
  p: Partial<ContainerEvent> & Pick<ContainerEvent, "eventType" | "classifier" | "eventCode" | "eventAtS">,
): ContainerEvent {
  return {
    eventId: `${p.eventType}-${p.eventCode}-${p.eventAtS}-${p.documentType ?? ""}`,
    source: "dcsa",
    createdAtS: p.eventAtS,
    port: "USLAX",
    terminal: "uslax-terminal-yti",
    facilityCode: null,
    containerNumber: p.eventType === "EQUIPMENT" ? BOX : null,
    isoEquipmentCode: "45G1",
    sizeFt: 40,
    emptyIndicator: "LADEN",
    mode: null,
    vesselImo: null,
    vesselName: null,
    voyage: null,
    carrierBookingReference: null,
    transportDocumentReference: BL,
    documentType: null,
    references: [],
    extra: {},
    ...p,
  };
}

const planned = ev({
  eventType: "EQUIPMENT",
  classifier: "PLN",
  eventCode: "DISC",
  eventAtS: S("2026-11-10T10:00:00Z"),
  createdAtS: S("2026-11-01T00:00:00Z"),
  mode: "VESSEL",
});
const disc = ev({
  eventType: "EQUIPMENT",
  classifier: "ACT",
  eventCode: "DISC",
  eventAtS: S("2026-11-10T10:00:00Z"),
  mode: "VESSEL",
  extra: { lastFreeDay: "2026-11-14" },
});
const customsHold = ev({
  eventType: "SHIPMENT",
  classifier: "ACT",
  eventCode: "HOLD",
  eventAtS: S("2026-11-10T08:00:00Z"),
  documentType: "CUS",
});
const customsRels = ev({
  eventType: "SHIPMENT",
  classifier: "ACT",
  eventCode: "RELS",
  eventAtS: S("2026-11-10T14:00:00Z"),
  documentType: "CUS",
});
const freightHold = ev({
  eventType: "SHIPMENT",
  classifier: "ACT",
  eventCode: "HOLD",
  eventAtS: S("2026-11-10T09:00:00Z"),
  documentType: "INV",
});
const otherBlHold = ev({
  eventType: "SHIPMENT",
  classifier: "ACT",
  eventCode: "HOLD",
  eventAtS: S("2026-11-10T09:00:00Z"),
  documentType: "CUS",
  transportDocumentReference: "OTHER",
});
const gateOut = ev({
  eventType: "EQUIPMENT",
  classifier: "ACT",
  eventCode: "GTOT",
  eventAtS: S("2026-11-12T09:00:00Z"),
  mode: "TRUCK",
  transportDocumentReference: null,
});
const all = [planned, disc, customsHold, customsRels, freightHold, otherBlHold, gateOut];

describe("boxAvailability", () => {
  it("is expected before discharge when a discharge is planned, not_discharged when nothing is", () => {
    const a = boxAvailability(BOX, [planned], S("2026-11-05T00:00:00Z"));
    expect(a.status).toBe("expected");
    expect(a.reasons).toEqual(["planned_discharge"]);
    expect(a.expectedAtS).toBe(S("2026-11-10T10:00:00Z"));
    // A plan not yet published at asOf is not known.
    expect(boxAvailability(BOX, [planned], S("2026-10-30T00:00:00Z")).status).toBe("not_discharged");
  });

  it("follows holds on the box's bill of lading until each is released", () => {
    const evs = [planned, disc, customsHold, customsRels];
    const noon = boxAvailability(BOX, evs, S("2026-11-10T12:00:00Z"));
    expect(noon.status).toBe("on_hold");
    expect(noon.reasons).toEqual(["customs_hold"]);
    expect(noon.holds).toEqual([{ kind: "customs", reference: BL, sinceS: S("2026-11-10T08:00:00Z") }]);
    const later = boxAvailability(BOX, evs, S("2026-11-10T15:00:00Z"));
    expect(later.status).toBe("available");
    expect(later.reasons).toEqual(["released"]);
    expect(later.releasedAtS).toBe(S("2026-11-10T14:00:00Z"));
    expect(later.lastFreeDay).toBe("2026-11-14");
  });

  it("stays on hold while any hold is open; another B/L's hold does not count", () => {
    const a = boxAvailability(BOX, all, S("2026-11-11T00:00:00Z"));
    expect(a.status).toBe("on_hold");
    expect(a.reasons).toEqual(["freight_hold"]);
  });

  it("flags the last free day passed, and is picked up after a gate-out", () => {
    const evs = [disc];
    expect(boxAvailability(BOX, evs, S("2026-11-14T23:00:00Z")).reasons).toEqual([]);
    expect(boxAvailability(BOX, evs, S("2026-11-15T01:00:00Z")).reasons).toEqual(["past_last_free_day"]);
    // In Los Angeles (UTC−8) 2026-11-15T01:00Z is still the 14th, the last free day.
    expect(boxAvailability(BOX, evs, S("2026-11-15T01:00:00Z"), -8).reasons).toEqual([]);
    const out = boxAvailability(BOX, all, S("2026-11-13T00:00:00Z"));
    expect(out.status).toBe("picked_up");
    expect(out.reasons).toEqual(["gated_out"]);
  });

  it("is picked up when a gate file or a rail file records the box leaving after its discharge", () => {
    const asOf = S("2026-11-13T00:00:00Z");
    // A gate-out before the discharge is another visit of the box: it does not count.
    const early = [{ atS: disc.eventAtS - 3600, by: "truck" as const }];
    expect(boxAvailability(BOX, [disc], asOf, 0, early).status).toBe("available");
    const byTruck = boxAvailability(BOX, [disc], asOf, 0, [{ atS: disc.eventAtS + 7200, by: "truck" }]);
    expect([byTruck.status, byTruck.reasons]).toEqual(["picked_up", ["gated_out"]]);
    const byRail = boxAvailability(BOX, [disc], asOf, 0, [{ atS: disc.eventAtS + 7200, by: "rail" }]);
    expect(byRail.reasons).toEqual(["loaded_on_rail"]);
    // Not yet at asOf: still available.
    expect(
      boxAvailability(BOX, [disc], disc.eventAtS + 3600, 0, [{ atS: disc.eventAtS + 7200, by: "rail" }])
        .status,
    ).toBe("available");
  });

  it("reads the hold kind from extra.holdType, and a hold naming the box by an EQ reference", () => {
    const lineHold = ev({
      eventType: "SHIPMENT",
      classifier: "ACT",
      eventCode: "HOLD",
      eventAtS: S("2026-11-10T11:00:00Z"),
      transportDocumentReference: null,
      documentType: "TRD",
      extra: { holdType: "line" },
      references: [{ type: "EQ", value: BOX }],
    });
    const a = boxAvailability(BOX, [disc, lineHold], S("2026-11-10T12:00:00Z"));
    expect(a.status).toBe("on_hold");
    expect(a.holds).toEqual([{ kind: "line", reference: BOX, sinceS: S("2026-11-10T11:00:00Z") }]);
  });
});
