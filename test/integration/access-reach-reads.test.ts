/**
 * Data reach on container reads (issue 14): a terminal operator sees the timeline and the
 * availability of boxes that passed through its own terminal only, and of their timelines only its
 * terminal's entries. Any other box answers exactly as a box the node never heard of (404 with the
 * same words, or listed as unknown): the answer is no oracle of what exists. A trucking company
 * (owner = its SCAC) reads its own truck visits and the timelines of boxes its trucks moved, and the
 * availability of any box it asks for by number (a dispatcher's question).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFacilityLookup } from "../../src/operations/facilities-io.ts";
import { parseGateCsv } from "../../src/operations/gate.ts";
import { ingestOperations } from "../../src/operations/index.ts";
import { boxReachOf } from "../../src/operations/reach.ts";
import { containerAvailability } from "../../src/operations/service.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { type FuzzTarget, ownerKeys, startFuzzTarget } from "../helpers/fuzz-run.ts";
import { event, parsedOf } from "../helpers/operations.ts";

const YTI = "uslax-terminal-yti";
const APM = "uslax-terminal-apm-pier400";
// Real container numbers (check digits valid; the gate and COARRI fixtures use them). MSCU1234566
// is valid but never ingested: the box the node has not heard of.
const HEADER =
  "truck_id,licence_plate,container,iso_code,direction,empty_laden,queue_arrival,gate_in,gate_out,terminal,appointment_id,trouble_ticket,carrier_scac";
const GATE = [
  HEADER,
  // CBHU6192031 only ever at YTI; MAGU5591240 only at APM; TEMU3412100 left YTI and entered APM.
  `T100,,CBHU6192031,42G1,in,laden,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},,no,HBDY`,
  `T100,,TEMU3412100,22G1,out,empty,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},,no,HBDY`,
  `T200,,MAGU5591240,45G1,out,laden,,2026-11-02T09:00:00-08:00,2026-11-02T09:40:00-08:00,${APM},,no,tikt`,
  `T100,,TEMU3412100,22G1,in,empty,,2026-11-02T10:00:00-08:00,2026-11-02T10:20:00-08:00,${APM},,no,HBDY`,
].join("\n");

// BMOU2200011 (check digit 1) was discharged at YTI under one B/L and booking and loaded at APM under
// others (a box re-booked between two terminals): each terminal's documents are its own business.
const REBOOKED = "BMOU2200011";
const DOCUMENT_EVENTS = parsedOf({
  events: [
    event({
      eventCode: "DISC",
      eventAtS: Date.parse("2026-11-03T18:00:00Z") / 1000,
      containerNumber: REBOOKED,
      terminal: YTI,
      transportDocumentReference: "BLYTI0001",
      carrierBookingReference: "BKYTI0001",
    }),
    event({
      eventCode: "LOAD",
      eventAtS: Date.parse("2026-11-06T18:00:00Z") / 1000,
      containerNumber: REBOOKED,
      terminal: APM,
      transportDocumentReference: "BLAPM0002",
      carrierBookingReference: "BKAPM0002",
    }),
  ],
});

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`data reach on container reads (${kind.kind})`, () => {
    let db: TestDatabase;
    let target: FuzzTarget;
    const keys: Record<string, Record<string, string>> = {};
    beforeAll(async () => {
      db = await kind.create();
      target = await startFuzzTarget(db.url);
      const parsed = parseGateCsv(GATE, "gate.csv", loadFacilityLookup());
      expect(parsed.rejects).toEqual([]);
      const options = { file: "gate.csv", port: "USLAX", timeZone: "America/Los_Angeles" };
      // Counted per gate row (the GTIN/GTOT event of a row is that row): read 4 = accepted 4; again, 4 duplicates.
      expect(await ingestOperations(target.store.operations, parsed, options)).toMatchObject({
        read: 4,
        accepted: 4,
        duplicates: 0,
      });
      expect(await ingestOperations(target.store.operations, parsed, options)).toMatchObject({
        read: 4,
        accepted: 0,
        duplicates: 4,
      });
      expect(
        await ingestOperations(target.store.operations, DOCUMENT_EVENTS, { ...options, file: "events.json" }),
      ).toMatchObject({ accepted: 2, rejected: 0 });
      Object.assign(
        keys,
        await ownerKeys(target.store, [
          ["yti", "terminal", YTI],
          ["apm", "terminal", APM],
          ["hbdy", "trucking", "HBDY"],
          ["tikt", "trucking", "TIKT"],
          ["acme", "partner", "ACME H2"],
          ["exchange", "sister_port", "JPNGO"],
        ]),
      );
      keys["analyst"] = target.headersOf["analyst"]!;
    }, 60_000);
    afterAll(async () => {
      await target?.close();
      await db?.drop();
    });

    const get = (url: string, who: string) => target.app.inject({ method: "GET", url, headers: keys[who]! });
    const timeline = (ref: string, who: string) => get(`/api/ports/USLAX/operations/containers/${ref}`, who);
    const terminalsOf = (body: { containers: { timeline: { terminal: string | null }[] }[] }) => [
      ...new Set(body.containers.flatMap((c) => c.timeline.map((e) => e.terminal))),
    ];

    it("a terminal operator reads the timeline of a box that passed through its terminal", async () => {
      const r = await timeline("CBHU6192031", "yti");
      expect(r.statusCode, r.body).toBe(200);
      expect(terminalsOf(r.json())).toEqual([YTI]);
      expect(r.json().containers[0].timeline.map((e: { code: string }) => e.code)).toEqual(["in"]);
    });

    it("another terminal's box is the same 404 as a box that does not exist", async () => {
      const other = await timeline("MAGU5591240", "yti");
      const none = await timeline("MSCU1234566", "yti");
      expect(other.statusCode).toBe(404);
      expect(none.statusCode).toBe(404);
      // Byte for byte the same answer but for the number asked.
      expect(other.body.replaceAll("MAGU5591240", "?")).toBe(none.body.replaceAll("MSCU1234566", "?"));
      // And the other way round: APM does not see YTI's box.
      expect((await timeline("CBHU6192031", "apm")).statusCode).toBe(404);
      expect((await timeline("MAGU5591240", "apm")).statusCode).toBe(200);
    });

    it("a box both terminals handled: each sees it, with only its own terminal's entries", async () => {
      const yti = (await timeline("TEMU3412100", "yti")).json();
      const apm = (await timeline("TEMU3412100", "apm")).json();
      expect(terminalsOf(yti)).toEqual([YTI]);
      expect(yti.containers[0].timeline.map((e: { code: string }) => e.code)).toEqual(["out"]);
      expect(terminalsOf(apm)).toEqual([APM]);
      expect(apm.containers[0].timeline.map((e: { code: string }) => e.code)).toEqual(["in"]);
      const analyst = (await timeline("TEMU3412100", "analyst")).json();
      expect(terminalsOf(analyst).sort()).toEqual([APM, YTI]);
    });

    it("availability lists another terminal's box as unknown, as one never heard of", async () => {
      const asked = "CBHU6192031,MAGU5591240,TEMU3412100,MSCU1234566";
      const url = `/api/ports/USLAX/operations/availability?containers=${asked}`;
      const yti = (await get(url, "yti")).json();
      expect(yti.boxes.map((b: { containerNumber: string }) => b.containerNumber).sort()).toEqual([
        "CBHU6192031",
        "TEMU3412100",
      ]);
      expect([...yti.unknown].sort()).toEqual(["MAGU5591240", "MSCU1234566"]);
      const apm = (await get(url, "apm")).json();
      expect([...apm.unknown].sort()).toEqual(["CBHU6192031", "MSCU1234566"]);
      const analyst = (await get(url, "analyst")).json();
      expect(analyst.unknown).toEqual(["MSCU1234566"]);
      // A trucking company asks for any box by number: TIKT's box too, for HBDY.
      const hbdy = (await get(url, "hbdy")).json();
      expect(hbdy.unknown).toEqual(["MSCU1234566"]);
    });

    const visits = (who: string, extra = "") =>
      get(`/api/ports/USLAX/operations/truck-visits?from=2026-11-01&to=2026-11-05${extra}`, who);

    it("a trucking company reads its own truck visits and turn times only", async () => {
      const hbdy = await visits("hbdy");
      expect(hbdy.statusCode, hbdy.body).toBe(200);
      const body = hbdy.json();
      expect(
        body.visits.map((v: { terminal: string; carrierScac: string }) => [v.terminal, v.carrierScac]),
      ).toEqual([
        [APM, "HBDY"],
        [YTI, "HBDY"],
      ]);
      // By hand: YTI visit queue 07:40 → gate-out 08:50 = 70 min, gate-in 08:05 → 08:50 = 45 min;
      // APM visit no queue seen, 10:00 → 10:20 = 20 min. Means: turn 70, in terminal (45 + 20) / 2.
      expect(body.visits.map((v: { turnMin: number | null }) => v.turnMin)).toEqual([null, 70]);
      expect(body.meanTurnMin).toBe(70);
      expect(body.meanInTerminalMin).toBe(32.5);
      const tikt = (await visits("tikt")).json();
      expect(
        tikt.visits.map((v: { truckId: string; carrierScac: string }) => [v.truckId, v.carrierScac]),
      ).toEqual([["T200", "TIKT"]]);
      // Another company's visits, asked for by name: not found.
      expect((await visits("hbdy", "&carrier=TIKT")).statusCode).toBe(404);
      // A terminal operator: its terminal's visits, every company's; an analyst: all, or by company.
      expect((await visits("yti")).json().visits.map((v: { terminal: string }) => v.terminal)).toEqual([YTI]);
      expect((await visits("analyst")).json().visits).toHaveLength(3);
      expect((await visits("analyst", "&carrier=tikt")).json().visits).toHaveLength(1);
    });

    it("a trucking company reads the timeline of a box its trucks moved; another's box is the same 404 as none", async () => {
      const own = await timeline("CBHU6192031", "hbdy");
      expect(own.statusCode, own.body).toBe(200);
      const other = await timeline("MAGU5591240", "hbdy");
      const none = await timeline("MSCU1234566", "hbdy");
      expect(other.statusCode).toBe(404);
      expect(other.body.replaceAll("MAGU5591240", "?")).toBe(none.body.replaceAll("MSCU1234566", "?"));
      expect((await timeline("MAGU5591240", "tikt")).statusCode).toBe(200);
      expect((await timeline("TEMU3412100", "tikt")).statusCode).toBe(404);
      const both = (await timeline("TEMU3412100", "hbdy")).json();
      // One entry per gate move (the visit's, not also its GTOT/GTIN event): out at YTI, in at APM.
      expect(both.containers[0].timeline.map((e: { code: string }) => e.code)).toEqual(["out", "in"]);
    });

    it("a terminal operator's timeline lists only the B/Ls and bookings its own terminal's events carry", async () => {
      type Box = { transportDocumentReferences: string[]; carrierBookingReferences: string[] };
      const refsOf = async (ref: string, who: string) => {
        const r = await timeline(ref, who);
        expect(r.statusCode, r.body).toBe(200);
        const box = (r.json() as { containers: Box[] }).containers[0]!;
        return [box.transportDocumentReferences, box.carrierBookingReferences];
      };
      expect(await refsOf(REBOOKED, "yti")).toEqual([["BLYTI0001"], ["BKYTI0001"]]);
      expect(await refsOf(REBOOKED, "apm")).toEqual([["BLAPM0002"], ["BKAPM0002"]]);
      expect(await refsOf(REBOOKED, "analyst")).toEqual([
        ["BLAPM0002", "BLYTI0001"],
        ["BKAPM0002", "BKYTI0001"],
      ]);
      // Found by its own terminal's B/L or booking: shown; by the other terminal's: the same 404 as a
      // reference nobody used (the box's tie to that document is not the reader's to learn).
      expect(await refsOf("BLYTI0001", "yti")).toEqual([["BLYTI0001"], ["BKYTI0001"]]);
      expect(await refsOf("BKAPM0002", "apm")).toEqual([["BLAPM0002"], ["BKAPM0002"]]);
      const other = await timeline("BLAPM0002", "yti");
      const none = await timeline("BLNONE0002", "yti");
      expect(other.statusCode).toBe(404);
      expect(other.body.replaceAll("BLAPM0002", "?")).toBe(none.body.replaceAll("BLNONE0002", "?"));
      expect((await timeline("BKYTI0001", "apm")).statusCode).toBe(404);
      expect((await timeline("BLAPM0002", "analyst")).statusCode).toBe(200);
    });

    it("a partner has no business with container availability: refused as a role the route does not list", async () => {
      const url = "/api/ports/USLAX/operations/availability?containers=CBHU6192031,MAGU5591240";
      const partner = await get(url, "acme");
      // The same answer as the sister port's, a role the route never listed.
      const sister = await get(url, "exchange");
      expect(sister.statusCode).toBe(403);
      expect(partner.statusCode, partner.body).toBe(403);
      expect(partner.json().type).toBe(sister.json().type);
      expect(partner.json().boxes).toBeUndefined();
      // Nor timelines or truck visits (they never listed partners).
      expect((await timeline("CBHU6192031", "acme")).statusCode).toBe(403);
      expect((await visits("acme")).statusCode).toBe(403);
      // The data reach says the same should the route ever list the role: every box unknown.
      const reach = boxReachOf(
        { kind: "key", id: "k", name: "ACME H2", role: "partner", ports: "*", owner: "ACME H2" },
        "availability",
      );
      const answer = await containerAvailability(
        { operations: target.store.operations, calls: target.store.calls },
        "USLAX",
        "America/Los_Angeles",
        ["CBHU6192031", "MAGU5591240"],
        Date.parse("2026-11-05T00:00:00Z") / 1000,
        reach,
      );
      expect(answer.boxes).toEqual([]);
      expect([...answer.unknown].sort()).toEqual(["CBHU6192031", "MAGU5591240"]);
    });
  });
}
