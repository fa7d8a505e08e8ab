/**
 * The exchange's read routes on the real server: Nagoya's node is the server's store, Los Angeles'
 * a second store beside it; both agree through the fixture (request v1 → offer v2 → accept → agree →
 * verify → finalize), LA sends two packages and a correction of the first, Nagoya takes them in
 * through the service. The routes then show, as computed by hand below: the agreement, its six signed
 * messages, three packages (one superseded), three receipts and the audit log page by page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAndAgree, wire } from "../../src/exchange/fixtures/two-nodes.ts";
import type { DatasetRow } from "../../src/exchange/package.ts";
import { receivePackage, sendPackage } from "../../src/exchange/service.ts";
import type {
  AgreementDetailWire,
  AgreementListWire,
  ExchangeAuditPageWire,
} from "../../src/exchange/wire.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

// Real time (the server's clock): the agreement is valid from a year ago to three years on.
let clock = Date.now() - 3_600_000;
const tick = () => {
  clock += 1000;
  return new Date(clock);
};
const year = new Date().getUTCFullYear();
const VALIDITY = {
  validFrom: `${year - 1}-01-01T00:00:00Z`,
  validUntil: `${year + 3}-01-01T00:00:00Z`,
};

const row = (contributor: string, category: string, month: string, co2eTonnes: number): DatasetRow => ({
  contributor,
  dims: { category, month, year: month.slice(0, 4) },
  values: { co2eTonnes },
});

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`exchange read routes on ${kind.kind}`, () => {
    let server: TestServer;
    let laDb: TestDatabase;
    let serverDb: TestDatabase;
    let la: Store;
    let id = "";
    const hashes: string[] = [];
    let analyst: Record<string, string> = {};

    beforeAll(async () => {
      laDb = await kind.create();
      serverDb = await kind.create();
      server = await startTestServer({ databaseUrl: serverDb.url });
      la = openStore({ databaseUrl: laDb.url });
      await la.migrate();
      const ngo = server.store.exchange;
      id = await connectAndAgree(la.exchange, ngo, tick, VALIDITY);
      // Package 1: ogv 2026-01 from A, B, C (100 + 50 + 25 = 175 t) and rail from D alone (suppressed, k = 3).
      // Package 2: ogv 2026-02 from A, B, C (10 + 20 + 30 = 60 t). Package 3 corrects package 1.
      const sends = [
        {
          rows: [
            row("A", "ogv", "2026-01", 100),
            row("B", "ogv", "2026-01", 50),
            row("C", "ogv", "2026-01", 25),
            row("D", "rail", "2026-01", 9),
          ],
        },
        {
          rows: [
            row("A", "ogv", "2026-02", 10),
            row("B", "ogv", "2026-02", 20),
            row("C", "ogv", "2026-02", 30),
          ],
        },
        {
          rows: [
            row("A", "ogv", "2026-01", 90),
            row("B", "ogv", "2026-01", 50),
            row("C", "ogv", "2026-01", 25),
          ],
          supersedes: 1,
        },
      ];
      for (const s of sends) {
        const sent = await sendPackage(la.exchange, id, { dataset: "emissions-inventory", ...s }, tick());
        hashes.push(sent.hash);
        const r = await receivePackage(ngo, wire(sent.package), tick());
        expect(r.outcome).toBe("accepted");
      }
      analyst = await server.headersFor("analyst");
    }, 60_000);

    afterAll(async () => {
      await server?.close();
      await la?.close();
      await laDb?.drop();
      await serverDb?.drop();
    });

    const get = async <T>(path: string, headers: Record<string, string>) => {
      const r = await fetch(`${server.baseUrl}${path}`, { headers });
      return { status: r.status, body: (await r.json()) as T };
    };

    it("lists the agreement as Nagoya sees it: consumer, finalized, active, 3 packages received", async () => {
      const { status, body } = await get<AgreementListWire>("/api/exchange/agreements", analyst);
      expect(status).toBe(200);
      expect(body.node).toEqual({ port: "JPNGO", name: { en: "Port of Nagoya", ja: "名古屋港" } });
      expect(body.agreements).toHaveLength(1);
      const a = body.agreements[0];
      expect(a).toMatchObject({
        id,
        role: "consumer",
        provider: { port: "USLAX", name: { en: "Port of Los Angeles", ja: "ロサンゼルス港" } },
        consumer: { port: "JPNGO" },
        state: "FINALIZED",
        status: "active",
        version: 2,
        minCellSize: 3,
        retentionDays: 365,
        packages: { sent: 0, received: 3 },
        // The consumer of a FINALIZED agreement may only end it.
        allowedSteps: ["terminate"],
      });
      expect(a?.datasets).toEqual([
        {
          dataset: "emissions-inventory",
          title: {
            en: "Emissions inventory by source category and month",
            ja: "排出インベントリ（発生源区分・月別）",
          },
          aggregation: "category-month",
          fields: [{ name: "co2eTonnes", unit: "t CO2e" }],
        },
      ]);
      // The last sync is the third package taken in; the last package stored is the same moment.
      expect(a?.lastSyncAt).not.toBeNull();
      expect(a?.packages.lastAt).toBe(a?.lastSyncAt);
    });

    it("shows one agreement in full: terms, six signed messages, packages with hashes, receipts, audit", async () => {
      const { status, body } = await get<AgreementDetailWire>(`/api/exchange/agreements/${id}`, analyst);
      expect(status).toBe(200);
      expect(body.terms.attribution).toEqual({
        en: "Source: Port of Los Angeles",
        ja: "出典：ロサンゼルス港",
      });
      expect(body.terms.permissions).toEqual([{ action: "display", constraints: [] }]);
      expect(body.terms.prohibitions).toEqual([{ action: "distribute", constraints: [] }]);
      expect(body.log.map((m) => [m.seq, m.type, m.from, m.termsVersion])).toEqual([
        [0, "request", "JPNGO", 1],
        [1, "offer", "USLAX", 2],
        [2, "accept", "JPNGO", null],
        [3, "agree", "USLAX", null],
        [4, "verify", "JPNGO", null],
        [5, "finalize", "USLAX", null],
      ]);
      expect(new Set(body.log.map((m) => m.hash)).size).toBe(6);
      expect(body.agreementHash).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      // Package 1: one ogv cell (A, B, C), rail (D alone) suppressed; 3 supersedes 1.
      expect(
        body.packages.map((p) => [
          p.direction,
          p.seq,
          p.cells,
          p.suppressedCells,
          p.supersedes,
          p.current,
          p.purgedAt,
        ]),
      ).toEqual([
        ["received", 1, 1, 1, null, false, null],
        ["received", 2, 1, 0, null, true, null],
        ["received", 3, 1, 0, 1, true, null],
      ]);
      // The hash of each package as LA signed it, computed there by sendPackage.
      expect(body.packages.map((p) => p.hash)).toEqual(hashes);
      expect(body.receipts.map((r) => [r.direction, r.packageSeq, r.outcome, r.from])).toEqual([
        ["sent", 1, "accepted", "JPNGO"],
        ["sent", 2, "accepted", "JPNGO"],
        ["sent", 3, "accepted", "JPNGO"],
      ]);
      // Nagoya's own log of this agreement: request, accept, verify sent; offer, agree, finalize
      // received; three packages received.
      expect(body.audit.map((e) => e.action)).toEqual([
        "negotiation.sent",
        "negotiation.received",
        "negotiation.sent",
        "negotiation.received",
        "negotiation.sent",
        "negotiation.received",
        "package.received",
        "package.received",
        "package.received",
      ]);
    });

    it("an unknown agreement is 404", async () => {
      const { status } = await get("/api/exchange/agreements/00000000-0000-4000-8000-000000000000", analyst);
      expect(status).toBe(404);
    });

    it("pages the audit log newest first with `before`", async () => {
      // Nagoya's log: node.init, peer.add, 6 negotiation entries, 3 package.received = 11 entries.
      const first = await get<ExchangeAuditPageWire>("/api/exchange/audit?limit=5", server.adminHeaders);
      expect(first.status).toBe(200);
      expect(first.body.entries.map((e) => e.seq)).toEqual([11, 10, 9, 8, 7]);
      expect(first.body.nextBefore).toBe(7);
      const second = await get<ExchangeAuditPageWire>(
        "/api/exchange/audit?limit=5&before=7",
        server.adminHeaders,
      );
      expect(second.body.entries.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2]);
      const last = await get<ExchangeAuditPageWire>(
        "/api/exchange/audit?limit=5&before=2",
        server.adminHeaders,
      );
      expect(last.body.entries.map((e) => [e.seq, e.action])).toEqual([[1, "node.init"]]);
      expect(last.body.nextBefore).toBeNull();
    });

    it("who may read: agreements analyst and admin; the audit log admin only", async () => {
      expect((await get("/api/exchange/agreements", {})).status).toBe(401);
      expect((await get("/api/exchange/agreements", await server.headersFor("trucking"))).status).toBe(403);
      expect((await get("/api/exchange/audit", analyst)).status).toBe(403);
      expect((await get("/api/exchange/agreements", server.adminHeaders)).status).toBe(200);
    });
  });
}
