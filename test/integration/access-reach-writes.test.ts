/**
 * Data reach on writes (issue 14): a partner posts telemetry only for its own equipment, a terminal
 * operator posts events only for its own terminal. Outside the reach the answer is 404, as reads
 * answer, and nothing of the batch is stored; an unknown unit reads the same as another owner's, so
 * a partner cannot probe which units exist. Admin keeps the per-record rejects.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestEquipment } from "../../src/transition/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { type FuzzTarget, ownerKeys, startFuzzTarget } from "../helpers/fuzz-run.ts";

const EQUIPMENT = `port,unit_id,category,powertrain,model_year,rated_power_kw,engine_tier,owner,status,programme,replaces
USLAX,UTR-ACME-1,yard_tractor,fuel_cell,2024,90,,ACME H2,pilot,,
USLAX,UTR-OTHER-1,yard_tractor,battery,2024,150,,Other Co,pilot,,
`;

const telemetry = (unitId: string, day: number) => [
  {
    unitId,
    periodStart: `2026-11-${String(day).padStart(2, "0")}`,
    periodEnd: `2026-11-${String(day + 1).padStart(2, "0")}`,
    operatingH: 8,
    moves: 120,
    h2Kg: 10,
  },
];

/** One DCSA EQUIPMENT event at a Los Angeles terminal by its SMDG code. */
const event = (n: number, facilityCode: string) => ({
  eventID: `3cecb101-7a1a-43a4-9d62-${String(n).padStart(12, "0")}`,
  eventCreatedDateTime: "2026-11-01T08:01:00Z",
  eventType: "EQUIPMENT",
  eventClassifierCode: "ACT",
  eventDateTime: "2026-11-01T08:00:00Z",
  equipmentEventTypeCode: "GTIN",
  equipmentReference: "MSCU1234566",
  ISOEquipmentCode: "45G1",
  emptyIndicatorCode: "LADEN",
  eventLocation: { UNLocationCode: "USLAX", facilityCode, facilityCodeListProvider: "SMDG" },
  transportCall: {
    transportCallID: "123e4567-e89b-12d3-a456-426614174000",
    carrierServiceCode: "FE1",
    exportVoyageNumber: "2103S",
    UNLocationCode: "USLAX",
    modeOfTransport: "TRUCK",
  },
});

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`data reach on writes (${kind.kind})`, () => {
    let db: TestDatabase;
    let target: FuzzTarget;
    const keys: Record<string, Record<string, string>> = {};
    beforeAll(async () => {
      db = await kind.create();
      target = await startFuzzTarget(db.url);
      await ingestEquipment(target.store.transition, EQUIPMENT, "equipment.csv");
      Object.assign(
        keys,
        await ownerKeys(target.store, [
          ["acme", "partner", "ACME H2"],
          ["yti", "terminal", "uslax-terminal-yti"],
        ]),
      );
    }, 60_000);
    afterAll(async () => {
      await target?.close();
      await db?.drop();
    });

    const post = (url: string, who: Record<string, string>, body: unknown) =>
      target.app.inject({
        method: "POST",
        url,
        headers: { ...who, "content-type": "application/json" },
        payload: body as object,
      });

    it("a partner posts its own unit's telemetry", async () => {
      const r = await post(
        "/api/ports/USLAX/transition/telemetry",
        keys["acme"]!,
        telemetry("UTR-ACME-1", 1),
      );
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ read: 1, accepted: 1, rejected: 0 });
    });

    it("another owner's unit, or an unknown one, is not found for a partner and nothing is stored", async () => {
      const before = (await target.store.transition.ingestRuns(100)).length;
      const other = await post("/api/ports/USLAX/transition/telemetry", keys["acme"]!, [
        ...telemetry("UTR-ACME-1", 2),
        ...telemetry("UTR-OTHER-1", 2),
      ]);
      expect(other.statusCode).toBe(404);
      const unknown = await post(
        "/api/ports/USLAX/transition/telemetry",
        keys["acme"]!,
        telemetry("NO-SUCH", 2),
      );
      expect(unknown.statusCode).toBe(404);
      // The two answers differ only in the unit named: existence is not revealed.
      expect(other.json().title).toBe(unknown.json().title);
      // The batch's own unit was not stored either: posted again alone, it is new.
      const again = await post(
        "/api/ports/USLAX/transition/telemetry",
        keys["acme"]!,
        telemetry("UTR-ACME-1", 2),
      );
      expect(again.json()).toMatchObject({ accepted: 1 });
      expect((await target.store.transition.ingestRuns(100)).length).toBe(before + 1);
    });

    it("admin may post any unit's telemetry; an unknown unit is a per-record reject", async () => {
      const r = await post("/api/ports/USLAX/transition/telemetry", target.headersOf["admin"]!, [
        ...telemetry("UTR-OTHER-1", 3),
        ...telemetry("NO-SUCH", 3),
      ]);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    });

    it("a terminal operator posts its own terminal's events; another terminal's are not found", async () => {
      const own = await post("/api/ports/USLAX/events", keys["yti"]!, [event(1, "YUSEN")]);
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ read: 1, accepted: 1 });
      const mixed = await post("/api/ports/USLAX/events", keys["yti"]!, [
        event(2, "YUSEN"),
        event(3, "APMT"),
      ]);
      expect(mixed.statusCode, mixed.body).toBe(404);
      // Nothing of the refused batch was stored: its YTI event is new when posted alone.
      const alone = await post("/api/ports/USLAX/events", keys["yti"]!, [event(2, "YUSEN")]);
      expect(alone.json()).toMatchObject({ accepted: 1, duplicates: 0 });
      // Admin posts any terminal's.
      const admin = await post("/api/ports/USLAX/events", target.headersOf["admin"]!, [event(3, "APMT")]);
      expect(admin.json()).toMatchObject({ accepted: 1 });
    });
  });
}
