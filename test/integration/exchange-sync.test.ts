/**
 * Pull sync with push notice between two nodes (two stores, in process; the HTTP transport comes
 * next): paging, a transfer broken in the middle that resumes from the consumer's chain head with
 * nothing stored twice, receipts back to the provider, forged and stale pulls refused, and a
 * revocation that the next pull learns at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAndAgree, wire } from "../../src/exchange/fixtures/two-nodes.ts";
import type { DatasetRow } from "../../src/exchange/package.ts";
import {
  acceptNotice,
  negotiationStep,
  nodeSigner,
  noticeFor,
  pullAgreement,
  receiveReceipt,
  sendPackage,
  servePull,
} from "../../src/exchange/service.ts";
import { type SyncTransport, signPullRequest } from "../../src/exchange/sync.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

let clock = Date.parse("2027-02-01T00:00:00Z");
const now = () => {
  clock += 1000;
  return new Date(clock);
};
const rows = (month: string): DatasetRow[] =>
  ["A", "B", "C"].map((c, i) => ({
    contributor: c,
    dims: { category: "ogv", month, year: month.slice(0, 4) },
    values: { co2eTonnes: i + 1 },
  }));

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`pull sync on ${kind.kind}`, () => {
    const dbs: TestDatabase[] = [];
    let la: Store;
    let ngo: Store;
    let id = "";
    const transport = (): SyncTransport & { pulls: number } => {
      const t = {
        pulls: 0,
        async pull(request: Parameters<SyncTransport["pull"]>[0]) {
          t.pulls++;
          return wire(await servePull(la.exchange, wire(request), now()));
        },
        async sendReceipts(receipts: Parameters<SyncTransport["sendReceipts"]>[0]) {
          for (const r of receipts) await receiveReceipt(la.exchange, wire(r), now());
        },
      };
      return t;
    };

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) dbs.push(await kind.create());
      la = openStore({ databaseUrl: dbs[0]?.url ?? "" });
      ngo = openStore({ databaseUrl: dbs[1]?.url ?? "" });
      await la.migrate();
      await ngo.migrate();
      id = await connectAndAgree(la.exchange, ngo.exchange, now);
    });
    afterAll(async () => {
      await la?.close();
      await ngo?.close();
      for (const d of dbs) await d.drop();
    });

    it("notice, then pull in pages of 2: five packages in three pulls, receipts back", async () => {
      for (const m of ["01", "02", "03", "04", "05"])
        await sendPackage(
          la.exchange,
          id,
          { dataset: "emissions-inventory", rows: rows(`2026-${m}`) },
          now(),
        );
      const notice = await acceptNotice(ngo.exchange, wire(await noticeFor(la.exchange, id, now())), now());
      expect(notice.seq).toBe(5);
      const t = transport();
      const r = await pullAgreement(ngo.exchange, id, t, now, { pageSize: 2 });
      expect(r).toEqual({ status: "active", accepted: [1, 2, 3, 4, 5], duplicates: [], refused: [] });
      expect(t.pulls).toBe(3);
      const receipts = (await la.exchange.listReceipts(id)).filter((x) => x.direction === "received");
      expect(receipts.map((x) => [x.packageSeq, x.outcome])).toEqual(
        [1, 2, 3, 4, 5].map((s) => [s, "accepted"]),
      );
      // Nothing new: one pull, nothing stored.
      expect(await pullAgreement(ngo.exchange, id, transport(), now)).toEqual({
        status: "active",
        accepted: [],
        duplicates: [],
        refused: [],
      });
    });

    it("a transfer broken in the middle resumes from the consumer's chain head; nothing stored twice", async () => {
      for (const m of ["06", "07", "08"])
        await sendPackage(
          la.exchange,
          id,
          { dataset: "emissions-inventory", rows: rows(`2026-${m}`) },
          now(),
        );
      const broken = transport();
      const pull = broken.pull;
      broken.pull = async (request) => {
        if (broken.pulls >= 1) throw new Error("connection reset");
        return pull(request);
      };
      await expect(pullAgreement(ngo.exchange, id, broken, now, { pageSize: 1 })).rejects.toThrow(
        "connection reset",
      );
      expect((await ngo.exchange.chainHead(id, "received"))?.seq).toBe(6);
      // The same page delivered again (the response was lost after the consumer stored it): acknowledged.
      const replayFirst = transport();
      const original = replayFirst.pull;
      let first = true;
      replayFirst.pull = async (request) => {
        const response = await original({ ...request });
        if (!first) return response;
        first = false;
        const again = await servePull(
          la.exchange,
          wire(
            signPullRequest(
              { agreementId: id, to: "USLAX", after: 5, limit: 1, sentAt: new Date(clock).toISOString() },
              await nodeSigner(ngo.exchange, new Date(clock)),
            ),
          ),
          now(),
        );
        return { ...response, packages: [...again.packages, ...response.packages] };
      };
      const resumed = await pullAgreement(ngo.exchange, id, replayFirst, now, { pageSize: 1 });
      expect(resumed).toEqual({ status: "active", accepted: [7, 8], duplicates: [6], refused: [] });
      expect((await ngo.exchange.listPackages(id, "received")).map((p) => p.seq)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
    });

    it("refuses a pull signed by the wrong node or signed too long ago, and audits it", async () => {
      clock += 3_600_000; // an hour on: the keys existed 10 min ago
      const forged = signPullRequest(
        { agreementId: id, to: "USLAX", after: 0, limit: 10, sentAt: new Date(clock).toISOString() },
        { ...(await nodeSigner(la.exchange, new Date(clock))), port: "JPNGO" },
      );
      await expect(servePull(la.exchange, forged, now())).rejects.toThrow(/unknown_key|signature_invalid/);
      const old = signPullRequest(
        {
          agreementId: id,
          to: "USLAX",
          after: 0,
          limit: 10,
          sentAt: new Date(clock - 600_000).toISOString(),
        },
        await nodeSigner(ngo.exchange, new Date(clock)),
      );
      await expect(servePull(la.exchange, old, now())).rejects.toThrow(/stale/);
      const refused = (await la.exchange.listAudit({ agreementId: id })).filter(
        (e) => e.action === "pull.refused",
      );
      expect(refused.map((e) => e.reason)).toEqual(["unknown_key", "stale"]);
    });

    it("revocation by the provider: the next pull returns status terminated and no package", async () => {
      await sendPackage(la.exchange, id, { dataset: "emissions-inventory", rows: rows("2026-09") }, now());
      await negotiationStep(
        la.exchange,
        id,
        {
          type: "terminate",
          reason: { code: "revoked", text: { en: "Revoked by Los Angeles", ja: "ロサンゼルス港が取り消し" } },
        },
        now(),
      );
      const r = await pullAgreement(ngo.exchange, id, transport(), now);
      expect(r).toEqual({ status: "terminated", accepted: [], duplicates: [], refused: [] });
      expect((await ngo.exchange.chainHead(id, "received"))?.seq).toBe(8);
    });
  });
}
