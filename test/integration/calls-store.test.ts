/**
 * Calls on SQLite and PostgreSQL: demo AIS ingested in two parts, incremental updates recompute
 * only what changed, results match the ground truth, queries page and filter, routes answer.
 */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AisIngest, type AisMessage } from "../../src/ais/index.ts";
import {
  type CallServiceDeps,
  type CallStore,
  callRoutes,
  detectCallsInRange,
  startCallUpdater,
  toDcsaTimestamps,
  updateCalls,
} from "../../src/calls/index.ts";
import { compareWithTruth, type DemoWorld, generateDemoWorld } from "../../src/demo/index.ts";
import { loadPortRegistry } from "../../src/geo/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

const registry = loadPortRegistry();
// DCSA JIT 2.0.0 component schemas (copied into the repository with their source).
const jit = JSON.parse(
  readFileSync(new URL("../../src/calls/dcsa/jit-2.0.0-schemas.json", import.meta.url), "utf8"),
);
const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
ajv.addSchema({ $id: "jit", components: jit.components });
const schema = (name: string) => ajv.compile({ $ref: `jit#/components/schemas/${name}` });
const START = new Date("2026-03-01T00:00:00Z");
const world: DemoWorld = generateDemoWorld(
  { seed: 11, start: START, days: 3, scale: 0.6, ports: ["USLAX"] },
  registry,
);
const extraFeatures = { USLAX: world.truth[0]!.demoFeatures.features };
const splitS = START.getTime() / 1000 + 1.5 * 86400;

async function ingest(store: Store, from: number, to: number): Promise<void> {
  const ing = new AisIngest(store.ais, { source: "demo" });
  let line = 0;
  for (const m of world.messages()) {
    line++;
    if (m.timeS < from || m.timeS >= to) continue;
    ing.addMessage({ ...m.payload, line, channel: "A" } as AisMessage, m.timeS);
  }
  await ing.flush();
}

/** A class A position report at [lon, lat], as a receiver hands it to the ingest. */
function positionReport(mmsi: number, p: [number, number], sogKnots: number, navStatus: number): AisMessage {
  return {
    msgType: 1,
    repeat: 0,
    mmsi,
    navStatus,
    rotDegPerMin: 0,
    sogKnots,
    positionAccuracy: 1,
    lonDeg: p[0],
    latDeg: p[1],
    cogDeg: 0,
    headingDeg: 0,
    utcSecond: 0,
    maneuver: null,
    raim: 0,
    radio: 0,
    line: 1,
    channel: "A",
  } as AisMessage;
}

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`calls store on ${kind.kind}`, () => {
    let db: TestDatabase;
    let store: Store;
    let calls: CallStore;
    let deps: CallServiceDeps;
    beforeAll(async () => {
      db = await kind.create();
      store = openStore({ databaseUrl: db.url });
      await store.migrate();
      calls = store.calls;
      deps = { ais: store.ais, calls, registry, ports: ["USLAX"], extraFeatures };
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("updates incrementally and matches the ground truth", async () => {
      await ingest(store, 0, splitS);
      const first = await updateCalls(deps);
      expect(first.vesselDays).toBeGreaterThan(0);
      expect(first.calls).toBeGreaterThan(0);
      // Nothing changed: nothing recomputed.
      expect((await updateCalls(deps)).vesselDays).toBe(0);
      await ingest(store, splitS, Number.POSITIVE_INFINITY);
      const second = await updateCalls(deps);
      const allDays = (await calls.vesselDaysInRange(0, 4_102_444_800)).length;
      expect(second.vesselDays).toBeGreaterThan(0);
      expect(second.vesselDays).toBeLessThan(allDays);
      const { calls: list } = await calls.listCalls({ port: "USLAX", limit: 10_000, offset: 0 });
      const r = compareWithTruth(list, world.truth).result;
      expect(r.expected).toBeGreaterThan(5);
      expect(r.matched / r.expected).toBeGreaterThanOrEqual(0.98);
      expect(r.spurious).toBe(0);
      expect(r.berthArrivalErrorMin.p95).toBeLessThanOrEqual(5);
      // A full recompute gives the same calls (idempotent).
      await detectCallsInRange(deps, 0, 4_102_444_800);
      const again = await calls.listCalls({ port: "USLAX", limit: 10_000, offset: 0 });
      expect(again.calls.map((c) => c.id)).toEqual(list.map((c) => c.id));
      for (const c of again.calls) expect(c.methodology.version).toBe("calls-1.1.0");
      // Every call's DCSA view validates against the published schemas.
      const [pc, svc, ts] = [schema("PortCall"), schema("PortCallService"), schema("Timestamp")];
      for (const c of again.calls) {
        const v = toDcsaTimestamps(c);
        expect(pc(v.portCall), JSON.stringify(pc.errors)).toBe(true);
        for (const x of v.portCallServices) expect(svc(x), JSON.stringify(svc.errors)).toBe(true);
        for (const x of v.timestamps) expect(ts(x), JSON.stringify(ts.errors)).toBe(true);
      }
    }, 180_000);

    it("pages, filters and serves a call with its segments and DCSA timestamps", async () => {
      const all = await calls.listCalls({ port: "USLAX", limit: 1000, offset: 0 });
      const page = await calls.listCalls({ port: "USLAX", limit: 2, offset: 1 });
      expect(page.total).toBe(all.total);
      expect(page.calls.map((c) => c.id)).toEqual(all.calls.slice(1, 3).map((c) => c.id));
      const one = all.calls[0]!;
      expect(
        (await calls.listCalls({ mmsi: one.mmsi, limit: 10, offset: 0 })).calls.every(
          (c) => c.mmsi === one.mmsi,
        ),
      ).toBe(true);
      const routes = callRoutes({ calls, timeZoneOf: (p) => registry.get(p)?.timeZone });
      const route = (id: string) => routes.find((r) => r.operationId === id)!;
      const req = (params: unknown, query: unknown) => ({ params, query, body: undefined, headers: {} });
      const listed = (await route("listPortCalls").handler(
        req(
          { locode: "USLAX" },
          { from: "2026-02-25T00:00:00Z", to: "2026-03-10T00:00:00Z", limit: 5, offset: 0 },
        ),
      )) as { total: number; calls: unknown[] };
      expect(listed.total).toBe(all.total);
      // A date is its midnight in the port's zone: Los Angeles keeps PST (UTC−8) in February (US
      // daylight time starts on the second Sunday of March), so 2026-02-26 is 2026-02-26T08:00Z.
      const byDate = (await route("listPortCalls").handler(
        req({ locode: "USLAX" }, { from: "2026-02-26", to: "2026-03-01", limit: 1000, offset: 0 }),
      )) as { total: number; calls: { id: string }[] };
      const byInstant = (await route("listPortCalls").handler(
        req(
          { locode: "USLAX" },
          { from: "2026-02-26T08:00:00Z", to: "2026-03-01T00:00:00-08:00", limit: 1000, offset: 0 },
        ),
      )) as { total: number; calls: { id: string }[] };
      expect(byDate.calls.length).toBeGreaterThan(0);
      expect(byDate.calls.map((c) => c.id)).toEqual(byInstant.calls.map((c) => c.id));
      const shown = (await route("getCall").handler(req({ id: one.id }, {}))) as {
        segments: { mode: string }[];
        dcsa: { timestamps: { classifierCode: string }[] };
      };
      expect(shown.segments.some((s) => s.mode === "at_berth")).toBe(true);
      expect(shown.dcsa.timestamps.length).toBeGreaterThan(0);
      const queue = (await route("getAnchorageQueue").handler(
        req(
          { locode: "USLAX" },
          { from: "2026-03-01T00:00:00Z", to: "2026-03-04T00:00:00Z", stepMinutes: 60 },
        ),
      )) as { points: unknown[] };
      expect(queue.points).toHaveLength(72);
      const compliance = (await route("getSpeedZoneCompliance").handler(
        req(
          { locode: "USLAX" },
          { from: "2026-02-25T00:00:00Z", to: "2026-03-10T00:00:00Z", groupBy: "shipType" },
        ),
      )) as { rows: { zone: string }[] };
      expect(compliance.rows.some((r) => r.zone === "uslax-vsr-20nm")).toBe(true);
      await expect(route("getCall").handler(req({ id: "nope" }, {}))).rejects.toThrow(/no call/);
    }, 60_000);

    it("the live updater picks up new reports within seconds (ais listen)", async () => {
      const updater = startCallUpdater(deps, { intervalS: 1 });
      try {
        // A ship sailing in from sea to the APM berth, 2 h alongside, then leaving.
        const f = registry.get("USLAX")!.byId.get("uslax-berth-apm-401-406")!;
        const ring = (f.geometry as { coordinates: [number, number][][] }).coordinates[0]!;
        const n = ring.length - 1;
        const q = Math.floor(n / 4);
        const berth: [number, number] = [
          (ring[q]![0] + ring[n - 1 - q]![0]) / 2,
          (ring[q]![1] + ring[n - 1 - q]![1]) / 2,
        ];
        const sea: [number, number] = [-118.3, 33.6];
        const t0 = START.getTime() / 1000 + 10 * 86400;
        const ing = new AisIngest(store.ais, { source: "live-test" });
        let t = t0;
        const put = (p: [number, number], sog: number) =>
          ing.addMessage(positionReport(999000001, p, sog, 0), t);
        const leg = (a: [number, number], b: [number, number], sog: number, steps: number, dt: number) => {
          for (let k = 0; k <= steps; k++) {
            put([a[0] + ((b[0] - a[0]) * k) / steps, a[1] + ((b[1] - a[1]) * k) / steps], sog);
            t += dt;
          }
        };
        leg(sea, berth, 8, 120, 10);
        for (let k = 0; k < 40; k++, t += 180) put(berth, 0);
        leg(berth, sea, 8, 120, 10);
        await ing.flush();
        const deadline = Date.now() + 30_000;
        let found = 0;
        while (Date.now() < deadline && found === 0) {
          await new Promise((r) => setTimeout(r, 500));
          found = (await calls.listCalls({ mmsi: 999000001, limit: 10, offset: 0 })).total;
        }
        expect(found).toBe(1);
      } finally {
        await updater.stop();
      }
    }, 60_000);

    it("stores a Long Beach mooring under USLGB, apart from Los Angeles, and replaces it on recompute", async () => {
      // PCT, Pier J north face: quay (690, 517)-(340, 517) of a public San Pedro Bay model in 2 m
      // units east/south of 33.7500 N, -118.2099 E (see src/calls/berth-detection.test.ts), i.e.
      // about -118.1988 E, 33.7407 N; the ship lies 45 m north of it in the slip.
      const berth: [number, number] = [-118.1988, 33.7411];
      const sea: [number, number] = [-118.19, 33.6];
      const t0 = START.getTime() / 1000 + 20 * 86400;
      const ing = new AisIngest(store.ais, { source: "lgb-test" });
      let t = t0;
      const put = (p: [number, number], sog: number) =>
        ing.addMessage(positionReport(999000002, p, sog, sog === 0 ? 5 : 0), t);
      const leg = (a: [number, number], b: [number, number], steps: number) => {
        for (let k = 0; k <= steps; k++, t += 10)
          put([a[0] + ((b[0] - a[0]) * k) / steps, a[1] + ((b[1] - a[1]) * k) / steps], 8);
      };
      leg(sea, berth, 240);
      for (let k = 0; k < 100; k++, t += 180) put(berth, 0);
      leg(berth, sea, 240);
      await ing.flush();
      for (let run = 0; run < 2; run++) {
        await detectCallsInRange(deps, t0 - 86400, t + 86400);
        const lgb = await calls.listCalls({ port: "USLGB", mmsi: 999000002, limit: 10, offset: 0 });
        expect(lgb.calls.map((c) => [c.port, c.neighbourOf, c.terminal])).toEqual([
          ["USLGB", "USLAX", "uslax-terminal-lgb-pct"],
        ]);
        expect((await calls.listCalls({ port: "USLAX", mmsi: 999000002, limit: 10, offset: 0 })).total).toBe(
          0,
        );
        const segs = await calls.segments("USLGB", 999000002, t0 - 86400, t + 86400);
        expect(segs.some((x) => x.mode === "at_berth")).toBe(true);
      }
    }, 60_000);
  });
}
