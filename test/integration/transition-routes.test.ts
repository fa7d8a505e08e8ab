/**
 * The transition fleet routes' handlers over a SQLite store (they are mounted by server/app.ts at
 * merge): access is declared on each, the public summary names no unit, scorecards agree with the
 * scorecard service, and a posted telemetry batch is checked per record and idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteDef } from "../../src/core/http.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import {
  EQUIPMENT_CSV_COLUMNS,
  fleetRoutes,
  ingestEquipment,
  loadScorecardTables,
} from "../../src/transition/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const sqlite = testDatabaseKinds()[0]!;
const tables = loadScorecardTables();

describe("transition fleet routes", () => {
  let db: TestDatabase;
  let store: Store;
  let routes: RouteDef[];
  const route = (id: string) => routes.find((r) => r.operationId === id)!;
  const call = (id: string, params: object, query: object = {}, body: unknown = undefined) =>
    route(id).handler({ params, query, body, headers: {} }) as Promise<Record<string, unknown>>;

  beforeAll(async () => {
    db = await sqlite.create();
    store = openStore({ databaseUrl: db.url });
    await store.migrate();
    await ingestEquipment(
      store.transition,
      `${EQUIPMENT_CSV_COLUMNS.join(",")}
JPNGO,TH-D-07,top_handler,diesel,2012,250,,Secret Terminal KK,in_service,,
JPNGO,TH-H2-01,top_handler,fuel_cell,2025,90,,Secret Terminal KK,pilot,Secret programme,TH-D-07
`,
      "fleet.csv",
    );
    routes = fleetRoutes({
      transition: store.transition,
      timeZoneOf: (p: string) => (p === "JPNGO" ? "Asia/Tokyo" : undefined),
      currencyOf: (p: string) => (p === "JPNGO" ? "JPY" : undefined),
      tables: () => tables,
    });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("declares who may use each route: commercial data not public", () => {
    expect(Object.fromEntries(routes.map((r) => [r.operationId, r.access]))).toEqual({
      getFleetSummary: ["public"],
      listEquipment: ["analyst", "partner", "admin"],
      getPilotScorecards: ["analyst", "partner", "admin"],
      postTelemetry: ["partner", "admin"],
    });
  });

  it("takes a posted batch: good records stored, bad ones listed by position and field; idempotent", async () => {
    const body = [
      {
        unitId: "TH-H2-01",
        periodStart: "2026-03-01",
        periodEnd: "2026-03-02",
        operatingH: 10,
        moves: 100,
        h2Kg: 20,
        downtimeH: 1,
        downtimeReason: "fuel cell fault",
      },
      {
        unitId: "TH-H2-01",
        periodStart: "2026-03-02",
        periodEnd: "2026-03-03",
        operatingH: 12,
        moves: 140,
        h2Kg: 25,
        downtimeH: 2,
        downtimeReason: "waiting for fueller",
      },
      { unitId: "TH-D-07", periodStart: "2026-02-01", periodEnd: "2026-02-02", operatingH: 10, dieselL: 220 },
      { unitId: "TH-H2-01", periodStart: "2026-03-04", periodEnd: "2026-03-03", operatingH: 1 },
    ];
    const first = await call("postTelemetry", { locode: "jpngo" }, {}, body);
    expect(first).toMatchObject({ read: 4, accepted: 3, rejected: 1, duplicates: 0 });
    expect((first.rejects as { line: number; field: string }[]).map((r) => [r.line, r.field])).toEqual([
      [4, "periodEnd"],
    ]);
    const again = await call("postTelemetry", { locode: "JPNGO" }, {}, body);
    expect(again).toMatchObject({ read: 4, accepted: 0, rejected: 1, duplicates: 3 });
  });

  it("scorecards for analysts equal the hand-computed ones; the public summary names no unit", async () => {
    const q = { from: "2026-03-01", to: "2026-04-01" };
    const reply = (await call("getPilotScorecards", { locode: "JPNGO" }, q)) as {
      scorecards: { unitId: string; availability: number; avoidedTailpipeCo2Kg: number }[];
    };
    expect(reply.scorecards.map((c) => c.unitId)).toEqual(["TH-H2-01"]);
    // src/transition/scorecard.test.ts: (48 − 3) / 48 and 484 L × 2.697 kg/L.
    expect(reply.scorecards[0]?.availability).toBeCloseTo(0.9375, 10);
    expect(reply.scorecards[0]?.avoidedTailpipeCo2Kg).toBeCloseTo(1305.348, 6);
    const pub = await call("getFleetSummary", { locode: "JPNGO" }, q);
    const text = JSON.stringify(pub);
    for (const secret of ["TH-H2-01", "TH-D-07", "Secret"]) expect(text).not.toContain(secret);
    expect(pub.fleetMix).toEqual(
      expect.arrayContaining([
        { category: "top_handler", powertrain: "fuel_cell", status: "pilot", units: 1 },
      ]),
    );
    expect((pub.pilots as { avoidedTailpipeCo2Kg: number }).avoidedTailpipeCo2Kg).toBeCloseTo(1305.348, 6);
  });

  it("an unknown port is not_found", async () => {
    await expect(call("listEquipment", { locode: "XXAAA" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("gives a partner its own units only: another owner's equipment and scorecards are left out", async () => {
    const partner = (owner: string) => ({
      principal: { kind: "key" as const, id: "k", role: "partner" as const, ports: "*" as const, owner },
      ip: "127.0.0.1",
      secure: false,
      setSession: () => {},
    });
    const asPartner = (id: string, owner: string, query: object = {}) =>
      route(id).handler({
        params: { locode: "JPNGO" },
        query,
        body: undefined,
        headers: {},
        context: partner(owner),
      }) as Promise<Record<string, unknown>>;
    const units = (r: Record<string, unknown>) => (r["units"] as { unitId: string }[]).map((u) => u.unitId);
    expect(units(await call("listEquipment", { locode: "JPNGO" }))).toEqual(["TH-D-07", "TH-H2-01"]);
    expect(units(await asPartner("listEquipment", "Secret Terminal KK"))).toEqual(["TH-D-07", "TH-H2-01"]);
    expect(units(await asPartner("listEquipment", "Another Company"))).toEqual([]);
    const window = { from: "2026-02-01", to: "2026-04-01" };
    const cards = (r: Record<string, unknown>) => (r["scorecards"] as unknown[]).length;
    expect(cards(await call("getPilotScorecards", { locode: "JPNGO" }, window))).toBeGreaterThan(0);
    expect(cards(await asPartner("getPilotScorecards", "Another Company", window))).toBe(0);
    expect(cards(await asPartner("getPilotScorecards", "Secret Terminal KK", window))).toBe(
      cards(await call("getPilotScorecards", { locode: "JPNGO" }, window)),
    );
  });
});
