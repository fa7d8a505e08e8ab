/**
 * The import forecast, the empty-return board and box availability through the real application,
 * on SQLite and PostgreSQL: computed when data arrives, stored, served as stored. Expected figures
 * are worked out by hand below from the records given (not from the code's tables).
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ContainerEvent,
  ingestOperations,
  loadFacilityLookup,
  parseReceivingRulesCsv,
} from "../../src/operations/index.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { BOX, event, PORT, parsedOf, YTI, ZONE } from "../helpers/operations.ts";
import { adminKeyHeaders } from "../helpers/server.ts";

const s = (iso: string) => Date.parse(iso) / 1000;
/** "Now" of every ingest: Friday 2026-11-20 11:00 in Los Angeles (PST, UTC−8), ISO week 2026-W47. */
const NOW_S = s("2026-11-20T19:00:00Z");
const IMO_A = 9_321_483;
const IMO_B = 9_398_242;

function forecastEvents(): ContainerEvent[] {
  const arri = (imo: number, voyage: string, classifier: "ACT" | "EST", at: string, created = at) =>
    event({
      eventType: "TRANSPORT",
      eventCode: "ARRI",
      classifier,
      eventAtS: s(at),
      createdAtS: s(created),
      vesselImo: imo,
      voyage,
      containerNumber: null,
      isoEquipmentCode: null,
      sizeFt: null,
      emptyIndicator: null,
    });
  const box = (
    code: "DISC" | "GTOT" | "LOAD",
    classifier: "ACT" | "PLN",
    at: string,
    sizeFt: 20 | 40 | 45,
    extra: Partial<ContainerEvent> = {},
  ) =>
    event({
      eventCode: code,
      classifier,
      eventAtS: s(at),
      createdAtS: s("2026-11-01T00:00:00Z"),
      sizeFt,
      isoEquipmentCode: sizeFt === 20 ? "22G1" : sizeFt === 40 ? "42G1" : "L5G1",
      ...extra,
    });
  const vessel = (imo: number, voyage: string) => ({ vesselImo: imo, voyage, mode: "VESSEL" as const });
  return [
    // Vessel A's last call, two weeks back: 2 × 40 ft and 1 × 20 ft laden imports.
    arri(IMO_A, "1", "ACT", "2026-11-02T10:00:00Z"),
    box("DISC", "ACT", "2026-11-02T12:00:00Z", 40, vessel(IMO_A, "1")),
    box("DISC", "ACT", "2026-11-02T12:10:00Z", 40, vessel(IMO_A, "1")),
    box("DISC", "ACT", "2026-11-02T12:20:00Z", 20, vessel(IMO_A, "1")),
    // Imports leaving YTI: 1 by rail, 3 by truck (box D below adds a fourth by truck).
    box("LOAD", "ACT", "2026-11-05T12:00:00Z", 40, { mode: "RAIL" }),
    box("GTOT", "ACT", "2026-11-05T13:00:00Z", 40, { mode: "TRUCK" }),
    box("GTOT", "ACT", "2026-11-05T14:00:00Z", 40, { mode: "TRUCK" }),
    box("GTOT", "ACT", "2026-11-05T15:00:00Z", 20, { mode: "TRUCK" }),
    // Vessel A's next call, estimated Wednesday 2026-11-25 (W48); no manifest yet. The later estimate wins.
    arri(IMO_A, "2", "EST", "2026-11-26T06:00:00Z", "2026-11-10T00:00:00Z"),
    arri(IMO_A, "2", "EST", "2026-11-25T06:00:00Z", "2026-11-15T00:00:00Z"),
    // Vessel B, due 2026-11-20 00:00Z (late: still this week, W47), with a manifest of 4 × 45 ft.
    arri(IMO_B, "7", "EST", "2026-11-20T00:00:00Z", "2026-11-12T00:00:00Z"),
    ...[0, 1, 2, 3].map((k) => box("DISC", "PLN", `2026-11-20T0${k}:30:00Z`, 45, vessel(IMO_B, "7"))),
    // Beyond the three weeks (W47–W49 end on Monday 2026-12-07): not in the forecast.
    arri(IMO_B, "8", "EST", "2026-12-20T00:00:00Z", "2026-11-12T00:00:00Z"),
  ];
}

function availabilityEvents(): ContainerEvent[] {
  const disc = (box: string, bl: string, at: string) =>
    event({
      eventCode: "DISC",
      eventAtS: s(at),
      containerNumber: box,
      transportDocumentReference: bl,
      // Another ship's call, so that vessel A's history stays as given above.
      vesselImo: null,
      vesselName: "FEEDER",
      voyage: "F1",
    });
  const shipment = (code: "HOLD" | "RELS", bl: string, at: string, holdType: string) =>
    event({
      eventType: "SHIPMENT",
      eventCode: code,
      eventAtS: s(at),
      transportDocumentReference: bl,
      containerNumber: null,
      isoEquipmentCode: null,
      sizeFt: null,
      emptyIndicator: null,
      mode: null,
      extra: { holdType },
    });
  return [
    // B: customs hold on its B/L, lifted next day → available (released).
    disc(BOX.B, "BL-B", "2026-11-10T16:00:00Z"),
    shipment("HOLD", "BL-B", "2026-11-10T08:00:00Z", "customs"),
    shipment("RELS", "BL-B", "2026-11-11T20:00:00Z", "customs"),
    // C: freight hold still open → on hold.
    disc(BOX.C, "BL-C", "2026-11-10T16:30:00Z"),
    shipment("HOLD", "BL-C", "2026-11-10T09:00:00Z", "freight"),
    // D: discharged and gated out → picked up.
    disc(BOX.D, "BL-D", "2026-11-10T17:00:00Z"),
    event({ eventCode: "GTOT", eventAtS: s("2026-11-12T18:00:00Z"), containerNumber: BOX.D, mode: "TRUCK" }),
  ];
}

const RULES_CSV = [
  "terminal,day,published_at,size_ft,line,accepting",
  `${YTI},2026-11-20,2026-11-19T15:00:00-08:00,40,*,yes`,
  `${YTI},2026-11-20,2026-11-19T15:00:00-08:00,40,MSCU,no`,
  `${YTI},2026-11-20,2026-11-19T15:00:00-08:00,20,*,yes`,
  `${YTI},2026-11-20,2026-11-20T10:40:00-08:00,40,*,no`,
  `${YTI},2026-11-20,2026-11-20T10:40:00-08:00,20,*,yes`,
  `${YTI},2026-11-21,2026-11-19T15:00:00-08:00,20,*,no`,
].join("\n");

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`operations forecast, board and availability on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;
    let app: FastifyInstance;
    /** An admin key: most operations routes are for analysts, terminals and partners. */
    let admin: Record<string, string> = {};
    const get = (url: string) => app.inject({ method: "GET", url, headers: admin });

    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
      await store.ports.upsertPorts(loadPortRecords());
      const options = { port: PORT, timeZone: ZONE, nowS: NOW_S };
      // The forecast's events in two batches: the stored reduction carries the first into the second.
      const events = forecastEvents();
      await ingestOperations(store.operations, parsedOf({ events: events.slice(0, 6) }), {
        ...options,
        file: "a.json",
      });
      await ingestOperations(store.operations, parsedOf({ events: events.slice(6) }), {
        ...options,
        file: "b.json",
      });
      await ingestOperations(store.operations, parsedOf({ events: availabilityEvents() }), {
        ...options,
        file: "c.json",
      });
      const rules = parseReceivingRulesCsv(RULES_CSV, "rules.csv", loadFacilityLookup());
      const counts = await ingestOperations(store.operations, rules, { ...options, file: "rules.csv" });
      expect(counts).toMatchObject({ read: 6, accepted: 6, rejected: 0, duplicates: 0 });
      const again = await ingestOperations(store.operations, rules, { ...options, file: "rules.csv" });
      expect(again).toMatchObject({ read: 6, accepted: 0, duplicates: 6 });
      app = await buildApp({ store });
      admin = await adminKeyHeaders(store);
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await db?.drop();
    });

    it("serves the stored 3-week forecast: manifest, vessel history and rail share", async () => {
      const r = await get("/api/ports/USLAX/operations/forecast");
      expect(r.statusCode).toBe(200);
      const f = r.json();
      expect(f.asOf).toBe("2026-11-20T19:00:00Z");
      expect(f.weeks.map((w: { week: string }) => w.week)).toEqual(["2026-W47", "2026-W48", "2026-W49"]);
      const cell = (week: string, sizeFt: number, mode: string) =>
        f.cells.find(
          (c: { week: string; sizeFt: number; mode: string; terminal: string }) =>
            c.week === week && c.sizeFt === sizeFt && c.mode === mode && c.terminal === YTI,
        )?.boxes;
      // Rail share at YTI: 1 rail of 5 laden imports leaving (the 4 above and box D's gate-out) = 0.2.
      // B's manifest 4 × 45 ft → 3.2 by truck, 0.8 by rail (W47).
      expect(cell("2026-W47", 45, "truck")).toBeCloseTo(3.2, 9);
      expect(cell("2026-W47", 45, "rail")).toBeCloseTo(0.8, 9);
      // A's history (2 × 40, 1 × 20) for its next call in W48: 40 ft 1.6 truck / 0.4 rail, 20 ft 0.8 / 0.2.
      expect(cell("2026-W48", 40, "truck")).toBeCloseTo(1.6, 9);
      expect(cell("2026-W48", 40, "rail")).toBeCloseTo(0.4, 9);
      expect(cell("2026-W48", 20, "truck")).toBeCloseTo(0.8, 9);
      expect(cell("2026-W48", 20, "rail")).toBeCloseTo(0.2, 9);
      expect(
        f.calls.map((c: { basis: string; boxes: number; eta: string }) => [c.basis, c.boxes, c.eta]),
      ).toEqual([
        ["manifest", 4, "2026-11-20T00:00:00Z"],
        ["vessel_history", 3, "2026-11-25T06:00:00Z"],
      ]);
    });

    it("serves the stored board and the board as it was at an earlier instant", async () => {
      const now = (await get("/api/ports/USLAX/operations/empty-returns")).json();
      expect(now).toMatchObject({
        today: "2026-11-20",
        tomorrow: "2026-11-21",
        refreshedAt: "2026-11-20T19:00:00Z",
      });
      const row = (b: typeof now, size: number, line: string) =>
        b.rows.find((x: { sizeFt: number; line: string }) => x.sizeFt === size && x.line === line);
      // 11:00: the 10:40 update closed 40 ft for every line; 20 ft is open today, closed tomorrow.
      expect(row(now, 40, "*")).toMatchObject({ today: "closed", tomorrow: "unknown" });
      expect(row(now, 20, "*")).toMatchObject({ today: "open", tomorrow: "closed" });
      expect(now.alerts).toEqual([
        {
          kind: "stopped_accepting",
          terminal: YTI,
          day: "2026-11-20",
          sizeFt: 40,
          line: "*",
          at: "2026-11-20T18:40:00Z",
        },
      ]);
      // At 10:00 (before the update) 40 ft was open for every line but MSCU.
      const before = (await get("/api/ports/USLAX/operations/empty-returns?at=2026-11-20T18:00:00Z")).json();
      expect(row(before, 40, "*").today).toBe("open");
      expect(row(before, 40, "MSCU").today).toBe("closed");
      expect(before.alerts).toEqual([]);
    });

    it("says per box whether a truck can take it, and which boxes it knows nothing of", async () => {
      const r = await get(
        `/api/ports/USLAX/operations/availability?containers=${BOX.B},${BOX.C},${BOX.D},${BOX.E}`,
      );
      expect(r.statusCode).toBe(200);
      const byBox = Object.fromEntries(
        r.json().boxes.map((b: { containerNumber: string }) => [b.containerNumber, b]),
      );
      expect(byBox[BOX.B]).toMatchObject({ status: "available", reasons: ["released"], terminal: YTI });
      expect(byBox[BOX.B].releasedAt).toBe("2026-11-11T20:00:00Z");
      expect(byBox[BOX.C]).toMatchObject({ status: "on_hold", reasons: ["freight_hold"] });
      expect(byBox[BOX.C].holds).toEqual([
        { kind: "freight", reference: "BL-C", since: "2026-11-10T09:00:00Z" },
      ]);
      expect(byBox[BOX.D]).toMatchObject({ status: "picked_up", reasons: ["gated_out"] });
      expect(r.json().unknown).toEqual([BOX.E]);
    });

    it("refuses a container number with a wrong check digit, naming the field", async () => {
      const r = await get("/api/ports/USLAX/operations/availability?containers=MSCU1234567");
      expect(r.statusCode).toBe(400);
      expect(r.json().issues[0]).toMatchObject({ field: "containers", in: "query" });
      expect((await get("/api/ports/XXXXX/operations/forecast")).statusCode).toBe(404);
    });
  });
}
