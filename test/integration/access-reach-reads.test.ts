/**
 * Data reach on container reads (issue 14): a terminal operator sees the timeline and the
 * availability of boxes that passed through its own terminal only, and of their timelines only its
 * terminal's entries. Any other box answers exactly as a box the node never heard of (404 with the
 * same words, or listed as unknown): the answer is no oracle of what exists.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../../src/access/index.ts";
import { loadFacilityLookup } from "../../src/operations/facilities-io.ts";
import { parseGateCsv } from "../../src/operations/gate.ts";
import { ingestOperations } from "../../src/operations/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { type FuzzTarget, startFuzzTarget } from "../helpers/fuzz-run.ts";

const YTI = "uslax-terminal-yti";
const APM = "uslax-terminal-apm-pier400";
// Real container numbers (check digits valid; the gate and COARRI fixtures use them). MSCU1234566
// is valid but never ingested: the box the node has not heard of.
const HEADER =
  "truck_id,licence_plate,container,iso_code,direction,empty_laden,queue_arrival,gate_in,gate_out,terminal,appointment_id,trouble_ticket";
const GATE = [
  HEADER,
  // CBHU6192031 only ever at YTI; MAGU5591240 only at APM; TEMU3412100 left YTI and entered APM.
  `T100,,CBHU6192031,42G1,in,laden,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},,no`,
  `T100,,TEMU3412100,22G1,out,empty,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},,no`,
  `T200,,MAGU5591240,45G1,out,laden,,2026-11-02T09:00:00-08:00,2026-11-02T09:40:00-08:00,${APM},,no`,
  `T100,,TEMU3412100,22G1,in,empty,,2026-11-02T10:00:00-08:00,2026-11-02T10:20:00-08:00,${APM},,no`,
].join("\n");

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
      for (const [name, role, owner] of [
        ["yti", "terminal", YTI],
        ["apm", "terminal", APM],
      ] as const) {
        const { token } = await createKey(
          target.store.access,
          { name, role, owner },
          { kind: "cli", id: "test" },
          Date.now(),
        );
        keys[name] = { authorization: `Bearer ${token}` };
      }
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
      expect(r.json().containers[0].timeline.map((e: { code: string }) => e.code)).toEqual(["GTIN", "in"]);
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
      expect(yti.containers[0].timeline.map((e: { code: string }) => e.code)).toEqual(["GTOT", "out"]);
      expect(terminalsOf(apm)).toEqual([APM]);
      expect(apm.containers[0].timeline.map((e: { code: string }) => e.code)).toEqual(["GTIN", "in"]);
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
    });
  });
}
