/**
 * The operations routes through the real application (Fastify, problem+json), with a small fake
 * DCSA parser injected (the real one is the parsers' own; the lead wires it at merge).
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../../src/access/index.ts";
import type { ContainerEvent, OperationsReject, ParsedOperations } from "../../src/operations/index.ts";
import { loadPortRecords } from "../../src/ports/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { BOX, event, ingestDay, YTI } from "../helpers/operations.ts";
import { adminKeyHeaders } from "../helpers/server.ts";

/** Maps { eventID, equipmentEventTypeCode, eventDateTime, equipmentReference } to an event; else a reject. */
function fakeParseEvents(json: unknown, source: string): ParsedOperations {
  const events: ContainerEvent[] = [];
  const rejects: OperationsReject[] = [];
  const items = Array.isArray(json) ? json : [];
  items.forEach((item: Record<string, unknown>, i) => {
    const at = Date.parse(String(item.eventDateTime ?? "")) / 1000;
    if (!Number.isFinite(at)) {
      rejects.push({ file: source, line: i + 1, field: "eventDateTime", reason: "not a date-time" });
      return;
    }
    events.push(
      event({
        eventId: String(item.eventID),
        eventCode: item.equipmentEventTypeCode as ContainerEvent["eventCode"],
        eventAtS: at,
        containerNumber: String(item.equipmentReference),
      }),
    );
  });
  return { events, visits: [], railMoves: [], receivingRules: [], rejects, read: items.length };
}

describe("operations API", () => {
  let db: TestDatabase;
  let store: Store;
  let app: FastifyInstance;
  /** An admin key: most operations routes are for analysts, terminals and partners. */
  let admin: Record<string, string> = {};

  beforeAll(async () => {
    db = await testDatabaseKinds()[0]!.create();
    store = openStore({ databaseUrl: db.url });
    await store.migrate();
    await store.ports.upsertPorts(loadPortRecords());
    await ingestDay(store.operations);
    app = await buildApp({ store, parseEvents: fakeParseEvents });
    admin = await adminKeyHeaders(store);
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.drop();
  });

  const get = (url: string) => app.inject({ method: "GET", url, headers: admin });

  it("takes a batch of events, counts it, and takes it again as duplicates", async () => {
    const batch = [
      {
        eventID: "5e51e72c-d872-4f0f-8d4c-1a7b2e3c4d01",
        equipmentEventTypeCode: "GTIN",
        eventDateTime: "2026-01-15T21:00:00Z",
        equipmentReference: BOX.X,
      },
      {
        eventID: "5e51e72c-d872-4f0f-8d4c-1a7b2e3c4d02",
        equipmentEventTypeCode: "GTIN",
        eventDateTime: "yesterday",
        equipmentReference: BOX.X,
      },
    ];
    const first = await app.inject({
      method: "POST",
      url: "/api/ports/USLAX/events",
      headers: admin,
      payload: batch,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ read: 2, accepted: 1, rejected: 1, duplicates: 0 });
    expect(first.json().rejects[0]).toMatchObject({ line: 2, field: "eventDateTime" });
    const again = await app.inject({
      method: "POST",
      url: "/api/ports/uslax/events",
      headers: admin,
      payload: batch,
    });
    expect(again.json()).toMatchObject({ read: 2, accepted: 0, rejected: 1, duplicates: 1 });
  });

  it("answers bad input with problem+json", async () => {
    const notArray = await app.inject({
      method: "POST",
      headers: admin,
      url: "/api/ports/USLAX/events",
      payload: { eventID: "x" },
    });
    expect(notArray.statusCode).toBe(400);
    expect(notArray.headers["content-type"]).toContain("application/problem+json");
    const badFrom = await get("/api/ports/USLAX/operations/kpis?from=2026-13-01");
    expect(badFrom.statusCode).toBe(400);
    expect(badFrom.json().issues[0]).toMatchObject({ field: "from", in: "query" });
    const reversed = await get("/api/ports/USLAX/operations/kpis?from=2026-01-10&to=2026-01-01");
    expect(reversed.statusCode).toBe(400);
    const badBy = await get("/api/ports/USLAX/operations/kpis?by=week");
    expect(badBy.statusCode).toBe(400);
    expect((await get("/api/ports/XXXXX/operations/summary")).statusCode).toBe(404);
    expect((await get("/api/ports/USLAX/operations/containers/NOPE0000000")).statusCode).toBe(404);
  });

  it("serves the KPIs of a terminal per day and per hour", async () => {
    const day = await get(`/api/ports/USLAX/operations/kpis?terminal=${YTI}&from=2026-01-01&to=2026-01-16`);
    expect(day.statusCode).toBe(200);
    const body = day.json();
    expect(body.timeZone).toBe("America/Los_Angeles");
    expect(body.terminals[0].turn.turn).toEqual({
      count: 3,
      meanMin: 65,
      p50Min: 65,
      p90Min: 90,
      p95Min: 90,
    });
    const hour = await get(
      `/api/ports/USLAX/operations/kpis?terminal=${YTI}&from=2026-01-15&to=2026-01-16&by=hour`,
    );
    expect(hour.json().terminals[0].series.map((p: { period: string }) => p.period)).toContain(
      "2026-01-15T08",
    );
  });

  it("confines a terminal operator to its own terminal's KPIs: another terminal's are not found", async () => {
    const { token } = await createKey(
      store.access,
      { name: "YTI ops", role: "terminal", owner: YTI },
      { kind: "cli", id: "test" },
      Date.now(),
    );
    const asTerminal = (url: string) =>
      app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });
    const window = "from=2026-01-01&to=2026-01-16";
    const other = await asTerminal(
      `/api/ports/USLAX/operations/kpis?terminal=uslax-terminal-trapac&${window}`,
    );
    expect(other.statusCode).toBe(404);
    expect((await asTerminal(`/api/ports/USLAX/operations/kpis?terminal=${YTI}&${window}`)).statusCode).toBe(
      200,
    );
    // Not naming a terminal gives its own only, and that confined answer is never served to others.
    const own = await asTerminal(`/api/ports/USLAX/operations/kpis?${window}`);
    expect(own.json().terminals.map((t: { terminal: string }) => t.terminal)).toEqual([YTI]);
    const all = await get(`/api/ports/USLAX/operations/kpis?${window}`);
    expect(all.statusCode).toBe(200);
    expect(all.json().terminals.length).toBeGreaterThanOrEqual(1);
    expect((await asTerminal(`/api/ports/USLAX/operations/kpis?${window}`)).json().terminals).toHaveLength(1);
  });

  it("shows the public summary with no container, document, vessel or truck in it", async () => {
    const r = await get("/api/ports/USLAX/operations/summary?from=2026-01-01&to=2026-01-16");
    expect(r.statusCode).toBe(200);
    const text = r.body;
    for (const secret of [...Object.values(BOX), "BL-A-1", "BKG-A", "DEMO EXPRESS", "TRUCK-V1", "9321483"])
      expect(text).not.toContain(secret);
    expect(r.json().terminals[0]).toMatchObject({ terminal: YTI, truckVisits: 4, gateMoves: 4 });
  });

  it("finds a container's timeline by number and by B/L", async () => {
    const r = await get(`/api/ports/USLAX/operations/containers/${BOX.A}`);
    expect(r.statusCode).toBe(200);
    const times = r.json().containers[0].timeline.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort());
    const bl = await get("/api/ports/USLAX/operations/containers/BL-A-1");
    expect(bl.json().containers.map((c: { containerNumber: string }) => c.containerNumber)).toEqual([BOX.A]);
  });
});
