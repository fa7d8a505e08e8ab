/**
 * GET /api/exchange/side-by-side on the real server: Nagoya's node is the server's store (it holds
 * no data of its own here), Los Angeles a second store that sends, under one finalized agreement,
 * emissions by category and month, port calls by type and month, the ZE fleet — then corrects
 * the emissions, and sends terminal KPIs with the TEU handled (test/helpers/exchange-two-ports.ts). Every figure below is worked out by hand from those rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver } from "../../src/exchange/fixtures/two-nodes.ts";
import { fingerprint } from "../../src/exchange/keys.ts";
import { negotiationStep } from "../../src/exchange/service.ts";
import type { SideBySideWire } from "../../src/exchange/wire.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { agreeAndSend, month as m, year } from "../helpers/exchange-two-ports.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let clock = Date.now() - 3_600_000;
const tick = () => {
  clock += 1000;
  return new Date(clock);
};
for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`side by side on ${kind.kind}`, () => {
    let server: TestServer;
    let laDb: TestDatabase;
    let serverDb: TestDatabase;
    let la: Store;
    let id = "";
    let hashes: string[] = [];
    let analyst: Record<string, string> = {};

    beforeAll(async () => {
      laDb = await kind.create();
      serverDb = await kind.create();
      server = await startTestServer({ databaseUrl: serverDb.url });
      la = openStore({ databaseUrl: laDb.url });
      await la.migrate();
      const ngo = server.store.exchange;
      ({ id, hashes } = await agreeAndSend(la.exchange, ngo, tick));
      analyst = await server.headersFor("analyst");
    }, 60_000);

    afterAll(async () => {
      await server?.close();
      await la?.close();
      await laDb?.drop();
      await serverDb?.drop();
    });

    const get = async (query: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.baseUrl}/api/exchange/side-by-side?${query}`, { headers });
      expect(res.status).toBe(200);
      return (await res.json()) as SideBySideWire;
    };
    const metric = (b: SideBySideWire, id: string) => b.metrics.find((x) => x.id === id);

    it("Los Angeles' figures from the current packages, each with its origin", async () => {
      const b = await get(`year=${year}`, analyst);
      expect(b.audience).toBe("all");
      expect(b.own.port).toBe("JPNGO");
      expect(b.peer?.port).toBe("USLAX");
      // Per call, over the months both datasets cover (emissions March and April, calls April and
      // May): April, 165 t over 4 calls = 41.25 t CO2e per call.
      const perCall = metric(b, "co2ePerCall");
      expect(perCall?.peer.value).toBeCloseTo(41.25, 9);
      expect(perCall?.peer.origin?.packages.map((p) => [p.seq, p.dataset, p.hash])).toEqual([
        [4, "emissions-inventory", hashes[3]],
        [2, "port-calls", hashes[1]],
      ]);
      expect(perCall?.peer.origin?.node.port).toBe("USLAX");
      // The fingerprint of the key LA signed with, as LA's own node states it.
      const laKey = (await la.exchange.getNode())?.keys[0]?.publicKey ?? "";
      expect(perCall?.peer.origin?.node.fingerprint).toBe(fingerprint(laKey));
      expect(perCall?.peer.origin?.attribution).toEqual({
        en: "Source: Port of Los Angeles",
        ja: "出典：ロサンゼルス港",
      });
      // Anchorage wait weighted by calls: (3 h × 4 + 1 h × 3) / 7 = 15 / 7 = 2.142857 h.
      expect(metric(b, "anchorageWaitH")?.peer.value).toBeCloseTo(15 / 7, 9);
      // ZE share of CHE: 3 fuel-cell of 7 yard tractors.
      expect(metric(b, "zeShareChe")?.peer.value).toBeCloseTo(3 / 7, 9);
      // The one drayage truck's cell (1 owner) was withheld at k = 3: the page says why.
      expect(metric(b, "zeShareDrayage")?.peer.reason).toBe("withheld_k");
      // Per TEU, over April (the only month with TEU): 165 t over 3,000 + 2,000 + 1,000 TEU =
      // 0.0275 t CO2e/TEU, from the emissions correction and the terminal KPIs.
      const perTeu = metric(b, "co2ePerTeu");
      expect(perTeu?.peer.value).toBeCloseTo(0.0275, 12);
      expect(perTeu?.peer.origin?.packages.map((p) => [p.seq, p.dataset, p.hash])).toEqual([
        [4, "emissions-inventory", hashes[3]],
        [5, "operations-kpis", hashes[4]],
      ]);
      // Turn time: the one April cell's mean over all visits of its three terminals (the catalog
      // weights truckTurnMin by truckVisits): (100 × 60 + 50 × 90 + 50 × 60) / 200 = 13,500 / 200
      // = 67.5 min, not the mean of the terminal means (60 + 90 + 60) / 3 = 70.
      expect(metric(b, "truckTurnMin")?.peer.value).toBeCloseTo(67.5, 9);
      // Nagoya holds no data of its own in this store.
      expect(metric(b, "co2ePerCall")?.own).toMatchObject({ value: null, reason: "no_data" });
      expect(b.attributions).toEqual([{ agreementId: id, text: TERMS_ATTRIBUTION }]);
      expect(b.moneyNote?.en).toContain("no exchange rate");
    });

    it("a fiscal basis: Nagoya's FY starts in April, Los Angeles keeps its calendar year", async () => {
      const b = await get(`year=${year}&basis=fiscal`, analyst);
      expect(b.own.period).toMatchObject({ first: m(4), last: `${year + 1}-03`, effectiveBasis: "fiscal" });
      expect(b.peer?.period).toMatchObject({ first: m(1), last: m(12), effectiveBasis: "calendar" });
      expect(metric(b, "co2ePerCall")?.peer.value).toBeCloseTo(41.25, 9);
    });

    it("the public sees Los Angeles' figures (display permitted) but not Nagoya's analyst data", async () => {
      const b = await get(`year=${year}`);
      expect(b.audience).toBe("public");
      expect(metric(b, "co2ePerCall")?.peer.value).toBeCloseTo(41.25, 9);
      expect(metric(b, "co2ePerCall")?.own.reason).toBe("restricted");
      // Calls are public here (AIS): no data rather than restricted.
      expect(metric(b, "anchorageWaitH")?.own.reason).toBe("no_data");
    });

    it("another year has nothing in the packages", async () => {
      const b = await get(`year=${year - 1}`, analyst);
      expect(metric(b, "co2ePerCall")?.peer).toMatchObject({ value: null, reason: "no_data" });
    });

    it("after Nagoya revokes, Los Angeles' figures disappear and say why", async () => {
      const step = await negotiationStep(
        server.store.exchange,
        id,
        { type: "terminate", reason: { code: "revoked", text: { en: "test", ja: "テスト" } } },
        tick(),
      );
      await deliver(la.exchange, step.message, tick());
      const b = await get(`year=${year}`, analyst);
      expect(metric(b, "co2ePerCall")?.peer).toMatchObject({
        value: null,
        reason: "revoked",
        agreementId: id,
      });
      expect(b.attributions).toEqual([]);
    });
  });
}

const TERMS_ATTRIBUTION = { en: "Source: Port of Los Angeles", ja: "出典：ロサンゼルス港" };
