/**
 * The exchange engine between two stores in process (the transport hands the signed JSON to the
 * other node's use cases, as the HTTP routes do): a step whose delivery fails is stored, reported
 * undelivered, and repaired by the next sync (the same signed message again); the provider publishes
 * only what changed, a correction supersedes the package it replaces; the consumer pulls; a
 * termination reaches the peer and stops the flow. Plus the admin route's contract over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/errors.ts";
import { agreementTerms, wire } from "../../src/exchange/fixtures/two-nodes.ts";
import {
  acceptNotice,
  addPeer,
  type DatasetRow,
  type EngineDeps,
  type ExchangeStore,
  fingerprint,
  initNode,
  negotiateAgreement,
  type PeerTransport,
  publishAgreement,
  receiveNegotiationMessage,
  receiveReceipt,
  requestAgreement,
  servePull,
  syncAgreement,
  takeStep,
} from "../../src/exchange/index.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";
import { startTestServer } from "../helpers/server.ts";

let clock = Date.parse("2027-02-01T00:00:00Z");
const now = () => {
  clock += 1000;
  return new Date(clock);
};

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`exchange engine on ${kind.kind}`, () => {
    const dbs: TestDatabase[] = [];
    let la: Store;
    let ngo: Store;
    let down = false;
    /** LA's rows: three companies in January; `extra` adds to company A (a correction). */
    let extra = 0;
    const laRows = async (): Promise<DatasetRow[]> =>
      ["A", "B", "C"].map((c, i) => ({
        contributor: c,
        dims: { category: "ogv", month: "2027-01", year: "2027" },
        values: { co2eTonnes: i + 1 + (c === "A" ? extra : 0) },
      }));
    // In process: each call is what the peer's route handler would do with the JSON.
    const transportTo = (peer: ExchangeStore): PeerTransport => ({
      async sendNegotiationMessage(m) {
        if (down) throw new DomainError("unavailable", "connection refused");
        const r = await receiveNegotiationMessage(peer, wire(m), now());
        return r.ok ? { ok: true } : { ok: false, reason: r.reason, detail: r.detail };
      },
      async sendNotice(n) {
        if (down) throw new DomainError("unavailable", "connection refused");
        return acceptNotice(peer, wire(n), now());
      },
      pull: async (request) => wire(await servePull(peer, wire(request), now())),
      async sendReceipts(receipts) {
        for (const r of receipts) await receiveReceipt(peer, wire(r), now());
      },
    });
    let laDeps: EngineDeps;
    let ngoDeps: EngineDeps;

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) dbs.push(await kind.create());
      la = openStore({ databaseUrl: dbs[0]!.url });
      ngo = openStore({ databaseUrl: dbs[1]!.url });
      await la.migrate();
      await ngo.migrate();
      const a = await initNode(
        la.exchange,
        { port: "USLAX", name: { en: "LA", ja: "LA" }, endpoint: "http://la/" },
        now(),
      );
      const b = await initNode(
        ngo.exchange,
        { port: "JPNGO", name: { en: "NGO", ja: "NGO" }, endpoint: "http://ngo/" },
        now(),
      );
      await addPeer(la.exchange, wire(b.document), { fingerprint: fingerprint(b.keys[0]!.publicKey) }, now());
      await addPeer(
        ngo.exchange,
        wire(a.document),
        { fingerprint: fingerprint(a.keys[0]!.publicKey) },
        now(),
      );
      laDeps = {
        exchange: la.exchange,
        now,
        transportFor: () => transportTo(ngo.exchange),
        rowsFor: laRows,
        attempts: 2,
        retryDelayMs: 1,
      };
      ngoDeps = {
        exchange: ngo.exchange,
        now,
        transportFor: () => transportTo(la.exchange),
        rowsFor: async () => [],
        attempts: 2,
        retryDelayMs: 1,
      };
    });
    afterAll(async () => {
      await la?.close();
      await ngo?.close();
      for (const d of dbs) await d.drop();
    });

    let id = "";
    it("a step that cannot be delivered is kept and sent again by the next sync", async () => {
      down = true;
      const r = await requestAgreement(ngoDeps, agreementTerms());
      expect(r).toMatchObject({ state: "REQUESTED", delivered: false });
      expect(r.reason).toMatch(/unavailable: connection refused/);
      id = r.id;
      expect(await la.exchange.getNegotiation(id)).toBeUndefined();
      down = false;
      const s = await syncAgreement(ngoDeps, id);
      expect(s.status).toBe("negotiating");
      expect((await la.exchange.getNegotiation(id))?.state).toBe("REQUESTED");
      // Sent once more: the provider acknowledges a duplicate, nothing changes.
      await syncAgreement(ngoDeps, id);
      expect(await la.exchange.negotiationLog(id)).toHaveLength(1);
      const audit = await ngo.exchange.listAudit({ agreementId: id });
      expect(audit.filter((e) => e.action === "negotiation.delivered").map((e) => e.outcome)).toEqual([
        "failed",
        "ok",
        "ok",
      ]);
    });

    it("negotiates to FINALIZED, each step delivered", async () => {
      for (const [deps, type] of [
        [laDeps, "offer"],
        [ngoDeps, "accept"],
        [laDeps, "agree"],
        [ngoDeps, "verify"],
        [laDeps, "finalize"],
      ] as const) {
        const r = await takeStep(deps, id, {
          type,
          ...(type === "offer" ? { terms: agreementTerms({ version: 2 }) } : {}),
        });
        expect(r.delivered, `${type}: ${r.reason}`).toBe(true);
      }
      expect((await ngo.exchange.getNegotiation(id))?.state).toBe("FINALIZED");
    });

    it("publishes only what changed; a correction supersedes; the consumer pulls", async () => {
      const first = await publishAgreement(laDeps, id);
      expect(first).toEqual({ status: "active", sent: [1], notice: "delivered" });
      expect((await publishAgreement(laDeps, id)).sent).toEqual([]);
      extra = 0.5;
      expect((await publishAgreement(laDeps, id)).sent).toEqual([2]);
      const pulled = await syncAgreement(ngoDeps, id);
      expect(pulled).toMatchObject({ role: "consumer", status: "active", accepted: [1, 2], refused: [] });
      const received = await ngo.exchange.listPackages(id, "received");
      // January: 1.5 + 2 + 3 = 6.5 t after the correction of company A (was 1 + 2 + 3 = 6).
      expect(received.map((p) => [p.seq, p.supersedes, p.cells[0]?.values.co2eTonnes])).toEqual([
        [1, undefined, 6],
        [2, 1, 6.5],
      ]);
      const provider = await syncAgreement(laDeps, id);
      expect(provider).toMatchObject({ role: "provider", sent: [], accepted: [1, 2], refused: [] });
    });

    it("a termination reaches the consumer; nothing flows afterwards", async () => {
      const r = await takeStep(ngoDeps, id, { type: "terminate", reason: "test over" });
      expect(r).toMatchObject({ state: "TERMINATED", delivered: true });
      expect((await la.exchange.getNegotiation(id))?.terminationReason).toBeDefined();
      extra = 5;
      expect(await publishAgreement(laDeps, id)).toEqual({ status: "terminated", sent: [] });
    });

    it("a negotiation whose step is not delivered says which step, in the reader's language", async () => {
      down = true;
      const saved = process.env.SP_LANG;
      try {
        process.env.SP_LANG = "en";
        await expect(negotiateAgreement(ngoDeps, laDeps, agreementTerms())).rejects.toThrow(
          /^request of agreement [0-9a-f-]+ was not delivered: unavailable: connection refused/,
        );
        process.env.SP_LANG = "ja";
        await expect(negotiateAgreement(ngoDeps, laDeps, agreementTerms())).rejects.toThrow(
          /^協定 [0-9a-f-]+ の request は届きませんでした：unavailable: connection refused/,
        );
      } finally {
        if (saved === undefined) delete process.env.SP_LANG;
        else process.env.SP_LANG = saved;
        down = false;
      }
    });
  });
}

describe("admin agreement routes", () => {
  it("answer the step contract: stored here, not delivered when the peer is unreachable", async () => {
    const server = await startTestServer({ webDir: "/nonexistent" });
    try {
      const store = server.store;
      await initNode(
        store.exchange,
        { port: "USLAX", name: { en: "LA", ja: "LA" }, endpoint: server.baseUrl },
        new Date(),
      );
      // A peer whose endpoint refuses connections (port 9 on loopback: discard, closed here).
      const ngoDb = await testDatabaseKinds()[0]!.create();
      const ngo = openStore({ databaseUrl: ngoDb.url });
      await ngo.migrate();
      const b = await initNode(
        ngo.exchange,
        { port: "JPNGO", name: { en: "N", ja: "N" }, endpoint: "http://127.0.0.1:9/" },
        new Date(),
      );
      await addPeer(
        store.exchange,
        wire(b.document),
        { fingerprint: fingerprint(b.keys[0]!.publicKey) },
        new Date(),
      );
      await ngo.close();
      await ngoDb.drop();
      const headers = { ...(await server.headersFor("admin")), "content-type": "application/json" };
      const year = new Date().getUTCFullYear();
      const terms = agreementTerms({
        provider: "JPNGO",
        consumer: "USLAX",
        validFrom: `${year}-01-01T00:00:00Z`,
        validUntil: `${year + 2}-01-01T00:00:00Z`,
      });
      const res = await fetch(`${server.baseUrl}/api/exchange/agreements`, {
        method: "POST",
        headers,
        body: JSON.stringify({ terms }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { id: string; state: string; delivered: boolean; reason?: string };
      expect(body).toMatchObject({ state: "REQUESTED", delivered: false });
      expect(body.reason).toMatch(/unavailable/);
      // A step this node may not take now (the provider has not offered): 409 conflict.
      const step = await fetch(`${server.baseUrl}/api/exchange/agreements/${body.id}/steps`, {
        method: "POST",
        headers,
        body: JSON.stringify({ type: "verify" }),
      });
      expect(step.status).toBe(409);
      const sync = await fetch(`${server.baseUrl}/api/exchange/agreements/${body.id}/sync`, {
        method: "POST",
        headers: await server.headersFor("admin"),
      });
      expect(sync.status).toBe(200);
      expect(await sync.json()).toEqual({
        role: "consumer",
        status: "negotiating",
        sent: [],
        accepted: [],
        duplicates: [],
        refused: [],
      });
    } finally {
      await server.close();
    }
  }, 60_000);
});
