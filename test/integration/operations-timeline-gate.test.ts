/**
 * A gate row is one physical move (issue 14): the gate file's row is stored as its truck visit's
 * move and as a GTOT/GTIN equipment event (so that dwell and the event-based KPIs see it), but a
 * container's timeline shows it once — the visit's entry (its truck), carrying the event's type,
 * classifier and source. The counts of the ingest and the KPIs stay as they were: one visit, one
 * move out, one gate-out event. A terminal's own DCSA gate event (no visit behind it) stays an event.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFacilityLookup } from "../../src/operations/facilities-io.ts";
import { parseGateCsv } from "../../src/operations/gate.ts";
import { ingestOperations } from "../../src/operations/index.ts";
import { event, parsedOf } from "../helpers/operations.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const YTI = "uslax-terminal-yti";
const BOX = "CBHU6192031"; // check digit 1 (the gate fixtures' box)
const OTHER = "MAGU5591240"; // a box with a DCSA gate-out and no gate file row
// One row: truck T100 takes the box out of YTI, gate-in 08:05 → gate-out 08:50 PST (16:50Z).
const GATE = [
  "truck_id,licence_plate,container,iso_code,direction,empty_laden,queue_arrival,gate_in,gate_out,terminal,appointment_id,trouble_ticket,carrier_scac",
  `T100,,${BOX},42G1,out,laden,2026-11-02T07:40:00-08:00,2026-11-02T08:05:00-08:00,2026-11-02T08:50:00-08:00,${YTI},,no,HBDY`,
].join("\n");

interface Entry {
  at: string;
  kind: string;
  code: string;
  source: string | null;
  classifier: string | null;
  eventType: string | null;
  detail: string | null;
  terminal: string | null;
}

describe("a gate row in a container's timeline", () => {
  let server: TestServer;
  const get = async (url: string) => {
    const r = await fetch(`${server.baseUrl}${url}`, { headers: server.adminHeaders });
    expect(r.status, url).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    server = await startTestServer({ webDir: "/nonexistent" });
    const parsed = parseGateCsv(GATE, "gate.csv", loadFacilityLookup());
    expect(parsed.rejects).toEqual([]);
    // The row is stored as a visit with one move and as one GTOT event.
    expect(parsed.visits).toHaveLength(1);
    expect(parsed.events.map((e) => e.eventCode)).toEqual(["GTOT"]);
    const options = { file: "gate.csv", port: "USLAX", timeZone: "America/Los_Angeles" };
    expect(await ingestOperations(server.store.operations, parsed, options)).toMatchObject({
      read: 1,
      accepted: 1,
      rejected: 0,
      duplicates: 0,
    });
    const dcsa = parsedOf({
      events: [
        event({
          eventCode: "GTOT",
          eventAtS: Date.parse("2026-11-02T18:00:00Z") / 1000,
          containerNumber: OTHER,
          mode: "TRUCK",
        }),
      ],
    });
    await ingestOperations(server.store.operations, dcsa, { ...options, file: "events.json" });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("shows the row once: the visit's entry with its truck and the event's type, classifier and source", async () => {
    const body = await get(`/api/ports/USLAX/operations/containers/${BOX}`);
    const timeline = body.containers[0].timeline as Entry[];
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      at: "2026-11-02T16:50:00Z",
      kind: "gate",
      code: "out",
      detail: "T100",
      terminal: YTI,
      eventType: "EQUIPMENT",
      classifier: "ACT",
      source: "gate",
    });
  });

  it("keeps a DCSA gate event with no visit behind it as an event", async () => {
    const body = await get(`/api/ports/USLAX/operations/containers/${OTHER}`);
    const timeline = body.containers[0].timeline as Entry[];
    expect(timeline.map((e) => [e.kind, e.code, e.source])).toEqual([["event", "GTOT", "dcsa"]]);
  });

  it("leaves the KPIs as they were: one visit, one move out, and both gate-out events", async () => {
    const kpis = await get("/api/ports/USLAX/operations/kpis?from=2026-11-02&to=2026-11-03");
    const yti = kpis.terminals.find((t: { terminal: string }) => t.terminal === YTI);
    expect(yti.gate).toEqual({ truckVisits: 1, movesIn: 0, movesOut: 1, gateInEvents: 0, gateOutEvents: 2 });
  });
});
