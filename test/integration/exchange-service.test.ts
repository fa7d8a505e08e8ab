/**
 * Two nodes in one process, each with its own store (SQLite always; PostgreSQL too when CI gives
 * one): set up, introduce by node document and fingerprint, negotiate with a counter-offer to
 * FINALIZED, send packages with receipts, a retry that adds nothing, a correction, refusals audited on
 * the receiving side, and revocation by the consumer that stops the provider at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgreementTerms, NegotiationMessage } from "../../src/exchange/agreement.ts";
import { firstBrokenAuditEntry } from "../../src/exchange/audit.ts";
import { fingerprint } from "../../src/exchange/keys.ts";
import { buildPackage, type DatasetRow } from "../../src/exchange/package.ts";
import {
  addPeer,
  applyRetention,
  draftAgreement,
  initNode,
  negotiationStep,
  nodeSigner,
  receiveNegotiationMessage,
  receivePackage,
  receiveReceipt,
  sendPackage,
} from "../../src/exchange/service.ts";
import { openStore, type Store } from "../../src/store/index.ts";
import { type TestDatabase, testDatabaseKinds } from "../helpers/databases.ts";

let clock = Date.parse("2027-01-05T00:00:00Z");
const tick = () => {
  clock += 60_000;
  return new Date(clock);
};

const rows: DatasetRow[] = [
  {
    contributor: "A",
    dims: { category: "ogv", month: "2026-12", year: "2026" },
    values: { co2eTonnes: 100 },
  },
  { contributor: "B", dims: { category: "ogv", month: "2026-12", year: "2026" }, values: { co2eTonnes: 50 } },
  { contributor: "C", dims: { category: "ogv", month: "2026-12", year: "2026" }, values: { co2eTonnes: 25 } },
  { contributor: "D", dims: { category: "rail", month: "2026-12", year: "2026" }, values: { co2eTonnes: 9 } },
];

for (const kind of testDatabaseKinds()) {
  describe.skipIf(kind.skip)(`two exchange nodes on ${kind.kind}`, () => {
    const dbs: TestDatabase[] = [];
    let la: Store;
    let ngo: Store;
    let id = "";

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) dbs.push(await kind.create());
      la = openStore({ databaseUrl: dbs[0]?.url ?? "" });
      ngo = openStore({ databaseUrl: dbs[1]?.url ?? "" });
      await la.migrate();
      await ngo.migrate();
    });
    afterAll(async () => {
      await la?.close();
      await ngo?.close();
      for (const d of dbs) await d.drop();
    });

    /** Delivers a message from one node to the other (the HTTP transport's job, later). */
    async function deliver(to: Store, message: NegotiationMessage) {
      const r = await receiveNegotiationMessage(to.exchange, JSON.parse(JSON.stringify(message)), tick());
      if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
      return r.state;
    }

    it("introduces the two nodes by document and fingerprint", async () => {
      const a = await initNode(
        la.exchange,
        {
          port: "USLAX",
          name: { en: "Port of Los Angeles", ja: "ロサンゼルス港" },
          endpoint: "http://127.0.0.1:8081/",
        },
        tick(),
      );
      const b = await initNode(
        ngo.exchange,
        { port: "JPNGO", name: { en: "Port of Nagoya", ja: "名古屋港" }, endpoint: "http://127.0.0.1:8082/" },
        tick(),
      );
      const fpA = fingerprint(a.keys[0]?.publicKey ?? "");
      const fpB = fingerprint(b.keys[0]?.publicKey ?? "");
      await expect(addPeer(la.exchange, b.document, { fingerprint: fpA }, tick())).rejects.toThrow(
        /fingerprint_mismatch/,
      );
      expect(await addPeer(la.exchange, b.document, { fingerprint: fpB }, tick())).toMatchObject({
        outcome: "added",
      });
      expect(await addPeer(ngo.exchange, a.document, { fingerprint: fpA }, tick())).toMatchObject({
        outcome: "added",
      });
      expect((await la.exchange.listAudit()).map((e) => `${e.action}:${e.outcome}`)).toEqual([
        "node.init:ok",
        "peer.add:refused",
        "peer.add:ok",
      ]);
    });

    it("negotiates request → counter-offer → accept → agree → verify → finalize; both hold the same log", async () => {
      const t: AgreementTerms = {
        version: 1,
        provider: "USLAX",
        consumer: "JPNGO",
        datasets: [{ dataset: "emissions-inventory", aggregation: "category-month", fields: ["co2eTonnes"] }],
        minCellSize: 2,
        purpose: { en: "Side-by-side emissions", ja: "排出量の並列比較" },
        permissions: [{ action: "display", constraints: [] }],
        prohibitions: [{ action: "distribute", constraints: [] }],
        retentionDays: 365,
        attribution: { en: "Source: Port of Los Angeles", ja: "出典：ロサンゼルス港" },
        validFrom: "2027-01-01T00:00:00Z",
        validUntil: "2028-01-01T00:00:00Z",
      };
      const request = await draftAgreement(ngo.exchange, t, tick());
      id = request.state.id;
      expect(request.message.type).toBe("request");
      await deliver(la, request.message);
      // LA counters: k = 3 instead of 2.
      const offer = await negotiationStep(
        la.exchange,
        id,
        { type: "offer", terms: { ...t, version: 2, minCellSize: 3 } },
        tick(),
      );
      await deliver(ngo, offer.message);
      for (const [from, to, type] of [
        [ngo, la, "accept"],
        [la, ngo, "agree"],
        [ngo, la, "verify"],
        [la, ngo, "finalize"],
      ] as const) {
        const step = await negotiationStep(from.exchange, id, { type }, tick());
        await deliver(to, step.message);
      }
      const a = await la.exchange.getNegotiation(id);
      const b = await ngo.exchange.getNegotiation(id);
      expect(a).toEqual(b);
      expect(a).toMatchObject({ state: "FINALIZED", terms: { version: 2, minCellSize: 3 } });
      expect(await la.exchange.negotiationLog(id)).toEqual(await ngo.exchange.negotiationLog(id));
      // A message delivered twice (a retry) changes nothing.
      const log = await la.exchange.negotiationLog(id);
      const again = await receiveNegotiationMessage(ngo.exchange, log[5], tick());
      expect(again).toMatchObject({ ok: true, duplicate: true });
    });

    it("sends packages with signed receipts; a retry is acknowledged, a replay or tampering refused and audited", async () => {
      const sent = await sendPackage(la.exchange, id, { dataset: "emissions-inventory", rows }, tick());
      // ogv 2026-12: A + B + C = 175 t from 3 companies; rail (1 company) suppressed with k = 3.
      expect(sent.package.cells).toEqual([
        { dims: { category: "ogv", month: "2026-12" }, values: { co2eTonnes: 175 }, contributors: 3 },
      ]);
      expect(sent.package.suppressed.cells).toBe(1);
      const wire = JSON.parse(JSON.stringify(sent.package));
      const r1 = await receivePackage(ngo.exchange, wire, tick());
      expect(r1).toMatchObject({ outcome: "accepted" });
      expect(await receiveReceipt(la.exchange, JSON.parse(JSON.stringify(r1.receipt)), tick())).toMatchObject(
        { outcome: "accepted" },
      );
      expect(await receivePackage(ngo.exchange, wire, tick())).toMatchObject({ outcome: "duplicate" });
      expect(await ngo.exchange.listPackages(id, "received")).toHaveLength(1);

      const tampered = structuredClone(wire);
      tampered.cells[0].values.co2eTonnes = 17.5;
      expect(await receivePackage(ngo.exchange, tampered, tick())).toMatchObject({
        outcome: "refused",
        reason: "tampered",
      });

      const correction = await sendPackage(
        la.exchange,
        id,
        { dataset: "emissions-inventory", rows: rows.slice(1), supersedes: 1 },
        tick(),
      );
      const skipped = await sendPackage(la.exchange, id, { dataset: "emissions-inventory", rows }, tick());
      expect(await receivePackage(ngo.exchange, skipped.package, tick())).toMatchObject({
        outcome: "refused",
        reason: "out_of_order",
      });
      expect(await receivePackage(ngo.exchange, correction.package, tick())).toMatchObject({
        outcome: "accepted",
      });
      expect(await receivePackage(ngo.exchange, skipped.package, tick())).toMatchObject({
        outcome: "accepted",
      });
      expect(
        (await ngo.exchange.listPackages(id, "received")).map((p) => [p.seq, p.supersedes ?? null]),
      ).toEqual([
        [1, null],
        [2, 1],
        [3, null],
      ]);
      // A different package 1 signed by LA (an old one replayed, or a fork): refused as replayed.
      const state = await la.exchange.getNegotiation(id);
      if (!state) throw new Error("no agreement");
      const signer = await nodeSigner(la.exchange, tick());
      const old = buildPackage(
        state,
        { dataset: "emissions-inventory", rows: rows.slice(0, 3) },
        undefined,
        signer,
        new Date(clock).toISOString(),
      );
      expect(await receivePackage(ngo.exchange, old, tick())).toMatchObject({
        outcome: "refused",
        reason: "replayed",
      });
      const refused = (await ngo.exchange.listAudit({ agreementId: id })).filter(
        (e) => e.outcome === "refused",
      );
      expect(refused.map((e) => e.reason)).toEqual(["tampered", "out_of_order", "replayed"]);
    });

    it("revocation by the consumer stops the provider at once; a package in flight is refused as revoked", async () => {
      const inFlight = await sendPackage(la.exchange, id, { dataset: "emissions-inventory", rows }, tick());
      const revoke = await negotiationStep(
        ngo.exchange,
        id,
        {
          type: "terminate",
          reason: { code: "revoked", text: { en: "Revoked by Nagoya", ja: "名古屋港が取り消し" } },
        },
        tick(),
      );
      expect(await receivePackage(ngo.exchange, inFlight.package, tick())).toMatchObject({
        outcome: "refused",
        reason: "revoked",
      });
      await deliver(la, revoke.message);
      await expect(
        sendPackage(la.exchange, id, { dataset: "emissions-inventory", rows }, tick()),
      ).rejects.toThrow(/terminated/);
      for (const s of [la, ngo]) {
        expect((await s.exchange.getNegotiation(id))?.state).toBe("TERMINATED");
        expect(firstBrokenAuditEntry(await s.exchange.listAudit())).toBeUndefined();
      }
    });

    it("retention: the receiver deletes the cells past the agreed period and proves it in its audit log", async () => {
      // retentionDays 365; the packages were stored on 2027-01-05 (the test clock).
      const stored = await ngo.exchange.listPackages(id, "received");
      const lastStored = Date.parse(stored.at(-1)?.storedAt ?? "");
      expect(
        await applyRetention(
          ngo.exchange,
          new Date(Date.parse(stored[0]?.storedAt ?? "") + 364 * 86_400_000),
        ),
      ).toEqual([]);
      expect(await applyRetention(ngo.exchange, new Date(lastStored + 365 * 86_400_000 + 1000))).toEqual([
        { agreementId: id, purged: [1, 2, 3] },
      ]);
      const after = await ngo.exchange.listPackages(id, "received");
      expect(after.map((p) => [p.seq, p.cells.length, p.purgedAt !== undefined])).toEqual([
        [1, 0, true],
        [2, 0, true],
        [3, 0, true],
      ]);
      const proof = (await ngo.exchange.listAudit({ agreementId: id })).at(-1);
      expect(proof).toMatchObject({
        action: "retention.deleted",
        outcome: "ok",
        detail: { retentionDays: 365 },
      });
      const sentHashes = (await la.exchange.listAudit({ agreementId: id }))
        .filter((e) => e.action === "package.sent")
        .map((e) => e.detail?.hash);
      const purgedHashes = ((proof?.detail?.packages ?? []) as { hash: string }[]).map((p) => p.hash);
      expect(sentHashes.slice(0, 3)).toEqual(purgedHashes); // the provider's log names the same packages
      expect(await applyRetention(ngo.exchange, new Date(lastStored + 400 * 86_400_000))).toEqual([]);
      expect(firstBrokenAuditEntry(await ngo.exchange.listAudit())).toBeUndefined();
    });
  });
}
