/**
 * The operations store on SQLite and PostgreSQL: ingest counts balance, re-ingest adds nothing,
 * rollups updated batch by batch (in any order) equal one computation over all the records, the KPI
 * figures read back equal the hand-computed ones (src/operations/kpi.test.ts shows the arithmetic),
 * rejects are stored once, a failing batch leaves nothing behind, container search by number, B/L
 * and booking.
 */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ContainerEvent,
  containerTimeline,
  type HourlyRollup,
  ingestOperations,
  localClock,
  operationsKpis,
  type RailMove,
  rollupBatch,
  type TruckVisit,
} from "../../src/operations/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { fillVesselTeu } from "../../src/store/operations/migrations.ts";
import { berthCall } from "../helpers/calls.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { BOX, event, operationsDay, PORT, parsedOf, YTI, ZONE } from "../helpers/operations.ts";

const options = { port: PORT, timeZone: ZONE };
const key = (r: HourlyRollup) => `${r.terminal}|${r.day}|${r.hour}`;
const FROM_S = Date.parse("2026-01-01T08:00:00Z") / 1000; // 2026-01-01 local midnight (PST)
const TO_S = Date.parse("2026-01-16T08:00:00Z") / 1000; // 2026-01-16 local midnight

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`operations store on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("ingests in two parts, gate before vessel, with counts that add up; again adds nothing", async () => {
      const day = operationsDay();
      const gate = parsedOf({
        visits: day.visits,
        railMoves: day.railMoves,
        events: day.events.filter((e) => e.eventCode === "GTOT"),
      });
      const vessel = parsedOf({ events: day.events.filter((e) => e.eventCode !== "GTOT") });
      // The gate part first: 4 visit rows (one move each) + 1 rail move + 1 GTOT event = 6 records.
      const a = await ingestOperations(store.operations, gate, { ...options, file: "gate.csv" });
      expect(a).toMatchObject({ read: 6, accepted: 6, rejected: 0, duplicates: 0 });
      const b = await ingestOperations(store.operations, vessel, { ...options, file: "events.json" });
      expect(b).toMatchObject({ read: 12, accepted: 12, rejected: 0, duplicates: 0 });
      const again = await ingestOperations(store.operations, parsedOf(day), { ...options, file: "all.json" });
      expect(again).toMatchObject({ read: 18, accepted: 0, rejected: 0, duplicates: 18 });
      // A record repeated inside one input is a duplicate too.
      const twice = await ingestOperations(
        store.operations,
        parsedOf({ events: [day.events[0]!, day.events[0]!] }),
        { ...options, file: "twice.json" },
      );
      expect(twice).toMatchObject({ read: 2, accepted: 0, duplicates: 2 });
      const runs = await store.operations.ingestRuns(PORT, 10);
      expect(runs.map((r) => r.file).sort()).toEqual(["all.json", "events.json", "gate.csv", "twice.json"]);
    });

    it("TEU of the vessel moves: the ingest's sums, and the same from migration 0750 over stored facts", async () => {
      const teuByHour = async () =>
        (await store.operations.hourlyRollups({ port: PORT, fromDay: 0, toDay: 100_000 }, "hour"))
          .filter((r) => r.vesselTeuQuarters > 0)
          .map((r) => `${key(r)} ${r.vesselTeuQuarters}`)
          .sort();
      const byDay = async () =>
        (await store.operations.hourlyRollups({ port: PORT, fromDay: 0, toDay: 100_000 }, "day")).reduce(
          (a, r) => a + r.vesselTeuQuarters,
          0,
        );
      const ingested = await teuByHour();
      // 9 vessel moves of 40 ft boxes at the port (kpi.test.ts): 9 × 8 quarter-TEU = 72 = 18 TEU.
      expect(await byDay()).toBe(72);
      // A database from before 0750: the column at 0, then filled from the stored events.
      await sql`update ops_hourly set vessel_teu_quarters = 0`.execute(store.db);
      await sql`update ops_daily set vessel_teu_quarters = 0`.execute(store.db);
      expect(await byDay()).toBe(0);
      await fillVesselTeu(store.db as unknown as Kysely<unknown>);
      expect(await teuByHour()).toEqual(ingested);
      expect(await byDay()).toBe(72);
    });

    it("holds rollups equal to one computation over all the records", async () => {
      const day = operationsDay();
      const all = rollupBatch(PORT, localClock(ZONE), day, new Map());
      const clock = localClock(ZONE);
      const range = { port: PORT, fromDay: clock(FROM_S - 40 * 86400).day, toDay: clock(TO_S).day };
      const stored = await store.operations.hourlyRollups(range);
      const sortBy = (rows: HourlyRollup[]) => [...rows].sort((x, y) => key(x).localeCompare(key(y)));
      expect(sortBy(stored)).toEqual(sortBy(all.hourly));
      const expected = all.histograms.map((h) => ({
        terminal: h.terminal,
        metric: h.metric,
        bin: h.bin,
        count: h.count,
      }));
      const order = (r: { metric: string; bin: number }) => `${r.metric}|${String(r.bin).padStart(5, "0")}`;
      const sorted = <T extends { metric: string; bin: number }>(rows: T[]) =>
        [...rows].sort((x, y) => order(x).localeCompare(order(y)));
      const metrics = ["turn", "queue", "inTerminal", "dwellTruck", "dwellRail"] as const;
      // Day rows only (January is partial here), and the month rows (the whole of January).
      expect(sorted(await store.operations.histograms(range, metrics))).toEqual(sorted(expected));
      const january = { port: PORT, fromDay: clock(FROM_S).day, toDay: clock(FROM_S).day + 30 };
      expect(sorted(await store.operations.histograms(january, metrics))).toEqual(sorted(expected));
    });

    it("reads back the hand-computed KPIs (kpi.test.ts) through the store", async () => {
      const k = await operationsKpis(
        { operations: store.operations, calls: store.calls },
        { port: PORT, timeZone: ZONE, fromS: FROM_S, toS: TO_S, by: "day", terminal: YTI },
      );
      const yti = k.terminals[0];
      expect(yti?.terminal).toBe(YTI);
      expect(yti?.turn.turn).toEqual({ count: 3, meanMin: 65, p50Min: 65, p90Min: 90, p95Min: 90 });
      expect(yti?.dwell.truck).toMatchObject({
        count: 3,
        meanH: 132.36,
        medianH: 121,
        p90H: 240,
        over5d: 2,
        over9d: 1,
      });
      expect(yti?.dwell.rail).toMatchObject({ count: 1, meanH: 60 });
      expect(yti?.troubleTickets.rate).toBeCloseTo(1 / 3, 12);
      // G and H discharged 01-10 ≈ 17:30Z and 20:00Z: before to − 5 d (01-11 08:00Z), after to − 9 d.
      expect(yti?.boxesInYard).toEqual({ over5d: 2, over9d: 0 });
      const hourly = await operationsKpis(
        { operations: store.operations, calls: store.calls },
        { port: PORT, timeZone: ZONE, fromS: FROM_S, toS: TO_S, by: "hour", terminal: YTI },
      );
      // V1 08:20, V2 09:40, V3 10:10, V4 11:00 local → one visit in each hour 08–11 of the 15th.
      const visits = hourly.terminals[0]?.series.filter((p) => p.truckVisits > 0).map((p) => p.period);
      expect(visits).toEqual(["2026-01-15T08", "2026-01-15T09", "2026-01-15T10", "2026-01-15T11"]);
    });

    it("counts a call's moves by its vessel over its berth hours, at any terminal, and no other vessel's", async () => {
      // Vessel 9_700_001 at YTI, berth 2026-03-10 16:00Z → 2026-03-11 04:00Z (12 h). Its moves by UTC
      // hour: 3 discharges at 16:xx and 1 load at 03:xx (YTI), 1 discharge at 20:xx recorded at
      // TraPac (a berth shift's moves count for the call too) → 5; not its discharge at 05:xx (after
      // departure) nor the 2 discharges of vessel 9_700_002 at YTI in the same hours.
      // Of the window 2026-03-01 08:00Z → 04-01 07:00Z, the calls whose berth arrival is in it.
      // Moves per berth hour: 5 / 12 h = 0.42 (0.4166… rounded to two places).
      const imo = 9_700_001;
      const at = (iso: string) => Date.parse(iso) / 1000;
      const move = (
        n: number,
        eventCode: "DISC" | "LOAD",
        iso: string,
        terminal: string,
        vesselImo: number,
      ) =>
        event({
          eventId: `berth-${n}`,
          eventCode,
          eventAtS: at(iso),
          terminal,
          vesselImo,
          containerNumber: `BRTH${String(n).padStart(7, "0")}`,
        });
      const moves = [
        move(1, "DISC", "2026-03-10T16:05:00Z", YTI, imo),
        move(2, "DISC", "2026-03-10T16:35:00Z", YTI, imo),
        move(3, "DISC", "2026-03-10T16:50:00Z", YTI, imo),
        move(4, "LOAD", "2026-03-11T03:40:00Z", YTI, imo),
        move(5, "DISC", "2026-03-10T20:10:00Z", "uslax-terminal-trapac", imo),
        move(6, "DISC", "2026-03-11T05:10:00Z", YTI, imo),
        move(7, "DISC", "2026-03-10T17:00:00Z", YTI, 9_700_002),
        move(8, "DISC", "2026-03-10T18:00:00Z", YTI, 9_700_002),
      ];
      const stored = await ingestOperations(store.operations, parsedOf({ events: moves }), {
        ...options,
        file: "berth.json",
      });
      expect(stored).toMatchObject({ accepted: 8 });
      const call = berthCall(
        {
          port: PORT,
          terminal: YTI,
          berth: "uslax-berth-yti-212",
          arrivalAt: "2026-03-10T16:00:00Z",
          departureAt: "2026-03-11T04:00:00Z",
        },
        { id: `${PORT}-538000001-202603101600`, mmsi: 538_000_001, imo },
      );
      // The same vessel's call before, at berth across the window's start (2026-03-01 08:00Z): its
      // berth arrival is outside the window, so it is not one of the window's calls.
      const before = berthCall(
        {
          port: PORT,
          terminal: YTI,
          berth: "uslax-berth-yti-212",
          arrivalAt: "2026-02-28T20:00:00Z",
          departureAt: "2026-03-01T10:00:00Z",
        },
        { id: `${PORT}-538000001-202602282000`, mmsi: 538_000_001, imo },
      );
      await store.calls.replaceVesselResults(
        PORT,
        call.mmsi,
        at(before.startAt),
        at(call.endAt) + 1,
        [before, call],
        [],
      );
      const k = await operationsKpis(
        { operations: store.operations, calls: store.calls },
        {
          port: PORT,
          timeZone: ZONE,
          fromS: at("2026-03-01T08:00:00Z"),
          toS: at("2026-04-01T07:00:00Z"),
          by: "day",
          terminal: YTI,
        },
      );
      expect(k.calls.map((c) => [c.callId, c.moves, c.movesPerBerthHour])).toEqual([[call.id, 5, 0.42]]);
    });

    it("stores batches larger than one statement (400 rows) the same as one computation", async () => {
      // Nagoya, 1,000 boxes: discharged from 2026-04-01 00:00+09:00 every 7 min, out by truck
      // (visit + GTOT event) 1–5 days later, each at one of three terminals.
      const nagoya = { port: "JPNGO", timeZone: "Asia/Tokyo" };
      const t0 = Date.parse("2026-03-31T15:00:00Z") / 1000;
      const events = [];
      const visits: TruckVisit[] = [];
      for (let i = 0; i < 1000; i++) {
        const terminal = `jpngo-t${i % 3}`;
        const container = `TEST${String(i).padStart(7, "0")}`;
        const disc = t0 + i * 420;
        const out = disc + 86_400 * (1 + (i % 5)) + (i % 97) * 60;
        const common = { port: "JPNGO", terminal, containerNumber: container };
        events.push(
          event({
            ...common,
            eventId: `disc-${i}`,
            eventCode: "DISC",
            eventAtS: disc,
            vesselImo: 9_500_000 + (i % 4),
          }),
        );
        events.push(
          event({ ...common, eventId: `gtot-${i}`, eventCode: "GTOT", eventAtS: out, mode: "TRUCK" }),
        );
        visits.push({
          visitId: `visit-${i}`,
          port: "JPNGO",
          terminal,
          truckId: `T${i % 50}`,
          licencePlate: null,
          queueArrivalS: out - 1800 - (i % 13) * 60,
          gateInS: out - 1200,
          gateOutS: out,
          appointmentId: null,
          troubleTicket: i % 10 === 0,
          carrierScac: null,
          moves: [
            {
              containerNumber: container,
              direction: "out",
              isoEquipmentCode: "22G1",
              sizeFt: 20,
              emptyIndicator: "LADEN",
            },
          ],
        });
      }
      const parsed = parsedOf({ events, visits });
      const first = await ingestOperations(store.operations, parsed, { ...nagoya, file: "nagoya.json" });
      expect(first).toMatchObject({ read: 3000, accepted: 3000, duplicates: 0 });
      const again = await ingestOperations(store.operations, parsed, { ...nagoya, file: "nagoya.json" });
      expect(again).toMatchObject({ read: 3000, accepted: 0, duplicates: 3000 });
      const all = rollupBatch(
        "JPNGO",
        localClock("Asia/Tokyo"),
        { events, visits, railMoves: [] },
        new Map(),
      );
      const range = { port: "JPNGO", fromDay: 20540, toDay: 20600 };
      const sortBy = (rows: HourlyRollup[]) => [...rows].sort((x, y) => key(x).localeCompare(key(y)));
      expect(sortBy(await store.operations.hourlyRollups(range))).toEqual(sortBy(all.hourly));
      expect(all.hourly.reduce((k, r) => k + r.dwellTruckCount, 0)).toBe(1000);
      const order = (r: { terminal: string; metric: string; bin: number }) =>
        `${r.terminal}|${r.metric}|${r.bin}`;
      const stored = await store.operations.histograms(range, ["turn", "dwellTruck"]);
      const expected = all.histograms
        .filter((h) => h.metric === "turn" || h.metric === "dwellTruck")
        .reduce((m, h) => m.set(order(h), (m.get(order(h)) ?? 0) + h.count), new Map<string, number>());
      expect(new Map(stored.map((h) => [order(h), h.count]))).toEqual(expected);
    });

    it("reads back every field of the facts it stores (events, visits, rail moves), sparse or full", async () => {
      const box = "MSCU1234565";
      const sparse = event({ eventCode: "DISC", eventAtS: 1_767_300_000, containerNumber: box });
      const full: ContainerEvent = {
        ...event({ eventCode: "GTOT", eventAtS: 1_767_400_000, containerNumber: box, mode: "TRUCK" }),
        classifier: "EST",
        createdAtS: 1_767_000_000,
        facilityCode: "YTI",
        vesselImo: 9_321_483,
        vesselName: "EVER GIVEN",
        vesselCallSign: null,
        voyage: "123E",
        carrierBookingReference: "BK-9",
        transportDocumentReference: "BL-9",
        documentType: "BKG",
        references: [{ type: "FF", value: "X-1" }],
        extra: { seal: "S1" },
      };
      const visitWithNulls: TruckVisit = {
        visitId: "round-trip-visit",
        port: PORT,
        terminal: YTI,
        truckId: "T1",
        licencePlate: null,
        queueArrivalS: null,
        gateInS: 1_767_390_000,
        gateOutS: 1_767_400_000,
        appointmentId: "A-1",
        troubleTicket: false,
        carrierScac: null,
        moves: [
          {
            containerNumber: box,
            direction: "out",
            isoEquipmentCode: null,
            sizeFt: 40,
            emptyIndicator: null,
          },
        ],
      };
      const rail: RailMove = {
        ...operationsDay().railMoves[0]!,
        moveId: "round-trip-rail",
        containerNumber: box,
      };
      await ingestOperations(
        store.operations,
        parsedOf({ events: [sparse, full], visits: [visitWithNulls], railMoves: [rail] }),
        { ...options, file: "round-trip.json" },
      );
      const facts = await store.operations.containerFacts([box], []);
      expect(facts.events).toEqual([sparse, full]);
      expect(facts.events[1]).toHaveProperty("vesselCallSign", null);
      expect(facts.events[0]).not.toHaveProperty("vesselCallSign");
      expect(facts.visits).toEqual([visitWithNulls]);
      expect(facts.railMoves).toEqual([rail]);
    });

    it("stores rejects once, with file, line, field and reason", async () => {
      const parsed = {
        ...parsedOf({}),
        rejects: [
          { file: "bad.csv", line: 3, field: "containerNumber", reason: "check digit 7, expected 3" },
          { file: "bad.csv", line: 5, field: "gateOut", reason: "not a date-time" },
        ],
        read: 2,
      };
      const first = await ingestOperations(store.operations, parsed, { ...options, file: "bad.csv" });
      expect(first).toMatchObject({ read: 2, accepted: 0, rejected: 2, duplicates: 0 });
      expect(first.rejectedByReason).toEqual({ containerNumber: 1, gateOut: 1 });
      await ingestOperations(store.operations, parsed, { ...options, file: "bad.csv" });
      const stored = await store.operations.rejects(undefined, 100);
      expect(stored.map(({ runId: _r, ...r }) => r)).toEqual(parsed.rejects);
      expect(stored.every((r) => r.runId === first.runId)).toBe(true);
    });

    it("drops an exit whose discharge is not told within 30 days, and keeps a younger one", async () => {
      const at = (iso: string) => Date.parse(iso) / 1000;
      const exitOnly = (container: string, iso: string) =>
        event({ eventCode: "GTOT", eventAtS: at(iso), containerNumber: container, mode: "TRUCK" });
      // Two boxes out by truck with no discharge told (they came in by rail, say), 40 and 20 days
      // before a later fact at the port.
      await ingestOperations(
        store.operations,
        parsedOf({
          events: [exitOnly(BOX.J, "2026-03-01T12:00:00Z"), exitOnly(BOX.K, "2026-03-21T12:00:00Z")],
        }),
        { ...options, file: "exits.json" },
      );
      const waiting = () =>
        store.operations.write(async (w) =>
          [...(await w.containerStates(PORT, [BOX.J, BOX.K])).keys()].sort(),
        );
      expect(await waiting()).toEqual([BOX.J, BOX.K].sort());
      await ingestOperations(
        store.operations,
        parsedOf({
          events: [
            event({
              eventCode: "GTIN",
              eventAtS: at("2026-04-10T12:00:00Z"),
              containerNumber: BOX.I,
              mode: "TRUCK",
            }),
          ],
        }),
        { ...options, file: "later.json" },
      );
      // J waited 40 days (> 30): dropped; K 20 days: still waits for its discharge.
      expect(await waiting()).toEqual([BOX.K]);
    });

    it("writes nothing of a batch that fails part-way", async () => {
      const day = operationsDay();
      const fresh = { ...day.events[0]!, eventId: "11111111-1111-4111-8111-111111111111" };
      // A visit without a terminal breaks a NOT NULL column after the event was inserted.
      const broken = { ...day.visits[0]!, visitId: "BROKEN", terminal: null } as unknown as TruckVisit;
      await expect(
        ingestOperations(store.operations, parsedOf({ events: [fresh], visits: [broken] }), {
          ...options,
          file: "x",
        }),
      ).rejects.toThrow();
      const facts = await store.operations.containerFacts([BOX.A], []);
      expect(facts.events.length).toBeGreaterThan(0);
      expect(facts.events.some((e) => e.eventId === fresh.eventId)).toBe(false);
      const again = await ingestOperations(store.operations, parsedOf({ events: [fresh] }), {
        ...options,
        file: "y",
      });
      expect(again.accepted).toBe(1);
    });

    it("finds a box by container number, B/L or booking, its timeline in order", async () => {
      const deps = { operations: store.operations, calls: store.calls };
      const byBox = await containerTimeline(deps, PORT, BOX.A);
      const a = byBox.containers.find((c) => c.containerNumber === BOX.A);
      // Loaded at Shanghai, discharged at Los Angeles, out through the gate on V1 (and an extra
      // discharge event added by the previous test).
      expect(a?.timeline.map((e) => `${e.kind}:${e.code}`)).toEqual([
        "event:LOAD",
        "event:DISC",
        "event:DISC",
        "gate:out",
      ]);
      expect(a?.transportDocumentReferences).toEqual(["BL-A-1"]);
      const byBl = await containerTimeline(deps, PORT, "BL-A-1");
      expect(byBl.containers.map((c) => c.containerNumber)).toEqual([BOX.A]);
      expect(byBl.documents.map((d) => d.code)).toEqual(["ISSU"]);
      const byBooking = await containerTimeline(deps, PORT, "BKG-A");
      expect(byBooking.containers.map((c) => c.containerNumber)).toEqual([BOX.A]);
      const railOnly = await containerTimeline(deps, PORT, BOX.D);
      expect(railOnly.containers[0]?.timeline.map((e) => e.kind)).toEqual(["event", "rail"]);
      await expect(containerTimeline(deps, PORT, "NOPE0000000")).rejects.toThrow(/no container/);
    });
  });
}
