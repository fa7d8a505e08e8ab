/**
 * Rollout scenarios over a store (SQLite here; PostgreSQL in CI — the same code path): save
 * computes once and stores result + gap; list and show serve what was stored; saving again under
 * the same name replaces; compare (scenarios and ports per TEU) reads stored results; a scenario
 * starting from the registry reads the stored equipment; the routes declare access (reads public,
 * saves analyst/admin) and reject a bad scenario with field paths.
 */
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RouteDef } from "../../src/core/http.ts";
import { loadDemoScenarios } from "../../src/demo/transition.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { registerHydrogenCommands } from "../../src/transition/hydrogen-cli.ts";
import {
  compareStored,
  EQUIPMENT_CSV_COLUMNS,
  ingestEquipment,
  loadHydrogenTables,
  loadScenarioTables,
  parseScenario,
  type ScenarioInputIn,
  saveScenario,
  scenarioRoutes,
} from "../../src/transition/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const tables = loadScenarioTables();
const estimates = loadHydrogenTables().demand;
const currencyOf = (p: string) => ({ USLAX: "USD", JPNGO: "JPY" })[p];
const timeZoneOf = (p: string) => ({ USLAX: "America/Los_Angeles", JPNGO: "Asia/Tokyo" })[p];

const doc = (name: string, batteryFrom: number): ScenarioInputIn => ({
  port: "USLAX",
  name,
  baseYear: 2025,
  horizonYear: 2040,
  startingFleet: {
    source: "cohorts",
    cohorts: Array.from({ length: 10 }, (_, i) => ({
      category: "yard_tractor" as const,
      powertrain: "diesel" as const,
      modelYear: 2016 + i,
      units: 3,
    })),
  },
  activity: { yard_tractor: { usefulLifeYears: 10, source: "test" } },
  purchases: [
    { category: "yard_tractor", fromYear: 2026, mixPct: { diesel: 100 } },
    { category: "yard_tractor", fromYear: batteryFrom, mixPct: { battery: 100 } },
  ],
  teuPerYear: { value: 9_911_159, source: "test: POLA 2022" },
});

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`transition scenarios on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;
    const deps = () => ({ transition: store.transition, tables: () => tables, currencyOf });

    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("saves, lists, shows the stored result, replaces by name and compares", async () => {
      const early = await saveScenario(deps(), parseScenario(doc("early", 2026)));
      expect(early.replaced).toBe(false);
      await saveScenario(deps(), parseScenario(doc("late", 2031)));
      const list = await store.transition.listScenarios("USLAX");
      expect(list.map((s) => s.name)).toEqual(["early", "late"]);
      // "early": 3 of 30 units replaced by battery each year from 2026 → 50 % in 2030.
      expect(list[0]!.zeShareChePctAt2030).toBeCloseTo(50, 9);
      expect(list[1]!.zeShareChePctAt2030).toBe(0);
      const shown = await store.transition.scenario("USLAX", "early");
      expect(shown!.result).toEqual(early.stored.result);
      expect(shown!.targetsGap.targets.length).toBe(4);

      const again = await saveScenario(
        deps(),
        parseScenario({ ...doc("early", 2028), description: "moved" }),
      );
      expect(again.replaced).toBe(true);
      expect((await store.transition.listScenarios("USLAX")).length).toBe(2);
      expect((await store.transition.scenario("USLAX", "early"))!.description).toBe("moved");

      const c = await compareStored(store.transition, "USLAX", "early", "late");
      expect(c.years.length).toBe(16);
      const y2030 = c.years.find((y) => y.year === 2030)!;
      // early (battery from 2028): 3 × 3 units battery by 2030 = 30 %; late: 0 % → diff −30 points.
      expect(y2030.diff.zeShareChePct).toBeCloseTo(-30, 9);
      expect(y2030.diff.wtwCo2eT).toBeGreaterThan(0);
    });

    it("starts from the registry when asked", async () => {
      await ingestEquipment(
        store.transition,
        `${EQUIPMENT_CSV_COLUMNS.join(",")}
JPNGO,TH-D-07,top_handler,diesel,2012,250,T3,Demo Terminal,in_service,,
JPNGO,TH-H2-01,top_handler,fuel_cell,2025,90,,Demo Terminal,pilot,NEDO demo,TH-D-07
JPNGO,TH-D-OLD,top_handler,diesel,2000,250,,Demo Terminal,retired,,
`,
        "fleet.csv",
      );
      const { stored } = await saveScenario(
        deps(),
        parseScenario({
          port: "JPNGO",
          name: "registry",
          baseYear: 2025,
          horizonYear: 2030,
          startingFleet: { source: "registry" },
          purchases: [{ category: "top_handler", fromYear: 2026, mixPct: { fuel_cell: 100 } }],
        }),
      );
      const y = stored.result.years[0]!;
      // Two units not retired: one diesel (2012), one fuel cell.
      expect(y.fleet).toEqual([
        { category: "top_handler", powertrain: "diesel", units: 1 },
        { category: "top_handler", powertrain: "fuel_cell", units: 1 },
      ]);
      // The 2012 diesel unit (life 15, scenario_defaults.csv) retires at the start of 2027.
      expect(stored.result.years.find((r) => r.year === 2027)!.zeShareChePct).toBe(100);
    });

    it("routes: reads public, saves analyst/admin; a bad scenario is rejected with field paths", async () => {
      const routes: RouteDef[] = scenarioRoutes({
        transition: store.transition,
        timeZoneOf,
        currencyOf,
        scenarioTables: () => tables,
        demandEstimates: () => estimates,
      });
      const byId = (id: string) => routes.find((r) => r.operationId === id)!;
      for (const id of [
        "listScenarios",
        "getScenario",
        "compareScenarios",
        "getTargetsGap",
        "compareScenarioPorts",
      ])
        expect(byId(id).access).toEqual(["public"]);
      expect(byId("saveScenario").access).toEqual(["analyst", "admin"]);
      expect(byId("runScenario").access).toEqual(["analyst", "admin"]);
      const bad = {
        ...doc("bad", 2026),
        horizonYear: 2060,
        purchases: [{ category: "yard_tractor", fromYear: 2026, mixPct: { diesel: 60 } }],
      };
      await expect(
        byId("saveScenario").handler({ params: { locode: "USLAX" }, query: {}, body: bad, headers: {} }),
      ).rejects.toMatchObject({
        code: "validation",
        issues: expect.arrayContaining([
          expect.objectContaining({ field: "horizonYear" }),
          expect.objectContaining({ field: "purchases.0.mixPct" }),
        ]),
      });
      const gap = (await byId("getTargetsGap").handler({
        params: { locode: "uslax" },
        query: { scenario: "late" },
        headers: {},
        body: undefined,
      })) as { targets: { met: boolean | null }[] };
      expect(gap.targets[0]!.met).toBe(false);
      await expect(
        byId("getScenario").handler({
          params: { locode: "USLAX", name: "nope" },
          query: {},
          body: undefined,
          headers: {},
        }),
      ).rejects.toMatchObject({ code: "not_found" });
    });

    it("demo scenarios: two per port, saved once; ports side by side per TEU", async () => {
      const first = await loadDemoScenarios(store, { ports: ["USLAX", "JPNGO"], tables });
      expect(first.map((r) => [r.port, r.name, r.saved])).toEqual([
        ["USLAX", "natural replacement", true],
        ["USLAX", "CAAP on time", true],
        ["JPNGO", "natural replacement", true],
        ["JPNGO", "CNP on time", true],
      ]);
      const second = await loadDemoScenarios(store, { ports: ["USLAX", "JPNGO"], tables });
      expect(second.every((r) => !r.saved)).toBe(true);
      const routes = scenarioRoutes({
        transition: store.transition,
        timeZoneOf,
        currencyOf,
        scenarioTables: () => tables,
        demandEstimates: () => estimates,
      });
      const cmp = (await routes
        .find((r) => r.operationId === "compareScenarioPorts")!
        .handler({
          params: {},
          query: { a: "USLAX:CAAP on time", b: "JPNGO:CNP on time" },
          body: undefined,
          headers: {},
        })) as {
        ports: { teuPerYear: number | null }[];
        years: { year: number; byPort: { wtwCo2eT: number; wtwKgCo2ePerTeu: number | null }[] }[];
      };
      expect(cmp.ports.map((p) => p.teuPerYear)).toEqual([9_911_159, 2_709_000]);
      const y = cmp.years.find((r) => r.year === 2030)!;
      expect(y.byPort[0]!.wtwKgCo2ePerTeu).toBeCloseTo((y.byPort[0]!.wtwCo2eT * 1000) / 9_911_159, 9);

      // Regional hydrogen: each port's stored t/yr is its line, the ports' demand their sum.
      const regional = routes.find((r) => r.operationId === "getRegionalHydrogenBalance")!;
      const reply = (await regional.handler({
        params: {},
        query: {
          scenarios: ["USLAX:CAAP on time", "JPNGO:CNP on time"],
          from: 2030,
          to: 2031,
          bound: "high",
        },
        body: undefined,
        headers: {},
      })) as { years: { year: number; portsDemandT: number; byLineT: Record<string, number> }[] };
      const h2 = async (port: string, name: string, year: number) =>
        (await store.transition.scenario(port, name))!.result.years.find((r) => r.year === year)!.h2TPerYear;
      for (const row of reply.years) {
        const la = await h2("USLAX", "CAAP on time", row.year);
        const ngo = await h2("JPNGO", "CNP on time", row.year);
        expect(row.byLineT["USLAX (CAAP on time)"]).toBeCloseTo(la, 9);
        expect(row.byLineT["JPNGO (CNP on time)"]).toBeCloseTo(ngo, 9);
        expect(row.portsDemandT).toBeCloseTo(la + ngo, 9);
      }
      await expect(
        regional.handler({
          params: {},
          query: { scenarios: ["USLAX:CAAP on time"], from: 2040, to: 2030, bound: "high" },
          body: undefined,
          headers: {},
        }),
      ).rejects.toMatchObject({ code: "validation" });
    });

    it("ze h2-regional reads the saved scenarios and prints the route's figures", async () => {
      // Follows the test above: USLAX has "CAAP on time", "early", "late", "natural replacement"
      // saved, JPNGO "CNP on time", "natural replacement".
      const routes = scenarioRoutes({
        transition: store.transition,
        timeZoneOf,
        currencyOf,
        scenarioTables: () => tables,
        demandEstimates: () => estimates,
      });
      const regional = routes.find((r) => r.operationId === "getRegionalHydrogenBalance")!;
      const route = async (scenarios: string[]) =>
        (await regional.handler({
          params: {},
          query: { scenarios, from: 2025, to: 2050, bound: "high" },
          body: undefined,
          headers: {},
        })) as { scenarios: unknown[]; years: { year: number; portsDemandT: number }[] };
      const cli = async (args: string[]) => {
        const program = new Command("sisterports").exitOverride();
        registerHydrogenCommands(program.command("ze"), async () => ({
          transition: store.transition,
          close: async () => {},
        }));
        let out = "";
        const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
          out += String(chunk);
          return true;
        });
        try {
          await program.parseAsync(["node", "sisterports", "ze", "h2-regional", ...args]);
        } finally {
          spy.mockRestore();
        }
        return out;
      };

      // No --scenario: each port's first saved scenario by name (the portal's default).
      const byDefault = JSON.parse(await cli(["--json"])) as Awaited<ReturnType<typeof route>>;
      const expected = await route(["USLAX:CAAP on time", "JPNGO:CNP on time"]);
      expect(byDefault.scenarios).toEqual(expected.scenarios);
      expect(byDefault.years).toEqual(expected.years);
      // The ports' demand is not zero every year (the figures compared are figures).
      expect(expected.years.some((y) => y.portsDemandT > 0)).toBe(true);

      const named = JSON.parse(
        await cli([
          "--json",
          "--scenario",
          "USLAX=natural replacement",
          "--scenario",
          "jpngo=natural replacement",
        ]),
      ) as Awaited<ReturnType<typeof route>>;
      const expectedNamed = await route(["USLAX:natural replacement", "JPNGO:natural replacement"]);
      expect(named.years).toEqual(expectedNamed.years);
      expect(named.years).not.toEqual(expected.years);

      // The table says which scenarios it used; the 2030 row's ports column is the route's, rounded.
      const text = await cli(["--scenario", "JPNGO=CNP on time", "--from", "2030", "--to", "2030"]);
      expect(text).toContain("saved scenarios: USLAX: CAAP on time; JPNGO: CNP on time");
      const y2030 = expected.years.find((y) => y.year === 2030)!;
      expect(text).toContain(
        y2030.portsDemandT.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
      );

      await expect(cli(["--scenario", "USLAX=nope"])).rejects.toMatchObject({ code: "not_found" });
      await expect(cli(["--scenario", "USLAX"])).rejects.toMatchObject({ code: "validation" });
      await expect(cli(["--scenario", "XXABC=a"])).rejects.toMatchObject({ code: "validation" });
      await expect(cli(["--ports", "p.json", "--scenario", "USLAX=early"])).rejects.toMatchObject({
        code: "validation",
      });
    });
  });
}

describe("scenario routes over HTTP (the real app, SQLite)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const get = async (path: string) => {
    const r = await fetch(`${server.baseUrl}${path}`, { headers: server.adminHeaders });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it("posts, lists, shows, compares and reports the gap; a bad body is a 400 with field paths", async () => {
    for (const [name, from] of [
      ["early", 2026],
      ["late", 2031],
    ] as const) {
      const r = await fetch(`${server.baseUrl}/api/ports/USLAX/transition/scenarios`, {
        method: "POST",
        headers: { ...server.adminHeaders, "content-type": "application/json" },
        body: JSON.stringify({ ...doc(name, from), port: undefined }),
      });
      expect(r.status).toBe(200);
    }
    const list = await get("/api/ports/USLAX/transition/scenarios");
    expect((list.body.scenarios as { name: string }[]).map((s) => s.name)).toEqual(["early", "late"]);
    const one = await get(`/api/ports/USLAX/transition/scenarios/${encodeURIComponent("early")}`);
    expect(one.status).toBe(200);
    expect((one.body.result as { years: unknown[] }).years.length).toBe(16);
    const cmp = await get("/api/ports/USLAX/transition/scenarios/compare?a=early&b=late");
    expect(cmp.status).toBe(200);
    expect((cmp.body.years as unknown[]).length).toBe(16);
    const gap = await get("/api/ports/USLAX/transition/targets-gap?scenario=late");
    expect((gap.body.targets as { notes: { code: string }[] }[])[0]!.notes.length).toBeGreaterThan(0);
    const ports = await get(
      `/api/transition/compare-ports?a=${encodeURIComponent("USLAX:early")}&b=${encodeURIComponent("USLAX:late")}`,
    );
    expect(ports.status).toBe(200);
    const bad = await fetch(`${server.baseUrl}/api/ports/USLAX/transition/scenarios/run`, {
      method: "POST",
      headers: { ...server.adminHeaders, "content-type": "application/json" },
      body: JSON.stringify({ ...doc("x", 2026), horizonYear: 2070 }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/horizonYear/);
    expect((await get("/api/ports/USLAX/transition/scenarios/nope")).status).toBe(404);
  });
});
